import type { BBox } from '../../../schemas/provenance.js';

/** A piece of text drawn on a page (a pdfjs text item), in page points with the origin top-left. */
export interface TextRun {
  text: string;
  /** Left and right edge of the run. */
  x0: number;
  x1: number;
  /** Baseline, measured down from the top of the page. */
  baseline: number;
  /** Font size in points (the run's height). */
  size: number;
  /** Font ascent/descent as fractions of the size (descent negative), when known. */
  ascent?: number;
  descent?: number;
  bold?: boolean;
  italic?: boolean;
}

/** A visual line: runs that share a baseline, with no wide gap between them. */
export interface TextLine {
  text: string;
  bbox: BBox;
  /** x of the first glyph. */
  indent: number;
  /** The size most of the line's characters have. */
  fontSize: number;
  bold: boolean;
  italic: boolean;
  /** The runs the line was joined from, in order, each with its box (a fact's box is cut from them). */
  words: { text: string; bbox: BBox }[];
}

export interface LineOptions {
  /** A gap wider than this many font sizes between runs starts a space (default 0.15). */
  spaceGap?: number;
  /** A gap wider than this many font sizes splits the row into separate lines (table cells, columns; default 2). */
  columnGap?: number;
}

const MARK = /^\p{M}+$/u;
const SPACE = /^\s*$/u;

/**
 * Group runs into visual lines in reading order: rows top to bottom by baseline (runs whose
 * vertical extents overlap by half share a row, so superscripts stay on their line), each row
 * left to right, split where the gap is wider than `columnGap` sizes. Adjacent runs are joined
 * with a space only where the gap is wider than `spaceGap` sizes; combining marks drawn as runs
 * of their own are put back after the letter they sit on.
 */
export function buildLines(runs: TextRun[], options: LineOptions = {}): TextLine[] {
  return buildRows(runs, options).flat();
}

/** The same lines as `buildLines`, grouped by visual row (the pieces a wide gap splits one row into), top to bottom. */
export function buildRows(runs: TextRun[], options: LineOptions = {}): TextLine[][] {
  const spaceGap = options.spaceGap ?? 0.15;
  const columnGap = options.columnGap ?? 2;
  const rows = groupRows(runs.filter((r) => r.text.length > 0));
  const out: TextLine[][] = [];
  for (const row of rows) {
    const lines: TextLine[] = [];
    const marks = row.filter((r) => MARK.test(r.text));
    // Copies: attaching a mark edits a run's text.
    const glyphs = row
      .filter((r) => !MARK.test(r.text))
      .map((r) => ({ ...r }))
      .sort((a, b) => a.x0 - b.x0);
    if (glyphs.length === 0) continue;
    for (const mark of marks) attachMark(mark, glyphs);
    for (const segment of splitColumns(glyphs, columnGap)) {
      const line = joinSegment(segment, spaceGap);
      if (line) lines.push(line);
    }
    if (lines.length > 0) out.push(lines);
  }
  return out;
}

function top(r: TextRun): number {
  return r.baseline - (r.ascent && r.ascent > 0 ? r.ascent : 0.8) * r.size;
}

function bottom(r: TextRun): number {
  return r.baseline - (r.descent && r.descent < 0 ? r.descent : -0.2) * r.size;
}

/** Rows of runs, top to bottom; a run joins a row when its extent overlaps the row's main run by half. */
function groupRows(runs: TextRun[]): TextRun[][] {
  const sorted = [...runs].sort((a, b) => a.baseline - b.baseline || a.x0 - b.x0);
  const rows: { main: TextRun; runs: TextRun[] }[] = [];
  for (const run of sorted) {
    if (SPACE.test(run.text) && run.x1 - run.x0 <= 0) continue;
    const row = findRow(rows, run);
    if (row) {
      row.runs.push(run);
      if (run.size > row.main.size && !SPACE.test(run.text)) row.main = run;
    } else {
      rows.push({ main: run, runs: [run] });
    }
  }
  return rows.map((r) => r.runs);
}

function findRow(rows: { main: TextRun; runs: TextRun[] }[], run: TextRun): { main: TextRun; runs: TextRun[] } | undefined {
  // Rows are built in baseline order: only the last few can overlap this run.
  for (let i = rows.length - 1; i >= 0 && i >= rows.length - 3; i--) {
    const main = rows[i].main;
    const overlap = Math.min(bottom(main), bottom(run)) - Math.max(top(main), top(run));
    const smaller = Math.min(bottom(main) - top(main), bottom(run) - top(run));
    if (smaller > 0 && overlap >= 0.5 * smaller) return rows[i];
  }
  return undefined;
}

/** Put a run of combining marks after the character of the run it is drawn over (or the nearest run before it). */
function attachMark(mark: TextRun, glyphs: TextRun[]): void {
  const centre = (mark.x0 + Math.max(mark.x1, mark.x0)) / 2;
  let index = glyphs.findIndex((g) => g.x0 <= centre && centre <= g.x1 + 0.05 * g.size);
  if (index < 0) {
    index = 0;
    for (let i = 0; i < glyphs.length; i++) if (glyphs[i].x0 <= centre) index = i;
  }
  const g = glyphs[index];
  const chars = [...g.text];
  const width = g.x1 - g.x0;
  // Estimate which character the mark sits over from its position in the run.
  let at = width > 0 ? Math.floor(((centre - g.x0) / width) * chars.length) : chars.length - 1;
  at = Math.max(0, Math.min(chars.length - 1, at));
  while (at + 1 < chars.length && MARK.test(chars[at + 1])) at++;
  chars.splice(at + 1, 0, mark.text);
  g.text = chars.join('');
}

function splitColumns(glyphs: TextRun[], columnGap: number): TextRun[][] {
  const segments: TextRun[][] = [];
  let current: TextRun[] = [];
  let lastInk: TextRun | undefined;
  for (const run of glyphs) {
    const blank = SPACE.test(run.text);
    if (lastInk && !blank && run.x0 - lastInk.x1 > columnGap * Math.max(run.size, lastInk.size)) {
      segments.push(current);
      current = [];
    }
    current.push(run);
    if (!blank) lastInk = run;
  }
  segments.push(current);
  return segments;
}

function joinSegment(segment: TextRun[], spaceGap: number): TextLine | undefined {
  const ink = segment.filter((r) => !SPACE.test(r.text));
  if (ink.length === 0) return undefined;
  let text = '';
  let prev: TextRun | undefined;
  let pendingSpace = false;
  for (const run of segment) {
    const runText = run.text;
    if (SPACE.test(runText)) {
      pendingSpace = text.length > 0;
      continue;
    }
    if (prev && !MARK.test(runText[0] ?? '')) {
      const gap = run.x0 - prev.x1;
      if (pendingSpace || gap > spaceGap * Math.min(run.size, prev.size)) text += ' ';
    }
    text += runText;
    pendingSpace = false;
    prev = run;
  }
  text = text.replace(/\s+/gu, ' ').trim();
  if (text.length === 0) return undefined;
  const chars = new Map<number, number>();
  let boldChars = 0;
  let italicChars = 0;
  let total = 0;
  for (const run of ink) {
    const n = run.text.length;
    total += n;
    const size = Math.round(run.size * 10) / 10;
    chars.set(size, (chars.get(size) ?? 0) + n);
    if (run.bold) boldChars += n;
    if (run.italic) italicChars += n;
  }
  const fontSize = [...chars.entries()].sort((a, b) => b[1] - a[1])[0][0];
  const bbox: BBox = [
    round(Math.min(...ink.map((r) => r.x0))),
    round(Math.min(...ink.map(top))),
    round(Math.max(...ink.map((r) => r.x1))),
    round(Math.max(...ink.map(bottom))),
  ];
  const words = ink.map((r) => ({ text: r.text, bbox: [round(r.x0), round(top(r)), round(r.x1), round(bottom(r))] as BBox }));
  return { text, bbox, indent: bbox[0], fontSize, bold: boldChars * 2 > total, italic: italicChars * 2 > total, words };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
