/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startReviewServer, type ReviewServer } from '../../src/review/review-server.js';
import { DocumentStore } from '../../src/store/document-store.js';
import { openDb } from '../../src/store/open-db.js';
import { haveChromium, launchChromium } from './headless-chromium.js';
import { NEEDS_CHROMIUM } from '../needs.js';
import { reviewDocument } from './review-fixture.js';

const e2e = haveChromium ? test : (name: string, fn: () => unknown, timeout?: number) => test.skip(`${name} ${NEEDS_CHROMIUM}`, fn as () => void, timeout);

let dir: string;
let server: ReviewServer;
let browser: Browser;
let second: string;

beforeAll(async () => {
  if (!haveChromium) return;
  dir = mkdtempSync(join(tmpdir(), 'solieu-review-filter-'));
  const dbPath = join(dir, 'review.db');
  const db = await openDb(dbPath);
  const store = new DocumentStore(db);
  await store.save(reviewDocument('bao-cao-a.txt'), 'test-1');
  const b = reviewDocument('bao-cao-b.txt', ' Ghi chú thêm.');
  await store.save(b, 'test-1');
  second = b.id;
  await db.close();
  server = await startReviewServer({ db: dbPath, port: 0, reviewer: 'Kiểm thử' });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a filtered review address', () => {
  e2e(
    "#doc=… shows that document's facts only, on first load and after a reload",
    async () => {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const queueRequests: string[] = [];
      page.on('request', (r) => {
        if (r.url().includes('/api/queue')) queueRequests.push(new URL(r.url()).searchParams.get('doc') ?? '');
      });
      const files = () => page.$$eval('#queue li', (lis) => lis.length);
      await page.goto(`${server.url}#doc=${second}&status=auto`);
      await page.waitForSelector('#queue li');
      expect(await files()).toBe(5);
      await expect(page.$eval('#f-doc', (s) => (s as HTMLSelectElement).value)).resolves.toBe(second);
      await page.reload();
      await page.waitForSelector('#queue li');
      expect(await files()).toBe(5);
      await expect(page.$eval('#f-doc', (s) => (s as HTMLSelectElement).value)).resolves.toBe(second);
      expect(page.url()).toContain(`doc=${second}`);
      // every queue the page asked for was the filtered one
      expect(queueRequests.length).toBeGreaterThanOrEqual(2);
      expect(queueRequests.every((d) => d === second)).toBe(true);
      // choosing all documents still works after the address set one
      await page.selectOption('#f-doc', '');
      await page.waitForFunction(() => document.querySelectorAll('#queue li').length === 10);
      expect(errors).toEqual([]);
    },
    60_000,
  );
});
