// A project's monthly 工程形象进度 as a line.
import { loadEcharts } from './echarts-loader.js';

export async function render(element, title, months, values) {
  const echarts = await loadEcharts();
  const chart = echarts.getInstanceByDom(element) ?? echarts.init(element);
  chart.setOption({
    title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis', valueFormatter: v => `${v}%` },
    grid: { left: 50, right: 20, top: 40, bottom: 40 },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value', name: '%', min: 0, max: 100 },
    series: [{ name: '工程形象进度', type: 'line', data: values, areaStyle: { opacity: 0.15 }, label: { show: months.length <= 12, formatter: '{c}%' } }],
    aria: { enabled: true },
  }, true);
  element.dataset.rendered = String(values.length);
}
