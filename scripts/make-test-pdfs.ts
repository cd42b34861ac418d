/**
 * Builds small PDFs that trigger the known troubles of PDF text layers, for the PDF reader's
 * tests: Vietnamese words drawn as separate runs split around diacritics, decomposed (NFD)
 * combining marks (also drawn before their base letter), a TCVN3 (.VnTime) text layer, an
 * encrypted file, a file without text, and a page layout with a centred title and a running header.
 *
 * Tests call the builders in memory; `npx tsx scripts/make-test-pdfs.ts [dir]` writes them to
 * `dir` (default: a new temp dir) to look at them with a viewer.
 *
 * The Vietnamese font is DejaVu Serif from the npm package `dejavu-fonts-ttf` (never a system font).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import PDFDocument from 'pdfkit';
import { encodeLegacy } from '../src/text/legacy-encoding.js';

const require = createRequire(import.meta.url);
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
export const VIET_FONT = join(FONT_DIR, 'DejaVuSerif.ttf');
export const VIET_FONT_BOLD = join(FONT_DIR, 'DejaVuSerif-Bold.ttf');

type Doc = InstanceType<typeof PDFDocument>;

/** Render a pdfkit document to a Buffer. */
function build(draw: (doc: Doc) => void, options: ConstructorParameters<typeof PDFDocument>[0] = {}): Promise<Buffer> {
  return new Promise((done, fail) => {
    // compress: false keeps content streams readable when a test looks into them.
    const doc = new PDFDocument({ size: 'A4', margin: 72, compress: false, info: { CreationDate: new Date(0) }, ...options });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => done(Buffer.concat(chunks)));
    doc.on('error', fail);
    draw(doc);
    doc.end();
  });
}

/** Draw `pieces` one after the other on one baseline, each as its own text object (its own run). */
function drawRuns(doc: Doc, pieces: string[], x: number, y: number, gap = 0): number {
  let at = x;
  for (const piece of pieces) {
    doc.text(piece, at, y, { lineBreak: false });
    at += doc.widthOfString(piece) + gap;
  }
  return at;
}

/** Split a line into words, and each word into runs at every letter carrying a diacritic. */
export function splitAtDiacritics(line: string): string[][] {
  return line.split(' ').map((word) => word.split(/(?=[^\x00-\x7f])|(?<=[^\x00-\x7f])/u).filter((p) => p.length > 0));
}

/**
 * Vietnamese lines drawn with every diacritic letter as its own run, the runs apart by a small
 * gap (0.15 em, as when a PDF's widths for precomposed glyphs are wrong: pdfjs then puts a space
 * there, `ĐIỀ U KHO ẢN`), one line with the runs touching; words apart by a space's width.
 */
export const SPLIT_LINES = ['ĐIỀU KHOẢN CHUNG', 'Sở Thông tin và Truyền thông tỉnh Ninh Thuận', 'Kết quả thực hiện nhiệm vụ'];

export function splitDiacriticsPdf(): Promise<Buffer> {
  return build((doc) => {
    doc.font(VIET_FONT).fontSize(14);
    const space = doc.widthOfString(' ');
    let y = 100;
    SPLIT_LINES.forEach((line, n) => {
      let x = 72;
      for (const word of splitAtDiacritics(line)) {
        x = drawRuns(doc, word, x, y, n === 2 ? 0 : 0.15 * 14) + space;
      }
      y += 24;
    });
  });
}

/** Lines written in NFD (base letter + combining marks) as one run each. */
export const DECOMPOSED_LINES = ['Báo cáo tình hình kinh tế', 'Hội nghị triển khai nhiệm vụ'];
/** Words drawn with the combining mark as a separate run, emitted before its base letter. */
export const MARK_FIRST_WORDS = ['Việt', 'Nam'];

export function decomposedPdf(): Promise<Buffer> {
  return build((doc) => {
    doc.font(VIET_FONT).fontSize(14);
    let y = 100;
    for (const line of DECOMPOSED_LINES) {
      doc.text(line.normalize('NFD'), 72, y, { lineBreak: false });
      y += 24;
    }
    // "Việt Nam" with ệ as e + ̣ + ̂ : the marks are drawn as their own text object before the
    // letter they sit on (pdfjs then glues them to the run before, "Vị̂" + "et").
    const space = doc.widthOfString(' ');
    const before = 'Vi';
    const x0 = 72;
    const ex = x0 + doc.widthOfString(before);
    doc.text(before, x0, y, { lineBreak: false });
    doc.text('\u0323\u0302', ex + doc.widthOfString('e') / 2, y, { lineBreak: false });
    doc.text('e', ex, y, { lineBreak: false });
    doc.text('t', ex + doc.widthOfString('e'), y, { lineBreak: false });
    doc.text('Nam', ex + doc.widthOfString('et') + space, y, { lineBreak: false });
  });
}

/** Unicode lines that the TCVN3 PDFs carry, encoded to TCVN3 bytes in a WinAnsi font. */
export const TCVN3_LINES = ['Sở Thông tin và Truyền thông', 'Báo cáo kết quả thực hiện nhiệm vụ năm 2021'];

/**
 * A text layer in TCVN3: the cp1252 characters of the TCVN3 codes in a standard WinAnsi font.
 * With `fontName`, the font's /BaseFont is renamed (e.g. `.VnTime`), as old Word PDFs declare it.
 */
export async function tcvn3Pdf(fontName?: string): Promise<Buffer> {
  const pdf = await build((doc) => {
    doc.font('Times-Roman').fontSize(14);
    let y = 100;
    for (const line of TCVN3_LINES) {
      doc.text(encodeLegacy(line, 'tcvn3'), 72, y, { lineBreak: false });
      y += 24;
    }
  });
  return fontName ? renameBaseFont(pdf, 'Times-Roman', fontName) : pdf;
}

/** Rename a /BaseFont in place, padding with spaces so that every xref offset stays right. */
function renameBaseFont(pdf: Buffer, from: string, to: string): Buffer {
  if (to.length > from.length) throw new RangeError(`renameBaseFont: "${to}" must not be longer than "${from}"`);
  const text = pdf.toString('latin1');
  const needle = `/BaseFont /${from}`;
  if (!text.includes(needle)) throw new Error(`renameBaseFont: no ${needle} in the PDF`);
  return Buffer.from(text.split(needle).join(`/BaseFont /${to}${' '.repeat(from.length - to.length)}`), 'latin1');
}

/** A PDF that needs a password to open. */
export function encryptedPdf(): Promise<Buffer> {
  return build(
    (doc) => {
      doc.font('Helvetica').fontSize(12).text('secret', 72, 72);
    },
    { userPassword: 'secret', ownerPassword: 'owner' },
  );
}

/** Pages with drawings only (like a scan without a text layer); `textOnPage` puts text on one page. */
export function noTextPdf(pages = 2, textOnPage?: number): Promise<Buffer> {
  return build((doc) => {
    doc.font(VIET_FONT).fontSize(12);
    for (let p = 1; p <= pages; p++) {
      if (p > 1) doc.addPage();
      doc.rect(100, 100, 200, 300).fill('#888888');
      if (p === textOnPage) doc.fillColor('black').text('Trang có chữ', 72, 500, { lineBreak: false });
    }
  });
}

/** Layout cues: a running header on every page, a centred bold title, body text, a centred page number. */
export const LAYOUT = { header: 'VIETTEL AI RACE', title: 'BÁO CÁO', body: 'Nội dung báo cáo tháng 8 năm 2021, trang' };

export function layoutPdf(pages = 2): Promise<Buffer> {
  return build((doc) => {
    for (let p = 1; p <= pages; p++) {
      if (p > 1) doc.addPage();
      const width = doc.page.width;
      doc.font(VIET_FONT).fontSize(10).text(LAYOUT.header, 72, 40, { lineBreak: false });
      doc.font(VIET_FONT_BOLD).fontSize(14);
      const tw = doc.widthOfString(LAYOUT.title);
      doc.text(LAYOUT.title, (width - tw) / 2, 100, { lineBreak: false });
      doc.font(VIET_FONT).fontSize(13).text(`${LAYOUT.body} ${p}`, 72, 140, { lineBreak: false });
      doc.text('Dòng thứ hai', 100, 160, { lineBreak: false });
      const nw = doc.widthOfString(String(p));
      doc.fontSize(12).text(String(p), (width - nw) / 2, 800, { lineBreak: false });
    }
  });
}

/** Every builder, by output file name. */
export const BUILDERS: Record<string, () => Promise<Buffer>> = {
  'split-diacritics.pdf': splitDiacriticsPdf,
  'decomposed.pdf': decomposedPdf,
  'tcvn3-vntime.pdf': () => tcvn3Pdf('.VnTime'),
  'tcvn3-unnamed.pdf': () => tcvn3Pdf(),
  'encrypted.pdf': encryptedPdf,
  'no-text.pdf': () => noTextPdf(),
  'layout.pdf': () => layoutPdf(),
};

async function main(): Promise<void> {
  const dir = process.argv[2] ? resolve(process.argv[2]) : mkdtempSync(join(tmpdir(), 'solieu-test-pdfs-'));
  mkdirSync(dir, { recursive: true });
  for (const [name, make] of Object.entries(BUILDERS)) {
    writeFileSync(join(dir, name), await make());
    console.log(join(dir, name));
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
