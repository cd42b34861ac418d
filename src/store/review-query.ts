import type Database from 'better-sqlite3';
import type { FactStatus } from '../../schemas/fact.js';
import type { FactState } from '../../schemas/stored-fact.js';
import { FactDocumentRow, FactPlaceRow, QueueDocument, QueueItem, StatusCount, type Queue, type QueueCounts } from '../../schemas/review.js';
import { readFactState } from './correction-log.js';
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

const FROM = ' FROM facts f JOIN documents d ON d.id = f.doc_id';

/** The review queue: lowest confidence first, with counts of what is left. */
export function reviewQueue(db: Database.Database, filter: QueueFilter): Queue {
  const unlessStatus: FactFilter = {
    ...(filter.doc ? { docId: filter.doc } : {}),
    ...(filter.metric ? { metricIdOrPhrase: filter.metric } : {}),
    ...(filter.minConfidence !== undefined ? { minConfidence: filter.minConfidence } : {}),
    ...(filter.maxConfidence !== undefined ? { maxConfidence: filter.maxConfidence } : {}),
  };
  const w = factWhere({ ...unlessStatus, ...(filter.status ? { status: filter.status } : {}) });
  const facts = parseRows(
    QueueItem,
    db
      .prepare(
        `SELECT f.id, f.version, f.doc_id, d.name AS file, f.quote, f.metric, f.metric_id, f.value, f.unit, f.confidence, f.status,
           f.page, f.section${FROM}${w.sql} ORDER BY f.confidence ASC, d.name, f.start, f.id LIMIT @limit OFFSET @offset`,
      )
      .all({ ...w.params, limit: filter.limit, offset: filter.offset }),
    'review queue',
  );
  const total = parseRow(StatusCount.pick({ n: true }), db.prepare(`SELECT COUNT(*) AS n${FROM}${w.sql}`).get(w.params), 'fact count').n;
  const c = factWhere(unlessStatus);
  const counts: QueueCounts = { auto: 0, accepted: 0, corrected: 0, rejected: 0 };
  for (const r of parseRows(StatusCount, db.prepare(`SELECT f.status AS status, COUNT(*) AS n${FROM}${c.sql} GROUP BY f.status`).all(c.params), 'status count')) {
    counts[r.status] = r.n;
  }
  const documents = parseRows(QueueDocument, db.prepare("SELECT id AS doc_id, name AS file, COALESCE(title, '') AS title FROM documents ORDER BY name").all(), 'document');
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
export function factRecord(db: Database.Database, factId: number): FactRecord | undefined {
  const state = readFactState(db, factId);
  if (!state) return undefined;
  const place = parseRow(FactPlaceRow, db.prepare('SELECT page, bbox, section, confidence, evidence FROM facts WHERE id = ?').get(factId), 'fact');
  const document = parseRow(
    FactDocumentRow,
    db
      .prepare(
        "SELECT id, name, path, COALESCE(title, '') AS title, COALESCE(province, '') AS province, COALESCE(report_period, '') AS report_period, page_count, pages_json, text FROM documents WHERE id = ?",
      )
      .get(state.doc_id),
    'document',
  );
  const parts = place.section ? place.section.split('/') : [];
  const titleOf = db.prepare('SELECT title FROM sections WHERE doc_id = ? AND path = ? LIMIT 1');
  const SectionTitle = FactDocumentRow.pick({ title: true });
  const sections = parts.map((_, i) => {
    const path = parts.slice(0, i + 1).join('/');
    const row = parseOptionalRow(SectionTitle, titleOf.get(state.doc_id, path), 'section');
    return { path, title: row?.title ?? '' };
  });
  return { state, place, document, sections };
}
