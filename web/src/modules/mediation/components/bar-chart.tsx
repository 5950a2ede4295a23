import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface BarSeries {
  name: string;
  values: number[];
  color: string;
}

/** A grouped or stacked bar chart (echarts core with only the parts it needs), resized with its box. */
export function Bars({ categories, series, height = 260, horizontal = false, stacked = false, testId }: {
  categories: string[]; series: BarSeries[]; height?: number; horizontal?: boolean; stacked?: boolean; testId?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    const chart = echarts.init(element);
    const categoryAxis = { type: 'category' as const, data: categories, axisLabel: { interval: 0, fontSize: 11 } };
    const valueAxis = { type: 'value' as const, minInterval: 1 };
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: horizontal ? 150 : 40, right: 16, top: 32, bottom: horizontal ? 16 : 28 },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
      series: series.map((s) => ({ type: 'bar', name: s.name, data: s.values, itemStyle: { color: s.color }, stack: stacked ? 'all' : undefined, barMaxWidth: 22 })),
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [categories, series, horizontal, stacked]);
  return <div ref={ref} style={{ height, width: '100%' }} data-testid={testId} />;
}
