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
  const rate = c.finishedRecently / RATE_WINDOW_MINUTES;
  const left = waiting + running;
  if (rate > 0)
    write(`rate: ${rate.toFixed(1)} document(s)/min over the last ${RATE_WINDOW_MINUTES} min${left ? `; ETA ${readableDuration((left / rate) * 60)}` : ''}\n`);
  else if (left) write(`rate: none finished in the last ${RATE_WINDOW_MINUTES} min; no ETA (are workers running? solieu worker --db …)\n`);
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
