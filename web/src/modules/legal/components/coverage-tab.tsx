import { Breadcrumb, Col, Row, Skeleton, Space, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSession } from '../../../app/auth/auth-context.tsx';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { LoadError } from '../../../app/layout/load-error.tsx';
import { legalApi, legalKeys } from '../api.ts';
import { AssignmentCreateModal, type PresetVillage } from './assignment-modals.tsx';
import { CoverageChildren } from './coverage-children.tsx';
import { CoverageStats } from './coverage-stats.tsx';
import { UncoveredList } from './uncovered-list.tsx';

interface Step {
  code: string;
  name: string;
}

/** 覆盖情况 tab: the scope's figures, its child regions (click to drill down) and what is still uncovered. */
export function CoverageTab() {
  const { t } = useI18n();
  const session = useSession();
  /** Regions drilled into below the scope, outermost first. */
  const [trail, setTrail] = useState<Step[]>([]);
  const [assigning, setAssigning] = useState<PresetVillage | null>(null);
  const regionCode = trail[trail.length - 1]?.code;
  const coverage = useQuery({
    queryKey: legalKeys.coverage(regionCode),
    queryFn: () => legalApi.coverage(regionCode),
    placeholderData: keepPreviousData,
  });

  const breadcrumb = [
    {
      key: 'scope',
      title: trail.length > 0 ? <Typography.Link onClick={() => setTrail([])}>{session.scope.name}</Typography.Link> : session.scope.name,
    },
    ...trail.map((step, index) => ({
      key: step.code,
      title:
        index < trail.length - 1 ? (
          <Typography.Link onClick={() => setTrail(trail.slice(0, index + 1))}>{step.name}</Typography.Link>
        ) : (
          step.name
        ),
    })),
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Breadcrumb items={breadcrumb} data-testid="coverage-breadcrumb" />
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
                <CoverageChildren
                  coverage={coverage.data}
                  onDrill={(child) => setTrail((current) => [...current, { code: child.code, name: child.name }])}
                />
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
