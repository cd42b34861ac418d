/// <reference lib="dom" />
import { clear, el } from './browser-dom.js';
import { cellKey, tableHighlight, type TableContext } from './table-highlight.js';

export type { TableContext } from './table-highlight.js';

const ROLE_TITLE: Record<string, string> = { fact: 'ô của số liệu', 'row-header': 'tiêu đề hàng', 'column-header': 'tiêu đề cột' };

/**
 * A table fact's table, drawn as an HTML table (merged cells kept) with the fact's cell and its
 * row and column headers highlighted; the section is hidden for a fact from a sentence.
 */
export function renderTableContext(host: HTMLElement, ctx: TableContext | null): void {
  clear(host);
  host.hidden = ctx === null;
  if (!ctx) return;
  const roles = tableHighlight(ctx);
  const caption = el('p', 'table-labels');
  caption.appendChild(el('span', 'row-label', ctx.rowLabel || '(không có tiêu đề hàng)'));
  caption.appendChild(document.createTextNode(' × '));
  caption.appendChild(el('span', 'column-label', ctx.columnLabel || '(không có tiêu đề cột)'));
  host.appendChild(el('h2', null, `Bảng ${ctx.table.id}${ctx.table.caption ? ` — ${ctx.table.caption}` : ''}`));
  host.appendChild(caption);
  const wrap = el('div', 'table-wrap');
  const t = el('table', 'source-table');
  const byRow = new Map<number, typeof ctx.table.cells>();
  for (const c of ctx.table.cells) byRow.set(c.row, [...(byRow.get(c.row) ?? []), c]);
  for (let r = 0; r < ctx.table.rows; r++) {
    const tr = el('tr');
    for (const c of (byRow.get(r) ?? []).sort((a, b) => a.col - b.col)) {
      const td = el(r < ctx.table.headerRows ? 'th' : 'td', null, c.text);
      if (c.rowSpan > 1) td.rowSpan = c.rowSpan;
      if (c.colSpan > 1) td.colSpan = c.colSpan;
      const role = roles.get(cellKey(c));
      if (role) {
        td.classList.add(`hl-${role}`);
        td.title = ROLE_TITLE[role];
      }
      tr.appendChild(td);
    }
    t.appendChild(tr);
  }
  wrap.appendChild(t);
  host.appendChild(wrap);
  host.querySelector('.hl-fact')?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
}
