import { readFile } from 'node:fs/promises';
import { SourceFile, DocumentFailure } from '../../../src/core/source-file.js';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { ocrImage, ocrPdf, splitAtGutters } from '../../../src/read/ocr/ocr-reader.js';
import { renderPageImage, toPgm } from '../../../src/read/ocr/ocr-page-renderer.js';
import { createOcrScheduler, type OcrPageEvent, type OcrScheduler } from '../../../src/read/ocr/ocr-scheduler.js';
import { ReadResult } from '../../../schemas/raw-document.js';

const SCAN = '../shared/corpus/003.scan.pdf';

describe('ocrPdf on a real scanned page', () => {
  let scheduler: OcrScheduler;
  const events: OcrPageEvent[] = [];

  beforeAll(async () => {
    // tesseract.js, whatever the machine has: the native engine may read a hard word differently
    scheduler = await createOcrScheduler({ workers: 1, onPage: (e) => events.push(e), engine: 'wasm' });
  });
  afterAll(async () => {
    await scheduler.terminate();
  });

  it('reads page 1 of 003.scan.pdf into OCR lines with confidences and boxes in PDF points', async () => {
    const file = new SourceFile(SCAN, await readFile(SCAN));
    const result = await ocrPdf(file, { pages: [1], scheduler });

    expect(ReadResult.safeParse(result).success).toBe(true);
    expect(result.format).toBe('ocr');
    const text = result.raw.map((b) => b.text).join('\n');
    expect(text).toContain('BÁO CÁO');
    expect(result.raw.some((b) => /^I\. KẾT QU\S THỰC HIỆN/u.test(b.text))).toBe(true);
    expect(result.raw.some((b) => /^1\. Công tác tham mưu/u.test(b.text))).toBe(true);

    expect(result.pages).toHaveLength(1);
    const [page] = result.pages;
    expect(page).toMatchObject({ page: 1, origin: 'ocr' });
    expect(page.chars).toBeGreaterThan(1000);
    expect(page.ocrConfidence).toBeGreaterThan(0.85);

    for (const block of result.raw) {
      expect(block).toMatchObject({ page: 1, unit: 'line' });
      const [x0, y0, x1, y1] = block.bbox ?? [NaN, NaN, NaN, NaN];
      // A4 in points, origin top-left.
      expect(x0).toBeGreaterThanOrEqual(0);
      expect(x1).toBeLessThanOrEqual(596);
      expect(y1).toBeLessThanOrEqual(843);
      expect(x0).toBeLessThan(x1);
      expect(y0).toBeLessThan(y1);
      expect(block.ocr?.words?.length).toBeGreaterThan(0);
    }
    // Reading order: the title is above the first heading.
    const title = result.raw.find((b) => b.text.includes('BÁO CÁO'));
    const heading = result.raw.find((b) => b.text.startsWith('I.'));
    expect(title?.bbox?.[1] ?? Infinity).toBeLessThan(heading?.bbox?.[1] ?? 0);

    expect(events).toEqual([expect.objectContaining({ source: '003.scan.pdf', page: 1, done: 1, pending: 0 })]);
    // one note of the engine and model, and a warning per number repair, nothing else
    const [engine, ...rest] = file.messages;
    expect(engine).toMatchObject({ severity: 'info', rule: 'read:ocr-engine', reason: expect.stringMatching(/^OCR by tesseract\.js .*model vie best_int/u) });
    expect(rest.filter((m) => m.severity !== 'warn' || m.rule !== 'ocr:number-repair')).toEqual([]);
    expect(rest.length).toBe(result.repairs.length);
  });

  it('counts the strokes of a Roman label the LSTM misreads (002.scan.pdf page 15: III. read as II.)', async () => {
    const path = '../shared/corpus/002.scan.pdf';
    const file = new SourceFile(path, await readFile(path));
    const result = await ocrPdf(file, { pages: [15], scheduler });
    const heading = result.raw.find((b) => /ĐÁNH GIÁ CHUNG/u.test(b.text));
    expect(heading?.text).toMatch(/^III\. ĐÁNH GIÁ CHUNG/u);
    expect(heading?.ocr?.confidence).toBeLessThanOrEqual(0.7);
    expect(file.messages.filter((m) => m.rule === 'ocr:label-repair')).toHaveLength(1);
  });

  it('warns about pages that are not in the PDF and reads the others', async () => {
    const file = new SourceFile(SCAN, await readFile(SCAN));
    const result = await ocrPdf(file, { pages: [0, 99], scheduler });
    expect(result.pages).toEqual([]);
    expect(file.messages).toEqual([
      { severity: 'warn', reason: 'pages 0, 99 are not in this 6-page PDF and were skipped', rule: 'read:ocr-no-such-page', place: undefined },
    ]);
  });

  it('fails a file that is not a PDF with a one-line reason', async () => {
    const file = new SourceFile('broken.pdf', Buffer.from('%PDF-1.4 this is not really a PDF'));
    await expect(ocrPdf(file, { scheduler })).rejects.toBeInstanceOf(DocumentFailure);
    expect(file.messages).toHaveLength(1);
    expect(file.messages[0]).toMatchObject({ severity: 'fail', rule: 'read:corrupt-pdf' });
    expect(file.messages[0].reason).toMatch(/^not a readable PDF \(.+\)$/);
  });
});

describe('ocrImage', () => {
  let scheduler: OcrScheduler;
  beforeAll(async () => {
    scheduler = await createOcrScheduler({ workers: 1, engine: 'wasm' });
  });
  afterAll(async () => {
    await scheduler.terminate();
  });

  it('reads an image file, with boxes in image pixels', async () => {
    const pdf = await getDocument({ data: new Uint8Array(await readFile(SCAN)), isOffscreenCanvasSupported: false, verbosity: 0 }).promise;
    const page = await renderPageImage(pdf, 1);
    await pdf.destroy();
    // The top quarter of the page: the header block and the title.
    const height = Math.round(page.height / 4);
    const pgm = toPgm({ width: page.width, height, gray: page.gray.subarray(0, page.width * height) });
    const file = new SourceFile('top.pgm', pgm);
    const result = await ocrImage(file, { scheduler });
    expect(result.raw.map((b) => b.text).join('\n')).toContain('BÁO CÁO');
    expect(result.pages).toEqual([expect.objectContaining({ page: 1, origin: 'ocr' })]);
    for (const block of result.raw) {
      expect(block.bbox?.[2]).toBeLessThanOrEqual(page.width);
      expect(block.bbox?.[3]).toBeLessThanOrEqual(height);
    }
  });

  it('fails an unreadable image with a one-line reason, and the workers go on', async () => {
    const file = new SourceFile('broken.png', Buffer.from('\x89PNG\r\n\x1a\n not an image'));
    await expect(ocrImage(file, { scheduler })).rejects.toBeInstanceOf(DocumentFailure);
    expect(file.messages).toEqual([expect.objectContaining({ severity: 'fail', rule: 'read:ocr-unreadable-image' })]);
    const blank = new SourceFile('blank.pgm', toPgm({ width: 64, height: 64, gray: new Uint8Array(64 * 64).fill(255) }));
    const result = await ocrImage(blank, { scheduler });
    expect(result.raw).toEqual([]);
    expect(blank.messages).toEqual([{ severity: 'info', reason: 'OCR found no text on page 1', rule: 'read:ocr-blank-page', place: { page: 1 } }]);
  });
});

describe('splitAtGutters', () => {
  const w = (text: string, x0: number, x1: number) => ({ text, bbox: [x0, 100, x1, 112] as [number, number, number, number] });
  it('splits a line where the gap between words is wider than twice their height (two header columns)', () => {
    const line = [w('UBND', 50, 90), w('TỈNH', 94, 130), w('CỘNG', 250, 290), w('HOÀ', 294, 325)];
    expect(splitAtGutters(line).map((s) => s.map((x) => x.text).join(' '))).toEqual(['UBND TỈNH', 'CỘNG HOÀ']);
  });
  it('keeps a line with ordinary word spacing whole, and an empty line empty', () => {
    const line = [w('Có', 50, 65), w('1.904', 70, 100), w('trạm', 104, 130)];
    expect(splitAtGutters(line)).toEqual([line]);
    expect(splitAtGutters([])).toEqual([]);
  });
});
