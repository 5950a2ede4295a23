import { Col, Row, Skeleton, Space, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useDrillDown } from '../../../app/lists/drill-down.tsx';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { LoadError } from '../../../app/layout/load-error.tsx';
import { legalApi, legalKeys } from '../api.ts';
import { AssignmentCreateModal, type PresetVillage } from './assignment-modals.tsx';
import { CoverageChildren } from './coverage-children.tsx';
import { CoverageStats } from './coverage-stats.tsx';
import { UncoveredList } from './uncovered-list.tsx';

/** 覆盖情况 tab: the scope's figures, its child regions (click to drill down) and what is still uncovered. */
export function CoverageTab() {
  const { t } = useI18n();
  const drill = useDrillDown();
  const [assigning, setAssigning] = useState<PresetVillage | null>(null);
  const { regionCode } = drill;
  const coverage = useQuery({
    queryKey: legalKeys.coverage(regionCode),
    queryFn: () => legalApi.coverage(regionCode),
    placeholderData: keepPreviousData,
  });

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {drill.breadcrumb('coverage-breadcrumb')}
      {coverage.isPending ? (
        <Skeleton active />
      ) : coverage.error ? (
        <LoadError error={coverage.error} onRetry={() => void coverage.refetch()} />
      ) : (
        <>
          <CoverageStats coverage={coverage.data} />
          <Row gutter={[24, 16]}>
            {coverage.data.region.level !== 'village' && (
              <Col xs={24} xl={13}>
                <Typography.Title level={5} style={{ marginTop: 0, marginBottom: 12, lineHeight: '32px' }}>
                  {t('legal.coverage.children')}
                </Typography.Title>
                <CoverageChildren coverage={coverage.data} onDrill={drill.drill} />
              </Col>
            )}
            <Col xs={24} xl={coverage.data.region.level !== 'village' ? 11 : 24}>
              <UncoveredList key={regionCode ?? 'scope'} regionCode={regionCode} onAssign={setAssigning} />
            </Col>
          </Row>
        </>
      )}
      <AssignmentCreateModal
        key={assigning?.code ?? 'closed'}
        open={assigning !== null}
        village={assigning ?? undefined}
        onClose={() => setAssigning(null)}
      />
    </Space>
  );
}
