import type { Table } from '../../../schemas/table.js';
import { cellAt } from '../../../schemas/table.js';

/** Widest a column is printed (longer cell text is cut with `…`). */
const MAX_WIDTH = 28;

function fit(text: string, width: number): string {
  const t = text.replace(/\s+/gu, ' ').trim();
  const chars = [...t];
  if (chars.length > width) return `${chars.slice(0, width - 1).join('')}…`;
  return t + ' '.repeat(width - chars.length);
}

/**
 * A table as a text grid: one line per row, cells separated by `|`, a rule under the header
 * rows. A merged cell is printed in its first grid position; the positions it covers show `〃`
 * (same as above) when merged down and are left blank when merged across.
 */
export function renderTableGrid(table: Table): string[] {
  const widths: number[] = [];
  for (let col = 0; col < table.cols; col++) {
    let w = 1;
    for (const c of table.cells) if (c.col === col && c.colSpan === 1) w = Math.max(w, Math.min(MAX_WIDTH, [...c.text].length));
    widths.push(w);
  }
  const lines: string[] = [];
  const head = [
    `table ${table.id}`,
    `p.${table.page}${table.pageEnd && table.pageEnd !== table.page ? `–${table.pageEnd}` : ''}`,
    `${table.rows}×${table.cols}`,
  ];
  if (table.caption) head.push(table.caption);
  lines.push(head.join('  '));
  for (let row = 0; row < table.rows; row++) {
    const parts: string[] = [];
    for (let col = 0; col < table.cols; col++) {
      const cell = cellAt(table, row, col);
      let text = '';
      if (cell && cell.row === row && cell.col === col) text = cell.text;
      else if (cell && cell.col === col && cell.row < row) text = '〃';
      parts.push(fit(text, widths[col]));
    }
    lines.push(`  | ${parts.join(' | ')} |`);
    if (row === table.headerRows - 1) lines.push(`  |${widths.map((w) => '-'.repeat(w + 2)).join('+')}|`);
  }
  return lines;
}
