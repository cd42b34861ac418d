import { sql } from 'kysely';
import { closeSync, copyFileSync, mkdtempSync, openSync, readdirSync, statSync, truncateSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestBatch } from '../../src/cli/ingest/ingest-batch.js';
import { openDb } from '../../src/store/open-db.js';
import { ensureBuilt, ROOT, solieu } from './cli-harness.js';
import { cannotMount, mountTmpfs, type MountedPlace } from './fs-places.js';
import { needs } from '../needs.js';

const REPORTS = join(ROOT, 'fixtures/reports');
const TEXTS = readdirSync(REPORTS)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => join(REPORTS, f));
const quiet = { update() {}, log() {}, stop() {} };

describe('ingest on a full disk (injected: SQLite max_page_count)', () => {
  it('stops with the reason and a summary, loses nothing stored, and never throws a SqliteError', async () => {
    const db = await openDb(join(mkdtempSync(join(tmpdir(), 'solieu-full-')), 'full.db'));
    const opts = { pipeline: { read: { ocr: 'never' as const } }, concurrency: 1, force: false, maxBytes: 1 << 26, command: 'test', progress: quiet };
    const first = await ingestBatch(db, { ...opts, files: TEXTS.slice(0, 1) });
    expect(first.stored).toBe(1);
    // The database may grow by two pages more: the next document cannot be stored.
    const pages = (await sql<{ page_count: number }>`PRAGMA page_count`.execute(db.q)).rows[0].page_count + 2;
    await sql`PRAGMA max_page_count = ${sql.lit(pages)}`.execute(db.q);
    const logged: string[] = [];
    const s = await ingestBatch(db, { ...opts, files: TEXTS.slice(1), progress: { ...quiet, log: (l: string) => logged.push(l) } });
    expect(s.stopped).toMatch(/^the database cannot grow: the disk is full \(SQLite: database or disk is full\)$/);
    expect(s.stored).toBe(0);
    expect(s.failures[0]).toEqual({ file: TEXTS[1], reason: `not stored: ${s.stopped}` });
    expect(s.notRead).toBe(TEXTS.length - 2);
    expect(logged).toContain(`✗ stopping: ${s.stopped}`);
    expect((await sql`PRAGMA integrity_check`.execute(db.q)).rows).toEqual([{ integrity_check: 'ok' }]);
    expect((await sql`SELECT COUNT(*) AS n FROM documents`.execute(db.q)).rows).toEqual([{ n: 1 }]);
    await db.close();
  });
});

const mnt = join(mkdtempSync(join(tmpdir(), 'solieu-disk-')), 'mnt');
const noMount = cannotMount();
(noMount ? describe.skip : describe)(`solieu ingest on a full file system${noMount ? ` ${needs(noMount)}` : ''}`, () => {
  let place: MountedPlace;
  beforeAll(() => {
    place = mountTmpfs(mnt, 1024) as MountedPlace;
  });
  afterAll(() => place.unmount());

  it('prints the summary and one line naming the database and the full disk, no stack, exit 1', () => {
    ensureBuilt();
    const db = join(mnt, 'full.db');
    const first = solieu(['ingest', TEXTS[0], '--db', db, '--quiet', '--concurrency', '1']);
    expect(first.code).toBe(0);
    // Fill what is left of the 1 MB file system.
    const fd = openSync(join(mnt, 'filler'), 'w');
    const block = Buffer.alloc(4096, 1);
    try {
      for (;;) writeSync(fd, block);
    } catch (err) {
      expect((err as NodeJS.ErrnoException).code).toBe('ENOSPC');
    } finally {
      closeSync(fd);
    }
    const full = solieu(['facts', '--db', db]);
    expect(full.code).toBe(2);
    expect(full.stderr).toMatch(new RegExp(`^solieu: cannot (write|open) .*${db.replace(/[.]/g, '\\.')}.*full`));
    // Room for the WAL to be made, not for a document.
    truncateSync(join(mnt, 'filler'), statSync(join(mnt, 'filler')).size - 65536);
    const work = mkdtempSync(join(tmpdir(), 'solieu-disk-in-'));
    for (const f of TEXTS.slice(1)) copyFileSync(f, join(work, f.split('/').pop() as string));
    const r = solieu(['ingest', work, '--db', db, '--quiet', '--concurrency', '1']);
    expect(r.code).toBe(1);
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/SqliteError|^\s+at /m);
    expect(r.stdout).toMatch(/^ingested 2 file\(s\): 0 stored/);
    expect(r.stderr).toMatch(
      new RegExp(
        `^solieu: ingest stopped: ${db.replace(/[.]/g, '\\.')}: the database cannot (grow: the disk is full|be written) .*; \\d file\\(s\\) not read — free space and run the same command again$`,
        'm',
      ),
    );
  });
});
