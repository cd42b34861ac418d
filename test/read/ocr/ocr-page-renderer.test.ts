import { readFile } from 'node:fs/promises';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { boxToPoints, renderPageImage, toPgm } from '../../../src/read/ocr/ocr-page-renderer.js';

async function open(path: string): Promise<PDFDocumentProxy> {
  return getDocument({ data: new Uint8Array(await readFile(path)), isOffscreenCanvasSupported: false, verbosity: 0 }).promise;
}

describe('renderPageImage', () => {
  it('takes the scan image of a scanned page as it is, at its own resolution', async () => {
    const pdf = await open('../shared/corpus/003.scan.pdf');
    const image = await renderPageImage(pdf, 1);
    await pdf.destroy();
    expect(image.source).toBe('embedded');
    expect(image.dpi).toBe(200);
    expect(image.gray.length).toBe(image.width * image.height);
    // The scan's corner maps to the page's corner, in points.
    const corner = boxToPoints(image, [0, 0, image.width, image.height]);
    [0, 0, image.pageWidth, image.pageHeight].forEach((v, i) => expect(corner[i]).toBeCloseTo(v, 0));
  });

  it('draws a page with a text layer at the resolution asked for', async () => {
    const pdf = await open('../shared/corpus/003.pdf');
    const image = await renderPageImage(pdf, 1, { dpi: 100 });
    await pdf.destroy();
    expect(image.source).toBe('rendered');
    expect(image.width).toBe(Math.ceil((image.pageWidth * 100) / 72));
    // Mostly white paper with some black text.
    const dark = image.gray.filter((v) => v < 128).length / image.gray.length;
    expect(dark).toBeGreaterThan(0.005);
    expect(dark).toBeLessThan(0.2);
  });

  it('draws a scanned page too when asked not to use the embedded image', async () => {
    const pdf = await open('../shared/corpus/003.scan.pdf');
    const image = await renderPageImage(pdf, 1, { dpi: 72, embedded: false });
    await pdf.destroy();
    expect(image.source).toBe('rendered');
    expect(image.toPoints).toEqual([1, 1, 0, 0]);
  });

  it('encodes a PGM header followed by the pixels', () => {
    const pgm = toPgm({ width: 2, height: 1, gray: new Uint8Array([0, 255]) });
    expect(pgm.toString('latin1')).toBe('P5\n2 1\n255\n\u0000\u00ff');
  });
});
