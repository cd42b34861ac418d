import { sql } from './kysely.js';
import type { FactStatus } from '../../schemas/fact.js';
import type { FactState } from '../../schemas/stored-fact.js';
import { FactDocumentRow, FactPlaceRow, QueueDocument, QueueItem, StatusCount, type Queue, type QueueCounts } from '../../schemas/review.js';
import { readFactState } from './correction-log.js';
import type { Db } from './db.js';
import { factWhere, type FactFilter } from './fact-filter.js';
import { parseOptionalRow, parseRow, parseRows } from './row-parser.js';

export interface QueueFilter {
  /** Document id, file name or path. */
  doc?: string;
  /** Canonical metric id (exact) or words of the metric phrase. */
  metric?: string;
  status?: FactStatus[];
  minConfidence?: number;
  maxConfidence?: number;
  limit: number;
  offset: number;
}

const FROM = sql` FROM facts f JOIN documents d ON d.id = f.doc_id`;

/** The review queue: lowest confidence first, with counts of what is left. */
export async function reviewQueue(db: Db, filter: QueueFilter): Promise<Queue> {
  const unlessStatus: FactFilter = {
    ...(filter.doc ? { docId: filter.doc } : {}),
    ...(filter.metric ? { metricIdOrPhrase: filter.metric } : {}),
    ...(filter.minConfidence !== undefined ? { minConfidence: filter.minConfidence } : {}),
    ...(filter.maxConfidence !== undefined ? { maxConfidence: filter.maxConfidence } : {}),
  };
  const w = factWhere({ ...unlessStatus, ...(filter.status ? { status: filter.status } : {}) });
  const items = await sql`SELECT f.id, f.version, f.doc_id, d.name AS file, f.quote, f.metric, f.metric_id, f.value, f.unit, f.confidence, f.status,
      f.page, f.section${FROM}${w} ORDER BY f.confidence ASC, d.name, f.start, f.id LIMIT ${filter.limit} OFFSET ${filter.offset}`.execute(db.q);
  const facts = parseRows(QueueItem, items.rows, 'review queue');
  const total = parseRow(StatusCount.pick({ n: true }), (await sql`SELECT COUNT(*) AS n${FROM}${w}`.execute(db.q)).rows[0], 'fact count').n;
  const counts: QueueCounts = { auto: 0, accepted: 0, corrected: 0, rejected: 0 };
  const byStatus = await sql`SELECT f.status AS status, COUNT(*) AS n${FROM}${factWhere(unlessStatus)} GROUP BY f.status`.execute(db.q);
  for (const r of parseRows(StatusCount, byStatus.rows, 'status count')) counts[r.status] = r.n;
  const documents = parseRows(
    QueueDocument,
    await db.q
      .selectFrom('documents')
      .select((e) => ['id as doc_id', 'name as file', e.fn.coalesce('title', sql.lit('')).as('title')])
      .orderBy('name')
      .execute(),
    'document',
  );
  return { facts, total, counts, documents };
}

/** What the fact panel is built from: the fact's state, where it sits, its document and its sections. */
export interface FactRecord {
  state: FactState;
  place: FactPlaceRow;
  document: FactDocumentRow;
  /** The section and its ancestors, outermost first (`I`, `I/2`, `I/2/b`). */
  sections: { path: string; title: string }[];
}

/** Everything stored about one fact that the fact panel shows; undefined for an unknown id. */
export async function factRecord(db: Db, factId: number): Promise<FactRecord | undefined> {
  const state = await readFactState(db, factId);
  if (!state) return undefined;
  const place = parseRow(
    FactPlaceRow,
    await db.q.selectFrom('facts').select(['page', 'bbox', 'section', 'confidence', 'evidence']).where('id', '=', factId).executeTakeFirst(),
    'fact',
  );
  const document = parseRow(
    FactDocumentRow,
    await db.q
      .selectFrom('documents')
      .select((e) => [
        'id',
        'name',
        'path',
        e.fn.coalesce('title', sql.lit('')).as('title'),
        e.fn.coalesce('province', sql.lit('')).as('province'),
        e.fn.coalesce('report_period', sql.lit('')).as('report_period'),
        'page_count',
        'pages_json',
        'text',
      ])
      .where('id', '=', state.doc_id)
      .executeTakeFirst(),
    'document',
  );
  const parts = place.section ? place.section.split('/') : [];
  const SectionTitle = FactDocumentRow.pick({ title: true });
  const sections: { path: string; title: string }[] = [];
  for (let i = 0; i < parts.length; i++) {
    const path = parts.slice(0, i + 1).join('/');
    const found = await db.q.selectFrom('sections').select('title').where('doc_id', '=', state.doc_id).where('path', '=', path).limit(1).executeTakeFirst();
    sections.push({ path, title: parseOptionalRow(SectionTitle, found, 'section')?.title ?? '' });
  }
  return { state, place, document, sections };
}
