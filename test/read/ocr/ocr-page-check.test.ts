import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { pageNeedsOcr } from '../../../src/read/ocr/ocr-page-check.js';

async function pageTexts(path: string): Promise<string[]> {
  const pdf = await getDocument({ data: new Uint8Array(await readFile(path)), verbosity: 0 }).promise;
  const texts: string[] = [];
  for (let p = 1; p <= pdf.numPages; p++) {
    const content = await (await pdf.getPage(p)).getTextContent();
    texts.push(content.items.map((i) => ('str' in i ? i.str : '')).join(' '));
  }
  await pdf.destroy();
  return texts;
}

describe('pageNeedsOcr', () => {
  it('reads every page of a PDF with a real text layer as text', async () => {
    for (const text of await pageTexts('../shared/corpus/003.pdf')) {
      expect(pageNeedsOcr(text)).toEqual({ needs: false, reason: 'usable text layer' });
    }
  });

  it('sends every page of a scanned PDF to OCR', async () => {
    for (const text of await pageTexts('../shared/corpus/003.scan.pdf')) {
      expect(pageNeedsOcr(text)).toEqual({ needs: true, reason: 'no text layer' });
    }
  });

  it('sends a page with only a page number to OCR', () => {
    expect(pageNeedsOcr('  12  ').needs).toBe(true);
  });

  it('sends a layer of private-use glyph codes (a broken font map) to OCR', async () => {
    const [text] = await pageTexts('../shared/corpus/003.pdf');
    const broken = [...text].map((c) => (/\S/u.test(c) ? String.fromCharCode(0xe000 + (c.charCodeAt(0) % 256)) : c)).join('');
    const need = pageNeedsOcr(broken);
    expect(need.needs).toBe(true);
    expect(need.reason).toMatch(/^garbled text layer: \d+% unexpected characters$/);
  });

  it('sends a layer of replacement characters to OCR', () => {
    expect(pageNeedsOcr('Báo cáo \uFFFD\uFFFD\uFFFD \uFFFD\uFFFD\uFFFD\uFFFD \uFFFD\uFFFD\uFFFD\uFFFD\uFFFD \uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD').needs).toBe(
      true,
    );
  });

  it('sends a layer whose letters are shifted by the font map to OCR', async () => {
    const [text] = await pageTexts('../shared/corpus/003.pdf');
    const shifted = text.replace(/[a-y]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 1));
    const need = pageNeedsOcr(shifted);
    expect(need.needs).toBe(true);
    expect(need.reason).toMatch(/words look Vietnamese/);
  });

  it('leaves TCVN3 text to the normalizer instead of OCR', async () => {
    const zip = await JSZip.loadAsync(await readFile('../shared/corpus/003.tcvn3.docx'));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const text = xml.replace(/<[^>]+>/g, ' ').slice(0, 6000);
    const need = pageNeedsOcr(text);
    expect(need.needs).toBe(false);
    expect(need.reason).toMatch(/legacy 8-bit Vietnamese encoding/);
  });
});
