import type { GridCell, RuledGrid } from './pdf-table-grid.js';

/**
 * The grid of a table found from text alignment (see `pdf-table-stream.ts`): column edges from
 * the blank strips between the columns' text, header cells from where the header's pieces sit
 * (a piece that reaches over two or more columns heads them, the pieces under it are a level
 * below), and body rows from the lines, where a line holding only a row label's wrapped piece
 * joins the row it belongs to (stream readers' usual failure, one row per visual line: tabula-java
 * #109, camelot #143). The grid is handed to the same cell placement as a ruled grid's.
 */

/** A piece of a visual line (runs without a wide gap between them). */
export interface Seg {
  text: string;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  size: number;
}

/** A visual line: its pieces left to right. */
export interface StreamLine {
  segs: Seg[];
  /** The line split at every gap wider than half a font size (header lines are re-split from these at column boundaries). */
  fine: Seg[];
  top: number;
  bottom: number;
  size: number;
}

export interface StreamLayout {
  header: StreamLine[];
  body: StreamLine[];
  /** Left and right end of each column's body text, left to right. */
  extents: [number, number][];
  /** Whether a piece is a figure (a number with at most a short unit). */
  isFigure: (s: Seg) => boolean;
  /** Whether a line is a group's row (a row number and a label, nothing else). */
  isGroupRow: (l: StreamLine) => boolean;
}

/** Starts like the rest of a wrapped label: a lower-case letter or an opening bracket. */
const GOES_ON = /^[\p{Ll}(]/u;

interface Box {
  c0: number;
  c1: number;
  top: number;
  bottom: number;
}

const centre = (s: Seg): number => (s.x0 + s.x1) / 2;

/** The grid of an aligned table. */
export function alignedGrid(layout: StreamLayout): RuledGrid {
  const { header, body, extents } = layout;
  const all = [...header, ...body].flatMap((l) => l.segs);
  const n = extents.length;
  const xs = [Math.min(extents[0][0], ...all.map((s) => s.x0)) - 1];
  for (let c = 1; c < n; c++) xs.push((extents[c - 1][1] + extents[c][0]) / 2);
  xs.push(Math.max(extents[n - 1][1], ...all.map((s) => s.x1)) + 1);
  const colOf = (x: number): number => {
    for (let c = 0; c < n; c++) if (x < xs[c + 1]) return c;
    return n - 1;
  };
  const cover = (s: Seg): [number, number] => {
    const hit = extents.map(([a, b], c) => (s.x0 < b && s.x1 > a) || colOf(centre(s)) === c);
    return [hit.indexOf(true), hit.lastIndexOf(true)];
  };

  const groups = bodyRows(body, cover, colOf, layout);
  const top = (header[0] ?? body[0]).top - 1;
  const bodyTop = header.length > 0 ? (header[header.length - 1].bottom + body[0].top) / 2 : top;
  const boxes: Box[] = [];
  if (header.length > 0) headerBoxes(header, headerCovers(header, cover, colOf), 0, n - 1, 0, top, bodyTop, boxes);
  let y = bodyTop;
  groups.forEach((g, k) => {
    const next = groups[k + 1];
    const end = next ? (g.bottom + next.top) / 2 : g.bottom + 1;
    const from = g.span ?? n;
    for (let c = 0; c < from; c++) boxes.push({ c0: c, c1: c, top: y, bottom: end });
    if (g.span !== undefined) boxes.push({ c0: g.span, c1: n - 1, top: y, bottom: end });
    y = end;
  });
  const ys = [...new Set(boxes.flatMap((b) => [b.top, b.bottom]))].sort((a, b) => a - b);
  const rowOf = (v: number): number => ys.indexOf(v);
  const cells: GridCell[] = boxes
    .map((b) => ({
      row: rowOf(b.top),
      col: b.c0,
      rowSpan: rowOf(b.bottom) - rowOf(b.top),
      colSpan: b.c1 - b.c0 + 1,
      bbox: [xs[b.c0], b.top, xs[b.c1 + 1], b.bottom] as GridCell['bbox'],
    }))
    .sort((a, b) => a.row - b.row || a.col - b.col);
  const gaps: [number, number][] = extents.slice(1).map((e, c) => [extents[c][1], e[0]]);
  return { bbox: [xs[0], ys[0], xs[n], ys[ys.length - 1]], xs, ys, cells, aligned: true, gaps };
}

interface RowGroup {
  top: number;
  bottom: number;
  /** A row of one label that reaches to the right end (a group row): the column it starts in. */
  span?: number;
}

/**
 * Body lines into rows. A row number with a label and nothing else is a group's row (its label
 * reaches to the right end). A line of one piece that is not a figure is a label's wrapped piece or a
 * group's label: it goes on the row above when it starts like a continuation (lower case, a
 * bracket), on the row below when that row has no label of its own or its label goes on from
 * it, and otherwise stands as a group row whose label reaches to the table's right end.
 */
function bodyRows(body: StreamLine[], cover: (s: Seg) => [number, number], colOf: (x: number) => number, layout: StreamLayout): RowGroup[] {
  const { isFigure, isGroupRow } = layout;
  const groups: RowGroup[] = [];
  const labelOnly = (l: StreamLine): boolean => l.segs.length === 1 && !isFigure(l.segs[0]);
  let pending: StreamLine | undefined;
  body.forEach((line, i) => {
    const prevGroup = groups[groups.length - 1];
    // wrapped pieces of several cells of the row above (`người` under a label, `đồng` under `triệu`)
    if (line.segs.length > 1 && prevGroup && prevGroup.span === undefined && !pending && line.segs.every((s) => GOES_ON.test(s.text) && !isFigure(s))) {
      prevGroup.bottom = Math.max(prevGroup.bottom, line.bottom);
      return;
    }
    if (isGroupRow(line) && !pending) {
      groups.push({ top: line.top, bottom: line.bottom, span: colOf(centre(line.segs[1])) });
      return;
    }
    if (!labelOnly(line)) {
      groups.push({ top: Math.min(line.top, pending?.top ?? Infinity), bottom: line.bottom });
      pending = undefined;
      return;
    }
    const seg = line.segs[0];
    const [c0, c1] = cover(seg);
    const prev = groups[groups.length - 1];
    if (GOES_ON.test(seg.text) && prev && prev.span === undefined && !pending && c0 === c1) {
      prev.bottom = Math.max(prev.bottom, line.bottom);
      return;
    }
    const next = body[i + 1];
    const col = colOf(centre(seg));
    const nextLabel = next?.segs.find((s) => colOf(centre(s)) === col);
    if (next && !labelOnly(next) && !pending && c0 === c1 && (!nextLabel || GOES_ON.test(nextLabel.text))) {
      pending = line;
      return;
    }
    if (pending) groups.push({ top: pending.top, bottom: pending.bottom, span: colOf(centre(pending.segs[0])) });
    pending = undefined;
    groups.push({ top: line.top, bottom: line.bottom, span: c0 });
  });
  if (pending) groups.push({ top: pending.top, bottom: pending.bottom, span: colOf(centre(pending.segs[0])) });
  return groups;
}

interface Piece {
  seg: Seg;
  line: number;
  c0: number;
  c1: number;
}

/**
 * The columns each header piece reaches over. Pieces of one line never share a column: a column
 * two pieces reach goes to the one whose middle is nearer (a wide column title over a narrow
 * column of figures can reach into its neighbour's strip without heading it).
 */
function headerCovers(header: StreamLine[], cover: (s: Seg) => [number, number], colOf: (x: number) => number): Piece[] {
  const pieces: Piece[] = [];
  header.forEach((line, k) => {
    const own = line.segs.map((seg) => ({ seg, line: k, range: cover(seg), home: colOf(centre(seg)) }));
    for (const p of own) {
      let [c0, c1] = p.range;
      while (c0 < p.home && own.some((q) => q !== p && q.home === c0)) c0++;
      while (c1 > p.home && own.some((q) => q !== p && q.home === c1)) c1--;
      pieces.push({ seg: p.seg, line: k, c0, c1 });
    }
  });
  return pieces;
}

/**
 * Line `line` goes on with spanning piece `s`'s text: it reaches over the same columns, or it is
 * the only piece under `s` there and sits centred under it (a narrower wrapped line).
 */
function wraps(pieces: Piece[], s: Piece, line: number): boolean {
  const under = pieces.filter((p) => p.line === line && p.c0 >= s.c0 && p.c1 <= s.c1);
  if (under.some((p) => p.c0 === s.c0 && p.c1 === s.c1)) return true;
  return under.length === 1 && Math.abs(centre(under[0].seg) - centre(s.seg)) <= s.seg.size;
}

/**
 * Header cells of columns a..b from header line `from` down, between y `top` and `bottom`. A
 * piece reaching over two or more (not all) of the columns heads them: with the pieces of the
 * lines right under it that reach over the same columns (its wrapped lines) it is one cell, and
 * the pieces further down under it are the next level. Every other column is one cell from `top`
 * to `bottom`.
 */
function headerBoxes(header: StreamLine[], pieces: Piece[], a: number, b: number, from: number, top: number, bottom: number, out: Box[]): void {
  const inRange = pieces.filter((p) => p.line >= from && p.c0 >= a && p.c1 <= b);
  const spanning = inRange.filter((p) => p.c1 > p.c0 && !(p.c0 === a && p.c1 === b)).sort((p, q) => p.line - q.line);
  const taken = new Set<number>();
  for (const s of spanning) {
    if ([...taken].some((c) => c >= s.c0 && c <= s.c1)) continue;
    let last = s.line;
    while (wraps(inRange, s, last + 1)) last++;
    for (let c = s.c0; c <= s.c1; c++) taken.add(c);
    const below = inRange.filter((p) => p.line > last && p.c0 >= s.c0 && p.c1 <= s.c1);
    if (below.length === 0) {
      out.push({ c0: s.c0, c1: s.c1, top, bottom });
      continue;
    }
    const boundary = (header[last].bottom + Math.min(...below.map((p) => p.seg.top))) / 2;
    out.push({ c0: s.c0, c1: s.c1, top, bottom: boundary });
    headerBoxes(header, pieces, s.c0, s.c1, last + 1, boundary, bottom, out);
  }
  for (let c = a; c <= b; c++) if (!taken.has(c)) out.push({ c0: c, c1: c, top, bottom });
}
