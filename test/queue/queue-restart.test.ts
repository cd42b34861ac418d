import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { sql } from 'kysely';
import { openDb } from '../../src/store/open-db.js';
import { ensureBuilt, ROOT, solieu, solieuBackground } from '../cli/cli-harness.js';
import { NEEDS_POSTGRES, PgCluster, postgresBin } from '../store/pg-cluster.js';

const REPORTS = join(ROOT, 'fixtures/reports');
const FILES = readdirSync(REPORTS)
  .filter((f) => /\.(txt|pdf|docx)$/.test(f))
  .sort();

let worker: ChildProcess | undefined;

(postgresBin() ? describe : describe.skip)(`the job queue across a database restart ${postgresBin() ? '' : NEEDS_POSTGRES}`, () => {
  const cluster = postgresBin() ? new PgCluster() : undefined;
  let dir = '';
  beforeAll(async () => {
    ensureBuilt();
    await cluster?.start();
    dir = mkdtempSync(join(tmpdir(), 'solieu-queue-restart-'));
  }, 300_000);
  afterAll(() => {
    if (worker && worker.exitCode === null && worker.signalCode === null) worker.kill('SIGKILL');
    cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a worker with jobs left goes on after the server is stopped and started again: the batch finishes, every document once', async () => {
    if (!cluster) return;
    const url = await cluster.freshDatabase();
    const files = FILES.map((f) => join(REPORTS, f));
    expect(solieu(['ingest', ...files, '--queue', '--db', url, '--quiet', '--lease', '5', '--retry-delay', '1'])).toMatchObject({ code: 0 });
    const child = solieuBackground(['worker', '--db', url, '--drain', '--supervise-every', '1']);
    worker = child;
    let out = '';
    let err = '';
    child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    // the server goes down once the worker has stored its first document and is reading the next
    await new Promise<void>((resolve) => {
      child.stderr?.on('data', (d: Buffer) => {
        err += d.toString();
        if (/^✓ /m.test(err) && /^… .*: reading/m.test(err.slice(err.search(/^✓ /m)))) resolve();
      });
    });
    const before = err.length;
    cluster.stopServer();
    try {
      await new Promise((resolve) => setTimeout(resolve, 3000));
    } finally {
      cluster.startServer();
    }
    expect(child.exitCode === null ? 'running' : `exited ${child.exitCode}: ${err}`).toBe('running'); // it did not die of the lost connection
    const end = await exited;
    expect({ ...end, out }).toMatchObject({ code: 0, signal: null, out: expect.stringMatching(/worker: \d+ document\(s\) stored, 0 failed/) });
    // the outage is said in one line (not once a poll)
    const outage = err
      .slice(before)
      .split('\n')
      .filter((l) => l.startsWith('solieu: queue:'));
    expect(outage).toEqual([expect.stringMatching(/^solieu: queue: the connection to the database server was lost \(.*\); going on/)]);
    const db = await openDb(url, { readonly: true });
    try {
      const docs = (await sql<{ name: string; n: number }>`SELECT name, COUNT(*) AS n FROM documents GROUP BY name ORDER BY name`.execute(db.q)).rows;
      expect(docs).toEqual(FILES.map((name) => ({ name, n: 1 })));
    } finally {
      await db.close();
    }
    const plain = join(dir, 'plain.db');
    expect(solieu(['ingest', ...files, '--db', plain, '--quiet'])).toMatchObject({ code: 0 });
    const exported = (db: string, name: string) => {
      const file = join(dir, `${name}.jsonl`);
      expect(solieu(['export', '--format', 'jsonl', '--out', file, '--db', db])).toMatchObject({ code: 0 });
      return readFileSync(file, 'utf8');
    };
    expect(exported(url, 'restarted')).toBe(exported(plain, 'plain'));
    const status = solieu(['status', '--db', url]);
    expect(status.stdout).toMatch(new RegExp(`queue: 0 waiting, 0 running, ${FILES.length} done, 0 failed`));
  }, 300_000);
});
