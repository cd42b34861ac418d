import type Database from 'better-sqlite3';
import type { Message } from '../../schemas/message.js';
import { CountRow, DocumentHeadRow, DocumentIdRow, DocumentPathRow, MessageRow, SectionOutline } from '../../schemas/stored-document.js';
import { parseOptionalRow, parseRow, parseRows } from './row-parser.js';

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
  sections: SectionOutline[];
  messages: Message[];
}

/** Find a document by id (or id prefix), file name or path. */
export function findDocumentId(db: Database.Database, ref: string): string | undefined {
  const row = parseOptionalRow(
    DocumentIdRow,
    db.prepare('SELECT id FROM documents WHERE id = @r OR name = @r OR path = @r OR id LIKE @prefix ORDER BY ingested_at DESC LIMIT 1').get({ r: ref, prefix: `${ref}%` }),
    'document',
  );
  if (row) return row.id;
  const byName = parseOptionalRow(
    DocumentIdRow,
    db.prepare("SELECT id FROM documents WHERE path LIKE @suffix ORDER BY ingested_at DESC LIMIT 1").get({ suffix: `%/${ref}` }),
    'document',
  );
  return byName?.id;
}

/** The source path of a stored document (which must exist). */
export function documentPath(db: Database.Database, docId: string): string {
  return parseRow(DocumentPathRow, db.prepare('SELECT path FROM documents WHERE id = ?').get(docId), 'document').path;
}

export function getDocumentSummary(db: Database.Database, docId: string): DocumentSummary | undefined {
  const d = parseOptionalRow(
    DocumentHeadRow,
    db
      .prepare(
        'SELECT id, name, path, title, province, agency, doc_number, issue_date, report_period, report_type, status, page_count FROM documents WHERE id = ?',
      )
      .get(docId),
    'document',
  );
  if (!d) return undefined;
  const sections = parseRows(SectionOutline, db.prepare('SELECT path, title, page, level FROM sections WHERE doc_id = ? ORDER BY idx').all(docId), 'section');
  const messages: Message[] = parseRows(
    MessageRow,
    db.prepare('SELECT severity, rule, reason, page, start, end FROM messages WHERE doc_id = ? ORDER BY idx').all(docId),
    'message',
  ).map((m) => {
    const place = { ...(m.page != null && { page: m.page }), ...(m.start != null && { start: m.start }), ...(m.end != null && { end: m.end }) };
    return { severity: m.severity, rule: m.rule, reason: m.reason, ...(Object.keys(place).length ? { place } : {}) };
  });
  const facts = parseRow(CountRow, db.prepare('SELECT COUNT(*) AS n FROM facts WHERE doc_id = ?').get(docId), 'fact count').n;
  return {
    doc_id: d.id,
    file: d.name,
    path: d.path,
    title: d.title,
    province: d.province,
    agency: d.agency,
    doc_number: d.doc_number,
    issue_date: d.issue_date,
    report_period: d.report_period,
    report_type: d.report_type,
    status: d.status,
    pages: d.page_count,
    facts,
    sections,
    messages,
  };
}
