import Database from 'better-sqlite3';
import { accessSync, constants, existsSync, mkdirSync, statfsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { MIGRATIONS } from './migrations/index.js';
import { migrate } from './migrator.js';
import { SchemaVersionRow, TableNameRow } from '../../schemas/database-meta.js';
import { parseRow, parseRows } from './row-parser.js';

/**
 * Open (creating if needed) a solieu database and bring it to the newest schema.
 * WAL journal: readers (review, compare) never block the ingesting writer, and a killed
 * writer leaves only whole committed transactions.
 *
 * Read-only opens (`facts`, `show`, `compare`, `export`, `status`, `metrics`) never create
 * anything: a missing file is an error naming it. Every command refuses a database of a newer
 * schema than this program; a read-only open of an older one upgrades it first (as a writing
 * command would). Errors name the file and say what to do (`DbOpenError`), never bare SQLite
 * messages such as `unable to open database file`.
 */
export function openDb(path: string, options: { readonly?: boolean } = {}): Database.Database {
  if (path === ':memory:') return configure(new Database(path), path, false);
  const readonly = options.readonly ?? false;
  if (readonly) {
    if (!existsSync(path)) throw new DbOpenError(`no database at ${path}: nothing has been ingested into it yet (solieu ingest <files> --db ${path})`);
  } else {
    makeFolder(dirname(resolve(path)), path);
  }
  if (existsSync(path) && !statSync(path).isFile()) throw new DbOpenError(`${path} is not a database file (it is a folder or a device); give --db a file path`);
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly, fileMustExist: readonly });
    if (readonly && schemaVersion(db, path) < newestVersion()) {
      // An older database: upgrade it in place, as ingest or review would, then read.
      db.close();
      db = undefined;
      openDb(path).close();
      db = new Database(path, { readonly: true, fileMustExist: true });
    }
    return configure(db, path, readonly);
  } catch (err) {
    db?.close();
    throw err instanceof DbOpenError ? err : new DbOpenError(describeOpenError(err, path, readonly));
  }
}

/** A database that cannot be opened: the message names the file and what to do. */
export class DbOpenError extends Error {
  override name = 'DbOpenError';
}

function configure(db: Database.Database, path: string, readonly: boolean): Database.Database {
  db.pragma('foreign_keys = ON');
  if (readonly) {
    schemaVersion(db, path);
  } else {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    if (path !== ':memory:' && refuseForeign(db, path)) schemaVersion(db, path);
    migrate(db);
  }
  return db;
}

function newestVersion(): number {
  return MIGRATIONS.at(-1)?.version ?? 0;
}

/** The schema version of a solieu database; throws when it is newer than this program or not solieu's. */
function schemaVersion(db: Database.Database, path: string): number {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (!table) throw new DbOpenError(`${path} is an SQLite database but not a solieu one (it has no schema_migrations table); check --db`);
  const v = parseRow(SchemaVersionRow, db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get(), 'schema version').v ?? 0;
  if (v > newestVersion()) {
    throw new DbOpenError(`${path}: database schema version ${v} is newer than this solieu (${newestVersion()}); upgrade solieu to read it`);
  }
  return v;
}

/**
 * A writing command must not add solieu's tables to somebody else's SQLite database.
 * Returns whether the database already is solieu's (false: a new, empty one).
 */
function refuseForeign(db: Database.Database, path: string): boolean {
  const names = parseRows(TableNameRow, db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all(), 'table name').map((r) => r.name);
  if (names.length > 0 && !names.includes('schema_migrations')) {
    throw new DbOpenError(`${path} is an SQLite database but not a solieu one (tables ${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''}); give --db a new file or a solieu database`);
  }
  return names.length > 0;
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

function reasonOf(code: string): string {
  switch (code) {
    case 'EROFS':
      return 'the place is read-only';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOSPC':
      return 'the disk is full';
    case 'ENOENT':
      return 'this place does not allow new folders';
    default:
      return code || 'unknown error';
  }
}

/** Is the file system holding this folder out of space (for an I/O error on open, e.g. creating the WAL)? */
function diskFull(dir: string): boolean {
  try {
    return statfsSync(dir).bavail === 0;
  } catch {
    // statfs unsupported here: no claim about the disk
    return false;
  }
}

/** Can this folder take new files (the database's `-wal` and `-shm`)? The errno code when not. */
function folderUnwritable(dir: string): string | undefined {
  try {
    accessSync(dir, constants.W_OK);
    return undefined;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code ?? 'EACCES';
  }
}

/** A SQLite error on open, as one line naming the file. */
export function describeOpenError(err: unknown, path: string, readonly: boolean): string {
  const code = (err as { code?: unknown }).code;
  const raw = (err as { message?: unknown }).message; // not instanceof: a SqliteError may come from another realm
  const message = typeof raw === 'string' ? raw : String(err);
  if (code === 'SQLITE_NOTADB') return `${path} is not an SQLite database (SQLite says: ${message}); check --db`;
  if (code === 'SQLITE_CORRUPT') return `${path} is damaged (SQLite says: ${message}); restore it from a copy`;
  const dir = dirname(resolve(path));
  if (code === 'SQLITE_FULL' || (typeof code === 'string' && code.startsWith('SQLITE_IOERR') && diskFull(dir))) {
    return `cannot write the database ${path}: the disk holding it is full (SQLite says: ${message}); free space and run the command again`;
  }
  if (typeof code === 'string' && /^SQLITE_(CANTOPEN|READONLY|IOERR|PERM)/.test(code)) {
    const unwritable = folderUnwritable(dir);
    if (unwritable && readonly) {
      return `cannot open ${path}: its folder ${dir} is read-only (${reasonOf(unwritable)}), and a database in WAL mode needs its -shm file created beside it; copy the database to a writable place`;
    }
    if (unwritable) return `cannot write the database ${path}: its folder ${dir} cannot be written (${reasonOf(unwritable)})`;
    if (code === 'SQLITE_READONLY') return `cannot write the database ${path}: it is read-only (SQLite says: ${message})`;
    return `cannot open the database ${path} (SQLite says: ${message})`;
  }
  return `cannot open the database ${path}: ${message}`;
}
