import type { BBox } from '../../../schemas/provenance.js';
import type { TextRun } from '../pdf/pdf-lines.js';
import type { RuledGrid } from '../pdf/pdf-table-grid.js';
import { alignedGridsOfPages } from '../pdf/pdf-table-stream.js';

/**
 * Tables drawn without lines on scanned pages, from how the OCR'd words line up in columns. The
 * column finder is the PDF reader's stream-table finder (`pdf-table-stream.ts`), which reads text
 * runs; here each OCR word becomes a run. A word's box is only as tall as its letters (`thu` is
 * shorter than `Tổng`, `1` than `Đồng`), so the line's font size and baseline are told by its
 * words: each word's height over how far its letters reach above and below the baseline
 * (`wordMetrics`), the median of the line's words; every run of the line takes them.
 * Words of one OCR line then share one row, as the glyphs of a printed line do; the grids found
 * are handed to the same cell placement as ruled grids (`ocr-table-cells.ts`).
 */

/** An OCR line (or the part of one outside every ruled table): the box of the whole line and its words, in page points. */
export interface OcrTextLine {
  line: BBox;
  words: { text: string; bbox: BBox }[];
}

/** Where a glyph's ink reaches, in font sizes above (positive) and below the baseline. */
const CAP = 0.72;
const X_HEIGHT = 0.5;
const ASCENDERS = /[bdđfhklt]/u;
const DOTTED = /[ij!?]/u;
const DESCENDERS = /[gjpqy]/u;
const BELOW = /[,;()[\]{}|]/u;
/** Marks over a letter (tones, circumflex, breve), and the dot below. */
const MARK_ABOVE = /[\u0300\u0301\u0302\u0303\u0306\u0309]/gu;
const DOT_BELOW = '\u0323';

/** How far a letter or figure reaches above and below the baseline, in font sizes. */
function reach(cluster: string): [number, number] {
  const base = cluster[0];
  const marks = (cluster.match(MARK_ABOVE) ?? []).length;
  const tall = /[\p{Lu}\p{N}%&@#/()[\]{}|]/u.test(base) || ASCENDERS.test(base);
  let top = tall ? CAP : DOTTED.test(base) ? 0.7 : /\p{L}/u.test(base) ? X_HEIGHT : 0;
  if (marks > 0) top = (tall ? CAP + 0.05 : X_HEIGHT + 0.1) + 0.18 * marks;
  let bottom = 0;
  if (DESCENDERS.test(base) || BELOW.test(base)) bottom = -0.2;
  else if (cluster.includes(DOT_BELOW)) bottom = -0.12;
  return [top, bottom];
}

/** What a word's box and letters tell of its line: the font size and the baseline. */
export interface WordMetrics {
  size: number;
  baseline: number;
}

/**
 * A word's font size and baseline from its box and its letters: a box is as tall as what its
 * letters reach (`thu` half a size, `Tổng` from its marks to its descender), so the height over
 * that reach is the size; undefined for a word of punctuation alone.
 */
export function wordMetrics(text: string, box: BBox): WordMetrics | undefined {
  const clusters = text.normalize('NFD').match(/\P{M}\p{M}*/gu) ?? [];
  let top = 0;
  let bottom = 0;
  for (const c of clusters) {
    const [t, b] = reach(c);
    top = Math.max(top, t);
    bottom = Math.min(bottom, b);
  }
  const extent = top - bottom;
  if (extent < X_HEIGHT || !(box[3] > box[1])) return undefined;
  const size = (box[3] - box[1]) / extent;
  return { size, baseline: box[3] + bottom * size };
}

/** A type's reach above and below the baseline, in font sizes, as a PDF font's ascent and descent give it. */
const ASCENT = 0.9;
const DESCENT = -0.22;

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1];

/**
 * The words of OCR lines as text runs at their line's font size and baseline (the median of its
 * words'; from the line box when no word tells), so that the runs reach above and below the
 * baseline as far as a PDF's do, whatever letters the line holds.
 */
export function wordRuns(lines: OcrTextLine[]): TextRun[] {
  return lines.flatMap(({ line, words }) => {
    const told = words.map((w) => wordMetrics(w.text, w.bbox)).filter((m): m is WordMetrics => m !== undefined);
    const size = told.length > 0 ? median(told.map((m) => m.size)) : (line[3] - line[1]) / (ASCENT - DESCENT);
    const baseline = told.length > 0 ? median(told.map((m) => m.baseline)) : line[3] + DESCENT * size;
    if (!(size > 0)) return [];
    return words
      .filter((w) => w.text.trim() !== '')
      .map((w) => ({ text: w.text, x0: w.bbox[0], x1: w.bbox[2], baseline, size, ascent: ASCENT, descent: DESCENT }));
  });
}

/** The tables without lines of every OCR'd page (its lines outside ruled tables), as grids for the cell placement. */
export function alignedOcrGrids(pages: OcrTextLine[][]): RuledGrid[][] {
  return alignedGridsOfPages(pages.map(wordRuns));
}
