import { parseWordListText, splitsWord, vietWordList, wordListFrom, wordListText } from '../../src/text/viet-word-list.js';
import { metricPhrase } from '../../src/extract/metric-phrase.js';

describe('Vietnamese word list (Viet74K of @vntk/dictionary)', () => {
  it('holds words of several syllables, lower-case, syllables joined by a space', () => {
    const list = vietWordList();
    expect(list.words.has('thanh toán')).toBe(true);
    expect(list.words.has('đầu tư')).toBe(true);
    expect(list.words.size).toBeGreaterThan(30000);
  });

  it('says where a cut would split a word', () => {
    const syl = 'thanh toán vốn đầu tư'.split(' ');
    expect([1, 2, 3, 4].map((i) => splitsWord(syl, i))).toEqual([true, false, false, true]);
  });

  it('reads hyphenated entries and skips single syllables', () => {
    const list = wordListFrom(['a', 'ba-ri-e', 'Hà Nội', '']);
    expect([...list.words].sort()).toEqual(['ba ri e', 'hà nội']);
    expect(list.longest).toBe(3);
  });

  it('ignores separators at the ends, takes any run of spaces or hyphens between syllables, and skips entries with other characters', () => {
    const list = wordListFrom([' -Xuất  khẩu- ', 'nhập\u00a0khẩu\r', 'Co\u0300n - lại', 'vốn 1', 'a.b c', '- -', 'một- -hai-ba']);
    expect([...list.words].sort()).toEqual(['còn lại', 'một hai ba', 'nhập khẩu', 'xuất khẩu']);
    expect(list.longest).toBe(3);
  });
});

describe('metric phrases are cut at word boundaries', () => {
  it('does not start a long phrase inside a word', () => {
    const text = 'Trong năm các chủ đầu tư đã chủ động tập trung đẩy nhanh tiến độ giải ngân và thanh toán vốn đầu tư công đạt 1.250 tỷ đồng.';
    const start = text.indexOf('1.250');
    const m = metricPhrase({ text, sentence: 0, from: 0, start, unitStart: start + 6, unitEnd: start + 6, kind: 'money', aspect: 'level' });
    const first = m.metric.split(' ')[0];
    expect(['toán', 'trung', 'nhanh', 'tư']).not.toContain(first);
  });
});

describe('the prebuilt word list file', () => {
  it('reads back what it wrote', () => {
    const list = wordListFrom(['xuất khẩu', 'một hai ba', 'vốn']);
    expect(parseWordListText(wordListText(list))).toEqual(list);
  });

  it('is not taken without its header', () => {
    expect(parseWordListText('xuất khẩu\nnhập khẩu')).toBeUndefined();
    expect(parseWordListText('')).toBeUndefined();
  });
});
