import { z } from './zod.js';
import { BBox } from './provenance.js';

/**
 * A table as the document holds it: a grid of cells with merged cells, header rows and the
 * columns that label the rows. Readers emit it (grid, texts, pages and boxes); normalization
 * adds where each cell's text sits in `Document.text` (`start`/`end`, half-open) and the caption.
 *
 * Grid coordinates are 0-based. A merged cell is stored once, at its top-left grid position,
 * with `rowSpan`/`colSpan`; the grid positions it covers hold no cell of their own.
 */
export const TableCell = z.object({
  row: z.number().int().nonnegative(),
  col: z.number().int().nonnegative(),
  rowSpan: z.number().int().positive(),
  colSpan: z.number().int().positive(),
  /** The cell's text (its paragraphs joined by a space), '' for an empty cell. */
  text: z.string(),
  page: z.number().int().positive(),
  bbox: BBox.optional(),
  /** Span of the cell's text in `Document.text` (absent for an empty cell or before normalization). */
  start: z.number().int().nonnegative().optional(),
  end: z.number().int().nonnegative().optional(),
});
export type TableCell = z.infer<typeof TableCell>;

/** How the reader found the table. */
export const TableOrigin = z.enum(['docx', 'doc', 'pdf-ruled', 'pdf-aligned', 'ocr']);
export type TableOrigin = z.infer<typeof TableOrigin>;

export const Table = z.object({
  /** 1-based, in document order; `Block.cell.table` and `RawBlock.table.table` refer to it. */
  id: z.number().int().positive(),
  origin: TableOrigin,
  page: z.number().int().positive(),
  /** Last page of a table that runs over a page break. */
  pageEnd: z.number().int().positive().optional(),
  /** Box on its first page (points, origin top-left), when known. */
  bbox: BBox.optional(),
  rows: z.number().int().nonnegative(),
  cols: z.number().int().nonnegative(),
  /**
   * Rows at the top that are headers: from the reader when the format says so (Word's
   * "repeat as header row"), otherwise inferred (rows above the first row of figures).
   */
  headerRows: z.number().int().nonnegative(),
  /** Whether `headerRows` was declared by the file (true) or inferred (false). */
  headerDeclared: z.boolean().optional(),
  cells: z.array(TableCell),
  /** The caption (`Bảng 2.1: …`, `Biểu …`, `Phụ lục …`) above the table. */
  caption: z.string().optional(),
  /** The paragraph right before the table when it introduces it (`… như sau:`). */
  intro: z.string().optional(),
  /** The unit a note above the table gives for all its figures (`Đơn vị tính: tỷ đồng` → `tỷ đồng`). */
  unit: z.string().optional(),
  /** Span of the whole table in `Document.text`. */
  start: z.number().int().nonnegative().optional(),
  end: z.number().int().nonnegative().optional(),
});
export type Table = z.infer<typeof Table>;

/** The cell of `table` that covers grid position (row, col), if any. */
export function cellAt(table: Table, row: number, col: number): TableCell | undefined {
  return table.cells.find((c) => c.row <= row && row < c.row + c.rowSpan && c.col <= col && col < c.col + c.colSpan);
}
