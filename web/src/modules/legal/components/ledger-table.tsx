import { Button, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ServiceDto } from '@rg/domain/legal/service.schema';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { PagedTable } from '../../../app/lists/paged-table.tsx';
import type { PagedData } from '../../../app/lists/paged-table.tsx';
import { formatTime, ServiceStatusTag, subjectKindLabel, typeLabel, windowLabel } from './ledger-labels.tsx';

/** The columns' widths added up, the subject taking what is left: no horizontal scroll at 1440 px. */
const TABLE_WIDTH = 1040;

/** One row per service (一次一记); a click anywhere on it opens the record. */
export function LedgerTable({ paged, onOpen }: { paged: PagedData<ServiceDto>; onOpen: (service: ServiceDto) => void }) {
  const { t } = useI18n();
  const columns: TableColumnsType<ServiceDto> = [
    { title: t('legal.ledger.servedAt'), dataIndex: 'servedAt', width: 140, render: (value: string) => formatTime(value) },
    {
      title: t('legal.ledger.village'),
      dataIndex: 'villagePath',
      width: 200,
      ellipsis: { showTitle: false },
      render: (path: string) => <Tooltip title={path}>{path}</Tooltip>,
    },
    { title: t('legal.ledger.advisor'), dataIndex: 'advisorName', width: 90, ellipsis: true },
    { title: t('legal.ledger.window'), dataIndex: 'window', width: 90, render: (_value, row) => windowLabel(t, row.window) },
    {
      title: t('legal.ledger.type'),
      dataIndex: 'serviceType',
      width: 150,
      ellipsis: true,
      render: (_value, row) => typeLabel(t, row.serviceType),
    },
    {
      title: t('legal.ledger.subject'),
      key: 'subject',
      ellipsis: { showTitle: false },
      render: (_value, row) => {
        const subject = row.subjectName ?? subjectKindLabel(t, row.subjectKind);
        return (
          <Tooltip title={row.content}>
            <span>
              {subject} <Typography.Text type="secondary">{row.content}</Typography.Text>
            </span>
          </Tooltip>
        );
      },
    },
    { title: t('legal.ledger.status'), dataIndex: 'status', width: 90, render: (_value, row) => <ServiceStatusTag status={row.status} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 80,
      fixed: 'right',
      render: (_value, row) => (
        <Button
          type="link"
          size="small"
          onClick={(event) => {
            event.stopPropagation();
            onOpen(row);
          }}
        >
          {row.abilities.review ? t('legal.ledger.review') : t('legal.ledger.view')}
        </Button>
      ),
    },
  ];

  return (
    <PagedTable<ServiceDto>
      paged={paged}
      emptyText={t('legal.ledger.empty')}
      rowKey="id"
      columns={columns}
      scroll={{ x: TABLE_WIDTH }}
      onRow={(row) => ({ onClick: () => onOpen(row), style: { cursor: 'pointer' } })}
      data-testid="ledger-table"
    />
  );
}
