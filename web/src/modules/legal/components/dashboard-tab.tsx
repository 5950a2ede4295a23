import { Breadcrumb, DatePicker, Flex, Skeleton, Space, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSession } from '../../../app/auth/auth-context.tsx';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { LoadError } from '../../../app/layout/load-error.tsx';
import { legalReportKeys, legalReportsApi } from '../api.reports.ts';
import { DashboardCharts } from './dashboard-charts.tsx';
import { DashboardChildren } from './dashboard-children.tsx';
import { DashboardStats } from './dashboard-stats.tsx';

interface Step {
  code: string;
  name: string;
}

/** 看板 tab: a year of services in the region (by month, type, window), its coverage and follow-ups; drill into child regions. */
export function DashboardTab() {
  const { t } = useI18n();
  const session = useSession();
  const [year, setYear] = useState(() => dayjs().year());
  /** Regions drilled into below the scope, outermost first (as on 覆盖情况). */
  const [trail, setTrail] = useState<Step[]>([]);
  const regionCode = trail[trail.length - 1]?.code;
  const dashboard = useQuery({
    queryKey: legalReportKeys.dashboard(regionCode, year),
    queryFn: () => legalReportsApi.dashboard(regionCode, year),
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
      <Flex justify="space-between" align="center" gap={16} wrap>
        <Breadcrumb items={breadcrumb} data-testid="dashboard-breadcrumb" />
        <Space>
          {t('legal.dashboard.year')}
          <DatePicker
            picker="year"
            allowClear={false}
            value={dayjs().year(year)}
            onChange={(day) => {
              if (day) setYear(day.year());
            }}
            disabledDate={(day) => day.isAfter(dayjs(), 'year')}
            aria-label={t('legal.dashboard.year')}
            style={{ width: 120 }}
          />
        </Space>
      </Flex>
      {dashboard.isPending ? (
        <Skeleton active />
      ) : dashboard.error ? (
        <LoadError error={dashboard.error} onRetry={() => void dashboard.refetch()} />
      ) : (
        <>
          <DashboardStats dashboard={dashboard.data} />
          <DashboardCharts dashboard={dashboard.data} />
          {dashboard.data.region.level !== 'village' && (
            <div>
              <Typography.Title level={5} style={{ marginTop: 0, marginBottom: 12 }}>
                {t('legal.dashboard.children')}
              </Typography.Title>
              <DashboardChildren
                dashboard={dashboard.data}
                onDrill={(child) => setTrail((current) => [...current, { code: child.code, name: child.name }])}
              />
            </div>
          )}
        </>
      )}
    </Space>
  );
}
