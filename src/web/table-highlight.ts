import { cellAt, type Table, type TableCell } from '../../schemas/table.js';

/** What a cell is to the fact being reviewed. */
export type CellRole = 'fact' | 'row-header' | 'column-header';

/** The table a fact was read from, the grid position of its cell and the labels the extractor gave it. */
export interface TableContext {
  table: Table;
  row: number;
  col: number;
  rowLabel: string;
  columnLabel: string;
}

/** Key of a cell (its top-left grid position). */
export const cellKey = (c: Pick<TableCell, 'row' | 'col'>): string => `${c.row},${c.col}`;

const norm = (s: string): string => s.normalize('NFC').replace(/\s+/gu, ' ').trim().toLowerCase();
/** A row number, a code or a Roman numeral (an STT column): never a row's label. */
const SERIAL = /^[\divxlcdm.,)(-]*$/iu;

/**
 * Which cells to highlight for a table fact: its own cell; the header cells above it (the header
 * rows' cells whose columns cover its column); and its row's labels — the cells left of it in its
 * row whose text is in the fact's row label (or, without one, any that is not a serial number),
 * and the nearest cell above whose text the row label names: the group (`Group — label`), or the
 * row's own label when the row continues the one above with empty label cells.
 */
export function tableHighlight(ctx: TableContext): Map<string, CellRole> {
  const { table, row, col } = ctx;
  const roles = new Map<string, CellRole>();
  const fact = cellAt(table, row, col);
  if (!fact) return roles;
  roles.set(cellKey(fact), 'fact');
  const rowLabel = norm(ctx.rowLabel);
  const inRowLabel = (c: TableCell): boolean => {
    const t = norm(c.text);
    if (t === '' || SERIAL.test(t)) return false;
    return rowLabel === '' || rowLabel.includes(t);
  };
  for (const c of table.cells) {
    if (c === fact || norm(c.text) === '') continue;
    const coversCol = c.col <= fact.col && fact.col < c.col + c.colSpan;
    const coversRow = c.row <= fact.row && fact.row < c.row + c.rowSpan;
    if (c.row < table.headerRows && coversCol) roles.set(cellKey(c), 'column-header');
    else if (coversRow && c.col < fact.col && inRowLabel(c)) roles.set(cellKey(c), 'row-header');
  }
  // labels above the row: its group (`Group — label`), or its own label when the row continues one (empty label cells)
  const above = table.cells
    .filter((c) => c.row >= table.headerRows && c.row + c.rowSpan <= fact.row && c.col < fact.col && inRowLabel(c))
    .sort((a, b) => b.row - a.row);
  const hasOwn = [...roles.values()].includes('row-header');
  if (above[0] && (!hasOwn || rowLabel.includes(' — '))) roles.set(cellKey(above[0]), 'row-header');
  return roles;
}
