import type { Db } from '../../store/db.js';
import { hasQueue, queueCounts } from '../../store/queue-query.js';
import { WorkerLog } from '../../store/worker-log.js';
import { PageReadStore } from '../../store/page-read-store.js';
import { PAGE_QUEUE } from '../../queue/queue-names.js';
import { printable } from '../printable.js';

/** Minutes over which the rate is measured. */
const RATE_WINDOW_MINUTES = 10;

/** How a duration reads: `45 s`, `12 min`, `3.5 h`, `2.1 days`. */
export function readableDuration(seconds: number): string {
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  if (seconds < 36 * 3600) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86400).toFixed(1)} days`;
}

export interface QueueProgress {
  documentsLeft: number;
  /** Document jobs finished per minute over the rate window. */
  documentRate: number;
  /** A scan's page jobs left (one page to OCR each, or its assembly). */
  pagesLeft: number;
  pageRate: number;
}

/**
 * The rate line of `status`: documents and scan pages per minute, and the time left. Workers share
 * their slots between documents and pages, so the two times add; a scan's document job ends before
 * its pages are read, so pages left without a page rate yet give no ETA rather than a short one.
 */
export function rateLine(q: QueueProgress): string {
  const window = `over the last ${RATE_WINDOW_MINUTES} min`;
  const rates = [`${q.documentRate.toFixed(1)} document(s)/min`, ...(q.pagesLeft || q.pageRate ? [`${q.pageRate.toFixed(1)} page(s)/min`] : [])];
  if (q.documentsLeft === 0 && q.pagesLeft === 0) return q.documentRate > 0 || q.pageRate > 0 ? `rate: ${rates.join(', ')} ${window}\n` : '';
  if ((q.documentsLeft > 0 && q.documentRate === 0) || (q.pagesLeft > 0 && q.pageRate === 0)) {
    const idle = q.documentRate === 0 && q.pageRate === 0;
    return `rate: ${idle ? 'none finished' : rates.join(', ')} ${window}; no ETA (${idle ? 'are workers running? solieu worker --db …' : 'no page of a scan read yet'})\n`;
  }
  const seconds = (q.documentsLeft ? q.documentsLeft / q.documentRate : 0) * 60 + (q.pagesLeft ? q.pagesLeft / q.pageRate : 0) * 60;
  return `rate: ${rates.join(', ')} ${window}; ETA ${readableDuration(seconds)}\n`;
}

/**
 * The queue's part of `solieu status` on a PostgreSQL database with a queue: depth, running,
 * done and failed jobs (with their reasons), the workers seen in the last hour with what each
 * has done, the rate over the last 10 minutes and the time left at that rate. Nothing on SQLite.
 */
export async function printQueueStatus(db: Db, queue: string, write: (text: string) => void): Promise<void> {
  if (!(await hasQueue(db))) return;
  const c = await queueCounts(db, queue, RATE_WINDOW_MINUTES);
  const n = (state: string) => c.states[state] ?? 0;
  const waiting = n('created') + n('retry');
  const running = n('active');
  write(
    `queue: ${waiting} waiting, ${running} running, ${n('completed')} done, ${n('failed')} failed${n('retry') ? ` (${n('retry')} of the waiting to be retried)` : ''}\n`,
  );
  // a scan's page jobs (one page to OCR each, and its assembly), and the scans being read so
  const p = await queueCounts(db, PAGE_QUEUE, RATE_WINDOW_MINUTES);
  const pn = (state: string) => p.states[state] ?? 0;
  const scans = await new PageReadStore(db).inProgress();
  if (Object.keys(p.states).length > 0 || scans.length > 0) {
    write(
      `page jobs: ${pn('created') + pn('retry')} waiting, ${pn('active')} running, ${pn('completed')} done, ${pn('failed')} failed (scans read page by page)\n`,
    );
    for (const s of scans) write(`  scan ${printable(s.name)}: ${s.pages - s.pagesLeft} of ${s.pages} page(s) read\n`);
  }
  write(
    rateLine({
      documentsLeft: waiting + running,
      documentRate: c.finishedRecently / RATE_WINDOW_MINUTES,
      pagesLeft: pn('created') + pn('retry') + pn('active'),
      pageRate: p.finishedRecently / RATE_WINDOW_MINUTES,
    }),
  );
  const workers = await new WorkerLog(db).seenSince(new Date(Date.now() - 3600_000).toISOString());
  write(`workers seen: ${workers.length} in the last hour${workers.length ? ':' : ''}\n`);
  for (const w of workers) {
    const minutes = Math.max(1 / 60, (Date.parse(w.seen_at) - Date.parse(w.started_at)) / 60_000);
    write(
      `  ${printable(w.host)} pid ${w.pid}: ${w.documents} stored, ${w.failed} failed, ${(w.documents / minutes).toFixed(1)}/min; ${w.stopped_at ? `stopped ${w.stopped_at}` : `last seen ${w.seen_at}`}\n`,
    );
  }
  for (const f of c.failed) write(`  failed: ${printable(f.file ?? f.id)} after ${f.retries + 1} tries: ${printable(f.reason ?? 'no reason recorded')}\n`);
}
