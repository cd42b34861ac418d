import { z } from '../../schemas/zod.js';
import type { Db } from './db.js';
import { parseRows } from './row-parser.js';

export const WorkerRow = z.object({
  id: z.string(),
  host: z.string(),
  pid: z.number().int(),
  started_at: z.string(),
  seen_at: z.string(),
  documents: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  stopped_at: z.string().nullable(),
});
export type WorkerRow = z.infer<typeof WorkerRow>;

/** The `queue_workers` table: each `solieu worker` signs in, reports what it has done as it goes, and signs off. */
export class WorkerLog {
  constructor(private readonly db: Db) {}

  async signIn(id: string, host: string, pid: number): Promise<void> {
    const now = new Date().toISOString();
    await this.db.q.insertInto('queue_workers').values({ id, host, pid, started_at: now, seen_at: now }).execute();
  }

  async report(id: string, counts: { documents: number; failed: number }, stopped = false): Promise<void> {
    const now = new Date().toISOString();
    await this.db.q
      .updateTable('queue_workers')
      .set({ seen_at: now, documents: counts.documents, failed: counts.failed, ...(stopped ? { stopped_at: now } : {}) })
      .where('id', '=', id)
      .execute();
  }

  /** Workers seen since `since` (ISO time), latest first. */
  async seenSince(since: string): Promise<WorkerRow[]> {
    return parseRows(
      WorkerRow,
      await this.db.q.selectFrom('queue_workers').selectAll().where('seen_at', '>=', since).orderBy('seen_at', 'desc').execute(),
      'worker',
    );
  }
}
