import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, solieu } from './cli-harness.js';

const FIXTURE = 'fixtures/reports/bao-cao-thang-8-2021.txt';

describe('solieu compare, facts and the other read commands', () => {
  const dir = mkdtempSync(join(tmpdir(), 'solieu-read-'));
  const db = join(dir, 'read.db');

  beforeAll(() => {
    ensureBuilt();
    const r = solieu(['ingest', FIXTURE, '--db', db, '--ocr', 'never']);
    if (r.code !== 0) throw new Error(`ingest of the fixture failed: ${r.stdout}${r.stderr}`);
  });

  it('compare --metric with words that fit several metrics lists them by id, and one of the ids then works', () => {
    const r = solieu(['compare', '--metric', 'thuê bao', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/"thuê bao" names no single metric; \d+ catalog metrics could be meant — pick one with --metric <id>/);
    expect(r.stderr).toMatch(/^ {2}mobile-subscribers +Thuê bao điện thoại di động$/m);
    const picked = solieu(['compare', '--metric', 'mobile-subscribers', '--db', db]);
    expect(picked.code).toBe(0);
    expect(picked.stdout.split('\n')[0]).toBe('Thuê bao điện thoại di động (mobile-subscribers)');
  });
});
