import type Database from 'better-sqlite3';
import { RunRecord, type RunFailure } from '../../schemas/run.js';
import { parseRows } from './row-parser.js';

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
    return parseRows(RunRecord, this.db.prepare('SELECT * FROM runs ORDER BY id DESC LIMIT ?').all(limit), 'run');
  }
}
