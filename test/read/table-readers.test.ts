import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { SourceFile } from '../../src/core/source-file.js';
import { readPdf } from '../../src/read/pdf/pdf-reader.js';
import { readDocx } from '../../src/read/docx/docx-reader.js';
import { mergeRules, ruledGrids } from '../../src/read/pdf/pdf-table-grid.js';
import type { Rule } from '../../src/read/pdf/pdf-table-rules.js';
import { INDICATORS, LONG, TWO_LEVEL, lookalikesPdf, ruledTablePdf, specPdf, tableDocx, unruledTablePdf } from '../../scripts/make-test-tables.js';
import type { Table } from '../../schemas/table.js';
import { needs } from '../needs.js';

/** A table's rows as `a|b|c` text, merged cells once. */
function grid(t: Table | undefined): string[] {
  if (!t) return [];
  return Array.from({ length: t.rows }, (_, r) =>
    t.cells
      .filter((c) => c.row === r)
      .sort((a, b) => a.col - b.col)
      .map((c) => c.text)
      .join('|'),
  );
}

const h = (at: number, from: number, to: number): Rule => ({ dir: 'h', at, from, to });
const v = (at: number, from: number, to: number): Rule => ({ dir: 'v', at, from, to });

describe('ruled table grids', () => {
  it('joins the pieces of a line and snaps lines a point apart', () => {
    const merged = mergeRules([h(10, 0, 50), h(10.5, 50, 100), v(0, 10, 40)]);
    expect(merged.filter((r) => r.dir === 'h')).toHaveLength(1);
    expect(merged.find((r) => r.dir === 'h')).toMatchObject({ from: 0, to: 100 });
  });

  it('finds merged cells where the inner line is not drawn', () => {
    // 2 rows x 2 cols, the top row one merged cell
    const grids = ruledGrids([h(0, 0, 100), h(20, 0, 100), h(40, 0, 100), v(0, 0, 40), v(100, 0, 40), v(50, 20, 40)]);
    expect(grids).toHaveLength(1);
    expect(grids[0].cells.map((c) => [c.row, c.col, c.rowSpan, c.colSpan])).toEqual([
      [0, 0, 1, 2],
      [1, 0, 1, 1],
      [1, 1, 1, 1],
    ]);
  });

  it('finds no table in a lone box', () => {
    expect(ruledGrids([h(0, 0, 100), h(40, 0, 100), v(0, 0, 40), v(100, 0, 40)])).toEqual([]);
  });
});

describe('table readers', () => {
  it('reads a ruled PDF table as a grid with merged header cells, cell boxes and table refs on its lines', async () => {
    const file = new SourceFile('t.pdf', await ruledTablePdf());
    const result = await readPdf(file);
    expect(result.tables).toHaveLength(1);
    const t = result.tables?.[0];
    expect(t).toMatchObject({ origin: 'pdf-ruled', page: 1, rows: 6, cols: 5 });
    expect(t?.cells.filter((c) => c.rowSpan > 1 || c.colSpan > 1).map((c) => [c.row, c.col, c.rowSpan, c.colSpan])).toEqual([
      [0, 0, 2, 1],
      [0, 1, 2, 1],
      [0, 2, 2, 1],
      [0, 3, 1, 2],
    ]);
    expect(t?.cells.every((c) => c.bbox !== undefined)).toBe(true);
    const cellLines = result.raw.filter((b) => b.table);
    expect(cellLines.map((b) => b.text)).toContain('Tổng thu ngân sách');
    // reading order: the caption, then the cells, then the sentence after the table
    const texts = result.raw.map((b) => b.text);
    expect(texts.indexOf('Bảng 1: Một số chỉ tiêu kinh tế - xã hội')).toBeLessThan(texts.indexOf('STT'));
    expect(texts.indexOf('260')).toBeLessThan(texts.indexOf('Các chỉ tiêu trên đều đạt kế hoạch đề ra.'));
    expect(file.messages.map((m) => m.rule)).toContain('read:tables');
  });

  it('reads a PDF table without lines from the alignment of its columns, with the same merged header cells as the ruled one', async () => {
    const file = new SourceFile('t.pdf', await unruledTablePdf());
    const result = await readPdf(file);
    expect(result.tables).toHaveLength(1);
    const t = result.tables?.[0];
    expect(t).toMatchObject({ origin: 'pdf-aligned', page: 1, rows: 6, cols: 5 });
    expect(t?.cells.filter((c) => c.rowSpan > 1 || c.colSpan > 1).map((c) => [c.row, c.col, c.rowSpan, c.colSpan])).toEqual([
      [0, 0, 2, 1],
      [0, 1, 2, 1],
      [0, 2, 2, 1],
      [0, 3, 1, 2],
    ]);
    expect(grid(t)).toContain('3|Tỷ lệ trường đạt chuẩn|%|62,5|70');
    const texts = result.raw.map((b) => b.text);
    expect(texts.indexOf('Bảng 1: Một số chỉ tiêu kinh tế - xã hội')).toBeLessThan(texts.indexOf('STT'));
    expect(result.raw.find((b) => b.text === 'Các chỉ tiêu trên đều đạt kế hoạch đề ra.')?.table).toBeUndefined();
    expect(file.messages.map((m) => m.rule)).toContain('read:aligned-tables');
    expect(file.messages.map((m) => m.rule)).not.toContain('read:tables');
  });

  it('leaves the aligned-table finder off when asked (tableFinders.aligned false)', async () => {
    const result = await readPdf(new SourceFile('t.pdf', await unruledTablePdf()), { tableFinders: { aligned: false } });
    expect(result.tables).toBeUndefined();
    expect(result.raw.some((b) => b.text.includes('Tổng thu ngân sách'))).toBe(true);
  });

  it('reads the DOCX table grid from gridSpan, vMerge and header-row flags', async () => {
    const file = new SourceFile('t.docx', await tableDocx());
    const result = await readDocx(file);
    const t = result.tables?.[0];
    expect(t).toMatchObject({ origin: 'docx', rows: 6, cols: 5, headerRows: 2, headerDeclared: true });
    expect(t?.cells.filter((c) => c.rowSpan > 1 || c.colSpan > 1).map((c) => [c.row, c.col, c.rowSpan, c.colSpan])).toEqual([
      [0, 0, 2, 1],
      [0, 1, 2, 1],
      [0, 2, 2, 1],
      [0, 3, 1, 2],
    ]);
    const year = result.raw.find((b) => b.text === 'Năm 2024');
    expect(year?.table).toMatchObject({ row: 2, col: 4 });
  });
});

describe('tables drawn without lines (aligned columns)', () => {
  it('reads an indicator table: wrapped header cells, group rows reaching across, wrapped labels and units joined to their row', async () => {
    for (const rules of [false, true]) {
      const result = await readPdf(new SourceFile('t.pdf', await specPdf(INDICATORS, { rules })));
      expect(result.tables).toHaveLength(1);
      const t = result.tables?.[0];
      expect(t).toMatchObject({ origin: 'pdf-aligned', rows: 9, cols: 7 });
      expect(grid(t)).toEqual([
        'STT|Chỉ tiêu|ĐVT|Năm 2023|Kế hoạch năm 2024|Thực hiện năm 2024|So sánh TH/KH (%)',
        'I|Kinh tế',
        '1|Tổng giá trị sản xuất|tỷ đồng|1.245,6|1.320|1.351,2|102,4',
        '2|Thu ngân sách trên địa bàn|tỷ đồng|86,4|90|93,7|104,1',
        '3|Thu nhập bình quân đầu người|triệu đồng|48,5|52|53,1|102,1',
        'II|Xã hội',
        '4|Số hộ nghèo|hộ|1.204|1.000|987|98,7',
        '5|Số lao động được giải quyết việc làm|người|2.150|2.200|2.315|105,2',
        '6|Số xã đạt chuẩn nông thôn mới|xã|9|11|11|100',
      ]);
      expect(t?.cells.find((c) => c.text === 'Kinh tế')).toMatchObject({ col: 1, colSpan: 6 });
    }
  });

  it('reads a two-level header: a title over two columns heads the years under it', async () => {
    const t = (await readPdf(new SourceFile('t.pdf', await specPdf(TWO_LEVEL)))).tables?.[0];
    expect(t?.cells.filter((c) => c.row < 2).map((c) => [c.text, c.row, c.col, c.rowSpan, c.colSpan])).toEqual([
      ['STT', 0, 0, 2, 1],
      ['Đơn vị', 0, 1, 2, 1],
      ['Diện tích gieo trồng (ha)', 0, 2, 1, 2],
      ['Sản lượng (tấn)', 0, 4, 1, 2],
      ['Năm 2023', 1, 2, 1, 1],
      ['Năm 2024', 1, 3, 1, 1],
      ['Năm 2023', 1, 4, 1, 1],
      ['Năm 2024', 1, 5, 1, 1],
    ]);
    expect(grid(t)).toContain('|Toàn huyện|3.647,5|3.715,5|22.765|23.216');
  });

  it('reads a table that runs over a page break as one table', async () => {
    const result = await readPdf(new SourceFile('t.pdf', await specPdf(LONG)));
    expect(result.tables).toHaveLength(1);
    const t = result.tables?.[0];
    expect(t).toMatchObject({ page: 1, pageEnd: 2, rows: LONG.body.length + 1, cols: 5 });
    expect(grid(t)[LONG.body.length]).toBe((LONG.body[LONG.body.length - 1] as string[]).join('|'));
  });

  it('finds no table in text that only lines up: an administrative header, two text columns with figures, a table of contents, a list of figures, a signature block', async () => {
    const file = new SourceFile('t.pdf', await lookalikesPdf());
    const result = await readPdf(file);
    expect(result.tables).toBeUndefined();
    expect(result.raw.map((b) => b.text)).toEqual(expect.arrayContaining(['Số: 125/BC-PTK', 'Nơi nhận:', 'IV. Nhiệm vụ năm 2025', '25.430 người']));
    expect(file.messages.map((m) => m.rule)).not.toContain('read:aligned-tables');
  });

  const corpus = [
    ...['002', '003', '004'].map((k) => `../shared/corpus/${k}.pdf`),
    ...['t339', 't340'].map((k) => `../shared/corpus-real/tables/${k}.pdf`),
    ...['r341', 'r355', 'r577'].map((k) => `../shared/corpus-real/text/${k}.pdf`),
  ];
  const missing = corpus.filter((f) => !existsSync(f));
  (missing.length > 0 ? it.skip : it)(
    `finds no aligned table in the corpus PDFs without tables, nor beside the ruled tables of the real ones${missing.length > 0 ? ` ${needs(missing.join(', '))}` : ''}`,
    async () => {
      for (const f of corpus) {
        const result = await readPdf(new SourceFile(f, readFileSync(f)));
        expect([f, (result.tables ?? []).filter((t) => t.origin === 'pdf-aligned').length]).toEqual([f, 0]);
      }
    },
    120_000,
  );
});
