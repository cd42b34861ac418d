import type { BBox } from '../../schemas/provenance.js';
import type { RawBlock } from '../../schemas/raw-document.js';
import { isUpperCase, MOTTO } from './front-matter.js';

/**
 * Re-joins the lines that readers emit (`unit: 'line'`) into paragraphs. Two modes:
 * - positions (PDF/OCR lines with bbox or font size): a paragraph ends at a short line, a
 *   larger vertical gap, a change of font size or weight, a first-line indent, or a line that
 *   starts like a new unit (bullet, heading label) after a line that ends a sentence;
 * - plain text (text reader): a blank line (`breakBefore`) ends a paragraph unless the text
 *   broke in mid-sentence (next line in lower case); without blank lines, hard-wrapped text is
 *   joined and one-line-per-paragraph text is not.
 * A line that merely continues a wrapped sentence (`2.500 thuê bao…` after a full line) is never
 * a new paragraph. Whole paragraphs (`unit: 'paragraph'`) and labelled blocks are never joined.
 */

export interface Paragraph {
  /** Raw block indexes, in order. */
  lines: number[];
  text: string;
  /** Where each raw block's text sits in `text`: half-open offsets, in the order of `lines`. */
  parts: { raw: number; start: number; end: number }[];
  page: number;
  pageEnd: number;
  bold?: boolean;
  italic?: boolean;
  label?: string;
  bbox?: BBox;
  ocrConfidence?: number;
  table?: boolean;
  /** Joined across a blank line because the sentence went on (for a message). */
  rejoined?: boolean;
}

/** Starts like a new unit: bullet, heading label, document-type word, salutation, closing. */
const NEW_UNIT =
  /^(?:[-+•–]\s|\+(?=[\d\p{L}])|(?:phần|PHẦN|Phần)\s+[IVX]+\b|[IVX]+[.)]\s|\d{1,2}(?:\.\d{1,2})*[.)]\s|\d{1,2}(?:\.\d{1,2})+\s+\p{Lu}|[a-zđ]\)\s|Kính gửi|Nơi nhận|Độc lập|Số\s*:)/u;
/** A line that is only a document-type word (`BÁO CÁO`) or the national motto stands alone. */
const DOC_TYPE_ALONE = /^(?:BÁO CÁO|KẾ HOẠCH|TỜ TRÌNH|QUYẾT ĐỊNH|CHỈ THỊ|THÔNG BÁO|NGHỊ QUYẾT|HƯỚNG DẪN|CÔNG VĂN|ĐỀ ÁN|CHƯƠNG TRÌNH)$/u;
/** Lines never joined to their neighbours: a document type alone, the national motto (as OCR may read it). */
function standsAlone(line: string): boolean {
  return DOC_TYPE_ALONE.test(line) || (MOTTO.test(line) && /VIỆT NAM$/u.test(line));
}
const ENDS_SENTENCE = /(?:[.:;!?…]|\.\.\.)["”’)\]]*$/u;
const STARTS_LOWER = /^[\p{Ll}]/u;

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

interface Layout {
  geometry: boolean;
  /** Plain text whose lines are hard-wrapped at a width. */
  wrapped: boolean;
  /** Typical line length (chars) or right edge (points). */
  typicalEnd: number;
  typicalStart: number;
  lineStep: number;
  /** Text margins of pages with enough lines to tell (scans sit differently on each page). */
  pages: Map<number, { start: number; end: number }>;
}

/** Lines a page needs before its own margins are trusted over the document's. */
const LINES_FOR_PAGE_MARGINS = 8;

/**
 * The left edge most lines start at (2-pt bins; the lowest edge of the fullest bin): the body's
 * margin. A low percentile would take a header column or a signature block further left.
 */
function commonStart(starts: number[]): number {
  const bins = new Map<number, number[]>();
  for (const x of starts) {
    const key = Math.round(x / 2);
    const bin = bins.get(key) ?? [];
    bin.push(x);
    bins.set(key, bin);
  }
  let best: number[] = [];
  for (const [key, bin] of bins) {
    // neighbouring bins count together: OCR boxes wobble by a point or two
    const merged = [...bin, ...(bins.get(key + 1) ?? [])];
    if (merged.length > best.length) best = merged;
  }
  return best.length > 0 ? Math.min(...best) : 0;
}

function marginsOf(layout: Layout, page: number): { start: number; end: number } {
  return layout.pages.get(page) ?? { start: layout.typicalStart, end: layout.typicalEnd };
}

function layoutOf(raw: RawBlock[]): Layout {
  const lines = raw.filter((b) => b.unit === 'line' && !b.table);
  const geometry = lines.some((b) => b.bbox !== undefined || b.fontSize !== undefined);
  if (!geometry) {
    const lengths = lines.map((b) => b.text.length);
    const p90 = percentile(lengths, 0.9);
    const max = Math.max(0, ...lengths);
    return { geometry, wrapped: p90 > 0 && p90 <= 130 && max <= p90 * 1.3, typicalEnd: p90, typicalStart: 0, lineStep: 0, pages: new Map() };
  }
  const boxes = lines.filter((b) => b.bbox).map((b) => b.bbox as BBox);
  const steps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1].bbox;
    const b = lines[i].bbox;
    if (a && b && lines[i - 1].page === lines[i].page && b[1] > a[1]) steps.push(b[1] - a[1]);
  }
  const byPage = new Map<number, BBox[]>();
  for (const line of lines) if (line.bbox) byPage.set(line.page, [...(byPage.get(line.page) ?? []), line.bbox]);
  const pages = new Map<number, { start: number; end: number }>();
  for (const [page, pageBoxes] of byPage) {
    if (pageBoxes.length >= LINES_FOR_PAGE_MARGINS) {
      pages.set(page, {
        start: commonStart(pageBoxes.map((b) => b[0])),
        end: percentile(
          pageBoxes.map((b) => b[2]),
          0.9,
        ),
      });
    }
  }
  return {
    geometry,
    wrapped: true,
    typicalEnd: percentile(
      boxes.map((b) => b[2]),
      0.9,
    ),
    typicalStart: commonStart(boxes.map((b) => b[0])),
    lineStep: percentile(steps, 0.5),
    pages,
  };
}

function isShort(line: RawBlock, layout: Layout): boolean {
  if (layout.geometry) {
    if (!line.bbox) return false;
    const { start, end } = marginsOf(layout, line.page);
    return line.bbox[2] < end - Math.max(0.12 * (end - start), 20);
  }
  return line.text.length < layout.typicalEnd * 0.75;
}

function continuesGeometry(prev: RawBlock, cur: RawBlock, layout: Layout, first: RawBlock): boolean {
  const endsSentence = ENDS_SENTENCE.test(prev.text);
  const short = isShort(prev, layout);
  // a new unit (label, bullet) after a sentence's end, a short line or a line in capitals (a heading)
  if (NEW_UNIT.test(cur.text) && (endsSentence || short || isUpperCase(prev.text))) return false;
  if ((prev.bold ?? false) !== (cur.bold ?? false)) return false;
  if (prev.fontSize && cur.fontSize && Math.abs(prev.fontSize - cur.fontSize) > 1) return false;
  if (prev.page !== cur.page) {
    // a line all in capitals at the top of a page is a heading or the next letter's header (`UBND TỈNH …`)
    const capitals = isUpperCase(cur.text) && /\p{L}{2,}\s+\p{L}{2,}/u.test(cur.text);
    return !capitals && (!endsSentence || STARTS_LOWER.test(cur.text));
  }
  const centred = prev.align === 'center' && cur.align === 'center';
  if (short && !centred) return false;
  // side by side, not one under the other: two columns (the subject beside the place and date)
  if (prev.bbox && cur.bbox && (cur.bbox[0] > prev.bbox[2] || cur.bbox[2] < prev.bbox[0])) return false;
  if (prev.bbox && cur.bbox && layout.lineStep > 0) {
    const step = cur.bbox[1] - prev.bbox[1];
    if (step > layout.lineStep * 1.3 || step < 0) return false;
  }
  // a first-line indent starts a paragraph: the line is further right than the paragraph's body
  const bodyStart = first === prev ? marginsOf(layout, prev.page).start : (prev.bbox?.[0] ?? prev.indent ?? 0);
  const start = cur.bbox?.[0] ?? cur.indent;
  if (start !== undefined && start > bodyStart + 8 && !centred) return false;
  return true;
}

function continuesText(prev: RawBlock, cur: RawBlock, layout: Layout): boolean {
  const endsSentence = ENDS_SENTENCE.test(prev.text);
  if (NEW_UNIT.test(cur.text) && (endsSentence || cur.breakBefore || isShort(prev, layout) || !layout.wrapped)) return false;
  if (cur.breakBefore || prev.page !== cur.page || !layout.wrapped) {
    // the source broke a sentence across a blank line or a page: it goes on in lower case
    return !endsSentence && STARTS_LOWER.test(cur.text) && (prev.bold ?? false) === (cur.bold ?? false);
  }
  if ((prev.bold ?? false) !== (cur.bold ?? false)) return false;
  // in hard-wrapped text a line well short of the width is the last line of its paragraph
  return !isShort(prev, layout);
}

function unionBox(a: BBox | undefined, b: BBox | undefined): BBox | undefined {
  if (!a) return b;
  if (!b) return a;
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

function sameCell(a: RawBlock, b: RawBlock): boolean {
  if (!a.table && !b.table) return true;
  return !!a.table && !!b.table && a.table.table === b.table.table && a.table.row === b.table.row && a.table.cell === b.table.cell;
}

/** Lines of one table cell run on as one paragraph, unless a bullet or label starts after a sentence's end. */
function continuesCell(prev: string, cur: string): boolean {
  return !(NEW_UNIT.test(cur) && ENDS_SENTENCE.test(prev));
}

/**
 * Join raw blocks into paragraphs. `skip` holds blocks kept apart (furniture): each becomes its
 * own paragraph, emitted after the paragraph open around it, which may go on across it.
 */
export function joinLines(raw: RawBlock[], texts: string[], skip: Set<number>): Paragraph[] {
  const layout = layoutOf(raw);
  const out: Paragraph[] = [];
  let open: Paragraph | undefined;
  let openFirst: RawBlock | undefined;
  let pending: Paragraph[] = [];
  const single = (i: number): Paragraph => {
    const b = raw[i];
    const p: Paragraph = { lines: [i], text: texts[i], parts: [{ raw: i, start: 0, end: texts[i].length }], page: b.page, pageEnd: b.page };
    if (b.bold) p.bold = true;
    if (b.italic) p.italic = true;
    if (b.label) p.label = b.label;
    if (b.bbox) p.bbox = b.bbox;
    if (b.ocr) p.ocrConfidence = b.ocr.confidence;
    if (b.table) p.table = true;
    return p;
  };
  const close = (): void => {
    if (open) out.push(open);
    out.push(...pending);
    open = undefined;
    openFirst = undefined;
    pending = [];
  };
  raw.forEach((b, i) => {
    if (texts[i] === '') return;
    if (skip.has(i)) {
      if (open) pending.push(single(i));
      else out.push(single(i));
      return;
    }
    const prevIndex = open ? open.lines[open.lines.length - 1] : -1;
    const prev = prevIndex >= 0 ? raw[prevIndex] : undefined;
    const joinable =
      open !== undefined &&
      prev !== undefined &&
      openFirst !== undefined &&
      prev.unit === 'line' &&
      b.unit === 'line' &&
      !b.label &&
      sameCell(prev, b) &&
      !standsAlone(texts[prevIndex]) &&
      !standsAlone(texts[i]) &&
      (prev.table && b.table
        ? continuesCell(texts[prevIndex], texts[i])
        : layout.geometry
          ? continuesGeometry(prev, b, layout, openFirst)
          : continuesText(prev, b, layout));
    if (joinable && open) {
      open.lines.push(i);
      // A line broken right after a hyphen (`411/QĐ-` + `TTg`) continues the same token.
      const glue = /[^\s-][-\u2010\u2011]$/u.test(open.text) && /^[\p{L}\p{N}]/u.test(texts[i]) ? '' : ' ';
      const at = open.text.length + glue.length;
      open.text = `${open.text}${glue}${texts[i]}`;
      open.parts.push({ raw: i, start: at, end: open.text.length });
      open.pageEnd = b.page;
      if (b.page === open.page) open.bbox = unionBox(open.bbox, b.bbox);
      if (!b.bold) delete open.bold;
      if (!b.italic) delete open.italic;
      if (b.breakBefore) open.rejoined = true;
      if (b.ocr) {
        const n = open.lines.length;
        open.ocrConfidence = ((open.ocrConfidence ?? b.ocr.confidence) * (n - 1) + b.ocr.confidence) / n;
      }
      return;
    }
    close();
    open = single(i);
    openFirst = b;
  });
  close();
  return out;
}
