import type { PageInfo, RawBlock, ReadResult } from '../../../schemas/raw-document.js';
import type { SourceFile } from '../../core/source-file.js';
import { decodeLegacy, guessLegacyEncoding, encodingFromFontName, textFitsLegacy, type LegacyEncoding } from '../../text/legacy-encoding.js';
import { vietWordList } from '../../text/viet-word-list.js';
import type { PdfFont } from './pdf-document.js';
import type { PageRun, PageRuns, PageRunsOptions, PageText } from './pdf-page-runs.js';
import { pageRunsInThread, pdfjsThread } from './pdfjs-thread.js';
import { buildLines, type LineOptions, type TextLine, type TextRun } from './pdf-lines.js';
import { repairPage } from './pdf-viet-repair.js';
import { placeRuns, releaseRepeatedBoxes, type PageSplit } from './pdf-table-cells.js';
import { alignedGridsOfPages } from './pdf-table-stream.js';
import { PdfTableBuilder, type CellLines } from './pdf-table-builder.js';

export interface PdfReaderOptions {
  /** Return pages without a text layer (chars 0) instead of failing when no page has text (the OCR path). */
  allowEmpty?: boolean;
  /** Learn real font names (bold/italic, legacy font names) from the operator list of pages that bring new fonts (default true). */
  fontNames?: boolean;
  /** Repair Vietnamese words split around diacritics (default true). */
  repairWords?: boolean;
  /** Find tables — ruled ones from the pages' drawn lines, others from the alignment of their columns — and read them cell by cell (default true). */
  tables?: boolean;
  /** With `tables`: which finders run — drawn lines (`ruled`), column alignment (`aligned`); default both. */
  tableFinders?: { ruled?: boolean; aligned?: boolean };
  lines?: LineOptions;
}

/**
 * Read a PDF's text layer with pdfjs-dist: one RawBlock per visual line (`unit: 'line'`) in
 * reading order, with page, bbox (points, origin top-left), indent, font size, bold/italic and
 * `align: 'center'` for centred lines. Text in legacy Vietnamese fonts (TCVN3, VNI) is decoded,
 * words split around diacritics are rebuilt, and everything is NFC.
 *
 * Pages without text are kept with `chars: 0` and a `read:no-text-layer` warning; when no page
 * has text the document fails with `read:needs-ocr` unless `allowEmpty` is set.
 */
export async function readPdf(file: SourceFile, options: PdfReaderOptions = {}): Promise<ReadResult> {
  const findTables = options.tables ?? true;
  const asked: PageRunsOptions = { fontNames: options.fontNames ?? true, ruledTables: findTables && (options.tableFinders?.ruled ?? true) };
  // pdfjs in its own thread when one runs (pdfjs-thread.ts): it parses while this thread loads the
  // word list the repairs below and the later stages use; without one, pdfjs runs here
  let runs: PageRuns;
  if (pdfjsThread()) {
    const inThread = pageRunsInThread(file, asked);
    vietWordList();
    runs = await inThread;
  } else runs = await (await import('./pdf-page-runs.js')).collectPageRuns(file, asked);
  return fromPageRuns(file, runs, options);
}

/** The read result from the pages' runs: legacy fonts decoded, runs placed in tables, lines built and repaired. */
function fromPageRuns(file: SourceFile, { pages, fonts }: PageRuns, options: PdfReaderOptions): ReadResult {
  const findTables = options.tables ?? true;
  const decoders = legacyDecoders(pages, fonts, file);
  let splits: PageSplit[] = pages.map((page) =>
    placeRuns(
      page.runs.map((run) => styleRun(run, fonts.get(run.font), decoders.get(run.font))),
      page.grids,
    ),
  );
  if (findTables && (options.tableFinders?.aligned ?? true)) splits = withAlignedTables(splits);
  const released = releaseRepeatedBoxes(splits);
  if (released > 0)
    file.info(`${released} ruled box(es) repeated at the same place on several pages read as page headers/footers, not tables`, 'read:repeated-box');
  const tables = new PdfTableBuilder();
  const raw: RawBlock[] = [];
  const infos: PageInfo[] = [];
  pages.forEach((page, p) => {
    const split = splits[p];
    const free = buildLines(split.free, options.lines);
    const cellLines: CellLines[] = split.tables.map((t) => ({ grid: t.grid, lines: t.cells.map((runs) => buildLines(runs, options.lines)) }));
    // repair and clean the page's text in one pass: free lines, then every cell's lines
    const all = [...free, ...cellLines.flatMap((t) => t.lines.flat())];
    const texts = (options.repairWords ?? true) ? repairPage(all.map((l) => l.text)) : all.map((l) => l.text.normalize('NFC'));
    all.forEach((l, i) => (l.text = texts[i]));
    const lines = free.filter((l) => l.text.length > 0);
    for (const t of cellLines) t.lines = t.lines.map((cell) => cell.filter((l) => l.text.length > 0));
    const chars = all.reduce((n, l) => n + l.text.replace(/\s/gu, '').length, 0);
    infos.push({ page: page.page, width: round(page.width), height: round(page.height), origin: 'text-layer', chars });
    if (chars === 0) file.warn(`page ${page.page} has no text layer`, 'read:no-text-layer', { page: page.page });
    const inked = all.filter((l) => l.text.length > 0);
    const blocks = lines.length > 0 ? toBlocks(lines, page, inked) : [];
    raw.push(...tables.addPage(page.page, page.height, blocks, cellLines, (l) => toBlocks([l], page, inked)[0]));
  });
  if (infos.length > 0 && infos.every((p) => p.chars === 0) && !options.allowEmpty) {
    file.fail('no text layer (scanned PDF?) — needs OCR', 'read:needs-ocr');
  }
  const found = tables.tables();
  const ruled = found.filter((t) => t.origin === 'pdf-ruled').length;
  const aligned = found.length - ruled;
  if (ruled > 0) file.info(`${ruled} ruled table(s) read cell by cell`, 'read:tables');
  if (aligned > 0) file.info(`${aligned} table(s) drawn without lines found from the alignment of their columns and read cell by cell`, 'read:aligned-tables');
  return { format: 'pdf', raw, pages: infos, ...(found.length > 0 ? { tables: found } : {}) };
}

/** The pages' tables drawn without lines, found in the text outside their ruled tables. */
function withAlignedTables(splits: PageSplit[]): PageSplit[] {
  const grids = alignedGridsOfPages(splits.map((s) => s.free));
  return splits.map((split, p) => {
    if (grids[p].length === 0) return split;
    const more = placeRuns(split.free, grids[p]);
    return { free: more.free, tables: [...split.tables, ...more.tables] };
  });
}

/** Pages of a read result that have no usable text layer (fewer than `minChars` characters): the pages to OCR. */
export function pagesWithoutText(result: ReadResult, minChars = 1): number[] {
  return result.pages.filter((p) => p.origin === 'text-layer' && p.chars < minChars).map((p) => p.page);
}

/** How the runs of one pdfjs font are decoded: by its legacy font name, or by what its text looks like. */
interface Decoder {
  encoding: LegacyEncoding;
  capitals: boolean;
}

function legacyDecoders(pages: PageText[], fonts: Map<string, PdfFont>, file: SourceFile): Map<string, Decoder> {
  const textByFont = new Map<string, string[]>();
  for (const page of pages) for (const run of page.runs) (textByFont.get(run.font) ?? textByFont.set(run.font, []).get(run.font))?.push(run.text);
  const decoders = new Map<string, Decoder>();
  for (const [id, parts] of textByFont) {
    const text = undoPdfjsFolding(parts.join(' '), null);
    const name = fonts.get(id)?.name ?? '';
    const declared = name ? encodingFromFontName(name) : null;
    if (declared && textFitsLegacy(text)) {
      decoders.set(id, declared);
      file.info(`text in font ${name} decoded from ${declared.encoding.toUpperCase()}`, 'read:legacy-encoding');
      continue;
    }
    const guessed = guessLegacyEncoding(text);
    if (guessed) {
      decoders.set(id, { encoding: guessed, capitals: false });
      file.info(`text in font ${name || id} looks like ${guessed.toUpperCase()} and was decoded`, 'read:legacy-encoding');
    }
  }
  return decoders;
}

/**
 * Undo what pdfjs does to legacy-font text before it reaches us: it folds U+00B5 MICRO SIGN (TCVN3
 * `à`) to Greek mu, and draws U+00AD SOFT HYPHEN (TCVN3 `ư`) as `-`. A `-` is taken back as the
 * soft hyphen only after a lower-case letter or a TCVN3 code and before anything but a digit
 * or at a word's start before one (`n-íc` → `nước`, `th-` → `thư`, `-u` → `ưu`), so `Covid-19` and `BC-STTTT` keep their hyphen.
 */
export function undoPdfjsFolding(text: string, encoding: LegacyEncoding | null): string {
  let out = text.replace(/\u03bc/gu, '\u00b5');
  if (encoding === 'tcvn3') out = out.replace(/(?<=[a-z\u00a1-\u00ff])-(?!\d)|(?<=^|\s)-(?=[a-z\u00a1-\u00ff])/gu, '\u00ad');
  return out;
}

function styleRun(run: PageRun, font: PdfFont | undefined, decoder: Decoder | undefined): TextRun {
  let text = run.text;
  if (decoder && textFitsLegacy(text)) text = decodeLegacy(undoPdfjsFolding(text, decoder.encoding), decoder.encoding, { capitals: decoder.capitals });
  return { ...run, text, bold: font?.bold ?? false, italic: font?.italic ?? false };
}

/** Raw blocks of a page's lines; `context` (all the page's lines) sets the text area that centring is judged in. */
function toBlocks(lines: TextLine[], page: PageText, context: TextLine[] = lines): RawBlock[] {
  const area = context.length > 0 ? context : lines;
  const left = Math.min(...area.map((l) => l.bbox[0]));
  const right = Math.max(...area.map((l) => l.bbox[2]));
  const middle = (left + right) / 2;
  return lines.map((line) => {
    const block: RawBlock = {
      text: line.text,
      page: page.page,
      unit: 'line',
      fontSize: round(line.fontSize),
      indent: line.indent,
      bbox: line.bbox,
      words: line.words,
    };
    if (line.bold) block.bold = true;
    if (line.italic) block.italic = true;
    if (isCentred(line, left, right, middle)) block.align = 'center';
    return block;
  });
}

/** Centred: the line's middle is on the text area's middle and it keeps clear of both margins. */
function isCentred(line: TextLine, left: number, right: number, middle: number): boolean {
  const [x0, , x1] = line.bbox;
  const clear = 2 * line.fontSize;
  if (x0 - left < clear || right - x1 < clear) return false;
  return Math.abs((x0 + x1) / 2 - middle) <= Math.max(0.02 * (right - left), line.fontSize * 0.75);
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
