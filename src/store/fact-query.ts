import type Database from 'better-sqlite3';
import { ExportRow, type FactStatus } from '../../schemas/fact.js';

export interface FactFilter {
  docId?: string;
  /** Words to look for in the metric phrase or the canonical metric id. */
  metric?: string;
  metricId?: string;
  /** Only facts with confidence strictly below this. */
  below?: number;
  minConfidence?: number;
  status?: FactStatus[];
  limit?: number;
  /** `document` (default): by file name, then position in it; `confidence`: lowest first, then as `document`. */
  order?: 'document' | 'confidence';
}

export interface StoredFactRow extends ExportRow {
  id: number;
  start: number;
  end: number;
  version: number;
  evidence: string[];
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
export function queryFacts(db: Database.Database, filter: FactFilter = {}): StoredFactRow[] {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (filter.docId) {
    where.push('(f.doc_id = @doc OR d.name = @doc OR d.path = @doc)');
    params.doc = filter.docId;
  }
  if (filter.metricId) {
    where.push('f.metric_id = @metricId');
    params.metricId = filter.metricId;
  }
  if (filter.metric) {
    where.push("(f.metric LIKE @metricLike OR COALESCE(f.metric_id,'') LIKE @metricLike)");
    params.metricLike = `%${filter.metric}%`;
  }
  if (filter.below !== undefined) {
    where.push('f.confidence < @below');
    params.below = filter.below;
  }
  if (filter.minConfidence !== undefined) {
    where.push('f.confidence >= @minConf');
    params.minConf = filter.minConfidence;
  }
  if (filter.status?.length) {
    where.push(`f.status IN (${filter.status.map((_, i) => `@st${i}`).join(',')})`);
    filter.status.forEach((s, i) => (params[`st${i}`] = s));
  }
  const sql = `${SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY ${filter.order === 'confidence' ? 'f.confidence, ' : ''}d.name, f.start${
    filter.limit ? ` LIMIT ${Math.floor(filter.limit)}` : ''
  }`;
  const rows = db.prepare(sql).all(params) as (Omit<StoredFactRow, 'evidence'> & { evidence: string })[];
  return rows.map((r) => ({ ...r, evidence: JSON.parse(r.evidence) as string[] }));
}

/** Strip the storage-only columns: exactly the export contract, validated. */
export function toExportRow(row: StoredFactRow): ExportRow {
  return ExportRow.parse(row);
}
