import { Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ComplianceDto, ComplianceVillageDto } from '@rg/domain/legal/service.schema';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { PagedTable } from '../../../app/lists/paged-table.tsx';
import type { PagedData } from '../../../app/lists/paged-table.tsx';
import { normRule } from './compliance-labels.tsx';

/** 村（社区）履职情况: behind first (the server sorts), one column per norm with done / required, red when short. */
export function ComplianceVillages({
  compliance,
  paged,
  behindOnly,
}: {
  compliance: ComplianceDto;
  paged: PagedData<ComplianceVillageDto>;
  behindOnly: boolean;
}) {
  const { t } = useI18n();
  const columns: TableColumnsType<ComplianceVillageDto> = [
    {
      title: t('legal.compliance.village'),
      dataIndex: 'villagePath',
      width: 220,
      ellipsis: { showTitle: false },
      render: (path: string) => <Tooltip title={path}>{path}</Tooltip>,
    },
    { title: t('legal.compliance.advisor'), dataIndex: 'advisorName', width: 90, ellipsis: true },
    ...compliance.norms.map((norm) => ({
      title: <Tooltip title={normRule(t, norm)}>{norm.name}</Tooltip>,
      key: norm.id,
      width: 130,
      align: 'center' as const,
      render: (_value: unknown, row: ComplianceVillageDto) => {
        const count = row.norms.find((entry) => entry.normId === norm.id);
        if (!count) return <Typography.Text type="secondary">—</Typography.Text>;
        return (
          <Typography.Text type={count.done < count.required ? 'danger' : 'success'} strong={count.done < count.required}>
            {count.done} / {count.required}
          </Typography.Text>
        );
      },
    })),
    {
      title: t('legal.compliance.state'),
      dataIndex: 'behind',
      width: 90,
      fixed: 'right',
      render: (behind: boolean) =>
        behind ? <Tag color="red">{t('legal.compliance.short')}</Tag> : <Tag color="success">{t('legal.compliance.ok')}</Tag>,
    },
  ];

  return (
    <PagedTable<ComplianceVillageDto>
      paged={paged}
      emptyText={t(behindOnly ? 'legal.compliance.allMet' : 'legal.compliance.empty')}
      rowKey="villageCode"
      columns={columns}
      scroll={{ x: 400 + compliance.norms.length * 130 }}
      data-testid="compliance-villages"
    />
  );
}
