import type { ExportRow } from '../../schemas/fact.js';

/** Export columns that hold numbers: written as numbers, never neutralised. */
export const NUMERIC_COLUMNS: ReadonlySet<keyof ExportRow> = new Set(['value', 'base_value', 'of', 'value_max', 'page', 'confidence']);

/**
 * Characters that make a spreadsheet read a text cell as a formula (OWASP "CSV injection"):
 * `=`, `+`, `-`, `@`, and also tab and carriage return.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Neutralise a text cell against formula injection: a text that begins with `=`, `+`, `-`,
 * `@`, tab or CR gets a leading `'` (what Excel shows as a text marker). Only text columns
 * are passed here: numbers are written as numbers, so a negative value stays a number.
 */
export function neutralizeText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A number as plain digits with `.` as decimal point and no exponent or grouping. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) throw new TypeError(`export: ${n} is not a finite number; check the fact's value`);
  const s = String(n);
  return /e/i.test(s) ? n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 }) : s;
}
