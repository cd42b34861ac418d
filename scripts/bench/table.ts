/** Small helpers the bench sections share: a text table, medians, rounding. */

export type Cell = string | number | null | undefined;

/** A plain text table; numbers are right-aligned, text left-aligned. */
export function table(head: string[], rows: Cell[][], indent = '  '): string {
  const text = rows.map((r) => r.map((c) => (c === null || c === undefined ? '–' : String(c))));
  const widths = head.map((h, i) => Math.max(h.length, ...text.map((r) => (r[i] ?? '').length)));
  const right = head.map((_, i) => rows.every((r) => r[i] === null || r[i] === undefined || typeof r[i] === 'number' || /^[\d.,×%/ -]+$/.test(String(r[i]))));
  const line = (cells: string[]) =>
    indent +
    cells
      .map((c, i) => (right[i] ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(head), indent + widths.map((w) => '-'.repeat(w)).join('  '), ...text.map(line)].join('\n');
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function fixed(n: number, digits = 1): string {
  return Number.isFinite(n) ? n.toFixed(digits) : '–';
}

export function ratio(n: number): string {
  return Number.isFinite(n) ? `${n.toFixed(2)}×` : '–';
}

export function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
