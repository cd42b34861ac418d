import { metricWords } from '../../src/text/metric-words.js';

describe('metric words', () => {
  it('fold diacritics and case, keep the order, drop function words, place and time words and years', () => {
    expect(metricWords('Tổng số thuê bao di động trên địa bàn tỉnh năm 2024')).toEqual(['tong', 'so', 'thue', 'bao', 'di', 'dong', 'ban']);
  });

  it('expand the abbreviations of the reports and the spelling variants', () => {
    expect(metricWords('Hồ sơ TTHC')).toEqual(['ho', 'so', 'thu', 'tuc', 'hanh', 'chinh']);
    expect(metricWords('tỉ lệ')).toEqual(metricWords('tỷ lệ'));
  });

  it('have no words for a phrase of function words, years or nothing', () => {
    expect(metricWords('của các năm 2023')).toEqual([]);
    expect(metricWords('')).toEqual([]);
  });
});
