import { describe, expect, it } from '@jest/globals';
import type { Document } from '../../schemas/document.js';
import type { Fact } from '../../schemas/fact.js';
import { LONG, longTableScan, specDocx, tableDocx, unruledTableScan } from '../../scripts/make-test-tables.js';
import { cellFacts, cellShape, readToExtract } from '../fixtures/read-to-extract.js';

const run = (name: string, bytes: Buffer): Promise<Document> => readToExtract(name, bytes, { ocr: 'auto', ocrEngine: 'wasm' });

const shape = cellShape;

/** A cell fact as the gold scorer would match it: value, unit, period, aspect, column, and the row label with OCR's dropped spaces aside. */
const key = (f: Fact): string => [f.value, f.base_unit, f.aspect, f.period, f.column, (f.row ?? '').replace(/\s+/gu, '')].join('|');

describe('facts from tables without lines on scanned pages (tesseract.js)', () => {
  it('reads the scan of a table without lines into the same cell facts as the Word table', async () => {
    const [scan, docx] = [await run('table.scan.pdf', await unruledTableScan()), await run('table.docx', await tableDocx())];
    expect(scan.tables).toHaveLength(1);
    expect(scan.tables?.[0]).toMatchObject({ origin: 'ocr', rows: 6, cols: 5, headerRows: 2, caption: 'Bảng 1: Một số chỉ tiêu kinh tế - xã hội' });
    expect(cellFacts(scan)).toHaveLength(8);
    expect(cellFacts(scan).map(shape)).toEqual(cellFacts(docx).map(shape));
    for (const f of cellFacts(scan)) expect(f.prov.bbox).toBeDefined();
  }, 120_000);

  it('reads a scanned table over two pages, its header printed again, into one cell fact per figure, as the Word table gives them', async () => {
    const [scan, docx] = [await run('long.scan.pdf', await longTableScan({ repeatHeader: true })), await run('long.docx', await specDocx(LONG))];
    expect(scan.tables).toHaveLength(1);
    expect(scan.tables?.[0]).toMatchObject({ origin: 'ocr', page: 1, pageEnd: 2, headerRows: 1 });
    const got = cellFacts(scan).map(key);
    const want = cellFacts(docx).map(key);
    expect(want).toHaveLength(120);
    // every figure is one fact, under its column; none from the header printed again
    expect(got).toHaveLength(120);
    expect(cellFacts(scan).every((f) => ['Dân số (người)', 'Diện tích (km2)', 'Số hộ (hộ)'].includes(f.column ?? ''))).toBe(true);
    // the misses are OCR's misread figures and names (`10.066` for 10.068, `Hung` for Hưng)
    const recall = want.filter((k) => got.includes(k)).length / want.length;
    const precision = got.filter((k) => want.includes(k)).length / got.length;
    expect(recall).toBeGreaterThanOrEqual(0.85);
    expect(precision).toBeGreaterThanOrEqual(0.85);
  }, 240_000);
});
