import { sql } from 'kysely';
import { DocumentStore } from '../../src/store/document-store.js';
import { connectDb, openDb } from '../../src/store/open-db.js';
import type { Db } from '../../src/store/db.js';
import { onEachBackend } from './backends.js';
import { buildFact, placed, textDocument } from '../fixtures/fact-builder.js';
import { ensureBuilt, solieu } from '../cli/cli-harness.js';
import { queryFacts, toExportRow } from '../../src/store/fact-query.js';
import { getDocumentSummary, findDocumentId } from '../../src/store/document-query.js';
import { migrate } from '../../src/store/migrator.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import type { Document } from '../../schemas/document.js';

function smallDoc(text = 'I. Viễn thông\n\nCó 1.904 trạm BTS.'): Document {
  const doc = textDocument(text, '/data/bao-cao.txt');
  doc.metadata = { title: 'Báo cáo tháng 8', province: 'Nam Định', provinceId: 'nam-dinh', reportPeriod: '2021-08', reportType: 'báo cáo' };
  const h = text.indexOf('I. Viễn thông');
  const body = text.indexOf('Có');
  doc.blocks = [
    { id: 0, role: 'heading', text: 'I. Viễn thông', prov: { source: doc.source.path, page: 1, start: h, end: h + 13 }, section: 'I', label: 'I.' },
    { id: 1, role: 'body', text: text.slice(body), prov: { source: doc.source.path, page: 1, start: body, end: text.length }, section: 'I' },
  ];
  doc.sections = [
    {
      path: 'I',
      label: 'I',
      level: 0,
      kind: 'roman',
      title: 'Viễn thông',
      page: 1,
      prov: { source: doc.source.path, page: 1, start: h, end: h + 13 },
      end: text.length,
    },
  ];
  doc.facts = [
    placed(
      doc,
      buildFact({
        quote: '1.904 trạm',
        value: 1904,
        base_value: 1904,
        metric_id: 'bts-stations',
        period: '@2021-08',
        confidence: 0.93,
        evidence: ['unit:known'],
      }),
    ),
  ];
  doc.messages = [{ severity: 'info', rule: 'read:ocr', reason: 'nothing to OCR' }];
  return doc;
}

/** One row of a raw query (the test looks into the tables directly). */
async function one(db: Db, query: ReturnType<typeof sql>): Promise<unknown> {
  return (await query.execute(db.q)).rows[0];
}

onEachBackend((backend) => {
  describe('DocumentStore', () => {
    it('stores a document with its sections, facts and messages, and reads them back in export shape', async () => {
      const db = await openDb(await backend.fresh());
      const doc = smallDoc();
      await new DocumentStore(db).save(doc, 'v1');
      const rows = (await queryFacts(db)).map(toExportRow);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        doc_id: doc.id,
        file: 'bao-cao.txt',
        province: 'Nam Định',
        section: 'I',
        section_title: 'Viễn thông',
        value: 1904,
        status: 'auto',
      });
      const summary = await getDocumentSummary(db, (await findDocumentId(db, 'bao-cao.txt')) as string);
      expect(summary?.sections).toEqual([{ path: 'I', title: 'Viễn thông', page: 1, level: 0, confidence: null }]);
      expect(summary?.messages).toEqual([{ severity: 'info', rule: 'read:ocr', reason: 'nothing to OCR' }]);
      expect(await one(db, sql`SELECT province_id FROM documents`)).toEqual({ province_id: 'nam-dinh' });
      await db.close();
    });

    it('keeps every digit of a value (PostgreSQL stores doubles, not 4-byte reals)', async () => {
      const db = await openDb(await backend.fresh());
      const doc = smallDoc();
      doc.facts[0] = { ...doc.facts[0], value: 1904.123456789, base_value: 123456789012.5, confidence: 0.123456789 };
      await new DocumentStore(db).save(doc, 'v1');
      expect((await queryFacts(db))[0]).toMatchObject({ value: 1904.123456789, base_value: 123456789012.5, confidence: 0.123456789 });
      await db.close();
    });

    it('keeps the earlier version whole when writing a new one fails half way', async () => {
      const db = await openDb(await backend.fresh());
      const store = new DocumentStore(db);
      const doc = smallDoc();
      await store.save(doc, 'v1');
      const broken = smallDoc();
      broken.blocks = [broken.blocks[0], { ...broken.blocks[1], id: 0 }]; // duplicate key: the insert fails after the delete
      // toMatchObject, not toThrow: better-sqlite3's error class belongs to the realm of the first test file that loaded it
      await expect(store.save(broken, 'v2')).rejects.toMatchObject({ message: expect.stringMatching(/UNIQUE|duplicate key/) });
      expect(await one(db, sql`SELECT extractor_version AS v FROM documents`)).toEqual({ v: 'v1' });
      expect(await one(db, sql`SELECT COUNT(*) AS n FROM blocks`)).toEqual({ n: 2 });
      expect(await one(db, sql`SELECT COUNT(*) AS n FROM facts`)).toEqual({ n: 1 });
      await db.close();
    });

    it('re-applies a correction to the re-extracted fact, matched by quote and position, and reports orphans', async () => {
      const db = await openDb(await backend.fresh());
      const store = new DocumentStore(db);
      const doc = smallDoc();
      await store.save(doc, 'v1');
      const f = doc.facts[0];
      const after = JSON.stringify({
        value: 1905,
        unit: f.unit,
        base_value: 1905,
        base_unit: f.base_unit,
        of: null,
        value_max: null,
        kind: f.kind,
        aspect: f.aspect,
        direction: null,
        approx: f.approx,
        metric: f.metric,
        metric_id: f.metric_id,
        period: f.period,
        status: 'corrected',
      });
      const at = new Date().toISOString();
      await db.q
        .insertInto('corrections')
        .values([
          {
            doc_id: doc.id,
            fact_start: f.prov.start,
            fact_end: f.prov.end,
            quote: f.quote,
            action: 'correct',
            before_json: after,
            after_json: after,
            reviewer: 'lan',
            at,
          },
          { doc_id: doc.id, fact_start: 3, fact_end: 8, quote: 'không còn', action: 'reject', before_json: after, after_json: after, reviewer: 'lan', at },
        ])
        .execute();
      const result = await store.save(smallDoc(), 'v2');
      expect(result.orphanCorrections).toBe(1);
      expect((await queryFacts(db))[0]).toMatchObject({ value: 1905, status: 'corrected' });
      expect((await getDocumentSummary(db, doc.id))?.messages.map((m) => m.rule)).toContain('store:orphan-correction');
      await db.close();
    });
  });

  describe('section confidence (issue 17)', () => {
    it('is stored with each section, and show marks the doubtful ones', async () => {
      ensureBuilt();
      const location = await backend.fresh();
      const db = await openDb(location);
      const doc = smallDoc('I. Viễn thông\n\nCó 1.904 trạm BTS.\n\nII. Bưu chính\n\nCó 12 điểm.');
      const second = doc.text.indexOf('II. Bưu chính');
      doc.sections = [
        { ...doc.sections[0], confidence: 0.93, end: second },
        {
          path: 'II',
          label: 'II',
          level: 0,
          kind: 'roman',
          title: 'Bưu chính',
          page: 1,
          prov: { source: doc.source.path, page: 1, start: second, end: second + 13 },
          end: doc.text.length,
          confidence: 0.41,
        },
      ];
      await new DocumentStore(db).save(doc, 'v1');
      expect((await getDocumentSummary(db, doc.id))?.sections.map((s) => s.confidence)).toEqual([0.93, 0.41]);
      await db.close();
      const shown = solieu(['show', 'bao-cao.txt', '--db', location]);
      expect(shown.code).toBe(0);
      expect(shown.stdout).toMatch(/sections \(2; 1 doubtful, marked \?: the segmenter's confidence below 0\.6\)/);
      expect(shown.stdout).toMatch(/^ {2}II +Bưu chính {2}\[p\.1\] \? \(0\.41\)$/m);
      expect(shown.stdout).toMatch(/^ {2}I +Viễn thông {2}\[p\.1\]$/m);
    });
  });

  describe('migrate', () => {
    it('upgrades an old database in place, keeping its data, and refuses a newer one', async () => {
      const db = connectDb(await backend.fresh());
      expect(await migrate(db, MIGRATIONS.slice(0, 1))).toEqual({ from: 0, to: 1 });
      await db.q
        .insertInto('documents')
        .values({
          id: 'd1',
          sha256: 'x',
          path: '/a.txt',
          name: 'a.txt',
          size: 1,
          format: null,
          status: 'ok',
          title: null,
          province: null,
          province_id: null,
          agency: null,
          doc_number: null,
          issue_date: null,
          report_type: null,
          report_period: null,
          extractor_version: 'v0',
          ingested_at: 'now',
        })
        .execute();
      const newest = MIGRATIONS.length;
      expect(await migrate(db)).toEqual({ from: 1, to: newest });
      await new DocumentStore(db).save(smallDoc(), 'v1');
      expect(await queryFacts(db)).toHaveLength(1);
      expect(await one(db, sql`SELECT COUNT(*) AS n FROM documents`)).toEqual({ n: 2 });
      const next = [...MIGRATIONS, { version: newest + 1, name: 'fact-notes', sql: 'ALTER TABLE facts ADD COLUMN note TEXT' }];
      expect(await migrate(db, next)).toEqual({ from: newest, to: newest + 1 });
      expect(await one(db, sql`SELECT COUNT(*) AS n FROM facts WHERE note IS NULL`)).toEqual({ n: 1 });
      await expect(migrate(db, MIGRATIONS)).rejects.toThrow(/newer than this solieu/);
      await db.close();
      await expect(openDb(db.name)).rejects.toThrow(`schema version ${newest + 1} is newer than this solieu (${newest}); upgrade solieu`);
    });

    it('creates the same tables and columns on both backends', async () => {
      const db = await openDb(await backend.fresh());
      const tables = await db.q.introspection.getTables();
      const shape = Object.fromEntries(tables.map((t) => [t.name, t.columns.map((c) => c.name).sort()]));
      expect(Object.keys(shape).sort()).toEqual([
        'blocks',
        'claims',
        'corrections',
        'document_tables',
        'documents',
        'fact_cells',
        'facts',
        'messages',
        'page_reads',
        'page_scans',
        'queue_workers',
        'runs',
        'schema_migrations',
        'section_confidence',
        'sections',
        'source_files',
      ]);
      expect(shape.facts).toContain('end');
      expect(shape.facts).toHaveLength(27);
      await db.close();
    });
  });
});
