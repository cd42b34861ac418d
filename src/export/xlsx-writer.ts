import ExcelJS from 'exceljs';
import { EXPORT_COLUMNS, type ExportRow } from '../../schemas/fact.js';
import { NUMERIC_COLUMNS } from './cell-safety.js';
import { CompareMatrix, SourceRow, type SourceRowInput } from '../../schemas/export.js';

export interface XlsxInput {
  rows: Iterable<ExportRow>;
  compare: CompareMatrix;
  sources: readonly SourceRowInput[];
  /** At most this many charts (PNG) under the Compare grid, one per metric with values in two reports or more; 0 for none. Default 12. */
  charts?: number;
}

/** Column widths in characters (Excel units) for the Facts sheet; others get 12. */
const FACT_WIDTHS: Partial<Record<keyof ExportRow, number>> = {
  doc_id: 18,
  file: 28,
  title: 40,
  province: 16,
  report_period: 16,
  section: 10,
  section_title: 36,
  metric: 48,
  metric_id: 28,
  value: 14,
  unit: 14,
  base_value: 18,
  base_unit: 14,
  of: 10,
  value_max: 10,
  kind: 10,
  aspect: 11,
  direction: 9,
  approx: 11,
  period: 18,
  quote: 40,
  page: 6,
  confidence: 11,
  status: 10,
  table_row: 36,
  table_column: 36,
};

const SOURCE_COLUMNS: (keyof SourceRow)[] = [
  'doc_id',
  'file',
  'title',
  'province',
  'report_period',
  'report_type',
  'agency',
  'issue_date',
  'status',
  'pages',
  'sha256',
  'facts',
  'facts_matched',
  'facts_reviewed',
];
const SOURCE_NUMERIC = new Set<keyof SourceRow>(['pages', 'facts', 'facts_matched', 'facts_reviewed']);
const SOURCE_WIDTHS: Partial<Record<keyof SourceRow, number>> = { doc_id: 18, file: 30, title: 50, province: 16, report_period: 16, agency: 30, sha256: 20 };

type CellValue = string | number | null;

/**
 * A text cell: always a string value, which exceljs writes as a typed string cell that no
 * spreadsheet evaluates, so it is written as it is (`=…` stays text, a period `@2021-08` keeps
 * its `@`; no `'` marker, which in XLSX would be part of the value). CR LF and lone CR become
 * LF, Excel's line break inside a cell (XML would drop a raw CR). An empty text is a blank
 * cell, not a cell holding `''`.
 */
const text = (v: unknown): CellValue => (v === null || v === undefined || v === '' ? null : String(v).replace(/\r\n?/g, '\n'));

function factCells(row: ExportRow): CellValue[] {
  return EXPORT_COLUMNS.map((col) => {
    const v = row[col];
    if (v === null || v === undefined) return null;
    return NUMERIC_COLUMNS.has(col) ? (v as number) : text(v);
  });
}

function styleHeader(ws: ExcelJS.Worksheet, columns: number): void {
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns } };
}

/**
 * Write an XLSX workbook with three sheets:
 * - `Facts`: the export columns in order; numeric columns as numbers, text as string cells
 *   (never formulas), frozen header row, auto-filter, fixed column widths.
 * - `Compare`: one row per canonical metric (id, name, base unit), one column per report
 *   (label `province · period · title`), cells = the chosen fact's base value (see
 *   `buildCompareMatrix` for the choice).
 *   Under the grid, a chart (PNG) per metric with values in two reports or more (`addCompareCharts`).
 * - `Sources`: one row per document with metadata and fact counts.
 * Written with exceljs' streaming writer so large exports stay within memory. Returns the
 * number of fact rows written.
 */
export async function writeXlsx(input: XlsxInput, outPath: string): Promise<number> {
  const compare = CompareMatrix.parse(input.compare);
  const sources = input.sources.map((s) => SourceRow.parse(s));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: outPath, useStyles: true, useSharedStrings: true });
  wb.creator = 'solieu';

  const facts = wb.addWorksheet('Facts', { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  facts.columns = EXPORT_COLUMNS.map((col) => ({ header: col, key: col, width: FACT_WIDTHS[col] ?? 12 }));
  styleHeader(facts, EXPORT_COLUMNS.length);
  facts.getRow(1).commit();
  let count = 0;
  for (const row of input.rows) {
    facts.addRow(factCells(row)).commit();
    count++;
  }
  facts.commit();

  const cmp = wb.addWorksheet('Compare', { views: [{ state: 'frozen', ySplit: 1, xSplit: 3 }] });
  const reportCols = compare.reports.map((r) => ({ header: text(r.label) as string, key: r.doc_id, width: 22 }));
  cmp.columns = [
    { header: 'metric_id', key: 'metric_id', width: 28 },
    { header: 'name', key: 'name', width: 48 },
    { header: 'base_unit', key: 'base_unit', width: 14 },
    ...reportCols,
  ];
  styleHeader(cmp, 3 + reportCols.length);
  cmp.getRow(1).commit();
  compare.metrics.forEach((m, i) => {
    const values = (compare.cells[i] ?? []).map((c) => (c ? c.base_value : null));
    cmp.addRow([text(m.metric_id), text(m.name), text(m.base_unit), ...values]).commit();
  });
  cmp.commit();

  const src = wb.addWorksheet('Sources', { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  src.columns = SOURCE_COLUMNS.map((col) => ({ header: col, key: col, width: SOURCE_WIDTHS[col] ?? 12 }));
  styleHeader(src, SOURCE_COLUMNS.length);
  src.getRow(1).commit();
  for (const s of sources) {
    src.addRow(SOURCE_COLUMNS.map((col) => (SOURCE_NUMERIC.has(col) ? (s[col] as number | null) : text(s[col])))).commit();
  }
  src.commit();

  await wb.commit();
  if ((input.charts ?? 12) > 0) {
    const { addCompareCharts } = await import('./xlsx-chart-images.js');
    await addCompareCharts(outPath, compare, input.charts ?? 12);
  }
  return count;
}
