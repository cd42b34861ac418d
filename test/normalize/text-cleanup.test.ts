import { cleanText, type CleanupCounts } from '../../src/normalize/text-cleanup.js';

describe('cleanText', () => {
  it('composes decomposed Vietnamese to NFC', () => {
    const decomposed = 'Ninh Thua\u0323\u0302n'.normalize('NFD');
    expect(cleanText(decomposed)).toBe('Ninh Thuận');
    expect(cleanText(decomposed)).toBe('Ninh Thuận'.normalize('NFC'));
  });

  it('re-attaches a combining mark that a reader separated from its letter, and counts it', () => {
    const counts: CleanupCounts = { reattached: 0, removed: 0 };
    expect(cleanText('Vie\u0302 \u0323t Nam', counts)).toBe('Việt Nam');
    expect(counts.reattached).toBe(1);
  });

  it('turns NBSP, thin and ideographic spaces and tabs into single spaces and trims', () => {
    expect(cleanText('\u00A010.000\u202Ftriệu\tđồng\u3000 ')).toBe('10.000 triệu đồng');
  });

  it('removes zero-width characters, soft hyphens and BOMs, and counts them', () => {
    const counts: CleanupCounts = { reattached: 0, removed: 0 };
    expect(cleanText('\uFEFFthuê\u200B bao\u00AD', counts)).toBe('thuê bao');
    expect(counts.removed).toBe(3);
  });
});
