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

/**
 * The one WHERE clause of the fact filters, over `facts f JOIN documents d`: the SQL (empty, or
 * starting ` WHERE `) and its named parameters.
 */
export function factWhere(filter: FactFilter): { sql: string; params: Record<string, unknown> } {
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
  if (filter.metricIdOrPhrase) {
    where.push('(f.metric_id = @metricIdOrPhrase OR instr(lower(f.metric), lower(@metricIdOrPhrase)) > 0)');
    params.metricIdOrPhrase = filter.metricIdOrPhrase;
  }
  if (filter.below !== undefined) {
    where.push('f.confidence < @below');
    params.below = filter.below;
  }
  if (filter.minConfidence !== undefined) {
    where.push('f.confidence >= @minConf');
    params.minConf = filter.minConfidence;
  }
  if (filter.maxConfidence !== undefined) {
    where.push('f.confidence <= @maxConf');
    params.maxConf = filter.maxConfidence;
  }
  if (filter.status?.length) {
    where.push(`f.status IN (${filter.status.map((_, i) => `@st${i}`).join(',')})`);
    filter.status.forEach((s, i) => (params[`st${i}`] = s));
  }
  return { sql: where.length ? ` WHERE ${where.join(' AND ')}` : '', params };
}
