import { loadImage, createCanvas } from '@napi-rs/canvas';
import { readFile } from 'node:fs/promises';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import type { Document } from '../../schemas/document.js';
import type { Fact } from '../../schemas/fact.js';
import type { BBox } from '../../schemas/provenance.js';
import { runPipeline, SourceFile } from '../../src/core/run-pipeline.js';
import type { NamedStage } from '../../src/core/stage.js';
import { createReportPipeline } from '../../pipelines/report-pipeline.js';
import { ocrPdf } from '../../src/read/ocr/ocr-reader.js';
import { pdfjsParams } from '../../src/read/pdf/pdf-document.js';
import { DocumentStore } from '../../src/store/document-store.js';
import { openDb } from '../../src/store/open-db.js';
import { factDetail } from '../../src/review/fact-detail.js';
import { renderFactCrop } from '../../src/review/page-crop.js';

const PDF = '../shared/corpus/002.pdf';
const SCAN = '../shared/corpus/002.scan.pdf';

/** The text items of a page with their boxes in points, origin top-left. */
async function pageItems(path: string, pageNumber: number): Promise<{ text: string; box: BBox; width: number; height: number }[]> {
  const pdf = await getDocument(pdfjsParams(new Uint8Array(await readFile(path)))).promise;
  try {
    const page = await pdf.getPage(pageNumber);
    const [, , , top] = page.view;
    const content = await page.getTextContent();
    const { width, height } = page.getViewport({ scale: 1 });
    return content.items
      .filter((i): i is TextItem => 'str' in i && i.str.trim() !== '')
      .map((i) => {
        const [, , , d, e, f] = i.transform as number[];
        return { text: i.str, box: [e, top - f - d, e + i.width, top - f] as BBox, width, height };
      });
  } finally {
    await pdf.destroy();
  }
}

function overlaps(a: BBox, b: BBox): boolean {
  return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
}

/** The crop of a stored fact, decoded: its size and its share of dark pixels. */
async function decodedCrop(doc: Document, fact: Fact): Promise<{ width: number; height: number; ink: number; cropAvailable: boolean }> {
  const db = await openDb(':memory:');
  try {
    await new DocumentStore(db).save(doc, 'test');
    const row = await db.q.selectFrom('facts').select('id').where('start', '=', fact.prov.start).where('end', '=', fact.prov.end).executeTakeFirstOrThrow();
    const detail = await factDetail(db, row.id);
    const crop = await renderFactCrop(db, row.id);
    if (!('data' in crop)) throw new Error(`no crop: ${crop.error}`);
    const image = await loadImage(crop.data);
    const canvas = createCanvas(image.width, image.height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(image, 0, 0);
    const pixels = ctx.getImageData(0, 0, image.width, image.height).data;
    let dark = 0;
    for (let i = 0; i < pixels.length; i += 4) if (pixels[i] < 128 && pixels[i + 1] < 128 && pixels[i + 2] < 128) dark++;
    return { width: image.width, height: image.height, ink: dark / (pixels.length / 4), cropAvailable: detail?.cropAvailable ?? false };
  } finally {
    await db.close();
  }
}

function inside(box: BBox, width: number, height: number): void {
  expect(box[0]).toBeGreaterThanOrEqual(0);
  expect(box[1]).toBeGreaterThanOrEqual(0);
  expect(box[2]).toBeLessThanOrEqual(width);
  expect(box[3]).toBeLessThanOrEqual(height);
  expect(box[0]).toBeLessThan(box[2]);
  expect(box[1]).toBeLessThan(box[3]);
}

describe('the box of a fact and its page crop', () => {
  it('a fact from a PDF text layer carries the box of its quote, and its crop is drawn around it', async () => {
    const doc = await runPipeline(createReportPipeline({ read: { ocr: 'never' } }), new SourceFile(PDF, await readFile(PDF)));
    expect(doc.facts.length).toBeGreaterThan(100);
    expect(doc.facts.filter((f) => !f.prov.bbox)).toEqual([]);
    expect(doc.messages.filter((m) => m.rule.startsWith('locate:'))).toEqual([]);

    const fact = doc.facts.find((f) => f.quote === '62%');
    if (!fact?.prov.bbox) throw new Error('002.pdf has a fact 62% with a box');
    const box = fact.prov.bbox;
    const items = await pageItems(PDF, fact.prov.page);
    inside(box, items[0].width, items[0].height);
    // one line high, and the text drawn where the box is holds the number
    expect(box[3] - box[1]).toBeLessThan(20);
    const under = items
      .filter((i) => overlaps(i.box, box))
      .map((i) => i.text)
      .join(' ');
    expect(under).toContain('62%');
    // narrower than the line it sits in
    const line = doc.raw.find((b) => b.page === fact.prov.page && b.bbox && overlaps(b.bbox, box));
    expect(box[2] - box[0]).toBeLessThan(((line?.bbox?.[2] ?? 0) - (line?.bbox?.[0] ?? 0)) / 4);

    const crop = await decodedCrop(doc, fact);
    expect(crop.cropAvailable).toBe(true);
    // the box with its margins (160 × 36 points each side) at 2 pixels per point, cut by the page's edge
    expect(crop.width).toBeGreaterThan(2 * (box[2] - box[0]) + 300);
    expect(crop.height).toBe(Math.round((Math.min(items[0].height, Math.ceil(box[3] + 36)) - Math.max(0, Math.floor(box[1] - 36))) * 2));
    expect(crop.ink).toBeGreaterThan(0.01);
    expect(crop.ink).toBeLessThan(0.5);
  }, 60_000);

  it('a fact from an OCR page carries the box of its words, and its crop is drawn around it', async () => {
    const file = new SourceFile(SCAN, await readFile(SCAN));
    // the report pipeline with its read stage OCR'ing page 1 only
    const [, ...rest] = createReportPipeline();
    const read: NamedStage = {
      name: 'read',
      run: async (doc) => {
        const result = await ocrPdf(file, { pages: [1] });
        return { ...doc, source: { ...doc.source, format: 'ocr' }, raw: result.raw, pages: result.pages };
      },
    };
    const doc = await runPipeline([read, ...rest], file);
    expect(doc.status).toBe('ok');
    expect(doc.facts.length).toBeGreaterThan(3);
    expect(doc.facts.filter((f) => !f.prov.bbox)).toEqual([]);

    const fact = doc.facts.find((f) => /^\d+ km$/u.test(f.quote)) ?? doc.facts[0];
    const box = fact.prov.bbox as BBox;
    const page = doc.pages[0];
    inside(box, page.width ?? 0, page.height ?? 0);
    const number = fact.quote.match(/\d+/u)?.[0] ?? '';
    const words = doc.raw.flatMap((b) => b.ocr?.words ?? []).filter((w) => overlaps(w.bbox, box));
    expect(words.map((w) => w.text).join(' ')).toContain(number);
    expect(box[3] - box[1]).toBeLessThan(40);

    const crop = await decodedCrop(doc, fact);
    expect(crop.cropAvailable).toBe(true);
    expect(crop.width).toBeGreaterThan(2 * (box[2] - box[0]) + 300);
    expect(crop.height).toBeGreaterThan(2 * (box[3] - box[1]) + 100);
    expect(crop.ink).toBeGreaterThan(0.01);
    expect(crop.ink).toBeLessThan(0.5);
  }, 180_000);
});
