import { characterErrorRate, normalizeForCer } from '../../../src/read/ocr/ocr-error-rate.js';

describe('characterErrorRate', () => {
  it('counts substitutions, deletions and insertions over the reference length', () => {
    const rate = characterErrorRate('kitten', 'sitting');
    expect(rate.distance).toBe(3);
    expect(rate.cer).toBeCloseTo(0.5);
  });

  it('is zero for texts that differ only in markdown marks and whitespace', () => {
    expect(characterErrorRate('## **BÁO CÁO**\n\n### Tình hình', 'BÁO CÁO Tình   hình').cer).toBe(0);
  });

  it('compares Vietnamese letters composed or decomposed alike', () => {
    expect(characterErrorRate('Việt', 'Vie\u0323\u0302t').cer).toBe(0);
  });

  it('does not charge insertions in cerMissed', () => {
    const rate = characterErrorRate('abcdef', 'HEADER abcdef');
    expect(rate.cer).toBeGreaterThan(1);
    expect(rate.cerMissed).toBe(0);
  });

  it('agrees with a full edit distance on long texts that align', () => {
    const reference = 'một hai ba bốn năm '.repeat(300);
    // 300 substitutions, and `một hai ` (8 characters: the space left in front is trimmed) deleted.
    const hypothesis = reference.replace(/bốn/g, 'bổn').slice(7);
    expect(characterErrorRate(reference, hypothesis).distance).toBe(300 + 8);
  });

  it('strips heading marks only at line starts', () => {
    expect(normalizeForCer('#### I. KẾT QUẢ\nsố #1')).toBe('I. KẾT QUẢ số #1');
  });
});
