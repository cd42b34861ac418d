import { sql } from './kysely.js';
import { z } from '../../schemas/zod.js';
import { DocumentFactRow, FactCellLabels } from '../../schemas/document-view.js';
import { FactDocumentRow, QueueDocument, QueueItem } from '../../schemas/review.js';
import type { Db } from './db.js';
import { factWhere, type FactFilter } from './fact-filter.js';
import { parseOptionalRow, parseRows } from './row-parser.js';

/**
 * The web app's queries beyond the review queue (issue 16): a document with its facts for the
 * document view, queue rows by id (outliers pinned first), a table fact's labels.
 */

/** A stored document as the document view shows it (its text for the facts' sentences), or undefined. */
export async function viewDocument(db: Db, docId: string): Promise<FactDocumentRow | undefined> {
  const row = await sql`SELECT id, name, path, COALESCE(title, '') AS title, COALESCE(province, '') AS province, COALESCE(report_period, '') AS report_period,
      page_count, pages_json, text FROM documents WHERE id = ${docId}`.execute(db.q);
  return parseOptionalRow(FactDocumentRow, row.rows[0], 'document');
}

/** Every fact of a document, in document order, with its box and its table labels. */
export async function documentFacts(db: Db, docId: string): Promise<DocumentFactRow[]> {
  const rows =
    await sql`SELECT f.id, f.version, f.page, f.bbox, f.start, f."end" AS "end", f.quote, f.value, f.unit, f.metric, f.metric_id, f.period, f.confidence, f.status,
      COALESCE(c.table_row, '') AS table_row, COALESCE(c.table_column, '') AS table_column
    FROM facts f LEFT JOIN fact_cells c ON c.doc_id = f.doc_id AND c.idx = f.idx WHERE f.doc_id = ${docId} ORDER BY f.start, f.id`.execute(db.q);
  return parseRows(DocumentFactRow, rows.rows, 'document fact');
}

/** Queue rows of these facts that pass the queue's filter (lowest confidence first). */
export async function queueItemsByIds(db: Db, ids: readonly number[], filter: FactFilter): Promise<QueueItem[]> {
  if (ids.length === 0) return [];
  const w = factWhere(filter);
  const inIds = sql`f.id IN (${sql.join(ids.map((id) => sql`${id}`))})`;
  const rows =
    await sql`SELECT f.id, f.version, f.doc_id, d.name AS file, f.quote, f.metric, f.metric_id, f.value, f.unit, f.confidence, f.status, f.page, f.section
    FROM facts f JOIN documents d ON d.id = f.doc_id AND ${inIds}${w} ORDER BY f.confidence ASC, d.name, f.start, f.id`.execute(db.q);
  return parseRows(QueueItem, rows.rows, 'review queue');
}

/** Where a fact sits and, for a table cell's fact, its row and column labels. */
export async function factCellLabels(db: Db, factId: number): Promise<FactCellLabels | undefined> {
  const rows = await sql`SELECT f.doc_id, f.start, f."end" AS "end", COALESCE(c.table_row, '') AS table_row, COALESCE(c.table_column, '') AS table_column
    FROM facts f LEFT JOIN fact_cells c ON c.doc_id = f.doc_id AND c.idx = f.idx WHERE f.id = ${factId}`.execute(db.q);
  return parseOptionalRow(FactCellLabels, rows.rows[0], 'fact cell');
}

const Fingerprint = z.object({ facts: z.coerce.number(), last: z.coerce.number(), corrections: z.coerce.number() });

/** Changes whenever facts are stored or corrected: what a cache of derived figures (the outliers) is keyed by. */
export async function factsFingerprint(db: Db): Promise<string> {
  const rows =
    await sql`SELECT (SELECT COUNT(*) FROM facts) AS facts, (SELECT COALESCE(MAX(id), 0) FROM facts) AS last, (SELECT COUNT(*) FROM corrections) AS corrections`.execute(
      db.q,
    );
  const f = parseRows(Fingerprint, rows.rows, 'fingerprint')[0];
  return `${f.facts}/${f.last}/${f.corrections}`;
}

/** Every stored document (id, file, title), by file name: the document view's chooser. */
export async function listDocuments(db: Db): Promise<QueueDocument[]> {
  const rows = await sql`SELECT id AS doc_id, name AS file, COALESCE(title, '') AS title FROM documents ORDER BY name`.execute(db.q);
  return parseRows(QueueDocument, rows.rows, 'document');
}
