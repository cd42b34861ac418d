import { availableParallelism } from 'node:os';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { OcrBox, OcrPage } from '../../../schemas/ocr-page.js';
import type { BBox } from '../../../schemas/provenance.js';
import type { PageInfo, RawBlock, ReadResult } from '../../../schemas/raw-document.js';
import { DocumentFailure, type SourceFile } from '../../core/source-file.js';
import { boxToPoints, renderPageImage, toPgm, type PageImage } from './ocr-page-renderer.js';
import { checkRomanLabels } from './ocr-label-check.js';
import { repairPageDiacritics } from './ocr-diacritic-repair.js';
import { repairNumbers, repairedConfidence, type Repair } from './ocr-number-repair.js';
import { createOcrScheduler, type OcrScheduler } from './ocr-scheduler.js';
import { DEFAULT_INFLATE_LIMITS } from '../inflate-limits.js';
import { useFixedPdfjsWorker } from '../pdf/pdfjs-worker.js';
import { ruledGrids, type RuledGrid } from '../pdf/pdf-table-grid.js';
import { PdfTableBuilder, type CellLines } from '../pdf/pdf-table-builder.js';
import type { TextLine } from '../pdf/pdf-lines.js';
import { eraseRules, pixelRules, toPointRules } from './ocr-table-rules.js';
import { placeLines } from './ocr-table-cells.js';
import { alignedOcrGrids } from './ocr-table-aligned.js';
import { characterErrorRate } from './ocr-error-rate.js';

export interface OcrPdfOptions {
  /** 1-based pages to OCR (default: all). */
  pages?: number[];
  /** Resolution pages are drawn at when they are not a single scan image (default 300). */
  dpi?: number;
  /** Use a page's scan image as is when it is one image covering the page (default true). */
  embedded?: boolean;
  /** Let tesseract deskew pages (default false: measured, it does not pay on the corpus). */
  deskew?: boolean;
  /** Repair OCR'd numbers where context makes it safe (default true). */
  repairNumbers?: boolean;
  /** Put back tone marks OCR lost where the dictionary leaves one reading (default true; `ocr-diacritic-repair.ts`). */
  repairDiacritics?: boolean;
  /** A scheduler shared across the batch; without one, a scheduler is made for this file and ended after it. */
  scheduler?: OcrScheduler;
  /** Images larger than this many pixels are not decoded (pdfjs `maxImageSize`; default DEFAULT_INFLATE_LIMITS). */
  maxImagePixels?: number;
  /** A page is drawn on at most this many pixels, its resolution lowered to fit (default DEFAULT_INFLATE_LIMITS). */
  maxRenderPixels?: number;
  /**
   * Find ruled tables in the page images (default true): their borders are erased before OCR
   * (tesseract's single-block mode, the default, reads a bordered table as noise) and the words
   * are shared out to the cells (`ocr-table-rules.ts`, `ocr-table-cells.ts`); tables without
   * lines are found from the alignment of the OCR'd words (`ocr-table-aligned.ts`). Not with `deskew`.
   */
  tables?: boolean;
  /** With `tables`: which finders run — lines in the image (`ruled`), column alignment of the words (`aligned`); default both. */
  tableFinders?: { ruled?: boolean; aligned?: boolean };
}

/** A number repair made on an OCR'd line. */
export interface PageRepair extends Repair {
  page: number;
}

/** What the OCR reader returns: a ReadResult (bboxes in PDF points, origin top-left) plus the repairs made. */
export type OcrReadResult = ReadResult & { repairs: PageRepair[] };

/** A page's OCR confidence below this is warned about. */
const LOW_CONFIDENCE = 0.6;

/**
 * OCR the pages of a PDF: one RawBlock per OCR line (`unit: 'line'`), bboxes in PDF points
 * with the origin at the top-left of the page, word confidences and boxes kept in `ocr`.
 */
export async function ocrPdf(file: SourceFile, options: OcrPdfOptions = {}): Promise<OcrReadResult> {
  const pdf = await openPdf(file, options.maxImagePixels ?? DEFAULT_INFLATE_LIMITS.imagePixels);
  const pages = choosePages(file, pdf.numPages, options.pages);
  if (pages.length === 0) {
    await pdf.destroy();
    return { format: 'ocr', raw: [], pages: [], repairs: [] };
  }
  const scheduler = options.scheduler ?? (await createOcrScheduler({ workers: Math.min(pages.length, availableParallelism()) }));
  try {
    // Draw pages in order on this thread while the workers read earlier ones; a few pages in flight at most.
    const inFlight: Promise<PageOutcome>[] = [];
    const outcomes: PageOutcome[] = [];
    const limit = scheduler.workers * 2;
    for (const page of pages) {
      if (inFlight.length >= limit) outcomes.push(await (inFlight.shift() as Promise<PageOutcome>));
      inFlight.push(ocrPage(pdf, page, file, scheduler, options));
    }
    outcomes.push(...(await Promise.all(inFlight)));
    file.info(`OCR by ${scheduler.description}`, 'read:ocr-engine');
    const aligned = (options.tables ?? true) && !options.deskew && (options.tableFinders?.aligned ?? true);
    const { result, aligned: found } = assemble(file, outcomes, repairsOf(options), aligned);
    const ruled = (result.tables?.length ?? 0) - found;
    if (ruled > 0) file.info(`${ruled} ruled table(s) on scanned pages read cell by cell`, 'read:ocr-tables');
    if (found > 0)
      file.info(`${found} table(s) without lines on scanned pages found from the alignment of the words and read cell by cell`, 'read:ocr-aligned-tables');
    return result;
  } finally {
    if (!options.scheduler) await scheduler.terminate();
    await pdf.destroy();
  }
}

/** OCR an image file (PNG, JPEG, TIFF, PNM) as page 1; bboxes stay in image pixels. */
export async function ocrImage(
  file: SourceFile,
  options: Pick<OcrPdfOptions, 'scheduler' | 'deskew' | 'repairNumbers' | 'repairDiacritics'> = {},
): Promise<OcrReadResult> {
  const scheduler = options.scheduler ?? (await createOcrScheduler({ workers: 1 }));
  try {
    let result: OcrPage;
    try {
      result = await scheduler.recognize(file.bytes, { deskew: options.deskew, source: file.name, page: 1 });
    } catch (error) {
      return file.fail(`not a readable image (${errorText(error)})`, 'read:ocr-unreadable-image');
    }
    return assemble(file, [{ page: 1, result, toBox: (b) => b }], repairsOf(options), false).result;
  } finally {
    if (!options.scheduler) await scheduler.terminate();
  }
}

interface PageOutcome {
  page: number;
  result?: OcrPage;
  image?: Pick<PageImage, 'pageWidth' | 'pageHeight'>;
  toBox: (box: BBox) => BBox;
  /** Ruled tables found in the page image, in page points. */
  grids?: RuledGrid[];
}

/** A rule this close (points) to a table's box belongs to the table. */
const GRID_MARGIN = 3;

/**
 * A horizontal rule at least this long (inches) outside every ruled grid is a table's top, header
 * or bottom line drawn without verticals (letters' short rules under a header are 1.8–2.4 in on
 * the corpus scans, and stay).
 */
const TABLE_RULE_INCHES = 3;

/**
 * The ruled tables of a page image, and the image with their borders erased for OCR, and with the
 * long horizontal rules of tables drawn without verticals erased too (tesseract reads a rule
 * under a row as marks on that row's line: `9 -- 3” nẺỒ`). A page with neither is read exactly
 * as before.
 */
function tablesOf(image: PageImage): { grids: RuledGrid[]; image: PageImage } {
  const rules = pixelRules(image);
  const points = toPointRules(rules, image);
  const grids = ruledGrids(points);
  const near = (b: BBox, x0: number, y0: number, x1: number, y1: number): boolean =>
    x0 >= b[0] - GRID_MARGIN && x1 <= b[2] + GRID_MARGIN && y0 >= b[1] - GRID_MARGIN && y1 <= b[3] + GRID_MARGIN;
  const erased = rules.filter((pixel, i) => {
    const r = points[i];
    if (grids.some((g) => (r.dir === 'h' ? near(g.bbox, r.from, r.at, r.to, r.at) : near(g.bbox, r.at, r.from, r.at, r.to)))) return true;
    return pixel.dir === 'h' && pixel.to - pixel.from >= TABLE_RULE_INCHES * image.dpi;
  });
  return { grids, image: erased.length > 0 ? eraseRules(image, erased) : image };
}

async function ocrPage(pdf: PDFDocumentProxy, page: number, file: SourceFile, scheduler: OcrScheduler, options: OcrPdfOptions): Promise<PageOutcome> {
  let image: PageImage;
  try {
    image = await renderPageImage(pdf, page, {
      dpi: options.dpi,
      embedded: options.embedded,
      maxPixels: options.maxRenderPixels ?? DEFAULT_INFLATE_LIMITS.renderPixels,
    });
  } catch (error) {
    file.warn(`page ${page} could not be drawn for OCR (${errorText(error)})`, 'read:ocr-render-failed', { page });
    return { page, toBox: (b) => b };
  }
  const ruled = (options.tables ?? true) && !options.deskew && (options.tableFinders?.ruled ?? true);
  const found = ruled ? tablesOf(image) : { grids: [], image };
  const pgm = toPgm(found.image);
  const toBox = (box: BBox): BBox => boxToPoints(image, box);
  const size = { pageWidth: image.pageWidth, pageHeight: image.pageHeight };
  const grids = found.grids.length > 0 ? { grids: found.grids } : {};
  try {
    const result = await scheduler.recognize(pgm, { dpi: image.dpi, deskew: options.deskew, source: file.name, page });
    // Deskewed results are in the rotated image's pixels; the stroke count needs the image as given.
    if (!options.deskew) {
      for (const r of checkRomanLabels(result, image)) {
        file.warn(`OCR heading label corrected on page ${page} by counting strokes: "${r.from}" → "${r.to}" in "${r.line}"`, 'ocr:label-repair', { page });
      }
    }
    return { page, result, image: size, toBox, ...grids };
  } catch (error) {
    file.warn(`OCR failed on page ${page} (${errorText(error)})`, 'read:ocr-failed', { page });
    return { page, image: size, toBox };
  }
}

interface RepairSwitches {
  numbers: boolean;
  diacritics: boolean;
}

function repairsOf(options: Pick<OcrPdfOptions, 'repairNumbers' | 'repairDiacritics'>): RepairSwitches {
  return { numbers: options.repairNumbers ?? true, diacritics: options.repairDiacritics ?? true };
}

/** One OCR line, or one column's part of it. */
interface Segment {
  /** The box of the whole OCR line it is part of. */
  line: BBox;
  text: string;
  confidence: number;
  bbox: BBox;
  words: { text: string; confidence: number; bbox: BBox }[];
}

/**
 * The pages' blocks and tables. With `aligned`, tables without lines are looked for in the lines
 * outside the ruled tables of every page (lines repeated on several pages are never part of one).
 */
function assemble(file: SourceFile, outcomes: PageOutcome[], repair: RepairSwitches, aligned: boolean): { result: OcrReadResult; aligned: number } {
  const raw: RawBlock[] = [];
  const pages: PageInfo[] = [];
  const repairs: PageRepair[] = [];
  const tables = new PdfTableBuilder({ sameRow: sameOcrRow });
  const sorted = outcomes.sort((a, b) => a.page - b.page).map((o) => ({ ...o, segments: segmentsOf(o.result, o.toBox), grids: o.grids ?? [] }));
  const alignedGrids = aligned ? alignedOcrGrids(sorted.map((o) => placeLines(o.segments, o.grids, pieceOf).free)) : [];
  for (const [k, { page, result, image, segments: lines, grids: ruled }] of sorted.entries()) {
    const grids = [...ruled, ...(alignedGrids[k] ?? [])];
    // the lines' pieces in table cells are segments of their own, repaired like the free lines
    const placed = placeLines(lines, grids, pieceOf);
    const segments = [...placed.free, ...placed.cells.map((c) => c.line)];
    const counts = segments.map(() => 0);
    if (repair.numbers) {
      segments.forEach((segment, i) => {
        const repaired = repairNumbers(segment.text);
        for (const r of repaired.repairs) {
          repairs.push({ ...r, page });
          file.warn(`OCR number repaired on page ${page}: "${r.from}" → "${r.to}" (${r.kind})`, 'ocr:number-repair', { page });
        }
        segment.text = repaired.text;
        counts[i] += repaired.repairs.length;
      });
    }
    if (repair.diacritics) {
      const repaired = repairPageDiacritics(segments.map((s) => s.text));
      segments.forEach((segment, i) => {
        counts[i] += repaired.perLine[i];
        segment.text = repaired.lines[i];
      });
      if (repaired.repairs.length > 0) {
        const list = repaired.repairs.map((r) => `"${r.from}" → "${r.to}"`).join(', ');
        file.warn(`OCR tone marks repaired on page ${page} by the dictionary (${repaired.repairs.length}): ${list}`, 'ocr:diacritic-repair', { page });
      }
    }
    let chars = 0;
    const blockOf = new Map<Segment, RawBlock>();
    segments.forEach((segment, i) => {
      chars += segment.text.length;
      const confidence = repairedConfidence(segment.confidence, counts[i]);
      blockOf.set(segment, { text: segment.text, page, unit: 'line', bbox: segment.bbox, indent: segment.bbox[0], ocr: { confidence, words: segment.words } });
    });
    const free = placed.free.map((s) => blockOf.get(s) as RawBlock);
    const lineOf = new Map<TextLine, Segment>();
    const cellLines: CellLines[] = grids.map((grid, t) => ({
      grid,
      lines: grid.cells.map((_, c) =>
        placed.cells
          .filter((p) => p.table === t && p.cell === c && p.line.text !== '')
          .map((p) => {
            const line: TextLine = {
              text: p.line.text,
              bbox: p.line.bbox,
              indent: p.line.bbox[0],
              fontSize: p.line.bbox[3] - p.line.bbox[1],
              bold: false,
              italic: false,
              words: p.line.words,
            };
            lineOf.set(line, p.line);
            return line;
          }),
      ),
    }));
    const height = image?.pageHeight ?? Math.max(0, ...segments.map((s) => s.bbox[3]));
    raw.push(
      ...tables.addPage(
        page,
        height,
        free,
        cellLines.filter((t) => t.lines.some((l) => l.length > 0)),
        (line) => blockOf.get(lineOf.get(line) as Segment) as RawBlock,
      ),
    );
    const info: PageInfo = { page, origin: 'ocr', chars, width: image?.pageWidth, height: image?.pageHeight };
    if (result && chars === 0) {
      file.info(`OCR found no text on page ${page}`, 'read:ocr-blank-page', { page });
    } else if (result) {
      info.ocrConfidence = unit(result.confidence);
      if (info.ocrConfidence < LOW_CONFIDENCE) {
        file.warn(`low OCR confidence on page ${page} (${Math.round(info.ocrConfidence * 100)}%)`, 'read:ocr-low-confidence', { page });
      }
    }
    pages.push(info);
  }
  const found = tables.tables().map((t) => ({ ...t, origin: 'ocr' as const }));
  const fromAlignment = tables.tables().filter((t) => t.origin === 'pdf-aligned').length;
  return { result: { format: 'ocr', raw, pages, repairs, ...(found.length > 0 ? { tables: found } : {}) }, aligned: fromAlignment };
}

/** Two rows that differ in at most this share of their characters say the same (one OCR'd twice). */
const SAME_ROW_CER = 0.2;

/**
 * Two rows of a scanned table say the same (a header repeated where the table goes on over a
 * page): words, read alike but for OCR's slips (`Dân số` / `Dân sô`).
 */
function sameOcrRow(a: string, b: string): boolean {
  const letters = (t: string): number => (t.match(/\p{L}/gu) ?? []).length;
  if (letters(a) < 4 || letters(b) < 4) return false;
  return characterErrorRate(a.toLocaleLowerCase('vi'), b.toLocaleLowerCase('vi'), 100).cer <= SAME_ROW_CER;
}

/** The segment of some of a segment's words (a line's piece in one table cell, or outside the table). */
function pieceOf(segment: Segment, words: Segment['words']): Segment {
  return {
    line: segment.line,
    text: words.map((w) => w.text).join(' '),
    confidence: mean(words.map((w) => w.confidence)),
    bbox: unionOf(words.map((w) => w.bbox)),
    words,
  };
}

/** A page's OCR lines in reading order, each split at column gutters, bboxes in page points. */
function segmentsOf(result: OcrPage | undefined, toBox: (box: BBox) => BBox): Segment[] {
  const segments: Segment[] = [];
  for (const line of result?.lines ?? []) {
    const words = line.words.filter((w) => w.text.trim() !== '').map((w) => ({ text: w.text, confidence: unit(w.confidence), bbox: toBox(tessBox(w.bbox)) }));
    for (const part of splitAtGutters(words)) {
      const whole = part.length === words.length;
      segments.push({
        line: toBox(tessBox(line.bbox)),
        text: part.map((w) => w.text).join(' '),
        // one segment: the line's own confidence; a part of a split line: its words' mean
        confidence: whole ? unit(line.confidence) : mean(part.map((w) => w.confidence)),
        bbox: whole ? toBox(tessBox(line.bbox)) : unionOf(part.map((w) => w.bbox)),
        words: part,
      });
    }
  }
  return segments;
}

/** A gap between words wider than this many word heights is a column gutter, not a space. */
const GUTTER_HEIGHTS = 2;

/**
 * Tesseract sometimes reads side-by-side columns as one line (the two columns of an official
 * letter's header: `UBND TỈNH PHÚ THỌ     CỘNG HOÀ XÃ HỘI …`). Split a line where the gap between
 * two words is wider than twice the words' height, as the PDF reader splits text runs.
 */
export function splitAtGutters<W extends { bbox: BBox }>(words: W[]): W[][] {
  if (words.length < 2) return words.length ? [words] : [];
  const heights = words.map((w) => w.bbox[3] - w.bbox[1]).sort((a, b) => a - b);
  const height = heights[heights.length >> 1];
  const segments: W[][] = [[words[0]]];
  for (let i = 1; i < words.length; i++) {
    const gap = words[i].bbox[0] - words[i - 1].bbox[2];
    if (gap > GUTTER_HEIGHTS * height) segments.push([words[i]]);
    else segments[segments.length - 1].push(words[i]);
  }
  return segments;
}

function unionOf(boxes: BBox[]): BBox {
  return [Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])), Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))];
}

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
}

function tessBox(box: OcrBox): BBox {
  return [box.x0, box.y0, box.x1, box.y1];
}

function unit(percent: number): number {
  return Math.min(1, Math.max(0, percent / 100));
}

async function openPdf(file: SourceFile, maxImageSize: number): Promise<PDFDocumentProxy> {
  // pdfjs's worker with solieu's fixes (pdfjs-worker.ts), as the text reader's: the same pages, drawn sooner
  await useFixedPdfjsWorker();
  try {
    // pdfjs takes ownership of the buffer it is given: hand it a copy. Images over the pixel limit are not decoded.
    return await getDocument({ data: new Uint8Array(file.bytes), isOffscreenCanvasSupported: false, isEvalSupported: false, verbosity: 0, maxImageSize })
      .promise;
  } catch (error) {
    if (error instanceof Error && error.name === 'PasswordException') {
      return file.fail('the PDF is encrypted and needs a password', 'read:encrypted');
    }
    return file.fail(`not a readable PDF (${errorText(error)})`, 'read:corrupt-pdf');
  }
}

function choosePages(file: SourceFile, count: number, wanted?: number[]): number[] {
  if (!wanted) return Array.from({ length: count }, (_, i) => i + 1);
  const pages = [...new Set(wanted)].sort((a, b) => a - b);
  const outside = pages.filter((p) => !Number.isInteger(p) || p < 1 || p > count);
  if (outside.length > 0) {
    file.warn(`pages ${outside.join(', ')} are not in this ${count}-page PDF and were skipped`, 'read:ocr-no-such-page');
  }
  return pages.filter((p) => !outside.includes(p));
}

function errorText(error: unknown): string {
  if (error instanceof DocumentFailure) throw error;
  return error instanceof Error ? error.message : String(error);
}
