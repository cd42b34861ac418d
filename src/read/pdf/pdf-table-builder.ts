import type { RawBlock } from '../../../schemas/raw-document.js';
import type { Table, TableCell } from '../../../schemas/table.js';
import type { RuledGrid } from './pdf-table-grid.js';
import type { TextLine } from './pdf-lines.js';

/**
 * Builds the tables of a PDF page by page and puts their cells in reading order among the
 * page's other lines: a table's cell lines (row by row, each row left to right) come before the
 * first free line below the table's top. A table that starts a page right under the running
 * header, with the same columns as a table that ended the previous page, and without repeating
 * that table's first row, is the same table going on: its rows are appended. With `sameRow`
 * (the OCR reader's, whose scanned header never reads the same twice), a table that does repeat
 * the first rows is the table going on too, and the repeated rows are left out.
 */

export interface TableBuilderOptions {
  /**
   * Whether two rows' texts (cells joined by `|`) say the same. Given, a table going on over a
   * page break may repeat the header: the rows at its top that say what the table's first rows
   * say are dropped and the rest appended. Without it a repeated first row starts a new table.
   */
  sameRow?: (a: string, b: string) => boolean;
}

/** At most this many rows of a repeated header are looked for. */
const MAX_REPEATED_ROWS = 3;

export interface CellLines {
  grid: RuledGrid;
  /** Lines of each cell, in the order of `grid.cells`. */
  lines: TextLine[][];
}

/** The top and bottom share of a page where only running headers and footers sit. */
const EDGE_BAND = 0.15;
/** Column edges this close (points) are the same column on two pages. */
const SAME_EDGE = 3;

interface Open {
  table: Table;
  /** Column edges of the table (x of each grid line). */
  xs: number[];
  /** The blank strips between the columns of a table found from text alignment. */
  gaps?: [number, number][];
  firstRow: string;
  /** Texts of the table's first rows (for `sameRow`). */
  firstRows: string[];
  /** Nothing but page furniture came after it on its page. */
  endsPage: boolean;
  lastPage: number;
}

export class PdfTableBuilder {
  private readonly found: Table[] = [];
  private last: Open | undefined;

  constructor(private readonly options: TableBuilderOptions = {}) {}

  tables(): Table[] {
    return this.found;
  }

  /**
   * One page's raw blocks: `free` (already in reading order) with the tables' cell blocks put
   * in place. `toBlock` turns a cell line into a raw block (font, bbox, indent).
   */
  addPage(page: number, height: number, free: RawBlock[], tables: CellLines[], toBlock: (line: TextLine) => RawBlock): RawBlock[] {
    const out = [...free];
    const sorted = [...tables].sort((a, b) => a.grid.bbox[1] - b.grid.bbox[1]);
    const top = height * EDGE_BAND;
    const bottom = height * (1 - EDGE_BAND);
    sorted.forEach((t, k) => {
      const [, y0, , y1] = t.grid.bbox;
      const textAbove = free.some((b) => b.bbox && b.bbox[3] <= y0 && b.bbox[1] > top);
      const textBelow = free.some((b) => b.bbox && b.bbox[1] >= y1 && b.bbox[3] < bottom);
      const continued = k === 0 && !textAbove ? this.continuation(page, t) : undefined;
      // rows at the top of a continuation that repeat the header are left out
      const skip = continued?.skip ?? 0;
      const rowOffset = continued ? continued.open.table.rows - skip : 0;
      const table: Table = continued?.open.table ?? this.newTable(page, t);
      const blocks: RawBlock[] = [];
      const order = t.grid.cells.map((c, i) => ({ c, i })).sort((a, b) => a.c.row - b.c.row || a.c.col - b.c.col);
      const ordinal = new Map<number, number>();
      for (const { c, i } of order) {
        if (c.row < skip) continue;
        const row = rowOffset + c.row;
        const n = (ordinal.get(row) ?? 0) + 1;
        ordinal.set(row, n);
        const lines = t.lines[i];
        const cell: TableCell = {
          row,
          col: c.col,
          rowSpan: c.rowSpan,
          colSpan: c.colSpan,
          text: lines.map((l) => l.text).join(' '),
          page,
          bbox: c.bbox.map(round) as TableCell['bbox'],
        };
        table.cells.push(cell);
        for (const line of lines) blocks.push({ ...toBlock(line), table: { table: table.id, row: row + 1, cell: n, col: c.col } });
      }
      table.rows = rowOffset + t.grid.ys.length - 1;
      table.cols = Math.max(table.cols, t.grid.xs.length - 1);
      if (continued) table.pageEnd = page;
      // in reading order: before the first free line that starts below the table's top
      const at = out.findIndex((b) => !b.table && b.page === page && b.bbox !== undefined && b.bbox[1] >= y0);
      if (at < 0) out.push(...blocks);
      else out.splice(at, 0, ...blocks);
      this.last = {
        table,
        xs: t.grid.xs,
        gaps: t.grid.gaps,
        firstRow: continued?.open.firstRow ?? rowText(t, 0),
        firstRows: continued?.open.firstRows ?? Array.from({ length: Math.min(MAX_REPEATED_ROWS, t.grid.ys.length - 1) }, (_, r) => rowText(t, r)),
        endsPage: !textBelow && k === sorted.length - 1,
        lastPage: page,
      };
    });
    if (sorted.length === 0 && this.last && this.last.lastPage !== page) this.last = undefined;
    return out;
  }

  private newTable(page: number, t: CellLines): Table {
    const table: Table = {
      id: this.found.length + 1,
      origin: t.grid.aligned ? 'pdf-aligned' : 'pdf-ruled',
      page,
      bbox: t.grid.bbox.map(round) as Table['bbox'],
      rows: 0,
      cols: 0,
      headerRows: 0,
      cells: [],
    };
    this.found.push(table);
    return table;
  }

  /** The table `t` goes on, and how many rows at its top repeat that table's header. */
  private continuation(page: number, t: CellLines): { open: Open; skip: number } | undefined {
    const last = this.last;
    if (!last?.endsPage || last.lastPage !== page - 1) return undefined;
    if (last.xs.length !== t.grid.xs.length || !sameColumns(last, t.grid)) return undefined;
    const same = this.options.sameRow;
    // without `sameRow`, a repeated header row starts a table of its own (it names its columns again)
    if (!same) return rowText(t, 0) === last.firstRow ? undefined : { open: last, skip: 0 };
    let skip = 0;
    const rows = t.grid.ys.length - 1;
    while (skip < last.firstRows.length && skip < rows - 1 && same(rowText(t, skip), last.firstRows[skip])) skip++;
    return { open: last, skip };
  }
}

/**
 * The same columns on two pages: ruled edges within a few points; for tables found from text
 * alignment (whose edges depend on the text each page holds) the blank strips between columns overlap.
 */
function sameColumns(last: Open, grid: RuledGrid): boolean {
  const gaps = grid.gaps;
  if (last.gaps && gaps) return last.gaps.every(([a, b], i) => a <= gaps[i][1] && gaps[i][0] <= b);
  if (last.gaps || gaps) return false;
  return last.xs.every((x, i) => Math.abs(x - grid.xs[i]) <= SAME_EDGE);
}

function rowText(t: CellLines, row: number): string {
  return t.grid.cells
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => c.row === row)
    .map(({ i }) => t.lines[i].map((l) => l.text).join(' '))
    .join('|');
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
