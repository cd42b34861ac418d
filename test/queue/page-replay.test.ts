import { describe, expect, it } from '@jest/globals';
import type { OcrPage } from '../../schemas/ocr-page.js';
import { pageReplay } from '../../src/queue/page-replay.js';
import type { PageRead, WantedPage } from '../../src/store/page-read-store.js';

const page2: OcrPage = {
  confidence: 88,
  lines: [{ confidence: 88, bbox: { x0: 0, y0: 0, x1: 9, y1: 9 }, words: [{ text: 'Hai', confidence: 88, bbox: { x0: 0, y0: 0, x1: 9, y1: 9 } }] }],
};

describe('the OCR scheduler of a document whose pages page jobs read', () => {
  const read = new Map<number, PageRead>([
    [2, { page: 2, engine: 'tesseract 5.3.0 (native command)', result: page2 }],
    [3, { page: 3, engine: 'tesseract 5.3.0 (native command)', error: 'tesseract exited with 1' }],
  ]);

  it('gives back what OCR read on a page (a copy: the reader corrects it in place), and the error of a page OCR failed on', async () => {
    const { scheduler, wanted } = pageReplay(read, () => Promise.reject(new Error('nothing to keep')));
    const first = await scheduler.recognize(Buffer.from('image'), { page: 2, dpi: 200 });
    expect(first).toEqual(page2);
    first.lines[0].words[0].text = 'changed';
    expect(await scheduler.recognize(Buffer.from('image'), { page: 2 })).toEqual(page2);
    await expect(scheduler.recognize(Buffer.from('image'), { page: 3 })).rejects.toThrow('tesseract exited with 1');
    expect(scheduler.description).toBe('tesseract 5.3.0 (native command)');
    expect(wanted).toEqual([]);
  });

  it('keeps a page not read yet, once, with its image and how to read it, and reads it as blank meanwhile', async () => {
    const kept: WantedPage[] = [];
    const { scheduler, wanted } = pageReplay(read, (p) => {
      kept.push(p);
      return Promise.resolve();
    });
    expect(await scheduler.recognize(Buffer.from('page one'), { page: 1, dpi: 300, source: 'x.scan.pdf' })).toEqual({ confidence: 0, lines: [] });
    await scheduler.recognize(Buffer.from('page one'), { page: 1, dpi: 300, source: 'x.scan.pdf' });
    expect(wanted).toEqual([1]);
    expect(kept).toEqual([{ page: 1, image: Buffer.from('page one'), options: { page: 1, dpi: 300, source: 'x.scan.pdf' } }]);
  });

  it('an image without its page number is a programmer error, with the fix', () => {
    const { scheduler } = pageReplay(new Map(), () => Promise.resolve());
    expect(() => scheduler.recognize(Buffer.from('x'), {})).toThrow(/RecognizeOptions\.page/);
  });
});
