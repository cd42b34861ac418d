import { readdirSync, readFileSync } from 'node:fs';
import {
  buildLexicon,
  loadLexicon,
  MIN_PAGE_REPAIRS,
  repairDiacritics,
  repairPageDiacritics,
  skeletonOf,
  syllableKey,
} from '../../../src/read/ocr/ocr-diacritic-repair.js';

const lexicon = loadLexicon();

describe('syllable keys', () => {
  it('give the old and the new placement of a tone mark one key', () => {
    expect(syllableKey('hoà')).toBe(syllableKey('hòa'));
    expect(syllableKey('thuỷ')).toBe(syllableKey('thủy'));
    expect(syllableKey('Tổ')).toBe(syllableKey('tổ'));
    expect(syllableKey('tổ')).not.toBe(syllableKey('tô'));
  });

  it('strip every mark for the skeleton, keeping đ apart from d', () => {
    expect(skeletonOf('Triển')).toBe('trien');
    expect(skeletonOf('đường')).toBe('đuong');
  });
});

describe('repairDiacritics', () => {
  // Lines written for this test, with the tone mark OCR drops above â, ă, ê, ô.
  const repaired: [string, string][] = [
    ['ban hành kê hoạch năm 2024', 'ban hành kế hoạch năm 2024'],
    ['công tác tô chức cán bộ', 'công tác tổ chức cán bộ'],
    ['mục tiêu phát triên bền vững', 'mục tiêu phát triển bền vững'],
    ['chương trình tông thê cải cách', 'chương trình tổng thể cải cách'],
    ['theo Nghị định sô 12/2020/NĐ-CP', 'theo Nghị định số 12/2020/NĐ-CP'],
    ['Kê hoạch triển khai', 'Kế hoạch triển khai'],
    ['II. KÊ HOẠCH NĂM 2025', 'II. KẾ HOẠCH NĂM 2025'],
    ['cắt giảm chi phí, căt giảm thời gian', 'cắt giảm chi phí, cắt giảm thời gian'],
    // a hook above the hat read as a grave
    ['yêu cầu chuyền đồi số', 'yêu cầu chuyển đổi số'],
    ['bồ sung danh mục', 'bổ sung danh mục'],
    ['các cơ sở giáo dục phố thông trên cả nước', 'các cơ sở giáo dục phổ thông trên cả nước'],
    // in capitals the hat itself may go, the tone mark staying
    ['I. XÂY DỰNG KÉ HOẠCH', 'I. XÂY DỰNG KẾ HOẠCH'],
    ['III. TÒN TẠI, HẠN CHÉ', 'III. TỒN TẠI, HẠN CHẾ'],
  ];
  it.each(repaired)('repairs %j', (line, expected) => {
    const result = repairDiacritics(line, lexicon);
    expect(result.text).toBe(expected);
    expect(result.repairs.length).toBeGreaterThan(0);
    for (const r of result.repairs) expect(skeletonOf(r.from)).toBe(skeletonOf(r.to));
  });

  const untouched: [string, string][] = [
    ['tổ chức thực hiện kế hoạch', 'correct text'],
    ['trong năm không để xảy ra', '`năm` (a year, five) is kept even where `nằm không` is a word'],
    ['đồng thời điên thông tin theo mẫu', 'a syllable of a word read right (`thông tin`) is not taken for another word'],
    ['phố thông tin', '`thông` belongs to `thông tin`: not taken for `phổ thông`'],
    ['cấp trên', 'an acute over a hat is a hook only where that makes a word'],
    ['tuyến cáp đồng trục', 'in lower case a hatless syllable is left as read'],
    ['để được hỗ trợ', 'a hook is not taken for a grave (only the other way)'],
    ['số 12 và sô cô la', '`sô` before a word'],
    ['mã KSTTHC', 'codes in capitals are no syllables of a word'],
  ];
  it.each(untouched)('leaves %j alone (%s)', (line) => {
    expect(repairDiacritics(line, lexicon)).toEqual({ text: line, repairs: [] });
  });

  it('reads the lines around, never changes them', () => {
    // `thống kê` runs over the line break: `kê` is right
    expect(repairDiacritics('kê kinh tế - xã hội', lexicon, { before: 'công tác thống' }).repairs).toEqual([]);
    // `kê` is in the line before: this line has nothing to repair
    expect(repairDiacritics('hoạch năm 2024', lexicon, { before: 'xây dựng kê' }).repairs).toEqual([]);
    expect(repairDiacritics('kê', lexicon, { after: 'hoạch năm 2024' }).text).toBe('kế');
  });

  it('keeps the placement of a mark the document uses when it only adds one', () => {
    const tiny = buildLexicon(['tổ chức', 'hoà bình']);
    expect(repairDiacritics('tô chức', tiny).text).toBe('tổ chức');
    expect(repairDiacritics('hoà bình', tiny).repairs).toEqual([]);
  });

  it('changes at most one line in a hundred of correct reports (the corpus source texts)', () => {
    const lines = sourceLines();
    expect(lines.length).toBeGreaterThan(500);
    const changed = lines.filter((line) => repairDiacritics(line, lexicon).repairs.length > 0);
    // measured: 3 of 667 lines, each a typo of the source itself (`chuyên đổi` for `chuyển đổi`)
    expect(changed.length).toBeLessThanOrEqual(lines.length / 100);
  });
});

describe('repairPageDiacritics', () => {
  it('repairs a page only when it loses marks all over (at least three repairs)', () => {
    const page = ['Căn cứ kê hoạch năm 2024,', 'đơn vị tô chức thực hiện', 'và tông hợp kết quả.'];
    const result = repairPageDiacritics(page, lexicon);
    expect(result.lines).toEqual(['Căn cứ kế hoạch năm 2024,', 'đơn vị tổ chức thực hiện', 'và tổng hợp kết quả.']);
    expect(result.repairs).toHaveLength(3);
    expect(result.perLine).toEqual([1, 1, 1]);
    // one or two lone candidates may be the author's typos: kept as written
    expect(repairPageDiacritics(page.slice(0, 2), lexicon)).toEqual({ lines: page.slice(0, 2), repairs: [], perLine: [0, 0] });
    expect(MIN_PAGE_REPAIRS).toBe(3);
  });

  it('leaves the corpus source texts as written, read as pages of 40 lines', () => {
    const lines = sourceLines();
    let repairs = 0;
    for (let i = 0; i < lines.length; i += 40) repairs += repairPageDiacritics(lines.slice(i, i + 40), lexicon).repairs.length;
    expect(repairs).toBe(0);
  });
});

function sourceLines(): string[] {
  const dir = '../shared/corpus';
  return readdirSync(dir)
    .filter((f) => f.endsWith('.source.txt'))
    .flatMap((f) => readFileSync(`${dir}/${f}`, 'utf8').split('\n'));
}
