import type Database from 'better-sqlite3';
import type { Document } from '../../schemas/document.js';
import { StoredVersionRow } from '../../schemas/stored-document.js';
import { reapplyCorrections } from './correction-replay.js';
import { parseOptionalRow } from './row-parser.js';

export interface SaveResult {
  docId: string;
  facts: number;
  /** Corrections whose fact no longer exists after re-extraction (reported, never dropped). */
  orphanCorrections: number;
}

/** Documents by content hash: lookup, and whole-document writes in one transaction. */
export class DocumentStore {
  constructor(private readonly db: Database.Database) {}

  /** The stored document with this content hash, if any (idempotent ingestion). */
  findBySha(sha256: string): StoredVersionRow | undefined {
    return parseOptionalRow(StoredVersionRow, this.db.prepare('SELECT id, status, extractor_version FROM documents WHERE sha256 = ?').get(sha256), 'document');
  }

  /**
   * Store a processed document, replacing any earlier version of it, in ONE transaction:
   * either the whole document is there afterwards or nothing changed. Reviewers'
   * corrections are kept and re-applied to the new facts.
   */
  save(doc: Document, extractorVersion: string): SaveResult {
    const db = this.db;
    const run = db.transaction((): SaveResult => {
      db.prepare('DELETE FROM documents WHERE id = ? OR sha256 = ?').run(doc.id, doc.source.sha256);
      const m = doc.metadata;
      db.prepare(
        `INSERT INTO documents (id, sha256, path, name, size, format, status, title, province, province_id, agency, doc_number,
           issue_date, report_type, report_period, page_count, pages_json, text, extractor_version, ingested_at)
         VALUES (@id, @sha256, @path, @name, @size, @format, @status, @title, @province, @province_id, @agency, @doc_number,
           @issue_date, @report_type, @report_period, @page_count, @pages_json, @text, @extractor_version, @ingested_at)`,
      ).run({
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
      });
      const blockStmt = db.prepare(
        'INSERT INTO blocks (doc_id, idx, role, section, label, page, page_end, start, end, ocr_confidence) VALUES (?,?,?,?,?,?,?,?,?,?)',
      );
      for (const b of doc.blocks) {
        blockStmt.run(doc.id, b.id, b.role, b.section, b.label ?? null, b.prov.page, b.pageEnd ?? null, b.prov.start, b.prov.end, b.ocrConfidence ?? null);
      }
      const secStmt = db.prepare(
        'INSERT INTO sections (doc_id, idx, path, label, level, kind, title, page, start, end, section_end, period) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)',
      );
      doc.sections.forEach((s, i) => {
        secStmt.run(doc.id, i, s.path, s.label, s.level, s.kind, s.title, s.page, s.prov.start, s.prov.end, s.end, s.period ?? null);
      });
      const factStmt = db.prepare(
        `INSERT INTO facts (doc_id, idx, quote, also, start, end, page, bbox, section, value, unit, base_value, base_unit, of, value_max,
           kind, aspect, direction, approx, metric, metric_id, period, confidence, evidence)
         VALUES (@doc_id, @idx, @quote, @also, @start, @end, @page, @bbox, @section, @value, @unit, @base_value, @base_unit, @of, @value_max,
           @kind, @aspect, @direction, @approx, @metric, @metric_id, @period, @confidence, @evidence)`,
      );
      doc.facts.forEach((f, i) => {
        factStmt.run({
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
        });
      });
      // table cells' labels and the table model (only documents with tables touch these tables)
      const cellFacts = doc.facts.map((f, i) => ({ f, i })).filter(({ f }) => f.row !== undefined || f.column !== undefined);
      if (cellFacts.length > 0) {
        const cellStmt = db.prepare('INSERT INTO fact_cells (doc_id, idx, table_row, table_column) VALUES (?,?,?,?)');
        for (const { f, i } of cellFacts) cellStmt.run(doc.id, i, f.row ?? '', f.column ?? '');
      }
      if (doc.tables && doc.tables.length > 0) {
        const tableStmt = db.prepare('INSERT INTO document_tables (doc_id, idx, page, start, end, table_json) VALUES (?,?,?,?,?,?)');
        doc.tables.forEach((t, i) => {
          tableStmt.run(doc.id, i, t.page, t.start ?? null, t.end ?? null, JSON.stringify(t));
        });
      }
      const replay = reapplyCorrections(db, doc.id);
      const messages = [...doc.messages];
      if (replay.orphans > 0) {
        messages.push({
          severity: 'warn',
          rule: 'store:orphan-correction',
          reason: `${replay.orphans} reviewer correction(s) no longer match any extracted fact; they are kept in the audit log`,
        });
      }
      const msgStmt = db.prepare('INSERT INTO messages (doc_id, idx, severity, rule, reason, page, start, end) VALUES (?,?,?,?,?,?,?,?)');
      messages.forEach((msg, i) => {
        msgStmt.run(doc.id, i, msg.severity, msg.rule, msg.reason, msg.place?.page ?? null, msg.place?.start ?? null, msg.place?.end ?? null);
      });
      return { docId: doc.id, facts: doc.facts.length, orphanCorrections: replay.orphans };
    });
    return run.immediate();
  }
}
