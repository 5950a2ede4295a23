import { DownloadOutlined } from '@ant-design/icons';
import { Button, Flex, Space, Switch, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { UncoveredVillageDto } from '@rg/domain/legal/assignment.schema';
import { useAuth } from '../../../app/auth/auth-context.tsx';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { ErrorAlert } from '../../../app/layout/error-alert.tsx';
import { PagedTable } from '../../../app/lists/paged-table.tsx';
import { usePagedList, type Paging } from '../../../app/lists/use-paged-list.ts';
import { legalApi, legalKeys, uncoveredExportUrl, type UncoveredQuery } from '../api.ts';
import type { PresetVillage } from './assignment-modals.tsx';

interface Filters {
  poorOnly?: boolean;
}

/** 未覆盖的村（社区） of one region, with 仅看贫困村 and the Excel download of the same list. */
export function UncoveredList({ regionCode, onAssign }: { regionCode: string | undefined; onAssign: (village: PresetVillage) => void }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const toQuery = (filters: Filters, paging: Paging): UncoveredQuery => ({
    regionCode,
    poorOnly: filters.poorOnly ? 'true' : undefined,
    ...paging,
  });
  const list = usePagedList({ toQuery, queryKey: legalKeys.uncovered, queryFn: legalApi.uncovered });
  const poorOnly = list.filters.poorOnly ?? false;

  const columns: TableColumnsType<UncoveredVillageDto> = [
    {
      title: t('legal.coverage.path'),
      dataIndex: 'path',
      width: 230,
      ellipsis: true,
      render: (path: string, village) => <Tooltip title={village.code}>{path}</Tooltip>,
    },
    {
      title: t('legal.coverage.isPoor'),
      dataIndex: 'isPoor',
      width: 80,
      render: (isPoor: boolean) => (isPoor ? <Tag color="orange">{t('legal.coverage.isPoor')}</Tag> : null),
    },
    ...(can('legal.manage')
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 110,
            render: (_value: unknown, village: UncoveredVillageDto) => (
              <Button type="link" size="small" onClick={() => onAssign({ code: village.code, label: village.path })}>
                {t('legal.coverage.assign')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <Flex justify="space-between" align="center" gap={16} wrap style={{ marginBottom: 12 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('legal.coverage.uncoveredList')}
        </Typography.Title>
        <Space size={12} wrap>
          <Space>
            <Switch checked={poorOnly} onChange={(next) => list.setFilters({ poorOnly: next })} aria-label={t('legal.coverage.poorOnly')} />
            {t('legal.coverage.poorOnly')}
          </Space>
          {can('legal.export') && (
            <Button
              icon={<DownloadOutlined />}
              onClick={() => {
                window.location.href = uncoveredExportUrl({ regionCode, poorOnly: poorOnly ? 'true' : undefined });
              }}
            >
              {t('legal.coverage.export')}
            </Button>
          )}
        </Space>
      </Flex>
      <ErrorAlert message={list.errorMessage} />
      <PagedTable<UncoveredVillageDto>
        paged={list.paged}
        emptyText={t(poorOnly ? 'legal.coverage.allPoorCovered' : 'legal.coverage.allCovered')}
        rowKey="code"
        columns={columns}
        scroll={{ x: 420 }}
        data-testid="uncovered-list"
      />
    </>
  );
}
