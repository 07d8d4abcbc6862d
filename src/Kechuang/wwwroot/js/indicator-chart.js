// Monthly bar chart of an indicator.
import { loadEcharts } from './echarts-loader.js';

export async function render(element, title, unit, labels, values, target) {
  const echarts = await loadEcharts();
  const chart = echarts.getInstanceByDom(element) ?? echarts.init(element);
  let sum = 0;
  const cumulative = values.map(v => (sum += v));
  const series = [
    { name: '当月', type: 'bar', data: values },
    { name: '累计', type: 'line', data: cumulative },
  ];
  if (target) {
    series.push({ name: '年度目标', type: 'line', data: labels.map(() => target), lineStyle: { type: 'dashed' }, symbol: 'none' });
  }
  chart.setOption({
    title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 60, right: 20, top: 40, bottom: 40 },
    xAxis: { type: 'category', data: labels },
    yAxis: { type: 'value', name: unit },
    series,
  }, true);
}
