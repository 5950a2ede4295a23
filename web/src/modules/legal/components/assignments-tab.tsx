import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Space, Switch, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { AssignmentDto } from '@rg/domain/legal/assignment.schema';
import { useState } from 'react';
import { useAuth } from '../../../app/auth/auth-context.tsx';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { ErrorAlert } from '../../../app/layout/error-alert.tsx';
import { FilterBar } from '../../../app/lists/filter-bar.tsx';
import { PagedTable } from '../../../app/lists/paged-table.tsx';
import { usePagedList, type Paging } from '../../../app/lists/use-paged-list.ts';
import { RegionPicker } from '../../regions/components/region-picker.tsx';
import { legalApi, legalKeys, type AssignmentListQuery } from '../api.ts';
import { AssignmentCreateModal, EndAssignmentModal, HandoverModal } from './assignment-modals.tsx';

interface Filters {
  regionCode?: string;
  withEnded?: boolean;
}

function toQuery(filters: Filters, paging: Paging): AssignmentListQuery {
  return { regionCode: filters.regionCode, current: filters.withEnded ? undefined : 'true', ...paging };
}

const TABLE_WIDTH = 900;

/** 驻村安排 tab: who serves which village now (or ever, with 含已结束), and the changes to it. */
export function AssignmentsTab() {
  const { t } = useI18n();
  const { can } = useAuth();
  const manage = can('legal.manage');
  const [creating, setCreating] = useState(false);
  // The row stays set while its modal closes, so the title does not blank out during the animation.
  const [action, setAction] = useState<{ kind: 'handover' | 'end'; row: AssignmentDto; open: boolean } | null>(null);
  const close = () => setAction((current) => (current ? { ...current, open: false } : null));
  const list = usePagedList({ toQuery, queryKey: legalKeys.assignments, queryFn: legalApi.assignments });
  const filters = list.filters;

  const columns: TableColumnsType<AssignmentDto> = [
    { title: t('legal.assignment.village'), dataIndex: 'villagePath', width: 260, ellipsis: true },
    { title: t('legal.assignment.advisor'), dataIndex: 'advisorName', width: 120, ellipsis: true },
    { title: t('legal.assignment.startDate'), dataIndex: 'startDate', width: 120 },
    {
      title: t('legal.assignment.endDate'),
      dataIndex: 'endDate',
      width: 180,
      render: (_value, row) =>
        row.endDate ? (
          <>
            {row.endDate}
            {row.endReason && <Typography.Text type="secondary">{t('common.parenthesised', { text: row.endReason })}</Typography.Text>}
          </>
        ) : (
          '—'
        ),
    },
    {
      title: t('legal.assignment.state'),
      key: 'state',
      width: 90,
      render: (_value, row) =>
        row.current ? <Tag color="success">{t('legal.assignment.current')}</Tag> : <Tag>{t('legal.assignment.ended')}</Tag>,
    },
    ...(manage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 120,
            fixed: 'right' as const,
            render: (_value: unknown, row: AssignmentDto) => (
              <Space size={0}>
                {row.abilities.handover && (
                  <Button type="link" size="small" onClick={() => setAction({ kind: 'handover', row, open: true })}>
                    {t('legal.assignment.handover')}
                  </Button>
                )}
                {row.abilities.end && (
                  <Button type="link" size="small" danger onClick={() => setAction({ kind: 'end', row, open: true })}>
                    {t('legal.assignment.end')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <Flex justify="space-between" align="flex-start" gap={16} wrap>
        <FilterBar onReset={() => list.setFilters({})}>
          <RegionPicker
            allowClear
            placeholder={t('legal.assignment.regionFilter')}
            ariaLabel={t('legal.assignment.regionFilter')}
            testId="assignments-region-filter"
            style={{ width: 260 }}
            value={filters.regionCode}
            onChange={(regionCode) => list.setFilters({ ...filters, regionCode })}
          />
          <Space>
            <Switch
              checked={filters.withEnded ?? false}
              onChange={(withEnded) => list.setFilters({ ...filters, withEnded })}
              aria-label={t('legal.assignment.showEnded')}
            />
            {t('legal.assignment.showEnded')}
          </Space>
        </FilterBar>
        {manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('legal.assignment.create')}
          </Button>
        )}
      </Flex>
      <ErrorAlert message={list.errorMessage} />
      <PagedTable<AssignmentDto>
        paged={list.paged}
        emptyText={t('legal.assignment.empty')}
        rowKey="id"
        columns={columns}
        scroll={{ x: TABLE_WIDTH }}
      />
      <AssignmentCreateModal key={creating ? 'open' : 'closed'} open={creating} onClose={() => setCreating(false)} />
      <HandoverModal
        key={`handover-${action?.row.id ?? ''}`}
        assignment={action?.kind === 'handover' ? action.row : null}
        open={action?.kind === 'handover' && action.open}
        onClose={close}
      />
      <EndAssignmentModal
        key={`end-${action?.row.id ?? ''}`}
        assignment={action?.kind === 'end' ? action.row : null}
        open={action?.kind === 'end' && action.open}
        onClose={close}
      />
    </>
  );
}
