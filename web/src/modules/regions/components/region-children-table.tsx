import { RightOutlined } from '@ant-design/icons';
import { Button, Empty, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { RegionDto } from '@rg/domain/regions/region.schema';
import type { RegionLevel } from '@rg/domain/regions/region-code';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { regionKeys, regionsApi } from '../api.ts';
import { regionPath } from '../region-paths.ts';

function canOpen(region: RegionDto): boolean {
  return region.hasChildren || region.level === 'village';
}

export function RegionChildrenTable({ parent, emptyText }: { parent: RegionDto; emptyText: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const children = useQuery({
    queryKey: regionKeys.children(parent.code, paging.page, paging.pageSize),
    queryFn: () => regionsApi.children(parent.code, paging.page, paging.pageSize),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<RegionDto> = [
    { title: t('regions.name'), dataIndex: 'name' },
    { title: t('regions.code'), dataIndex: 'code', width: 170 },
    { title: t('regions.level'), dataIndex: 'level', width: 110, render: (level: RegionLevel) => t(`regions.level.${level}`) },
    {
      title: t('regions.kind'),
      dataIndex: 'kind',
      width: 130,
      render: (_value, region) =>
        region.kind ? (
          <>
            {t(`regions.kind.${region.kind}`)}
            {region.isPoor && (
              <Tag color="orange" style={{ marginInlineStart: 6 }}>
                {t('regions.poor')}
              </Tag>
            )}
          </>
        ) : (
          '—'
        ),
    },
    { title: t('regions.population'), dataIndex: 'population', width: 100, render: (n: number | null) => n ?? '—' },
    { title: t('regions.households'), dataIndex: 'households', width: 100, render: (n: number | null) => n ?? '—' },
    {
      title: t('common.actions'),
      key: 'open',
      width: 90,
      render: (_value, region) =>
        canOpen(region) ? (
          <Button type="link" size="small" onClick={() => void navigate(regionPath(region.code))}>
            {t('regions.open')} <RightOutlined />
          </Button>
        ) : null,
    },
  ];

  return (
    <Table<RegionDto>
      rowKey="code"
      size="middle"
      columns={columns}
      dataSource={children.data?.items ?? []}
      loading={children.isFetching}
      locale={{ emptyText: <Empty description={emptyText} /> }}
      onRow={(region) => ({
        onClick: () => canOpen(region) && void navigate(regionPath(region.code)),
        style: { cursor: canOpen(region) ? 'pointer' : 'default' },
      })}
      pagination={{
        current: paging.page,
        pageSize: paging.pageSize,
        total: children.data?.total ?? 0,
        showSizeChanger: true,
        hideOnSinglePage: true,
        showTotal: (total) => t('common.total', { total }),
        onChange: (page, pageSize) => setPaging({ page, pageSize }),
      }}
    />
  );
}
