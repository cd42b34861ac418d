import { describe, expect, test } from '@jest/globals';
import { periodOrder, seriesOutliers, type SeriesValue } from '../../src/export/series-outliers.js';

const months = (values: number[], series = 'Nam Định'): SeriesValue[] => values.map((value, i) => ({ series, period: `2022-0${i + 1}`, value }));

describe('values that break their series', () => {
  test('one value ×1000 in a steady series is flagged as a unit slip, and only it', () => {
    const flags = seriesOutliers(months([102.4, 98.7, 105.1, 101_300, 107.9]));
    expect([...flags.keys()]).toEqual([3]);
    expect(flags.get(3)).toMatch(/^×976 so với các kỳ khác của chuỗi — có thể nhầm đơn vị/);
  });

  test('a jump of ×10 is flagged without a unit slip; one of 1/1000 is flagged too', () => {
    expect(seriesOutliers(months([50, 52, 520, 55])).get(2)).toBe('×10 so với các kỳ khác của chuỗi');
    expect(seriesOutliers(months([50, 52, 0.051, 55])).get(2)).toMatch(/^×1\/1\.0\d\d .*nhầm đơn vị/);
  });

  test('steady growth, a doubling, two values or a series whose other values disagree are not judged', () => {
    expect(seriesOutliers(months([10, 12, 15, 19, 24, 30])).size).toBe(0);
    expect(seriesOutliers(months([100, 104, 210, 215])).size).toBe(0);
    expect(seriesOutliers(months([5, 5000])).size).toBe(0);
    // the others span ×100 among themselves: no single value can be called the odd one
    expect(seriesOutliers(months([1, 100, 10_000, 50])).size).toBe(0);
  });

  test('each province is its own series: a large province beside a small one is no outlier', () => {
    const values = [...months([100, 104, 108], 'Hà Nội'), ...months([1, 1.1, 1.05], 'Bắc Kạn')].map((v) => ({ ...v, value: v.value * 1e9 }));
    expect(seriesOutliers(values).size).toBe(0);
  });

  test('a running total from the start of the year that falls is flagged', () => {
    const values: SeriesValue[] = [
      { series: 'Huế', period: '2021-01..2021-05', value: 500 },
      { series: 'Huế', period: '2021-01..2021-08', value: 430 },
      { series: 'Huế', period: '2021-01..2021-06', value: 600 },
    ];
    expect([...seriesOutliers(values)]).toEqual([[1, 'lũy kế giảm: 2021-01..2021-08 thấp hơn 2021-01..2021-06']]);
  });

  test('periods order by their end, then their start; years, quarters, stocks and spans together', () => {
    const periods = ['2021', '@2021-08', '2021-Q3', '2021-01..2021-08', '2020', '2021-07', ''];
    expect([...periods].sort(periodOrder)).toEqual(['2020', '2021-07', '2021-01..2021-08', '@2021-08', '2021-Q3', '2021', '']);
  });
});
