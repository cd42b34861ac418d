import type { BBox } from '../../../schemas/provenance.js';
import type { RuledGrid } from '../pdf/pdf-table-grid.js';

/**
 * OCR'd words into the cells of a scanned page's ruled tables. OCR reads a table row as one
 * line (`1 Sở Giáo dục và Đào tạo Đồng Tháp Ngày 17,18 tháng 4/2026`); its words are shared
 * out to the cells their middles lie in, so each cell gets its own piece of the line, and the
 * words outside every table stay in the page's free lines. Words are kept in reading order.
 * In a table found from the alignment of its columns (`grid.aligned`), where no border cuts the
 * line, a header cell's words can lie across the middle between two columns (`Dân số (người)
 * Diện tích (km2)`): there the words go by the middle of their piece — the words set closer than
 * `PIECE_GAP` word heights — as the PDF reader's text runs go by theirs.
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

/** Words closer than this many word heights are one piece of a line (a cell's text). */
const PIECE_GAP = 0.6;

/** Where a word's middle lies (in an aligned table, its piece's middle across): [table, cell], or undefined outside every table. */
function cellOf(grids: RuledGrid[], box: BBox, piece: BBox): [number, number] | undefined {
  const y = (box[1] + box[3]) / 2;
  for (let t = 0; t < grids.length; t++) {
    const x = grids[t].aligned ? (piece[0] + piece[2]) / 2 : (box[0] + box[2]) / 2;
    if (!inside(grids[t].bbox, x, y)) continue;
    const c = grids[t].cells.findIndex((cell) => inside(cell.bbox, x, y));
    return c >= 0 ? [t, c] : undefined;
  }
  return undefined;
}

/** For each word, the box of its piece: the run of words around it with no gap wider than `PIECE_GAP` word heights. */
function pieceBoxes(words: OcrWordBox[]): BBox[] {
  const heights = words.map((w) => w.bbox[3] - w.bbox[1]).sort((a, b) => a - b);
  const gap = PIECE_GAP * (heights[heights.length >> 1] ?? 0);
  const out: BBox[] = [];
  let start = 0;
  for (let k = 1; k <= words.length; k++) {
    if (k < words.length && words[k].bbox[0] - words[k - 1].bbox[2] <= gap) continue;
    const run = words.slice(start, k);
    const box: BBox = [
      Math.min(...run.map((w) => w.bbox[0])),
      Math.min(...run.map((w) => w.bbox[1])),
      Math.max(...run.map((w) => w.bbox[2])),
      Math.max(...run.map((w) => w.bbox[3])),
    ];
    for (let i = start; i < k; i++) out.push(box);
    start = k;
  }
  return out;
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
    const pieces = pieceBoxes(line.words);
    for (const [k, w] of line.words.entries()) {
      const at = cellOf(grids, w.bbox, pieces[k]);
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
