import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import type { Document } from '../../../schemas/document.js';
import type { BBox } from '../../../schemas/provenance.js';
import { ReadResult } from '../../../schemas/raw-document.js';
import { SourceFile } from '../../../src/core/source-file.js';
import { ocrPdf } from '../../../src/read/ocr/ocr-reader.js';
import { createOcrScheduler } from '../../../src/read/ocr/ocr-scheduler.js';
import { eraseRules, pixelRules, toPointRules } from '../../../src/read/ocr/ocr-table-rules.js';
import { placeLines } from '../../../src/read/ocr/ocr-table-cells.js';
import { ruledGrids } from '../../../src/read/pdf/pdf-table-grid.js';
import { ruledTablePdf, scanOf, tableDocx } from '../../../scripts/make-test-tables.js';
import { needs } from '../../needs.js';
import { cellShape, readToExtract } from '../../fixtures/read-to-extract.js';

/** A white page image in memory with `draw` painting black rectangles on it. */
function page(
  width: number,
  height: number,
  boxes: [number, number, number, number][],
): { width: number; height: number; gray: Uint8Array; dpi: number; toPoints: [number, number, number, number] } {
  const gray = new Uint8Array(width * height).fill(255);
  for (const [x0, y0, x1, y1] of boxes) for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) gray[y * width + x] = 0;
  return { width, height, gray, dpi: 100, toPoints: [0.72, 0.72, 0, 0] };
}

/** A 2 × 3 grid of 3-pixel borders at 100 dpi, with letter-sized blobs in its cells and a short underline beside it. */
function gridImage() {
  const xs = [20, 120, 220, 320];
  const ys = [20, 70, 120];
  const boxes: [number, number, number, number][] = [];
  for (const y of ys) boxes.push([xs[0], y, xs[3] + 3, y + 3]);
  for (const x of xs) boxes.push([x, ys[0], x + 3, ys[2] + 3]);
  // "text": blobs the size of letters, and a 25-pixel underline (shorter than 0.3 inch)
  for (let k = 0; k < 6; k++) boxes.push([40 + k * 12, 35, 48 + k * 12, 50]);
  boxes.push([30, 160, 55, 162]);
  return page(360, 200, boxes);
}

describe('ruled tables in page images', () => {
  it('finds the borders of a drawn grid, one rule per line however thick, and no rule in letters or a short underline', () => {
    const image = gridImage();
    const rules = pixelRules(image);
    expect(rules.filter((r) => r.dir === 'h').map((r) => [r.at0, r.at1, r.from, r.to])).toEqual([
      [20, 23, 20, 323],
      [70, 73, 20, 323],
      [120, 123, 20, 323],
    ]);
    expect(rules.filter((r) => r.dir === 'v').map((r) => [r.at0, r.from, r.to])).toEqual([
      [20, 20, 123],
      [120, 20, 123],
      [220, 20, 123],
      [320, 20, 123],
    ]);
    const grids = ruledGrids(toPointRules(rules, image));
    expect(grids).toHaveLength(1);
    expect(grids[0].cells).toHaveLength(6);
  });

  it('erases the borders and keeps the letters', () => {
    const image = gridImage();
    const erased = eraseRules(image, pixelRules(image));
    expect(pixelRules(erased)).toEqual([]);
    expect(erased.gray[40 * 360 + 42]).toBe(0);
    expect(image.gray[21 * 360 + 100]).toBe(0);
  });

  it('finds a border drawn to the edge of the image', () => {
    const rules = pixelRules(
      page(200, 100, [
        [0, 98, 200, 100],
        [199, 0, 200, 100],
      ]),
    );
    expect(rules.map((r) => [r.dir, r.at0, r.at1, r.from, r.to])).toEqual([
      ['h', 98, 100, 0, 200],
      ['v', 199, 200, 0, 100],
    ]);
  });

  it('finds no rule in a filled block (a photo, a QR code) thicker than a border', () => {
    expect(pixelRules(page(300, 300, [[50, 50, 250, 250]]))).toEqual([]);
  });

  it('shares the words of an OCR line out to the cells their middles lie in, and keeps the words outside as free lines', () => {
    const grids = ruledGrids([
      { dir: 'h', at: 10, from: 0, to: 200 },
      { dir: 'h', at: 40, from: 0, to: 200 },
      { dir: 'v', at: 0, from: 10, to: 40 },
      { dir: 'v', at: 100, from: 10, to: 40 },
      { dir: 'v', at: 200, from: 10, to: 40 },
    ]);
    const word = (text: string, x0: number, x1: number): { text: string; confidence: number; bbox: BBox } => ({
      text,
      confidence: 0.9,
      bbox: [x0, 20, x1, 30],
    });
    const line = { words: [word('Tổng', 5, 30), word('thu', 35, 50), word('125,4', 120, 150), word('(ghi', 220, 240), word('chú)', 245, 260)] };
    const placed = placeLines([line], grids, (_l, words) => ({ words }));
    expect(placed.cells.map((c) => [c.cell, c.line.words.map((w) => w.text)])).toEqual([
      [0, ['Tổng', 'thu']],
      [1, ['125,4']],
    ]);
    expect(placed.free.map((l) => l.words.map((w) => w.text))).toEqual([['(ghi', 'chú)']]);
  });
});

const run = (name: string, bytes: Buffer): Promise<Document> => readToExtract(name, bytes, { ocr: 'auto', ocrEngine: 'wasm' });

const shape = cellShape;

describe('tables on scanned pages (tesseract.js)', () => {
  it('reads the scan of a ruled table (merged header cells) into the same cell facts as the Word table', async () => {
    const [scan, docx] = await Promise.all([
      scanOf(await ruledTablePdf()).then((b) => run('table.scan.pdf', b)),
      tableDocx().then((b) => run('table.docx', b)),
    ]);
    expect(scan.tables).toHaveLength(1);
    expect(scan.tables?.[0]).toMatchObject({ origin: 'ocr', rows: 6, cols: 5, headerRows: 2, caption: 'Bảng 1: Một số chỉ tiêu kinh tế - xã hội' });
    const cells = (d: Document) => d.facts.filter((f) => f.row !== undefined).map(shape);
    expect(cells(scan)).toHaveLength(8);
    expect(cells(scan)).toEqual(cells(docx));
    // each fact's box is its cell's, on the page
    for (const f of scan.facts.filter((x) => x.row !== undefined)) expect(f.prov.bbox).toBeDefined();
    expect(scan.messages.map((m) => m.rule)).toContain('read:ocr-tables');
  }, 120_000);

  const real = '../shared/corpus-real/bgddt_CV1849-BGDDT-GDPT_STEM_2026_scan.pdf';
  (existsSync(real) ? it : it.skip)(
    `reads the annex table of a real scan every row, where single-block OCR of the bordered table read none${existsSync(real) ? '' : ` ${needs(real)}`}`,
    async () => {
      const scheduler = await createOcrScheduler({ workers: 1, engine: 'wasm' });
      try {
        const read = async (tables: boolean) => ocrPdf(new SourceFile(real, readFileSync(real)), { pages: [3], scheduler, tables });
        const [without, withTables] = [await read(false), await read(true)];
        const text = (r: ReadResult) => r.raw.map((b) => b.text).join('\n');
        // borders left in: tesseract's single-block mode loses the table's rows
        expect(text(without)).not.toContain('Sở Giáo dục và Đào tạo Lào Cai');
        expect(ReadResult.safeParse(withTables).success).toBe(true);
        const [table] = withTables.tables ?? [];
        expect(table).toMatchObject({ origin: 'ocr', page: 3, rows: 7, cols: 3 });
        const row = (r: number) => [0, 1, 2].map((c) => table.cells.find((x) => x.row === r && x.col === c)?.text);
        expect(row(0)).toEqual(['STT', 'Đơn vị', 'Thời gian']);
        for (const [r, unit, month] of [
          [2, 'Lào Cai', '4/2026'],
          [3, 'Thanh Hóa', '5/2026'],
          [6, 'An Giang', '8/2026'],
        ] as const) {
          expect(row(r)).toEqual([String(r), `Sở Giáo dục và Đào tạo ${unit}`, `Tháng ${month}`]);
        }
        // each cell's line is a block of the table, in the page's reading order after the caption
        const cellBlocks = withTables.raw.filter((b) => b.table);
        expect(cellBlocks.length).toBeGreaterThanOrEqual(20);
        const caption = withTables.raw.findIndex((b) => b.text.startsWith('Danh sách các Sở'));
        expect(withTables.raw.indexOf(cellBlocks[0])).toBeGreaterThan(caption);
      } finally {
        await scheduler.terminate();
      }
    },
    120_000,
  );
});
