import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { EXPORT_COLUMNS, type ExportRow } from '../../schemas/fact.js';
import { METRIC_CATALOG } from '../../schemas/metric-catalog.js';
import { buildCompareMatrix, buildSourceRows } from '../../src/export/compare-matrix.js';
import { writeXlsx } from '../../src/export/xlsx-writer.js';
import { matchMetric } from '../../src/resolve/metric-matcher.js';
import { goldRows, trickyRows } from './export-rows.js';

const dir = mkdtempSync(join(tmpdir(), 'solieu-xlsx-'));
/** Column index of `agency` on the Sources sheet (doc_id, file, title, province, report_period, report_type, agency, …). */
const SOURCE_AGENCY = 6;

function expectedCell(row: ExportRow, col: keyof ExportRow): string | number | null {
  const v = row[col];
  if (v === null || v === '') return null;
  if (typeof v === 'number') return v;
  return v.replace(/\r\n?/g, '\n');
}

async function readBack(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

function sheetValues(ws: ExcelJS.Worksheet, columns: number): (string | number | null)[][] {
  const out: (string | number | null)[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => {
    const values: (string | number | null)[] = [];
    for (let c = 1; c <= columns; c++) {
      const v = row.getCell(c).value;
      values.push(v === undefined || v === null ? null : (v as string | number));
    }
    out.push(values);
  });
  return out;
}

async function write(rows: ExportRow[], name: string): Promise<string> {
  const out = join(dir, name);
  await writeXlsx({ rows, compare: buildCompareMatrix(rows, METRIC_CATALOG), sources: buildSourceRows(rows) }, out);
  return out;
}

describe('writeXlsx', () => {
  it('writes a Facts sheet whose every cell equals the input row, numbers typed as numbers', async () => {
    const rows = trickyRows();
    const wb = await readBack(await write(rows, 'tricky.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Facts', 'Compare', 'Sources']);
    const facts = wb.getWorksheet('Facts') as ExcelJS.Worksheet;
    const values = sheetValues(facts, EXPORT_COLUMNS.length);
    expect(values[0]).toEqual(EXPORT_COLUMNS);
    expect(values).toHaveLength(rows.length + 1);
    rows.forEach((row, i) => expect(values[i + 1]).toEqual(EXPORT_COLUMNS.map((c) => expectedCell(row, c))));
    const valueCol = EXPORT_COLUMNS.indexOf('value') + 1;
    expect(facts.getRow(4).getCell(valueCol).type).toBe(ExcelJS.ValueType.Number);
    expect(facts.getRow(4).getCell(valueCol).value).toBe(-5);
  });

  it('keeps formula-like text and stock periods (@2020-05) as they are, in string cells, never formulas', async () => {
    const rows = trickyRows();
    rows[2] = { ...rows[2], period: '@2020-05' };
    const out = await write(rows, 'formula.xlsx');
    const wb = await readBack(out);
    const facts = wb.getWorksheet('Facts') as ExcelJS.Worksheet;
    const metric = facts.getRow(4).getCell(EXPORT_COLUMNS.indexOf('metric') + 1);
    expect(metric.type).toBe(ExcelJS.ValueType.String);
    expect(metric.formula).toBeUndefined();
    expect(metric.value).toBe(`=HYPERLINK("http://x","y")`);
    const period = facts.getRow(4).getCell(EXPORT_COLUMNS.indexOf('period') + 1);
    expect(period.type).toBe(ExcelJS.ValueType.String);
    expect(period.value).toBe('@2020-05');
    const zip = await JSZip.loadAsync(readFileSync(out));
    const sheetXml = await (zip.file('xl/worksheets/sheet1.xml') as JSZip.JSZipObject).async('string');
    expect(sheetXml).not.toContain('<f>');
  });

  it('freezes the header row and sets an auto-filter and column widths on the Facts sheet', async () => {
    const out = await write(trickyRows(), 'layout.xlsx');
    const zip = await JSZip.loadAsync(readFileSync(out));
    const sheetXml = await (zip.file('xl/worksheets/sheet1.xml') as JSZip.JSZipObject).async('string');
    expect(sheetXml).toMatch(/<pane[^>]*ySplit="1"[^>]*state="frozen"/);
    expect(sheetXml).toMatch(/<autoFilter ref="A1:Z1"/);
    const wb = await readBack(out);
    const facts = wb.getWorksheet('Facts') as ExcelJS.Worksheet;
    expect(facts.getColumn(EXPORT_COLUMNS.indexOf('quote') + 1).width).toBe(40);
    expect(facts.getColumn(EXPORT_COLUMNS.indexOf('metric') + 1).width).toBe(48);
  });

  it('writes the Compare sheet as metric × report in base units and the Sources sheet with counts', async () => {
    const rows = trickyRows();
    const wb = await readBack(await write(rows, 'compare.xlsx'));
    const cmp = sheetValues(wb.getWorksheet('Compare') as ExcelJS.Worksheet, 4);
    expect(cmp[0]).toEqual(['metric_id', 'name', 'base_unit', 'Nam Định · 2021-08 · Báo cáo tình hình tháng 8']);
    expect(cmp[1]).toEqual(['telecom-revenue', 'Doanh thu viễn thông', 'VND', 1150500000000]);
    const src = sheetValues(wb.getWorksheet('Sources') as ExcelJS.Worksheet, 14);
    expect(src[1].slice(0, 5)).toEqual(['a1b2c3d4e5f60718', 'bao-cao-thang-8.pdf', 'Báo cáo tình hình tháng 8', 'Nam Định', '2021-08']);
    expect(src[1].slice(11)).toEqual([5, 4, 2]);
  });

  it('heads a report without a title by its file name and tells the .docx and the .pdf of one document apart', async () => {
    const base = trickyRows()[0];
    const rows: ExportRow[] = [
      { ...base, doc_id: 'd0c0000000000001', file: 'bao-cao-thang-8.docx' },
      { ...base, doc_id: 'd0c0000000000002', file: 'bao-cao-thang-8.pdf' },
      { ...base, doc_id: 'd0c0000000000003', file: 'cong-van-15.pdf', title: '' },
    ];
    const wb = await readBack(await write(rows, 'labels.xlsx'));
    const header = sheetValues(wb.getWorksheet('Compare') as ExcelJS.Worksheet, 6)[0].slice(3);
    expect(header).toEqual([
      'Nam Định · 2021-08 · Báo cáo tình hình tháng 8 (bao-cao-thang-8.docx)',
      'Nam Định · 2021-08 · Báo cáo tình hình tháng 8 (bao-cao-thang-8.pdf)',
      'Nam Định · 2021-08 · cong-van-15.pdf',
    ]);
  });

  it('writes empty values as blank cells, not cells holding an empty string', async () => {
    const base = trickyRows()[0];
    const rows: ExportRow[] = [{ ...base, province: '', period: '', section_title: '', title: '' }];
    const out = await write(rows, 'blank.xlsx');
    const wb = await readBack(out);
    const facts = wb.getWorksheet('Facts') as ExcelJS.Worksheet;
    for (const col of ['province', 'period', 'section_title', 'title', 'of', 'direction'] as const) {
      expect({ col, type: facts.getRow(2).getCell(EXPORT_COLUMNS.indexOf(col) + 1).type }).toEqual({ col, type: ExcelJS.ValueType.Null });
    }
    const zip = await JSZip.loadAsync(readFileSync(out));
    const shared = await (zip.file('xl/sharedStrings.xml') as JSZip.JSZipObject).async('string');
    expect(shared).not.toMatch(/<t[^>]*\/>|<t[^>]*><\/t>/);
    const sources = sheetValues(wb.getWorksheet('Sources') as ExcelJS.Worksheet, 14)[1];
    expect(sources[SOURCE_AGENCY]).toBeNull();
  });

  it('round-trips every gold fact of the shared corpus and lines up telecom revenue across reports', async () => {
    const rows = goldRows().map((r) => ({ ...r, metric_id: matchMetric(r.metric, { unit: r.unit, kind: r.kind, aspect: r.aspect })?.metric_id ?? null }));
    const wb = await readBack(await write(rows, 'gold.xlsx'));
    const values = sheetValues(wb.getWorksheet('Facts') as ExcelJS.Worksheet, EXPORT_COLUMNS.length);
    expect(values).toHaveLength(rows.length + 1);
    rows.forEach((row, i) => expect(values[i + 1]).toEqual(EXPORT_COLUMNS.map((c) => expectedCell(row, c))));
    const cmp = sheetValues(wb.getWorksheet('Compare') as ExcelJS.Worksheet, 6);
    const telecom = cmp.find((r) => r[0] === 'telecom-revenue');
    expect(telecom).toBeDefined();
    // Both 002 (Nam Định) and 003 (Ninh Thuận) report telecom revenue in tỷ đồng; the sheet shows đồng.
    expect(telecom?.slice(3).filter((v) => typeof v === 'number' && v >= 1e9)).toHaveLength(2);
  });
});

describe('buildCompareMatrix', () => {
  const base = trickyRows()[0];
  it('prefers a reviewed fact, then higher confidence, then the more general wording, and skips other aspects', () => {
    const rows: ExportRow[] = [
      { ...base, metric: 'trạm BTS 4G', metric_id: 'bts-stations', base_value: 684, confidence: 0.9 },
      { ...base, metric: 'trạm BTS', metric_id: 'bts-stations', base_value: 1904, confidence: 0.9 },
      { ...base, metric: 'trạm BTS', metric_id: 'bts-stations', base_value: 12, aspect: 'change', confidence: 0.99 },
      { ...base, doc_id: 'other', metric: 'trạm BTS', metric_id: 'bts-stations', base_value: 10, confidence: 0.95 },
      { ...base, doc_id: 'other', metric: 'trạm BTS', metric_id: 'bts-stations', base_value: 11, confidence: 0.6, status: 'corrected' },
      { ...base, doc_id: 'other', metric: 'trạm BTS', metric_id: 'bts-stations', base_value: 99, confidence: 1, status: 'rejected' },
    ];
    const m = buildCompareMatrix(rows, METRIC_CATALOG);
    expect(m.metrics.map((x) => x.metric_id)).toEqual(['bts-stations']);
    const col = (doc: string) => m.reports.findIndex((r) => r.doc_id === doc);
    expect(m.cells[0][col(base.doc_id)]).toMatchObject({ base_value: 1904, candidates: 2 });
    expect(m.cells[0][col('other')]).toMatchObject({ base_value: 11, candidates: 2 });
  });
});
