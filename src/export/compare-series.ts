import type { CompareRow } from './compare-report.js';
import { periodOrder, seriesOutliers } from './series-outliers.js';

/** A value of the chart: the compared row, its value in the chart's unit, and why it breaks its series if it does. */
export interface ChartPoint {
  province: string;
  period: string;
  /** The value in the metric's base unit (as `solieu compare` gives it). */
  value: number;
  /** The value in the chart's readable unit (`value / scale`). */
  shown: number;
  approx: string;
  quote: string;
  file: string;
  page: number;
  doc_id: string;
  fact_id: number | null;
  outlier: string | null;
}

/**
 * What a Compare chart draws: a line per province over the periods (a time series), or bars for
 * one period across provinces; values in a readable unit (`tỷ đồng` for VND in billions).
 */
export interface CompareChart {
  title: string;
  baseUnit: string;
  /** The unit the axis shows (`tỷ đồng`, `nghìn thuê bao`, `%`) and what a base value is divided by for it. */
  unit: string;
  scale: number;
  kind: 'line' | 'bar';
  /** The x axis: periods (line) or provinces (bar). */
  categories: string[];
  series: { name: string; points: (ChartPoint | null)[] }[];
}

const MONEY: [number, string][] = [
  [1e9, 'tỷ đồng'],
  [1e6, 'triệu đồng'],
  [1e3, 'nghìn đồng'],
];
const COUNT: [number, string][] = [
  [1e6, 'triệu'],
  [1e3, 'nghìn'],
];

/** The readable unit for values in `baseUnit`: money in tỷ/triệu/nghìn đồng, large counts in triệu/nghìn; rates and percentages as they are. */
export function readableUnit(baseUnit: string, values: readonly number[]): { unit: string; scale: number } {
  const sizes = values.map(Math.abs).sort((a, b) => a - b);
  const typical = sizes.length ? sizes[Math.floor(sizes.length / 2)] : 0;
  if (baseUnit === 'VND') {
    const [scale, unit] = MONEY.find(([s]) => typical >= s) ?? [1, 'đồng'];
    return { unit, scale };
  }
  if (baseUnit === '%' || baseUnit.includes('/') || baseUnit === '') return { unit: baseUnit, scale: 1 };
  const hit = COUNT.find(([s]) => typical >= s * 10);
  return hit ? { unit: `${hit[1]} ${baseUnit}`, scale: hit[0] } : { unit: baseUnit, scale: 1 };
}

/** The outlier reason of each row (aligned with `rows`): a value breaking its province's series. */
export function rowOutliers(rows: readonly CompareRow[]): (string | null)[] {
  const flags = seriesOutliers(rows.map((r) => ({ series: r.province, period: r.period, value: r.value })));
  return rows.map((_, i) => flags.get(i) ?? null);
}

/** The chart of compared rows (from `compareMetric` or `comparePhrase`). A province with two values for one period keeps the first. */
export function compareChart(rows: readonly CompareRow[], title: string, baseUnit: string): CompareChart {
  const { unit, scale } = readableUnit(
    baseUnit,
    rows.map((r) => r.value),
  );
  const outliers = rowOutliers(rows);
  const points: ChartPoint[] = rows.map((r, i) => ({
    province: r.province,
    period: r.period,
    value: r.value,
    shown: r.value / scale,
    approx: r.approx,
    quote: r.quote,
    file: r.file,
    page: r.page,
    doc_id: r.doc_id,
    fact_id: r.fact_id,
    outlier: outliers[i],
  }));
  const periods = [...new Set(points.map((p) => p.period))].sort(periodOrder);
  const provinces = [...new Set(points.map((p) => p.province))];
  const series = provinces.map((pr) => ({ name: pr, points: periods.map((pe) => points.find((p) => p.province === pr && p.period === pe) ?? null) }));
  // no province has a series over time: bars across provinces (each labelled with its period when they differ)
  if (series.every((s) => s.points.filter(Boolean).length <= 1)) {
    const firsts = provinces.map((pr) => points.find((p) => p.province === pr) as ChartPoint);
    const categories = firsts.map((p) => (periods.length > 1 && p.period ? `${p.province} (${p.period})` : p.province));
    return { title, baseUnit, unit, scale, kind: 'bar', categories, series: [{ name: periods.length === 1 ? periods[0] || title : title, points: firsts }] };
  }
  return { title, baseUnit, unit, scale, kind: 'line', categories: periods, series };
}

/** One period of a time-series chart: bars across the provinces that have a value for it (the chart itself when it is already bars). */
export function periodSlice(chart: CompareChart, period: string): CompareChart {
  if (chart.kind === 'bar') return chart;
  const at = chart.categories.indexOf(period);
  const points = chart.series.map((s) => s.points[at] ?? null).filter((p): p is ChartPoint => p !== null);
  return { ...chart, kind: 'bar', categories: points.map((p) => p.province), series: [{ name: period, points }] };
}
