import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../../src/store/open-db.js';
import { ClaimStore } from '../../src/store/claim-store.js';
import { ensureBuilt, solieu } from '../cli/cli-harness.js';

describe('claims on the files an ingest is reading', () => {
  const insert = (db: ReturnType<typeof openDb>, sha: string, pid: number, host: string, at: Date) =>
    db.prepare('INSERT OR REPLACE INTO claims (sha256, pid, host, claimed_at) VALUES (?, ?, ?, ?)').run(sha, pid, host, at.toISOString());

  it('refuses a file another live ingest holds, and takes over a dead or stale claim', () => {
    const db = openDb(':memory:');
    const claims = new ClaimStore(db);
    insert(db, 'a', process.ppid, hostname(), new Date());
    expect(claims.claim('a')).toBe(false);
    insert(db, 'b', 2 ** 22 + 12345, hostname(), new Date()); // no such process
    expect(claims.claim('b')).toBe(true);
    insert(db, 'c', 1, 'another-machine', new Date(Date.now() - 2 * 60 * 60 * 1000)); // two hours old
    expect(claims.claim('c')).toBe(true);
    insert(db, 'd', 1, 'another-machine', new Date());
    expect(claims.claim('d')).toBe(false);
    expect(claims.claim('e')).toBe(true);
    expect(claims.claim('e')).toBe(true); // its own claim again
    claims.release('e');
    expect(db.prepare('SELECT COUNT(*) AS n FROM claims WHERE sha256 = ?').get('e')).toEqual({ n: 0 });
    db.close();
  });

  it('makes a second ingest skip a file the first is reading, and leaves no claim behind', () => {
    ensureBuilt();
    const dir = mkdtempSync(join(tmpdir(), 'solieu-claims-'));
    const db = join(dir, 'c.db');
    const file = 'fixtures/reports/bao-cao-thang-8-2021.txt';
    const sha = createHash('sha256').update(readFileSync(file)).digest('hex');
    const store = openDb(db);
    insert(store, sha, process.pid, hostname(), new Date()); // this test process stands for the other ingest
    store.close();
    const r = solieu(['ingest', file, '--db', db, '--concurrency', '1']);
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).toMatch(/being read by another ingest; skipped/);
    const after = openDb(db);
    after.prepare('DELETE FROM claims').run();
    after.close();
    const again = solieu(['ingest', file, '--db', db, '--concurrency', '1']);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/1 stored/);
    const end = openDb(db);
    expect(end.prepare('SELECT COUNT(*) AS n FROM claims').get()).toEqual({ n: 0 });
    end.close();
  });
});
