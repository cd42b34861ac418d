import { buildRows, type TextRun } from './pdf-lines.js';
import type { RuledGrid } from './pdf-table-grid.js';
import { alignedGrid, type Seg, type StreamLine } from './pdf-table-stream-grid.js';

/**
 * Tables drawn without lines ("stream" tables in Camelot's and Tabula's words), found from how
 * a page's text lines up in columns, as Nurminen's text-edge detector (Tabula, Camelot stream)
 * and pdfplumber's text strategy do, but tuned to stay quiet on what only looks like a table.
 *
 * A table is a run of consecutive lines, each split by wide gaps into pieces, where at least
 * three lines hold figures (`125,4`, `62,5%`, `1.204 hộ`) beside other pieces; the blank strips
 * that no piece of those lines crosses are the column gaps. It stands only when its figures
 * make columns: two columns of figures (the row-number column not counted), each with its
 * figures aligned on their left, right or middle, or one such column under a header of two or
 * more pieces. So a paragraph in two columns, a list with numbers, a signature block, a page
 * header or a table of contents stays text. The lines right above the first row of figures
 * that sit inside the table's width and are not its caption, a unit note or a sentence are its
 * header.
 */

/** A gap wider than this many font sizes splits a line into pieces. */
const PIECE_GAP = 1.2;
/** Between two figures a gap wider than this many font sizes is enough. */
const FIGURE_GAP = 0.6;
/** Lines of one table are at most this many font sizes apart (vertically). */
const LINE_GAP = 2;
/** At most this many lines without figures between two rows of figures. */
const MAX_PLAIN_LINES = 3;
/** At least this many rows of figures. */
const MIN_FIGURE_ROWS = 3;
/** Blank strips narrower than this many font sizes do not separate columns. */
const MIN_COLUMN_GAP = 0.5;
/** At most this many header lines. */
const MAX_HEADER_LINES = 6;

/** A figure: a number (a range, a sign, brackets) with at most a short unit after it. */
const FIGURE = /^(?:[~≈<>≤≥+\-–−]\s*)?\(?\d[\d.,]*(?:\s*[-–]\s*\d[\d.,]*)?\)?\s*(?:%|\(?[\p{L}%][\p{L}%/²³]*(?:\s\p{L}+)?\)?)?$/u;
const YEAR = /^(?:19|20)\d\d$/u;
/** A row number as written in an STT column. */
const ROW_NUMBER = /^(?:\d{1,3}\.?|[IVX]{1,5}\.?)$/u;
const CAPTION = /^(?:bảng|biểu|phụ lục|hình|sơ đồ)\b/iu;
const UNIT_NOTE = /(?:đơn vị(?:\s+tính)?|đvt)\s*[:：]/iu;
/** A heading's or a list item's number at the start of a line. */
const NUMBERED = /^(?:[IVX]+|\d+(?:\.\d+)*|[a-zđ])[.)]\s/u;

export function isFigurePiece(text: string): boolean {
  const t = text.trim();
  return FIGURE.test(t) && !YEAR.test(t);
}

const isFigure = (s: Seg): boolean => isFigurePiece(s.text);
const words = (s: Seg): number => s.text.split(/\s+/u).filter((w) => w).length;
const endsSentence = (s: Seg): boolean => /[.:;]$/u.test(s.text.trim()) && words(s) >= 6;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[s.length >> 1];
}

/**
 * A page's visual lines split into pieces: at gaps wider than `PIECE_GAP` sizes, and between two
 * figures at gaps wider than `FIGURE_GAP` (dense tables set figure columns closer than words).
 */
function toLines(runs: TextRun[]): StreamLine[] {
  return buildRows(runs, { columnGap: FIGURE_GAP })
    .map((row) => {
      const fine: Seg[] = row.map((l) => ({ text: l.text, x0: l.bbox[0], x1: l.bbox[2], top: l.bbox[1], bottom: l.bbox[3], size: l.fontSize }));
      // a figure next to a figure, or a row number next to its label, stays apart
      const segs = joinPieces(fine, (a, b, k) => !(isFigure(a) && isFigure(b)) && !(k === 1 && ROW_NUMBER.test(a.text.trim())));
      return { segs, fine, top: Math.min(...segs.map((s) => s.top)), bottom: Math.max(...segs.map((s) => s.bottom)), size: median(segs.map((s) => s.size)) };
    })
    .sort((a, b) => a.top - b.top);
}

/** Join neighbouring pieces closer than `PIECE_GAP` sizes where `may(left, right, index of right)` allows. */
function joinPieces(fine: Seg[], may: (a: Seg, b: Seg, k: number) => boolean): Seg[] {
  const segs: Seg[] = [];
  fine.forEach((seg, k) => {
    const last = segs[segs.length - 1];
    if (last && seg.x0 - last.x1 <= PIECE_GAP * Math.max(seg.size, last.size) && may(last, seg, k)) {
      segs[segs.length - 1] = {
        text: `${last.text} ${seg.text}`,
        x0: last.x0,
        x1: seg.x1,
        top: Math.min(last.top, seg.top),
        bottom: Math.max(last.bottom, seg.bottom),
        size: Math.max(last.size, seg.size),
      };
    } else segs.push(seg);
  });
  return segs;
}

/** A header line split again where a gap between its words meets a blank strip between columns (header cells set closer than the piece gap). */
function splitAtColumns(line: StreamLine, extents: [number, number][]): StreamLine {
  const strips = extents.slice(1).map((e, c) => [extents[c][1], e[0]]);
  const segs = joinPieces(line.fine, (a, b) => !strips.some(([from, to]) => a.x1 < to && b.x0 > from));
  return { ...line, segs };
}

/** A line of pieces with a figure that is not its row number (`1 | Viettel`, `3. | Tình hình …` hold none). */
const figureRow = (l: StreamLine): boolean => l.segs.length >= 2 && l.segs.some((s, k) => isFigure(s) && !(k === 0 && ROW_NUMBER.test(s.text.trim())));

/** A line that cannot be inside a table: a caption, a unit note, a sentence across the table. */
function breaksTable(line: StreamLine, width: number): boolean {
  if (line.segs.some((s) => CAPTION.test(s.text.trim()) || UNIT_NOTE.test(s.text))) return true;
  if (line.segs.length !== 1) return false;
  const s = line.segs[0];
  return endsSentence(s) || (s.x1 - s.x0 > 0.7 * width && words(s) >= 8);
}

/** Lines i..end: from a row of figures to the last row of figures that follows it closely. */
function regionFrom(lines: StreamLine[], i: number): number {
  let last = i;
  let plain = 0;
  let left = Math.min(...lines[i].segs.map((s) => s.x0));
  let right = Math.max(...lines[i].segs.map((s) => s.x1));
  for (let j = i + 1; j < lines.length; j++) {
    const line = lines[j];
    if (line.top - lines[j - 1].bottom > LINE_GAP * line.size) break;
    if (breaksTable(line, right - left)) break;
    if (figureRow(line)) {
      last = j;
      plain = 0;
      left = Math.min(left, ...line.segs.map((s) => s.x0));
      right = Math.max(right, ...line.segs.map((s) => s.x1));
    } else if (++plain > MAX_PLAIN_LINES) break;
  }
  return last;
}

/** Where the pieces of the rows of figures lie: the columns' extents, split at blank strips. */
function columnExtents(rows: StreamLine[]): [number, number][] {
  const spans = rows.flatMap((l) => l.segs.map((s) => [s.x0, s.x1] as [number, number])).sort((a, b) => a[0] - b[0]);
  const gap = MIN_COLUMN_GAP * median(rows.map((l) => l.size));
  const out: [number, number][] = [];
  for (const [a, b] of spans) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + gap) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** Figures of a column line up on their left, right or middle (most of them within a font size). */
function aligned(figures: Seg[]): boolean {
  const size = median(figures.map((s) => s.size));
  return [(s: Seg) => s.x0, (s: Seg) => s.x1, (s: Seg) => (s.x0 + s.x1) / 2].some((edge) => {
    const m = median(figures.map(edge));
    return figures.filter((s) => Math.abs(edge(s) - m) <= size).length >= 0.7 * figures.length;
  });
}

/** The columns that hold figures in most rows of figures, aligned, the row-number column aside. */
function figureColumns(rows: StreamLine[], extents: [number, number][]): number {
  let count = 0;
  extents.forEach(([a, b], c) => {
    const figures = rows.flatMap((l) => l.segs.filter((s) => s.x0 >= a && s.x1 <= b && isFigure(s)));
    if (figures.length < Math.max(2, 0.5 * rows.length) || !aligned(figures)) return;
    if (c === 0 && figures.every((s) => ROW_NUMBER.test(s.text.trim()))) return;
    count++;
  });
  return count;
}

/** The header: lines right above the body inside the table's width, up to a caption, a sentence or a wide gap. */
function headerAbove(lines: StreamLine[], start: number, floor: number, left: number, right: number): StreamLine[] {
  const header: StreamLine[] = [];
  for (let j = start - 1; j >= floor && header.length < MAX_HEADER_LINES; j--) {
    const line = lines[j];
    const below = header[0] ?? lines[start];
    if (below.top - line.bottom > LINE_GAP * line.size) break;
    if (breaksTable(line, right - left) || figureRow(line)) break;
    const slack = 2 * line.size;
    if (line.segs.some((s) => s.x0 < left - slack || s.x1 > right + slack || endsSentence(s) || words(s) > 12)) break;
    header.unshift(line);
  }
  // a heading, a title's wrapped line (a lone piece over most of the table) or lone pieces only belong to the text above
  const wide = (s: Seg): boolean => s.x1 - s.x0 > 0.5 * (right - left);
  while (
    header.length > 0 &&
    header[0].segs.length === 1 &&
    (NUMBERED.test(header[0].segs[0].text) || wide(header[0].segs[0]) || header.every((l) => l.segs.length === 1))
  )
    header.shift();
  return header;
}

/** A group's row: a row number (`I`, `2`) in the first column and its label, nothing else. */
function groupRow(line: StreamLine, extents: [number, number][]): boolean {
  const [a, b] = line.segs;
  return line.segs.length === 2 && ROW_NUMBER.test(a.text.trim()) && a.x1 <= extents[0][1] + a.size && !isFigurePiece(b.text);
}

/** Lines after the last row of figures that finish its label (`… nhà nước`). */
function trailing(lines: StreamLine[], end: number): number {
  let j = end;
  while (
    j + 1 < lines.length &&
    lines[j + 1].segs.length === 1 &&
    /^[\p{Ll}(]/u.test(lines[j + 1].segs[0].text) &&
    lines[j + 1].top - lines[j].bottom <= LINE_GAP * lines[j + 1].size
  )
    j++;
  return j;
}

function tableAt(lines: StreamLine[], start: number, end: number, floor: number): RuledGrid | undefined {
  const region = lines.slice(start, end + 1);
  const rows = region.filter(figureRow);
  if (rows.length < MIN_FIGURE_ROWS) return undefined;
  const extents = columnExtents(rows);
  if (extents.length < 2) return undefined;
  const left = extents[0][0];
  const right = extents[extents.length - 1][1];
  // group rows right above the first row of figures (`I | Kinh tế`) are body, not header
  let first = start;
  while (first - 1 >= floor && groupRow(lines[first - 1], extents) && lines[first].top - lines[first - 1].bottom <= LINE_GAP * lines[first].size) first--;
  const header = headerAbove(lines, first, floor, left, right).map((l) => splitAtColumns(l, extents));
  const columns = figureColumns(rows, extents);
  const namedColumns = header.some((l) => l.segs.length >= 2);
  if (columns < 2 && !(columns === 1 && namedColumns)) return undefined;
  const body = lines.slice(first, trailing(lines, end) + 1);
  return alignedGrid({ header, body, extents, isFigure, isGroupRow: (l) => groupRow(l, extents) });
}

/**
 * The tables a page's free text (runs outside its ruled tables) lays out in aligned columns,
 * top to bottom, as grids for the cell placement.
 */
export function alignedGrids(runs: TextRun[], furniture: Set<string> = new Set()): RuledGrid[] {
  return gridsOf(toLines(runs).filter((l) => !furniture.has(signature(l))));
}

/** A line's words, digits folded, and its height on the page: the same on every page for a running header or footer. */
function signature(line: StreamLine): string {
  return `${Math.round(line.top / 4)}:${line.segs.map((s) => s.text.replace(/\d+/gu, '#')).join('|')}`;
}

/**
 * Aligned tables of every page of a document (each page's free runs). Lines repeated at the
 * same height on two or more pages (running headers and footers) are never part of a table.
 */
export function alignedGridsOfPages(pages: TextRun[][]): RuledGrid[][] {
  const lines = pages.map(toLines);
  const seen = new Map<string, number>();
  for (const page of lines) for (const sig of new Set(page.map(signature))) seen.set(sig, (seen.get(sig) ?? 0) + 1);
  return lines.map((page) => gridsOf(page.filter((l) => (seen.get(signature(l)) ?? 0) < 2)));
}

function gridsOf(lines: StreamLine[]): RuledGrid[] {
  const grids: RuledGrid[] = [];
  let floor = 0;
  for (let i = 0; i < lines.length; i++) {
    if (!figureRow(lines[i])) continue;
    const end = regionFrom(lines, i);
    const grid = tableAt(lines, i, end, floor);
    if (grid) {
      grids.push(grid);
      i = trailing(lines, end);
      floor = i + 1;
    } else i = end;
  }
  return grids;
}
