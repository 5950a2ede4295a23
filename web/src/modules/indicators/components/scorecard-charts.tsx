import type { EChartsOption } from 'echarts';
import type { ScorecardDto, ScorecardIndicator } from '@rg/domain/indicators/indicators.schema';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { useIndicatorTexts } from '../labels.ts';
import { Chart } from '../../../app/charts/chart.tsx';
import { STATUS_COLORS } from './status-tag.tsx';

const round1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

/** 趋势: the selected indicator over the last four quarters, with its target as a line. */
export function TrendChart({ indicator }: { indicator: ScorecardIndicator }) {
  const { t } = useI18n();
  const texts = useIndicatorTexts();
  const option: EChartsOption = {
    tooltip: { trigger: 'axis' },
    grid: { left: 48, right: 96, top: 32, bottom: 28 },
    xAxis: { type: 'category', data: indicator.trend.map((p) => p.period) },
    yAxis: { type: 'value', ...(indicator.unit === 'percent' ? { max: 100, axisLabel: { formatter: '{value}%' } } : {}) },
    series: [
      {
        name: texts.name(indicator),
        type: 'line',
        smooth: true,
        connectNulls: false,
        symbolSize: 8,
        data: indicator.trend.map((p) => round1(p.value)),
        ...(indicator.target
          ? {
              markLine: {
                symbol: 'none',
                lineStyle: { type: 'dashed', color: '#faad14' },
                label: {
                  formatter: t('indicators.target', {
                    comparison: t(`indicators.comparison.${indicator.target.comparison}`),
                    value: indicator.target.value,
                  }),
                },
                data: [{ yAxis: indicator.target.value }],
              },
            }
          : {}),
      },
    ],
  };
  return <Chart option={option} testId="trend-chart" />;
}

/** 下级对比: each child region's value of the selected indicator, coloured by its status. */
export function ChildrenChart({ card, indicator }: { card: ScorecardDto; indicator: ScorecardIndicator }) {
  const texts = useIndicatorTexts();
  const rows = card.children.slice(0, 40);
  const option: EChartsOption = {
    tooltip: { trigger: 'axis' },
    grid: { left: 48, right: 40, top: 24, bottom: rows.length > 8 ? 64 : 28 },
    xAxis: { type: 'category', data: rows.map((c) => c.name), axisLabel: { interval: 0, rotate: rows.length > 8 ? 40 : 0 } },
    yAxis: { type: 'value', ...(indicator.unit === 'percent' ? { max: 100, axisLabel: { formatter: '{value}%' } } : {}) },
    series: [
      {
        name: texts.name(indicator),
        type: 'bar',
        barMaxWidth: 28,
        data: rows.map((c) => {
          const status = c.statuses[indicator.code];
          return { value: round1(c.values[indicator.code] ?? null), itemStyle: { color: status ? STATUS_COLORS[status] : '#1677ff' } };
        }),
        ...(indicator.target
          ? { markLine: { symbol: 'none', lineStyle: { type: 'dashed', color: '#faad14' }, data: [{ yAxis: indicator.target.value }] } }
          : {}),
      },
    ],
  };
  return <Chart option={option} testId="children-chart" />;
}
