import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { openDb } from '../../src/store/open-db.js';
import { ClaimStore } from '../../src/store/claim-store.js';
import type { Db } from '../../src/store/db.js';
import { ensureBuilt, solieu } from '../cli/cli-harness.js';
import { onEachBackend } from './backends.js';

const insert = async (db: Db, sha: string, pid: number, host: string, at: Date) => {
  await db.q.deleteFrom('claims').where('sha256', '=', sha).execute();
  await db.q.insertInto('claims').values({ sha256: sha, pid, host, claimed_at: at.toISOString() }).execute();
};

const claimCount = async (db: Db) =>
  (
    await db.q
      .selectFrom('claims')
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;

onEachBackend((backend) => {
  describe('claims on the files an ingest is reading', () => {
    it('refuses a file another live ingest holds, and takes over a dead or stale claim', async () => {
      const db = await openDb(await backend.fresh());
      const claims = new ClaimStore(db);
      await insert(db, 'a', process.ppid, hostname(), new Date());
      expect(await claims.claim('a')).toBe(false);
      await insert(db, 'b', 2 ** 22 + 12345, hostname(), new Date()); // no such process
      expect(await claims.claim('b')).toBe(true);
      await insert(db, 'c', 1, 'another-machine', new Date(Date.now() - 2 * 60 * 60 * 1000)); // two hours old
      expect(await claims.claim('c')).toBe(true);
      await insert(db, 'd', 1, 'another-machine', new Date());
      expect(await claims.claim('d')).toBe(false);
      expect(await claims.claim('e')).toBe(true);
      expect(await claims.claim('e')).toBe(true); // its own claim again
      await claims.release('e');
      expect(await db.q.selectFrom('claims').select('sha256').where('sha256', '=', 'e').execute()).toEqual([]);
      await db.close();
    });

    it('makes a second ingest skip a file the first is reading, and leaves no claim behind', async () => {
      ensureBuilt();
      const db = await backend.fresh();
      const file = 'fixtures/reports/bao-cao-thang-8-2021.txt';
      const sha = createHash('sha256').update(readFileSync(file)).digest('hex');
      const store = await openDb(db);
      await insert(store, sha, process.pid, hostname(), new Date()); // this test process stands for the other ingest
      const r = solieu(['ingest', file, '--db', db, '--concurrency', '1']);
      expect(r.code).toBe(0);
      expect(r.stdout + r.stderr).toMatch(/being read by another ingest; skipped/);
      await store.q.deleteFrom('claims').execute();
      const again = solieu(['ingest', file, '--db', db, '--concurrency', '1']);
      expect(again.code).toBe(0);
      expect(again.stdout).toMatch(/1 stored/);
      expect(await claimCount(store)).toBe(0);
      await store.close();
    });
  });
});
