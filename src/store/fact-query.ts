import { sql } from './kysely.js';
import { ExportRow } from '../../schemas/fact.js';
import { FactMetricRow, StoredFactRow } from '../../schemas/stored-fact.js';
import type { Db } from './db.js';
import { factWhere, type FactFilter } from './fact-filter.js';
import { parseRows } from './row-parser.js';

/** A fact query: which facts (the shared filter), in which order, how many. */
export interface FactQuery extends FactFilter {
  limit?: number;
  /** `document` (default): by file name, then position in it; `confidence`: lowest first, then as `document`. */
  order?: 'document' | 'confidence';
}

const SELECT = sql`
SELECT f.id, f.start, f."end", f.version, f.evidence,
  d.id AS doc_id, d.name AS file, COALESCE(d.title, '') AS title, COALESCE(d.province, '') AS province,
  COALESCE(d.report_period, '') AS report_period, f.section,
  COALESCE((SELECT s.title FROM sections s WHERE s.doc_id = f.doc_id AND s.path = f.section LIMIT 1), '') AS section_title,
  f.metric, f.metric_id, f.value, f.unit, f.base_value, f.base_unit, f.of, f.value_max, f.kind, f.aspect,
  f.direction, f.approx, f.period, f.quote, f.page, f.confidence, f.status,
  COALESCE(c.table_row, '') AS table_row, COALESCE(c.table_column, '') AS table_column
FROM facts f JOIN documents d ON d.id = f.doc_id LEFT JOIN fact_cells c ON c.doc_id = f.doc_id AND c.idx = f.idx`;

/** Facts with their document and section context, reviewed values, in export-row shape. */
export async function queryFacts(db: Db, filter: FactQuery = {}): Promise<StoredFactRow[]> {
  const order = filter.order === 'confidence' ? sql`f.confidence, d.name, f.start` : sql`d.name, f.start`;
  // ties (two files of one name, a fact and its twin at one place) broken by content, not by row id: the same order on
  // every database, whatever order the documents were stored in
  const limit = filter.limit ? sql` LIMIT ${sql.lit(Math.floor(filter.limit))}` : sql``;
  const { rows } = await sql`${SELECT}${factWhere(filter)} ORDER BY ${order}, d.path, f.idx${limit}`.execute(db.q);
  return parseRows(StoredFactRow, rows, 'fact');
}

/** The metric phrase and canonical metric of every stored fact. */
export async function factMetrics(db: Db): Promise<FactMetricRow[]> {
  return parseRows(FactMetricRow, await db.q.selectFrom('facts').select(['metric', 'metric_id']).execute(), 'fact metric');
}

/** Strip the storage-only columns: exactly the export contract, validated. */
export function toExportRow(row: StoredFactRow): ExportRow {
  return ExportRow.parse(row);
}
