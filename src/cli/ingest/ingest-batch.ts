import { open, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import PQueue from 'p-queue';
import { PIPELINE_VERSION } from '../../../pipelines/pipeline-version.js';
import type { ReportPipelineOptions } from '../../../pipelines/report-pipeline.js';
import { DocumentStore } from '../../store/document-store.js';
import { ClaimStore } from '../../store/claim-store.js';
import { RunLog } from '../../store/run-log.js';
import { storageFailure } from '../../store/storage-failure.js';
import type { Db } from '../../store/db.js';
import type { RunFailure } from '../../../schemas/run.js';
import { inProcessExecutor, workerEntry, workerExecutor, type PipelineExecutor } from './pipeline-executor.js';
import type { ProgressReporter } from './progress-reporter.js';
import { printable } from '../printable.js';
import type { Document } from '../../../schemas/document.js';
import { newDocument } from '../../core/new-document.js';
import { SourceFile } from '../../core/source-file.js';

export interface IngestOptions {
  files: string[];
  pipeline: ReportPipelineOptions;
  concurrency: number;
  force: boolean;
  maxBytes: number;
  command: string;
  progress: ProgressReporter;
}

export interface IngestSummary {
  runId: number;
  seen: number;
  stored: number;
  skipped: number;
  failed: number;
  partial: number;
  facts: number;
  pages: number;
  /** Pages read by OCR (counted as they are read, also for files that then fail). */
  ocrPages: number;
  failures: RunFailure[];
  /**
   * Why the batch stopped early: the database could not be written (disk full, I/O error,
   * read-only); the files not read then are counted in `notRead`.
   */
  stopped?: string;
  notRead: number;
}

/**
 * Ingest a batch: each file is hashed, skipped when that content is already stored (unless
 * `force`), otherwise run through the pipeline (in worker threads when there is more than one
 * slot) and committed in one transaction. A failing file is stored as `failed` with its reason
 * and the batch goes on; a killed batch re-run picks up where it stopped.
 */
export async function ingestBatch(db: Db, opts: IngestOptions): Promise<IngestSummary> {
  const store = new DocumentStore(db);
  const claims = new ClaimStore(db);
  const runs = new RunLog(db);
  let runId: number;
  try {
    runId = await runs.start(opts.command, PIPELINE_VERSION);
  } catch (err) {
    const why = storageFailure(err);
    if (why) throw new Error(`nothing ingested: ${why}`);
    throw err;
  }
  const s: IngestSummary = {
    runId,
    seen: opts.files.length,
    stored: 0,
    skipped: 0,
    failed: 0,
    partial: 0,
    facts: 0,
    pages: 0,
    ocrPages: 0,
    failures: [],
    notRead: 0,
  };
  const executor = makeExecutor(opts);
  // With worker threads, twice as many files in hand as slots: while every slot reads a file, the
  // next files' bytes, hashes, lookups and claims are done and the last ones' documents stored, so
  // a worker never waits on the main thread between two files. `reading` lets one file per slot in.
  // In this thread (one slot) there is nothing to overlap: one file at a time.
  const queue = new PQueue({ concurrency: (executor.threads ? 2 : 1) * Math.max(1, executor.slots) });
  const reading = new PQueue({ concurrency: Math.max(1, executor.slots) });
  let done = 0;
  let started = 0;
  // for the time left, from pages (page-eta.ts): sizes of the files, OCR seconds so far
  const sizes = await Promise.all(
    opts.files.map((f) =>
      stat(f).then(
        (i) => (i.isFile() ? i.size : 0),
        () => 0,
      ),
    ),
  );
  let bytesLeft = sizes.reduce((a, b) => a + b, 0);
  let bytesDone = 0;
  let ocrSeconds = 0;
  /** A write to the database: on a storage error the batch stops (no file could be stored after it). */
  const write = async (fn: () => Promise<unknown>): Promise<boolean> => {
    try {
      await fn();
      return true;
    } catch (err) {
      const why = storageFailure(err);
      if (!why) throw err;
      stop(why);
      return false;
    }
  };
  /** A storage error: no file can be stored after it; the files not started are not read. */
  function stop(why: string): void {
    if (s.stopped) return;
    s.stopped = why;
    queue.clear();
    opts.progress.log(`✗ stopping: ${why}`);
  }
  let runWrite: Promise<boolean> | undefined;
  const counts = () => ({ files_seen: s.seen, stored: s.stored, skipped: s.skipped, failed: s.failed, failures: s.failures });
  const tick = (file?: string) => {
    opts.progress.update(
      {
        done,
        total: s.seen,
        pages: s.pages,
        ocrPages: s.ocrPages,
        facts: s.facts,
        failed: s.failed,
        skipped: s.skipped,
        ocrSeconds,
        bytesDone,
        bytesLeft,
        slots: executor.slots,
      },
      file,
    );
    // progress in the runs table: one write at a time, the latest counts win
    if (!s.stopped && !runWrite) runWrite = write(() => runs.update(runId, counts())).finally(() => (runWrite = undefined));
  };
  const fail = (path: string, reason: string) => {
    s.failed++;
    s.failures.push({ file: path, reason });
    opts.progress.log(`✗ ${printable(path)}: ${printable(reason)}`);
  };
  tick();
  try {
    opts.files.forEach((path, index) => {
      void queue.add(async () => {
        started++;
        let read = false;
        let claimed: string | undefined;
        try {
          const info = await stat(path);
          const tooLarge = (size: string) => `file is too large (${size} MB > ${(opts.maxBytes / 1048576).toFixed(1)} MB limit; raise --max-size)`;
          if (!info.isFile()) {
            fail(path, 'not a regular file (a device, FIFO or socket); skipped');
            return;
          }
          if (info.size > opts.maxBytes) {
            fail(path, tooLarge((info.size / 1048576).toFixed(1)));
            return;
          }
          // Read with a bound: a file may grow after stat, or report a size of 0 (/proc, devices).
          const bytes = await readAtMost(path, opts.maxBytes);
          if (!bytes) {
            fail(path, tooLarge(`more than ${(opts.maxBytes / 1048576).toFixed(1)}`));
            return;
          }
          const sha = createHash('sha256').update(bytes).digest('hex');
          const existing = await store.findBySha(sha);
          if (existing && !opts.force && existing.status !== 'failed' && existing.extractor_version === PIPELINE_VERSION) {
            s.skipped++;
            // a stored file costs nothing: its bytes leave the estimate
            bytesLeft -= sizes[index];
            sizes[index] = 0;
            return;
          }
          // another ingest running now (the same folder from another terminal) is reading it: leave it to that one
          let mine = false;
          if (!(await write(async () => (mine = await claims.claim(sha))))) {
            fail(path, `not read: ${s.stopped ?? 'the database cannot be written'}`);
            return;
          }
          if (!mine) {
            s.skipped++;
            opts.progress.log(`- ${printable(basename(path))}: being read by another ingest; skipped`);
            bytesLeft -= sizes[index];
            sizes[index] = 0;
            return;
          }
          claimed = sha;
          const doc = await reading.add(
            async (): Promise<Document | undefined> =>
              // the batch stopped while this file waited for a slot: it is not read (nor counted as started)
              s.stopped
                ? undefined
                : executor
                    .process(path, (e) => {
                      s.ocrPages++;
                      ocrSeconds += e.seconds;
                      tick(`${printable(basename(path))}: OCR page ${e.page ?? '?'} (${e.seconds.toFixed(1)} s)`);
                    })
                    .catch((err: unknown) => failedDocument(path, bytes, err)),
          );
          if (!doc) {
            started--;
            return;
          }
          if (s.stopped || !(await write(() => store.save(doc, PIPELINE_VERSION)))) {
            fail(path, `not stored: ${s.stopped ?? 'the database cannot be written'}`);
            return;
          }
          s.pages += doc.pages.length;
          read = true;
          s.facts += doc.facts.length;
          if (doc.status === 'failed') {
            const why = doc.messages.find((m) => m.severity === 'fail')?.reason ?? 'failed';
            fail(path, why);
          } else {
            s.stored++;
            if (doc.status === 'partial') {
              s.partial++;
              const why = doc.messages.find((m) => m.severity === 'warn')?.reason;
              opts.progress.log(`! ${printable(basename(path))}: partial${why ? ` — ${printable(why)}` : ''}`);
            }
          }
        } catch (err) {
          // a read of the database failed (PostgreSQL's connection lost, say): the batch stops as on a failed write
          const why = storageFailure(err);
          if (why) stop(why);
          fail(path, why ? `not read: ${why}` : err instanceof Error ? err.message.split('\n')[0] : String(err));
        } finally {
          if (claimed !== undefined) {
            const sha = claimed;
            await write(() => claims.release(sha));
          }
          done++;
          bytesLeft -= sizes[index];
          if (read) bytesDone += sizes[index];
          tick(printable(basename(path)));
        }
      });
    });
    await queue.onIdle();
  } finally {
    await executor.close();
    s.notRead = s.seen - started;
    // After a storage error this may fail too: the run then shows as not finished.
    await runWrite;
    await write(() => runs.update(runId, counts(), true));
    opts.progress.stop();
  }
  return s;
}

/**
 * The document of a file whose pipeline never answered (its worker died, e.g. out of memory):
 * stored `failed` with the reason, so `status`, `show` and a re-run see it like any failed file.
 */
function failedDocument(path: string, bytes: Buffer, err: unknown): Document {
  const file = new SourceFile(path, bytes);
  const doc = newDocument(file);
  const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
  return { ...doc, status: 'failed', messages: [{ severity: 'fail', reason, rule: 'ingest:pipeline-died' }] };
}

/** The file's bytes, or undefined when it holds more than `max` (read no further than that). */
async function readAtMost(path: string, max: number): Promise<Buffer | undefined> {
  const handle = await open(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, max + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) return Buffer.concat(chunks, total);
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > max) return undefined;
    }
  } finally {
    await handle.close();
  }
}

function makeExecutor(opts: IngestOptions): PipelineExecutor {
  const entry = workerEntry();
  if (opts.concurrency > 1 && entry) return workerExecutor(opts.pipeline, opts.concurrency, entry);
  return inProcessExecutor(opts.pipeline);
}
