import { groupFigures } from '../../src/extract/figure-finder.js';
import { findNumbers } from '../../src/extract/number-parser.js';

/** Count the characters lowercased while `fn` runs (String.prototype.toLowerCase wrapped). */
function lowercasedChars(fn: () => void): number {
  const original = String.prototype.toLowerCase;
  let chars = 0;
  String.prototype.toLowerCase = function (this: string) {
    chars += this.length;
    return original.call(this);
  };
  try {
    fn();
  } finally {
    String.prototype.toLowerCase = original;
  }
  return chars;
}

describe('groupFigures range check', () => {
  it('still reads từ 90% đến 95%, 90 - 95% and Từ 3 đến 5 as ranges, and 2015-2020 or 3 đến 5 alone as not', () => {
    const shapes = (text: string) => groupFigures(text, findNumbers(text)).map((f) => [f.shape, f.value, f.valueMax]);
    expect(shapes('tăng từ 90% đến 95%')).toEqual([['range', 90, 95]]);
    expect(shapes('đạt 90 - 95%')).toEqual([['range', 90, 95]]);
    expect(shapes('Từ 3 đến 5 ngày')).toEqual([['range', 3, 5]]);
    expect(shapes('giai đoạn 2015-2020%')).toEqual([
      ['single', 2015, null],
      ['single', 2020, null],
    ]);
    expect(shapes('xã 3 đến 5 ngày')).toEqual([
      ['single', 3, null],
      ['single', 5, null],
    ]);
  });

  it('lowercases a bounded window per pair of numbers, not the whole block: linear in the text', () => {
    // One block without blank lines: 4,000 lines, each with two adjacent numbers joined by đến.
    const text = Array.from({ length: 4000 }, (_, i) => `Dòng ${i}: đạt ${i % 90} đến ${(i % 90) + 5} điểm phục vụ.`).join(' ');
    const numbers = findNumbers(text);
    expect(numbers.length).toBeGreaterThan(8000);
    const started = Date.now();
    const chars = lowercasedChars(() => groupFigures(text, numbers));
    expect(chars).toBeLessThan(text.length);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
