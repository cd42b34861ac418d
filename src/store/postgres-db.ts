import { createRequire } from 'node:module';
import { Kysely, PostgresDialect } from './kysely.js';
import type PgModule from 'pg';
import { appliedVersion, migrate, newestVersion } from './migrator.js';
import type { Db } from './db.js';
import type { Tables } from './tables.js';
import { checkVersion, DbOpenError, refuseForeign } from './open-errors.js';

/** PostgreSQL types read as JavaScript numbers: BIGINT (ids, counts, sizes) — solieu's never pass 2^53. */
const INT8 = 20;

/**
 * The `pg` driver, loaded when a PostgreSQL database is first opened: a SQLite ingest (and every
 * command on a SQLite file) would otherwise pay for loading it at start-up.
 */
let driver: typeof PgModule | undefined;
function pg(): typeof PgModule {
  driver ??= createRequire(import.meta.url)('pg') as typeof PgModule;
  return driver;
}

const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 ? (v: string) => Number(v) : pg().types.getTypeParser(oid, format ?? 'text')) as typeof PgModule.types.getTypeParser,
};

/** The URL as messages show it: without its password. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    // not a parseable URL: say nothing of what it holds
    return 'postgres://…';
  }
}

/** A PostgreSQL database as a `Db`, connected lazily, without any check or migration (`openPostgres` does those). */
export function connectPostgres(url: string): Db {
  const pool = new (pg().Pool)({ connectionString: url, types, max: 4, connectionTimeoutMillis: 10_000 });
  // A client whose server went away (a restart, a cut session) must not crash the process. The
  // pool listens on its idle clients ('error' below), but a client Kysely holds — in a transaction,
  // between two queries — emits the cut with no listener, which would end the process. Every
  // client gets one: the cut then fails the next query on it (a lost connection the caller
  // reports), and the pool drops the client when it comes back.
  pool.on('connect', (client) => client.on('error', () => undefined));
  pool.on('error', () => undefined);
  const db: Db = { q: new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) }), backend: 'postgres', name: redactUrl(url), close: () => db.q.destroy() };
  return db;
}

/**
 * Open a solieu database on a PostgreSQL server (`postgres://user:password@host:port/database`).
 * The database must exist (`createdb`); solieu creates its tables in it, refusing a database that
 * holds other tables and no solieu schema. A read-only open never migrates an empty database.
 */
export async function openPostgres(url: string, options: { readonly?: boolean }): Promise<Db> {
  const db = connectPostgres(url);
  const name = db.name;
  try {
    const tables = (await db.q.introspection.getTables()).map((t) => t.name);
    if (options.readonly && !tables.includes('schema_migrations')) {
      if (tables.length === 0)
        throw new DbOpenError(`no solieu database at ${name}: nothing has been ingested into it yet (solieu ingest <files> --db ${name})`);
      refuseForeign(tables, name, 'a PostgreSQL');
    }
    if (refuseForeign(tables, name, 'a PostgreSQL')) checkVersion(await appliedVersion(db), name);
    if (!options.readonly || (await appliedVersion(db)) < newestVersion()) await migrate(db);
    return db;
  } catch (err) {
    await db.close().catch(() => undefined); // the open already failed; its error is the one to report
    if (err instanceof DbOpenError) throw err;
    throw new DbOpenError(describePostgresError(err, name));
  }
}

function describePostgresError(err: unknown, name: string): string {
  const code = (err as { code?: unknown }).code;
  const message = err instanceof Error ? err.message : String(err);
  if (code === '3D000') return `no PostgreSQL database at ${name} (${message}); create it first: createdb <name>`;
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ETIMEDOUT')
    return `cannot reach the PostgreSQL server of ${name} (${code}); is it running, and is the address right?`;
  if (code === '28P01' || code === '28000') return `PostgreSQL refused the login to ${name} (${message}); check the user and password`;
  return `cannot open the PostgreSQL database ${name}: ${message}`;
}
