import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import type { Document } from '../../schemas/document.js';
import type { ExportRow } from '../../schemas/fact.js';
import { METRIC_CATALOG } from '../../schemas/metric-catalog.js';
import { SourceFile } from '../../src/core/source-file.js';
import { runPipeline } from '../../src/core/run-pipeline.js';
import { compareMetric } from '../../src/export/compare-report.js';
import { comparePhrase } from '../../src/export/compare-phrases.js';
import { createReportPipeline } from '../../pipelines/report-pipeline.js';
import { YEARLY_ICT, specDocx, specPdf } from '../../scripts/make-test-tables.js';

/**
 * Compare on table facts (issue 12): the same indicator read from a table cell in one report
 * and from a sentence in another lines up in `solieu compare`'s functions, in one base unit.
 * The documents go through the whole report pipeline (read … resolve, score); their facts are
 * turned into export rows as the store gives them (document metadata, table row and column).
 */

async function ingest(name: string, bytes: Buffer): Promise<Document> {
  return runPipeline(createReportPipeline({ read: { ocr: 'never' } }), new SourceFile(name, bytes));
}

function exportRows(doc: Document, id: string): ExportRow[] {
  const title = doc.metadata.title ?? '';
  return doc.facts.map((f) => ({
    doc_id: id,
    file: doc.source.name,
    title,
    province: doc.metadata.province ?? '',
    report_period: doc.metadata.reportPeriod ?? '',
    section: f.section,
    section_title: doc.sections.find((s) => s.path === f.section)?.title ?? '',
    metric: f.metric,
    metric_id: f.metric_id,
    value: f.value,
    unit: f.unit,
    base_value: f.base_value,
    base_unit: f.base_unit,
    of: f.of,
    value_max: f.value_max,
    kind: f.kind,
    aspect: f.aspect,
    direction: f.direction,
    approx: f.approx,
    period: f.period,
    quote: f.quote,
    page: f.prov.page,
    confidence: f.confidence,
    status: 'auto',
    table_row: f.row ?? '',
    table_column: f.column ?? '',
  }));
}

const SENTENCES = 'fixtures/reports/bao-cao-nam-2024.txt';
const def = (id: string) => {
  const d = METRIC_CATALOG.find((m) => m.id === id);
  if (!d) throw new Error(`no catalog metric ${id}`);
  return d;
};

describe('compare on table facts', () => {
  let rows: ExportRow[];
  let tableDoc: Document;
  beforeAll(async () => {
    const sentences = await ingest('bao-cao-nam-2024.txt', readFileSync(SENTENCES));
    tableDoc = await ingest('quang-tri-2024.docx', await specDocx(YEARLY_ICT));
    rows = [...exportRows(sentences, 'sentences'), ...exportRows(tableDoc, 'table')];
  }, 60_000);

  it('reads the table report as a report of its province and year, its indicators as cell facts with a catalog metric', () => {
    expect(tableDoc.metadata).toMatchObject({ province: 'Quảng Trị', reportPeriod: '2024' });
    const revenue = tableDoc.facts.find((f) => f.quote === '1.562,3');
    expect(revenue).toMatchObject({
      metric_id: 'telecom-revenue',
      base_value: 1562.3e9,
      base_unit: 'VND',
      aspect: 'level',
      period: '2024',
      row: 'Doanh thu viễn thông',
    });
    // the comparison column is a change, not a second value of the indicator
    expect(tableDoc.facts.find((f) => f.quote === '107,2')).toMatchObject({ aspect: 'change' });
  });

  it.each([
    ['telecom-revenue', 2480e9, 1562.3e9],
    ['postal-revenue', 316.5e9, 214.8e9],
  ])('lines up %s from a sentence in one report and a table cell in the other, in VND', (id, fromSentence, fromTable) => {
    const compared = compareMetric(rows, def(id));
    expect(compared.map((r) => [r.province, r.report_period, r.value, r.unit])).toEqual([
      ['Hà Tĩnh', '2024', fromSentence, 'VND'],
      ['Quảng Trị', '2024', fromTable, 'VND'],
    ]);
    const fromCell = rows.find((r) => r.doc_id === 'table' && r.metric_id === id && r.aspect === 'level');
    expect(fromCell?.table_row).not.toBe('');
    expect(fromCell?.table_column).toBe('Thực hiện năm 2024');
  });

  it('groups the table row and the sentence by phrase too', () => {
    const compared = comparePhrase(rows, 'doanh thu bưu chính');
    expect(compared.baseUnit).toBe('VND');
    expect(compared.rows.map((r) => [r.province, r.value])).toEqual([
      ['Hà Tĩnh', 316.5e9],
      ['Quảng Trị', 214.8e9],
    ]);
    expect(compared.phrases.map((p) => p.phrase)).toContain('Doanh thu bưu chính');
  });

  it('gives the same comparison when the table report is a PDF without lines', async () => {
    const pdf = await ingest('quang-tri-2024.pdf', await specPdf(YEARLY_ICT));
    const fromPdf = [...rows.filter((r) => r.doc_id === 'sentences'), ...exportRows(pdf, 'table')];
    expect(compareMetric(fromPdf, def('telecom-revenue')).map((r) => [r.province, r.value])).toEqual([
      ['Hà Tĩnh', 2480e9],
      ['Quảng Trị', 1562.3e9],
    ]);
  }, 60_000);
});
