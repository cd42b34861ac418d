import JSZip from 'jszip';
import { readFile, writeFile } from 'node:fs/promises';
import type { CompareMatrix } from '../../schemas/export.js';
import { CHART_SIZE, renderChartPng } from './compare-chart.js';
import type { CompareRow } from './compare-report.js';
import { compareChart, type CompareChart } from './compare-series.js';

/**
 * Charts in the XLSX Compare sheet. exceljs writes no charts (its issue #141, open since 2016)
 * and its streaming writer adds no images to a sheet, so each chart is drawn as PNG (the same
 * ECharts chart as `compare --chart`) and put into the finished file: a drawing part anchored
 * under the Compare grid, its images, their relationships and content types.
 */

/** Metrics with at least this many reports get a chart. */
const MIN_VALUES = 2;
const EMU_PER_PIXEL = 9525;
/** Rows (20 px each) from one chart to the next. */
const ROWS_PER_CHART = 28;

/** One chart per metric of the matrix that has values in two reports or more, the metrics with most values first, at most `limit`. */
export function matrixCharts(matrix: CompareMatrix, limit: number): CompareChart[] {
  const charts = matrix.metrics.map((m, i) => {
    const rows: CompareRow[] = [];
    (matrix.cells[i] ?? []).forEach((cell, j) => {
      const rep = matrix.reports[j];
      if (!cell || !rep) return;
      rows.push({
        province: rep.province,
        report_period: rep.report_period,
        value: cell.base_value,
        unit: m.base_unit,
        period: cell.period || rep.report_period,
        approx: cell.approx,
        quote: cell.quote,
        file: rep.file,
        page: cell.page,
        candidates: cell.candidates,
        doc_id: rep.doc_id,
        fact_id: cell.fact_id ?? null,
      });
    });
    return { rows, chart: rows.length >= MIN_VALUES ? compareChart(rows, `${m.name} (${m.metric_id})`, m.base_unit) : null };
  });
  return charts
    .filter((c): c is { rows: CompareRow[]; chart: CompareChart } => c.chart !== null)
    .sort((a, b) => b.rows.length - a.rows.length)
    .slice(0, limit)
    .map((c) => c.chart);
}

const escapeXml = (s: string): string => s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] as string);

function drawingXml(names: string[], firstRow: number): string {
  const cx = CHART_SIZE.width * EMU_PER_PIXEL;
  const cy = CHART_SIZE.height * EMU_PER_PIXEL;
  const anchors = names.map(
    (name, k) =>
      `<xdr:oneCellAnchor><xdr:from><xdr:col>1</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${firstRow + k * ROWS_PER_CHART}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
      `<xdr:ext cx="${cx}" cy="${cy}"/><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="${k + 2}" name="${escapeXml(name)}"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr>` +
      `<xdr:blipFill><a:blip r:embed="rId${k + 1}"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>` +
      `<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor>`,
  );
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    `${anchors.join('')}</xdr:wsDr>`
  );
}

const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL_IMAGE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image';
const REL_DRAWING = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';

/** The sheet part of the workbook's sheet named `name` (`xl/worksheets/sheet2.xml`). */
async function sheetPart(zip: JSZip, name: string): Promise<string> {
  const workbook = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const rid = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1];
  const rels = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
  const target = rid
    ? (new RegExp(`<Relationship [^>]*Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
      new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)?.[1])
    : undefined;
  if (!target) throw new Error(`xlsx: the workbook has no sheet "${name}" to put the charts in`);
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

/**
 * Put the charts of `matrix` as images under the Compare sheet's grid of the XLSX at `path`
 * (rewritten in place). Returns how many charts were added.
 */
export async function addCompareCharts(path: string, matrix: CompareMatrix, limit = 12): Promise<number> {
  const charts = matrixCharts(matrix, limit);
  if (charts.length === 0) return 0;
  const zip = await JSZip.loadAsync(await readFile(path));
  const sheet = await sheetPart(zip, 'Compare');
  const sheetName = sheet.split('/').pop() as string;
  const relsPath = `${sheet.slice(0, sheet.lastIndexOf('/'))}/_rels/${sheetName}.rels`;
  charts.forEach((c, k) => {
    zip.file(`xl/media/solieuchart${k + 1}.png`, renderChartPng(c));
  });
  zip.file(
    'xl/drawings/solieucharts.xml',
    drawingXml(
      charts.map((c) => c.title),
      matrix.metrics.length + 3,
    ),
  );
  zip.file(
    'xl/drawings/_rels/solieucharts.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NS}">${charts
      .map((_, k) => `<Relationship Id="rId${k + 1}" Type="${REL_IMAGE}" Target="../media/solieuchart${k + 1}.png"/>`)
      .join('')}</Relationships>`,
  );
  const existing = await zip.file(relsPath)?.async('string');
  const drawingRel = `<Relationship Id="rIdSolieuCharts" Type="${REL_DRAWING}" Target="../drawings/solieucharts.xml"/>`;
  zip.file(
    relsPath,
    existing
      ? existing.replace('</Relationships>', `${drawingRel}</Relationships>`)
      : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NS}">${drawingRel}</Relationships>`,
  );
  let xml = (await zip.file(sheet)?.async('string')) ?? '';
  if (!/xmlns:r="/.test(xml)) xml = xml.replace('<worksheet ', '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ');
  // a drawing comes after the page setup and before legacy drawings, table parts and extensions (CT_Worksheet's order)
  const before = /<(legacyDrawing|legacyDrawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b/.exec(xml);
  const at = before ? before.index : xml.lastIndexOf('</worksheet>');
  zip.file(sheet, `${xml.slice(0, at)}<drawing r:id="rIdSolieuCharts"/>${xml.slice(at)}`);
  let types = (await zip.file('[Content_Types].xml')?.async('string')) ?? '';
  if (!/Extension="png"/i.test(types)) types = types.replace('</Types>', '<Default Extension="png" ContentType="image/png"/></Types>');
  types = types.replace(
    '</Types>',
    '<Override PartName="/xl/drawings/solieucharts.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>',
  );
  zip.file('[Content_Types].xml', types);
  await writeFile(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return charts.length;
}
