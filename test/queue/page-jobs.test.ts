import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { sql } from 'kysely';
import { openDb } from '../../src/store/open-db.js';
import { longTableScan, scanOf } from '../../scripts/make-test-tables.js';
import { ensureBuilt, ROOT, solieu, solieuBackground } from '../cli/cli-harness.js';
import { NEEDS_POSTGRES, PgCluster, postgresBin } from '../store/pg-cluster.js';

/** Every worker process a test started: killed after the tests, whatever happened to them. */
const started: ChildProcess[] = [];

/** Start a worker; its exit, stdout and stderr (and the stderr so far, for waiting on a line). */
function worker(args: string[]) {
  const child = solieuBackground(['worker', ...args]);
  started.push(child);
  const seen = { out: '', err: '' };
  child.stdout?.on('data', (d: Buffer) => (seen.out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (seen.err += d.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  /** Resolves with the first match of `pattern` in stderr. */
  const waitFor = (pattern: RegExp) =>
    new Promise<RegExpMatchArray>((resolve) => {
      const look = () => {
        const m = pattern.exec(seen.err);
        if (m) {
          child.stderr?.off('data', look);
          resolve(m);
        }
      };
      child.stderr?.on('data', look);
      look();
    });
  return { child, seen, exit, waitFor };
}

/** Scan page jobs read by a worker (its closing line). */
const pagesRead = (out: string) => Number(/(\d+) scan page\(s\) read/.exec(out)?.[1] ?? Number.NaN);

(postgresBin() ? describe : describe.skip)(`page jobs: a scan through the queue page by page ${postgresBin() ? '' : NEEDS_POSTGRES}`, () => {
  const cluster = postgresBin() ? new PgCluster() : undefined;
  let dir = '';
  let scans: string[] = [];
  let plainExport = '';

  const exported = (db: string, name: string) => {
    const file = join(dir, `${name}.jsonl`);
    expect(solieu(['export', '--format', 'jsonl', '--out', file, '--db', db])).toMatchObject({ code: 0 });
    return readFileSync(file, 'utf8');
  };

  beforeAll(async () => {
    ensureBuilt();
    await cluster?.start();
    dir = mkdtempSync(join(tmpdir(), 'solieu-page-jobs-'));
    // two short scans made from bundled documents (scripts/make-test-tables.ts): a 3-page report, and a table over two pages with its header repeated
    scans = [join(dir, 'bao-cao-thang-8-2021.scan.pdf'), join(dir, 'long-table.scan.pdf')];
    writeFileSync(scans[0], await scanOf(readFileSync(join(ROOT, 'fixtures/reports/bao-cao-thang-8-2021.pdf'))));
    writeFileSync(scans[1], await longTableScan({ repeatHeader: true }));
    const plain = join(dir, 'plain.db');
    expect(solieu(['ingest', ...scans, '--db', plain, '--quiet'])).toMatchObject({ code: 0 });
    plainExport = exported(plain, 'plain');
    expect(plainExport.split('\n').length).toBeGreaterThan(30); // facts read by OCR: a comparison that can fail
  }, 600_000);
  afterAll(() => {
    for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('two workers share the pages of the scans and store what a plain SQLite ingest stores: the same export', async () => {
    if (!cluster) return;
    const url = await cluster.freshDatabase();
    expect(solieu(['ingest', ...scans, '--queue', '--db', url, '--quiet'])).toMatchObject({ code: 0 });
    const workers = [worker(['--db', url, '--drain']), worker(['--db', url, '--drain'])];
    const ends = await Promise.all(workers.map((w) => w.exit));
    for (const [i, end] of ends.entries())
      expect({ ...end, failures: workers[i].seen.err.split('\n').filter((l) => l.startsWith('✗')) }).toEqual({ code: 0, signal: null, failures: [] });
    // each scan's pages went to page jobs, read once each over the two workers
    const all = workers.map((w) => w.seen.err).join('\n');
    expect(all).toMatch(/^… bao-cao-thang-8-2021\.scan\.pdf: 3 page\(s\) to OCR, queued as page jobs/m);
    expect(all).toMatch(/^… long-table\.scan\.pdf: 2 page\(s\) to OCR, queued as page jobs/m);
    expect(workers.map((w) => pagesRead(w.seen.out)).reduce((a, b) => a + b, 0)).toBe(5);
    expect(exported(url, 'queued')).toBe(plainExport);
    const status = solieu(['status', '--db', url]);
    expect(status.stdout).toMatch(/queue: 0 waiting, 0 running, 2 done, 0 failed/);
    // five pages and two assemblies; no scan left in progress
    expect(status.stdout).toMatch(/page jobs: 0 waiting, 0 running, 7 done, 0 failed/);
    expect(status.stdout).not.toMatch(/ {2}scan /);
    const db = await openDb(url, { readonly: true });
    try {
      expect((await sql`SELECT COUNT(*) AS n FROM page_reads`.execute(db.q)).rows).toEqual([{ n: 0 }]);
      expect((await sql`SELECT COUNT(*) AS n FROM page_scans`.execute(db.q)).rows).toEqual([{ n: 0 }]);
    } finally {
      await db.close();
    }
  }, 600_000);

  it("a worker fetches a job only when it has a slot free: with --concurrency 1 one job is active at a time, and a scan's pages and assembly go before the next document", async () => {
    if (!cluster) return;
    const url = await cluster.freshDatabase();
    // the scan first, then two text reports: document jobs that could be fetched while the scan's page jobs run
    const texts = ['bao-cao-thang-8-2021.txt', 'bao-cao-nam-2024.txt'];
    expect(solieu(['ingest', scans[0], '--queue', '--db', url, '--quiet'])).toMatchObject({ code: 0 });
    for (const text of texts) expect(solieu(['ingest', join(ROOT, 'fixtures/reports', text), '--queue', '--db', url, '--quiet'])).toMatchObject({ code: 0 });
    const w = worker(['--db', url, '--drain', '--concurrency', '1']);
    let exited = false;
    void w.exit.then(() => (exited = true));
    // pg-boss's view, sampled while the worker runs: a job is active from its fetch to its completion
    const db = await openDb(url, { readonly: true });
    const overlaps = new Set<string>();
    let sawActive = 0;
    const activeJobs = sql<{ job: string }>`SELECT concat_ws(' ', data->>'name', data->>'kind', data->>'page') AS job
      FROM pgboss.job WHERE state = 'active' ORDER BY job`;
    try {
      while (!exited) {
        const active = (await activeJobs.execute(db.q)).rows.map((r) => r.job);
        if (active.length > 0) sawActive++;
        if (active.length > 1) overlaps.add(active.join(' + '));
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    } finally {
      await db.close();
    }
    expect(await w.exit).toEqual({ code: 0, signal: null });
    expect(sawActive).toBeGreaterThan(5); // the sampling saw jobs run (a page's OCR takes seconds)
    // no job active (its lease running) while it waits for the one slot
    expect([...overlaps]).toEqual([]);
    const lines = w.seen.err.split('\n');
    const scanStored = lines.findIndex((l) => /^✓ bao-cao-thang-8-2021\.scan\.pdf: (ok|partial),/.test(l));
    const textsRead = lines.flatMap((l, i) => (texts.some((t) => l.startsWith(`… ${t}: reading`)) ? [i] : []));
    expect({ scanStored: scanStored >= 0, textsRead: textsRead.length }).toEqual({ scanStored: true, textsRead: 2 });
    expect(Math.min(...textsRead)).toBeGreaterThan(scanStored);
    expect(w.seen.out).toMatch(/worker: 3 document\(s\) stored, 0 failed, 3 scan page\(s\) read/);
  }, 600_000);

  it('a worker killed in the middle of a page loses it to another worker: each page read and stored once, the same export', async () => {
    if (!cluster) return;
    const url = await cluster.freshDatabase();
    const lease = ['--supervise-every', '1'];
    expect(solieu(['ingest', scans[0], '--queue', '--db', url, '--quiet', '--lease', '20', '--retry-delay', '0'])).toMatchObject({ code: 0 });
    const doomed = worker(['--db', url, ...lease]);
    // its second page: the first is stored, the second is being read when the kill comes
    await doomed.waitFor(/^✓ .*: page \d+ read/m);
    const [, killedPage] = await doomed.waitFor(/^… .*: page (\d+): OCR \(try 1\)\n(?![\s\S]*^✓ .*: page \1 read)/m);
    doomed.child.kill('SIGKILL');
    expect((await doomed.exit).signal).toBe('SIGKILL');
    // status shows the scan half read, and the killed worker's page still running (until its lease expires)
    const during = solieu(['status', '--db', url]);
    expect(during.stdout).toMatch(/page jobs: \d+ waiting, 1 running, 1 done, 0 failed/);
    expect(during.stdout).toMatch(/^ {2}scan bao-cao-thang-8-2021\.scan\.pdf: 1 of 3 page\(s\) read$/m);
    const rescuer = worker(['--db', url, '--drain', ...lease]);
    expect(await rescuer.exit).toEqual({ code: 0, signal: null });
    expect(rescuer.seen.err).toMatch(new RegExp(`^… bao-cao-thang-8-2021\\.scan\\.pdf: page ${killedPage}: OCR \\(try 2\\)$`, 'm'));
    expect(pagesRead(rescuer.seen.out)).toBe(2);
    const db = await openDb(url, { readonly: true });
    try {
      expect((await sql`SELECT name, COUNT(*) AS n FROM documents GROUP BY name`.execute(db.q)).rows).toEqual([
        { name: 'bao-cao-thang-8-2021.scan.pdf', n: 1 },
      ]);
    } finally {
      await db.close();
    }
    // the plain ingest's rows of this scan
    const ofScan = (text: string) => text.split('\n').filter((l) => l !== '' && (JSON.parse(l) as { file: string }).file === 'bao-cao-thang-8-2021.scan.pdf');
    const plainRows = ofScan(plainExport);
    expect(plainRows.length).toBeGreaterThan(20);
    expect(ofScan(exported(url, 'after-kill'))).toEqual(plainRows);
  }, 600_000);
});
