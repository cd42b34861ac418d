import type { Block } from '../../schemas/document.js';
import type { RawBlock } from '../../schemas/raw-document.js';
import type { Table, TableCell } from '../../schemas/table.js';
import { cellAt } from '../../schemas/table.js';

/**
 * Tables after normalization: each cell gets the span of its text in `Document.text` (from the
 * blocks its paragraphs became), each cell block points at its table and grid position, and
 * each table gets its caption, the sentence that introduces it, a unit note above it, and its
 * header rows where the reader could not say. Readers that give cell positions but no grid
 * (`.doc`) get a plain grid: row by row, one column per cell.
 */

/** A caption names the table: `Bảng 2.1: …`, `Biểu số 01`, `Phụ lục`, `BẢNG …`. */
const CAPTION = /^(?:bảng|biểu|phụ lục)(?:\s+(?:số\s+)?[\dIVXivx]+[\w.]*|\s*[:.]|\s+\p{Lu})/iu;
/** A unit note: `(Đơn vị tính: tỷ đồng)`, `ĐVT: triệu đồng`, `Đơn vị: %`. */
/** A short bracket closing a caption, without digits other than a unit's exponent (`(điểm)`, `(tỷ đồng)`, `(%)`, `(km2)`). */
const CAPTION_UNIT = /\(\s*((?:[\p{L}%/]+\d?\s*){1,3}(?:quy\s+(?:tiêu\s+)?chuẩn\s*|quy\s+đổi\s*)?)\)\s*$/u;
const UNIT_NOTE = /(?:đơn vị(?:\s+tính)?|đvt)\s*[:：]\s*([^()\n;]+?)\s*(?:\)|$|;)/iu;
/** A figure: the whole cell is a number (with sign, separators, a percent sign or a unit in brackets). */
const FIGURE_CELL = /^[~≈<>≤≥+\-–]?\s*\d[\d.,\s]*(?:%|\s*\([^)]*\))?$/u;

const YEAR = /^(?:19|20)\d\d$/u;

export interface TableInput {
  /** Tables the reader found, by their reader id. */
  tables: Table[];
  raw: RawBlock[];
  blocks: Block[];
  /** For each block, the raw blocks it was made of. */
  rawOf: number[][];
  text: string;
}

function tableKey(ref: NonNullable<RawBlock['table']>): string {
  return String(ref.table);
}

/** A grid for cells a reader placed by row and ordinal only. */
function plainTable(id: number, refs: { ref: NonNullable<RawBlock['table']>; page: number }[]): Table {
  const cells = new Map<string, TableCell>();
  let rows = 0;
  let cols = 0;
  for (const { ref, page } of refs) {
    const row = Math.max(0, ref.row - 1);
    const col = ref.col ?? Math.max(0, ref.cell - 1);
    const key = `${row}:${col}`;
    if (!cells.has(key)) cells.set(key, { row, col, rowSpan: 1, colSpan: 1, text: '', page });
    rows = Math.max(rows, row + 1);
    cols = Math.max(cols, col + 1);
  }
  return { id, origin: 'doc', page: refs[0]?.page ?? 1, rows, cols, headerRows: 0, cells: [...cells.values()] };
}

/** A figure with a short unit written after it (`12 phòng học`, `56 vị trí`), not a time (`6 tháng`, `2 năm đầu`). */
const FIGURE_WITH_UNIT = /^[~≈<>≤≥+\-–]?\s*\d[\d.,]*\s+(?!(?:tháng|năm|quý|ngày|tuần)(?:\s|$))\p{L}+(?:\s\p{L}+)?$/iu;
/** A column number in a row that numbers the columns (`<1>`, `(2)`, `[3]`, `A`, or a bare 1, 2, 3 …). */
const COLUMN_NUMBER = /^(?:[<([]\s*\d{1,2}\s*[>)\]]|\d{1,2}|[A-Z])$/u;

/** A figure in a data column: a number as the whole cell or with a short unit, not a year heading a column. */
function isFigure(c: TableCell): boolean {
  const t = c.text.trim();
  return c.col > 0 && (FIGURE_CELL.test(t) || FIGURE_WITH_UNIT.test(t)) && !YEAR.test(t);
}

/**
 * A first-row cell that names a class by its number (`3 sao`, `5 sao` over the counts of products rated so): a
 * figure with a word after it over a column of at least two bare figures, in a row that also heads the rows'
 * labels with words (`STT`, `Xã, phường`). A row of data (`12 phòng học`) has figures with words in its
 * other cells too, and rows below it of the same shape.
 */
function namesClass(table: Table, cell: TableCell): boolean {
  if (!FIGURE_WITH_UNIT.test(cell.text.trim()) || FIGURE_CELL.test(cell.text.trim())) return false;
  const below = table.cells.filter((c) => c.col === cell.col && c.row > 0 && c.text.trim() !== '');
  const bare = below.filter((c) => FIGURE_CELL.test(c.text.trim()));
  const wordsFirst = table.cells.some((c) => c.row === 0 && c.col < cell.col && /^\p{L}/u.test(c.text.trim()));
  return wordsFirst && bare.length >= 2 && bare.length === below.filter((c) => !/^[-–—.…]+$/u.test(c.text.trim())).length;
}

/**
 * A row that numbers the columns under the header (`<1> | <2> | … | <11>`, `(1) | (2) | …`,
 * `1 | 2 | 3 | …`, `A | B | C`): every cell a column number, at least three, each one more than the one before.
 */
export function isColumnNumberRow(cells: TableCell[]): boolean {
  const texts = cells
    .filter((c) => c.text.trim() !== '')
    .sort((a, b) => a.col - b.col)
    .map((c) => c.text.trim());
  if (texts.length < 3 || !texts.every((t) => COLUMN_NUMBER.test(t))) return false;
  const n = texts.map((t) => (/\d/u.test(t) ? Number(t.replace(/\D/gu, '')) : t.charCodeAt(0) - 64));
  return n.every((v, i) => i === 0 || v === n[i - 1] + 1);
}

/**
 * Rows at the top that head the table: the first row unless it holds figures, and every row a
 * header cell reaches into, never a row of figures (a header cell merged down over rows whose
 * borders the table does not draw, `STT` over a group's rows, stops at the first figures).
 */
export function inferHeaderRows(table: Table): number {
  const firstRow = table.cells.filter((c) => c.row === 0);
  // a year heads a column (`2016`, `Năm 2024`), and so does a class named by a number (`3 sao`, `Loại 1`) over bare
  // figures; any other figure in the first row makes it data
  if (firstRow.length === 0 || firstRow.some((c) => isFigure(c) && !namesClass(table, c))) return 0;
  const firstFigures = Math.min(table.rows, ...table.cells.filter(isFigure).map((c) => c.row));
  let header = 1;
  for (;;) {
    // cells with text only: an empty spacer column drawn the table's whole height reaches nothing
    const reach = Math.min(firstFigures, Math.max(...table.cells.filter((c) => c.row < header && c.text.trim() !== '').map((c) => c.row + c.rowSpan)));
    if (reach <= header || reach >= table.rows) break;
    header = reach;
  }
  return Math.min(header, Math.max(0, table.rows - 1));
}

/** The header rows with the row that numbers the columns right under them (declared by the file or inferred). */
export function withColumnNumbers(table: Table): number {
  const under = table.headerRows;
  if (under === 0 || under >= table.rows - 1) return under;
  return isColumnNumberRow(table.cells.filter((c) => c.row === under)) ? under + 1 : under;
}

/** Give tables spans, cell blocks their cell, and tables their captions; returns the tables in document order. */
export function attachTables(input: TableInput): Table[] {
  const { raw, blocks, rawOf, text } = input;
  const byReaderId = new Map(input.tables.map((t) => [String(t.id), t]));
  const out = new Map<string, Table>();
  const firstBlock = new Map<string, number>();
  // tables in the order their first cell block comes
  const refsOf = new Map<string, { ref: NonNullable<RawBlock['table']>; page: number }[]>();
  blocks.forEach((b, i) => {
    const ref = rawOf[i].map((k) => raw[k].table).find((r) => r !== undefined);
    if (!ref) return;
    const key = tableKey(ref);
    if (!firstBlock.has(key)) firstBlock.set(key, i);
    refsOf.set(key, [...(refsOf.get(key) ?? []), { ref, page: b.prov.page }]);
  });
  let next = 1;
  for (const key of [...firstBlock.keys()]) {
    const found = byReaderId.get(key);
    const base = found ? { ...found, cells: found.cells.map((c) => ({ ...c })) } : plainTable(0, refsOf.get(key) ?? []);
    out.set(key, { ...base, id: next++ });
  }
  // spans of cells, and each cell block's grid position
  blocks.forEach((b, i) => {
    const ref = rawOf[i].map((k) => raw[k].table).find((r) => r !== undefined);
    if (!ref) return;
    const table = out.get(tableKey(ref));
    if (!table) return;
    const row = Math.max(0, ref.row - 1);
    const col = ref.col ?? Math.max(0, ref.cell - 1);
    const cell = cellAt(table, row, col);
    if (!cell) return;
    b.cell = { table: table.id, row: cell.row, col: cell.col };
    cell.start = cell.start === undefined ? b.prov.start : Math.min(cell.start, b.prov.start);
    cell.end = cell.end === undefined ? b.prov.end : Math.max(cell.end, b.prov.end);
    table.start = table.start === undefined ? b.prov.start : Math.min(table.start, b.prov.start);
    table.end = table.end === undefined ? b.prov.end : Math.max(table.end, b.prov.end);
  });
  for (const [key, table] of out) {
    for (const cell of table.cells) {
      if (cell.start !== undefined && cell.end !== undefined) cell.text = text.slice(cell.start, cell.end).replace(/\s+/gu, ' ').trim();
    }
    if (!table.headerDeclared) table.headerRows = inferHeaderRows(table);
    table.headerRows = withColumnNumbers(table);
    Object.assign(table, captionOf(blocks, firstBlock.get(key) ?? 0));
  }
  return [...out.values()];
}

/** Caption, introducing sentence and unit note from the blocks just above a table. */
export function captionOf(blocks: Block[], first: number): Pick<Table, 'caption' | 'intro' | 'unit'> {
  const found: Pick<Table, 'caption' | 'intro' | 'unit'> = {};
  const above: string[] = [];
  for (let i = first - 1; i >= 0 && above.length < 3; i--) {
    const b = blocks[i];
    if (b.role === 'furniture') continue;
    if (b.cell) break;
    const t = b.text.trim();
    above.push(t);
    const unit = UNIT_NOTE.exec(t);
    if (unit && !found.unit && t.length < 200) found.unit = unit[1].trim().toLocaleLowerCase('vi');
    if (CAPTION.test(t) && t.length < 300) {
      // a caption wrapped onto a line of its own (`Bảng 2.4: … hàng` + `năm vùng … giai đoạn`)
      const rest = above
        .slice(0, -1)
        .reverse()
        .filter((x) => !UNIT_NOTE.test(x));
      found.caption = [t, ...rest].join(' ');
      // a caption that ends with its unit in brackets (`Bảng 1. Điểm số PCI …, 2021-2024 (điểm)`) when no unit note says it
      const bracket = CAPTION_UNIT.exec(found.caption);
      if (bracket && !found.unit) found.unit = bracket[1].trim().toLocaleLowerCase('vi');
      break;
    }
    if (above.length === 1 && /:\s*$/u.test(t)) {
      found.intro = t;
      break;
    }
    // only a unit note or one short wrapped caption line may stand between the caption and the table
    if (!unit && (t.length > 120 || /[.:;]$/u.test(t) || above.length > 1)) break;
  }
  return found;
}
