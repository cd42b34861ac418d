import type { Document } from '../../schemas/document.js';
import { StoredVersionRow } from '../../schemas/stored-document.js';
import { reapplyCorrections } from './correction-replay.js';
import { writeTransaction, type Db } from './db.js';
import { parseOptionalRow } from './row-parser.js';

export interface SaveResult {
  docId: string;
  facts: number;
  /** Corrections whose fact no longer exists after re-extraction (reported, never dropped). */
  orphanCorrections: number;
}

/** Rows per INSERT: well under SQLite's 32766 and PostgreSQL's 65535 bound values with the widest table (facts, 24 columns). */
const ROWS_PER_INSERT = 500;

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) out.push(rows.slice(i, i + ROWS_PER_INSERT));
  return out;
}

/** Documents by content hash: lookup, and whole-document writes in one transaction. */
export class DocumentStore {
  constructor(private readonly db: Db) {}

  /** The stored document with this content hash, if any (idempotent ingestion). */
  async findBySha(sha256: string): Promise<StoredVersionRow | undefined> {
    const row = await this.db.q.selectFrom('documents').select(['id', 'status', 'extractor_version']).where('sha256', '=', sha256).executeTakeFirst();
    return parseOptionalRow(StoredVersionRow, row, 'document');
  }

  /**
   * Store a processed document, replacing any earlier version of it, in ONE transaction:
   * either the whole document is there afterwards or nothing changed. Reviewers'
   * corrections are kept and re-applied to the new facts.
   */
  async save(doc: Document, extractorVersion: string): Promise<SaveResult> {
    return writeTransaction(this.db, (tx) => saveIn(tx, doc, extractorVersion));
  }
}

async function saveIn(tx: Db, doc: Document, extractorVersion: string): Promise<SaveResult> {
  const q = tx.q;
  await q
    .deleteFrom('documents')
    .where((e) => e.or([e('id', '=', doc.id), e('sha256', '=', doc.source.sha256)]))
    .execute();
  const m = doc.metadata;
  await q
    .insertInto('documents')
    .values({
      id: doc.id,
      sha256: doc.source.sha256,
      path: doc.source.path,
      name: doc.source.name,
      size: doc.source.size,
      format: doc.source.format ?? null,
      status: doc.status,
      title: m.title ?? null,
      province: m.province ?? null,
      province_id: m.provinceId ?? null,
      agency: m.agency ?? null,
      doc_number: m.docNumber ?? null,
      issue_date: m.issueDate ?? null,
      report_type: m.reportType ?? null,
      report_period: m.reportPeriod ?? null,
      page_count: doc.pages.length,
      pages_json: JSON.stringify(doc.pages),
      text: doc.text,
      extractor_version: extractorVersion,
      ingested_at: new Date().toISOString(),
    })
    .execute();
  const blocks = doc.blocks.map((b) => ({
    doc_id: doc.id,
    idx: b.id,
    role: b.role,
    section: b.section,
    label: b.label ?? null,
    page: b.prov.page,
    page_end: b.pageEnd ?? null,
    start: b.prov.start,
    end: b.prov.end,
    ocr_confidence: b.ocrConfidence ?? null,
  }));
  for (const rows of chunks(blocks)) await q.insertInto('blocks').values(rows).execute();
  const sections = doc.sections.map((s, i) => ({
    doc_id: doc.id,
    idx: i,
    path: s.path,
    label: s.label,
    level: s.level,
    kind: s.kind,
    title: s.title,
    page: s.page,
    start: s.prov.start,
    end: s.prov.end,
    section_end: s.end,
    period: s.period ?? null,
  }));
  for (const rows of chunks(sections)) await q.insertInto('sections').values(rows).execute();
  const confidences = doc.sections.flatMap((s, i) => (s.confidence !== undefined ? [{ doc_id: doc.id, idx: i, confidence: s.confidence }] : []));
  for (const rows of chunks(confidences)) await q.insertInto('section_confidence').values(rows).execute();
  const facts = doc.facts.map((f, i) => ({
    doc_id: doc.id,
    idx: i,
    quote: f.quote,
    also: f.also ?? null,
    start: f.prov.start,
    end: f.prov.end,
    page: f.prov.page,
    bbox: f.prov.bbox ? JSON.stringify(f.prov.bbox) : null,
    section: f.section,
    value: f.value,
    unit: f.unit,
    base_value: f.base_value,
    base_unit: f.base_unit,
    of: f.of,
    value_max: f.value_max,
    kind: f.kind,
    aspect: f.aspect,
    direction: f.direction,
    approx: f.approx,
    metric: f.metric,
    metric_id: f.metric_id,
    period: f.period,
    confidence: f.confidence,
    evidence: JSON.stringify(f.evidence),
  }));
  for (const rows of chunks(facts)) await q.insertInto('facts').values(rows).execute();
  // table cells' labels and the table model (only documents with tables touch these tables)
  const cells = doc.facts.flatMap((f, i) =>
    f.row !== undefined || f.column !== undefined ? [{ doc_id: doc.id, idx: i, table_row: f.row ?? '', table_column: f.column ?? '' }] : [],
  );
  for (const rows of chunks(cells)) await q.insertInto('fact_cells').values(rows).execute();
  const tables = (doc.tables ?? []).map((t, i) => ({
    doc_id: doc.id,
    idx: i,
    page: t.page,
    start: t.start ?? null,
    end: t.end ?? null,
    table_json: JSON.stringify(t),
  }));
  for (const rows of chunks(tables)) await q.insertInto('document_tables').values(rows).execute();
  const replay = await reapplyCorrections(tx, doc.id);
  const messages = [...doc.messages];
  if (replay.orphans > 0) {
    messages.push({
      severity: 'warn',
      rule: 'store:orphan-correction',
      reason: `${replay.orphans} reviewer correction(s) no longer match any extracted fact; they are kept in the audit log`,
    });
  }
  const messageRows = messages.map((msg, i) => ({
    doc_id: doc.id,
    idx: i,
    severity: msg.severity,
    rule: msg.rule,
    reason: msg.reason,
    page: msg.place?.page ?? null,
    start: msg.place?.start ?? null,
    end: msg.place?.end ?? null,
  }));
  for (const rows of chunks(messageRows)) await q.insertInto('messages').values(rows).execute();
  return { docId: doc.id, facts: doc.facts.length, orphanCorrections: replay.orphans };
}
