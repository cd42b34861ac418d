import { AsyncLocalStorage } from 'node:async_hooks';
import type { Document } from '../../schemas/document.js';
import type { ReportPipelineOptions } from '../../pipelines/report-pipeline.js';
import { createReportRunner } from '../../pipelines/report-runner.js';
import type { OcrScheduler } from '../read/ocr/ocr-scheduler.js';

/** Reads documents from their bytes with the report pipeline, as `ingest`'s workers do. */
export interface DocumentReader {
  /** Read a document; with `ocr`, the read stage OCRs its pages through that scheduler (the queue's page replay) instead of the shared one. */
  read(path: string, bytes: Buffer, ocr?: OcrScheduler): Promise<Document>;
  /** The shared OCR scheduler: a page job reads its page with it. */
  ocrScheduler(): Promise<OcrScheduler>;
  close(): Promise<void>;
}

/**
 * The report pipeline for a queue worker, assembled by `createReportRunner`
 * (`pipelines/report-runner.ts`), the one assembly `solieu ingest` runs too, so the queue and
 * a plain ingest cannot drift apart. The file's bytes come from the store; its path is where it
 * was ingested from (kept as the document's path). OCR pages are read by `options.ocr.workers`
 * threads of the shared scheduler, or, for a document whose pages go to page jobs, by the
 * scheduler `read` is given — per document, as several are read at once in one process.
 */
export function createDocumentReader(options: ReportPipelineOptions): DocumentReader {
  const perDocument = new AsyncLocalStorage<OcrScheduler>();
  const runner = createReportRunner(options, { ocrSchedulerFor: (shared) => Promise.resolve(perDocument.getStore() ?? shared()) });
  return {
    read: (path, bytes, ocr) => (ocr ? perDocument.run(ocr, () => runner.run(path, bytes)) : runner.run(path, bytes)),
    ocrScheduler: () => runner.ocrScheduler(),
    close: () => runner.close(),
  };
}
