import Database from 'better-sqlite3';
import { newDocument } from '../../src/core/new-document.js';
import { SourceFile } from '../../src/core/source-file.js';
import { DocumentStore } from '../../src/store/document-store.js';
import { openDb } from '../../src/store/open-db.js';
import { queryFacts, toExportRow } from '../../src/store/fact-query.js';
import { getDocumentSummary, findDocumentId } from '../../src/store/document-query.js';
import { migrate } from '../../src/store/migrator.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import type { Document } from '../../schemas/document.js';

function smallDoc(text = 'I. Viễn thông\n\nCó 1.904 trạm BTS.'): Document {
  const doc = newDocument(new SourceFile('/data/bao-cao.txt', Buffer.from(text)));
  doc.text = text;
  doc.pages = [{ page: 1, origin: 'text', chars: text.length }];
  doc.metadata = { title: 'Báo cáo tháng 8', province: 'Nam Định', provinceId: 'nam-dinh', reportPeriod: '2021-08', reportType: 'báo cáo' };
  const h = text.indexOf('I. Viễn thông');
  const body = text.indexOf('Có');
  doc.blocks = [
    { id: 0, role: 'heading', text: 'I. Viễn thông', prov: { source: doc.source.path, page: 1, start: h, end: h + 13 }, section: 'I', label: 'I.' },
    { id: 1, role: 'body', text: text.slice(body), prov: { source: doc.source.path, page: 1, start: body, end: text.length }, section: 'I' },
  ];
  doc.sections = [{ path: 'I', label: 'I', level: 0, kind: 'roman', title: 'Viễn thông', page: 1, prov: { source: doc.source.path, page: 1, start: h, end: h + 13 }, end: text.length }];
  const q = text.indexOf('1.904 trạm');
  doc.facts = [
    {
      quote: '1.904 trạm', prov: { source: doc.source.path, page: 1, start: q, end: q + 10 }, section: 'I', value: 1904, unit: 'trạm', base_value: 1904,
      base_unit: 'trạm', of: null, value_max: null, kind: 'count', aspect: 'level', direction: null, approx: 'none', metric: 'trạm BTS',
      metric_id: 'bts-stations', period: '@2021-08', confidence: 0.93, evidence: ['unit:known'],
    },
  ];
  doc.messages = [{ severity: 'info', rule: 'read:ocr', reason: 'nothing to OCR' }];
  return doc;
}

describe('DocumentStore', () => {
  it('stores a document with its sections, facts and messages, and reads them back in export shape', () => {
    const db = openDb(':memory:');
    const doc = smallDoc();
    new DocumentStore(db).save(doc, 'v1');
    const rows = queryFacts(db).map(toExportRow);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ doc_id: doc.id, file: 'bao-cao.txt', province: 'Nam Định', section: 'I', section_title: 'Viễn thông', value: 1904, status: 'auto' });
    const summary = getDocumentSummary(db, findDocumentId(db, 'bao-cao.txt') as string);
    expect(summary?.sections).toEqual([{ path: 'I', title: 'Viễn thông', page: 1, level: 0 }]);
    expect(summary?.messages).toEqual([{ severity: 'info', rule: 'read:ocr', reason: 'nothing to OCR' }]);
    expect(db.prepare('SELECT province_id FROM documents').get()).toEqual({ province_id: 'nam-dinh' });
  });

  it('keeps the earlier version whole when writing a new one fails half way', () => {
    const db = openDb(':memory:');
    const store = new DocumentStore(db);
    const doc = smallDoc();
    store.save(doc, 'v1');
    const broken = smallDoc();
    broken.blocks = [broken.blocks[0], { ...broken.blocks[1], id: 0 }]; // duplicate key: the insert fails after the delete
    expect(() => store.save(broken, 'v2')).toThrow(/UNIQUE|PRIMARY/);
    expect((db.prepare('SELECT extractor_version v FROM documents').get() as { v: string }).v).toBe('v1');
    expect(db.prepare('SELECT COUNT(*) n FROM blocks').get()).toEqual({ n: 2 });
    expect(db.prepare('SELECT COUNT(*) n FROM facts').get()).toEqual({ n: 1 });
  });

  it('re-applies a correction to the re-extracted fact, matched by quote and position, and reports orphans', () => {
    const db = openDb(':memory:');
    const store = new DocumentStore(db);
    const doc = smallDoc();
    store.save(doc, 'v1');
    const f = doc.facts[0];
    const state = { ...f, status: 'corrected' };
    const after = JSON.stringify({ value: 1905, unit: f.unit, base_value: 1905, base_unit: f.base_unit, of: null, value_max: null, kind: f.kind, aspect: f.aspect, direction: null, approx: f.approx, metric: f.metric, metric_id: f.metric_id, period: f.period, status: state.status });
    db.prepare('INSERT INTO corrections (doc_id, fact_start, fact_end, quote, action, before_json, after_json, reviewer, at) VALUES (?,?,?,?,?,?,?,?,?)').run(
      doc.id, f.prov.start, f.prov.end, f.quote, 'correct', after, after, 'lan', new Date().toISOString(),
    );
    db.prepare("INSERT INTO corrections (doc_id, fact_start, fact_end, quote, action, before_json, after_json, reviewer, at) VALUES (?,?,?,?,?,?,?,?,?)").run(
      doc.id, 3, 8, 'không còn', 'reject', after, after, 'lan', new Date().toISOString(),
    );
    const result = store.save(smallDoc(), 'v2');
    expect(result.orphanCorrections).toBe(1);
    expect(queryFacts(db)[0]).toMatchObject({ value: 1905, status: 'corrected' });
    expect(getDocumentSummary(db, doc.id)?.messages.map((m) => m.rule)).toContain('store:orphan-correction');
  });
});

describe('migrate', () => {
  it('upgrades an old database in place, keeping its data, and refuses a newer one', () => {
    const db = new Database(':memory:');
    expect(migrate(db, MIGRATIONS.slice(0, 1))).toEqual({ from: 0, to: 1 });
    new DocumentStore(db).save(smallDoc(), 'v1');
    const newest = MIGRATIONS.length;
    expect(migrate(db)).toEqual({ from: 1, to: newest });
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'sections_doc_path'").get()).toEqual({ name: 'sections_doc_path' });
    expect(queryFacts(db)).toHaveLength(1);
    const next = [...MIGRATIONS, { version: newest + 1, name: 'fact-notes', sql: 'ALTER TABLE facts ADD COLUMN note TEXT' }];
    expect(migrate(db, next)).toEqual({ from: newest, to: newest + 1 });
    expect(db.prepare('SELECT COUNT(*) n FROM facts WHERE note IS NULL').get()).toEqual({ n: 1 });
    expect(() => migrate(db, MIGRATIONS)).toThrow(/newer than this solieu/);
  });
});
