/**
 * A run of digits with `.` and `,` (`1.600.000`, `14,96`, `11.5`, `1,234,567`) → its value and
 * the separator convention it follows.
 *
 * Vietnamese style: `.` groups thousands, `,` is the decimal comma. English style, which some
 * writers slip into: `.` decimal point, `,` groups. Decisions:
 * - `1.600.000`, `1.600` (dot + three digits) → thousands, `vi`.
 * - `11.5`, `1.5`, `0.25`, `3.1415` (dot + not three digits) → decimal point, `en`.
 * - `14,96`, `0,125` → decimal comma, `vi`; `1,234` (one comma + three digits, no leading zero)
 *   → 1.234 as `vi` would read it, but flagged `ambiguous` (English grouping would say 1234).
 * - `1,234,567` → English grouping, `en`; `1.234,5` → `vi`; `1,234.5` → `en`.
 * - Anything else (`1.2.3`, `05.03.2020`, `1,2,3`) is not one number: `null`, and the caller
 *   splits it into its pieces.
 */

export type SeparatorStyle = 'vi' | 'en' | 'none' | 'ambiguous';

export interface DigitReading {
  value: number;
  separatorStyle: SeparatorStyle;
  leadingZero: boolean;
}

const GROUPED = (sep: '.' | ','): RegExp => (sep === '.' ? /^[1-9]\d{0,2}(?:\.\d{3})+$/ : /^[1-9]\d{0,2}(?:,\d{3})+$/);

/**
 * Read one digit run. `text` is digits with `.`/`,` between digits (a leading `,` allowed: `,77`).
 * `prefer: 'en'` (a document written in English style) reads the two ambiguous shapes the other
 * way — `2.139` as 2.139 and `1,234` as 1234 — still flagged `ambiguous`.
 */
export function readDigitRun(text: string, prefer: 'vi' | 'en' = 'vi'): DigitReading | null {
  if (!/^(?:\d+|,\d+)(?:[.,]\d+)*$/.test(text)) return null;
  const leadingZero = /^0\d/.test(text);
  const dots = (text.match(/\./g) ?? []).length;
  const commas = (text.match(/,/g) ?? []).length;
  if (text.startsWith(',')) {
    return dots || commas > 1 ? null : { value: Number(`0.${text.slice(1)}`), separatorStyle: 'vi', leadingZero: false };
  }
  if (!dots && !commas) return { value: Number(text), separatorStyle: 'none', leadingZero };
  if (dots && commas) {
    const lastDot = text.lastIndexOf('.');
    const lastComma = text.lastIndexOf(',');
    if (lastComma > lastDot && commas === 1) {
      const int = text.slice(0, lastComma);
      if (!GROUPED('.').test(int)) return null;
      return { value: Number(`${int.replace(/\./g, '')}.${text.slice(lastComma + 1)}`), separatorStyle: 'vi', leadingZero };
    }
    if (lastDot > lastComma && dots === 1) {
      const int = text.slice(0, lastDot);
      if (!GROUPED(',').test(int)) return null;
      return { value: Number(`${int.replace(/,/g, '')}.${text.slice(lastDot + 1)}`), separatorStyle: 'en', leadingZero };
    }
    return null;
  }
  const sep = dots ? '.' : ',';
  const parts = text.split(sep);
  if (parts.length > 2) {
    if (!GROUPED(sep).test(text)) return null;
    return { value: Number(parts.join('')), separatorStyle: sep === '.' ? 'vi' : 'en', leadingZero };
  }
  const [int, frac] = parts;
  if (leadingZero && sep === '.') return null; // `05.03` is a date or a code, not a number
  const decimal = Number(`${int}.${frac}`);
  if (sep === '.') {
    if (frac.length === 3 && GROUPED('.').test(text)) {
      return prefer === 'en' ? { value: decimal, separatorStyle: 'ambiguous', leadingZero } : { value: Number(int + frac), separatorStyle: 'vi', leadingZero };
    }
    return { value: decimal, separatorStyle: 'en', leadingZero };
  }
  if (frac.length === 3 && GROUPED(',').test(text)) return { value: prefer === 'en' ? Number(int + frac) : decimal, separatorStyle: 'ambiguous', leadingZero };
  return { value: decimal, separatorStyle: 'vi', leadingZero };
}
