import type Database from 'better-sqlite3';

export interface RunFailure {
  file: string;
  reason: string;
}

export interface RunRecord {
  id: number;
  started_at: string;
  finished_at: string | null;
  extractor_version: string;
  command: string;
  files_seen: number;
  stored: number;
  skipped: number;
  failed: number;
  failures: RunFailure[];
}

/** The `runs` table: one row per ingest run, updated as the run goes so a killed run still shows. */
export class RunLog {
  constructor(private readonly db: Database.Database) {}

  start(command: string, extractorVersion: string): number {
    const r = this.db
      .prepare('INSERT INTO runs (started_at, extractor_version, command) VALUES (?, ?, ?)')
      .run(new Date().toISOString(), extractorVersion, command);
    return Number(r.lastInsertRowid);
  }

  update(id: number, counts: { files_seen: number; stored: number; skipped: number; failed: number; failures: RunFailure[] }, finished = false): void {
    this.db
      .prepare(
        'UPDATE runs SET files_seen=?, stored=?, skipped=?, failed=?, failures_json=?, finished_at=COALESCE(?, finished_at) WHERE id=?',
      )
      .run(counts.files_seen, counts.stored, counts.skipped, counts.failed, JSON.stringify(counts.failures), finished ? new Date().toISOString() : null, id);
  }

  recent(limit = 10): RunRecord[] {
    const rows = this.db.prepare('SELECT * FROM runs ORDER BY id DESC LIMIT ?').all(limit) as (Omit<RunRecord, 'failures'> & { failures_json: string })[];
    return rows.map(({ failures_json, ...r }) => ({ ...r, failures: JSON.parse(failures_json) as RunFailure[] }));
  }
}
