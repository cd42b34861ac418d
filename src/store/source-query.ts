import { sql } from './kysely.js';
import { SourceRow } from '../../schemas/export.js';
import type { Db } from './db.js';
import { parseRows } from './row-parser.js';

/** One row per stored document with its metadata and fact counts (the XLSX Sources sheet). */
export async function sourceRows(db: Db): Promise<SourceRow[]> {
  const { rows } = await sql`
    SELECT d.id AS doc_id, d.name AS file, COALESCE(d.title,'') AS title, COALESCE(d.province,'') AS province,
      COALESCE(d.report_period,'') AS report_period, COALESCE(d.report_type,'') AS report_type, COALESCE(d.agency,'') AS agency,
      COALESCE(d.issue_date,'') AS issue_date, d.status, d.page_count AS pages, d.sha256,
      (SELECT COUNT(*) FROM facts f WHERE f.doc_id = d.id) AS facts,
      (SELECT COUNT(*) FROM facts f WHERE f.doc_id = d.id AND f.metric_id IS NOT NULL) AS facts_matched,
      (SELECT COUNT(*) FROM facts f WHERE f.doc_id = d.id AND f.status IN ('accepted','corrected')) AS facts_reviewed
    FROM documents d ORDER BY d.province NULLS FIRST, d.report_period NULLS FIRST, d.name, d.path`.execute(db.q);
  return parseRows(SourceRow, rows, 'document');
}
