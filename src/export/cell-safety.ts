import { Period, type ExportRow } from '../../schemas/fact.js';

/** Export columns that hold numbers: written as numbers, never neutralised. */
export const NUMERIC_COLUMNS: ReadonlySet<keyof ExportRow> = new Set(['value', 'base_value', 'of', 'value_max', 'page', 'confidence']);

/**
 * Characters that make a spreadsheet read a CSV field as a formula (OWASP "CSV injection"):
 * `=`, `+`, `-`, `@`, and also tab and carriage return.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Columns that hold solieu's own notation, written by solieu and checked against its grammar:
 * `period` and `report_period` (`2021`, `2021-08`, `2021-Q1`, `2021-01..2021-08`, `@2021-08`,
 * GUIDELINES). A value that fits the grammar is written as it is: `@2021-08` is solieu's mark
 * of a stock, not a formula, and a leading `'` would change the value every program reads.
 * A value that does not fit (a reviewer's free text) is neutralised like any text.
 */
const OWN_NOTATION: Partial<Record<keyof ExportRow, typeof Period>> = {
  period: Period,
  report_period: Period,
};

/**
 * Neutralise a CSV text field against formula injection: a text that begins with `=`, `+`,
 * `-`, `@`, tab or CR gets a leading `'` (what Excel shows as a text marker), unless `column`
 * holds solieu's own notation and the text fits it (see `OWN_NOTATION`). Only text columns are
 * passed here: numbers are written as numbers, so a negative value stays a number.
 *
 * Not for XLSX: an XLSX text cell is a typed string that no spreadsheet evaluates, so it is
 * written as it is (`xlsx-writer.ts`).
 */
export function neutralizeText(text: string, column?: keyof ExportRow): string {
  if (!FORMULA_START.test(text)) return text;
  const own = column === undefined ? undefined : OWN_NOTATION[column];
  if (own?.safeParse(text).success) return text;
  return `'${text}`;
}

/** A number as plain digits with `.` as decimal point and no exponent or grouping. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) throw new TypeError(`export: ${n} is not a finite number; check the fact's value`);
  const s = String(n);
  return /e/i.test(s) ? n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 }) : s;
}
