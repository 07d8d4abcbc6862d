// Bar chart comparing regions on one indicator, with each region's target as a marker where one is set.
import { loadEcharts } from './echarts-loader.js';

export async function render(element, title, unit, labels, actuals, targets) {
  if (!element) return;
  const echarts = await loadEcharts();
  const chart = echarts.getInstanceByDom(element) ?? echarts.init(element);
  const series = [{ name: '完成', type: 'bar', data: actuals, label: { show: labels.length <= 12, position: 'top' } }];
  if (targets.some(t => t !== null)) {
    series.push({ name: '目标', type: 'scatter', data: targets, symbol: 'rect', symbolSize: [36, 4], itemStyle: { color: '#cf1322' } });
  }
  chart.setOption({
    title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 60, right: 20, top: 40, bottom: 70, containLabel: true },
    xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: labels.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', name: unit },
    series,
  }, true);
  if (!element.dataset.observed) {
    element.dataset.observed = '1';
    new ResizeObserver(() => chart.resize()).observe(element);
  }
}
