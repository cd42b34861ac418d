/**
 * The number in a short money or measure phrase (`mười đô la`, `2 đô la và 23 xen`, `USD1,23`,
 * `50.000đ/ngày`, `trừ sáu sáu kí`, `1/2kg`), with the bounds of a range or limit (`từ 1000 đến
 * 2000 đồng`, `dưới bảy ngàn đồng`, `10k-20k`). The unit itself is not read here (the
 * extractor's unit reader does that in report text); it is only stepped over so the number is right.
 */
import { findNumbersLenient, type NumberMatch } from './number-parser.js';
import { parseFraction } from './number-fraction.js';

export interface AmountReading {
  /** The (first) amount; for a range its lower end. */
  value: number;
  min?: number;
  max?: number;
  bound: 'exact' | 'between' | 'under' | 'above';
}

/** Limit words, longest first; stripped before the numbers are read (`không quá` is not 0). */
const UNDER = ['không cao hơn', 'không hơn', 'không quá', 'không tới', 'ít hơn', 'kém hơn', 'dưới', 'tối đa'];
const ABOVE = ['không ít hơn', 'nhiều hơn', 'cao hơn', 'ít nhất', 'tối thiểu', 'hơn', 'trên'];
const APPROX = ['khoảng chừng', 'xấp xỉ', 'khoảng', 'tầm', 'chừng', 'gần'];

/** Currency codes written glued before the digits (`USD1,23`, `Rs20`, `VND1000`). */
const CODE_BEFORE_DIGITS = /(?<![\p{L}])(USD|EUR|GBP|INR|VND|VNĐ|AED|Rs\.?)(?=[\d,])/gu;

/** Minor-unit words after the second number (`23 xen`, `42 xu`). */
const CENTS = /^\s*(?:xen|xu|cắc|cent|cents)?\s*\.?$/iu;

function stripPrefix(t: string, words: string[]): string | null {
  const lower = t.toLowerCase();
  for (const w of words) {
    if (lower.startsWith(`${w} `)) return t.slice(w.length + 1);
  }
  return null;
}

const amountOf = (m: NumberMatch): number => m.value * m.scale;

/** The amount in a money/measure phrase, or null when no number is found. */
export function readAmount(text: string): AmountReading | null {
  let t = text.normalize('NFC').replace(/\s+/g, ' ').trim().replace(CODE_BEFORE_DIGITS, '$1 ');
  let bound: AmountReading['bound'] = 'exact';
  for (let changed = true; changed; ) {
    changed = false;
    const approx = stripPrefix(t, APPROX);
    if (approx !== null) [t, changed] = [approx, true];
    const under = stripPrefix(t, UNDER);
    if (under !== null) [t, bound, changed] = [under, 'under', true];
    const above = stripPrefix(t, ABOVE);
    if (above !== null) [t, bound, changed] = [above, 'above', true];
  }
  if (/ trở xuống$/iu.test(t)) bound = 'under';
  if (/ trở lên$/iu.test(t)) bound = 'above';
  const between = /^giữa /iu.test(t);
  const negative = /^-\s*\d/.test(t);
  const frac = /(?:^|\s)(-?\d+\/\d+)(?![\d/.,])/u.exec(t);
  if (frac) {
    const v = parseFraction(frac[1]);
    if (v !== null) return { value: v, bound };
  }
  const ms = findNumbersLenient(t);
  if (!ms.length) return null;
  const sign = negative ? -1 : 1;
  const [a, b] = ms;
  let value = sign * amountOf(a);
  if (b) {
    const mid = t.slice(a.end, b.start);
    const words = mid.toLowerCase().split(/\s+/);
    const range = /[-–]/.test(mid) || words.includes('đến') || words.includes('tới') || (between && words.includes('và'));
    if (range) return { value, min: value, max: amountOf(b), bound: 'between' };
    if (isCents(t, a, b)) value += (sign * amountOf(b)) / 100;
  } else if (/^[\p{L}$€£₫ ]*(?:^|\s)rưỡi\s*$/iu.test(t.slice(a.end))) {
    value += sign * 0.5;
  }
  return bound === 'under' ? { value, max: value, bound } : bound === 'above' ? { value, min: value, bound } : { value, bound };
}

/** `2 đô la và 23 xen`, `hai đô 23`, `20 Rupees 43`: a unit between, the minor amount after. */
function isCents(t: string, a: NumberMatch, b: NumberMatch): boolean {
  const mid = t.slice(a.end, b.start).trim();
  if (!mid || !/^[\p{L}$€£₫.\s]+$/u.test(mid) || /^và$/iu.test(mid)) return false;
  return b.value < 100 && b.scale === 1 && CENTS.test(t.slice(b.end));
}
