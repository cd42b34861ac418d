import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import type { Document } from '../../schemas/document.js';
import type { ExportRow } from '../../schemas/fact.js';
import { METRIC_CATALOG } from '../../schemas/metric-catalog.js';
import { SourceFile } from '../../src/core/source-file.js';
import { runPipeline } from '../../src/core/run-pipeline.js';
import { compareMetric } from '../../src/export/compare-report.js';
import { comparePhrase } from '../../src/export/compare-phrases.js';
import { createReportPipeline, PIPELINE_VERSION } from '../../pipelines/report-pipeline.js';
import { DocumentStore } from '../../src/store/document-store.js';
import { queryFacts, toExportRow } from '../../src/store/fact-query.js';
import { openDb } from '../../src/store/open-db.js';
import { YEARLY_ICT, specDocx, specPdf } from '../../scripts/make-test-tables.js';

/**
 * Compare on table facts (issue 12): the same indicator read from a table cell in one report
 * and from a sentence in another lines up in `solieu compare`'s functions, in one base unit.
 * The documents go through the whole report pipeline (read … resolve, score); their facts are
 * stored and read back as export rows, as `solieu export` reads them (document metadata, table row and column).
 */

async function ingest(name: string, bytes: Buffer): Promise<Document> {
  return runPipeline(createReportPipeline({ read: { ocr: 'never' } }), new SourceFile(name, bytes));
}

/** The export rows the store gives for these documents (saved to an in-memory SQLite database, read back as `export` reads them). */
async function storedRows(...docs: Document[]): Promise<ExportRow[]> {
  const db = await openDb(':memory:');
  try {
    const store = new DocumentStore(db);
    for (const doc of docs) await store.save(doc, PIPELINE_VERSION);
    return (await queryFacts(db)).map(toExportRow);
  } finally {
    await db.close();
  }
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
  let sentences: Document;
  beforeAll(async () => {
    sentences = await ingest('bao-cao-nam-2024.txt', readFileSync(SENTENCES));
    tableDoc = await ingest('quang-tri-2024.docx', await specDocx(YEARLY_ICT));
    rows = await storedRows(sentences, tableDoc);
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
    const fromCell = rows.find((r) => r.file === 'quang-tri-2024.docx' && r.metric_id === id && r.aspect === 'level');
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
    const fromPdf = await storedRows(sentences, pdf);
    expect(compareMetric(fromPdf, def('telecom-revenue')).map((r) => [r.province, r.value])).toEqual([
      ['Hà Tĩnh', 2480e9],
      ['Quảng Trị', 1562.3e9],
    ]);
  }, 60_000);
});
