import { coverage, phraseWords, PHRASE_COVERAGE } from '../../src/export/compare-phrases.js';

describe('compare by phrase', () => {
  it('reads words as the catalog matcher does: folded, function words and years dropped', () => {
    expect([...phraseWords('Số thuê bao của Viettel năm 2024')].sort()).toEqual(['bao', 'so', 'thue', 'viettel']);
  });

  it('groups a phrase that holds most of the words asked, in any order and spelling of case', () => {
    const asked = phraseWords('doanh thu bưu chính');
    expect(coverage(asked, 'Doanh thu dịch vụ bưu chính, chuyển phát')).toBe(1);
    expect(coverage(asked, 'sản lượng bưu chính')).toBeLessThan(PHRASE_COVERAGE);
    expect(coverage(asked, 'doanh thu viễn thông')).toBeLessThan(PHRASE_COVERAGE);
  });

  it("expands the reports' abbreviations on both sides, and does not take ký số for any kỳ", () => {
    expect(coverage(phraseWords('TB di động'), 'thuê bao di động trả sau')).toBe(1);
    expect(coverage(phraseWords('thủ tục hành chính trực tuyến'), 'TTHC trực tuyến')).toBe(1);
    expect(coverage(phraseWords('ký số'), 'doanh thu cùng kỳ')).toBeLessThan(PHRASE_COVERAGE);
  });
});
