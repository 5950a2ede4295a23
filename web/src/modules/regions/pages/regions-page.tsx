import { Card, Skeleton, Space, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { useSession } from '../../../app/auth/auth-context.tsx';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { LoadError } from '../../../app/layout/load-error.tsx';
import { PageHeader } from '../../../app/layout/page-header.tsx';
import { regionKeys, regionsApi } from '../api.ts';
import { RegionBreadcrumb } from '../components/region-breadcrumb.tsx';
import { RegionChildrenTable } from '../components/region-children-table.tsx';
import { VillageAttributesCard } from '../components/village-attributes-card.tsx';
import { VillagerGroupsCard } from '../components/villager-groups-card.tsx';
import { RegionDesignations } from '../../programs/components/region-designations.tsx';

/** 行政区划: walk down from the current scope; a village shows its attributes and villager groups. */
export function RegionsPage() {
  const { t } = useI18n();
  const session = useSession();
  const { code = session.scope.code } = useParams();
  const detail = useQuery({ queryKey: regionKeys.detail(code), queryFn: () => regionsApi.detail(code) });

  if (detail.isPending) return <Skeleton active />;
  if (detail.error) return <LoadError error={detail.error} onRetry={() => void detail.refetch()} />;
  const region = detail.data;

  return (
    <>
      <RegionBreadcrumb region={region} ancestors={region.ancestors} />
      <PageHeader
        title={
          <Space>
            {region.name}
            <Tag>{t(`regions.level.${region.level}`)}</Tag>
            <Tag color="default">{region.code}</Tag>
          </Space>
        }
      />
      {region.level === 'village' ? (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <VillageAttributesCard village={region} />
          <VillagerGroupsCard village={region} />
        </Space>
      ) : (
        <Card title={t('regions.children')}>
          <RegionChildrenTable key={region.code} parent={region} emptyText={t('regions.empty')} />
        </Card>
      )}
      <RegionDesignations regionCode={region.code} />
    </>
  );
}
