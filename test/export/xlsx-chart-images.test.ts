import { describe, expect, it } from '@jest/globals';
import { loadImage } from '@napi-rs/canvas';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { METRIC_CATALOG } from '../../schemas/metric-catalog.js';
import { buildCompareMatrix, buildSourceRows } from '../../src/export/compare-matrix.js';
import { matrixCharts } from '../../src/export/xlsx-chart-images.js';
import { writeXlsx } from '../../src/export/xlsx-writer.js';
import { matchMetric } from '../../src/resolve/metric-matcher.js';
import { goldRows, trickyRows } from './export-rows.js';

const dir = mkdtempSync(join(tmpdir(), 'solieu-xlsx-charts-'));

describe('charts in the XLSX Compare sheet', () => {
  it("puts a PNG chart under the Compare grid for each metric two reports or more state; Excel's reader (exceljs) finds them", async () => {
    const rows = goldRows().map((r) => ({ ...r, metric_id: matchMetric(r.metric, { unit: r.unit, kind: r.kind, aspect: r.aspect })?.metric_id ?? null }));
    const compare = buildCompareMatrix(rows, METRIC_CATALOG);
    const expected = matrixCharts(compare, 12);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.map((c) => c.title)).toContain('Doanh thu viễn thông (telecom-revenue)');
    const out = join(dir, 'gold-charts.xlsx');
    await writeXlsx({ rows, compare, sources: buildSourceRows(rows) }, out);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sheet = wb.getWorksheet('Compare') as ExcelJS.Worksheet;
    const images = sheet.getImages();
    expect(images).toHaveLength(expected.length);
    // anchored in column B under the grid (a header row, a row per metric, then a gap), one chart every 28 rows
    expect(images.map((i) => [i.range.tl.nativeCol, i.range.tl.nativeRow])).toEqual(expected.map((_, k) => [1, compare.metrics.length + 3 + 28 * k]));
    const first = wb.getImage(Number(images[0].imageId));
    expect(first.extension).toBe('png');
    const png = await loadImage(Buffer.from(first.buffer as unknown as Uint8Array));
    expect([png.width, png.height]).toEqual([1920, 1040]);
    // the grid itself is unchanged by the drawing
    expect(sheet.getRow(1).getCell(1).value).toBe('metric_id');
    const zip = await JSZip.loadAsync(readFileSync(out));
    expect(await zip.file('[Content_Types].xml')?.async('string')).toContain('/xl/drawings/solieucharts.xml');
  });

  it('adds nothing when no metric has two reports, and charts: 0 turns them off', async () => {
    const rows = trickyRows();
    expect(matrixCharts(buildCompareMatrix(rows, METRIC_CATALOG), 12)).toEqual([]);
    const out = join(dir, 'none.xlsx');
    await writeXlsx({ rows, compare: buildCompareMatrix(rows, METRIC_CATALOG), sources: buildSourceRows(rows) }, out);
    const zip = await JSZip.loadAsync(readFileSync(out));
    expect(Object.keys(zip.files).filter((f) => f.includes('drawing') || f.includes('media'))).toEqual([]);
    const gold = goldRows().map((r) => ({ ...r, metric_id: matchMetric(r.metric, { unit: r.unit, kind: r.kind, aspect: r.aspect })?.metric_id ?? null }));
    const off = join(dir, 'off.xlsx');
    await writeXlsx({ rows: gold, compare: buildCompareMatrix(gold, METRIC_CATALOG), sources: buildSourceRows(gold), charts: 0 }, off);
    expect(Object.keys((await JSZip.loadAsync(readFileSync(off))).files).filter((f) => f.includes('media'))).toEqual([]);
  });
});
