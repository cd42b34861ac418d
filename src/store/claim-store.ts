import { hostname } from 'node:os';
import { sql } from './kysely.js';
import { z } from '../../schemas/zod.js';
import { writeTransaction, type Db } from './db.js';
import { parseOptionalRow } from './row-parser.js';

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

  constructor(private readonly db: Db) {}

  /** Claim a file for this process; false when another live ingest holds it. */
  async claim(sha256: string, now = new Date()): Promise<boolean> {
    return writeTransaction(this.db, async (tx): Promise<boolean> => {
      // PostgreSQL: one claimer of this hash at a time until commit (also where no row exists yet); SQLite holds its write lock already
      if (tx.backend === 'postgres') await sql`SELECT pg_advisory_xact_lock(hashtext(${sha256}))`.execute(tx.q);
      const held = parseOptionalRow(
        ClaimRow,
        await tx.q.selectFrom('claims').select(['pid', 'host', 'claimed_at']).where('sha256', '=', sha256).executeTakeFirst(),
        'claim',
      );
      if (held !== undefined) {
        const fresh = now.getTime() - Date.parse(held.claimed_at) < STALE_MS;
        const holder = held.pid === process.pid && held.host === this.host;
        const running = held.host === this.host ? alive(held.pid) : fresh;
        if (!holder && running && fresh) return false;
      }
      const claim = { sha256, pid: process.pid, host: this.host, claimed_at: now.toISOString() };
      const taken = await tx.q
        .insertInto('claims')
        .values(claim)
        .onConflict((oc) => oc.column('sha256').doUpdateSet({ pid: claim.pid, host: claim.host, claimed_at: claim.claimed_at }))
        .returning('sha256')
        .executeTakeFirst();
      return taken !== undefined;
    });
  }

  /** Give a claim back (after the document is stored, or its read failed). */
  async release(sha256: string): Promise<void> {
    await this.db.q.deleteFrom('claims').where('sha256', '=', sha256).where('pid', '=', process.pid).where('host', '=', this.host).execute();
  }
}
