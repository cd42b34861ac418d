/**
 * Errors after which no document can be stored, on either backend: a batch (`ingest`) stops
 * and says why in one line instead of failing every file that follows.
 */

/** SQLite result codes (better-sqlite3's `code`). */
const SQLITE_CODES = /^SQLITE_(FULL|IOERR|READONLY|CANTOPEN|CORRUPT|NOTADB)/;

/** Node's socket errors when the database server cannot be reached or hangs up. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);

/** node-postgres's own message when the server closes the connection mid-query (it carries no code). */
const CONNECTION_GONE = /^Connection terminated|^Client has encountered a connection error|^timeout exceeded when trying to connect/;

/**
 * PostgreSQL SQLSTATEs (Appendix A of its manual) after which nothing can be stored, each with
 * what to say; the first pattern that matches the code wins.
 */
const POSTGRES_STATES: { state: RegExp; reason: string }[] = [
  { state: /^53100$/, reason: "the database cannot grow: the server's disk is full" },
  { state: /^53/, reason: 'the database server is out of resources' },
  // connection exceptions, and the server shutting down or starting up
  { state: /^08|^57P0[1-3]$/, reason: 'the connection to the database server was lost' },
  { state: /^25006$/, reason: 'the database is read-only' },
  { state: /^42501$/, reason: 'the database user may not write it' },
  { state: /^58030$|^XX00[12]$/, reason: 'the database cannot be written' },
];

/**
 * One line for a storage error — SQLite's (`SQLITE_FULL` → the disk is full), PostgreSQL's
 * (53100 disk full, 08xxx and 57P01 connection lost, 25006 read-only, …) or a lost connection
 * to the server — or undefined for any other error.
 */
export function storageFailure(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const code = (err as { code?: unknown }).code;
  // `message`, not `instanceof Error`: an error may come from another realm (a test's vm context).
  const raw = (err as { message?: unknown }).message;
  const message = (typeof raw === 'string' ? raw : String(err)).split('\n')[0];
  if (typeof code === 'string' && SQLITE_CODES.test(code)) {
    if (code.startsWith('SQLITE_FULL')) return `the database cannot grow: the disk is full (SQLite: ${message})`;
    return `the database cannot be written (${code}: ${message})`;
  }
  if ((typeof code === 'string' && SOCKET_CODES.has(code)) || CONNECTION_GONE.test(message)) {
    return `the connection to the database server was lost (${typeof code === 'string' ? `${code}: ` : ''}${message})`;
  }
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
    const known = POSTGRES_STATES.find((s) => s.state.test(code));
    return known ? `${known.reason} (PostgreSQL ${code}: ${message})` : undefined;
  }
  return undefined;
}
