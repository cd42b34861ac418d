import { accessSync, constants, statfsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { newestVersion } from './migrator.js';

/** A database that cannot be opened: the message names the database and what to do. */
export class DbOpenError extends Error {
  override name = 'DbOpenError';
}

/** A version this program can read, or a `DbOpenError` saying to upgrade solieu. */
export function checkVersion(v: number, name: string): number {
  if (v > newestVersion()) {
    throw new DbOpenError(`${name}: database schema version ${v} is newer than this solieu (${newestVersion()}); upgrade solieu to read it`);
  }
  return v;
}

/**
 * A writing command must not add solieu's tables to somebody else's database.
 * Returns whether the database already is solieu's (false: a new, empty one).
 */
export function refuseForeign(names: string[], name: string, kind = 'an SQLite'): boolean {
  if (names.length > 0 && !names.includes('schema_migrations')) {
    throw new DbOpenError(
      `${name} is ${kind} database but not a solieu one (tables ${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''}); give --db a new ${kind === 'an SQLite' ? 'file' : 'database'} or a solieu database`,
    );
  }
  return names.length > 0;
}

export function reasonOf(code: string): string {
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
