import type { Block, Document } from '../../schemas/document.js';
import type { BBox } from '../../schemas/provenance.js';
import type { RawBlock } from '../../schemas/raw-document.js';
import { layoutChars } from '../text/glyph-width.js';

/** Characters that carry no ink of their own: spaces, combining marks, invisibles. */
const NO_INK = /[\s\p{M}\u00AD\u200B-\u200F\u2060\uFEFF]/u;

/** A place on a page: the page and a box in page units, origin top-left. */
export interface PageBox {
  page: number;
  bbox: BBox;
}

/**
 * The box of the text `[start, end)` of `Document.text`: the union of the boxes of the
 * characters it spans, found through the block's offset map (`Block.parts`) in the pieces the
 * reader drew (PDF text runs in `RawBlock.words`, OCR words in `RawBlock.ocr.words`). Only the
 * page the span starts on counts. Undefined where the reader kept no positions (DOCX, text).
 *
 * Readers and normalization change text a little (diacritics rebuilt, NFC, spaces collapsed,
 * OCR numbers repaired) but not the order of its inked characters, so the span's inked
 * characters are matched to the pieces' inked characters by rank; a piece's characters are
 * placed inside its box by their relative widths.
 */
export function quoteBox(doc: Pick<Document, 'text' | 'raw'>, block: Block, start: number, end: number): PageBox | undefined {
  let found: PageBox | undefined;
  for (const part of block.parts ?? []) {
    if (part.end <= start || part.start >= end) continue;
    const raw = doc.raw[part.raw];
    if (!raw || (found && raw.page !== found.page)) continue;
    const box = partBox(doc.text.slice(part.start, part.end), raw, Math.max(start, part.start) - part.start, Math.min(end, part.end) - part.start);
    if (!box) continue;
    found = found ? { page: found.page, bbox: union(found.bbox, box) } : { page: raw.page, bbox: box };
  }
  return found;
}

/** The box of `[from, to)` of a line's cleaned text, in the pieces of its raw block. */
function partBox(text: string, raw: RawBlock, from: number, to: number): BBox | undefined {
  const pieces = raw.words ?? raw.ocr?.words;
  if (!pieces || pieces.length === 0) return undefined;
  const inked = inkedChars(pieces);
  if (inked.length === 0) return undefined;
  const before = countInk(text, 0, from);
  const within = countInk(text, from, to);
  if (within === 0) return undefined;
  const total = countInk(text, 0, text.length);
  // the same inked characters, by rank; when a repair changed their number, by proportion
  const scale = total === inked.length ? 1 : inked.length / total;
  const first = Math.min(inked.length - 1, Math.floor(before * scale));
  const last = Math.max(first, Math.min(inked.length - 1, Math.ceil((before + within) * scale) - 1));
  let box = inked[first];
  for (let k = first + 1; k <= last; k++) box = union(box, inked[k]);
  return box.map(round) as BBox;
}

/** The boxes of the pieces' inked characters, in order. */
function inkedChars(pieces: { text: string; bbox: BBox }[]): BBox[] {
  const out: BBox[] = [];
  for (const piece of pieces) {
    const [x0, y0, x1, y1] = piece.bbox;
    const xs = layoutChars(piece.text, x0, x1);
    for (let i = 0; i < piece.text.length; i++) {
      const ch = piece.text[i];
      if (NO_INK.test(ch) || isLowSurrogate(ch)) continue;
      out.push([xs[i][0], y0, xs[i][1], y1]);
    }
  }
  return out;
}

function countInk(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const ch = text[i];
    // NFD of a precomposed letter is one inked base letter: count as the pieces do
    const base = ch.normalize('NFD');
    if (!NO_INK.test(base[0] ?? ch) && !isLowSurrogate(ch)) n++;
  }
  return n;
}

function isLowSurrogate(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c >= 0xdc00 && c <= 0xdfff;
}

function union(a: BBox, b: BBox): BBox {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
