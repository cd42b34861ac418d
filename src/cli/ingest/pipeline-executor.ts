import { readFile } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Document } from '../../../schemas/document.js';
import type { ReportPipelineOptions } from '../../../pipelines/report-pipeline.js';
import { createReportRunner } from '../../../pipelines/report-runner.js';

/** A page of the file being processed has been OCR'd (for progress). */
export interface OcrPageDone {
  page?: number;
  seconds: number;
  confidence: number;
}

/** Runs the report pipeline on one file at a time per slot. */
export interface PipelineExecutor {
  readonly slots: number;
  /** The pipeline runs in worker threads: the main thread is free to get the next files ready meanwhile. */
  readonly threads: boolean;
  process(path: string, onOcrPage?: (event: OcrPageDone) => void): Promise<Document>;
  close(): Promise<void>;
}

/**
 * OCR workers for each pipeline slot: the cores shared out among the slots, so that one file
 * alone (a long scan) has its pages read on every core, and a batch one OCR worker per slot.
 */
export function ocrWorkersPerSlot(slots: number, cores = availableParallelism()): number {
  return Math.max(1, Math.floor(cores / Math.max(1, slots)));
}

/**
 * In this thread (concurrency 1, or when compiled workers are unavailable, e.g. under jest).
 * The pipeline's modules (pdfjs, the stages' lexicons and catalogs) and the OCR engine are
 * loaded at the first file and the first page to OCR, not when the executor is made: the main
 * thread of a batch read by worker threads never loads them.
 */
export function inProcessExecutor(options: ReportPipelineOptions): PipelineExecutor {
  // one file at a time: the OCR pages reported belong to the file being processed
  let listener: ((event: OcrPageDone) => void) | undefined;
  const withOcr = { ...options, ocr: { workers: options.ocr?.workers ?? ocrWorkersPerSlot(1) } };
  const runner = createReportRunner(withOcr, { onOcrPage: (e) => listener?.({ page: e.page, seconds: e.seconds, confidence: e.confidence }) });
  return {
    slots: 1,
    threads: false,
    async process(path, onOcrPage) {
      listener = onOcrPage;
      try {
        return await runner.run(path, await readFile(path));
      } finally {
        listener = undefined;
      }
    },
    close: () => runner.close(),
  };
}

interface WorkerReply {
  doc?: Document;
  error?: string;
  /** Not the reply yet: a page of the file was OCR'd. */
  ocrPage?: OcrPageDone;
}

/** Where the compiled worker entry lives (absent when running from TypeScript sources). */
export function workerEntry(): string | undefined {
  const url = new URL('./pipeline-worker.js', import.meta.url);
  const path = fileURLToPath(url);
  return existsSync(path) ? path : undefined;
}

/**
 * A pool of worker threads, one pipeline (and its share of OCR workers) each, so CPU-bound parsing
 * and OCR use every core. A worker that dies fails only the file it held and is replaced.
 */
export function workerExecutor(options: ReportPipelineOptions, slots: number, entry: string): PipelineExecutor {
  // V8's own heap sizing. Capping heap growth between full collections (--heap-growing-percent=50)
  // kept a 1,000-document batch's RSS near 310 MB instead of ~380 MB (nothing leaks: V8 lets each
  // heap grow to a few times its live data before collecting fully), but the extra full
  // collections cost a third more CPU on a batch of real reports (60 text PDFs, 2 workers:
  // 60 s against 45 s), and CPU is what a large archive pays for.
  const idle: Worker[] = [];
  const waiting: ((w: Worker) => void)[] = [];
  const all = new Set<Worker>();
  const spawn = (): Worker => {
    const w = new Worker(entry, { workerData: { options: { ...options, ocr: { workers: ocrWorkersPerSlot(slots) } } } });
    w.unref();
    all.add(w);
    return w;
  };
  for (let i = 0; i < slots; i++) idle.push(spawn());
  const acquire = (): Promise<Worker> => {
    const w = idle.pop();
    return w ? Promise.resolve(w) : new Promise((res) => waiting.push(res));
  };
  const release = (w: Worker) => {
    const next = waiting.shift();
    if (next) next(w);
    else idle.push(w);
  };
  return {
    slots,
    threads: true,
    async process(path, onOcrPage) {
      const w = await acquire();
      const reply = await new Promise<WorkerReply & { crashed?: boolean }>((res) => {
        const done = (r: WorkerReply & { crashed?: boolean }) => {
          w.off('message', onMessage);
          w.off('error', onError);
          w.off('exit', onExit);
          res(r);
        };
        const onMessage = (m: WorkerReply) => (m.ocrPage ? onOcrPage?.(m.ocrPage) : done(m));
        const onError = (e: Error) => done({ error: `the worker reading it died: ${e.message}`, crashed: true });
        const onExit = (code: number) => done({ error: `the worker reading it died (exit code ${code})`, crashed: true });
        w.on('message', onMessage);
        w.on('error', onError);
        w.on('exit', onExit);
        // Held while it has a file: an unref'd worker that dies (out of memory) with the last file
        // in flight let the process exit 0 before its 'exit' event came, with no summary.
        w.ref();
        w.postMessage({ path });
      });
      if (reply.crashed) {
        all.delete(w);
        void w.terminate();
        release(spawn());
      } else {
        w.unref();
        release(w);
      }
      if (reply.doc) return reply.doc;
      throw new Error(reply.error ?? 'worker gave no result');
    },
    async close() {
      await Promise.all([...all].map((w) => w.terminate()));
    },
  };
}
