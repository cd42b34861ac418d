import type { Document } from '../../schemas/document.js';
import type { ReportPipelineOptions } from '../../pipelines/report-pipeline.js';
import type { NamedStage } from '../core/stage.js';
import { runPipeline } from '../core/run-pipeline.js';
import { SourceFile } from '../core/source-file.js';
import type { OcrScheduler } from '../read/ocr/ocr-scheduler.js';

/** Reads documents from their bytes with the report pipeline, as `ingest`'s workers do. */
export interface DocumentReader {
  read(path: string, bytes: Buffer): Promise<Document>;
  close(): Promise<void>;
}

/**
 * The report pipeline (`pipelines/report-pipeline.ts`, the one `ingest` runs) in this process,
 * for a queue worker: the file's bytes come from the store, its path is where it was ingested
 * from (kept as the document's path). The pipeline's modules and the OCR engine load at the
 * first document and the first page to OCR; OCR pages are read by `ocrWorkers` threads.
 */
export function createDocumentReader(options: ReportPipelineOptions, ocrWorkers: number): DocumentReader {
  let scheduler: Promise<OcrScheduler> | undefined;
  const ocrScheduler = () =>
    (scheduler ??= import('../read/ocr/ocr-scheduler.js').then(({ createOcrScheduler }) =>
      createOcrScheduler({ workers: ocrWorkers, engine: options.read?.ocrEngine }),
    ));
  let stages: Promise<NamedStage[]> | undefined;
  const pipeline = () =>
    (stages ??= import('../../pipelines/report-pipeline.js').then(({ createReportPipeline }) => createReportPipeline(options, { ocrScheduler })));
  return {
    read: async (path, bytes) => runPipeline(await pipeline(), new SourceFile(path, bytes)),
    close: async () => {
      if (scheduler) await (await scheduler).terminate();
    },
  };
}
