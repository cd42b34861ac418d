/**
 * Builds small documents with numeric tables for the table tests: a DOCX with a merged two-level
 * header (`w:gridSpan`, `w:vMerge`, "repeat as header row"), a ruled PDF table with the same
 * layout (borders drawn as stroked lines), and the same table in a PDF without any lines.
 * The tables are made up (an invented district's indicators), never copied from a real report.
 *
 * Tests call the builders in memory; `npx tsx scripts/make-test-tables.ts [dir]` writes them to
 * `dir` (default: a new temp dir) to look at them.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import PDFDocument from 'pdfkit';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType, WidthType } from 'docx';
import { VIET_FONT, VIET_FONT_BOLD } from './make-test-pdfs.js';

/** The table every rendition holds: STT, indicator, unit column, two years under one header. */
export const TABLE = {
  intro: 'Kết quả thực hiện một số chỉ tiêu chủ yếu của huyện như sau:',
  caption: 'Bảng 1: Một số chỉ tiêu kinh tế - xã hội',
  header: ['STT', 'Chỉ tiêu', 'ĐVT', 'Kết quả thực hiện'],
  years: ['Năm 2023', 'Năm 2024'],
  rows: [
    ['1', 'Tổng thu ngân sách', 'tỷ đồng', '125,4', '131,8'],
    ['2', 'Số hộ nghèo', 'hộ', '1.204', '987'],
    ['3', 'Tỷ lệ trường đạt chuẩn', '%', '62,5', '70'],
    ['', 'Tổng cộng', 'tỷ đồng', '250', '260'],
  ],
  after: 'Các chỉ tiêu trên đều đạt kế hoạch đề ra.',
} as const;

// ---------- DOCX ----------

function cell(text: string, opts: { rowSpan?: number; columnSpan?: number; bold?: boolean; verticalMerge?: 'restart' | 'continue' } = {}): TableCell {
  return new TableCell({
    children: [new Paragraph({ children: [new TextRun({ text, bold: opts.bold })] })],
    ...(opts.rowSpan ? { rowSpan: opts.rowSpan } : {}),
    ...(opts.columnSpan ? { columnSpan: opts.columnSpan } : {}),
    width: { size: 1800, type: WidthType.DXA },
  });
}

/** The table in Word: two header rows (STT, Chỉ tiêu, ĐVT merged down; Kết quả merged across). */
export async function tableDocx(): Promise<Buffer> {
  const [stt, name, unit, result] = TABLE.header;
  const table = new Table({
    rows: [
      new TableRow({
        tableHeader: true,
        children: [cell(stt, { rowSpan: 2, bold: true }), cell(name, { rowSpan: 2, bold: true }), cell(unit, { rowSpan: 2, bold: true }), cell(result, { columnSpan: 2, bold: true })],
      }),
      new TableRow({ tableHeader: true, children: TABLE.years.map((y) => cell(y, { bold: true })) }),
      ...TABLE.rows.map((r) => new TableRow({ children: r.map((t) => cell(t)) })),
    ],
  });
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun('1. Tình hình kinh tế - xã hội')] }),
          new Paragraph({ children: [new TextRun(TABLE.intro)] }),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: TABLE.caption, bold: true })] }),
          table,
          new Paragraph({ children: [new TextRun(TABLE.after)] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

// ---------- PDF ----------

type Doc = InstanceType<typeof PDFDocument>;

function buildPdf(draw: (doc: Doc) => void): Promise<Buffer> {
  return new Promise((done, fail) => {
    const doc = new PDFDocument({ size: 'A4', margin: 72, compress: false, info: { CreationDate: new Date(0) } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => done(Buffer.concat(chunks)));
    doc.on('error', fail);
    draw(doc);
    doc.end();
  });
}

const COLS = [40, 170, 70, 90, 90];
const ROW_H = 22;

/** Draw the table at (x, y); `ruled` draws every border as a stroked line (merged cells without their inner lines). */
function drawTable(doc: Doc, x: number, y: number, ruled: boolean): number {
  const xs = COLS.reduce<number[]>((acc, w) => [...acc, acc[acc.length - 1] + w], [x]);
  const rows = 2 + TABLE.rows.length;
  const ys = Array.from({ length: rows + 1 }, (_, i) => y + i * ROW_H);
  const put = (text: string, c0: number, c1: number, r0: number, r1: number, bold = false): void => {
    doc.font(bold ? VIET_FONT_BOLD : VIET_FONT).fontSize(10);
    const w = xs[c1] - xs[c0];
    const mid = (ys[r0] + ys[r1]) / 2 - 6;
    doc.text(text, xs[c0] + 3, mid, { width: w - 6, align: 'center', lineBreak: false });
  };
  const [stt, name, unit, result] = TABLE.header;
  put(stt, 0, 1, 0, 2, true);
  put(name, 1, 2, 0, 2, true);
  put(unit, 2, 3, 0, 2, true);
  put(result, 3, 5, 0, 1, true);
  put(TABLE.years[0], 3, 4, 1, 2, true);
  put(TABLE.years[1], 4, 5, 1, 2, true);
  TABLE.rows.forEach((r, i) => r.forEach((t, c) => put(t, c, c + 1, 2 + i, 3 + i)));
  if (ruled) {
    doc.lineWidth(0.5);
    // horizontal lines: the one between the two header rows only under "Kết quả thực hiện"
    ys.forEach((yy, i) => {
      if (i === 1) doc.moveTo(xs[3], yy).lineTo(xs[5], yy).stroke();
      else doc.moveTo(xs[0], yy).lineTo(xs[5], yy).stroke();
    });
    // vertical lines: the one between the two years starts below the merged header cell
    xs.forEach((xx, i) => {
      if (i === 4) doc.moveTo(xx, ys[1]).lineTo(xx, ys[rows]).stroke();
      else doc.moveTo(xx, ys[0]).lineTo(xx, ys[rows]).stroke();
    });
  }
  return ys[rows];
}

function tablePdf(ruled: boolean): Promise<Buffer> {
  return buildPdf((doc) => {
    doc.font(VIET_FONT).fontSize(12);
    doc.text('1. Tình hình kinh tế - xã hội', 72, 90, { lineBreak: false });
    doc.text(TABLE.intro, 72, 115, { lineBreak: false });
    doc.font(VIET_FONT_BOLD).text(TABLE.caption, 72, 140, { width: 450, align: 'center', lineBreak: false });
    const bottom = drawTable(doc, 72, 165, ruled);
    doc.font(VIET_FONT).fontSize(12).text(TABLE.after, 72, bottom + 20, { lineBreak: false });
  });
}

/** The table with every border drawn (merged header cells without their inner lines). */
export function ruledTablePdf(): Promise<Buffer> {
  return tablePdf(true);
}

/** The same table with no lines at all: only the columns' alignment says it is a table. */
export function unruledTablePdf(): Promise<Buffer> {
  return tablePdf(false);
}

async function main(): Promise<void> {
  const dir = resolve(process.argv[2] ?? mkdtempSync(join(tmpdir(), 'solieu-tables-')));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'table.docx'), await tableDocx());
  writeFileSync(join(dir, 'table-ruled.pdf'), await ruledTablePdf());
  writeFileSync(join(dir, 'table-unruled.pdf'), await unruledTablePdf());
  process.stdout.write(`wrote table.docx, table-ruled.pdf, table-unruled.pdf to ${dir}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
