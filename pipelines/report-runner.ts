import type { Document } from '../schemas/document.js';
import type { NamedStage } from '../src/core/stage.js';
import { runPipeline } from '../src/core/run-pipeline.js';
import { SourceFile } from '../src/core/source-file.js';
import { newDocument } from '../src/core/new-document.js';
import type { OcrPageEvent, OcrScheduler } from '../src/read/ocr/ocr-scheduler.js';
import type { ReportPipelineOptions } from './report-pipeline.js';

/** Runs the report pipeline on one file after another, with the services it shares built once. */
export interface ReportRunner {
  run(path: string, bytes: Buffer): Promise<Document>;
  /** The shared OCR scheduler, started at the first call (the queue's page jobs read their page with it). */
  ocrScheduler(): Promise<OcrScheduler>;
  /** Stop the services (the OCR workers) if they were started. */
  close(): Promise<void>;
}

export interface ReportRunnerHooks {
  /** Called after every page the shared OCR scheduler reads. */
  onOcrPage?: (event: OcrPageEvent) => void;
  /**
   * The scheduler the read stage gets for a file, given the shared one: the queue's worker hands
   * it the pages its page jobs read already (`src/queue/page-replay.ts`). Default: the shared one.
   */
  ocrSchedulerFor?: (shared: () => Promise<OcrScheduler>) => Promise<OcrScheduler>;
}

/**
 * The report pipeline of `pipelines/report-pipeline.ts` with its services, built from one options
 * object: what `solieu ingest` (in its process or in each worker thread), the queue's readers,
 * `npm run eval` and the benches run. This module is light on purpose: the stages' modules
 * (pdfjs, lexicons, the catalog) load at the first file, and the OCR scheduler (`ocr.workers`
 * workers of `read.ocrEngine`) at the first page to OCR, so a process that never reads a
 * document never loads them.
 */
export function createReportRunner(options: ReportPipelineOptions = {}, hooks: ReportRunnerHooks = {}): ReportRunner {
  let scheduler: Promise<OcrScheduler> | undefined;
  const ocrScheduler = () =>
    (scheduler ??= import('../src/read/ocr/ocr-scheduler.js').then(({ createOcrScheduler }) =>
      createOcrScheduler({ workers: options.ocr?.workers ?? 1, engine: options.read?.ocrEngine, onPage: hooks.onOcrPage }),
    ));
  const forFile = hooks.ocrSchedulerFor;
  const services = { ocrScheduler: forFile ? () => forFile(ocrScheduler) : ocrScheduler };
  let stages: Promise<NamedStage[]> | undefined;
  let loaded: NamedStage[] | undefined;
  const pipeline = () => (stages ??= import('./report-pipeline.js').then(({ createReportPipeline }) => (loaded = createReportPipeline(options, services))));
  return {
    ocrScheduler,
    async run(path, bytes) {
      const file = new SourceFile(path, bytes);
      if (loaded || stages) return runPipeline(await pipeline(), file);
      // The first file is read while the other stages' modules load: the read stage (its options
      // are the pipeline's `read` section, parsed the same way) starts as soon as its own modules
      // are in, so that pdfjs, when it runs in a thread of its own (src/read/pdf/pdfjs-thread.ts),
      // parses the file while this thread compiles the rest; the pipeline then takes the read's result.
      const { createReadStage } = await import('../src/read/read-stage.js');
      let read: Promise<Document>;
      try {
        read = Promise.resolve(createReadStage(options.read, services)(newDocument(file), file));
      } catch {
        return runPipeline(await pipeline(), file); // options in error: the pipeline says how, as for any file
      }
      read.catch(() => undefined); // its failure is the read stage's, reported when the pipeline reaches it
      const all = await pipeline();
      return runPipeline(
        all.map((stage) => (stage.name === 'read' ? { name: 'read', run: () => read } : stage)),
        file,
      );
    },
    async close() {
      if (scheduler) await (await scheduler).terminate();
    },
  };
}
