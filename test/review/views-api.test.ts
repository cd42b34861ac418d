import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startReviewServer, type ReviewServer } from '../../src/review/review-server.js';
import { DocumentStore } from '../../src/store/document-store.js';
import { openDb } from '../../src/store/open-db.js';
import { reviewDocument, SCRIPT_ATTACK } from './review-fixture.js';
import { SERIES, SLIP_QUOTE, seriesDocument } from './series-fixture.js';

let dir: string;
let server: ReviewServer;
let reportId: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'solieu-views-api-'));
  const db = await openDb(join(dir, 'views.db'));
  const store = new DocumentStore(db);
  const report = reviewDocument();
  reportId = report.id;
  await store.save(report, 'test');
  for (const s of SERIES) await store.save(seriesDocument(s.period, s.value), 'test');
  await db.close();
  server = await startReviewServer({ db: join(dir, 'views.db'), port: 0, reviewer: 'Kiểm thử' });
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function get(path: string): Promise<{ status: number; type: string; text: string; json: () => Record<string, unknown> }> {
  const res = await fetch(server.origin + path);
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type') ?? '', text, json: () => JSON.parse(text) as Record<string, unknown> };
}

interface QueueJson {
  facts: { id: number; quote: string; outlier?: string; status: string }[];
}

describe('the review queue puts the value that breaks its series first', () => {
  test('the ×1000 value leads the queue of facts to review though it is confident, with its reason; the others keep confidence order', async () => {
    const q = (await get('/api/queue')).json() as unknown as QueueJson;
    expect(q.facts[0]).toMatchObject({ quote: SLIP_QUOTE });
    expect(q.facts[0].outlier).toMatch(/Lào Cai, 2022-04/);
    expect(q.facts.filter((f) => f.outlier)).toHaveLength(1);
    // after it, lowest confidence first as before (the hand-built report's 0.41, 0.45, 0.5 …)
    expect(q.facts.slice(1, 4).map((f) => f.quote)).toEqual(['1.234.567 thuê bao', '42 trạm', '87,5%']);
  });

  test("the queue's filters hold for the pinned value too: another document, another status, a later page leave it out", async () => {
    const other = (await get(`/api/queue?doc=${reportId}`)).json() as unknown as QueueJson;
    expect(other.facts.some((f) => f.quote === SLIP_QUOTE)).toBe(false);
    const accepted = (await get('/api/queue?status=accepted')).json() as unknown as QueueJson;
    expect(accepted.facts).toEqual([]);
    const later = (await get('/api/queue?offset=2&limit=2')).json() as unknown as QueueJson;
    expect(later.facts.some((f) => f.quote === SLIP_QUOTE)).toBe(false);
  });

  test('the fact panel of the value says why it is flagged; another fact has no flag', async () => {
    const q = (await get('/api/queue')).json() as unknown as QueueJson;
    expect((await get(`/api/facts/${q.facts[0].id}`)).json()).toMatchObject({ outlier: expect.stringContaining('nhầm đơn vị') as unknown, table: null });
    expect((await get(`/api/facts/${q.facts[1].id}`)).json()).toMatchObject({ outlier: null, table: null });
  });
});

describe('the Compare and document APIs', () => {
  test('compare answers a catalog metric with rows, chart and flags, candidates for words that fit several, 400 for a bad query', async () => {
    const r = (await get('/api/compare?metric=telecom-revenue')).json() as {
      rows: { value: number; outlier: string | null }[];
      chart: { kind: string; unit: string };
    };
    expect(r.rows).toHaveLength(SERIES.length + 1);
    expect(r.rows.filter((x) => x.outlier)).toHaveLength(1);
    expect(r.chart).toMatchObject({ kind: 'line', unit: 'tỷ đồng' });
    const several = (await get(`/api/compare?metric=${encodeURIComponent('thuê bao')}`)).json() as { candidates: { id: string }[]; rows: unknown[] };
    expect(several.rows).toEqual([]);
    expect(several.candidates.map((c) => c.id)).toContain('mobile-subscribers');
    for (const bad of ['', '?metric=', '?metric=x&province=later', '?metric=x&byPhrase=2', '?metric=x&other=1', '?metric=x&metric=y']) {
      const b = await get(`/api/compare${bad}`);
      expect({ bad, status: b.status }).toEqual({ bad, status: 400 });
    }
    expect((await fetch(`${server.origin}/api/compare?metric=x`, { method: 'POST' })).status).toBe(405);
  });

  test('a phrase group carries document text as JSON without raw angle brackets', async () => {
    const r = await get(`/api/compare?metric=${encodeURIComponent('trạm')}&byPhrase=1`);
    expect(r.status).toBe(200);
    expect(r.text).not.toMatch(/[<>]/);
    expect(JSON.stringify(r.json())).toContain(SCRIPT_ATTACK);
  });

  test('the document view lists every fact with its sentence; a text document has no page images; unknown documents and pages are 404', async () => {
    const view = (await get(`/api/documents/${reportId}`)).json() as {
      pageImages: boolean;
      facts: { quote: string; bbox: unknown; sentence: { match: string } }[];
    };
    expect(view.pageImages).toBe(false);
    expect(view.facts.map((f) => f.sentence.match)).toEqual(view.facts.map((f) => f.quote));
    expect(view.facts).toHaveLength(5);
    expect((await get(`/api/documents/${reportId}/pages/1.png`)).status).toBe(404);
    expect((await get('/api/documents/0123456789abcdef')).status).toBe(404);
    expect((await get('/api/documents/not-an-id')).status).toBe(404);
    const list = (await get('/api/documents')).json() as { documents: { doc_id: string }[] };
    expect(list.documents.map((d) => d.doc_id)).toContain(reportId);
  });

  test('ECharts is served from the package, and the app script is the bundle of src/web without markup injection', async () => {
    const echarts = await get('/echarts.js');
    expect(echarts.status).toBe(200);
    expect(echarts.type).toMatch(/^text\/javascript/);
    expect(echarts.text.length).toBeGreaterThan(500_000);
    const app = await get('/app.js');
    expect(app.text).toContain('/api/compare?');
    expect(app.text).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });
});
