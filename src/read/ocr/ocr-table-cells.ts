import type { BBox } from '../../../schemas/provenance.js';
import type { RuledGrid } from '../pdf/pdf-table-grid.js';

/**
 * OCR'd words into the cells of a scanned page's ruled tables. OCR reads a table row as one
 * line (`1 Sở Giáo dục và Đào tạo Đồng Tháp Ngày 17,18 tháng 4/2026`); its words are shared
 * out to the cells their middles lie in, so each cell gets its own piece of the line, and the
 * words outside every table stay in the page's free lines. Words are kept in reading order.
 */

export interface OcrWordBox {
  text: string;
  confidence: number;
  bbox: BBox;
}

/** A line of words, or a piece of one. */
export interface WordLine<W extends OcrWordBox = OcrWordBox> {
  words: W[];
}

/** A piece of a line inside one cell of one table. */
export interface CellPiece<L> {
  /** Index of the table among the page's grids, and of the cell in its `cells`. */
  table: number;
  cell: number;
  line: L;
}

export interface PlacedLines<L> {
  free: L[];
  cells: CellPiece<L>[];
}

function inside(box: BBox, x: number, y: number): boolean {
  return x >= box[0] && x <= box[2] && y >= box[1] && y <= box[3];
}

/** Where a word's middle lies: [table, cell], or undefined outside every table. */
function cellOf(grids: RuledGrid[], box: BBox): [number, number] | undefined {
  const x = (box[0] + box[2]) / 2;
  const y = (box[1] + box[3]) / 2;
  for (let t = 0; t < grids.length; t++) {
    if (!inside(grids[t].bbox, x, y)) continue;
    const c = grids[t].cells.findIndex((cell) => inside(cell.bbox, x, y));
    return c >= 0 ? [t, c] : undefined;
  }
  return undefined;
}

/**
 * Split each line at the cell borders it crosses. `piece(line, words)` makes the line of a run
 * of its words (the whole line when nothing splits it).
 */
export function placeLines<W extends OcrWordBox, L extends WordLine<W>>(lines: L[], grids: RuledGrid[], piece: (line: L, words: W[]) => L): PlacedLines<L> {
  const out: PlacedLines<L> = { free: [], cells: [] };
  for (const line of lines) {
    if (grids.length === 0) {
      out.free.push(line);
      continue;
    }
    // runs of consecutive words in the same place (a cell, or outside)
    const runs: { at: [number, number] | undefined; words: W[] }[] = [];
    for (const w of line.words) {
      const at = cellOf(grids, w.bbox);
      const last = runs[runs.length - 1];
      if (last && (last.at === at || (last.at && at && last.at[0] === at[0] && last.at[1] === at[1]))) last.words.push(w);
      else runs.push({ at, words: [w] });
    }
    for (const run of runs) {
      const l = run.words.length === line.words.length ? line : piece(line, run.words);
      if (run.at) out.cells.push({ table: run.at[0], cell: run.at[1], line: l });
      else out.free.push(l);
    }
  }
  return out;
}
