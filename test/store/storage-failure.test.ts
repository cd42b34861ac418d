import { describe, expect, it } from '@jest/globals';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { ingestBatch } from '../../src/cli/ingest/ingest-batch.js';
import { openDb } from '../../src/store/open-db.js';
import { connectPostgres } from '../../src/store/postgres-db.js';
import { storageFailure } from '../../src/store/storage-failure.js';
import { NEEDS_POSTGRES, PgCluster, postgresBin } from './pg-cluster.js';

/** An error as a driver throws it: a message and a code. */
const error = (code: string | undefined, message: string) => Object.assign(new Error(message), code ? { code } : {});

describe('storage errors that stop a batch', () => {
  it.each([
    ['SQLITE_FULL', 'database or disk is full', 'the database cannot grow: the disk is full (SQLite: database or disk is full)'],
    ['SQLITE_IOERR_WRITE', 'disk I/O error', 'the database cannot be written (SQLITE_IOERR_WRITE: disk I/O error)'],
    ['SQLITE_READONLY', 'attempt to write a readonly database', 'the database cannot be written (SQLITE_READONLY: attempt to write a readonly database)'],
    [
      '53100',
      'could not extend file "base/16384/16385": No space left on device',
      `the database cannot grow: the server's disk is full (PostgreSQL 53100: could not extend file "base/16384/16385": No space left on device)`,
    ],
    ['53200', 'out of memory', 'the database server is out of resources (PostgreSQL 53200: out of memory)'],
    ['08006', 'connection failure', 'the connection to the database server was lost (PostgreSQL 08006: connection failure)'],
    [
      '57P01',
      'terminating connection due to administrator command',
      'the connection to the database server was lost (PostgreSQL 57P01: terminating connection due to administrator command)',
    ],
    ['57P03', 'the database system is starting up', 'the connection to the database server was lost (PostgreSQL 57P03: the database system is starting up)'],
    [
      '25006',
      'cannot execute INSERT in a read-only transaction',
      'the database is read-only (PostgreSQL 25006: cannot execute INSERT in a read-only transaction)',
    ],
    ['42501', 'permission denied for table documents', 'the database user may not write it (PostgreSQL 42501: permission denied for table documents)'],
    [
      'XX001',
      'invalid page in block 7 of relation base/16384/16385',
      'the database cannot be written (PostgreSQL XX001: invalid page in block 7 of relation base/16384/16385)',
    ],
    [
      'ECONNREFUSED',
      'connect ECONNREFUSED 127.0.0.1:5432',
      'the connection to the database server was lost (ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:5432)',
    ],
    ['EPIPE', 'write EPIPE', 'the connection to the database server was lost (EPIPE: write EPIPE)'],
    [undefined, 'Connection terminated unexpectedly', 'the connection to the database server was lost (Connection terminated unexpectedly)'],
  ])('%s (%s) is a storage failure', (code, message, reason) => {
    expect(storageFailure(error(code, message))).toBe(reason);
  });

  it.each([
    ['23505', 'duplicate key value violates unique constraint "documents_sha256_key"'],
    ['42P01', 'relation "documents" does not exist'],
    ['SQLITE_CONSTRAINT_UNIQUE', 'UNIQUE constraint failed: documents.sha256'],
    ['ENOENT', 'no such file or directory'],
    [undefined, 'Cannot read properties of undefined'],
  ])('%s (%s) is not: the file fails alone and the batch goes on', (code, message) => {
    expect(storageFailure(error(code, message))).toBeUndefined();
  });

  it('a multi-line message is cut to its first line', () => {
    expect(storageFailure(error('25006', 'cannot execute UPDATE in a read-only transaction\nCONTEXT: …'))).toBe(
      'the database is read-only (PostgreSQL 25006: cannot execute UPDATE in a read-only transaction)',
    );
  });

  it('what is not an error object is not a storage failure', () => {
    expect(storageFailure(undefined)).toBeUndefined();
    expect(storageFailure('SQLITE_FULL')).toBeUndefined();
  });
});

const REPORTS = join(process.cwd(), 'fixtures/reports');
const TEXTS = readdirSync(REPORTS)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => join(REPORTS, f));
const quiet = { update() {}, log() {}, stop() {} };

(postgresBin() ? describe : describe.skip)(`PostgreSQL's storage errors in an ingest batch ${postgresBin() ? '' : NEEDS_POSTGRES}`, () => {
  const cluster = postgresBin() ? new PgCluster() : undefined;
  beforeAll(() => cluster?.start(), 120_000);
  afterAll(() => cluster?.stop());

  /** A fresh solieu database, and a URL for a role that may do everything in it but add documents. */
  async function withoutInsert(): Promise<{ owner: string; writer: string }> {
    if (!cluster) throw new Error('no cluster');
    const owner = await cluster.freshDatabase();
    await (await openDb(owner)).close(); // the tables, by the migrations
    const client = new pg.Client({ connectionString: owner });
    await client.connect();
    try {
      await client.query('CREATE ROLE no_insert LOGIN');
      await client.query('GRANT ALL ON SCHEMA public TO no_insert');
      await client.query('GRANT ALL ON ALL TABLES IN SCHEMA public TO no_insert');
      await client.query('GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO no_insert');
      await client.query('REVOKE INSERT ON documents FROM no_insert');
    } finally {
      await client.end();
    }
    return { owner, writer: owner.replace('postgres://postgres@', 'postgres://no_insert@') };
  }

  it('a document the server refuses to store stops the batch with one line naming the file and the reason', async () => {
    const { writer } = await withoutInsert();
    const db = await openDb(writer);
    const logged: string[] = [];
    try {
      const s = await ingestBatch(db, {
        pipeline: { read: { ocr: 'never' } },
        concurrency: 1,
        force: false,
        maxBytes: 1 << 26,
        command: 'test',
        files: TEXTS.slice(0, 3),
        progress: { ...quiet, log: (l: string) => logged.push(l) },
      });
      expect(s.stopped).toBe('the database user may not write it (PostgreSQL 42501: permission denied for table documents)');
      expect(s.stored).toBe(0);
      expect(s.failures).toEqual([{ file: TEXTS[0], reason: `not stored: ${s.stopped}` }]);
      expect(s.notRead).toBe(2);
      expect(logged).toContain(`✗ stopping: ${s.stopped}`);
    } finally {
      await db.close();
    }
  });

  it("a server that goes away is a lost connection (the driver's own error)", async () => {
    if (!cluster) return;
    const url = await cluster.freshDatabase();
    const victim = new pg.Client({ connectionString: url });
    victim.on('error', () => undefined); // the notice of the cut, after the query's own error
    await victim.connect();
    const pid = (await victim.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query('SELECT pg_terminate_backend($1)', [pid]);
    await admin.end();
    const err = await victim.query('SELECT 1').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(storageFailure(err)).toMatch(/^the connection to the database server was lost \(/);
    await victim.end().catch(() => undefined);
  });

  it('a connection the server cuts while a transaction holds it (between two queries) fails that transaction, not the process', async () => {
    if (!cluster) return;
    const url = await cluster.freshDatabase();
    const db = connectPostgres(url);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      const err = await db.q
        .transaction()
        .execute(async (trx) => {
          const pid = (await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(trx)).rows[0].pid;
          await admin.query('SELECT pg_terminate_backend($1)', [pid]);
          // the server's notice of the cut arrives while no query runs on the connection
          await new Promise((resolve) => setTimeout(resolve, 300));
          await sql`SELECT 1`.execute(trx);
        })
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(storageFailure(err)).toMatch(/^the connection to the database server was lost \(/);
      // the pool dropped the cut connection: the next query gets a new one
      expect((await sql<{ one: number }>`SELECT 1 AS one`.execute(db.q)).rows).toEqual([{ one: 1 }]);
    } finally {
      await admin.end();
      await db.close();
    }
  });
});
