import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { SourceFile } from '../../../src/core/source-file.js';
import { DocumentFailure } from '../../../src/core/source-file.js';
import { readPdf, undoPdfjsFolding } from '../../../src/read/pdf/pdf-reader.js';
import { encodeLegacy } from '../../../src/text/legacy-encoding.js';
import {
  DECOMPOSED_LINES,
  LAYOUT,
  MARK_FIRST_WORDS,
  SPLIT_LINES,
  TCVN3_LINES,
  decomposedPdf,
  encryptedPdf,
  layoutPdf,
  noTextPdf,
  splitDiacriticsPdf,
  tcvn3Pdf,
} from '../../../scripts/make-test-pdfs.js';

const CORPUS = '../shared/corpus';

async function read(name: string, bytes: Buffer, allowEmpty = false) {
  const file = new SourceFile(name, bytes);
  const result = await readPdf(file, { allowEmpty });
  return { result, file, texts: result.raw.map((b) => b.text) };
}

async function failure(name: string, bytes: Buffer): Promise<{ rule: string; reason: string }> {
  const file = new SourceFile(name, bytes);
  try {
    await readPdf(file);
  } catch (err) {
    if (err instanceof DocumentFailure) return { rule: err.rule, reason: err.message };
    throw err;
  }
  throw new Error(`${name} was read without failing`);
}

/** A one-line PDF in a standard WinAnsi font, its text given as already-encoded characters. */
function winAnsiPdf(line: string): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument();
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.font('Times-Roman').fontSize(9).text(line, 30, 72, { lineBreak: false });
    doc.end();
  });
}

describe('readPdf: Vietnamese words rebuilt', () => {
  it('joins words split around diacritics (ĐIỀ U KHO ẢN → ĐIỀU KHOẢN), with and without gaps', async () => {
    const { texts } = await read('split.pdf', await splitDiacriticsPdf());
    expect(texts).toEqual(SPLIT_LINES);
  });

  it('composes decomposed marks to NFC and puts a mark drawn before its letter back on it', async () => {
    const { texts } = await read('nfd.pdf', await decomposedPdf());
    expect(texts).toEqual([...DECOMPOSED_LINES, MARK_FIRST_WORDS.join(' ')]);
    for (const t of texts) expect(t).toBe(t.normalize('NFC'));
  });
});

describe('readPdf: legacy fonts in the text layer', () => {
  it.each([
    ['by the font name .VnTime', '.VnTime'],
    ['by the text alone (font without a legacy name)', undefined],
  ])('decodes TCVN3 %s', async (_how, fontName) => {
    const { texts, file } = await read('tcvn3.pdf', await tcvn3Pdf(fontName));
    expect(texts).toEqual(TCVN3_LINES);
    expect(file.messages.some((m) => m.rule === 'read:legacy-encoding')).toBe(true);
  });

  it('decodes every TCVN3 letter, including the two pdfjs folds (µ → μ for à, soft hyphen → - for ư)', async () => {
    const letters = 'aàảãáạăằẳẵắặâầẩẫấậeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵđ';
    const words = `Trường nước thư ưu tiên ${letters} Covid-19`;
    const { texts } = await read('alphabet.pdf', await winAnsiPdf(encodeLegacy(words, 'tcvn3')));
    expect(texts.join(' ')).toBe(words);
  });

  it('undoes the hyphen fold only where it stands for ư', () => {
    expect(undoPdfjsFolding('n-íc th- -u', 'tcvn3')).toBe('n\u00adíc th\u00ad \u00adu');
    expect(undoPdfjsFolding('Covid-19 BC-STTTT 2020 - 2025', 'tcvn3')).toBe('Covid-19 BC-STTTT 2020 - 2025');
    expect(undoPdfjsFolding('n-íc', 'vni')).toBe('n-íc');
    expect(undoPdfjsFolding('v\u03bc', null)).toBe('v\u00b5');
  });
});

describe('readPdf: layout', () => {
  it('gives lines with page, bbox, font size and bold, in reading order', async () => {
    const { result } = await read('layout.pdf', await layoutPdf(2));
    expect(result.pages.map((p) => p.page)).toEqual([1, 2]);
    const title = result.raw.find((b) => b.text === LAYOUT.title && b.page === 1);
    expect(title?.bold).toBe(true);
    expect(title?.fontSize).toBe(14);
    const body = result.raw.find((b) => b.text.startsWith(LAYOUT.body) && b.page === 2);
    expect(body?.text).toBe(`${LAYOUT.body} 2`);
    expect(body?.bbox?.[0]).toBeCloseTo(72, 0);
    expect(body?.bold).toBeUndefined();
    // reading order: header, title, body, second line, page number
    expect(result.raw.filter((b) => b.page === 1).map((b) => b.text)).toEqual([LAYOUT.header, LAYOUT.title, `${LAYOUT.body} 1`, 'Dòng thứ hai', '1']);
  });

  it('reads the corpus PDFs page by page with the text of the source', async () => {
    const { result } = await read('002.pdf', readFileSync(`${CORPUS}/002.pdf`));
    expect(result.pages.length).toBeGreaterThan(1);
    expect(result.pages.every((p) => p.chars > 0 && p.origin === 'text-layer')).toBe(true);
    const source = readFileSync(`${CORPUS}/002.source.txt`, 'utf8').normalize('NFC');
    // every line of the text layer that is a long body line occurs in the source text
    const long = result.raw.filter((b) => b.text.length > 40 && /[a-zà-ỹ]{3}/u.test(b.text));
    expect(long.length).toBeGreaterThan(20);
    const found = long.filter((b) => source.includes(b.text.slice(0, 30)));
    expect(found.length / long.length).toBeGreaterThan(0.9);
  });
});

describe('readPdf: bad input', () => {
  it('refuses a password-protected PDF with the reason', async () => {
    const f = await failure('locked.pdf', await encryptedPdf());
    expect(f.rule).toBe('read:encrypted');
    expect(f.reason).toMatch(/password/);
  });

  it('refuses a corrupt PDF', async () => {
    const f = await failure('corrupt.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(3000, 7)]));
    expect(f.rule).toBe('read:corrupt');
  });

  it('a PDF without a text layer needs OCR; with allowEmpty its pages come back empty with a warning each', async () => {
    const f = await failure('scan.pdf', await noTextPdf(2));
    expect(f.rule).toBe('read:needs-ocr');
    expect(f.reason).toMatch(/OCR/);
    const { result, file } = await read('scan.pdf', await noTextPdf(2), true);
    expect(result.pages.map((p) => p.chars)).toEqual([0, 0]);
    expect(file.messages.filter((m) => m.rule === 'read:no-text-layer').map((m) => m.place?.page)).toEqual([1, 2]);
  });

  it('a PDF with text on one page of two reads that page and warns about the other', async () => {
    const { result, file } = await read('mixed.pdf', await noTextPdf(2, 2));
    expect(result.pages.map((p) => p.chars > 0)).toEqual([false, true]);
    expect(result.raw.map((b) => b.text)).toEqual(['Trang có chữ']);
    expect(file.messages.filter((m) => m.rule === 'read:no-text-layer').map((m) => m.place?.page)).toEqual([1]);
  });
});
