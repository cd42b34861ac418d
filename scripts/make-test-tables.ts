/**
 * Builds small documents with numeric tables for the table tests: a DOCX with a merged two-level
 * header (`w:gridSpan`, `w:vMerge`, "repeat as header row"), a ruled PDF table with the same
 * layout (borders drawn as stroked lines), and the same table in a PDF without any lines; tables
 * built from a spec (`TableSpec`) as DOCX and as PDF without vertical lines (an indicator table
 * with ĐVT, year, plan and comparison columns; a two-level header; a table over a page break);
 * and a page of text that lines up in columns without being a table.
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
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { createCanvas } from '@napi-rs/canvas';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { renderPageImage } from '../src/read/ocr/ocr-page-renderer.js';
import { eraseRules, pixelRules } from '../src/read/ocr/ocr-table-rules.js';
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
        children: [
          cell(stt, { rowSpan: 2, bold: true }),
          cell(name, { rowSpan: 2, bold: true }),
          cell(unit, { rowSpan: 2, bold: true }),
          cell(result, { columnSpan: 2, bold: true }),
        ],
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
  const xs = [x];
  for (const w of COLS) xs.push(xs[xs.length - 1] + w);
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
    doc
      .font(VIET_FONT)
      .fontSize(12)
      .text(TABLE.after, 72, bottom + 20, { lineBreak: false });
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

// ---------- scans ----------

/**
 * A PDF as a scanner would give it: each page drawn at `dpi` (default 200) in gray and put back
 * as one image filling the page, with no text layer, as the corpus scans are. `pages` picks
 * some (1-based); `borderless` erases every ruling line from the images (a real report's ruled
 * tables as if printed without lines, `ocr-table-rules.ts`).
 */
export async function scanOf(pdfBytes: Buffer, dpi = 200, options: { pages?: number[]; borderless?: boolean } = {}): Promise<Buffer> {
  const pdf = await getDocument({ data: new Uint8Array(pdfBytes), isOffscreenCanvasSupported: false, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: { png: Buffer; width: number; height: number }[] = [];
  try {
    for (const n of options.pages ?? Array.from({ length: pdf.numPages }, (_, i) => i + 1)) {
      const drawn = await renderPageImage(pdf, n, { dpi, embedded: false });
      const image = options.borderless ? eraseRules(drawn, pixelRules(drawn)) : drawn;
      const canvas = createCanvas(image.width, image.height);
      const ctx = canvas.getContext('2d');
      const data = ctx.createImageData(image.width, image.height);
      image.gray.forEach((g, i) => data.data.set([g, g, g, 255], i * 4));
      ctx.putImageData(data, 0, 0);
      pages.push({ png: canvas.toBuffer('image/png'), width: image.pageWidth, height: image.pageHeight });
    }
  } finally {
    await pdf.destroy();
  }
  return new Promise((done, fail) => {
    const doc = new PDFDocument({ autoFirstPage: false, compress: true, info: { CreationDate: new Date(0) } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => done(Buffer.concat(chunks)));
    doc.on('error', fail);
    for (const p of pages) {
      doc.addPage({ size: [p.width, p.height], margin: 0 });
      doc.image(p.png, 0, 0, { width: p.width, height: p.height });
    }
    doc.end();
  });
}

/** The table without lines (`unruledTablePdf`) scanned: only the alignment of the OCR'd words says it is a table. */
export async function unruledTableScan(): Promise<Buffer> {
  return scanOf(await unruledTablePdf());
}

/** The long table (`LONG`) scanned: two pages, the header printed again on the second when `repeatHeader`. */
export async function longTableScan(options: { repeatHeader?: boolean } = {}): Promise<Buffer> {
  return scanOf(await specPdf(LONG, options));
}

// ---------- tables from a spec: the same table as DOCX and as a PDF without vertical lines ----------

export interface HeaderCell {
  /** Lines of the cell as the PDF wraps them ('\n'); DOCX writes them as one paragraph. */
  text: string;
  row: number;
  col: number;
  rowSpan?: number;
  colSpan?: number;
}

/** A body row: its cells ('' for empty, '\n' where the PDF wraps), or a group row (its label spans every column after the STT). */
export type BodyRow = string[] | { group: string; stt: string };

export interface TableSpec {
  /** Paragraphs before the table (the last ones its caption and intro). */
  before: string[];
  widths: number[];
  align: ('left' | 'center' | 'right')[];
  header: HeaderCell[];
  headerRows: number;
  body: BodyRow[];
  after: string;
}

/** A made-up district's socio-economic indicators: STT, label, ĐVT, a year, plan, result and a comparison; group rows; wrapped labels and header cells. */
export const INDICATORS: TableSpec = {
  before: ['2. Kết quả thực hiện các chỉ tiêu', 'Kết quả thực hiện các chỉ tiêu chủ yếu năm 2024 như sau:', 'Biểu 02: Các chỉ tiêu kinh tế - xã hội chủ yếu'],
  widths: [28, 150, 52, 62, 62, 62, 62],
  align: ['center', 'left', 'center', 'right', 'right', 'right', 'right'],
  header: [
    { text: 'STT', row: 0, col: 0 },
    { text: 'Chỉ tiêu', row: 0, col: 1 },
    { text: 'ĐVT', row: 0, col: 2 },
    { text: 'Năm 2023', row: 0, col: 3 },
    { text: 'Kế hoạch\nnăm 2024', row: 0, col: 4 },
    { text: 'Thực hiện\nnăm 2024', row: 0, col: 5 },
    { text: 'So sánh\nTH/KH (%)', row: 0, col: 6 },
  ],
  headerRows: 1,
  body: [
    { group: 'Kinh tế', stt: 'I' },
    ['1', 'Tổng giá trị sản xuất', 'tỷ đồng', '1.245,6', '1.320', '1.351,2', '102,4'],
    ['2', 'Thu ngân sách trên địa bàn', 'tỷ đồng', '86,4', '90', '93,7', '104,1'],
    ['3', 'Thu nhập bình quân đầu\nngười', 'triệu đồng', '48,5', '52', '53,1', '102,1'],
    { group: 'Xã hội', stt: 'II' },
    ['4', 'Số hộ nghèo', 'hộ', '1.204', '1.000', '987', '98,7'],
    ['5', 'Số lao động được giải quyết\nviệc làm', 'người', '2.150', '2.200', '2.315', '105,2'],
    ['6', 'Số xã đạt chuẩn nông thôn mới', 'xã', '9', '11', '11', '100'],
  ],
  after: 'Nhìn chung các chỉ tiêu đều đạt và vượt kế hoạch.',
};

/** Two header levels, the unit in the upper header cell, a totals row. */
export const TWO_LEVEL: TableSpec = {
  before: ['3. Sản xuất nông nghiệp', 'Bảng 3: Diện tích và sản lượng lúa theo xã'],
  widths: [30, 120, 75, 75, 75, 75],
  align: ['center', 'left', 'right', 'right', 'right', 'right'],
  header: [
    { text: 'STT', row: 0, col: 0, rowSpan: 2 },
    { text: 'Đơn vị', row: 0, col: 1, rowSpan: 2 },
    { text: 'Diện tích gieo trồng (ha)', row: 0, col: 2, colSpan: 2 },
    { text: 'Sản lượng (tấn)', row: 0, col: 4, colSpan: 2 },
    { text: 'Năm 2023', row: 1, col: 2 },
    { text: 'Năm 2024', row: 1, col: 3 },
    { text: 'Năm 2023', row: 1, col: 4 },
    { text: 'Năm 2024', row: 1, col: 5 },
  ],
  headerRows: 2,
  body: [
    ['1', 'Xã Tân Hòa', '1.250', '1.310', '7.845', '8.102'],
    ['2', 'Xã Phú Lâm', '980,5', '1.002', '6.120', '6.388'],
    ['3', 'Xã Mỹ Đức', '1.105', '1.098', '6.930', '6.875'],
    ['4', 'Thị trấn Long Sơn', '312', '305,5', '1.870', '1.851'],
    ['', 'Toàn huyện', '3.647,5', '3.715,5', '22.765', '23.216'],
  ],
  after: 'Năng suất lúa bình quân tăng so với năm trước.',
};

const COMMUNES = [
  'Ân Thi',
  'Bắc Sơn',
  'Cẩm Bình',
  'Đại Đồng',
  'Gia Hòa',
  'Hải Xuân',
  'Kim Sơn',
  'Lạc Long',
  'Mai Lâm',
  'Nam Tiến',
  'Ngọc Lâm',
  'Phong Phú',
  'An Bình',
  'An Hòa',
  'An Lạc',
  'An Phú',
  'Bình Minh',
  'Bình Thạnh',
  'Đông Hưng',
  'Đông Sơn',
  'Hòa Bình',
  'Hòa Lợi',
  'Hưng Đạo',
  'Long Hải',
  'Long Phước',
  'Minh Tân',
  'Mỹ Lộc',
  'Nghĩa Hưng',
  'Phú Cường',
  'Phước Hòa',
  'Quang Trung',
  'Tân An',
  'Tân Lập',
  'Thanh Bình',
  'Thạnh Lộc',
  'Thuận An',
  'Tiên Phong',
  'Trung Hòa',
  'Vĩnh Phúc',
  'Xuân Lộc',
];

/** A long table that runs over a page break (no repeated header on the second page). */
export const LONG: TableSpec = {
  before: ['4. Dân số', 'Bảng 4: Dân số và diện tích các xã năm 2024'],
  widths: [36, 150, 90, 90, 90],
  align: ['center', 'left', 'right', 'right', 'right'],
  header: [
    { text: 'STT', row: 0, col: 0 },
    { text: 'Xã', row: 0, col: 1 },
    { text: 'Dân số (người)', row: 0, col: 2 },
    { text: 'Diện tích (km2)', row: 0, col: 3 },
    { text: 'Số hộ (hộ)', row: 0, col: 4 },
  ],
  headerRows: 1,
  body: COMMUNES.map((name, i) => [
    String(i + 1),
    `Xã ${name}`,
    (8000 + i * 517).toLocaleString('de-DE'),
    `${20 + (i % 7)},${(i * 3) % 10}`,
    (2000 + i * 131).toLocaleString('de-DE'),
  ]),
  after: 'Dân số toàn huyện tăng nhẹ so với năm trước.',
};

/**
 * A transposed table: the units in the columns, the rows attributes of what the stub's header
 * names (`Nội dung đầu tư`: its scale, cost and time), figures with their units in the cells.
 */
export const TRANSPOSED: TableSpec = {
  before: ['5. Đầu tư trường học', 'Các dự án trường học được phê duyệt với các thông tin chính sau:'],
  widths: [30, 130, 110, 110, 110],
  align: ['center', 'left', 'left', 'left', 'left'],
  header: [
    { text: 'TT', row: 0, col: 0 },
    { text: 'Nội dung đầu tư', row: 0, col: 1 },
    { text: 'Xã Tân Hòa', row: 0, col: 2 },
    { text: 'Xã Phú Lâm', row: 0, col: 3 },
    { text: 'Thị trấn Long Sơn', row: 0, col: 4 },
  ],
  headerRows: 1,
  body: [
    ['1', 'Quy mô', '12 phòng học', '8 phòng học', '15 phòng học'],
    ['2', 'Kinh phí', '4,5 tỷ đồng', '3,2 tỷ đồng', '6,8 tỷ đồng'],
    ['3', 'Thời gian', '18 tháng', '12 tháng', '24 tháng'],
    ['4', 'Số học sinh được hưởng lợi', '420 học sinh', '310 học sinh', '560 học sinh'],
  ],
  after: 'Các dự án đều khởi công trong năm.',
};

/** Cells of running text under columns that name what they measure (two networks per commune). */
export const RUNNING: TableSpec = {
  before: ['6. Hạ tầng viễn thông', 'Kết quả khảo sát hạ tầng tại các xã như sau:'],
  widths: [30, 90, 190, 190],
  align: ['center', 'left', 'left', 'left'],
  header: [
    { text: 'TT', row: 0, col: 0 },
    { text: 'Xã', row: 0, col: 1 },
    { text: 'Mạng cáp quang', row: 0, col: 2 },
    { text: 'Mạng di động', row: 0, col: 3 },
  ],
  headerRows: 1,
  body: [
    ['1', 'Tân Hòa', 'Cáp quang đã kéo đến\n12 thôn. Tốc độ trung bình\nđạt 80 Mbit/s.', 'Vùng phủ sóng đạt 95%\ndiện tích. Có 6 trạm\nphát sóng.'],
    ['2', 'Phú Lâm', 'Cáp quang đã kéo đến\n9 thôn. Tốc độ trung bình\nđạt 65 Mbit/s.', 'Vùng phủ sóng đạt 88%\ndiện tích. Có 4 trạm\nphát sóng.'],
  ],
  after: 'Các xã còn lại chưa được khảo sát.',
};

/**
 * A made-up province's yearly ICT report whose indicators are only in a table (`Biểu 01`): the
 * results of the year beside a comparison with the year before. For the compare tests: the same
 * indicators as the sample reports' sentences, from a table.
 */
export const YEARLY_ICT: TableSpec = {
  before: [
    'UBND TỈNH QUẢNG TRỊ',
    'SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
    'Số: 88/BC-STTTT',
    'Quảng Trị, ngày 20 tháng 12 năm 2024',
    'BÁO CÁO',
    'Kết quả thực hiện nhiệm vụ năm 2024 ngành Thông tin và Truyền thông',
    'I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2024',
    '1. Các chỉ tiêu chủ yếu',
    'Biểu 01: Các chỉ tiêu chủ yếu của ngành năm 2024',
  ],
  widths: [28, 170, 55, 80, 80],
  align: ['center', 'left', 'center', 'right', 'right'],
  header: [
    { text: 'STT', row: 0, col: 0 },
    { text: 'Chỉ tiêu', row: 0, col: 1 },
    { text: 'ĐVT', row: 0, col: 2 },
    { text: 'Thực hiện\nnăm 2024', row: 0, col: 3 },
    { text: 'So sánh\ncùng kỳ (%)', row: 0, col: 4 },
  ],
  headerRows: 1,
  body: [
    ['1', 'Doanh thu viễn thông', 'tỷ đồng', '1.562,3', '107,2'],
    ['2', 'Doanh thu bưu chính', 'tỷ đồng', '214,8', '104,5'],
    ['3', 'Trạm thu phát sóng di động (BTS)', 'trạm', '1.436', '103,1'],
  ],
  after: 'Các chỉ tiêu của ngành đều tăng so với năm 2023.',
};

/**
 * A made-up price bulletin: a row numbering the columns under the header, a group column, names
 * holding numbers (`Gạch 4 lỗ`), a unit column, a specification column, prices in đồng per the
 * row's unit, and the header printed again where the table goes on.
 */
export const PRICES: TableSpec = {
  before: ['II. Giá vật liệu xây dựng', 'Bảng 2: Giá vật liệu xây dựng quý II năm 2025'],
  widths: [28, 80, 140, 45, 90, 90],
  align: ['center', 'left', 'left', 'center', 'left', 'right'],
  header: [
    { text: 'STT', row: 0, col: 0 },
    { text: 'Nhóm vật liệu', row: 0, col: 1 },
    { text: 'Tên vật liệu', row: 0, col: 2 },
    { text: 'Đơn vị tính', row: 0, col: 3 },
    { text: 'Quy cách', row: 0, col: 4 },
    { text: 'Giá bán (chưa\ngồm VAT)', row: 0, col: 5 },
  ],
  headerRows: 1,
  body: [
    ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)'],
    ['1', 'Gạch xây', 'Gạch 4 lỗ', 'viên', '220x105x130 mm', '1.350'],
    ['2', 'Gạch xây', 'Gạch đặc 2 lỗ', 'viên', '210x95x55 mm', '1.120'],
    ['3', 'Cửa nhôm', 'Cửa đi 2 cánh mở quay', 'm2', 'Dày 1,2 mm', '1.800.000'],
    ['STT', 'Nhóm vật liệu', 'Tên vật liệu', 'Đơn vị tính', 'Quy cách', 'Giá bán (chưa\ngồm VAT)'],
    ['4', 'Cát', 'Cát xây', 'm3', 'Hạt trung', '320.000'],
    ['5', 'Thép', 'Thép cuộn phi 6', 'tấn', 'CB240', '15.600.000'],
  ],
  after: 'Giá trên là giá bán tại địa bàn thành phố.',
};

function docxCell(text: string, opts: { rowSpan?: number; columnSpan?: number; bold?: boolean }): TableCell {
  return cell(text.replace(/\n/g, ' '), opts);
}

/** The spec as a Word document: merged header cells, header rows flagged, group rows one merged cell after the STT. */
export async function specDocx(spec: TableSpec): Promise<Buffer> {
  const n = spec.widths.length;
  const headerRows = Array.from(
    { length: spec.headerRows },
    (_, r) =>
      new TableRow({
        tableHeader: true,
        children: spec.header.filter((h) => h.row === r).map((h) => docxCell(h.text, { rowSpan: h.rowSpan, columnSpan: h.colSpan, bold: true })),
      }),
  );
  const bodyRows = spec.body.map((r) =>
    Array.isArray(r)
      ? new TableRow({ children: r.map((t) => docxCell(t, {})) })
      : new TableRow({ children: [docxCell(r.stt, {}), docxCell(r.group, { columnSpan: n - 1, bold: true })] }),
  );
  const doc = new Document({
    sections: [
      {
        children: [
          ...spec.before.map((t) => new Paragraph({ children: [new TextRun(t)] })),
          new Table({ rows: [...headerRows, ...bodyRows] }),
          new Paragraph({ children: [new TextRun(spec.after)] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

const LINE_H = 12;
const PAD = 8;
/** Below this the page is full (pdfkit's own bottom margin starts at 770). */
const PAGE_BOTTOM = 740;

/**
 * The spec as a PDF with no vertical lines: text placed in its columns (header cells centred in
 * their span, body cells top-aligned), optionally horizontal rules above and below the header and
 * below the table; rows that do not fit go on the next page, without the header unless
 * `repeatHeader` prints it again there.
 */
export function specPdf(spec: TableSpec, options: { rules?: boolean; repeatHeader?: boolean } = {}): Promise<Buffer> {
  return buildPdf((doc) => {
    const x = 57;
    let y = 80;
    doc.font(VIET_FONT).fontSize(12);
    for (const t of spec.before) {
      doc.text(t, x, y, { lineBreak: false });
      y += 22;
    }
    const xs = [x];
    for (const w of spec.widths) xs.push(xs[xs.length - 1] + w);
    const rule = (yy: number): void => {
      if (options.rules)
        doc
          .lineWidth(0.5)
          .moveTo(xs[0], yy)
          .lineTo(xs[xs.length - 1], yy)
          .stroke();
    };
    const put = (text: string, c0: number, c1: number, yy: number, align: 'left' | 'center' | 'right'): void => {
      text.split('\n').forEach((line, k) => doc.text(line, xs[c0] + 3, yy + k * LINE_H, { width: xs[c1] - xs[c0] - 6, align, lineBreak: false }));
    };
    // header: each level two lines high, a cell's lines centred in its span
    const levelH = 2 * LINE_H + PAD;
    const header = (): void => {
      rule(y);
      doc.font(VIET_FONT_BOLD).fontSize(9);
      for (const h of spec.header) {
        const lines = h.text.split('\n').length;
        const top = y + h.row * levelH;
        const height = (h.rowSpan ?? 1) * levelH;
        put(h.text, h.col, h.col + (h.colSpan ?? 1), top + (height - lines * LINE_H) / 2, 'center');
      }
      y += spec.headerRows * levelH;
      rule(y);
      doc.font(VIET_FONT).fontSize(10);
    };
    header();
    for (const r of spec.body) {
      const cells = Array.isArray(r) ? r : [r.stt, r.group];
      const height = Math.max(...cells.map((t) => t.split('\n').length)) * LINE_H + PAD;
      if (y + height > PAGE_BOTTOM) {
        rule(y);
        doc.addPage();
        y = 72;
        if (options.repeatHeader) header();
      }
      if (Array.isArray(r)) r.forEach((t, c) => put(t, c, c + 1, y + PAD / 2, spec.align[c]));
      else {
        put(r.stt, 0, 1, y + PAD / 2, 'center');
        doc.font(VIET_FONT_BOLD);
        put(r.group, 1, spec.widths.length, y + PAD / 2, 'left');
        doc.font(VIET_FONT);
      }
      y += height;
    }
    rule(y);
    doc.fontSize(12).text(spec.after, x, y + 20, { lineBreak: false });
  });
}

/**
 * Text that lines up in columns but holds no table: an administrative header in two columns, a
 * paragraph set in two columns with figures in its sentences, a table of contents with page
 * numbers, a list of figures, and a signature block.
 */
export function lookalikesPdf(): Promise<Buffer> {
  return buildPdf((doc) => {
    doc.font(VIET_FONT_BOLD).fontSize(11);
    const two = (left: string, right: string, y: number): void => {
      doc.text(left, 57, y, { width: 200, align: 'center', lineBreak: false });
      doc.text(right, 270, y, { width: 290, align: 'center', lineBreak: false });
    };
    two('UBND HUYỆN AN PHÚ', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 60);
    two('PHÒNG THỐNG KÊ', 'Độc lập - Tự do - Hạnh phúc', 75);
    doc.font(VIET_FONT).fontSize(11);
    two('Số: 125/BC-PTK', 'An Phú, ngày 15 tháng 01 năm 2025', 95);
    const columns = [
      ['Tổng thu ngân sách năm 2024 đạt 93,7', 'Số hộ nghèo giảm còn 987 hộ, bằng'],
      ['tỷ đồng, bằng 104,1% kế hoạch, tăng', '98,7% kế hoạch; tỷ lệ hộ nghèo còn'],
      ['8,4% so với năm 2023; thu nhập bình', '3,38%, giảm 0,74 điểm phần trăm;'],
      ['quân đầu người đạt 53,1 triệu đồng.', 'giải quyết việc làm cho 2.315 người.'],
    ];
    columns.forEach(([l, r], i) => {
      doc.text(l, 57, 130 + i * 15, { lineBreak: false });
      doc.text(r, 310, 130 + i * 15, { lineBreak: false });
    });
    const toc = [
      ['I. Tình hình kinh tế', '3'],
      ['II. Văn hóa - xã hội', '5'],
      ['III. Quốc phòng - an ninh', '8'],
      ['IV. Nhiệm vụ năm 2025', '10'],
    ];
    toc.forEach(([t, p], i) => {
      doc.text(t, 57, 220 + i * 15, { lineBreak: false });
      doc.text(p, 500, 220 + i * 15, { width: 40, align: 'right', lineBreak: false });
    });
    const facts = ['- Dân số:', '- Diện tích tự nhiên:', '- Số đơn vị hành chính:'];
    const values = ['25.430 người', '112,5 km2', '12 xã'];
    facts.forEach((t, i) => {
      doc.text(t, 57, 300 + i * 15, { lineBreak: false });
      doc.text(values[i], 250, 300 + i * 15, { lineBreak: false });
    });
    doc.font(VIET_FONT_BOLD);
    two('Nơi nhận:', 'TRƯỞNG PHÒNG', 380);
    doc.font(VIET_FONT);
    two('- UBND huyện (02 bản);', '(Đã ký)', 395);
    two('- Lưu: VT.', 'Nguyễn Văn An', 440);
  });
}

async function main(): Promise<void> {
  const dir = resolve(process.argv[2] ?? mkdtempSync(join(tmpdir(), 'solieu-tables-')));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'table.docx'), await tableDocx());
  writeFileSync(join(dir, 'table-ruled.pdf'), await ruledTablePdf());
  writeFileSync(join(dir, 'table-unruled.pdf'), await unruledTablePdf());
  writeFileSync(join(dir, 'table-ruled.scan.pdf'), await scanOf(await ruledTablePdf()));
  writeFileSync(join(dir, 'table-unruled.scan.pdf'), await unruledTableScan());
  writeFileSync(join(dir, 'long.scan.pdf'), await longTableScan());
  writeFileSync(join(dir, 'long-repeated-header.scan.pdf'), await longTableScan({ repeatHeader: true }));
  for (const [name, spec] of [
    ['indicators', INDICATORS],
    ['two-level', TWO_LEVEL],
    ['long', LONG],
    ['transposed', TRANSPOSED],
    ['running', RUNNING],
    ['yearly-ict', YEARLY_ICT],
    ['prices', PRICES],
  ] as const) {
    writeFileSync(join(dir, `${name}.docx`), await specDocx(spec));
    writeFileSync(join(dir, `${name}-unruled.pdf`), await specPdf(spec));
    writeFileSync(join(dir, `${name}-hrules.pdf`), await specPdf(spec, { rules: true }));
  }
  writeFileSync(join(dir, 'lookalikes.pdf'), await lookalikesPdf());
  process.stdout.write(
    `wrote table.docx, table-ruled.pdf, table-unruled.pdf, their scans and two of the long table, indicators/two-level/long (.docx, -unruled.pdf, -hrules.pdf), lookalikes.pdf to ${dir}\n`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
