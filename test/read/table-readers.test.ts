import { describe, expect, it } from '@jest/globals';
import { SourceFile } from '../../src/core/source-file.js';
import { readPdf } from '../../src/read/pdf-reader.js';
import { readDocx } from '../../src/read/docx-reader.js';
import { mergeRules, ruledGrids } from '../../src/read/pdf-table-grid.js';
import type { Rule } from '../../src/read/pdf-table-rules.js';
import { ruledTablePdf, tableDocx, unruledTablePdf } from '../../scripts/make-test-tables.js';

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

  it('reads a PDF table without lines as plain lines (no column-alignment reader yet)', async () => {
    const file = new SourceFile('t.pdf', await unruledTablePdf());
    const result = await readPdf(file);
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
