import { formatEta, pageEta } from '../../src/cli/ingest/page-eta.js';

const MB = 1024 * 1024;

describe('the time an ingest has left, from pages', () => {
  it('prices the pages still to read, estimated from the bytes left, at the time a text page has taken', () => {
    expect(pageEta({ elapsed: 10, slots: 1, pages: 100, ocrPages: 0, ocrSeconds: 0, bytesDone: 1 * MB, bytesLeft: 3 * MB })).toBe(30);
  });

  it('prices OCR pages at what OCR has taken, and text pages at the rest of the time', () => {
    // 10 text pages in 10 s, 2 OCR pages in 10 s; twice as many bytes left: 20 text pages and 4 OCR pages
    expect(pageEta({ elapsed: 20, slots: 1, pages: 12, ocrPages: 2, ocrSeconds: 10, bytesDone: MB, bytesLeft: 2 * MB })).toBe(40);
  });

  it('shares the work left over the files read at once', () => {
    expect(pageEta({ elapsed: 10, slots: 2, pages: 100, ocrPages: 0, ocrSeconds: 0, bytesDone: MB, bytesLeft: MB })).toBe(10);
  });

  it('does not jump when a long file follows short ones, as a rate of files does', () => {
    // ten one-page files of 50 kB in 1 s, then one 100-page file of 5 MB in 10 s; 5 MB left
    const before = pageEta({ elapsed: 1, slots: 1, pages: 10, ocrPages: 0, ocrSeconds: 0, bytesDone: 0.5 * MB, bytesLeft: 10 * MB }) ?? 0;
    const after = pageEta({ elapsed: 11, slots: 1, pages: 110, ocrPages: 0, ocrSeconds: 0, bytesDone: 5.5 * MB, bytesLeft: 5 * MB }) ?? 0;
    // by files: 10 files/s before, 1 file/s after, for the same work left per byte
    expect(before).toBe(20);
    expect(after).toBe(10);
  });

  it('knows nothing before a page is read, and nothing is left when no bytes are', () => {
    expect(pageEta({ elapsed: 3, slots: 2, pages: 0, ocrPages: 1, ocrSeconds: 3, bytesDone: 0, bytesLeft: MB })).toBeUndefined();
    expect(pageEta({ elapsed: 3, slots: 2, pages: 5, ocrPages: 0, ocrSeconds: 0, bytesDone: MB, bytesLeft: 0 })).toBe(0);
  });

  it('writes the time in hours, minutes and seconds', () => {
    expect([formatEta(undefined), formatEta(35), formatEta(250), formatEta(3900)]).toEqual(['…', '35 s', '4 min 10 s', '1 h 05 min']);
  });
});
