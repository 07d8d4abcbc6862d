// Horizontal bars of one statistics breakdown.
import { loadEcharts } from './echarts-loader.js';

export async function render(element, title, names, values) {
  if (!element) return;
  const echarts = await loadEcharts();
  const chart = echarts.getInstanceByDom(element) ?? echarts.init(element);
  chart.setOption({
    title: { text: title, left: 'center', textStyle: { fontSize: 13, fontWeight: 'normal' } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: v => `${v} 万元` },
    grid: { left: 8, right: 40, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', name: '万元' },
    yAxis: { type: 'category', data: names, inverse: true, axisLabel: { width: 130, overflow: 'truncate' } },
    series: [{ type: 'bar', data: values, label: { show: true, position: 'right' }, itemStyle: { color: '#1d5fb8' } }],
  }, true);
  new ResizeObserver(() => chart.resize()).observe(element);
}
