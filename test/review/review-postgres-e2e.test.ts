/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { ExportRow } from '../../schemas/fact.js';
import { ensureBuilt, ROOT, solieu } from '../cli/cli-harness.js';
import { CHROMIUM, launchChromium } from './headless-chromium.js';
import { NEEDS_CHROMIUM, needs } from '../needs.js';
import { NEEDS_POSTGRES, PgCluster, postgresBin } from '../store/pg-cluster.js';

/**
 * Review on PostgreSQL (issue 14): two reviewers in two offices — two `solieu review` processes
 * on one PostgreSQL database filled by `solieu ingest` — open the same fact in Chromium and
 * correct it; the first is saved, the second is answered 409 and the page says so and shows the
 * saved value; `solieu export` from PostgreSQL carries the correction.
 */
/** A real report of the shared corpus (a text PDF). */
const REPORT = join(ROOT, '..', 'shared', 'corpus', '003.pdf');
const missing = [
  existsSync(CHROMIUM) ? '' : NEEDS_CHROMIUM,
  postgresBin() ? '' : NEEDS_POSTGRES,
  existsSync(REPORT) ? '' : needs('../shared/corpus beside the clone'),
].filter(Boolean);
const e2e = missing.length ? (name: string, fn: () => unknown, timeout?: number) => test.skip(`${name} ${missing.join(' ')}`, fn as () => void, timeout) : test;

const REVIEWER_A = 'Người duyệt Hà Nội';
const REVIEWER_B = 'Người duyệt Cần Thơ';

let dir = '';
let url = '';
let cluster: PgCluster | undefined;
let browser: Browser | undefined;
const servers: ChildProcess[] = [];
const origins: string[] = [];
/** What must never happen: a dialog, a script error, an error in the console other than the expected 409. */
const incidents: string[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** Start `solieu review` on the database as `reviewer`; its origin once it listens. */
async function startReview(reviewer: string, db = url): Promise<string> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'solieu.js'), 'review', '--db', db, '--port', String(port), '--reviewer', reviewer], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  servers.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /open (http:\/\/\S+)/.exec(out);
      if (m) resolve(new URL(m[1]).origin);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`solieu review exited with ${code}: ${out}`)));
  });
}

beforeAll(async () => {
  if (missing.length) return;
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'solieu-review-pg-'));
  cluster = new PgCluster();
  await cluster.start();
  url = await cluster.freshDatabase();
  expect(solieu(['ingest', REPORT, '--db', url, '--quiet', '--ocr', 'never'])).toMatchObject({ code: 0 });
  origins.push(await startReview(REVIEWER_A), await startReview(REVIEWER_B));
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all(
    servers.map(
      (s) =>
        new Promise<void>((resolve) => {
          if (s.exitCode !== null || s.signalCode !== null) return resolve();
          s.once('exit', () => resolve());
          s.kill('SIGTERM');
        }),
    ),
  );
  cluster?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Wait until the fact panel's crop of the page has loaded. */
async function cropShown(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const img = document.getElementById('crop-img') as HTMLImageElement | null;
    return (img?.complete && img.naturalWidth > 0) === true;
  });
}

async function openPage(origin: string): Promise<Page> {
  if (!browser) throw new Error('no browser');
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  page.on('dialog', (d) => {
    incidents.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('pageerror', (e) => incidents.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 409/.test(m.text())) incidents.push(`console: ${m.text()}`);
  });
  await page.goto(`${origin}/#status=all`);
  await page.waitForSelector('#queue li');
  await page.waitForSelector('#sentence mark');
  return page;
}

const selectedQuote = (page: Page) => page.$eval('#sentence mark', (m) => m.textContent ?? '');

/** Press e, type the value over the old one, Enter; the answer of the decision request. */
async function correctValue(page: Page, value: string): Promise<{ status: number; body: unknown }> {
  await page.keyboard.press('e');
  await page.waitForFunction(() => document.activeElement?.id === 'fld-value');
  await page.keyboard.type(value);
  const answer = page.waitForResponse((r) => r.request().method() === 'POST' && /\/api\/facts\/\d+\/decision$/.test(r.url()));
  await page.keyboard.press('Enter');
  const r = await answer;
  return { status: r.status(), body: await r.json() };
}

describe('review on PostgreSQL, two reviewers on one database', () => {
  e2e(
    'the first correction is saved, the second is refused with 409 and told so, and solieu export from PostgreSQL carries the first',
    async () => {
      const [origin1, origin2] = origins;
      const a = await openPage(origin1);
      const b = await openPage(origin2);
      // both servers list the same facts of the one database, the first selected
      const quote = await selectedQuote(a);
      expect(quote).not.toBe('');
      expect(await selectedQuote(b)).toBe(quote);
      const before = await a.inputValue('#fld-value');
      expect(await b.inputValue('#fld-value')).toBe(before);
      expect(before).not.toBe('777');
      // the fact's crop of its page, drawn from the source file the database points to
      await cropShown(a);

      const first = await correctValue(a, '777');
      expect(first.status).toBe(200);
      await a.waitForFunction(() => /^Đã sửa: .*\(phiên bản 2\)/.test(document.querySelector('#msg')?.textContent ?? ''));

      const second = await correctValue(b, '888');
      expect(second.status).toBe(409);
      expect(second.body).toMatchObject({ current: { version: 2, status: 'corrected', value: 777 } });
      await b.waitForFunction(() => /Người khác vừa thay đổi số liệu này \(nay là phiên bản 2\)/.test(document.querySelector('#msg')?.textContent ?? ''));
      await expect(b.getAttribute('#msg', 'class')).resolves.toContain('error');
      // the stale page now shows what was saved, and who saved it
      await b.waitForFunction(() => (document.getElementById('fld-value') as HTMLInputElement | null)?.value === '777');
      await b.waitForFunction((who) => document.querySelector('#history')?.textContent?.includes(who) ?? false, REVIEWER_A);
      await expect(b.textContent('#history')).resolves.toContain(`value: ${before} → 777`);
      await a.close();
      await b.close();

      const out = join(dir, 'export.jsonl');
      expect(solieu(['export', '--format', 'jsonl', '--out', out, '--db', url])).toMatchObject({ code: 0 });
      const rows = readFileSync(out, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as ExportRow);
      const corrected = rows.filter((r) => r.status === 'corrected');
      expect(corrected.map((r) => ({ quote: r.quote, value: r.value }))).toEqual([{ quote, value: 777 }]);
      expect(rows.some((r) => r.value === 888)).toBe(false);
      expect(incidents).toEqual([]);
    },
    180_000,
  );

  e2e(
    'a document read through the queue shows its page when the folder it was queued from is gone: the bytes stored in PostgreSQL',
    async () => {
      if (!cluster) return;
      const queued = await cluster.freshDatabase();
      const folder = join(dir, 'queued-from');
      mkdirSync(folder);
      const copy = join(folder, '003.pdf');
      copyFileSync(REPORT, copy);
      expect(solieu(['ingest', copy, '--queue', '--db', queued, '--quiet'])).toMatchObject({ code: 0 });
      expect(solieu(['worker', '--db', queued, '--drain', '--quiet', '--ocr', 'never'])).toMatchObject({ code: 0 });
      rmSync(folder, { recursive: true }); // another office: the review server does not see this folder
      const page = await openPage(await startReview(REVIEWER_B, queued));
      await cropShown(page);
      await page.close();
      expect(incidents).toEqual([]);
    },
    180_000,
  );
});
