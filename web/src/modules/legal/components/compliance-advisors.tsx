import { Empty, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ComplianceDto } from '@rg/domain/legal/service.schema';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';

type AdvisorRow = ComplianceDto['advisors'][number];

/** 法律顾问履职: per advisor, how many of their villages fall short (the server lists the worst first). */
export function ComplianceAdvisors({ advisors }: { advisors: AdvisorRow[] }) {
  const { t } = useI18n();
  const columns: TableColumnsType<AdvisorRow> = [
    { title: t('legal.compliance.advisor'), dataIndex: 'advisorName', ellipsis: true },
    { title: t('legal.compliance.advisorVillages'), dataIndex: 'villages', width: 90, align: 'right' },
    {
      title: t('legal.compliance.advisorBehind'),
      dataIndex: 'behind',
      width: 100,
      align: 'right',
      render: (behind: number) => <Typography.Text type={behind > 0 ? 'danger' : 'success'}>{behind}</Typography.Text>,
    },
  ];
  return (
    <Table<AdvisorRow>
      size="small"
      rowKey="advisorId"
      columns={columns}
      dataSource={advisors}
      pagination={false}
      scroll={{ y: 480 }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('legal.compliance.advisorsEmpty')} /> }}
      data-testid="compliance-advisors"
    />
  );
}
