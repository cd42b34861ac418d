import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { printable } from '../../src/cli/printable.js';
import { ensureBuilt, ROOT } from './cli-harness.js';

const GOOD = join(ROOT, 'fixtures/reports/bao-cao-thang-8-2021.txt');

/** Run the CLI with a time limit; as `uid` when given (to make a folder unreadable to it while root). */
function run(args: string[], uid?: number) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/solieu.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    ...(uid !== undefined ? { uid, gid: uid } : {}),
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

const stored = (db: string) => {
  const sql = new Database(db, { readonly: true });
  const rows = sql.prepare('SELECT name, status FROM documents ORDER BY name').all();
  sql.close();
  return rows;
};

describe('solieu ingest on inputs that are not regular files', () => {
  beforeAll(() => ensureBuilt());

  it('skips a symbolic link to a device and a FIFO named .txt, in a folder or given by name, with a message, and reads the rest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'solieu-special-'));
    copyFileSync(GOOD, join(dir, 'good.txt'));
    symlinkSync('/dev/zero', join(dir, 'zero.txt'));
    execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
    const db = join(dir, 'special.db');
    const r = run(['ingest', dir, join(dir, 'zero.txt'), '--db', db, '--quiet', '--concurrency', '1']);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`solieu: ${join(dir, 'zero.txt')}: skipped, a character device, not a regular file\n`);
    expect(r.stderr).toContain(`solieu: ${join(dir, 'pipe.txt')}: skipped, a FIFO (named pipe), not a regular file\n`);
    expect(r.stdout).toMatch(/^ingested 1 file\(s\): 1 stored/);
    expect(stored(db)).toEqual([{ name: 'good.txt', status: 'ok' }]);
  });

  it('says which sub-folder it cannot read, and reads the others', () => {
    const dir = mkdtempSync(join(tmpdir(), 'solieu-unreadable-'));
    chmodSync(dir, 0o777);
    mkdirSync(join(dir, 'open'));
    mkdirSync(join(dir, 'closed'));
    copyFileSync(GOOD, join(dir, 'open', 'good.txt'));
    copyFileSync(GOOD, join(dir, 'closed', 'hidden.txt'));
    for (const d of ['open', 'closed']) chmodSync(join(dir, d), 0o755);
    chmodSync(join(dir, 'open', 'good.txt'), 0o644);
    chmodSync(join(dir, 'closed'), 0o000);
    // root reads every folder: the CLI runs as nobody then.
    const r = run(['ingest', dir, '--db', join(dir, 'unreadable.db'), '--quiet', '--concurrency', '1'], process.getuid?.() === 0 ? 65534 : undefined);
    chmodSync(join(dir, 'closed'), 0o755);
    expect(r.stderr).toContain(`solieu: ${join(dir, 'closed')}: cannot read this folder (permission denied); the files in it are skipped\n`);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^ingested 1 file\(s\): 1 stored/);
  });

  it('prints file names with control characters escaped, so a name cannot forge a line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'solieu-names-'));
    const name = 'x\rsolieu: ingest 10 of 10 files\x1b[2K\n.txt';
    writeFileSync(join(dir, name), '');
    copyFileSync(GOOD, join(dir, 'good.txt'));
    const r = run(['ingest', dir, '--db', join(dir, 'names.db'), '--quiet', '--concurrency', '1']);
    expect(r.code).toBe(1);
    const printed = printable(join(dir, name));
    expect(printed).toBe(`${dir}/x\\rsolieu: ingest 10 of 10 files\\x1b[2K\\n.txt`);
    expect(r.stderr).toContain(`✗ ${printed}: file is empty\n`);
    expect(r.stdout).toContain(`  failed: ${printed}: file is empty\n`);
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/[\r\x1b]/);
    const status = run(['status', '--db', join(dir, 'names.db')]);
    expect(status.stdout).toContain(`    ✗ ${printed}: file is empty\n`);
    expect(status.stdout).not.toMatch(/[\r\x1b]/);
  });
});

describe('printable', () => {
  it('escapes C0, DEL, C1 and bidi controls and leaves Vietnamese as it is', () => {
    expect(printable('Báo cáo tháng 8 – Sở TT&TT.pdf')).toBe('Báo cáo tháng 8 – Sở TT&TT.pdf');
    expect(printable('a\tb\u0007c\u007fd\u0085e\u202eF.txt')).toBe('a\\tb\\x07c\\x7fd\\x85e\\u202eF.txt');
  });
});
