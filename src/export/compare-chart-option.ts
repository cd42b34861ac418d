import type { EChartsOption, LineSeriesOption, BarSeriesOption } from 'echarts';
import type { ChartPoint, CompareChart } from './compare-series.js';

/** The font the chart draws with (DejaVu Sans has every Vietnamese letter; Debian's Chromium and @napi-rs/canvas find it). */
export const CHART_FONT = 'DejaVu Sans, Noto Sans, Arial, sans-serif';
const OUTLIER_COLOR = '#d9480f';

const number = (v: number): string => v.toLocaleString('vi-VN', { maximumFractionDigits: 2 });

/** One data item: the value in the chart's unit; approximate values hollow and marked `≈`, outliers red, larger and marked `!`. */
function item(p: ChartPoint | null, bar: boolean) {
  if (!p) return null;
  const approx = p.approx !== 'none';
  const mark = `${approx ? '≈' : ''}${p.outlier ? '!' : ''}`;
  return {
    value: Number(p.shown.toPrecision(12)),
    // carried along so a click or a test can find the fact
    factId: p.fact_id,
    outlier: p.outlier,
    approx: p.approx,
    ...(bar ? {} : { symbol: approx ? 'emptyCircle' : 'circle', symbolSize: p.outlier ? 16 : 8 }),
    ...(p.outlier ? { itemStyle: { color: OUTLIER_COLOR, borderColor: OUTLIER_COLOR } } : approx && bar ? { itemStyle: { opacity: 0.55 } } : {}),
    ...(mark
      ? { label: { show: true, position: 'top' as const, formatter: mark, color: p.outlier ? OUTLIER_COLOR : '#5b6475', fontWeight: 'bold' as const } }
      : {}),
  };
}

/**
 * The ECharts option of a Compare chart — the same in the browser (canvas) and for
 * `compare --chart` (server-side SVG): title, the readable unit on the value axis, a legend of
 * provinces (line) or periods (bar), a note saying what `≈` and `!` mean when they occur.
 */
export function compareChartOption(chart: CompareChart, opts: { animation?: boolean } = {}): EChartsOption {
  const bar = chart.kind === 'bar';
  const all = chart.series.flatMap((s) => s.points).filter((p): p is ChartPoint => p !== null);
  const notes = [
    all.some((p) => p.approx !== 'none') ? '≈ giá trị ước lượng' : '',
    all.some((p) => p.outlier) ? '! giá trị bất thường (lệch khỏi chuỗi)' : '',
  ].filter(Boolean);
  const series: (LineSeriesOption | BarSeriesOption)[] = chart.series.map((s) =>
    bar
      ? { type: 'bar', name: s.name, data: s.points.map((p) => item(p, true)), barMaxWidth: 48 }
      : { type: 'line', name: s.name, data: s.points.map((p) => item(p, false)), connectNulls: true },
  );
  // a value ×1000 off would flatten every other line: a log axis keeps them readable
  const log = all.some((p) => p.outlier) && all.every((p) => p.shown > 0);
  if (log) notes.push('trục log');
  return {
    animation: opts.animation ?? false,
    textStyle: { fontFamily: CHART_FONT },
    backgroundColor: '#ffffff',
    title: { text: chart.title, subtext: [`Đơn vị: ${chart.unit || '—'}`, ...notes].join('   ·   '), left: 'center', textStyle: { fontSize: 15 } },
    legend: { type: 'scroll', bottom: 0 },
    grid: { left: 16, right: 24, top: 70, bottom: 48, containLabel: true },
    xAxis: { type: 'category', data: chart.categories, axisLabel: { interval: 0, hideOverlap: true } },
    yAxis: { type: log ? 'log' : 'value', name: chart.unit, axisLabel: { formatter: (v: number) => number(v) } },
    tooltip: { trigger: 'item', renderMode: 'richText' },
    series,
  };
}
