/**
 * Ordinals: `thứ nhất` 1, `thứ nhì` 2, `thứ tư` 4, `thứ 15`, `thứ mười lăm`, `đầu tiên` 1, in a
 * whole string or the first one inside a sentence (`đứng thứ mười lăm`). `thứ hai` … `thứ bảy`
 * are also weekdays; telling them apart is the caller's business.
 */
import { findNumbersLenient } from './number-parser.js';

const SPECIAL: ReadonlyMap<string, number> = new Map([
  ['nhất', 1],
  ['nhì', 2],
  ['tư', 4],
  ['bốn', 4],
]);

/** The value of the first ordinal in `text`, or null. */
export function parseOrdinal(text: string): number | null {
  const t = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  const lower = t.toLowerCase();
  if (/(?:^|[^\p{L}])đầu tiên(?![\p{L}])/u.test(lower)) return 1;
  const thu = /(?:^|[^\p{L}])thứ ([\p{L}\d]+)/u.exec(lower);
  if (!thu) return null;
  const special = SPECIAL.get(thu[1]);
  const from = thu.index + thu[0].length - thu[1].length;
  const first = findNumbersLenient(t.slice(from))[0];
  if (first && first.start === 0 && !(special !== undefined && first.end === thu[1].length)) return first.value * first.scale;
  return special ?? null;
}
