import { sql } from 'kysely';
import { openDb } from '../../src/store/open-db.js';
import { DocumentStore } from '../../src/store/document-store.js';
import { factWhere } from '../../src/store/fact-filter.js';
import { queryFacts } from '../../src/store/fact-query.js';
import { reviewQueue } from '../../src/store/review-query.js';
import type { Fact } from '../../schemas/fact.js';
import { onEachBackend, type TestBackend } from './backends.js';
import { buildFact, textDocument } from '../fixtures/fact-builder.js';

function fact(over: Partial<Fact>, start: number): Fact {
  return buildFact({ metric_id: 'bts-stations', prov: { source: 'a.txt', page: 1, start, end: start + 1 }, ...over });
}

async function storedDb(backend: TestBackend) {
  const db = await openDb(await backend.fresh());
  const doc = textDocument('abcdef', '/data/a.txt');
  doc.facts = [
    fact({ confidence: 0.2, metric: 'Doanh thu viễn thông', metric_id: 'telecom-revenue' }, 0),
    fact({ confidence: 0.5 }, 1),
    fact({ confidence: 0.9, metric: 'thuê bao 100%_x', metric_id: null }, 2),
  ];
  await new DocumentStore(db).save(doc, 'v1');
  return db;
}

describe('factWhere', () => {
  it('builds no clause for an empty filter, and one AND-ed clause with bound values otherwise', async () => {
    const db = await openDb(':memory:');
    expect(factWhere({}).compile(db.q).sql).toBe('');
    const w = factWhere({ docId: 'a.txt', below: 0.5, status: ['auto', 'accepted'] }).compile(db.q);
    expect(w.sql).toBe(' WHERE (f.doc_id = ? OR d.name = ? OR d.path = ?) AND f.confidence < ? AND f.status IN (?, ?)');
    expect(w.parameters).toEqual(['a.txt', 'a.txt', 'a.txt', 0.5, 'auto', 'accepted']);
    await db.close();
  });
});

onEachBackend((backend) => {
  describe('the fact filters', () => {
    it('serve both the facts command (words in the phrase or id) and the review queue (exact id or words in the phrase)', async () => {
      const db = await storedDb(backend);
      expect((await queryFacts(db, { metric: 'revenue' })).map((r) => r.confidence)).toEqual([0.2]);
      expect((await queryFacts(db, { metric: 'DOANH' })).map((r) => r.confidence)).toEqual([0.2]);
      // the facts command's words are words too
      expect((await queryFacts(db, { metric: '100%_x' })).map((r) => r.confidence)).toEqual([0.9]);
      expect((await queryFacts(db, { metric: '1%0' })).map((r) => r.confidence)).toEqual([]);
      expect((await queryFacts(db, { minConfidence: 0.5, below: 0.9 })).map((r) => r.confidence)).toEqual([0.5]);
      const queue = async (metric: string) => (await reviewQueue(db, { metric, limit: 10, offset: 0 })).facts.map((f) => f.confidence);
      expect(await queue('telecom-revenue')).toEqual([0.2]);
      expect(await queue('revenue')).toEqual([]);
      expect(await queue('DOANH thu')).toEqual([0.2]);
      // the review queue's words are words: % and _ match themselves, not anything
      expect(await queue('100%_x')).toEqual([0.9]);
      expect(await queue('1%0')).toEqual([]);
      expect((await reviewQueue(db, { maxConfidence: 0.5, limit: 10, offset: 0 })).total).toBe(2);
      expect(await reviewQueue(db, { status: ['accepted'], limit: 10, offset: 0 })).toMatchObject({ total: 0, counts: { auto: 3, accepted: 0 } });
      expect((await sql<{ n: number }>`SELECT COUNT(*) AS n FROM facts`.execute(db.q)).rows).toEqual([{ n: 3 }]);
      await db.close();
    });
  });
});
