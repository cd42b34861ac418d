import { HeadingSegmenter } from '../../src/segment/heading-segmenter.js';
import { toRoman } from '../../src/text/roman-numerals.js';

function paths(lines: string[], ocr: boolean): (string | undefined)[] {
  const seg = new HeadingSegmenter();
  return lines.map((text) => seg.consider({ text, ocr })?.path);
}

describe('OCR Roman labels with dropped strokes', () => {
  const read = ['I. KẾT QUẢ', '1. Công tác', 'I. CÔNG TÁC TỔNG HỢP', '1. Hoạt động', 'II. PHƯƠNG HƯỚNG'];

  it('reads `I.` where `II.` is due as II, and `II.` where `III.` is due as III, on OCR text', () => {
    expect(paths(read, true)).toEqual(['I', 'I/1', 'II', 'II/1', 'III']);
  });

  it('leaves text-layer labels alone (a repeated I. is not a heading there)', () => {
    expect(paths(read, false)).toEqual(['I', 'I/1', undefined, 'I/1/1', 'II']);
  });

  it('never invents a numeral from other letters (V. where II. is due stays out)', () => {
    expect(paths(['I. A', 'II. B', 'V. C'], true)).toEqual(['I', 'II', 'V']);
    expect(paths(['I. A', 'II. B', 'V. C', 'I. D'], true)).toEqual(['I', 'II', 'V', undefined]);
    expect(paths(['I. A', 'II. B', 'V. C', 'V. D'], true)).toEqual(['I', 'II', 'V', 'VI']);
    expect(paths(['I. A', 'II. B', 'X. C', 'V. D'], true)).toEqual(['I', 'II', undefined, 'V']);
  });

  it('writes Roman numerals', () => {
    expect([1, 2, 3, 4, 9, 14, 40, 99].map(toRoman)).toEqual(['I', 'II', 'III', 'IV', 'IX', 'XIV', 'XL', 'XCIX']);
  });
});
