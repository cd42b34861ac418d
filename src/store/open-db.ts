import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from './kysely.js';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { migrate, newestVersion } from './migrator.js';
import { isPostgresUrl, type Db } from './db.js';
import type { Tables } from './tables.js';
import { SchemaVersionRow, TableNameRow } from '../../schemas/database-meta.js';
import { parseRow, parseRows } from './row-parser.js';
import { connectPostgres, openPostgres } from './postgres-db.js';
import { checkVersion, DbOpenError, describeOpenError, reasonOf, refuseForeign } from './open-errors.js';

export { DbOpenError, describeOpenError } from './open-errors.js';

export { DB_HELP, dbLocation } from './db-location.js';

/**
 * Open (creating if needed) a solieu database and bring it to the newest schema: an SQLite file
 * (the default) or, for a `postgres://…` URL, a PostgreSQL database — the same schema and
 * migrations on both (`migrator.ts`).
 *
 * SQLite: WAL journal, so readers (review, compare) never block the ingesting writer, and a
 * killed writer leaves only whole committed transactions. Read-only opens (`facts`, `show`,
 * `compare`, `export`, `status`, `metrics`) never create anything: a missing file is an error
 * naming it. Every command refuses a database of a newer schema than this program; a read-only
 * open of an older one upgrades it first (as a writing command would). Errors name the database
 * and say what to do (`DbOpenError`), never bare driver messages such as `unable to open database file`.
 */
export async function openDb(location: string, options: { readonly?: boolean } = {}): Promise<Db> {
  if (isPostgresUrl(location)) return openPostgres(location, options);
  return openSqlite(location, options);
}

/**
 * A database as a `Db` without any check or migration — for tests of the migrations themselves;
 * commands use `openDb`.
 */
export function connectDb(location: string): Db {
  if (isPostgresUrl(location)) return connectPostgres(location);
  return sqliteDb(new Database(location), location);
}

function sqliteDb(raw: Database.Database, path: string): Db {
  const db: Db = {
    q: new Kysely<Tables>({ dialect: new SqliteDialect({ database: raw }) }),
    backend: 'sqlite',
    name: path,
    close: async () => {
      await db.q.destroy(); // closes the better-sqlite3 handle
    },
  };
  return db;
}

async function openSqlite(path: string, options: { readonly?: boolean }): Promise<Db> {
  if (path === ':memory:') return configure(new Database(path), path, false);
  const readonly = options.readonly ?? false;
  if (readonly) {
    if (!existsSync(path)) throw new DbOpenError(`no database at ${path}: nothing has been ingested into it yet (solieu ingest <files> --db ${path})`);
  } else {
    makeFolder(dirname(resolve(path)), path);
  }
  if (existsSync(path) && !statSync(path).isFile()) throw new DbOpenError(`${path} is not a database file (it is a folder or a device); give --db a file path`);
  let raw: Database.Database | undefined;
  try {
    raw = new Database(path, { readonly, fileMustExist: readonly });
    if (readonly && sqliteSchemaVersion(raw, path) < newestVersion()) {
      // An older database: upgrade it in place, as ingest or review would, then read.
      raw.close();
      raw = undefined;
      await (await openSqlite(path, {})).close();
      raw = new Database(path, { readonly: true, fileMustExist: true });
    }
    return await configure(raw, path, readonly);
  } catch (err) {
    raw?.close();
    throw err instanceof DbOpenError ? err : new DbOpenError(describeOpenError(err, path, readonly));
  }
}

async function configure(raw: Database.Database, path: string, readonly: boolean): Promise<Db> {
  raw.pragma('foreign_keys = ON');
  if (readonly) {
    sqliteSchemaVersion(raw, path);
  } else {
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = NORMAL');
    raw.pragma('busy_timeout = 5000');
    if (path !== ':memory:' && refuseForeign(tableNames(raw), path)) sqliteSchemaVersion(raw, path);
  }
  const db = sqliteDb(raw, path);
  if (!readonly) await migrate(db);
  return db;
}

function tableNames(raw: Database.Database): string[] {
  return parseRows(TableNameRow, raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all(), 'table name').map(
    (r) => r.name,
  );
}

/** The schema version of a solieu SQLite database; throws when it is newer than this program or not solieu's. */
function sqliteSchemaVersion(raw: Database.Database, path: string): number {
  if (!tableNames(raw).includes('schema_migrations'))
    throw new DbOpenError(`${path} is an SQLite database but not a solieu one (it has no schema_migrations table); check --db`);
  return checkVersion(parseRow(SchemaVersionRow, raw.prepare('SELECT MAX(version) AS v FROM schema_migrations').get(), 'schema version').v ?? 0, path);
}

/**
 * Create the database's folder and any missing parents, one level at a time, without
 * `mkdirSync(…, {recursive: true})`, which loops forever where a parent refuses new entries
 * with ENOENT (`/proc/self/x`).
 */
function makeFolder(dir: string, dbPath: string): void {
  const missing: string[] = [];
  let d = dir;
  while (!existsSync(d)) {
    missing.push(d);
    const up = dirname(d);
    if (up === d) break;
    d = up;
  }
  if (existsSync(d) && !statSync(d).isDirectory()) throw new DbOpenError(`cannot create the database ${dbPath}: ${d} is a file, not a folder`);
  for (const m of missing.reverse()) {
    try {
      mkdirSync(m);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? '';
      if (code === 'EEXIST') continue;
      throw new DbOpenError(`cannot create the folder ${m} for the database ${dbPath}: ${reasonOf(code)}`);
    }
  }
}
