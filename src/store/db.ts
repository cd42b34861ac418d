import { sql, type Kysely } from './kysely.js';
import type { Tables } from './tables.js';

/** The two databases solieu stores into: an SQLite file (the default, nothing to install) or a PostgreSQL server. */
export type Backend = 'sqlite' | 'postgres';

/**
 * An open solieu database: one query layer (Kysely) over either backend, so every query is
 * written once. Inside `writeTransaction` the same shape carries the transaction.
 */
export interface Db {
  readonly q: Kysely<Tables>;
  readonly backend: Backend;
  /** How messages name the database: the SQLite path, or the PostgreSQL URL without its password. */
  readonly name: string;
  close(): Promise<void>;
}

export { isPostgresUrl } from './db-location.js';

/**
 * Run `fn` in one write transaction: either everything it wrote is there afterwards or nothing.
 * On SQLite the write lock is taken first (`BEGIN IMMEDIATE`), so two processes cannot both
 * read a version and then both write; on PostgreSQL the rows a decision depends on are locked
 * with `lockFact`. Inside `fn` use only the `Db` it is given.
 */
export async function writeTransaction<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  if (db.backend === 'postgres') {
    return db.q.transaction().execute((trx) => fn({ ...db, q: trx }));
  }
  return db.q.connection().execute(async (conn) => {
    await sql`BEGIN IMMEDIATE`.execute(conn);
    try {
      const result = await fn({ ...db, q: conn });
      await sql`COMMIT`.execute(conn);
      return result;
    } catch (err) {
      await sql`ROLLBACK`.execute(conn).catch(() => undefined); // already rolled back by SQLite (e.g. SQLITE_FULL): the first error is the one to report
      throw err;
    }
  });
}

/** Inside a write transaction on PostgreSQL: hold the fact's row until commit (SQLite's write lock already does). */
export async function lockFact(tx: Db, factId: number): Promise<void> {
  if (tx.backend === 'postgres') await sql`SELECT id FROM facts WHERE id = ${factId} FOR UPDATE`.execute(tx.q);
}
