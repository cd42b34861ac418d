import { readFileSync } from 'node:fs';
import type { Document } from '../../schemas/document.js';
import type { ReadResult } from '../../schemas/raw-document.js';
import { newDocument } from '../../src/core/new-document.js';
import { SourceFile } from '../../src/core/source-file.js';
import type { Stage } from '../../src/core/stage.js';
import { createExtractStage } from '../../src/extract/extract-stage.js';
import { fallbackDocument } from './fallback-document.js';
import { ocrPdf } from '../../src/read/ocr-reader.js';
import { createOcrScheduler, type OcrEngine, type OcrScheduler } from '../../src/read/ocr-scheduler.js';

type Reader = (file: SourceFile) => ReadResult | Promise<ReadResult>;
export type RenditionFormat = 'text' | 'pdf' | 'docx' | 'ocr';

/** Import a module of the project if it is there; a module that is present but broken is reported, not hidden. */
async function optional<T>(path: string): Promise<{ mod?: T; reason?: string }> {
  try {
    return { mod: (await import(path)) as T };
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    const missing = /Cannot find module|ERR_MODULE_NOT_FOUND|Failed to load url/.test(msg);
    return { reason: missing ? `${path} is not in the tree yet` : `${path} failed to load: ${msg.split('\n')[0]}` };
  }
}

export interface Renditions {
  readers: Record<RenditionFormat, Reader | undefined>;
  /** Ends the OCR workers, when the OCR reader was used. */
  close: () => Promise<void>;
  normalize?: Stage;
  segment?: Stage;
  notes: string[];
}

/** Load whatever readers and stages exist now; scans are read by `ocrEngine` (default tesseract.js). */
export async function loadPipeline(ocrEngine: OcrEngine = 'wasm'): Promise<Renditions> {
  const notes: string[] = [];
  const text = await optional<{ readText: Reader }>('../../src/read/text-reader.js');
  const pdf = await optional<{ readPdf: Reader }>('../../src/read/pdf-reader.js');
  const docx = await optional<{ readDocx: Reader }>('../../src/read/docx-reader.js');
  const norm = await optional<{ createNormalizeStage: () => Stage }>('../../src/normalize/normalize-stage.js');
  const seg = await optional<{ createSegmentStage: () => Stage }>('../../src/segment/segment-stage.js');
  for (const r of [text, pdf, docx, norm, seg]) if (r.reason) notes.push(r.reason);
  // One OCR scheduler (a tesseract worker per core) for every scan of the run, made on first use.
  let scheduler: Promise<OcrScheduler> | undefined;
  const ocr: Reader = async (file) => {
    scheduler ??= createOcrScheduler({ engine: ocrEngine });
    return ocrPdf(file, { scheduler: await scheduler });
  };
  return {
    readers: { text: text.mod?.readText, pdf: pdf.mod?.readPdf, docx: docx.mod?.readDocx, ocr },
    close: async () => {
      if (scheduler) await (await scheduler).terminate();
    },
    normalize: norm.mod?.createNormalizeStage(),
    segment: seg.mod?.createSegmentStage(),
    notes,
  };
}

/** Run read → normalize → segment → extract on one file; text files fall back to a stand-in while stages are missing. */
export async function runPipeline(p: Renditions, path: string, format: RenditionFormat): Promise<{ doc?: Document; note?: string; fallback?: boolean }> {
  const file = new SourceFile(path, readFileSync(path));
  const extract = createExtractStage();
  const reader = p.readers[format];
  if (!reader || !p.normalize || !p.segment) {
    if (format !== 'text') return { note: `skipped: the ${!reader ? `${format} reader` : 'normalize/segment stage'} is missing` };
    const doc = fallbackDocument(file, file.bytes.toString('utf8'));
    return { doc: await extract(doc, file), fallback: true, note: 'read/normalize/segment missing: used the eval stand-in for .source.txt' };
  }
  try {
    const read = await reader(file);
    let doc: Document = { ...newDocument(file), raw: read.raw, pages: read.pages };
    doc.source.format = read.format;
    doc = await p.normalize(doc, file);
    doc = await p.segment(doc, file);
    doc = await extract(doc, file);
    return { doc };
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    return { note: `failed: ${msg.split('\n')[0]}` };
  }
}
