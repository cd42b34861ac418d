import { describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { sql } from 'kysely';
import { openDb } from '../../src/store/open-db.js';
import { ensureBuilt, ROOT, solieu, solieuBackground } from '../cli/cli-harness.js';
import { NEEDS_POSTGRES, PgCluster, postgresBin } from '../store/pg-cluster.js';
import { needs } from '../needs.js';

const REPORTS = join(ROOT, 'fixtures/reports');
/** The bundled reports: text, PDF, Word (each format the pipeline reads, no scan: quick). */
const FILES = readdirSync(REPORTS)
  .filter((f) => /\.(txt|pdf|docx)$/.test(f))
  .sort();

const describePg = postgresBin() ? describe : describe.skip;

/** Every worker process a test started: killed after the tests, whatever happened to them. */
const started: ChildProcess[] = [];

/** Wait for a worker process to exit; its stdout and stderr. */
function finished(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; err: string }> {
  started.push(child);
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal, out, err })));
}

/** The export of a database as JSON Lines (ids are content hashes, no times: comparable across databases). */
function exported(db: string, dir: string, name: string): string {
  const out = join(dir, `${name}.jsonl`);
  const r = solieu(['export', '--format', 'jsonl', '--out', out, '--db', db]);
  expect(r).toMatchObject({ code: 0 });
  return readFileSync(out, 'utf8');
}

describePg(`the job queue on PostgreSQL ${postgresBin() ? '' : NEEDS_POSTGRES}`, () => {
  const cluster = postgresBin() ? new PgCluster() : undefined;
  let dir = '';
  beforeAll(async () => {
    ensureBuilt();
    await cluster?.start();
    dir = mkdtempSync(join(tmpdir(), 'solieu-queue-'));
  }, 300_000);
  afterAll(() => {
    for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('ingest --queue and 3 worker processes store what a plain SQLite ingest stores: the same export', async () => {
    if (!cluster) return;
    const files = FILES.map((f) => join(REPORTS, f));
    const plain = join(dir, 'plain.db');
    expect(solieu(['ingest', ...files, '--db', plain, '--quiet'])).toMatchObject({ code: 0 });
    const url = await cluster.freshDatabase();
    const queued = solieu(['ingest', ...files, '--queue', '--db', url, '--quiet']);
    expect(queued).toMatchObject({ code: 0 });
    expect(queued.stdout).toMatch(new RegExp(`^queued ${FILES.length} of ${FILES.length} file\\(s\\), 0 skipped`));
    // the same files again: every job is queued already
    expect(solieu(['ingest', ...files, '--queue', '--db', url, '--quiet']).stdout).toMatch(
      new RegExp(`^queued 0 of ${FILES.length} file\\(s\\), ${FILES.length} skipped`),
    );
    const workers = [0, 1, 2].map(() => finished(solieuBackground(['worker', '--db', url, '--drain'])));
    const ends = await Promise.all(workers);
    for (const w of ends) expect({ code: w.code, err: w.err.split('\n').filter((l) => l.startsWith('✗')) }).toEqual({ code: 0, err: [] });
    const stored = ends.map((w) => Number(/(\d+) document\(s\) stored/.exec(w.out)?.[1] ?? NaN));
    expect(stored.reduce((a, b) => a + b, 0)).toBe(FILES.length);
    expect(exported(url, dir, 'queued')).toBe(exported(plain, dir, 'plain'));
    const status = solieu(['status', '--db', url]);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(new RegExp(`queue: 0 waiting, 0 running, ${FILES.length} done, 0 failed`));
    expect(status.stdout).toMatch(/workers seen: 3/);
  });

  const CORPUS = join(ROOT, '..', 'shared', 'corpus');
  const corpusFiles = existsSync(CORPUS)
    ? readdirSync(CORPUS)
        .filter((f) => /\.(txt|pdf|docx|doc)$/.test(f))
        .sort()
        .map((f) => join(CORPUS, f))
    : [];
  (corpusFiles.length ? it : it.skip)(
    `the real corpus, scans read by OCR included, through the queue by 3 workers: the same export as a plain SQLite ingest ${corpusFiles.length ? '' : needs('../shared/corpus beside the clone')}`,
    async () => {
      if (!cluster) return;
      const plain = join(dir, 'corpus.db');
      expect(solieu(['ingest', ...corpusFiles, '--db', plain, '--quiet'])).toMatchObject({ code: 0 });
      const url = await cluster.freshDatabase();
      expect(solieu(['ingest', ...corpusFiles, '--queue', '--db', url, '--quiet'])).toMatchObject({ code: 0 });
      const ends = await Promise.all([0, 1, 2].map(() => finished(solieuBackground(['worker', '--db', url, '--drain', '--quiet']))));
      for (const w of ends) expect(w.code).toBe(0);
      const queued = exported(url, dir, 'corpus-queued');
      expect(queued.split('\n').length).toBeGreaterThan(1000);
      expect(queued).toBe(exported(plain, dir, 'corpus-plain'));
    },
    900_000,
  );

  it('a worker killed with SIGKILL in the middle of a document loses its lease; another finishes the batch, every document once', async () => {
    if (!cluster) return;
    const url = await cluster.freshDatabase();
    const files = FILES.map((f) => join(REPORTS, f));
    expect(solieu(['ingest', ...files, '--queue', '--db', url, '--quiet', '--lease', '3', '--retry-delay', '0'])).toMatchObject({ code: 0 });
    const lease = ['--supervise-every', '1'];
    const doomed = solieuBackground(['worker', '--db', url, ...lease]);
    started.push(doomed);
    const killedOn = await new Promise<string>((resolve) => {
      let err = '';
      doomed.stderr?.on('data', (d: Buffer) => {
        err += d.toString();
        const reading = [...err.matchAll(/^… (.+): reading/gm)];
        // its second document: the first is committed, the second is being read when the kill comes
        if (reading.length >= 2) {
          doomed.kill('SIGKILL');
          resolve(reading[1][1]);
        }
      });
    });
    const killed = await finished(doomed);
    expect(killed.signal).toBe('SIGKILL');
    const rescuer = await finished(solieuBackground(['worker', '--db', url, '--drain', ...lease]));
    expect(rescuer.code).toBe(0);
    expect(rescuer.err).toMatch(new RegExp(`… ${killedOn.replace(/[.]/g, '\\.')}: reading \\(try 2\\)`));
    const db = await openDb(url, { readonly: true });
    try {
      const docs = (await sql<{ name: string; n: number }>`SELECT name, COUNT(*) AS n FROM documents GROUP BY name ORDER BY name`.execute(db.q)).rows;
      expect(docs).toEqual(FILES.map((name) => ({ name, n: 1 })));
      const dupFacts = (await sql`SELECT doc_id, idx FROM facts GROUP BY doc_id, idx HAVING COUNT(*) > 1`.execute(db.q)).rows;
      expect(dupFacts).toEqual([]);
    } finally {
      await db.close();
    }
    const plain = join(dir, 'plain-kill.db');
    expect(solieu(['ingest', ...files, '--db', plain, '--quiet'])).toMatchObject({ code: 0 });
    expect(exported(url, dir, 'after-kill')).toBe(exported(plain, dir, 'plain-kill'));
  });

  it('a file that crashes its worker is retried with backoff and, after the last try, failed with its reason', async () => {
    if (!cluster) return;
    const url = await cluster.freshDatabase();
    const bad = 'bao-cao-quy-3-2023.docx';
    const files = [join(REPORTS, bad), join(REPORTS, 'bao-cao-thang-8-2021.txt')];
    expect(solieu(['ingest', ...files, '--queue', '--db', url, '--quiet', '--retries', '2', '--retry-delay', '1'])).toMatchObject({ code: 0 });
    const run = spawn(process.execPath, [join(ROOT, 'bin', 'solieu.js'), 'worker', '--db', url, '--drain', '--supervise-every', '1'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, SOLIEU_FAULT_THROW_ON: 'quy-3' },
    });
    const w = await finished(run);
    expect(w.code).toBe(0);
    const tries = [...w.err.matchAll(/^✗ bao-cao-quy-3-2023\.docx: injected fault.*$/gm)].map((m) => m[0]);
    expect(tries).toHaveLength(3);
    expect(tries[2]).toMatch(/\(failed for good\)$/);
    expect(w.out).toMatch(/1 document\(s\) stored, 1 failed/);
    const status = solieu(['status', '--db', url]);
    expect(status.stdout).toMatch(/queue: 0 waiting, 0 running, 1 done, 1 failed/);
    expect(status.stdout).toMatch(/failed: bao-cao-quy-3-2023\.docx after 3 tries: .*injected fault/);
    const show = solieu(['show', bad, '--db', url]);
    expect(show.stdout).toMatch(/status\s+failed/);
    expect(show.stdout).toMatch(/queue:pipeline-died: injected fault/);
  });
});
