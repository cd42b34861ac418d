import type Database from 'better-sqlite3';
import { ExportRow } from '../../schemas/fact.js';
import { FactMetricRow, StoredFactRow } from '../../schemas/stored-fact.js';
import { factWhere, type FactFilter } from './fact-filter.js';
import { parseRows } from './row-parser.js';

/** A fact query: which facts (the shared filter), in which order, how many. */
export interface FactQuery extends FactFilter {
  limit?: number;
  /** `document` (default): by file name, then position in it; `confidence`: lowest first, then as `document`. */
  order?: 'document' | 'confidence';
}

const SELECT = `
SELECT f.id, f.start, f.end, f.version, f.evidence,
  d.id AS doc_id, d.name AS file, COALESCE(d.title, '') AS title, COALESCE(d.province, '') AS province,
  COALESCE(d.report_period, '') AS report_period, f.section,
  COALESCE((SELECT s.title FROM sections s WHERE s.doc_id = f.doc_id AND s.path = f.section LIMIT 1), '') AS section_title,
  f.metric, f.metric_id, f.value, f.unit, f.base_value, f.base_unit, f.of, f.value_max, f.kind, f.aspect,
  f.direction, f.approx, f.period, f.quote, f.page, f.confidence, f.status,
  COALESCE(c.table_row, '') AS table_row, COALESCE(c.table_column, '') AS table_column
FROM facts f JOIN documents d ON d.id = f.doc_id LEFT JOIN fact_cells c ON c.doc_id = f.doc_id AND c.idx = f.idx`;

/** Facts with their document and section context, reviewed values, in export-row shape. */
export function queryFacts(db: Database.Database, filter: FactQuery = {}): StoredFactRow[] {
  const where = factWhere(filter);
  const sql = `${SELECT}${where.sql} ORDER BY ${filter.order === 'confidence' ? 'f.confidence, ' : ''}d.name, f.start${
    filter.limit ? ` LIMIT ${Math.floor(filter.limit)}` : ''
  }`;
  return parseRows(StoredFactRow, db.prepare(sql).all(where.params), 'fact');
}

/** The metric phrase and canonical metric of every stored fact. */
export function factMetrics(db: Database.Database): FactMetricRow[] {
  return parseRows(FactMetricRow, db.prepare('SELECT metric, metric_id FROM facts').all(), 'fact metric');
}

/** Strip the storage-only columns: exactly the export contract, validated. */
export function toExportRow(row: StoredFactRow): ExportRow {
  return ExportRow.parse(row);
}
