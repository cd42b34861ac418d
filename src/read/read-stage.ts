import { z } from '../../schemas/zod.js';
import type { Document } from '../../schemas/document.js';
import type { ReadResult } from '../../schemas/raw-document.js';
import { parseOptions, type Stage } from '../core/stage.js';
import type { SourceFile } from '../core/source-file.js';
import { sniffFormat } from './format-sniffer.js';
import { readPdf } from './pdf/pdf-reader.js';
import { readText } from './text-reader.js';
import { pageNeedsOcr } from './ocr/ocr-page-check.js';
import type { OcrScheduler } from './ocr/ocr-scheduler.js';
import { DEFAULT_INFLATE_LIMITS } from './inflate-limits.js';
import { checkPdfStreams } from './pdf/pdf-stream-check.js';

export const ReadOptions = z.object({
  /** auto: OCR pages without a usable text layer; always: OCR every PDF page; never: no OCR. */
  ocr: z.enum(['auto', 'always', 'never']).default('auto'),
  /** auto: native when the `tesseract` command is installed, else wasm; wasm: tesseract.js (nothing to install); native: the `tesseract` command with the same model (faster). */
  ocrEngine: z.enum(['auto', 'wasm', 'native']).default('auto'),
  /** Files larger than this are refused (bytes). */
  maxBytes: z
    .number()
    .int()
    .positive()
    .default(200 * 1024 * 1024),
  /** What a file's compressed parts may inflate to (DOCX XML parts, PDF streams and images, OCR page images). */
  limits: z
    .object({
      xmlBytes: z.number().int().positive(),
      streamBytes: z.number().int().positive(),
      imagePixels: z.number().int().positive(),
      renderPixels: z.number().int().positive(),
    })
    .default(DEFAULT_INFLATE_LIMITS),
});
export type ReadOptions = z.input<typeof ReadOptions>;

/** Services a read stage may share across a batch (not options: they are live objects). */
export interface ReadServices {
  ocrScheduler?: () => Promise<OcrScheduler>;
}

/**
 * The read stage: picks the reader by extension and magic bytes, OCRs pages that need it. The
 * DOCX, DOC and OCR readers are loaded when a file needs them: a worker thread that reads text
 * PDFs never loads jszip, xmldom, word-extractor or tesseract.js (module loading is a
 * large part of a small batch's CPU time, and every worker thread pays it again).
 */
export function createReadStage(options: ReadOptions = {}, services: ReadServices = {}): Stage {
  const opts = parseOptions('read', ReadOptions, options);
  return async (doc: Document, file: SourceFile): Promise<Document> => {
    if (file.bytes.length > opts.maxBytes) {
      file.fail(`file is too large (${mb(file.bytes.length)} > limit ${mb(opts.maxBytes)}; raise --max-size)`, 'read:too-large');
    }
    const sniffed = sniffFormat(file.path, file.bytes.subarray(0, 4096));
    if ('error' in sniffed) file.fail(sniffed.error, sniffed.rule);
    let result: ReadResult;
    switch (sniffed.format) {
      case 'pdf':
        checkPdfStreams(file, opts.limits);
        result = await readPdfWithOcr(file, opts, services);
        break;
      case 'docx':
        result = await (await import('./docx/docx-reader.js')).readDocx(file, { limits: opts.limits });
        break;
      case 'doc':
        result = await (await import('./docx/doc-reader.js')).readDoc(file);
        break;
      case 'text':
        result = await readText(file);
        break;
    }
    const chars = result.raw.reduce((n, b) => n + b.text.trim().length, 0);
    if (chars === 0) {
      const undrawn = file.messages.find((m) => m.rule === 'read:image-too-large');
      file.fail(undrawn ? `the document has no text: ${undrawn.reason}` : 'the document has no text', 'read:no-text');
    }
    const out: Document = { ...doc, source: { ...doc.source, format: result.format }, raw: result.raw, pages: result.pages };
    if (result.tables && result.tables.length > 0) out.tables = result.tables;
    return out;
  };
}

async function readPdfWithOcr(file: SourceFile, opts: z.output<typeof ReadOptions>, services: ReadServices): Promise<ReadResult> {
  const bounds = { maxImagePixels: opts.limits.imagePixels, maxRenderPixels: opts.limits.renderPixels };
  if (opts.ocr === 'always') return (await ocrReader()).ocrPdf(file, { scheduler: await services.ocrScheduler?.(), ...bounds });
  const text = await readPdf(file, { allowEmpty: opts.ocr === 'auto' });
  const texts = pageTexts(text);
  const needs = text.pages.filter((p) => p.chars === 0 || pageNeedsOcr(texts.get(p.page) ?? '').needs).map((p) => p.page);
  if (needs.length === 0) return text;
  if (opts.ocr === 'never') {
    file.warn(`${needs.length} page(s) have no usable text layer and OCR is off (--ocr never): ${needs.join(', ')}`, 'read:needs-ocr');
    return text;
  }
  file.info(`OCR of ${needs.length} page(s) without a usable text layer: ${needs.join(', ')}`, 'read:ocr');
  const ocr = await (await ocrReader()).ocrPdf(file, { pages: needs, scheduler: await services.ocrScheduler?.(), ...bounds });
  const pages = text.pages.map((p) => ocr.pages.find((o) => o.page === p.page) ?? p);
  // A page OCR read is not lost: its "no text layer" warning becomes a note.
  const read = new Set(ocr.pages.filter((p) => p.chars > 0).map((p) => p.page));
  for (const m of file.messages) {
    if (m.rule === 'read:no-text-layer' && m.severity === 'warn' && m.place?.page !== undefined && read.has(m.place.page)) {
      m.severity = 'info';
      m.reason = `${m.reason}; read by OCR`;
    }
  }
  // tables read from the text layer of pages now read by OCR are gone with those pages' text;
  // the OCR'd pages' tables are numbered after the text layer's (their cell blocks with them)
  const ocrPages = new Set(ocr.raw.map((b) => b.page));
  const offset = Math.max(0, ...(text.tables ?? []).map((t) => t.id));
  for (const b of ocr.raw) if (b.table) b.table = { ...b.table, table: b.table.table + offset };
  const tables = [...(text.tables?.filter((t) => !ocrPages.has(t.page)) ?? []), ...(ocr.tables ?? []).map((t) => ({ ...t, id: t.id + offset }))];
  return { format: needs.length === text.pages.length ? 'ocr' : 'pdf', raw: mergeByPage(text, ocr), pages, ...(tables.length > 0 ? { tables } : {}) };
}

/** The OCR reader, loaded at the first page that needs it (see the DOCX and DOC readers above). */
function ocrReader(): Promise<typeof import('./ocr/ocr-reader.js')> {
  return import('./ocr/ocr-reader.js');
}

/** Text-layer pages and OCR'd pages, in page order, each page's blocks in its reader's order. */
function mergeByPage(text: ReadResult, ocr: ReadResult): ReadResult['raw'] {
  const byPage = new Map<number, ReadResult['raw']>();
  const ocrPages = new Set(ocr.raw.map((b) => b.page));
  for (const b of [...text.raw.filter((x) => !ocrPages.has(x.page)), ...ocr.raw]) {
    const list = byPage.get(b.page) ?? [];
    list.push(b);
    byPage.set(b.page, list);
  }
  return [...byPage.keys()].sort((a, b) => a - b).flatMap((p) => byPage.get(p) ?? []);
}

/** Each page's text, its blocks joined by newlines (one pass over the blocks). */
function pageTexts(result: ReadResult): Map<number, string> {
  const lines = new Map<number, string[]>();
  for (const b of result.raw) (lines.get(b.page) ?? lines.set(b.page, []).get(b.page))?.push(b.text);
  return new Map([...lines].map(([page, l]) => [page, l.join('\n')]));
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
