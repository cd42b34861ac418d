import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type PgBoss from 'pg-boss';
import { PIPELINE_VERSION } from '../../pipelines/pipeline-version.js';
import type { Document } from '../../schemas/document.js';
import { PageJob } from '../../schemas/page-job.js';
import { newDocument } from '../core/new-document.js';
import { SourceFile } from '../core/source-file.js';
import type { Db } from '../store/db.js';
import { DocumentStore } from '../store/document-store.js';
import { PageReadStore } from '../store/page-read-store.js';
import { loadSourceFile } from '../store/source-file-store.js';
import { WorkerLog } from '../store/worker-log.js';
import { DOCUMENT_QUEUE, DocumentJob, jobIdOf, PAGE_QUEUE, QueuePolicy } from './document-queue.js';
import type { DocumentReader } from './document-reader.js';
import { type Job, startJobSlots } from './job-slots.js';
import { pageReplay } from './page-replay.js';
import { surviveLostConnections } from './queue-errors.js';

export interface WorkerOptions {
  /** Jobs run at once in this process (documents and pages alike). */
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
  /** Pages of scans read by this worker's page jobs. */
  pages: number;
}

/** The job handler's error for a document whose pipeline died; pg-boss records it and retries. */
class PipelineDied extends Error {
  override name = 'PipelineDied';
}

/**
 * How long a stopped worker (SIGINT, SIGTERM) waits for the jobs it runs before it fails them
 * (pg-boss retries them): the wait `boss.stop` gave them when pg-boss's `work()` ran the jobs.
 */
const STOP_GRACE_MS = 10_000;

/** A job's retry and lease options, for the jobs it queues in turn (fixed by `ingest --queue --lease … --retries …`). */
function optionsOf(job: Job): { retryLimit: number; retryDelay: number; retryBackoff: boolean; expireInSeconds: number } {
  const lease = Number((job as { expireInSeconds?: unknown }).expireInSeconds);
  return {
    retryLimit: job.retryLimit,
    retryDelay: job.retryDelay,
    retryBackoff: job.retryBackoff,
    expireInSeconds: Number.isFinite(lease) && lease > 0 ? lease : QueuePolicy.parse({}).leaseSeconds,
  };
}

/**
 * `solieu worker`: take document jobs from the queue, read each with the report pipeline and
 * commit it in one transaction (`DocumentStore.save`, as `ingest` does). A scan is split into
 * page jobs: its document job finds the pages the read stage OCRs, stores each page's image as
 * drawn and queues one job per page (`solieu-page`), which any worker reads with its OCR engine;
 * the page job that stores the last page queues the assembly, which runs the pipeline again with
 * every page's OCR result given back (`page-replay.ts`) and commits the document. Page jobs go
 * before new documents, so a long scan spreads over every worker and is done early.
 *
 * A job is fetched only when one of the `concurrency` slots is free (`job-slots.ts`): the slot
 * asks the page queue, then the document queue. The lease runs from the fetch, so a fetched job
 * is a running job — none waits in this process while its lease runs out.
 *
 * A job whose reading throws is failed and retried by pg-boss with backoff; on its last try the
 * document is stored `failed` with the reason (a page, with OCR's error, which the assembled
 * document warns about as `ingest` does). A worker that dies (kill -9, a lost machine) loses
 * its lease: pg-boss's maintenance gives the job to another worker once the lease expires.
 * Storing is idempotent — a document by content hash in one transaction, a page by (document,
 * page), counted off its scan once — so a job run twice leaves one document and one of each page.
 */
export async function runWorker(db: Db, boss: PgBoss, reader: DocumentReader, opts: WorkerOptions): Promise<WorkerSummary> {
  const id = randomUUID();
  const workers = new WorkerLog(db);
  const store = new DocumentStore(db);
  const pages = new PageReadStore(db);
  const done: WorkerSummary = { documents: 0, failed: 0, pages: 0 };
  await workers.signIn(id, hostname(), process.pid);
  const unsurvive = surviveLostConnections(opts.report);
  const beat = setInterval(() => void workers.report(id, done).catch(() => undefined), 15_000); // a missed beat is not worth stopping for

  /** Store a document, and end its scan if it had one. */
  const commit = async (name: string, doc: Document): Promise<void> => {
    await store.save(doc, PIPELINE_VERSION);
    await pages.clear(doc.source.sha256);
    if (doc.status === 'failed') done.failed++;
    else done.documents++;
    opts.log(`${doc.status === 'failed' ? '✗' : '✓'} ${name}: ${doc.status}, ${doc.pages.length} page(s), ${doc.facts.length} fact(s)`);
    await workers.report(id, done);
  };

  /**
   * Read a stored file with the pages page jobs have read given back; commit it, or, when the
   * read stage asked for pages no page job has read, queue them and leave the document for later.
   */
  const readDocument = async (job: Job, sha256: string, name: string, force: boolean, assembling: boolean): Promise<void> => {
    const stored = await loadSourceFile(db, sha256);
    if (!stored) throw new PipelineDied(`no stored file with hash ${sha256.slice(0, 12)} (${name}); queue it again with solieu ingest --queue`);
    const read = await pages.readPages(sha256);
    const replay = pageReplay(read, (page) => pages.keep(sha256, page));
    opts.log(`… ${name}: ${assembling ? `assembling ${read.size} OCR'd page(s)` : 'reading'} (try ${job.retryCount + 1})`);
    let doc: Document;
    try {
      if (opts.throwOn && name.includes(opts.throwOn)) throw new Error(`injected fault: reading ${name} throws (SOLIEU_FAULT_THROW_ON)`);
      doc = await reader.read(stored.file.path, stored.bytes, replay.scheduler);
      if (assembling && replay.wanted.length > 0)
        throw new Error(`pages ${replay.wanted.join(', ')} were not read by their page jobs; queue the file again with --force`);
    } catch (err) {
      const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
      const lastTry = job.retryCount >= job.retryLimit;
      if (lastTry) {
        await store.save(failedDocument(stored.file.path, stored.bytes, reason), PIPELINE_VERSION);
        await pages.clear(sha256);
        done.failed++;
      }
      opts.log(`✗ ${name}: ${reason}${lastTry ? ' (failed for good)' : ` (try ${job.retryCount + 1} of ${job.retryLimit + 1}; retried later)`}`);
      throw new PipelineDied(reason);
    }
    if (replay.wanted.length === 0) return commit(name, doc);
    const scan = await pages.begin(sha256, name, force, replay.wanted.length);
    for (const n of replay.wanted) {
      const page: PageJob = { kind: 'page', sha256, name, scan: scan.scanId, page: n };
      // the same page of the same scan is one job, however many times its document job runs
      await boss.send(PAGE_QUEUE, page, { ...optionsOf(job), id: jobIdOf(scan.scanId, `page ${n}`) });
    }
    opts.log(`… ${name}: ${replay.wanted.length} page(s) to OCR, queued as page jobs (${scan.pagesLeft} of ${scan.pages} left)`);
  };

  const readDocumentJob = async (job: Job): Promise<void> => {
    const data = DocumentJob.parse(job.data);
    const existing = await store.findBySha(data.sha256);
    if (existing && !data.force && existing.status !== 'failed' && existing.extractor_version === PIPELINE_VERSION) {
      opts.log(`- ${data.name}: stored already; skipped`);
      return; // a retry of a job whose document was committed before its worker died
    }
    await readDocument(job, data.sha256, data.name, data.force, false);
  };

  const readPageJob = async (job: Job): Promise<void> => {
    const data = PageJob.parse(job.data);
    const scan = await pages.scan(data.sha256);
    if (!scan || scan.scanId !== data.scan) {
      opts.log(`- ${data.name}: ${data.kind === 'page' ? `page ${data.page}` : 'assembly'} of a scan committed already; skipped`);
      return;
    }
    if (data.kind === 'assemble') return readDocument(job, data.sha256, data.name, scan.force, true);
    const wanted = await pages.wanted(data.sha256, data.page);
    let after = scan;
    if (wanted && !wanted.done) {
      opts.log(`… ${data.name}: page ${data.page}: OCR (try ${job.retryCount + 1})`);
      const ocr = await reader.ocrScheduler();
      let outcome: { result: Awaited<ReturnType<typeof ocr.recognize>> } | { error: string };
      try {
        outcome = { result: await ocr.recognize(wanted.image, wanted.options) };
      } catch (err) {
        const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
        if (job.retryCount < job.retryLimit) {
          opts.log(`✗ ${data.name}: page ${data.page}: ${reason} (try ${job.retryCount + 1} of ${job.retryLimit + 1}; retried later)`);
          throw new PipelineDied(reason);
        }
        outcome = { error: reason }; // the assembled document warns of it, as ingest does of a page OCR failed on
      }
      const stored = await pages.store(data.sha256, data.page, outcome, ocr.description);
      if (!stored) return;
      after = stored;
      done.pages++;
      opts.log(`✓ ${data.name}: page ${data.page} read (${after.pagesLeft} of ${after.pages} left)`);
    }
    if (after.pagesLeft === 0) {
      const assemble: PageJob = { kind: 'assemble', sha256: data.sha256, name: data.name, scan: data.scan };
      // one assembly per scan, whichever page job (or its retry) saw the last page stored
      await boss.send(PAGE_QUEUE, assemble, { ...optionsOf(job), id: jobIdOf(data.scan, 'assemble'), priority: 1 });
    }
  };

  // a free slot takes a page job before a document job
  const slots = startJobSlots(boss, {
    slots: opts.concurrency,
    queues: [
      { name: PAGE_QUEUE, run: readPageJob },
      { name: DOCUMENT_QUEUE, run: readDocumentJob },
    ],
    pollSeconds: opts.pollSeconds,
    report: opts.report,
  });
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
          Promise.all([DOCUMENT_QUEUE, PAGE_QUEUE].map((q) => boss.getQueueSize(q, { before: 'completed' }))).then((left) => {
            if (left.every((n) => n === 0) && slots.running() === 0) {
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
    await slots.stop(STOP_GRACE_MS);
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
