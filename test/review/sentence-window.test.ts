import { describe, expect, test } from '@jest/globals';
import { sentenceAround } from '../../src/review/sentence-window.js';

describe('sentenceAround', () => {
  test('the sentence holding the span is cut at sentence ends, not at dots inside numbers', () => {
    const text = 'Câu trước. Tổng số thuê bao đạt 1.234.567 thuê bao, tăng 5%. Câu sau.';
    const start = text.indexOf('1.234.567');
    const w = sentenceAround(text, start, start + '1.234.567 thuê bao'.length);
    expect(w).toEqual({ before: 'Tổng số thuê bao đạt ', match: '1.234.567 thuê bao', after: ', tăng 5%.', cutBefore: false, cutAfter: false });
  });

  test('a line break ends the sentence and a very long sentence is cut with a mark', () => {
    const text = `Tiêu đề\n${'x'.repeat(50)} 42 trạm ${'y'.repeat(50)}`;
    const start = text.indexOf('42 trạm');
    expect(sentenceAround(text, start, start + 7).before).toBe(`${'x'.repeat(50)} `);
    const cut = sentenceAround(text, start, start + 7, 10);
    expect(cut).toMatchObject({ before: `${'x'.repeat(9)} `, after: ` ${'y'.repeat(9)}`, cutBefore: true, cutAfter: true });
  });

  test('a span outside the text gives an empty match instead of throwing', () => {
    expect(sentenceAround('abc', 10, 20)).toMatchObject({ match: '' });
  });
});
