import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type PgBoss from 'pg-boss';
import { PIPELINE_VERSION } from '../../pipelines/pipeline-version.js';
import type { Db } from '../store/db.js';
import { DocumentStore } from '../store/document-store.js';
import { storeSourceFile } from '../store/source-file-store.js';
import { DOCUMENT_QUEUE, jobIdOf, jobOptions, type DocumentJob, type QueuePolicy } from './document-queue.js';

export interface EnqueueSummary {
  seen: number;
  queued: number;
  /** Already stored by this extractor version, or already in the queue. */
  skipped: number;
  failures: { file: string; reason: string }[];
}

/**
 * `ingest --queue`: store each file once by content hash (bytes in the database, or in the
 * shared folder `storeDir`) and enqueue one job per document. A file whose content is stored
 * by this extractor version is skipped (unless `force`); one whose job is queued already is
 * not queued twice (the job id is the content hash's).
 */
export async function enqueueFiles(
  db: Db,
  boss: PgBoss,
  opts: { files: string[]; force: boolean; maxBytes: number; storeDir?: string; policy: QueuePolicy; log: (line: string) => void },
): Promise<EnqueueSummary> {
  const store = new DocumentStore(db);
  const s: EnqueueSummary = { seen: opts.files.length, queued: 0, skipped: 0, failures: [] };
  for (const path of opts.files) {
    try {
      const info = await stat(path);
      if (!info.isFile()) throw new Error('not a regular file (a device, FIFO or socket); skipped');
      if (info.size > opts.maxBytes)
        throw new Error(`file is too large (${(info.size / 1048576).toFixed(1)} MB > ${(opts.maxBytes / 1048576).toFixed(1)} MB limit; raise --max-size)`);
      const bytes = await readFile(path);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const existing = await store.findBySha(sha256);
      if (existing && !opts.force && existing.status !== 'failed' && existing.extractor_version === PIPELINE_VERSION) {
        s.skipped++;
        continue;
      }
      const name = basename(path);
      await storeSourceFile(db, { sha256, name, path, size: bytes.length }, bytes, opts.storeDir);
      const job: DocumentJob = { sha256, name, force: opts.force };
      // --force: a new job even where one for this content exists (it may have run, or failed for good)
      const id = opts.force ? undefined : jobIdOf(sha256, PIPELINE_VERSION);
      const sent = await boss.send(DOCUMENT_QUEUE, job, { ...jobOptions(opts.policy), ...(id ? { id } : {}) });
      if (sent === null) {
        s.skipped++;
        opts.log(`- ${name}: already in the queue; skipped`);
      } else {
        s.queued++;
      }
    } catch (err) {
      const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
      s.failures.push({ file: path, reason });
      opts.log(`✗ ${path}: ${reason}`);
    }
  }
  return s;
}
