import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { Chart } from '../../../app/charts/chart.tsx';

export interface BarSeries {
  name: string;
  values: number[];
  color: string;
}

/** A grouped or stacked bar chart of the statistics, drawn by the shared chart. */
export function Bars({
  categories,
  series,
  height = 260,
  horizontal = false,
  stacked = false,
  testId,
}: {
  categories: string[];
  series: BarSeries[];
  height?: number;
  horizontal?: boolean;
  stacked?: boolean;
  testId?: string;
}) {
  const option = useMemo((): EChartsCoreOption => {
    const categoryAxis = { type: 'category' as const, data: categories, axisLabel: { interval: 0, fontSize: 11 } };
    const valueAxis = { type: 'value' as const, minInterval: 1 };
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: horizontal ? { left: 8, right: 16, top: 32, bottom: 16, containLabel: true } : { left: 40, right: 16, top: 32, bottom: 28 },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
      series: series.map((s) => ({
        type: 'bar',
        name: s.name,
        data: s.values,
        itemStyle: { color: s.color },
        stack: stacked ? 'all' : undefined,
        barMaxWidth: 22,
      })),
    };
  }, [categories, series, horizontal, stacked]);
  return <Chart option={option} height={height} testId={testId} />;
}
