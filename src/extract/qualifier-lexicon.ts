import type { Approx } from '../../schemas/fact.js';

/**
 * Qualifiers as data. `adjacent` qualifiers bind only when they stand right before the number;
 * `clause` qualifiers (estimates)
 * govern the next figure in their clause even several words later (`ước thực hiện trong tháng là 266.557`).
 */
export interface Qualifier {
  words: string;
  approx: Exclude<Approx, 'none'>;
  reach: 'adjacent' | 'clause';
}

export const QUALIFIERS: Qualifier[] = [
  { words: 'ước đạt', approx: 'estimate', reach: 'clause' },
  { words: 'ước thực hiện', approx: 'estimate', reach: 'clause' },
  { words: 'ước tính', approx: 'estimate', reach: 'clause' },
  { words: 'ước', approx: 'estimate', reach: 'clause' },
  // (not `dự kiến`: `Tổng kinh phí dự kiến 3.245,6 tỷ đồng` is a plan's figure, written as planned, not an estimate of a result)
  { words: 'khoảng', approx: 'about', reach: 'adjacent' },
  { words: 'gần', approx: 'about', reach: 'adjacent' },
  { words: 'xấp xỉ', approx: 'about', reach: 'adjacent' },
  { words: '~', approx: 'about', reach: 'adjacent' },
  { words: '≈', approx: 'about', reach: 'adjacent' },
  { words: 'trên dưới', approx: 'about', reach: 'adjacent' },
  { words: 'chừng', approx: 'about', reach: 'adjacent' },
  { words: 'hơn', approx: 'more_than', reach: 'adjacent' },
  { words: 'trên', approx: 'more_than', reach: 'adjacent' },
  { words: 'tối thiểu', approx: 'more_than', reach: 'adjacent' },
  { words: 'ít nhất', approx: 'more_than', reach: 'adjacent' },
  { words: 'vượt', approx: 'more_than', reach: 'adjacent' },
  { words: 'dưới', approx: 'less_than', reach: 'adjacent' },
  { words: 'chưa đến', approx: 'less_than', reach: 'adjacent' },
  { words: 'chưa tới', approx: 'less_than', reach: 'adjacent' },
  { words: 'không quá', approx: 'less_than', reach: 'adjacent' },
  { words: 'tối đa', approx: 'less_than', reach: 'adjacent' },
  // negated bounds: `không dưới 120 cơ sở` is at least 120, `không vượt quá 3,5 lần` at most
  { words: 'không dưới', approx: 'more_than', reach: 'adjacent' },
  { words: 'không ít hơn', approx: 'more_than', reach: 'adjacent' },
  { words: 'không thấp hơn', approx: 'more_than', reach: 'adjacent' },
  { words: 'không vượt quá', approx: 'less_than', reach: 'adjacent' },
  { words: 'không nhiều hơn', approx: 'less_than', reach: 'adjacent' },
  { words: 'không cao hơn', approx: 'less_than', reach: 'adjacent' },
  // `trong vòng 48 giờ`: within
  { words: 'trong vòng', approx: 'less_than', reach: 'adjacent' },
];
