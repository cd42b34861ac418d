import type Database from 'better-sqlite3';
import type { Message } from '../../schemas/message.js';

export interface DocumentSummary {
  doc_id: string;
  file: string;
  path: string;
  title: string | null;
  province: string | null;
  agency: string | null;
  doc_number: string | null;
  issue_date: string | null;
  report_period: string | null;
  report_type: string | null;
  status: string;
  pages: number;
  facts: number;
  sections: { path: string; title: string; page: number; level: number }[];
  messages: Message[];
}

/** Find a document by id (or id prefix), file name or path. */
export function findDocumentId(db: Database.Database, ref: string): string | undefined {
  const row = db
    .prepare('SELECT id FROM documents WHERE id = @r OR name = @r OR path = @r OR id LIKE @prefix ORDER BY ingested_at DESC LIMIT 1')
    .get({ r: ref, prefix: `${ref}%` }) as { id: string } | undefined;
  if (row) return row.id;
  const byName = db.prepare("SELECT id FROM documents WHERE path LIKE @suffix ORDER BY ingested_at DESC LIMIT 1").get({ suffix: `%/${ref}` }) as
    | { id: string }
    | undefined;
  return byName?.id;
}

export function getDocumentSummary(db: Database.Database, docId: string): DocumentSummary | undefined {
  const d = db.prepare('SELECT * FROM documents WHERE id = ?').get(docId) as Record<string, string | number | null> | undefined;
  if (!d) return undefined;
  const sections = db
    .prepare('SELECT path, title, page, level FROM sections WHERE doc_id = ? ORDER BY idx')
    .all(docId) as DocumentSummary['sections'];
  const messages = (
    db.prepare('SELECT severity, rule, reason, page, start, end FROM messages WHERE doc_id = ? ORDER BY idx').all(docId) as {
      severity: Message['severity'];
      rule: string;
      reason: string;
      page: number | null;
      start: number | null;
      end: number | null;
    }[]
  ).map((m) => {
    const place = { ...(m.page != null && { page: m.page }), ...(m.start != null && { start: m.start }), ...(m.end != null && { end: m.end }) };
    return { severity: m.severity, rule: m.rule, reason: m.reason, ...(Object.keys(place).length ? { place } : {}) };
  });
  const facts = (db.prepare('SELECT COUNT(*) AS n FROM facts WHERE doc_id = ?').get(docId) as { n: number }).n;
  const s = (k: string) => (d[k] == null ? null : String(d[k]));
  return {
    doc_id: String(d.id),
    file: String(d.name),
    path: String(d.path),
    title: s('title'),
    province: s('province'),
    agency: s('agency'),
    doc_number: s('doc_number'),
    issue_date: s('issue_date'),
    report_period: s('report_period'),
    report_type: s('report_type'),
    status: String(d.status),
    pages: Number(d.page_count),
    facts,
    sections,
    messages,
  };
}
