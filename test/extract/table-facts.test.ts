import { describe, expect, it } from '@jest/globals';
import type { Document } from '../../schemas/document.js';
import type { Fact } from '../../schemas/fact.js';
import { existsSync, readFileSync } from 'node:fs';
import { captionSubject, measureByRows, namesWhere, periodOfHeader, unitFromText } from '../../src/extract/table-facts.js';
import { stubSubject, withStubSubject } from '../../src/extract/table-labels.js';
import {
  INDICATORS,
  LONG,
  PRICES,
  RUNNING,
  TRANSPOSED,
  TWO_LEVEL,
  ruledTablePdf,
  specDocx,
  specPdf,
  tableDocx,
  unruledTablePdf,
} from '../../scripts/make-test-tables.js';
import { needs } from '../needs.js';
import { cellFacts, cellShape, readToExtract } from '../fixtures/read-to-extract.js';

const run = (name: string, bytes: Buffer): Promise<Document> => readToExtract(name, bytes);
const shape = (f: Fact) => ({ ...cellShape(f), unit: f.unit, kind: f.kind });

describe('facts from table cells', () => {
  it('reads every figure cell of the DOCX table as a fact with its row, column, unit and period', async () => {
    const doc = await run('table.docx', await tableDocx());
    const facts = cellFacts(doc).map(shape);
    expect(facts).toHaveLength(8);
    expect(facts[0]).toEqual({
      quote: '125,4',
      value: 125.4,
      unit: 'tỷ đồng',
      base_value: 125400000000,
      base_unit: 'VND',
      kind: 'money',
      aspect: 'level',
      period: '2023',
      metric: 'Tổng thu ngân sách',
      row: 'Tổng thu ngân sách',
      column: 'Kết quả thực hiện — Năm 2023',
    });
    expect(facts.find((f) => f.quote === '987')).toMatchObject({ unit: 'hộ', base_unit: 'hộ', kind: 'count', period: '2024', metric: 'Số hộ nghèo' });
    // (a table cell's aspect comes from its column header — GUIDELINES, Tables — so a percentage in a row
    // `Tỷ lệ trường đạt chuẩn` under a plain year column is a level)
    expect(facts.find((f) => f.quote === '70')).toMatchObject({ unit: '%', kind: 'percent', aspect: 'level', period: '2024' });
    expect(doc.messages.map((m) => m.rule)).toContain('extract:table-cells');
  });

  it('never makes facts of row numbers, the unit column or header years', async () => {
    const doc = await run('table.docx', await tableDocx());
    const quotes = doc.facts.map((f) => f.quote);
    for (const q of ['1', '2', '3', '2023', '2024']) expect(quotes).not.toContain(q);
  });

  it('recognises the totals row', async () => {
    const doc = await run('table.docx', await tableDocx());
    const total = cellFacts(doc).filter((f) => f.row === 'Tổng cộng');
    expect(total).toHaveLength(2);
    for (const f of total) expect(f.evidence).toContain('table:total-row');
  });

  it('gives the same cells from the ruled PDF as from the DOCX', async () => {
    const [docx, pdf] = await Promise.all([tableDocx().then((b) => run('table.docx', b)), ruledTablePdf().then((b) => run('table.pdf', b))]);
    const strip = (fs: Fact[]) => fs.map((f) => ({ ...shape(f) }));
    expect(strip(cellFacts(pdf))).toEqual(strip(cellFacts(docx)));
    expect(cellFacts(pdf).every((f) => f.prov.bbox !== undefined && f.prov.page === 1)).toBe(true);
  });

  it('gives the same cells from the PDF without lines as from the DOCX', async () => {
    const [docx, pdf] = await Promise.all([tableDocx().then((b) => run('table.docx', b)), unruledTablePdf().then((b) => run('table.pdf', b))]);
    expect(cellFacts(pdf).map(shape)).toEqual(cellFacts(docx).map(shape));
    expect(cellFacts(pdf)).toHaveLength(8);
  });

  it.each([
    ['an indicator table (ĐVT, year, plan, result, comparison; group rows)', INDICATORS, false, 24],
    ['the indicator table with horizontal rules only', INDICATORS, true, 24],
    ['a two-level header', TWO_LEVEL, false, 20],
    ['a table over a page break', LONG, false, 120],
  ] as const)('gives the same cell facts from %s as a PDF without vertical lines and as DOCX', async (_name, spec, rules, count) => {
    const [docx, pdf] = await Promise.all([specDocx(spec).then((b) => run('t.docx', b)), specPdf(spec, { rules }).then((b) => run('t.pdf', b))]);
    expect(cellFacts(docx)).toHaveLength(count);
    expect(cellFacts(pdf).map(shape)).toEqual(cellFacts(docx).map(shape));
  });

  it('reads group, unit and year columns of the indicator table into metric, unit and period', async () => {
    const doc = await run('t.pdf', await specPdf(INDICATORS));
    const facts = cellFacts(doc).map(shape);
    expect(facts.find((f) => f.quote === '53,1')).toMatchObject({
      metric: 'Kinh tế — Thu nhập bình quân đầu người',
      unit: 'triệu đồng',
      base_value: 53100000,
      period: '2024',
      column: 'Thực hiện năm 2024',
    });
    expect(facts.find((f) => f.quote === '1.000')).toMatchObject({ metric: 'Xã hội — Số hộ nghèo', unit: 'hộ', period: '2024', column: 'Kế hoạch năm 2024' });
  });

  it('gives a table without time in its header or caption the time set in the lead of the paragraphs before it (an undated study)', async () => {
    const spec = {
      ...TWO_LEVEL,
      header: [
        { text: 'STT', row: 0, col: 0 },
        { text: 'Đơn vị', row: 0, col: 1 },
        { text: 'Diện tích (ha)', row: 0, col: 2 },
        { text: 'Sản lượng (tấn)', row: 0, col: 3 },
      ],
      headerRows: 1,
      widths: [30, 150, 90, 90],
      align: ['center', 'left', 'right', 'right'] as ('left' | 'center' | 'right')[],
      body: TWO_LEVEL.body.map((r) => (r as string[]).slice(0, 4)),
    };
    const led = {
      ...spec,
      before: [
        '1. Sản xuất lúa',
        'Tính đến 12/2023, toàn vùng có bốn đơn vị trồng lúa.',
        'Như vậy, diện tích lúa tập trung ở các xã phía bắc',
        'Bảng 5: Diện tích và sản lượng lúa',
      ],
    };
    const now = {
      ...spec,
      before: [
        '1. Sản xuất lúa',
        'Tính đến 12/2023, toàn vùng có bốn đơn vị trồng lúa.',
        'Hiện nay, diện tích lúa tập trung ở các xã phía bắc.',
        'Bảng 6: Diện tích và sản lượng lúa',
      ],
    };
    for (const [s, period] of [
      [led, '@2023-12'],
      [now, ''],
    ] as const) {
      for (const [name, bytes] of [
        ['t.docx', await specDocx(s)],
        ['t.pdf', await specPdf(s)],
      ] as const) {
        const doc = await run(name, bytes);
        expect(cellFacts(doc)).toHaveLength(10);
        expect(doc.metadata.reportPeriod).toBeUndefined();
        expect(new Set(cellFacts(doc).map((f) => f.period))).toEqual(new Set([period]));
      }
    }
  });

  it('puts each fact quote at its place in the document text', async () => {
    const doc = await run('table.pdf', await ruledTablePdf());
    for (const f of cellFacts(doc)) expect(doc.text.slice(f.prov.start, f.prov.end)).toBe(f.quote);
  });
});

describe('metrics of table cells: the row, its group, the stub and the column', () => {
  it('gives an attribute row (Quy mô, Kinh phí, Thời gian) the subject the stub header names (Nội dung đầu tư), and keeps a row named in full', async () => {
    const doc = await run('t.docx', await specDocx(TRANSPOSED));
    const facts = cellFacts(doc).map(shape);
    expect(facts).toHaveLength(12);
    expect(facts.find((f) => f.quote === '4,5 tỷ đồng')).toMatchObject({
      metric: 'Kinh phí đầu tư — Xã Tân Hòa',
      row: 'Kinh phí',
      column: 'Xã Tân Hòa',
      base_value: 4.5e9,
      base_unit: 'VND',
    });
    expect(facts.find((f) => f.quote === '560 học sinh')).toMatchObject({
      metric: 'Số học sinh được hưởng lợi — Thị trấn Long Sơn',
      unit: 'học sinh',
      kind: 'count',
    });
    // a cell that is only a length of time is a duration of the row's subject, not a time
    expect(facts.find((f) => f.quote === '18 tháng')).toMatchObject({ metric: 'Thời gian đầu tư — Xã Tân Hòa', value: 18, unit: 'tháng' });
    // the row numbers are not facts
    expect(doc.facts.map((f) => f.quote)).not.toEqual(expect.arrayContaining(['1', '2', '3', '4']));
  });

  it('reads a column of running text beside the labels as data: its sentences give facts that carry the row and the column that names what is measured', async () => {
    const doc = await run('t.docx', await specDocx(RUNNING));
    const facts = cellFacts(doc).map(shape);
    expect(facts.map((f) => f.quote)).toEqual(['12 thôn', '80 Mbit/s', '95%', '6 trạm', '9 thôn', '65 Mbit/s', '88%', '4 trạm']);
    expect(new Set(facts.map((f) => f.row))).toEqual(new Set(['Tân Hòa', 'Phú Lâm']));
    expect(facts.find((f) => f.quote === '65 Mbit/s')).toMatchObject({ metric: 'tốc độ trung bình — Phú Lâm — Mạng cáp quang', column: 'Mạng cáp quang' });
    expect(facts.find((f) => f.quote === '6 trạm')?.metric).toMatch(/ — Tân Hòa — Mạng di động$/u);
    expect(doc.facts.filter((f) => f.row !== undefined).every((f) => f.evidence.includes('table:running-text'))).toBe(true);
  });

  it('reads the subject of a stub header and adds it only to short attribute rows that do not say it', () => {
    expect(['Nội dung thử nghiệm', 'Hạng mục đầu tư', 'Thông tin về dự án', 'Nội dung', 'Chỉ tiêu', 'Tên đơn vị'].map(stubSubject)).toEqual([
      'thử nghiệm',
      'đầu tư',
      'dự án',
      '',
      '',
      '',
    ]);
    expect(withStubSubject('Quy mô', 'thử nghiệm')).toBe('Quy mô thử nghiệm');
    expect(withStubSubject('Nhóm A — Kinh phí', 'đầu tư')).toBe('Nhóm A — Kinh phí đầu tư');
    expect(withStubSubject('Số học sinh được hưởng lợi', 'đầu tư')).toBe('Số học sinh được hưởng lợi');
    expect(withStubSubject('Vốn đầu tư', 'đầu tư')).toBe('Vốn đầu tư');
    expect(withStubSubject('Quy mô', '')).toBe('Quy mô');
  });

  it('reads a price bulletin: prices in đồng per the row unit, the names with their group, nothing from the column numbers, the names, the specification or the header printed again', async () => {
    for (const [name, bytes] of [
      ['t.docx', await specDocx(PRICES)],
      ['t.pdf', await specPdf(PRICES)],
    ] as const) {
      const doc = await run(name, bytes);
      const facts = cellFacts(doc).map(shape);
      expect(doc.tables?.[0].headerRows).toBe(2);
      expect(facts.map((f) => [f.quote, f.unit, f.base_value, f.base_unit])).toEqual([
        ['1.350', 'đồng/viên', 1350, 'VND/viên'],
        ['1.120', 'đồng/viên', 1120, 'VND/viên'],
        ['1.800.000', 'đồng/m2', 1800000, 'VND/m2'],
        ['320.000', 'đồng/m3', 320000, 'VND/m3'],
        ['15.600.000', 'đồng/tấn', 15600000, 'VND/tấn'],
      ]);
      expect(facts[0]).toMatchObject({
        metric: 'Gạch xây — Gạch 4 lỗ — Giá bán (chưa gồm VAT)',
        row: 'Gạch xây — Gạch 4 lỗ',
        column: 'Giá bán (chưa gồm VAT)',
      });
      // not `4 lỗ`, `2 cánh`, `1,2 mm`, `220x105x130 mm`, the `(1)…(6)` row
      expect(doc.facts.filter((f) => f.row === undefined && f.prov.start >= (doc.tables?.[0].start ?? 0) && f.prov.start < (doc.tables?.[0].end ?? 0))).toEqual(
        [],
      );
    }
  });

  it('reads a threshold column whose ≥ a PDF left as a symbol-font glyph (U+F0B3) as data, and keeps the sentences of a table of text alone', async () => {
    const spec = {
      ...TRANSPOSED,
      before: ['7. Chất lượng dịch vụ', 'Kết quả đo kiểm chất lượng dịch vụ như sau:'],
      header: [
        { text: 'TT', row: 0, col: 0 },
        { text: 'Chỉ tiêu', row: 0, col: 1 },
        { text: 'Quy chuẩn', row: 0, col: 2 },
        { text: 'Năm 2023', row: 0, col: 3 },
        { text: 'Năm 2024', row: 0, col: 4 },
      ],
      body: [
        ['1', 'Độ sẵn sàng của mạng', '\uF0B3 95%', '99,1%', '99,4%'],
        ['2', 'Tốc độ tải xuống trung bình', '\uF0B3 16 Mbit/s', '38,2 Mbit/s', '41,5 Mbit/s'],
      ],
    };
    const doc = await run('t.docx', await specDocx(spec));
    const facts = cellFacts(doc).map((f) => ({ ...shape(f), approx: doc.facts.find((x) => x.quote === f.quote && x.row === f.row)?.approx }));
    expect(facts.find((f) => f.quote === '16 Mbit/s')).toMatchObject({
      metric: 'Tốc độ tải xuống trung bình — Quy chuẩn',
      approx: 'more_than',
      column: 'Quy chuẩn',
    });
    expect(facts.find((f) => f.quote === '41,5 Mbit/s')).toMatchObject({
      metric: 'Tốc độ tải xuống trung bình',
      period: '2024',
      row: 'Tốc độ tải xuống trung bình',
    });
    expect(facts).toHaveLength(6);

    const text = {
      ...TRANSPOSED,
      before: ['8. Sửa đổi quy chuẩn', 'Các nội dung sửa đổi như sau:'],
      header: [
        { text: 'TT', row: 0, col: 0 },
        { text: 'Quy định hiện hành', row: 0, col: 1 },
        { text: 'Nội dung sửa đổi', row: 0, col: 2 },
      ],
      widths: [30, 220, 220],
      align: ['center', 'left', 'left'] as ('left' | 'center' | 'right')[],
      body: [
        [
          '1',
          'Doanh nghiệp công bố tốc độ tải xuống tối thiểu 1 Mbit/s cho vùng 3G.',
          'Doanh nghiệp công bố tốc độ tải xuống tối thiểu 16 Mbit/s cho vùng 4G.',
        ],
      ],
    };
    const provisions = await run('p.docx', await specDocx(text));
    expect(provisions.facts.map((f) => f.quote)).toEqual(expect.arrayContaining(['1 Mbit/s', '16 Mbit/s']));
  });

  const t339 = '../shared/corpus-real/tables/t339.pdf';
  (existsSync(t339) ? it : it.skip)(
    `gives the licence table of a real report its stub's subject and the coverage table's running text its band column${existsSync(t339) ? '' : ` ${needs(t339)}`}`,
    async () => {
      const doc = await run('t339.pdf', readFileSync(t339));
      const byQuote = (q: string) => cellFacts(doc).filter((f) => f.quote === q);
      // `TT | Nội dung thử nghiệm | VIETTEL | …`, row `Quy mô`
      expect(byQuote('93 vị trí').map((f) => f.metric)).toEqual(['Quy mô thử nghiệm — VIETTEL']);
      // the coverage table: row `Viettel`, column `Băng tần C-Band`, a sentence in the cell
      const indoor = byQuote('87%');
      expect(indoor).toHaveLength(1);
      expect(indoor[0].metric).toMatch(/ — Viettel — Băng tần C-Band$/u);
      expect(indoor[0].evidence).toContain('table:running-text');
    },
    60_000,
  );
});

const P637 = '../shared/corpus-real/viettelrace_Public637_gia-VLXD-CaoBang-quyII-2025.pdf';
describe('a real price bulletin (Public637, 47 pages of ruled price tables)', () => {
  (existsSync(P637) ? it : it.skip)(
    `gives prices per unit with the material's name, and no facts of column numbers or names${existsSync(P637) ? '' : ` ${needs(P637)}`}`,
    async () => {
      const doc = await run('p637.pdf', readFileSync(P637));
      const facts = doc.facts.filter((f) => f.row !== undefined);
      const prices = facts.filter((f) => /^đồng\//u.test(f.unit));
      // most cells are prices per m2, m3, kg, lít, viên …
      expect(prices.length).toBeGreaterThan(300);
      expect(prices.length / facts.length).toBeGreaterThan(0.9);
      expect([...new Set(prices.map((f) => f.base_unit))]).toEqual(expect.arrayContaining(['VND/m3', 'VND/m2', 'VND/kg', 'VND/lít', 'VND/viên']));
      expect(prices.every((f) => f.base_unit.startsWith('VND/') && f.kind === 'money' && f.base_value === f.value)).toBe(true);
      // the `<1> … <11>` row under each header numbers the columns: never facts, never a unit
      expect(doc.facts.filter((f) => /^<\d+>$/u.test(f.unit) || /^<\d+>$/u.test(f.quote))).toEqual([]);
      expect(doc.tables?.every((t) => t.headerRows <= 3)).toBe(true);
      // the first sand price: its name and group in the metric
      expect(prices.find((f) => f.quote === '320.000')?.metric).toMatch(/^Cát xây dựng — Cát xây — Giá bán/u);
    },
    120_000,
  );
});

describe('table header and unit readers', () => {
  it.each([
    ['Năm 2024', '2024'],
    ['2016', '2016'],
    ['2011- 2015', '2011-01..2015-12'],
    ['Đến 2010', '@2010-12'],
    ['Tháng 8/2021', '2021-08'],
    // dates joined by a dash, the year said once: the months they fall in, not their year alone
    ['Dự báo 21/02-05/3/2031', '2031-02..2031-03'],
    ['Tuần 13/02 – 19/02/2031', '2031-02'],
  ])('reads the period of the header %s as %s', (header, period) => {
    expect(periodOfHeader(header)?.period).toBe(period);
  });

  it('tells rows that say where (places, totals) from rows that name an indicator', () => {
    expect(['Lào Cai', 'Bắc Trung Bộ và DHMT', 'Tổng số', 'Tổng số vùng TDMNPB', 'Toàn tỉnh', 'TP. Hà Tĩnh'].map(namesWhere)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    // a row named by two label columns together (a station and its river)
    expect(namesWhere('Vàm Kênh — Cửa Tiểu')).toBe(true);
    expect(['Tổng thu ngân sách', 'Số thuê bao di động', 'Doanh thu', '', 'Trạm bơm — Sông Tiền'].map(namesWhere)).toEqual([false, false, false, false, false]);
  });

  it('takes the subject of a caption without its label', () => {
    expect(captionSubject('Bảng 2.1: Các nhà máy thủy điện công suất lớn')).toBe('Các nhà máy thủy điện công suất lớn');
    expect(captionSubject('Biểu 03. Chỉ tiêu kinh tế (theo giá hiện hành)')).toBe('Chỉ tiêu kinh tế');
    expect(captionSubject(undefined)).toBe('');
  });

  it('takes the measure a caption breaks down by what the label column lists, without its time', () => {
    expect(measureByRows('Bảng 3. Sản lượng thủy sản khai thác năm 2030 phân theo loại tàu', 'Loại tàu')).toBe('Sản lượng thủy sản khai thác');
    expect(measureByRows('Biểu 2: Số hộ nghèo theo xã, thị trấn (đơn vị: hộ)', 'Xã, thị trấn')).toBe('Số hộ nghèo');
    // a breakdown the label column does not list, results, or no breakdown at all: nothing
    expect(measureByRows('Bảng 1. Số hộ nghèo theo nguyên nhân', 'Xã')).toBe('');
    expect(measureByRows('Bảng 4. Kết quả thanh tra theo lĩnh vực', 'Lĩnh vực')).toBe('');
    expect(measureByRows('Bảng 5. Các nhà máy thủy điện', 'Tên nhà máy')).toBe('');
  });

  it('reads no period from a header that names no time', () => {
    expect(periodOfHeader('Số lượng')).toBeUndefined();
  });

  it("reads a number of months in a header of a whole-year table as the year's first months", () => {
    expect(periodOfHeader('Doanh thu 9 tháng', undefined, false, '2031')?.period).toBe('2031-01..2031-09');
    expect(periodOfHeader('Sản lượng 6 tháng', undefined, false, '2031')?.period).toBe('2031-01..2031-06');
    // not without a year, nor a duration of a year's last months
    expect(periodOfHeader('Doanh thu 9 tháng')).toBeUndefined();
    expect(periodOfHeader('Kế hoạch 6 tháng cuối năm', undefined, false, '2031')?.period).not.toBe('2031-01..2031-06');
  });

  it('reads a two-digit span of years (10-15) only when the table gives the century', () => {
    expect(periodOfHeader('10-15', '20')?.period).toBe('2010-01..2015-12');
    expect(periodOfHeader('GĐ 16-20', '20')?.period).toBe('2016-01..2020-12');
    expect(periodOfHeader('10-15')).toBeUndefined();
    expect(periodOfHeader('10-15', '20', true)?.period).toBe('2011-01..2015-12');
    expect(periodOfHeader('15-10', '20')).toBeUndefined();
  });

  it.each([
    ['triệu KWh/năm', { unit: 'triệu kwh/năm', baseUnit: 'kwh/năm', kind: 'measure', factor: 1e6 }],
    ['tỷ đồng', { unit: 'tỷ đồng', baseUnit: 'VND', kind: 'money', factor: 1e9 }],
    ['%', { unit: '%', baseUnit: '%', kind: 'percent', factor: 1 }],
    ['Mbit/s', { unit: 'mbit/s', baseUnit: 'mbit/s', kind: 'measure', factor: 1 }],
    // a counted noun and the word that says which: counted in the noun
    ['lượt xe', { unit: 'lượt xe', baseUnit: 'lượt', kind: 'count', factor: 1 }],
    ['nghìn lượt tàu', { unit: 'nghìn lượt tàu', baseUnit: 'lượt', kind: 'count', factor: 1e3 }],
  ])('reads the written unit %s', (written, info) => {
    expect(unitFromText(written)).toEqual(info);
  });
});

/** The cell facts of a text file whose lines are given as text or as rows of cells (joined by tabs), by quote. */
async function cellsOfLines(name: string, lines: (string | string[])[]): Promise<Map<string, ReturnType<typeof cellFacts>[number]>> {
  const text = lines.map((l) => (Array.isArray(l) ? l.join('\t') : l)).join('\n');
  const doc = await run(name, Buffer.from(text, 'utf8'));
  return new Map(cellFacts(doc).map((f) => [f.quote, f]));
}

describe('a count column named by its noun and the bound that picks some of them', () => {
  it('takes the noun of `Số bài dưới 1 điểm` as the unit of its cells', async () => {
    const cells = await cellsOfLines('exam.txt', [
      'BÁO CÁO',
      'Kết quả kỳ thi năm 2031',
      ['STT', 'Môn thi', 'Số thí sinh', 'Số bài dưới 1 điểm', 'Số bài điểm 10'],
      ['1', 'Toán', '12.400', '7', '21'],
      ['2', 'Ngữ văn', '12.380', '3', '2'],
    ]);
    expect(cells.get('7')?.base_unit).toBe('bài');
    expect(cells.get('21')?.base_unit).toBe('bài');
  });
});

describe('a column of plan attainment whose header names the years (`TH 2031/KH 2031 (%)`)', () => {
  it('gives its cells the aspect plan', async () => {
    const cells = await cellsOfLines('plan.txt', [
      'BÁO CÁO',
      'Kết quả sản xuất kinh doanh năm 2031',
      ['STT', 'Chỉ tiêu', 'ĐVT', 'Kế hoạch năm 2031', 'Thực hiện năm 2031', 'TH 2031/KH 2031 (%)'],
      ['1', 'Doanh thu', 'tỷ đồng', '1.200', '1.254', '104,5'],
      ['2', 'Lợi nhuận', 'tỷ đồng', '80', '76', '95,0'],
    ]);
    expect(cells.get('104,5')?.aspect).toBe('plan');
    expect(cells.get('95,0')?.aspect).toBe('plan');
    expect(cells.get('1.254')?.aspect).toBe('level');
  });
});

describe('a share column that says it is of a plan (`Tỷ lệ thực hiện so với kế hoạch năm (%)`)', () => {
  it('gives its cells the aspect share (GUIDELINES: `Tỷ lệ` → share) and the row alone as the metric', async () => {
    const cells = await cellsOfLines('share.txt', [
      'BÁO CÁO',
      'Kết quả sản xuất kinh doanh năm 2031',
      ['STT', 'Chỉ tiêu', 'ĐVT', 'Kế hoạch năm 2031', 'Lũy kế năm 2031', 'Tỷ lệ lũy kế so với kế hoạch năm (%)', 'Tỷ lệ thực hiện so với KH (%)'],
      ['1', 'Sản lượng gạch nung', 'triệu viên', '240', '221', '92,1', '92,08'],
      ['2', 'Doanh thu', 'tỷ đồng', '318', '305', '95,9', '95,91'],
    ]);
    for (const q of ['92,1', '92,08', '95,9', '95,91']) expect(cells.get(q)?.aspect).toBe('share');
    expect(cells.get('95,9')?.metric).toBe('Doanh thu');
    expect(cells.get('92,08')?.metric).toBe('Sản lượng gạch nung');
    expect(cells.get('221')?.aspect).toBe('cumulative');
  });
});

describe('a cell that opens with a minus sign', () => {
  it('is below zero, its quote keeps the sign, and in a column of rises and falls it is a fall', async () => {
    const cells = await cellsOfLines('minus.txt', [
      'BÁO CÁO',
      'Kết quả hoạt động tín dụng năm 2031',
      ['STT', 'Chỉ tiêu', 'Năm 2030', 'Năm 2031', 'Tăng, giảm (%)'],
      ['1', 'Dư nợ cho vay (tỷ đồng)', '412,5', '455,0', '10,3'],
      ['2', 'Nợ xấu (tỷ đồng)', '3,70', '3,04', '-17,8'],
    ]);
    expect(cells.get('-17,8')).toMatchObject({ value: -17.8, base_value: -17.8, aspect: 'change', direction: 'down' });
    expect(cells.get('10,3')).toMatchObject({ value: 10.3, direction: 'up' });
    expect(cells.has('17,8')).toBe(false);
  });
});

describe('an index table whose headers name the base (`Tháng trước = 100`)', () => {
  it("dates the cells by the table's time, not by the base each header names", async () => {
    const cells = await cellsOfLines('cpi.txt', [
      'BÁO CÁO',
      'Chỉ số giá tiêu dùng tháng 5 năm 2031',
      'Bảng 1. Chỉ số giá tiêu dùng tháng 5 năm 2031 (%)',
      ['STT', 'Nhóm hàng', 'Tháng trước = 100', 'Tháng 12 năm trước = 100', 'Bình quân 5 tháng (cùng kỳ = 100)'],
      ['1', 'Giao thông', '101,20', '103,45', '102,10'],
      ['2', 'Giáo dục', '100,05', '100,30', '104,60'],
    ]);
    expect(cells.get('101,20')?.period).toBe('2031-05');
    expect(cells.get('103,45')?.period).toBe('2031-05');
    expect(cells.get('102,10')?.period).toBe('2031-01..2031-05');
  });
});

describe('a table written with tabs in a text file', () => {
  const TSV = [
    'BÁO CÁO',
    'Tình hình kinh tế - xã hội tháng 9 và 9 tháng năm 2024',
    'Một số chỉ tiêu chủ yếu:',
    ['Chỉ tiêu', 'Đơn vị tính', 'Ước tháng 9/2024', 'Ước 9 tháng 2024', '9 tháng 2024 so với cùng kỳ (%)'].join('\t'),
    ['Doanh thu du lịch', 'Tỷ đồng', '312', '2.845', '109,4'].join('\t'),
    ['Khách du lịch', 'Nghìn lượt', '185', '1.620', '112,3'].join('\t'),
    '',
    'Ngày 5/10/2024\tSở Tài chính',
  ].join('\n');

  it('reads the rows as a table; a lone line with a tab stop stays text', async () => {
    const doc = await run('bulletin.txt', Buffer.from(TSV, 'utf8'));
    const cells = cellFacts(doc);
    expect(cells.map((f) => f.quote)).toEqual(['312', '2.845', '109,4', '185', '1.620', '112,3']);
    expect(doc.blocks.some((b) => b.text.includes('Sở Tài chính') && !b.cell)).toBe(true);
  });

  it("takes '%' from a comparison column over the row's unit, that column's aspect as change, and an 'Ước' column's figures as estimates", async () => {
    const doc = await run('bulletin.txt', Buffer.from(TSV, 'utf8'));
    const byQuote = new Map(cellFacts(doc).map((f) => [f.quote, f]));
    expect(byQuote.get('312')).toMatchObject({ base_value: 312e9, base_unit: 'VND', aspect: 'level', approx: 'estimate' });
    expect(byQuote.get('109,4')).toMatchObject({ base_unit: '%', aspect: 'change', approx: 'none' });
    expect(byQuote.get('1.620')).toMatchObject({ approx: 'estimate', metric: 'Khách du lịch' });
  });

  it('names a comparison column (`So với cùng kỳ (%)`) by its row alone: the column says the aspect, not what is measured', async () => {
    const tsv = TSV.replace('9 tháng 2024 so với cùng kỳ (%)', 'So với cùng kỳ (%)');
    const byQuote = new Map(cellFacts(await run('bulletin.txt', Buffer.from(tsv, 'utf8'))).map((f) => [f.quote, f]));
    expect(byQuote.get('112,3')).toMatchObject({ metric: byQuote.get('1.620')?.metric, aspect: 'change', base_unit: '%' });
  });

  it('dates a comparison column by the time it compares, not by its base (`Tháng 9/2024 so với tháng 9/2023`)', async () => {
    const tsv = TSV.replace('9 tháng 2024 so với cùng kỳ (%)', 'Tháng 8/2024 so với tháng 8/2023 (%)');
    const byQuote = new Map(cellFacts(await run('bulletin.txt', Buffer.from(tsv, 'utf8'))).map((f) => [f.quote, f]));
    expect(byQuote.get('112,3')).toMatchObject({ period: '2024-08', metric: 'Khách du lịch' });
  });

  it('does not date a comparison column by a base said without a number (`Tăng so với năm học trước (em)`)', async () => {
    const tsv = [
      'BÁO CÁO',
      'Tổng kết năm học 2030-2031',
      'Bảng 1. Quy mô học sinh năm học 2030-2031',
      ['Cấp học', 'Số học sinh', 'Tăng so với năm học trước (em)'].join('\t'),
      ['Tiểu học', '21.540', '412'].join('\t'),
      ['Trung học cơ sở', '14.825', '236'].join('\t'),
    ].join('\n');
    const cells = cellFacts(await run('school.txt', Buffer.from(tsv, 'utf8')));
    expect(cells.find((f) => f.quote === '412')?.period).toBe(cells.find((f) => f.quote === '21.540')?.period);
  });

  it("gives a column that names no time the report's period, a span of months too", async () => {
    const tsv = TSV.replace('tháng 9 và 9 tháng năm 2024', '9 tháng năm 2024').replace('9 tháng 2024 so với cùng kỳ (%)', 'So với cùng kỳ (%)');
    const doc = await run('bulletin.txt', Buffer.from(tsv, 'utf8'));
    expect(doc.metadata.reportPeriod).toBe('2024-01..2024-09');
    expect(cellFacts(doc).find((f) => f.quote === '112,3')?.period).toBe('2024-01..2024-09');
  });
});

describe('a table of funds by source and year', () => {
  const TSV = [
    'ĐỀ ÁN',
    'Phát triển du lịch cộng đồng giai đoạn 2031-2035',
    'Bảng 1. Khái toán kinh phí theo nguồn vốn và năm (đơn vị: triệu đồng)',
    ['STT', 'Nguồn vốn', 'Tổng giai đoạn 2031-2035', 'Năm 2031', 'Năm 2032'].join('\t'),
    ['1', 'Ngân sách tỉnh', '61.800', '8.500', '13.200'].join('\t'),
    ['2', 'Vốn xã hội hóa', '57.800', '7.300', '11.000'].join('\t'),
    ['', 'Tổng cộng', '119.600', '15.800', '24.200'].join('\t'),
  ].join('\n');

  it('names the cells by the measure the caption breaks down, not by its breakdown nor by a total column', async () => {
    const byQuote = new Map(cellFacts(await run('scheme.txt', Buffer.from(TSV, 'utf8'))).map((f) => [f.quote, f]));
    expect(byQuote.get('61.800')?.metric).toBe('Khái toán kinh phí — Ngân sách tỉnh');
    expect(byQuote.get('119.600')?.metric).toBe('Khái toán kinh phí — Tổng cộng');
  });
});

describe('a table of scores by year', () => {
  const TSV = [
    'BÁO CÁO',
    'Kết quả kỳ thi năm 2025',
    'Điểm trung bình một số môn thi:',
    ['Môn thi', 'Điểm TB năm 2024', 'Điểm TB năm 2025'].join('\t'),
    ['Vật lý', '6,71', '6,93'].join('\t'),
    ['Hóa học', '6,44', '6,12'].join('\t'),
    '',
    'Nơi nhận:',
  ].join('\n');

  it('takes points as the unit of a score column and keeps what the column names before its year in the metric', async () => {
    const byQuote = new Map(cellFacts(await run('exam.txt', Buffer.from(TSV, 'utf8'))).map((f) => [f.quote, f]));
    expect(byQuote.get('6,71')).toMatchObject({ base_unit: 'điểm', period: '2024', metric: 'Vật lý — Điểm TB' });
    expect(byQuote.get('6,12')).toMatchObject({ base_unit: 'điểm', period: '2025', metric: 'Hóa học — Điểm TB' });
  });
});

describe('a table whose rows are times', () => {
  it('dates each cell by its row and names it by its column when the columns name no time', async () => {
    const text = [
      'BÁO CÁO',
      'Kết quả hoạt động của bến xe khách năm 2025',
      '',
      'Bảng 1. Hành khách và chuyến xe qua bến',
      'Kỳ báo cáo\tLượt hành khách\tChuyến xe (chuyến)',
      'Quý I/2025\t48.210\t3.120',
      'Tháng 4/2025\t15.930\t1.045',
      '',
    ].join('\n');
    // (a column of `Lượt …` counts occasions without `Số`; `chuyến` is a counted noun)
    const facts = cellFacts(await run('ben-xe.txt', Buffer.from(text, 'utf8'))).map((f) => [f.quote, f.period, f.metric, f.base_unit]);
    expect(facts).toEqual([
      ['48.210', '2025-01..2025-03', 'Lượt hành khách', 'lượt'],
      ['3.120', '2025-01..2025-03', 'Chuyến xe', 'chuyến'],
      ['15.930', '2025-04', 'Lượt hành khách', 'lượt'],
      ['1.045', '2025-04', 'Chuyến xe', 'chuyến'],
    ]);
  });

  it("dates a row by its year under a stub `Năm`, and a column of months without a year (`9 tháng`) by the table's year", async () => {
    const years = [
      'BÁO CÁO',
      'Tình hình phát triển du lịch giai đoạn 2022-2024',
      '',
      'Bảng 1. Khách du lịch theo năm',
      'STT\tNăm\tKhách quốc tế (lượt)\tDoanh thu (tỷ đồng)',
      '1\t2022\t12.400\t380,5',
      '2\t2023\t15.100\t441,2',
      '-\tTổng cộng\t27.500\t821,7',
      '',
    ].join('\n');
    const byYear = cellFacts(await run('du-lich.txt', Buffer.from(years, 'utf8'))).map((f) => [f.quote, f.period]);
    expect(byYear).toEqual([
      ['12.400', '2022'],
      ['380,5', '2022'],
      ['15.100', '2023'],
      ['441,2', '2023'],
      ['27.500', '2022-01..2024-12'],
      ['821,7', '2022-01..2024-12'],
    ]);
    const months = [
      'BÁO CÁO',
      'Kết quả hoạt động quý III năm 2025',
      '',
      'Bảng 1. Hàng hóa qua cảng',
      'Khu vực\tHàng hóa quý III (nghìn tấn)\tHàng hóa 9 tháng (nghìn tấn)\tCây trồng trong quý (cây)',
      'Khu bến A\t3.812\t10.946\t64',
      '',
    ].join('\n');
    const byColumn = cellFacts(await run('cang.txt', Buffer.from(months, 'utf8'))).map((f) => [f.quote, f.period, f.metric]);
    expect(byColumn).toEqual([
      ['3.812', '2025-07..2025-09', 'Khu bến A — Hàng hóa'],
      ['10.946', '2025-01..2025-09', 'Khu bến A — Hàng hóa'],
      ['64', '2025-07..2025-09', 'Khu bến A — Cây trồng'],
    ]);
  });

  it('reads a column `Tăng so với năm 2024 (%)` as a rise, and takes no time from a paragraph sentence whose only comma is a decimal one', async () => {
    const text = [
      'BÁO CÁO',
      'Kết quả kinh doanh năm 2025',
      '',
      'II. KẾT QUẢ NĂM 2025',
      'Sản lượng năm 2025 đạt 412,5 triệu kWh. Riêng quý IV/2025 đạt 108,2 triệu kWh. Cơ cấu như sau:',
      'Bảng 1. Sản lượng theo thành phần (ĐVT: triệu kWh)',
      'STT\tThành phần\tNăm 2024\tNăm 2025\tTăng so với năm 2024 (%)',
      '1\tCông nghiệp\t210,4\t228,9\t8,79',
      '',
    ].join('\n');
    const facts = cellFacts(await run('dien-nang.txt', Buffer.from(text, 'utf8'))).map((f) => [f.quote, f.period, f.aspect]);
    expect(facts).toEqual([
      ['210,4', '2024', 'level'],
      ['228,9', '2025', 'level'],
      ['8,79', '2025', 'change'],
    ]);
  });

  it('dates a row of a month without its year by the year of the table, and a total row of months by the span', async () => {
    const text = [
      'BÁO CÁO',
      'Kết quả sản xuất điện năm 2025',
      '',
      'Bảng 1. Sản lượng điện theo tháng năm 2025 (triệu kWh)',
      'Tháng\tKế hoạch\tThực hiện',
      'Tháng 01\t41,20\t43,05',
      'Tháng 02\t38,60\t37,92',
      'Cộng 2 tháng\t79,80\t80,97',
      '',
    ].join('\n');
    const facts = cellFacts(await run('dien.txt', Buffer.from(text, 'utf8'))).map((f) => [f.quote, f.period]);
    expect(facts).toEqual([
      ['41,20', '2025-01'],
      ['43,05', '2025-01'],
      ['38,60', '2025-02'],
      ['37,92', '2025-02'],
      ['79,80', '2025-01..2025-02'],
      ['80,97', '2025-01..2025-02'],
    ]);
  });
});

describe('a table whose caption names a school year the report bounds', () => {
  it("reads the caption's school year over the months the report gives its own (August to July), not September to May", async () => {
    const tsv = [
      'BÁO CÁO',
      'Tổng kết năm học 2030-2031',
      'Nhà trường báo cáo kết quả năm học 2030-2031 (tính từ ngày 01/8/2030 đến ngày 31/7/2031) như sau:',
      'I. KẾT QUẢ',
      'Bảng 1. Sinh viên theo khoa, năm học 2030-2031',
      ['STT', 'Khoa', 'Sinh viên (người)', 'Tốt nghiệp (người)'].join('\t'),
      ['1', 'Cơ khí', '1.204', '311'].join('\t'),
      ['2', 'Kinh tế', '986', '245'].join('\t'),
    ].join('\n');
    const doc = await run('school.txt', Buffer.from(tsv, 'utf8'));
    expect(doc.metadata.reportPeriod).toBe('2030-08..2031-07');
    expect(cellFacts(doc).map((f) => [f.quote, f.period])).toEqual([
      ['1.204', '2030-08..2031-07'],
      ['311', '2030-08..2031-07'],
      ['986', '2030-08..2031-07'],
      ['245', '2030-08..2031-07'],
    ]);
  });
});

describe('a caption that titles results broken down by something', () => {
  const tsv = (caption: string) =>
    [
      'BÁO CÁO',
      'Kết quả thanh tra năm 2030',
      'I. KẾT QUẢ',
      caption,
      ['STT', 'Ngành', 'Số cơ sở vi phạm', 'Tiền phạt (triệu đồng)'].join('\t'),
      ['1', 'Y tế', '126', '410'].join('\t'),
      ['2', 'Công Thương', '94', '356'].join('\t'),
    ].join('\n');

  it('names a cell by its row and column alone when the column says what is measured', async () => {
    const doc = await run('results.txt', Buffer.from(tsv('Bảng 1. Kết quả thanh tra năm 2030 theo ngành'), 'utf8'));
    expect(cellFacts(doc).find((f) => f.quote === '94')?.metric).toBe('Công Thương — Số cơ sở vi phạm');
  });

  it('names a cell by its row and column alone when the caption lists the measures its columns hold', async () => {
    const doc = await run('results.txt', Buffer.from(tsv('Bảng 1. Số cơ sở vi phạm, tiền phạt và tỷ lệ tái phạm của các ngành'), 'utf8'));
    expect(cellFacts(doc).find((f) => f.quote === '94')?.metric).toBe('Công Thương — Số cơ sở vi phạm');
  });

  it("keeps a caption that names the table's subject", async () => {
    const doc = await run('results.txt', Buffer.from(tsv('Bảng 1. Cơ sở kinh doanh thực phẩm'), 'utf8'));
    expect(cellFacts(doc).find((f) => f.quote === '94')?.metric).toBe('Cơ sở kinh doanh thực phẩm — Công Thương — Số cơ sở vi phạm');
  });
});

describe('a count column dated by its header', () => {
  it('counts the noun of `Số vụ cùng kỳ năm 2030`, of that year', async () => {
    const tsv = [
      'BÁO CÁO',
      'Tình hình tai nạn giao thông 11 tháng năm 2031',
      'Bảng 1. Tai nạn giao thông theo tuyến',
      ['STT', 'Tuyến', 'Số vụ', 'Số vụ cùng kỳ năm 2030'].join('\t'),
      ['1', 'Quốc lộ 1', '112', '131'].join('\t'),
      ['2', 'Đường tỉnh', '58', '63'].join('\t'),
    ].join('\n');
    const byQuote = new Map(cellFacts(await run('tngt.txt', Buffer.from(tsv, 'utf8'))).map((f) => [f.quote, f]));
    expect(byQuote.get('112')).toMatchObject({ base_unit: 'vụ', kind: 'count' });
    expect(byQuote.get('131')).toMatchObject({ base_unit: 'vụ', kind: 'count', period: '2030-01..2030-11' });
  });
});

describe('a table whose caption names the measure its rows break down', () => {
  it('names each cell with the caption’s measure when no column names one (`Sản lượng … theo loại tàu` over `Loại tàu`)', async () => {
    const cells = await cellsOfLines('catch.txt', [
      'BÁO CÁO',
      'Kết quả khai thác thủy sản năm 2031',
      'Bảng 1. Sản lượng thủy sản khai thác năm 2031 theo loại tàu (đơn vị: tấn)',
      ['STT', 'Loại tàu', 'Năm 2031', 'Năm 2030'],
      ['1', 'Tàu lưới kéo', '12.480', '11.930'],
      ['2', 'Tàu câu', '6.215', '6.870'],
    ]);
    expect(cells.get('12.480')?.metric).toBe('Sản lượng thủy sản khai thác — Tàu lưới kéo');
    expect(cells.get('6.870')?.period).toBe('2030');
  });
});

describe('a rank column that says among how many', () => {
  it('gives its cells `of` and what is ranked from the header (`Xếp hạng (trên 34 tỉnh, thành phố)`)', async () => {
    const cells = await cellsOfLines('pci.txt', [
      'BÁO CÁO',
      'Kết quả chỉ số năm 2031',
      ['STT', 'Chỉ số thành phần', 'Điểm năm 2031', 'Xếp hạng năm 2031 (trên 34 tỉnh, thành phố)'],
      ['1', 'Chi phí không chính thức', '6,84', '12'],
      ['2', 'Đào tạo lao động', '7,05', '21'],
    ]);
    expect(cells.get('12')).toMatchObject({ aspect: 'rank', of: 34, base_unit: 'tỉnh, thành phố' });
    expect(cells.get('6,84')?.of).toBeNull();
  });
});

describe('a column of a ratio of two counts', () => {
  it('reads `Tỷ lệ giáo viên/lớp` as a share whose unit is the ratio', async () => {
    const cells = await cellsOfLines('staff.txt', [
      'BÁO CÁO',
      'Đội ngũ giáo viên năm 2031',
      ['STT', 'Cấp học', 'Số lớp', 'Tỷ lệ giáo viên/lớp'],
      ['1', 'Tiểu học', '9.615', '1,42'],
      ['2', 'Trung học cơ sở', '5.284', '1,79'],
    ]);
    expect(cells.get('1,42')).toMatchObject({ aspect: 'share', base_unit: 'giáo viên/lớp' });
    expect(cells.get('9.615')?.aspect).toBe('level');
  });
});
