import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ensureBuilt, solieu, solieuBackground } from './cli-harness.js';

const FILES = 40;

function storedCount(db: string): number {
  try {
    const sql = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (sql.prepare('SELECT COUNT(*) n FROM documents').get() as { n: number }).n;
    } finally {
      sql.close();
    }
  } catch {
    return 0; // not created yet, or the schema is still being written
  }
}

describe('a batch killed with SIGKILL and run again', () => {
  it('finishes without duplicates or half-written documents', async () => {
    ensureBuilt();
    const dir = mkdtempSync(join(tmpdir(), 'solieu-resume-'));
    const input = join(dir, 'archive');
    mkdirSync(input);
    const texts = ['002', '003', '004'].map((k) => readFileSync(`../shared/corpus/${k}.source.txt`, 'utf8'));
    for (let i = 0; i < FILES; i++) {
      // Vary the content so every file is a distinct document (content hash).
      writeFileSync(join(input, `report-${String(i).padStart(3, '0')}.txt`), `${texts[i % 3]}\n\nBản lưu số ${i}.\n`);
    }
    const db = join(dir, 'archive.db');
    const child = solieuBackground(['ingest', input, '--db', db, '--concurrency', '2', '--quiet']);
    const killedAt = await new Promise<number>((resolve, reject) => {
      const timer = setInterval(() => {
        const n = storedCount(db);
        if (n >= 3) {
          clearInterval(timer);
          child.kill('SIGKILL');
          resolve(n);
        }
      }, 50);
      child.on('exit', () => {
        clearInterval(timer);
        reject(new Error('the batch finished before it could be killed; make it longer'));
      });
    });
    await new Promise((r) => child.once('exit', r));
    expect(killedAt).toBeLessThan(FILES);

    const rerun = solieu(['ingest', input, '--db', db, '--concurrency', '2', '--quiet']);
    expect(rerun.code).toBe(0);
    const sql = new Database(db, { readonly: true });
    const docs = sql
      .prepare(
        `SELECT d.name, d.status, (SELECT COUNT(*) FROM blocks b WHERE b.doc_id = d.id) AS blocks,
           (SELECT COUNT(*) FROM facts f WHERE f.doc_id = d.id) AS facts FROM documents d ORDER BY d.name`,
      )
      .all() as { name: string; status: string; blocks: number; facts: number }[];
    sql.close();
    expect(docs).toHaveLength(FILES);
    expect(new Set(docs.map((d) => d.name)).size).toBe(FILES);
    expect(docs.every((d) => d.status === 'ok' && d.blocks > 0)).toBe(true);
    // Every copy of the same report has the same number of facts: none was half-written.
    for (let k = 0; k < 3; k++) {
      const counts = new Set(docs.filter((_, i) => i % 3 === k).map((d) => d.facts));
      expect(counts.size).toBe(1);
    }
    // What was committed before the kill is not processed again.
    const skipped = Number(/(\d+) skipped/.exec(rerun.stdout)?.[1]);
    expect(skipped).toBeGreaterThanOrEqual(killedAt);
    expect(skipped).toBeLessThan(FILES);
  });
});
