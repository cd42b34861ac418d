import type { Block } from '../../schemas/document.js';
import type { RawBlock } from '../../schemas/raw-document.js';
import { quoteBox } from '../../src/locate/quote-box.js';

/** A block of `text` joined from raw lines: each part is where a raw block's text sits in `text`. */
function blockOf(text: string, parts: { raw: number; start: number; end: number }[]): Block {
  return { id: 0, role: 'body', text, prov: { source: 'x.pdf', page: 1, start: 0, end: text.length }, section: '', parts };
}

describe('quoteBox', () => {
  const line1: RawBlock = {
    text: 'Doanh thu đạt 1.150 tỷ đồng,',
    page: 1,
    unit: 'line',
    // two text runs: the words before the number, and the number with what follows
    words: [
      { text: 'Doanh thu đạt ', bbox: [100, 200, 180, 212] },
      { text: '1.150 tỷ đồng,', bbox: [180, 200, 250, 212] },
    ],
  };
  const line2: RawBlock = {
    text: 'tăng 5% so với cùng kỳ.',
    page: 1,
    unit: 'line',
    ocr: {
      confidence: 0.9,
      words: ['tăng', '5%', 'so', 'với', 'cùng', 'kỳ.'].map((w, i) => ({
        text: w,
        confidence: 0.9,
        bbox: [100 + i * 30, 220, 125 + i * 30, 232] as [number, number, number, number],
      })),
    },
  };
  const text = 'Doanh thu đạt 1.150 tỷ đồng, tăng 5% so với cùng kỳ.';
  const doc = { text, raw: [line1, line2] };
  const block = blockOf(text, [
    { raw: 0, start: 0, end: 28 },
    { raw: 1, start: 29, end: text.length },
  ]);

  it('boxes a quote inside one text run by the widths of its characters', () => {
    const start = text.indexOf('1.150 tỷ');
    const place = quoteBox(doc, block, start, start + '1.150 tỷ'.length);
    expect(place?.page).toBe(1);
    const [x0, y0, x1, y1] = place?.bbox ?? [0, 0, 0, 0];
    expect(x0).toBeCloseTo(180, 0);
    expect(x1).toBeGreaterThan(205);
    expect(x1).toBeLessThan(240);
    expect([y0, y1]).toEqual([200, 212]);
  });

  it('boxes an OCR quote by its words', () => {
    const start = text.indexOf('5%');
    expect(quoteBox(doc, block, start, start + 2)?.bbox).toEqual([130, 220, 155, 232]);
  });

  it('unites the boxes of a quote that runs onto the next line', () => {
    const start = text.indexOf('đồng');
    const place = quoteBox(doc, block, start, text.indexOf(' so'));
    const [x0, y0, x1, y1] = place?.bbox ?? [0, 0, 0, 0];
    expect(x0).toBe(100);
    expect(y0).toBe(200);
    expect(x1).toBeCloseTo(250, 0);
    expect(y1).toBe(232);
  });

  it('finds the characters when normalization changed the text but not its inked letters', () => {
    // the reader drew the line with decomposed marks and a double space
    const raw: RawBlock = { text: '', page: 2, unit: 'line', words: [{ text: 'Tăng  100 tra\u0323m', bbox: [0, 0, 90, 10] }] };
    const t = 'Tăng 100 trạm';
    const place = quoteBox({ text: t, raw: [raw] }, blockOf(t, [{ raw: 0, start: 0, end: t.length }]), 5, 8);
    expect(place?.page).toBe(2);
    const [x0, , x1] = place?.bbox ?? [0, 0, 0, 0];
    expect(x0).toBeGreaterThan(30);
    expect(x1).toBeLessThan(65);
  });

  it('gives no box where the reader kept no positions (DOCX, text)', () => {
    const raw: RawBlock = { text: 'Đạt 5%', page: 1, unit: 'paragraph' };
    expect(quoteBox({ text: 'Đạt 5%', raw: [raw] }, blockOf('Đạt 5%', [{ raw: 0, start: 0, end: 6 }]), 4, 6)).toBeUndefined();
  });
});
