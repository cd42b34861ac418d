import { describe, expect, it } from '@jest/globals';
import type { Table, TableCell } from '../../schemas/table.js';
import type { Block } from '../../schemas/document.js';
import { captionOf, inferHeaderRows, isColumnNumberRow, withColumnNumbers } from '../../src/normalize/table-blocks.js';

/** A table from rows of cell texts ('' for an empty cell), merged cells given as [row, col, rowSpan, colSpan]. */
function table(rows: string[][], merged: [number, number, number, number][] = []): Table {
  const cells: TableCell[] = [];
  const covered = new Set<string>();
  for (const [r, c, rs, cs] of merged) for (let i = r; i < r + rs; i++) for (let j = c; j < c + cs; j++) if (i !== r || j !== c) covered.add(`${i}:${j}`);
  rows.forEach((row, r) =>
    row.forEach((text, c) => {
      if (covered.has(`${r}:${c}`)) return;
      const m = merged.find(([mr, mc]) => mr === r && mc === c);
      cells.push({ row: r, col: c, rowSpan: m?.[2] ?? 1, colSpan: m?.[3] ?? 1, text, page: 1 });
    }),
  );
  return { id: 1, origin: 'pdf-ruled', page: 1, rows: rows.length, cols: rows[0].length, headerRows: 0, cells };
}

describe('header rows of a table whose file does not say them', () => {
  it('takes the first row as the header unless it holds figures, a figure with its unit too (12 phòng học)', () => {
    expect(
      inferHeaderRows(
        table([
          ['TT', 'Chỉ tiêu', 'Năm 2024'],
          ['1', 'Dân số', '25.430'],
        ]),
      ),
    ).toBe(1);
    expect(
      inferHeaderRows(
        table([
          ['1', 'Quy mô', '12 phòng học', '8 phòng học'],
          ['2', 'Kinh phí', '4,5 tỷ đồng', '3,2 tỷ đồng'],
        ]),
      ),
    ).toBe(0);
    // a time is a header: `6 tháng`
    expect(
      inferHeaderRows(
        table([
          ['Chỉ tiêu', '6 tháng', 'Cả năm'],
          ['Doanh thu', '120', '250'],
        ]),
      ),
    ).toBe(1);
  });

  it('takes a first row naming classes by a number (1 con, 2 con) over bare figures as the header, not as data', () => {
    expect(
      inferHeaderRows(
        table([
          ['STT', 'Đơn vị', '1 con', '2 con', '3 con trở lên'],
          ['1', 'Huyện A', '7', '12', '19'],
          ['2', 'Huyện B', '5', '-', '5'],
          ['3', 'Cộng', '12', '12', '24'],
        ]),
      ),
    ).toBe(1);
    // figures with their words under it too: a row of data
    expect(
      inferHeaderRows(
        table([
          ['1', 'Trường A', '12 phòng học', '8 lớp'],
          ['2', 'Trường B', '10 phòng học', '6 lớp'],
          ['3', 'Trường C', '9 phòng học', '5 lớp'],
        ]),
      ),
    ).toBe(0);
    // a single row under it says too little
    expect(
      inferHeaderRows(
        table([
          ['Xã', '5 hộ', '7 hộ'],
          ['Xã B', '12', '14'],
        ]),
      ),
    ).toBe(0);
  });

  it('takes every row a header cell merged down reaches into, but never a row of figures', () => {
    // STT and Chỉ tiêu merged down over two header rows
    expect(
      inferHeaderRows(
        table(
          [
            ['STT', 'Chỉ tiêu', 'Kết quả', ''],
            ['', '', 'Năm 2023', 'Năm 2024'],
            ['1', 'Thu ngân sách', '125,4', '131,8'],
          ],
          [
            [0, 0, 2, 1],
            [0, 1, 2, 1],
            [0, 2, 1, 2],
          ],
        ),
      ),
    ).toBe(2);
    // STT merged down over the group's rows because the table draws no border under it: the header stops above the prices
    const long = table(
      [
        ['STT', 'Tên vật liệu', 'Giá bán'],
        ['', 'Cửa đi 2 cánh', '1.800.000'],
        ['', 'Cửa sổ 1 cánh', '1.650.000'],
        ['', 'Vách kính', '1.500.000'],
      ],
      [[0, 0, 4, 1]],
    );
    expect(inferHeaderRows(long)).toBe(1);
  });

  it('reads a row that numbers the columns under the header as the header’s', () => {
    for (const numbers of [
      ['<1>', '<2>', '<3>', '<4>'],
      ['(1)', '(2)', '(3)', '(4)'],
      ['1', '2', '3', '4'],
      ['A', 'B', 'C', 'D'],
    ]) {
      const t = table([['STT', 'Tên vật liệu', 'ĐVT', 'Giá bán'], numbers, ['1', 'Cát xây', 'm3', '320.000']]);
      expect(isColumnNumberRow(t.cells.filter((c) => c.row === 1))).toBe(true);
      expect(withColumnNumbers({ ...t, headerRows: inferHeaderRows(t) })).toBe(2);
    }
    // a data row of small numbers is not a numbering row
    const data = table([
      ['STT', 'Xã', 'Số thôn', 'Số hộ'],
      ['1', 'Tân Hòa', '7', '9'],
      ['2', 'Phú Lâm', '5', '8'],
    ]);
    expect(isColumnNumberRow(data.cells.filter((c) => c.row === 1))).toBe(false);
    expect(withColumnNumbers({ ...data, headerRows: 1 })).toBe(1);
  });
});

describe('caption of a table', () => {
  const block = (id: number, text: string): Block => ({
    id,
    role: 'body',
    text,
    prov: { source: 't.txt', page: 1, start: id * 100, end: id * 100 + text.length },
    section: '',
  });
  it('takes the unit a caption closes with in brackets when no unit note says it', () => {
    const blocks = [block(0, 'Bảng 3. Sản lượng lúa theo huyện, 2022-2024 (nghìn tấn)'), block(1, 'Huyện\t2022')];
    expect(captionOf(blocks, 1)).toEqual({ caption: 'Bảng 3. Sản lượng lúa theo huyện, 2022-2024 (nghìn tấn)', unit: 'nghìn tấn' });
    // a bracket of years or a remark is not a unit; a unit note wins over the bracket
    expect(captionOf([block(0, 'Bảng 4. Kết quả tuyển sinh (2021-2024)'), block(1, 'x')], 1).unit).toBeUndefined();
    // (a unit counted in a conversion: `triệu viên quy tiêu chuẩn`, `tấn quy đổi`)
    expect(captionOf([block(0, 'Bảng 2. Sản lượng gạch theo nhà máy (triệu viên quy tiêu chuẩn)'), block(1, 'x')], 1).unit).toBe('triệu viên quy tiêu chuẩn');
    expect(captionOf([block(0, 'Bảng 6. Khối lượng phân bón (nghìn tấn quy đổi)'), block(1, 'x')], 1).unit).toBe('nghìn tấn quy đổi');
    expect(captionOf([block(0, 'Bảng 5. Vốn đầu tư (tỷ đồng)'), block(1, 'Đơn vị tính: triệu đồng'), block(2, 'x')], 2).unit).toBe('triệu đồng');
  });
});
