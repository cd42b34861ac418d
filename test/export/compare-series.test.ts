import { describe, expect, test } from '@jest/globals';
import type { CompareRow } from '../../src/export/compare-report.js';
import { compareChart, periodSlice, readableUnit } from '../../src/export/compare-series.js';

const row = (province: string, period: string, value: number, extra: Partial<CompareRow> = {}): CompareRow => ({
  province,
  report_period: period,
  value,
  unit: 'VND',
  period,
  approx: 'none',
  quote: 'q',
  file: `${province}-${period}.pdf`,
  page: 1,
  candidates: 1,
  doc_id: `${province}-${period}`,
  fact_id: null,
  ...extra,
});

describe('a readable unit for the chart', () => {
  test('money in tỷ, triệu or nghìn đồng by its typical size; counts in nghìn or triệu from ten of them; rates as they are', () => {
    expect(readableUnit('VND', [95.2e9, 2480e9, 12e9])).toEqual({ unit: 'tỷ đồng', scale: 1e9 });
    expect(readableUnit('VND', [350e6, 820e6])).toEqual({ unit: 'triệu đồng', scale: 1e6 });
    expect(readableUnit('VND', [500])).toEqual({ unit: 'đồng', scale: 1 });
    expect(readableUnit('thuê bao', [1_234_567, 2_500_000])).toEqual({ unit: 'nghìn thuê bao', scale: 1e3 });
    expect(readableUnit('thuê bao', [12_345_678, 25_000_000])).toEqual({ unit: 'triệu thuê bao', scale: 1e6 });
    expect(readableUnit('trạm', [2145, 1800])).toEqual({ unit: 'trạm', scale: 1 });
    expect(readableUnit('%', [87.5])).toEqual({ unit: '%', scale: 1 });
    expect(readableUnit('thuê bao/100 dân', [140])).toEqual({ unit: 'thuê bao/100 dân', scale: 1 });
  });
});

describe('the chart of a comparison', () => {
  test('a province with several periods makes a line per province over the periods, in order, gaps as null', () => {
    const chart = compareChart(
      [row('Nam Định', '2021-08', 95e9), row('Nam Định', '2021-06', 90e9), row('Hà Tĩnh', '2021-08', 40e9, { approx: 'estimate', fact_id: 7 })],
      'Doanh thu viễn thông',
      'VND',
    );
    expect(chart.kind).toBe('line');
    expect(chart.unit).toBe('tỷ đồng');
    expect(chart.categories).toEqual(['2021-06', '2021-08']);
    expect(chart.series.map((s) => [s.name, s.points.map((p) => p?.shown ?? null)])).toEqual([
      ['Nam Định', [90, 95]],
      ['Hà Tĩnh', [null, 40]],
    ]);
    expect(chart.series[1].points[1]).toMatchObject({ value: 40e9, approx: 'estimate', fact_id: 7, outlier: null });
  });

  test('one value per province makes bars across provinces, labelled with their periods when these differ', () => {
    const one = compareChart([row('Nam Định', '2024', 3e9), row('Hà Tĩnh', '2024', 2e9)], 'X', 'VND');
    expect(one).toMatchObject({ kind: 'bar', categories: ['Nam Định', 'Hà Tĩnh'], series: [{ name: '2024' }] });
    const mixed = compareChart([row('Nam Định', '2021-08', 3e9), row('Hà Tĩnh', '2024', 2e9)], 'X', 'VND');
    expect(mixed).toMatchObject({ kind: 'bar', categories: ['Nam Định (2021-08)', 'Hà Tĩnh (2024)'] });
    expect(mixed.series[0].points.map((p) => p?.shown)).toEqual([3, 2]);
  });

  test("the value that breaks its province's series is flagged on its point", () => {
    const rows = ['2022-01', '2022-02', '2022-03', '2022-04'].map((p, i) => row('Lào Cai', p, (i === 2 ? 100_000 : 100 + i) * 1e9, { fact_id: i + 1 }));
    const flagged = compareChart(rows, 'X', 'VND').series[0].points.filter((p) => p?.outlier);
    expect(flagged.map((p) => p?.fact_id)).toEqual([3]);
  });
});

describe('one period of a time series', () => {
  test('is bars across the provinces that have a value for it', () => {
    const chart = compareChart(
      [
        row('Nam Định', '2021-06', 90e9),
        row('Nam Định', '2021-08', 95e9),
        row('Hà Tĩnh', '2021-08', 40e9),
        row('Huế', '2021-06', 10e9),
        row('Huế', '2021-07', 11e9),
      ],
      'X',
      'VND',
    );
    const slice = periodSlice(chart, '2021-08');
    expect(slice).toMatchObject({ kind: 'bar', unit: 'tỷ đồng', categories: ['Nam Định', 'Hà Tĩnh'], series: [{ name: '2021-08' }] });
    expect(slice.series[0].points.map((p) => p?.shown)).toEqual([95, 40]);
    expect(periodSlice(slice, '2021-06')).toBe(slice);
  });
});
