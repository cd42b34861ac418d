import type { OcrBox, OcrPage } from '../../../schemas/ocr-page.js';
import { checkRomanLabels, countStems } from '../../../src/read/ocr/ocr-label-check.js';

/** A white image with black rectangles [x0, y0, x1, y1). */
function image(width: number, height: number, rects: number[][]): { gray: Uint8Array; width: number; height: number } {
  const gray = new Uint8Array(width * height).fill(255);
  for (const [x0, y0, x1, y1] of rects) for (let y = y0; y < y1; y++) gray.fill(0, y * width + x0, y * width + x1);
  return { gray, width, height };
}

const box = (x0: number, y0: number, x1: number, y1: number): OcrBox => ({ x0, y0, x1, y1 });

/** `n` serif stems 5 px wide, 9 px apart, 24 px tall, with feet that nearly touch, then a dot. */
function stems(n: number): number[][] {
  const rects: number[][] = [];
  for (let i = 0; i < n; i++) {
    const x = 4 + i * 12;
    rects.push([x, 4, x + 5, 28], [x - 3, 4, x + 8, 6], [x - 3, 26, x + 8, 28]);
  }
  const dot = 4 + n * 12;
  rects.push([dot, 24, dot + 4, 28]);
  return rects;
}

function page(text: string[], width: number): OcrPage {
  const words = text.map((t, i) => ({ text: t, confidence: 90, bbox: i === 0 ? box(0, 2, width, 30) : box(width + 10, 2, width + 80, 30) }));
  return { confidence: 90, lines: [{ words, confidence: 90, bbox: box(0, 2, width + 80, 30) }] };
}

describe('countStems', () => {
  it('counts 1, 2 and 3 stems of serif I strokes', () => {
    for (const n of [1, 2, 3]) expect(countStems(image(60, 32, stems(n)), box(0, 2, 60, 30))).toBe(n);
  });
  it('gives up on a V (the run count changes down the letter) and on an empty box', () => {
    const v: number[][] = [];
    for (let y = 4; y < 28; y++) {
      const d = Math.floor((y - 4) / 2);
      v.push([2 + d, y, 6 + d, y + 1], [30 - d, y, 34 - d, y + 1]);
    }
    expect(countStems(image(40, 32, v), box(0, 2, 40, 30))).toBeUndefined();
    expect(countStems(image(40, 32, []), box(0, 2, 40, 30))).toBeUndefined();
  });
});

describe('checkRomanLabels', () => {
  it('corrects a line-leading "II." drawn with three strokes, lowering its confidence', () => {
    const p = page(['II.', 'ĐÁNH', 'GIÁ'], 44);
    const repairs = checkRomanLabels(p, image(140, 32, stems(3)));
    expect(repairs).toEqual([{ from: 'II.', to: 'III.', line: 'II. ĐÁNH GIÁ' }]);
    const line = p.lines[0];
    expect(line?.words[0]).toMatchObject({ text: 'III.', confidence: 70 });
    expect(line?.confidence).toBe(70);
  });
  it('leaves labels that match the strokes, labels that are not I-runs, and lone words', () => {
    expect(checkRomanLabels(page(['II.', 'ĐÁNH'], 32), image(140, 32, stems(2)))).toEqual([]);
    expect(checkRomanLabels(page(['IV.', 'MỘT'], 44), image(140, 32, stems(3)))).toEqual([]);
    expect(checkRomanLabels(page(['II.'], 44), image(140, 32, stems(3)))).toEqual([]);
  });
});

describe('checkRomanLabels on look-alikes', () => {
  it('reads "J." before a title in capitals as "I." when the image has one stem', () => {
    const p = page(['J.', 'XÂY', 'DỰNG'], 20);
    expect(checkRomanLabels(p, image(140, 32, stems(1)))).toEqual([{ from: 'J.', to: 'I.', line: 'J. XÂY DỰNG' }]);
  });
  it('gives a lone "I" before a title in capitals its dot back, and leaves a lone "I" before other words', () => {
    expect(checkRomanLabels(page(['I', 'KẾT', 'QUẢ'], 12), image(140, 32, stems(1)))).toEqual([{ from: 'I', to: 'I.', line: 'I KẾT QUẢ' }]);
    expect(checkRomanLabels(page(['I', 'và', 'II'], 12), image(140, 32, stems(1)))).toEqual([]);
  });
  it('leaves "l." before a sentence in lower case', () => {
    expect(checkRomanLabels(page(['l.', 'Mục', 'tiêu'], 20), image(140, 32, stems(1)))).toEqual([]);
  });
});
