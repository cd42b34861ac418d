import { coverage, phraseWords, PHRASE_COVERAGE } from '../../src/export/compare-phrases.js';

describe('compare by phrase', () => {
  it('folds diacritics and case and drops function words and numbers', () => {
    expect([...phraseWords('Số thuê bao của Viettel năm 2024')].sort()).toEqual(['bao', 'nam', 'thue', 'viettel']);
  });

  it('groups a phrase that holds most of the words asked, in any order and spelling of case', () => {
    const asked = phraseWords('doanh thu bưu chính');
    expect(coverage(asked, 'Doanh thu dịch vụ bưu chính, chuyển phát')).toBe(1);
    expect(coverage(asked, 'sản lượng bưu chính')).toBeLessThan(PHRASE_COVERAGE);
    expect(coverage(asked, 'doanh thu viễn thông')).toBeLessThan(PHRASE_COVERAGE);
  });
});
