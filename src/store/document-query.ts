import type { Message } from '../../schemas/message.js';
import { CountRow, DocumentHeadRow, DocumentIdRow, DocumentPathRow, DocumentSourceRow, MessageRow, SectionOutline } from '../../schemas/stored-document.js';
import type { Db } from './db.js';
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
export async function findDocumentId(db: Db, ref: string): Promise<string | undefined> {
  const row = parseOptionalRow(
    DocumentIdRow,
    await db.q
      .selectFrom('documents')
      .select('id')
      .where((e) => e.or([e('id', '=', ref), e('name', '=', ref), e('path', '=', ref), e('id', 'like', `${ref}%`)]))
      .orderBy('ingested_at', 'desc')
      .limit(1)
      .executeTakeFirst(),
    'document',
  );
  if (row) return row.id;
  const byName = parseOptionalRow(
    DocumentIdRow,
    await db.q.selectFrom('documents').select('id').where('path', 'like', `%/${ref}`).orderBy('ingested_at', 'desc').limit(1).executeTakeFirst(),
    'document',
  );
  return byName?.id;
}

/** The source path of a stored document (which must exist). */
export async function documentPath(db: Db, docId: string): Promise<string> {
  return parseRow(DocumentPathRow, await db.q.selectFrom('documents').select('path').where('id', '=', docId).executeTakeFirst(), 'document').path;
}

/** A document's source path and content hash; undefined for an unknown id. */
export async function documentSource(db: Db, docId: string): Promise<{ path: string; sha256: string } | undefined> {
  return parseOptionalRow(
    DocumentSourceRow,
    await db.q.selectFrom('documents').select(['path', 'sha256']).where('id', '=', docId).executeTakeFirst(),
    'document',
  );
}

export async function getDocumentSummary(db: Db, docId: string): Promise<DocumentSummary | undefined> {
  const d = parseOptionalRow(
    DocumentHeadRow,
    await db.q
      .selectFrom('documents')
      .select(['id', 'name', 'path', 'title', 'province', 'agency', 'doc_number', 'issue_date', 'report_period', 'report_type', 'status', 'page_count'])
      .where('id', '=', docId)
      .executeTakeFirst(),
    'document',
  );
  if (!d) return undefined;
  const sections = parseRows(
    SectionOutline,
    await db.q
      .selectFrom('sections as s')
      .leftJoin('section_confidence as c', (j) => j.onRef('c.doc_id', '=', 's.doc_id').onRef('c.idx', '=', 's.idx'))
      .select(['s.path', 's.title', 's.page', 's.level', 'c.confidence'])
      .where('s.doc_id', '=', docId)
      .orderBy('s.idx')
      .execute(),
    'section',
  );
  const messages: Message[] = parseRows(
    MessageRow,
    await db.q.selectFrom('messages').select(['severity', 'rule', 'reason', 'page', 'start', 'end']).where('doc_id', '=', docId).orderBy('idx').execute(),
    'message',
  ).map((m) => {
    const place = { ...(m.page != null && { page: m.page }), ...(m.start != null && { start: m.start }), ...(m.end != null && { end: m.end }) };
    return { severity: m.severity, rule: m.rule, reason: m.reason, ...(Object.keys(place).length ? { place } : {}) };
  });
  const facts = parseRow(
    CountRow,
    await db.q
      .selectFrom('facts')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('doc_id', '=', docId)
      .executeTakeFirst(),
    'fact count',
  ).n;
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
