import { describe, expect, test } from '@jest/globals';
import type { Table, TableCell } from '../../schemas/table.js';
import { tableHighlight } from '../../src/web/table-highlight.js';

const cell = (row: number, col: number, text: string, span: Partial<Pick<TableCell, 'rowSpan' | 'colSpan'>> = {}): TableCell => ({
  row,
  col,
  text,
  rowSpan: span.rowSpan ?? 1,
  colSpan: span.colSpan ?? 1,
  page: 1,
});

/**
 * STT | Chỉ tiêu          | ĐVT | Năm 2024          (two header rows: the year spans two columns)
 *     |                   |     | Kế hoạch | Thực hiện
 * I   | Bưu chính (group, merged across)
 * 1   | Doanh thu         | tỷ  | 12       | 13
 * 2   | Bưu cục           | cái | 40       | 41
 */
const table: Table = {
  id: 1,
  origin: 'docx',
  page: 1,
  rows: 5,
  cols: 5,
  headerRows: 2,
  cells: [
    cell(0, 0, 'STT', { rowSpan: 2 }),
    cell(0, 1, 'Chỉ tiêu', { rowSpan: 2 }),
    cell(0, 2, 'ĐVT', { rowSpan: 2 }),
    cell(0, 3, 'Năm 2024', { colSpan: 2 }),
    cell(1, 3, 'Kế hoạch'),
    cell(1, 4, 'Thực hiện'),
    cell(2, 0, 'I'),
    cell(2, 1, 'Bưu chính', { colSpan: 4 }),
    cell(3, 0, '1'),
    cell(3, 1, 'Doanh thu'),
    cell(3, 2, 'tỷ'),
    cell(3, 3, '12'),
    cell(3, 4, '13'),
    cell(4, 0, '2'),
    cell(4, 1, 'Bưu cục'),
    cell(4, 2, 'cái'),
    cell(4, 3, '40'),
    cell(4, 4, '41'),
  ],
};

const roles = (m: Map<string, string>) => Object.fromEntries([...m].sort());

describe("a table fact's cell with its row and column headers", () => {
  test('the cell, the header cells over its column, its row label and its group are marked; STT, unit and other rows are not', () => {
    const m = tableHighlight({ table, row: 3, col: 4, rowLabel: 'Bưu chính — Doanh thu', columnLabel: 'Năm 2024 — Thực hiện' });
    expect(roles(m)).toEqual({ '0,3': 'column-header', '1,4': 'column-header', '2,1': 'row-header', '3,1': 'row-header', '3,4': 'fact' });
  });

  test("without a group in the row label only the row's own label is marked", () => {
    const m = tableHighlight({ table, row: 4, col: 3, rowLabel: 'Bưu cục', columnLabel: 'Năm 2024 — Kế hoạch' });
    expect(roles(m)).toEqual({ '0,3': 'column-header', '1,3': 'column-header', '4,1': 'row-header', '4,3': 'fact' });
  });

  test('a position no cell covers marks nothing', () => {
    expect(tableHighlight({ table, row: 9, col: 9, rowLabel: '', columnLabel: '' }).size).toBe(0);
  });
});

describe('a row that continues the one above', () => {
  test('its label is the nearest label above that the row label names', () => {
    // 0: header | 1: "Mobifone" | 2: (empty label) continued row
    const t: Table = {
      id: 2,
      origin: 'pdf-ruled',
      page: 1,
      rows: 3,
      cols: 3,
      headerRows: 1,
      cells: [
        cell(0, 0, 'TT'),
        cell(0, 1, 'Nhà mạng'),
        cell(0, 2, 'Băng tần C-Band'),
        cell(1, 0, '1'),
        cell(1, 1, 'Mobifone'),
        cell(1, 2, '3700 MHz'),
        cell(2, 0, ''),
        cell(2, 1, ''),
        cell(2, 2, '120 dBm'),
      ],
    };
    const m = tableHighlight({ table: t, row: 2, col: 2, rowLabel: 'Mobifone', columnLabel: 'Băng tần C-Band' });
    expect(Object.fromEntries([...m].sort())).toEqual({ '0,2': 'column-header', '1,1': 'row-header', '2,2': 'fact' });
  });
});
