import type { Document } from '../../schemas/document.js';
import type { ReportPipelineOptions } from '../../pipelines/report-pipeline.js';
import { createReportRunner } from '../../pipelines/report-runner.js';

/** Reads documents from their bytes with the report pipeline, as `ingest`'s workers do. */
export interface DocumentReader {
  read(path: string, bytes: Buffer): Promise<Document>;
  close(): Promise<void>;
}

/**
 * The report pipeline for a queue worker, assembled by `createReportRunner`
 * (`pipelines/report-runner.ts`), the one assembly `solieu ingest` runs too, so the queue and
 * a plain ingest cannot drift apart. The file's bytes come from the store; its path is where it
 * was ingested from (kept as the document's path). OCR pages are read by `options.ocr.workers`
 * threads of the shared scheduler.
 */
export function createDocumentReader(options: ReportPipelineOptions): DocumentReader {
  const runner = createReportRunner(options);
  return { read: (path, bytes) => runner.run(path, bytes), close: () => runner.close() };
}
