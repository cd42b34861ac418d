import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type PgBoss from 'pg-boss';
import { PIPELINE_VERSION } from '../../pipelines/pipeline-version.js';
import type { Document } from '../../schemas/document.js';
import { newDocument } from '../core/new-document.js';
import { SourceFile } from '../core/source-file.js';
import type { Db } from '../store/db.js';
import { DocumentStore } from '../store/document-store.js';
import { loadSourceFile } from '../store/source-file-store.js';
import { WorkerLog } from '../store/worker-log.js';
import { DOCUMENT_QUEUE, DocumentJob } from './document-queue.js';
import type { DocumentReader } from './document-reader.js';
import { surviveLostConnections } from './queue-errors.js';

export interface WorkerOptions {
  /** Documents read at once in this process. */
  concurrency: number;
  /** Exit when no job is left (queued, waiting for a retry, or running elsewhere). */
  drain: boolean;
  /** Seconds between polls of the queue when it is empty. */
  pollSeconds: number;
  log: (line: string) => void;
  /** Where database errors of the queue go while the server is away (`createQueueErrorReporter`). */
  report: (err: unknown) => void;
  /**
   * Fault injection, for the fault tests only (`SOLIEU_FAULT_THROW_ON`): reading a document whose
   * file name contains this throws, as a bug in a reader would.
   */
  throwOn?: string;
}

export interface WorkerSummary {
  documents: number;
  failed: number;
}

/** The job handler's error for a document whose pipeline died; pg-boss records it and retries. */
class PipelineDied extends Error {
  override name = 'PipelineDied';
}

/**
 * `solieu worker`: take document jobs from the queue, read each with the report pipeline and
 * commit it in one transaction (`DocumentStore.save`, as `ingest` does). A job whose reading
 * throws is failed and retried by pg-boss with backoff; on its last try the document is
 * stored `failed` with the reason, as `ingest` stores a file whose worker died. A worker that
 * dies (kill -9, a lost machine) loses its lease: pg-boss's maintenance gives the job to
 * another worker once the lease expires. Storing is idempotent (by content hash, one
 * transaction), so a job run twice leaves the document once.
 */
export async function runWorker(db: Db, boss: PgBoss, reader: DocumentReader, opts: WorkerOptions): Promise<WorkerSummary> {
  const id = randomUUID();
  const workers = new WorkerLog(db);
  const store = new DocumentStore(db);
  const done: WorkerSummary = { documents: 0, failed: 0 };
  let inFlight = 0;
  await workers.signIn(id, hostname(), process.pid);
  const unsurvive = surviveLostConnections(opts.report);
  const beat = setInterval(() => void workers.report(id, done).catch(() => undefined), 15_000); // a missed beat is not worth stopping for

  const handle = async (jobs: PgBoss.JobWithMetadata<unknown>[]): Promise<void> => {
    for (const job of jobs) {
      inFlight++;
      try {
        await readOne(job);
      } finally {
        inFlight--;
      }
    }
  };

  const readOne = async (job: PgBoss.JobWithMetadata<unknown>): Promise<void> => {
    const data = DocumentJob.parse(job.data);
    const stored = await loadSourceFile(db, data.sha256);
    if (!stored) throw new PipelineDied(`no stored file with hash ${data.sha256.slice(0, 12)} (${data.name}); queue it again with solieu ingest --queue`);
    const existing = await store.findBySha(data.sha256);
    if (existing && !data.force && existing.status !== 'failed' && existing.extractor_version === PIPELINE_VERSION) {
      opts.log(`- ${data.name}: stored already; skipped`);
      return; // a retry of a job whose document was committed before its worker died
    }
    opts.log(`… ${data.name}: reading (try ${job.retryCount + 1})`);
    let doc: Document;
    try {
      if (opts.throwOn && data.name.includes(opts.throwOn)) throw new Error(`injected fault: reading ${data.name} throws (SOLIEU_FAULT_THROW_ON)`);
      doc = await reader.read(stored.file.path, stored.bytes);
    } catch (err) {
      const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
      const lastTry = job.retryCount >= job.retryLimit;
      if (lastTry) {
        await store.save(failedDocument(stored.file.path, stored.bytes, reason), PIPELINE_VERSION);
        done.failed++;
      }
      opts.log(`✗ ${data.name}: ${reason}${lastTry ? ' (failed for good)' : ` (try ${job.retryCount + 1} of ${job.retryLimit + 1}; retried later)`}`);
      throw new PipelineDied(reason);
    }
    await store.save(doc, PIPELINE_VERSION);
    if (doc.status === 'failed') done.failed++;
    else done.documents++;
    opts.log(`${doc.status === 'failed' ? '✗' : '✓'} ${data.name}: ${doc.status}, ${doc.pages.length} page(s), ${doc.facts.length} fact(s)`);
    await workers.report(id, done);
  };

  for (let i = 0; i < opts.concurrency; i++) {
    await boss.work(DOCUMENT_QUEUE, { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: opts.pollSeconds }, handle);
  }
  let check: NodeJS.Timeout | undefined;
  let stop: (() => void) | undefined;
  try {
    await new Promise<void>((resolve) => {
      stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      if (!opts.drain) return;
      check = setInterval(
        () => {
          // queued, waiting to retry, or running (here or on another worker whose lease may yet expire)
          boss.getQueueSize(DOCUMENT_QUEUE, { before: 'completed' }).then((left) => {
            if (left === 0 && inFlight === 0) {
              resolve();
            }
          }, opts.report);
        },
        Math.max(250, opts.pollSeconds * 1000),
      );
    });
  } finally {
    clearInterval(check);
    if (stop) {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    }
    clearInterval(beat);
    await boss.offWork(DOCUMENT_QUEUE);
    await workers.report(id, done, true).catch(opts.report);
    unsurvive();
  }
  return done;
}

/** The document of a file whose reading threw on its last try: stored `failed` with the reason. */
function failedDocument(path: string, bytes: Buffer, reason: string): Document {
  const doc = newDocument(new SourceFile(path, bytes));
  return { ...doc, status: 'failed', messages: [{ severity: 'fail', reason, rule: 'queue:pipeline-died' }] };
}
