import { RunRecord, type RunFailure } from '../../schemas/run.js';
import type { Db } from './db.js';
import { parseRows } from './row-parser.js';

/** The `runs` table: one row per ingest run, updated as the run goes so a killed run still shows. */
export class RunLog {
  constructor(private readonly db: Db) {}

  async start(command: string, extractorVersion: string): Promise<number> {
    const r = await this.db.q
      .insertInto('runs')
      .values({ started_at: new Date().toISOString(), extractor_version: extractorVersion, command })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(r.id);
  }

  async update(
    id: number,
    counts: { files_seen: number; stored: number; skipped: number; failed: number; failures: RunFailure[] },
    finished = false,
  ): Promise<void> {
    await this.db.q
      .updateTable('runs')
      .set({
        files_seen: counts.files_seen,
        stored: counts.stored,
        skipped: counts.skipped,
        failed: counts.failed,
        failures_json: JSON.stringify(counts.failures),
        ...(finished ? { finished_at: new Date().toISOString() } : {}),
      })
      .where('id', '=', id)
      .execute();
  }

  async recent(limit = 10): Promise<RunRecord[]> {
    return parseRows(RunRecord, await this.db.q.selectFrom('runs').selectAll().orderBy('id', 'desc').limit(limit).execute(), 'run');
  }
}
