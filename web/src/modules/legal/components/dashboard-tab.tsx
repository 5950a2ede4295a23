import { DatePicker, Flex, Skeleton, Space, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useDrillDown } from '../../../app/lists/drill-down.tsx';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { LoadError } from '../../../app/layout/load-error.tsx';
import { legalReportKeys, legalReportsApi } from '../api.reports.ts';
import { DashboardCharts } from './dashboard-charts.tsx';
import { DashboardChildren } from './dashboard-children.tsx';
import { DashboardStats } from './dashboard-stats.tsx';

/** 看板 tab: a year of services in the region (by month, type, window), its coverage and follow-ups; drill into child regions. */
export function DashboardTab() {
  const { t } = useI18n();
  const [year, setYear] = useState(() => dayjs().year());
  const drill = useDrillDown();
  const { regionCode } = drill;
  const dashboard = useQuery({
    queryKey: legalReportKeys.dashboard(regionCode, year),
    queryFn: () => legalReportsApi.dashboard(regionCode, year),
    placeholderData: keepPreviousData,
  });

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" gap={16} wrap>
        {drill.breadcrumb('dashboard-breadcrumb')}
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
              <DashboardChildren dashboard={dashboard.data} onDrill={drill.drill} />
            </div>
          )}
        </>
      )}
    </Space>
  );
}
