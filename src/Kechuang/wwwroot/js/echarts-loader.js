// Loads ECharts once per page from /lib/echarts (served with the application, never a CDN); every chart module
// imports it from here.
let loading;

export function loadEcharts() {
  if (window.echarts) return Promise.resolve(window.echarts);
  loading ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/lib/echarts/echarts.min.js';
    script.onload = () => resolve(window.echarts);
    script.onerror = () => { loading = undefined; reject(new Error('ECharts could not be loaded')); };
    document.head.appendChild(script);
  });
  return loading;
}
