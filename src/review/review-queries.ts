import type Database from 'better-sqlite3';
import { BBox } from '../../schemas/provenance.js';
import type { FactStatus } from '../../schemas/fact.js';
import { readFactState, type FactState } from '../store/correction-log.js';
import { sentenceAround, type SentenceWindow } from './sentence-window.js';

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

export interface QueueItem {
  id: number;
  version: number;
  doc_id: string;
  file: string;
  quote: string;
  metric: string;
  metric_id: string | null;
  value: number;
  unit: string;
  confidence: number;
  status: FactStatus;
  page: number;
  section: string;
}

export interface QueueCounts {
  auto: number;
  accepted: number;
  corrected: number;
  rejected: number;
}

export interface Queue {
  facts: QueueItem[];
  /** Facts matching the whole filter (the page shows `limit` of them from `offset`). */
  total: number;
  /** Facts matching the filter apart from status, by status: `auto` is what is left to review. */
  counts: QueueCounts;
  documents: { doc_id: string; file: string; title: string }[];
}

function whereOf(filter: QueueFilter, withStatus: boolean): { sql: string; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (filter.doc) {
    where.push('(f.doc_id = @doc OR d.name = @doc OR d.path = @doc)');
    params.doc = filter.doc;
  }
  if (filter.metric) {
    where.push('(f.metric_id = @metric OR instr(lower(f.metric), lower(@metric)) > 0)');
    params.metric = filter.metric;
  }
  if (filter.minConfidence !== undefined) {
    where.push('f.confidence >= @minConf');
    params.minConf = filter.minConfidence;
  }
  if (filter.maxConfidence !== undefined) {
    where.push('f.confidence <= @maxConf');
    params.maxConf = filter.maxConfidence;
  }
  if (withStatus && filter.status?.length) {
    where.push(`f.status IN (${filter.status.map((_, i) => `@st${i}`).join(',')})`);
    filter.status.forEach((s, i) => (params[`st${i}`] = s));
  }
  return { sql: where.length ? ` WHERE ${where.join(' AND ')}` : '', params };
}

/** The review queue: lowest confidence first, with counts of what is left. */
export function reviewQueue(db: Database.Database, filter: QueueFilter): Queue {
  const FROM = ' FROM facts f JOIN documents d ON d.id = f.doc_id';
  const w = whereOf(filter, true);
  const facts = db
    .prepare(
      `SELECT f.id, f.version, f.doc_id, d.name AS file, f.quote, f.metric, f.metric_id, f.value, f.unit, f.confidence, f.status,
         f.page, f.section${FROM}${w.sql} ORDER BY f.confidence ASC, d.name, f.start, f.id LIMIT @limit OFFSET @offset`,
    )
    .all({ ...w.params, limit: filter.limit, offset: filter.offset }) as QueueItem[];
  const total = (db.prepare(`SELECT COUNT(*) AS n${FROM}${w.sql}`).get(w.params) as { n: number }).n;
  const c = whereOf(filter, false);
  const counts: QueueCounts = { auto: 0, accepted: 0, corrected: 0, rejected: 0 };
  for (const r of db.prepare(`SELECT f.status AS status, COUNT(*) AS n${FROM}${c.sql} GROUP BY f.status`).all(c.params) as {
    status: FactStatus;
    n: number;
  }[]) {
    counts[r.status] = r.n;
  }
  const documents = db.prepare("SELECT id AS doc_id, name AS file, COALESCE(title, '') AS title FROM documents ORDER BY name").all() as Queue['documents'];
  return { facts, total, counts, documents };
}

export interface FactDetail {
  fact: FactState & {
    page: number;
    bbox: BBox | null;
    section: string;
    confidence: number;
    evidence: string[];
  };
  document: { doc_id: string; file: string; title: string; province: string; report_period: string; pages: number };
  /** The section and its ancestors, outermost first (`I`, `I/2`, `I/2/b`). */
  sections: { path: string; title: string }[];
  sentence: SentenceWindow;
  /** How the page's text was obtained (`ocr` pages may have an image crop). */
  pageOrigin: string | null;
  /** Whether `GET /api/facts/:id/crop.png` can render the region of this fact. */
  cropAvailable: boolean;
}

/** Everything the fact panel shows about one fact; undefined for an unknown id. */
export function factDetail(db: Database.Database, factId: number): FactDetail | undefined {
  const state = readFactState(db, factId);
  if (!state) return undefined;
  const extra = db.prepare('SELECT page, bbox, section, confidence, evidence FROM facts WHERE id = ?').get(factId) as {
    page: number;
    bbox: string | null;
    section: string;
    confidence: number;
    evidence: string;
  };
  const d = db
    .prepare(
      "SELECT id, name, path, COALESCE(title, '') AS title, COALESCE(province, '') AS province, COALESCE(report_period, '') AS report_period, page_count, pages_json, text FROM documents WHERE id = ?",
    )
    .get(state.doc_id) as {
    id: string;
    name: string;
    path: string;
    title: string;
    province: string;
    report_period: string;
    page_count: number;
    pages_json: string;
    text: string;
  };
  const bbox = extra.bbox ? BBox.safeParse(JSON.parse(extra.bbox)) : undefined;
  const parts = extra.section ? extra.section.split('/') : [];
  const titleOf = db.prepare('SELECT title FROM sections WHERE doc_id = ? AND path = ? LIMIT 1');
  const sections = parts.map((_, i) => {
    const path = parts.slice(0, i + 1).join('/');
    const row = titleOf.get(state.doc_id, path) as { title: string } | undefined;
    return { path, title: row?.title ?? '' };
  });
  const pages = JSON.parse(d.pages_json) as { page: number; origin?: string }[];
  const pageOrigin = pages.find((p) => p.page === extra.page)?.origin ?? null;
  const drawable = /\.(pdf|png|jpe?g|webp)$/i.test(d.path);
  return {
    fact: {
      ...state,
      page: extra.page,
      bbox: bbox?.success ? bbox.data : null,
      section: extra.section,
      confidence: extra.confidence,
      evidence: JSON.parse(extra.evidence) as string[],
    },
    document: { doc_id: d.id, file: d.name, title: d.title, province: d.province, report_period: d.report_period, pages: d.page_count },
    sections,
    sentence: sentenceAround(d.text, state.start, state.end),
    pageOrigin,
    cropAvailable: drawable && pageOrigin === 'ocr' && bbox?.success === true,
  };
}

/** Path of the source file of a fact's document (for the page crop). */
export function documentPathOfFact(db: Database.Database, factId: number): string | undefined {
  const row = db.prepare('SELECT d.path FROM facts f JOIN documents d ON d.id = f.doc_id WHERE f.id = ?').get(factId) as { path: string } | undefined;
  return row?.path;
}
