import { Card, Col, Empty, Row } from 'antd';
import type { LegalDashboardDto } from '@rg/domain/legal/service.schema';
import dayjs from 'dayjs';
import type { EChartsCoreOption } from 'echarts/core';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { Chart } from '../../../app/charts/chart.tsx';
import { typeLabel, windowLabel } from './ledger-labels.tsx';

const BLUE = '#1677ff';
const WINDOW_COLORS = { onsite: '#1677ff', hotline: '#faad14', online: '#52c41a' } as const;

/** 各月服务次数 (bars, the line for the trend), 按服务类型 (horizontal bars, most first) and 按服务窗口 (pie). */
export function DashboardCharts({ dashboard }: { dashboard: LegalDashboardDto }) {
  const { t } = useI18n();
  const count = t('legal.dashboard.count');
  // Months still to come are left blank rather than drawn as zero services.
  const thisMonth = dayjs().format('YYYY-MM');
  const counts = dashboard.byMonth.map((entry) => (entry.month > thisMonth ? null : entry.count));
  const months = dashboard.byMonth.map((entry) => t('legal.dashboard.month', { month: Number(entry.month.slice(5, 7)) }));
  const byMonth: EChartsCoreOption = {
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 16, top: 24, bottom: 28 },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: count, type: 'bar', data: counts, itemStyle: { color: BLUE }, barMaxWidth: 28 },
      { name: count, type: 'line', data: counts, smooth: 0.2, symbol: 'none', lineStyle: { color: '#fa8c16' }, tooltip: { show: false } },
    ],
  };
  // Smallest first: a horizontal bar chart draws the first category at the bottom.
  const types = [...dashboard.byType].filter((entry) => entry.count > 0).sort((a, b) => a.count - b.count);
  const byType: EChartsCoreOption = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: types.map((entry) => typeLabel(t, entry.serviceType)) },
    series: [
      {
        name: count,
        type: 'bar',
        data: types.map((entry) => entry.count),
        itemStyle: { color: BLUE },
        barMaxWidth: 18,
        label: { show: true, position: 'right' },
      },
    ],
  };
  const byWindow: EChartsCoreOption = {
    tooltip: { trigger: 'item', formatter: `{b}${t('common.colon')}{c}${t('common.parenthesised', { text: '{d}%' })}` },
    legend: { bottom: 0 },
    series: [
      {
        name: t('legal.ledger.window'),
        type: 'pie',
        radius: ['38%', '66%'],
        center: ['50%', '45%'],
        label: { formatter: '{b}\n{c}' },
        data: dashboard.byWindow.map((entry) => ({
          name: windowLabel(t, entry.window),
          value: entry.count,
          itemStyle: { color: WINDOW_COLORS[entry.window] },
        })),
      },
    ],
  };

  if (dashboard.total === 0) {
    return <Empty style={{ padding: '32px 0' }} description={t('legal.dashboard.noData', { year: dashboard.year })} />;
  }
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={24}>
        <Card size="small" title={t('legal.dashboard.byMonth')}>
          <Chart option={byMonth} height={260} testId="dashboard-by-month" />
        </Card>
      </Col>
      <Col xs={24} xl={14}>
        <Card size="small" title={t('legal.dashboard.byType')}>
          <Chart option={byType} height={300} testId="dashboard-by-type" />
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card size="small" title={t('legal.dashboard.byWindow')}>
          <Chart option={byWindow} height={300} testId="dashboard-by-window" />
        </Card>
      </Col>
    </Row>
  );
}
