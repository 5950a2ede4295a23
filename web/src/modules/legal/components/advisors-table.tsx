import { Button, Space, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { AdvisorDto } from '@rg/domain/legal/advisor.schema';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { PagedTable, type PagedData } from '../../../app/lists/paged-table.tsx';
import { categoryLabel, STATUS_COLORS, statusLabel } from './advisor-labels.ts';
import { MaskedValue } from './masked-value.tsx';

interface AdvisorsTableProps {
  paged: PagedData<AdvisorDto>;
  onEdit: (advisor: AdvisorDto) => void;
  onOpen: (advisor: AdvisorDto) => void;
}

/** Sum of the column widths; at 1366 px the card is about 1050 px wide, narrower windows scroll. */
const TABLE_WIDTH = 1030;
const VILLAGES_SHOWN = 2;

function Villages({ advisor }: { advisor: AdvisorDto }) {
  const { t } = useI18n();
  const villages = advisor.currentVillages;
  if (villages.length === 0) return <Typography.Text type="secondary">{t('legal.advisor.noVillage')}</Typography.Text>;
  const rest = villages.slice(VILLAGES_SHOWN);
  return (
    <Space size={[0, 4]} wrap>
      {villages.slice(0, VILLAGES_SHOWN).map((village) => (
        <Tag key={village.code}>{village.name}</Tag>
      ))}
      {rest.length > 0 && (
        <Tooltip title={rest.map((village) => village.name).join(t('common.listSeparator'))}>
          <Tag>+{rest.length}</Tag>
        </Tooltip>
      )}
    </Space>
  );
}

export function AdvisorsTable({ paged, onEdit, onOpen }: AdvisorsTableProps) {
  const { t } = useI18n();
  const columns: TableColumnsType<AdvisorDto> = [
    {
      title: t('legal.advisor.name'),
      dataIndex: 'name',
      width: 90,
      ellipsis: true,
      render: (_value, advisor) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpen(advisor)}>
          {advisor.name}
        </Button>
      ),
    },
    { title: t('legal.advisor.gender'), dataIndex: 'gender', width: 68, render: (_value, advisor) => t(`legal.gender.${advisor.gender}`) },
    {
      title: t('legal.advisor.category'),
      dataIndex: 'category',
      width: 132,
      ellipsis: true,
      render: (_value, advisor) => categoryLabel(t, advisor.category),
    },
    {
      title: t('legal.advisor.phone'),
      dataIndex: 'phone',
      width: 140,
      render: (_value, advisor) => (
        <MaskedValue key={advisor.id} advisorId={advisor.id} field="phone" masked={advisor.phone} canReveal={advisor.abilities.reveal} />
      ),
    },
    {
      title: t('legal.advisor.employerName'),
      dataIndex: 'employerName',
      width: 140,
      ellipsis: true,
      render: (value: string | null) => value ?? '—',
    },
    {
      title: t('legal.advisor.contract'),
      key: 'contract',
      width: 100,
      render: (_value, advisor) =>
        advisor.contractStart || advisor.contractEnd ? (
          <span style={{ fontSize: 12, lineHeight: 1.3, display: 'inline-block' }}>
            {advisor.contractStart ?? '—'}
            <br />
            {advisor.contractEnd ?? '—'}
          </span>
        ) : (
          '—'
        ),
    },
    { title: t('legal.advisor.villages'), key: 'villages', width: 160, render: (_value, advisor) => <Villages advisor={advisor} /> },
    {
      title: t('legal.advisor.status'),
      dataIndex: 'status',
      width: 90,
      render: (_value, advisor) => <Tag color={STATUS_COLORS[advisor.status]}>{statusLabel(t, advisor.status)}</Tag>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      fixed: 'right',
      render: (_value, advisor) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => onOpen(advisor)}>
            {t('common.view')}
          </Button>
          {advisor.abilities.update && (
            <Button type="link" size="small" onClick={() => onEdit(advisor)}>
              {t('common.edit')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <PagedTable<AdvisorDto> paged={paged} emptyText={t('legal.advisor.empty')} rowKey="id" columns={columns} scroll={{ x: TABLE_WIDTH }} />
  );
}
