import type Database from 'better-sqlite3';
import { hostname } from 'node:os';
import { z } from 'zod';

/** A claim older than this is taken over whoever holds it (a process on another machine that died). */
const STALE_MS = 30 * 60 * 1000;

const ClaimRow = z.object({ pid: z.number().int(), host: z.string(), claimed_at: z.string() });

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Claims on the files an ingest is reading, by content hash: a second ingest of the same files
 * started meanwhile (two terminals, two cron jobs) skips what the first is reading instead of
 * reading it again. A claim of a process that is gone (same machine) or older than 30 minutes is
 * taken over, so a killed ingest never blocks the next one.
 */
export class ClaimStore {
  private readonly host = hostname();

  constructor(private readonly db: Database.Database) {}

  /** Claim a file for this process; false when another live ingest holds it. */
  claim(sha256: string, now = new Date()): boolean {
    const take = this.db.transaction((): boolean => {
      const found = this.db.prepare('SELECT pid, host, claimed_at FROM claims WHERE sha256 = ?').get(sha256);
      if (found !== undefined) {
        const held = ClaimRow.parse(found);
        const fresh = now.getTime() - Date.parse(held.claimed_at) < STALE_MS;
        const holder = held.pid === process.pid && held.host === this.host;
        const running = held.host === this.host ? alive(held.pid) : fresh;
        if (!holder && running && fresh) return false;
      }
      this.db.prepare('INSERT OR REPLACE INTO claims (sha256, pid, host, claimed_at) VALUES (?, ?, ?, ?)').run(sha256, process.pid, this.host, now.toISOString());
      return true;
    });
    return take.immediate();
  }

  /** Give a claim back (after the document is stored, or its read failed). */
  release(sha256: string): void {
    this.db.prepare('DELETE FROM claims WHERE sha256 = ? AND pid = ? AND host = ?').run(sha256, process.pid, this.host);
  }
}
