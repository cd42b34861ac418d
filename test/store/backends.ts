import { describe } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NEEDS_POSTGRES, PgCluster, postgresBin } from './pg-cluster.js';

/** One of the two databases a store test runs on. */
export interface TestBackend {
  name: 'sqlite' | 'postgres';
  /** Where a new, empty database is: an SQLite file path or a postgres:// URL, for `openDb` and `--db`. */
  fresh(): Promise<string>;
  /** The PostgreSQL cluster (postgres only): to restart the server, say. */
  cluster?: PgCluster;
}

/**
 * Run a block of tests on SQLite and on PostgreSQL — a real server, a throw-away cluster for
 * the test file (`pg-cluster.ts`). Where PostgreSQL is not installed the PostgreSQL block is
 * skipped with the `[needs PostgreSQL …]` suffix, which the skip reporter lists.
 */
export function onEachBackend(fn: (backend: TestBackend) => void): void {
  describe('on SQLite', () => {
    const dirs: string[] = [];
    afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
    fn({
      name: 'sqlite',
      fresh: async () => {
        const dir = mkdtempSync(join(tmpdir(), 'solieu-store-'));
        dirs.push(dir);
        return join(dir, 'solieu.db');
      },
    });
  });
  if (!postgresBin()) {
    describe.skip(`on PostgreSQL ${NEEDS_POSTGRES}`, () => fn({ name: 'postgres', fresh: () => Promise.reject(new Error('skipped')) }));
    return;
  }
  describe('on PostgreSQL', () => {
    const cluster = new PgCluster();
    beforeAll(() => cluster.start(), 120_000);
    afterAll(() => cluster.stop());
    fn({ name: 'postgres', fresh: () => cluster.freshDatabase(), cluster });
  });
}
