import { sql } from './kysely.js';
import { SchemaVersionRow } from '../../schemas/database-meta.js';
import { MIGRATIONS, type Migration } from './migrations/index.js';
import { postgresDdl } from './migrations/postgres-ddl.js';
import { writeTransaction, type Db } from './db.js';
import { parseRow } from './row-parser.js';

/** An arbitrary, fixed key: on PostgreSQL one process at a time migrates (many workers may start at once). */
const MIGRATION_LOCK = 7_140_014;

/** The newest migration this program knows. */
export function newestVersion(migrations: Migration[] = MIGRATIONS): number {
  return migrations.at(-1)?.version ?? 0;
}

/** The newest applied migration (0 before any). */
export async function appliedVersion(db: Db): Promise<number> {
  return (
    parseRow(
      SchemaVersionRow,
      await db.q
        .selectFrom('schema_migrations')
        .select((e) => e.fn.max('version').as('v'))
        .executeTakeFirst(),
      'schema version',
    ).v ?? 0
  );
}

/**
 * Bring a database to the newest schema, one numbered migration at a time, all in one
 * transaction (a failed upgrade leaves the database as it was), on SQLite and PostgreSQL alike (the PostgreSQL text is translated from the same
 * migration, `postgres-ddl.ts`). An old database is upgraded in place; one newer than this
 * program is refused.
 */
export async function migrate(db: Db, migrations: Migration[] = MIGRATIONS): Promise<{ from: number; to: number }> {
  const text = (m: string) => (db.backend === 'postgres' ? postgresDdl(m) : m);
  return writeTransaction(db, async (tx) => {
    if (tx.backend === 'postgres') await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(tx.q);
    await sql
      .raw(text('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)'))
      .execute(tx.q);
    const from = await appliedVersion(tx);
    const newest = newestVersion(migrations);
    if (from > newest) {
      throw new Error(`database schema version ${from} is newer than this solieu (${newest}); upgrade solieu`);
    }
    for (const m of migrations) {
      if (m.version <= from) continue;
      // SQLite's driver runs one statement per call; PostgreSQL's takes them all at once
      for (const statement of statements(text(m.sql))) await sql.raw(statement).execute(tx.q);
      await tx.q.insertInto('schema_migrations').values({ version: m.version, name: m.name, applied_at: new Date().toISOString() }).execute();
    }
    return { from, to: Math.max(from, newest) };
  });
}

/** The statements of a migration's text (no `;` inside a statement in solieu's migrations; comments dropped). */
function statements(text: string): string[] {
  return text
    .replace(/--[^\n]*/g, '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}
