import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { ensureBuilt, ROOT } from './cli-harness.js';

describe('solieu ingest when a worker dies', () => {
  it('ends the file it held failed with a reason, prints the summary and exits 1, even with that file the last in flight', () => {
    ensureBuilt();
    const dir = mkdtempSync(join(tmpdir(), 'solieu-crash-'));
    copyFileSync(join(ROOT, 'fixtures/reports/bao-cao-thang-8-2021.txt'), join(dir, 'a-good.txt'));
    writeFileSync(join(dir, 'z-dies.txt'), 'Báo cáo: trong tháng có 12 trạm BTS mới.\n');
    const db = join(dir, 'crash.db');
    // The worker given z-dies.txt ends 3 s later, when a-good.txt is long stored: z-dies.txt is the last file in flight.
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/solieu.js'), 'ingest', dir, '--db', db, '--concurrency', '2', '--quiet'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, SOLIEU_TEST_WORKER_FAULT: 'exit:z-dies.txt:3000' },
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^ingested 2 file\(s\): 1 stored \(0 partial\), 0 skipped \(already stored\), 1 failed;/);
    expect(r.stdout).toContain(`  failed: ${join(dir, 'z-dies.txt')}: the worker reading it died (exit code 70)\n`);
    const sql = new Database(db, { readonly: true });
    const docs = sql.prepare('SELECT name, status FROM documents ORDER BY name').all();
    expect(docs).toEqual([
      { name: 'a-good.txt', status: 'ok' },
      { name: 'z-dies.txt', status: 'failed' },
    ]);
    const run = sql.prepare('SELECT finished_at, failed FROM runs').get() as { finished_at: string | null; failed: number };
    expect(run.failed).toBe(1);
    expect(run.finished_at).not.toBeNull();
    sql.close();
  });
});
