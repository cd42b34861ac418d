import { readFile } from 'node:fs/promises';

describe('the ESM toolchain', () => {
  it('loads pdfjs-dist legacy build and reads text from a corpus PDF', async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const data = new Uint8Array(await readFile('../shared/corpus/003.pdf'));
    const pdf = await pdfjs.getDocument({ data, useSystemFonts: false, isEvalSupported: false }).promise;
    const page = await pdf.getPage(1);
    const content = await page.getTextContent();
    const text = content.items.map((i) => ('str' in i ? i.str : '')).join(' ');
    expect(pdf.numPages).toBe(6);
    expect(text).toContain('BÁO CÁO');
    await pdf.destroy();
  });
});
