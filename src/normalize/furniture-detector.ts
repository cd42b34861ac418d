import type { PageInfo, RawBlock } from '../../schemas/raw-document.js';
import { MOTTO } from './front-matter.js';

/**
 * Page furniture: page numbers and running headers/footers, recognised on the raw lines of a
 * multi-page document before lines are joined. A line is furniture when it sits at the edge of
 * its page (among the first/last few lines, or in the top/bottom band when positions are known)
 * and either looks like a page number that agrees with the page, or repeats on other pages.
 * OCR noise — specks, scan edges, stamp and signature fragments read as text — is set aside too.
 */

export interface FurnitureOptions {
  /** How many lines at the top and bottom of a page count as its edge when there are no positions. */
  edgeLines: number;
  /** Fraction of the page height at the top and bottom that counts as its edge (with bboxes). */
  edgeBand: number;
  /** Share of pages a text must repeat on (at least 2 pages) to be a running header/footer. */
  minShare: number;
}

const DEFAULT_FURNITURE: FurnitureOptions = { edgeLines: 6, edgeBand: 0.15, minShare: 0.4 };

export type FurnitureKind = 'page-number' | 'running-header' | 'ocr-noise';

/** An OCR line below this confidence with no word of 4+ letters is noise (`zẽ SA`, `N——`, `7 BA)`). */
const NOISE_CONFIDENCE = 0.5;

/**
 * An OCR'd line that is not text: nothing but marks and punctuation (`|`, `—`, `.`), or a low
 * confidence line without one real word in it. Real lines read badly keep a long letter run
 * (`„UBNDTÍNHPHÚTHỌ` at 0.23 is the agency line) and stay.
 */
function isOcrNoise(block: RawBlock, lineHeight?: number): boolean {
  if (!block.ocr) return false;
  const text = block.text.trim();
  if (!/[\p{L}\p{N}]/u.test(text)) return true;
  // a rule under the motto or a stamp's edge read as letters: far flatter than a line of text
  if (lineHeight && block.bbox && block.bbox[3] - block.bbox[1] < lineHeight * FLAT_LINE) return true;
  return block.ocr.confidence < NOISE_CONFIDENCE && !/\p{L}{4,}/u.test(text);
}

/** An OCR line less tall than this share of the document's median OCR line height is not text. */
const FLAT_LINE = 0.4;

function medianOcrLineHeight(raw: RawBlock[]): number | undefined {
  const heights = raw.filter((b) => b.ocr && b.bbox).map((b) => (b.bbox as number[])[3] - (b.bbox as number[])[1]);
  if (heights.length < 5) return undefined;
  return heights.sort((a, b) => a - b)[heights.length >> 1];
}

const PAGE_NUMBER = /^(?:trang\s*)?[-–—(]?\s*(\d{1,4})\s*[-–—)]?$|^(\d{1,4})\s*\/\s*\d{1,4}$/iu;

function pageNumberOf(text: string): number | undefined {
  const m = PAGE_NUMBER.exec(text.trim());
  if (!m) return undefined;
  return Number(m[1] ?? m[2]);
}

function exactKey(text: string): string {
  return text.toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();
}

function digitKey(text: string): string {
  return exactKey(text).replace(/\d+/g, '#');
}

/** Indexes of the raw blocks at the edges of their page. */
function edgeBlocks(raw: RawBlock[], pages: PageInfo[], opts: FurnitureOptions): Set<number> {
  const byPage = new Map<number, number[]>();
  raw.forEach((b, i) => {
    if (b.table) return;
    const list = byPage.get(b.page) ?? [];
    list.push(i);
    byPage.set(b.page, list);
  });
  const heights = new Map(pages.map((p) => [p.page, p.height]));
  const edge = new Set<number>();
  for (const [page, list] of byPage) {
    const height = heights.get(page);
    for (let k = 0; k < list.length; k++) {
      const b = raw[list[k]];
      const byOrder = k < opts.edgeLines || k >= list.length - opts.edgeLines;
      const byBand = height && b.bbox ? b.bbox[1] < height * opts.edgeBand || b.bbox[3] > height * (1 - opts.edgeBand) : undefined;
      if (byBand ?? byOrder) edge.add(list[k]);
    }
  }
  return edge;
}

/** Find the furniture among raw blocks; returns block index → kind. Single-page documents have none. */
export function detectFurniture(raw: RawBlock[], pages: PageInfo[], options: Partial<FurnitureOptions> = {}): Map<number, FurnitureKind> {
  const opts = { ...DEFAULT_FURNITURE, ...options };
  const found = new Map<number, FurnitureKind>();
  const lineHeight = medianOcrLineHeight(raw);
  raw.forEach((b, i) => {
    if (isOcrNoise(b, lineHeight)) found.set(i, 'ocr-noise');
  });
  const pageCount = new Set(raw.map((b) => b.page)).size;
  if (pageCount < 2) return found;
  const edge = edgeBlocks(raw, pages, opts);

  // page numbers: the number minus the page is the same offset on most pages
  const offsets = new Map<number, number>();
  for (const i of edge) {
    const n = pageNumberOf(raw[i].text);
    if (n !== undefined) offsets.set(n - raw[i].page, (offsets.get(n - raw[i].page) ?? 0) + 1);
  }
  let modal = 0;
  let modalCount = 0;
  for (const [offset, count] of offsets) if (count > modalCount) [modal, modalCount] = [offset, count];
  for (const i of edge) {
    const n = pageNumberOf(raw[i].text);
    if (n !== undefined && (n - raw[i].page === modal || n === raw[i].page)) found.set(i, 'page-number');
  }

  // running headers/footers: the same short text at the edge of several pages
  const minPages = Math.max(2, Math.ceil(pageCount * opts.minShare));
  const pagesOf = (key: (t: string) => string): Map<string, Set<number>> => {
    const m = new Map<string, Set<number>>();
    for (const i of edge) {
      const t = raw[i].text.trim();
      if (t.length === 0 || t.length > 120) continue;
      const k = key(t);
      const set = m.get(k) ?? new Set<number>();
      set.add(raw[i].page);
      m.set(k, set);
    }
    return m;
  };
  const exact = pagesOf(exactKey);
  const digits = pagesOf(digitKey);
  // With positions: the same text at the same height of the edge band on two or more pages is
  // a header cell even when the layout changes within the document (portrait and landscape
  // pages draw the same header at different places, so no one variant reaches minShare).
  const placed = new Map<string, Set<number>>();
  const placedKey = (i: number): string | undefined => {
    const box = raw[i].bbox;
    return box ? `${exactKey(raw[i].text)}@${Math.round(box[1] / 3)}` : undefined;
  };
  for (const i of edge) {
    const k = placedKey(i);
    if (!k || raw[i].text.trim().length === 0 || raw[i].text.length > 120) continue;
    const set = placed.get(k) ?? new Set<number>();
    set.add(raw[i].page);
    placed.set(k, set);
  }
  const digitMin = Math.max(3, Math.ceil(pageCount * 0.5));
  for (const i of edge) {
    if (found.has(i)) continue;
    const t = raw[i].text.trim();
    // the national name and motto head every letter: a file of several letters repeats them
    if (t.length === 0 || t.length > 120 || MOTTO.test(t)) continue;
    const samePlace = placed.get(placedKey(i) ?? '')?.size ?? 0;
    if ((exact.get(exactKey(t))?.size ?? 0) >= minPages || (digits.get(digitKey(t))?.size ?? 0) >= digitMin || samePlace >= 2) found.set(i, 'running-header');
  }
  return found;
}
