/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { writeCsv } from '../../src/export/csv-writer.js';
import { startReviewServer, type ReviewServer } from '../../src/review/review-server.js';
import { queryFacts, toExportRow } from '../../src/store/fact-query.js';
import { openDb } from '../../src/store/open-db.js';
import { ATTR_ATTACK, reviewDb, SCRIPT_ATTACK } from './review-fixture.js';
import { CHROMIUM, haveChromium, launchChromium } from './headless-chromium.js';
import { NEEDS_CHROMIUM } from '../needs.js';

const OUT = join(process.cwd(), 'test-output');
if (!haveChromium) {
  console.warn(`review end-to-end test SKIPPED: ${CHROMIUM} is absent (install it with scripts/install-chromium.sh)`);
}
/** Each end-to-end test; without Chromium skipped, with `[needs …]` in its name for the skip reporter. */
const e2e = haveChromium ? test : (name: string, fn: () => unknown, timeout?: number) => test.skip(`${name} ${NEEDS_CHROMIUM}`, fn as () => void, timeout);

let dir: string;
let dbPath: string;
let server: ReviewServer;
let browser: Browser;
/** What must never happen: a dialog (alert) opened by injected markup, or a script error. */
const incidents: string[] = [];

beforeAll(async () => {
  if (!haveChromium) return;
  dir = mkdtempSync(join(tmpdir(), 'solieu-review-e2e-'));
  dbPath = join(dir, 'review.db');
  await (await reviewDb(dbPath)).db.close();
  server = await startReviewServer({ db: dbPath, port: 0, reviewer: 'Kiểm thử' });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function openPage(width: number, height: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height } });
  page.on('dialog', (d) => {
    incidents.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('pageerror', (e) => incidents.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    // The browser logs every non-2xx answer; a 409 is the expected answer to a stale decision.
    if (m.type() === 'error' && !/status of 409/.test(m.text())) incidents.push(`console: ${m.text()}`);
  });
  return page;
}

/** The queue rows as [quote, status badge]. */
async function rows(page: Page): Promise<[string, string][]> {
  return page.$$eval('#queue li', (lis) =>
    lis.map((li) => [li.querySelector('.q')?.firstChild?.textContent ?? '', li.querySelector('.badge')?.textContent ?? ''] as [string, string]),
  );
}

async function selectedQuote(page: Page): Promise<string> {
  return page.$eval('#sentence mark', (m) => m.textContent ?? '');
}

describe('review in a real browser', () => {
  e2e('a reviewer corrects one fact and rejects another with the keyboard; both persist and reach the CSV export', async () => {
    const page = await openPage(1366, 768);
    await page.goto(server.url);
    await page.waitForSelector('#queue li');
    expect((await rows(page)).map((r) => r[0])).toEqual(['1.234.567 thuê bao', '42 trạm', '87,5%', '5%', '1.150,5 tỷ đồng']);
    await expect(page.textContent('#remaining')).resolves.toBe('Còn lại 5 / 5');
    expect(await selectedQuote(page)).toBe('1.234.567 thuê bao');
    const keys = await page.textContent('footer.keys');
    for (const k of ['a', 'r', 'e', 'j', 'k', 'u', 'Enter', 'Esc']) expect(keys).toContain(k);

    // Correct the value: e, type, Enter.
    await page.keyboard.press('e');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('fld-value');
    await page.keyboard.type('1234568');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('#sentence mark')?.textContent === '42 trạm');

    // The next fact carries hostile markup in its sentence and metric: shown as text, never run.
    await expect(page.textContent('#sentence')).resolves.toContain(SCRIPT_ATTACK);
    await expect(page.textContent('#sentence')).resolves.toContain(ATTR_ATTACK);
    await expect(page.inputValue('#fld-metric')).resolves.toContain(SCRIPT_ATTACK);
    expect(await page.$$eval('#sentence *, #meta *, #queue *', (els) => els.filter((e) => ['SCRIPT', 'IMG'].includes(e.tagName)).length)).toBe(0);

    // Reject it.
    await page.keyboard.press('r');
    await page.waitForFunction(() => document.querySelector('#sentence mark')?.textContent === '87,5%');
    await expect(page.textContent('#remaining')).resolves.toBe('Còn lại 3 / 5');

    // Save a screenshot of the review screen at 1366×768 (with the long metric phrase on screen).
    mkdirSync(OUT, { recursive: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await page.screenshot({ path: join(OUT, 'review.png') });

    // Reload: the decided facts left the "to review" queue; with all statuses they show as decided.
    await page.reload();
    await page.waitForSelector('#queue li');
    expect((await rows(page)).map((r) => r[0])).toEqual(['87,5%', '5%', '1.150,5 tỷ đồng']);
    await page.selectOption('#f-status', 'all');
    await page.waitForFunction(() => document.querySelectorAll('#queue li').length === 5);
    const all = await rows(page);
    expect(all.slice(0, 2)).toEqual([
      ['1.234.567 thuê bao', 'đã sửa'],
      ['42 trạm', 'đã loại'],
    ]);
    await page.click('#queue li:first-child');
    await page.waitForFunction(() => document.querySelector('#sentence mark')?.textContent === '1.234.567 thuê bao');
    await page.waitForFunction(() => (document.getElementById('fld-value') as HTMLInputElement).value === '1234568');
    await expect(page.textContent('#history')).resolves.toContain('value: 1234567 → 1234568');
    await expect(page.textContent('#history')).resolves.toContain('Kiểm thử');

    // The same screen on a 1920×1080 display.
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.click('#queue li:nth-child(3)');
    await page.waitForFunction(() => document.querySelector('#sentence mark')?.textContent === '87,5%');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await page.screenshot({ path: join(OUT, 'review-1920.png') });
    await page.close();

    // Export: the reviewed value and statuses are in the CSV.
    const db = await openDb(dbPath, { readonly: true });
    const csvPath = join(OUT, 'review-export.csv');
    try {
      await writeCsv((await queryFacts(db)).map(toExportRow), csvPath);
    } finally {
      await db.close();
    }
    const lines = readFileSync(csvPath, 'utf8').split('\r\n');
    const corrected = lines.find((l) => l.includes(',1.234.567 thuê bao,'));
    const rejected = lines.find((l) => l.includes(',42 trạm,'));
    // the base value follows the corrected value (issue 15: the base columns never go stale)
    expect(corrected).toMatch(/,1234568,thuê bao,1234568,thuê bao,/);
    // status, then the two table columns (empty for a fact from a sentence)
    expect(corrected).toMatch(/,corrected,,$/);
    expect(rejected).toMatch(/,rejected,,$/);
    expect(lines.find((l) => l.includes(',87,5%,') || l.includes(',"87,5%",'))).toMatch(/,auto,,$/);
    expect(incidents).toEqual([]);
  });

  e2e('a stale page is told when someone else decided first, and undo restores the earlier state', async () => {
    const a = await openPage(1366, 768);
    const b = await openPage(1366, 768);
    await a.goto(`${server.origin}/#status=all&fact=0`);
    await b.goto(`${server.origin}/#status=all`);
    await a.waitForSelector('#queue li');
    await b.waitForSelector('#queue li');
    // Both look at "87,5%" (third row); A accepts first, B's reject is refused with the newer version.
    await a.click('#queue li:nth-child(3)');
    await b.click('#queue li:nth-child(3)');
    await a.waitForFunction(() => document.querySelector('#sentence mark')?.textContent === '87,5%');
    await b.waitForFunction(() => document.querySelector('#sentence mark')?.textContent === '87,5%');
    await a.keyboard.press('a');
    await a.waitForFunction(() => document.querySelector('#msg')?.textContent?.startsWith('Đã chấp nhận'));
    await b.keyboard.press('r');
    await b.waitForFunction(() => /phiên bản 2/.test(document.querySelector('#msg')?.textContent ?? ''));
    await expect(b.getAttribute('#msg', 'class')).resolves.toContain('error');
    // A undoes its acceptance with u.
    await a.keyboard.press('u');
    await a.waitForFunction(() => document.querySelector('#msg')?.textContent?.startsWith('Đã hoàn tác'));
    const db = await openDb(dbPath, { readonly: true });
    try {
      expect((await queryFacts(db)).find((f) => f.quote === '87,5%')).toMatchObject({ status: 'auto', version: 3 });
    } finally {
      await db.close();
    }
    await a.close();
    await b.close();
    expect(incidents).toEqual([]);
  });
});
