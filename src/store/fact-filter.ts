import { sql, type RawBuilder } from './kysely.js';
import type { FactStatus } from '../../schemas/fact.js';

/** Which stored facts a query reads: every field narrows; none reads them all. */
export interface FactFilter {
  /** Document id, file name or path. */
  docId?: string;
  /** Canonical metric id, exactly. */
  metricId?: string;
  /** Words found (SQL `LIKE`, ASCII case folded) in the metric phrase or the canonical metric id (`facts --metric`). */
  metric?: string;
  /** A canonical metric id exactly, or words found in the metric phrase, ASCII case folded (the review queue). */
  metricIdOrPhrase?: string;
  /** Only facts with confidence strictly below this. */
  below?: number;
  /** Only facts with confidence at least this. */
  minConfidence?: number;
  /** Only facts with confidence at most this. */
  maxConfidence?: number;
  status?: FactStatus[];
}

/** `%`, `_` and the escape character itself, taken literally inside a LIKE pattern. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The one WHERE clause of the fact filters, over `facts f JOIN documents d`, as a query-layer
 * fragment (empty, or starting ` WHERE `) with its values bound, on SQLite and PostgreSQL alike.
 * Words match case-folded on both (`lower(…) LIKE lower(…)`; SQLite folds ASCII letters only).
 */
export function factWhere(filter: FactFilter): RawBuilder<unknown> {
  const where: RawBuilder<unknown>[] = [];
  if (filter.docId) where.push(sql`(f.doc_id = ${filter.docId} OR d.name = ${filter.docId} OR d.path = ${filter.docId})`);
  if (filter.metricId) where.push(sql`f.metric_id = ${filter.metricId}`);
  // words are words in both: `%` and `_` match themselves
  if (filter.metric) {
    const words = `%${likeLiteral(filter.metric)}%`;
    where.push(sql`(lower(f.metric) LIKE lower(${words}) ESCAPE '\\' OR lower(COALESCE(f.metric_id,'')) LIKE lower(${words}) ESCAPE '\\')`);
  }
  if (filter.metricIdOrPhrase) {
    const words = `%${likeLiteral(filter.metricIdOrPhrase)}%`;
    where.push(sql`(f.metric_id = ${filter.metricIdOrPhrase} OR lower(f.metric) LIKE lower(${words}) ESCAPE '\\')`);
  }
  if (filter.below !== undefined) where.push(sql`f.confidence < ${filter.below}`);
  if (filter.minConfidence !== undefined) where.push(sql`f.confidence >= ${filter.minConfidence}`);
  if (filter.maxConfidence !== undefined) where.push(sql`f.confidence <= ${filter.maxConfidence}`);
  if (filter.status?.length) where.push(sql`f.status IN (${sql.join(filter.status)})`);
  return where.length ? sql` WHERE ${sql.join(where, sql` AND `)}` : sql``;
}
