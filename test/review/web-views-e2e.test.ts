/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import type { Browser, Page } from 'playwright-core';
import type { Aspect, FactKind } from '../../schemas/fact.js';
import type { BBox } from '../../schemas/provenance.js';
import { createReportPipeline } from '../../pipelines/report-pipeline.js';
import { runPipeline, SourceFile } from '../../src/core/run-pipeline.js';
import { pdfjsParams } from '../../src/read/pdf/pdf-document.js';
import { matchMetric } from '../../src/resolve/metric-matcher.js';
import { startReviewServer, type ReviewServer } from '../../src/review/review-server.js';
import { DocumentStore } from '../../src/store/document-store.js';
import { openDb } from '../../src/store/open-db.js';
import { ensureBuilt, solieu } from '../cli/cli-harness.js';
import { haveChromium, launchChromium } from './headless-chromium.js';
import { NEEDS_CHROMIUM } from '../needs.js';
import { SERIES, SERIES_PROVINCE, SLIP_QUOTE, seriesDocument } from './series-fixture.js';

const OUT = join(process.cwd(), 'test-output');
const FIXTURES = 'fixtures/reports';
const TABLE_PDF = '../shared/corpus-real/tables/t339.pdf';
/** The shared corpus's text PDFs, whose gold says which state telecom revenue. */
const CORPUS = ['002', '003', '004'].map((d) => `../shared/corpus/${d}.pdf`);
const e2e = haveChromium ? test : (name: string, fn: () => unknown, timeout?: number) => test.skip(`${name} ${NEEDS_CHROMIUM}`, fn as () => void, timeout);

let dir: string;
let dbPath: string;
let server: ReviewServer;
let browser: Browser;
const incidents: string[] = [];
/** Stored document ids by file name. */
const docIds = new Map<string, string>();

beforeAll(async () => {
  if (!haveChromium) return;
  dir = mkdtempSync(join(tmpdir(), 'solieu-web-views-'));
  dbPath = join(dir, 'web.db');
  const db = await openDb(dbPath);
  const store = new DocumentStore(db);
  const pipeline = createReportPipeline({ read: { ocr: 'never' } });
  const files = readdirSync(FIXTURES)
    .filter((f) => /\.(pdf|docx|txt)$/.test(f))
    .map((f) => join(FIXTURES, f));
  for (const path of [...files, ...CORPUS, TABLE_PDF]) {
    const doc = await runPipeline(pipeline, new SourceFile(path, await readFile(path)));
    await store.save(doc, 'test');
    docIds.set(path.split('/').pop() as string, doc.id);
  }
  for (const s of SERIES) await store.save(seriesDocument(s.period, s.value), 'test');
  await db.close();
  server = await startReviewServer({ db: dbPath, port: 0, reviewer: 'Kiểm thử' });
  browser = await launchChromium();
  mkdirSync(OUT, { recursive: true });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function openPage(width = 1366, height = 900): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height } });
  page.on('pageerror', (e) => incidents.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') incidents.push(`console: ${m.text()}`);
  });
  // the page works offline: nothing but this server is ever asked for
  page.on('request', (r) => {
    if (!r.url().startsWith(server.origin) && !r.url().startsWith('data:')) incidents.push(`request off the server: ${r.url()}`);
  });
  return page;
}

/** The series ECharts holds for the chart: each point's value (in the chart's unit) and its fact id and outlier flag. */
async function chartSeries(page: Page) {
  return page.evaluate(() => {
    const host = document.getElementById('chart') as HTMLElement;
    const instance = window.echarts?.getInstanceByDom(host);
    const option = instance?.getOption() as
      | { series: { name: string; data: ({ value: number; factId: number | null; outlier: string | null } | null)[] }[] }
      | undefined;
    return option?.series.map((s) => ({ name: s.name, data: s.data })) ?? [];
  });
}

interface CompareJson {
  rows: { province: string; value: number; period: string; fact_id: number; quote: string; file: string }[];
}

describe("the analyst's views in a real browser", () => {
  e2e(
    'the Compare view draws telecom revenue for every report that states it, its points equal to solieu compare --format json',
    async () => {
      ensureBuilt();
      const cli = solieu(['compare', '--metric', 'telecom-revenue', '--db', dbPath, '--format', 'json']);
      expect(cli.code).toBe(0);
      const expected = (JSON.parse(cli.stdout) as CompareJson).rows;
      // every fixture report that states it (the .txt, .docx, .pdf renditions of two reports) and the injected series
      expect(expected.filter((r) => r.province !== SERIES_PROVINCE).length).toBeGreaterThanOrEqual(6);
      expect(expected.filter((r) => r.province === SERIES_PROVINCE).map((r) => r.period)).toEqual(SERIES.map((s) => s.period));

      // every corpus report whose gold states telecom revenue (a level in VND) is there, with one of the gold's values
      for (const doc of ['002', '003', '004']) {
        const gold = readFileSync(`../shared/gold/${doc}.gold.jsonl`, 'utf8')
          .trim()
          .split('\n')
          .map(
            (l) => JSON.parse(l) as { metric: string; unit: string; kind: FactKind; aspect: Aspect; base_value: number; base_unit: string; optional?: boolean },
          );
        const stated = gold.filter(
          (g) =>
            !g.optional &&
            g.base_unit === 'VND' &&
            g.aspect === 'level' &&
            matchMetric(g.metric, { unit: g.unit, kind: g.kind, aspect: g.aspect })?.metric_id === 'telecom-revenue',
        );
        const row = expected.find((r) => r.file === `${doc}.pdf`);
        if (stated.length === 0) expect({ doc, row }).toEqual({ doc, row: undefined });
        else expect({ doc, value: stated.map((g) => g.base_value).includes(row?.value ?? Number.NaN) }).toEqual({ doc, value: true });
      }
      expect(expected.filter((r) => /^00\d\.pdf$/.test(r.file)).length).toBeGreaterThanOrEqual(2);

      const page = await openPage();
      await page.goto(`${server.url}#view=compare&metric=${encodeURIComponent('doanh thu viễn thông')}`);
      await page.waitForSelector('#c-rows tbody tr');
      await expect(page.textContent('#c-title')).resolves.toBe('Doanh thu viễn thông (telecom-revenue)');
      // the rows under the chart: the same reports and base values as the CLI, each linking to its fact in its document
      const rows = await page.$$eval('#c-rows tbody tr', (trs) =>
        trs.map((tr) => ({
          fact: Number((tr as HTMLElement).dataset.factId),
          base: Number((tr.querySelector('td.num') as HTMLElement).dataset.base),
          link: tr.querySelector('a')?.getAttribute('href') ?? '',
        })),
      );
      expect(rows.map((r) => [r.fact, r.base])).toEqual(expected.map((r) => [r.fact_id, r.value]));
      for (const r of rows) expect(r.link).toMatch(new RegExp(`^#view=doc&doc=[0-9a-f]+&fact=${r.fact}$`));
      // the chart's points: every compared value once, in the chart's unit (tỷ đồng)
      const series = await chartSeries(page);
      const points = series.flatMap((s) => s.data.filter((d): d is NonNullable<typeof d> => d !== null));
      const byFact = new Map(points.map((p) => [p.factId, p.value]));
      const unit = await page.$eval('#c-rows tbody tr td:nth-child(4)', (td) => td.textContent);
      expect(unit).toBe('tỷ đồng');
      for (const r of expected.filter((x) => x.province === SERIES_PROVINCE)) expect(byFact.get(r.fact_id)).toBeCloseTo(r.value / 1e9, 6);
      // a time series is a line per province; the injected province is one of them, with its five months
      expect(await page.$eval('#chart', (el) => (el as HTMLElement).dataset.kind)).toBe('line');
      const lao = series.find((s) => s.name === SERIES_PROVINCE);
      expect(lao?.data.filter(Boolean).length).toBe(5);
      // the chart is drawn (a canvas of the container's size with ink on it)
      const ink = await page.$eval('#chart canvas', (c) => {
        const canvas = c as HTMLCanvasElement;
        const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? new Uint8ClampedArray();
        let n = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && data[i] < 200) n++;
        return { n, w: canvas.width, h: canvas.height };
      });
      expect(ink.w).toBeGreaterThan(600);
      expect(ink.n).toBeGreaterThan(1000);
      await page.screenshot({ path: join(OUT, 'compare.png'), fullPage: true });

      // one period of the series: bars across the provinces that state it
      await page.selectOption('#c-period', '2022-03');
      await page.waitForFunction(() => {
        const option = window.echarts?.getInstanceByDom(document.getElementById('chart') as HTMLElement)?.getOption() as
          | { series?: { type: string }[] }
          | undefined;
        return option?.series?.[0]?.type === 'bar';
      });
      const bars = await chartSeries(page);
      expect(bars.map((b) => b.name)).toEqual(['2022-03']);
      expect(bars[0].data.map((d) => d?.value)).toEqual([SERIES[2].value]);
      await page.selectOption('#c-period', '');

      // the 2025 merger: the same values under the provinces as they are now
      await page.selectOption('#c-province', 'current');
      await page.waitForFunction(() => document.querySelector('#c-rows tbody td')?.textContent?.includes('('));
      const current = await page.$$eval('#c-rows tbody tr td:first-child', (tds) => tds.map((t) => t.textContent));
      expect(current).toContain('Lào Cai');
      expect(current.some((p) => /^Ninh Bình \(Nam Định\)$|^Gia Lai \(Bình Định\)$/.test(p ?? ''))).toBe(true);

      // words that fit several metrics: the candidates are shown, and one picks it
      await page.goto(`${server.origin}/#view=compare&metric=${encodeURIComponent('thuê bao')}`);
      await page.waitForSelector('#c-candidates button');
      expect(await page.$$eval('#c-candidates button', (bs) => bs.map((b) => (b as HTMLElement).dataset.metric))).toContain('mobile-subscribers');
      await page.click('#c-candidates button[data-metric="mobile-subscribers"]');
      await page.waitForFunction(() => document.querySelector('#c-title')?.textContent?.includes('mobile-subscribers'));
      await page.close();
      expect(incidents).toEqual([]);
    },
    180_000,
  );

  e2e(
    'an injected unit slip (one value ×1000) is flagged in the chart and comes first in the review queue',
    async () => {
      const page = await openPage();
      await page.goto(server.url);
      await page.waitForSelector('#queue li');
      const first = await page.$eval('#queue li:first-child', (li) => ({
        quote: li.querySelector('.q')?.firstChild?.textContent,
        flag: li.querySelector('.badge.outlier')?.getAttribute('title') ?? '',
      }));
      expect(first.quote).toBe(SLIP_QUOTE);
      // ×1000 of its own value, ×976 of the others' median
      expect(first.flag).toMatch(/^Doanh thu viễn thông \(Lào Cai, 2022-04\): ×9\d\d so với các kỳ khác của chuỗi — có thể nhầm đơn vị/);
      // only that one is flagged
      expect(await page.$$eval('#queue .badge.outlier', (b) => b.length)).toBe(1);
      await expect(page.textContent('#outlier-note')).resolves.toContain('Lào Cai');
      // the chart marks it, and only it
      await page.goto(`${server.origin}/#view=compare&metric=telecom-revenue`);
      await page.waitForSelector('#c-rows tbody tr');
      const flagged = (await chartSeries(page)).flatMap((s) => s.data).filter((d) => d?.outlier);
      expect(flagged).toHaveLength(1);
      expect(await page.$$eval('#c-rows tr.outlier td:last-child a', (as) => as.length)).toBe(1);
      await page.screenshot({ path: join(OUT, 'compare-outlier.png'), fullPage: true });
      await page.close();
      expect(incidents).toEqual([]);
    },
    120_000,
  );

  e2e(
    "the document view of a PDF draws every fact's box on its page, inside the page and over the quote's text; a click highlights box and sentence",
    async () => {
      const file = 'bao-cao-thang-8-2021.pdf';
      const docId = docIds.get(file) as string;
      const view = (await (await fetch(`${server.origin}/api/documents/${docId}`)).json()) as {
        pageScale: number;
        facts: { id: number; page: number; quote: string; bbox: BBox | null }[];
        document: { pages: number };
      };
      expect(view.facts.length).toBeGreaterThan(20);
      expect(view.facts.filter((f) => !f.bbox)).toEqual([]);
      const pdf = await getDocument(pdfjsParams(new Uint8Array(await readFile(join(FIXTURES, file))))).promise;
      const page = await openPage(1600, 1000);
      await page.goto(`${server.origin}/#view=doc&doc=${docId}`);
      for (let n = 1; n <= view.document.pages; n++) {
        if (n > 1) await page.click('#d-next');
        const onPage = view.facts.filter((f) => f.page === n);
        await page.waitForFunction((count) => {
          const img = document.getElementById('page-img') as HTMLImageElement;
          return (
            img.complete &&
            img.naturalWidth > 0 &&
            img.src.endsWith(`/pages/${location.hash.match(/page=(\d+)/)?.[1] ?? '1'}.png`) &&
            document.querySelectorAll('#boxes .box').length === count
          );
        }, onPage.length);
        // drawn boxes lie inside the page image
        const drawn = await page.$$eval('#boxes .box', (boxes) => {
          const img = (document.getElementById('page-img') as HTMLElement).getBoundingClientRect();
          return boxes.map((b) => {
            const r = b.getBoundingClientRect();
            return {
              id: Number((b as HTMLElement).dataset.factId),
              inside:
                r.left >= img.left - 0.5 && r.top >= img.top - 0.5 && r.right <= img.right + 0.5 && r.bottom <= img.bottom + 0.5 && r.width > 0 && r.height > 0,
            };
          });
        });
        expect(drawn.map((d) => d.id).sort()).toEqual(onPage.map((f) => f.id).sort());
        expect(drawn.filter((d) => !d.inside)).toEqual([]);
        // each box is over its quote's text on the PDF page: the text drawn there holds the quote's figure
        const p = await pdf.getPage(n);
        const top = p.view[3];
        const items = (await p.getTextContent()).items.filter((i): i is TextItem => 'str' in i && i.str.trim() !== '');
        for (const f of onPage) {
          const box = f.bbox as BBox;
          const under = items
            .filter((i) => {
              const [, , , d, e, y] = i.transform as number[];
              return e < box[2] && box[0] < e + i.width && top - y - d < box[3] && box[1] < top - y;
            })
            .map((i) => i.str)
            .join(' ');
          expect(under.replace(/\s+/g, '')).toContain((f.quote.match(/[\d.,]+/)?.[0] ?? f.quote).replace(/\s+/g, ''));
        }
      }
      await pdf.destroy();
      // clicking a fact in the list highlights its box and shows its sentence
      await page.click('#d-prev');
      const target = view.facts.find((f) => f.page === view.document.pages - 1) ?? view.facts[0];
      await page.click(`#d-facts li[data-fact-id="${target.id}"]`);
      await page.waitForSelector(`#boxes .box.selected[data-fact-id="${target.id}"]`);
      expect(await page.$$eval('#boxes .box.selected', (b) => b.length)).toBe(1);
      await expect(page.textContent('#d-sentence mark')).resolves.toBe(target.quote);
      await page.screenshot({ path: join(OUT, 'document-view.png') });
      // the reviewer lands here from the queue: 'd' on a fact of this PDF opens it, selected
      await page.goto(`${server.origin}/#status=all&doc=${docId}&fact=${target.id}`);
      await page.waitForFunction((q) => document.querySelector('#sentence mark')?.textContent === q, target.quote);
      await page.keyboard.press('d');
      await page.waitForSelector(`#boxes .box.selected[data-fact-id="${target.id}"]`);
      expect(page.url()).toContain(`view=doc&doc=${docId}`);
      await page.close();
      expect(incidents).toEqual([]);
    },
    180_000,
  );

  e2e(
    'a table fact is shown in its table with its cell, its row label and its column headers highlighted',
    async () => {
      const docId = docIds.get('t339.pdf') as string;
      const view = (await (await fetch(`${server.origin}/api/documents/${docId}`)).json()) as {
        facts: { id: number; quote: string; table_row: string; table_column: string }[];
      };
      const tableFacts = view.facts.filter((f) => f.table_row !== '' && f.table_column !== '');
      expect(tableFacts.length).toBeGreaterThan(20);
      const page = await openPage(1600, 1000);
      for (const f of [tableFacts[0], tableFacts[Math.floor(tableFacts.length / 2)], tableFacts[tableFacts.length - 1]]) {
        await page.goto(`${server.origin}/#status=all&doc=${docId}&fact=${f.id}`);
        await page.waitForFunction((q) => document.querySelector('#sentence mark')?.textContent === q, f.quote);
        await page.waitForSelector('#table-context .hl-fact');
        const hl = await page.$eval('#table-context', (host) => ({
          fact: host.querySelector('.hl-fact')?.textContent ?? '',
          rows: [...host.querySelectorAll('.hl-row-header')].map((c) => c.textContent ?? ''),
          cols: [...host.querySelectorAll('.hl-column-header')].map((c) => c.textContent ?? ''),
          labels: host.querySelector('.table-labels')?.textContent ?? '',
        }));
        const squash = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
        expect(squash(hl.fact)).toContain(squash(f.quote).replace(/\s*%$/, ''));
        expect(hl.rows.length).toBeGreaterThan(0);
        for (const r of hl.rows) expect(squash(f.table_row)).toContain(squash(r));
        expect(hl.cols.length).toBeGreaterThan(0);
        expect(hl.labels).toBe(`${f.table_row} × ${f.table_column}`);
      }
      await page.screenshot({ path: join(OUT, 'table-fact.png') });
      await page.close();
      expect(incidents).toEqual([]);
    },
    120_000,
  );
});
