import { openDb } from '../../src/store/open-db.js';
import { DocumentStore } from '../../src/store/document-store.js';
import { factWhere } from '../../src/store/fact-filter.js';
import { queryFacts } from '../../src/store/fact-query.js';
import { reviewQueue } from '../../src/store/review-query.js';
import { newDocument } from '../../src/core/new-document.js';
import { SourceFile } from '../../src/core/source-file.js';
import type { Fact } from '../../schemas/fact.js';

function fact(over: Partial<Fact>, start: number): Fact {
  return {
    value: 1, unit: 'trạm', base_value: 1, base_unit: 'trạm', of: null, value_max: null, kind: 'count', aspect: 'level', direction: null,
    approx: 'none', metric: 'trạm BTS', metric_id: 'bts-stations', period: '2021', quote: 'x', section: '',
    prov: { source: 'a.txt', page: 1, start, end: start + 1 }, confidence: 0.5, evidence: [], ...over,
  };
}

function storedDb() {
  const db = openDb(':memory:');
  const doc = newDocument(new SourceFile('/data/a.txt', Buffer.from('abcdef')));
  doc.text = 'abcdef';
  doc.pages = [{ page: 1, origin: 'text', chars: 6 }];
  doc.facts = [
    fact({ confidence: 0.2, metric: 'Doanh thu viễn thông', metric_id: 'telecom-revenue' }, 0),
    fact({ confidence: 0.5 }, 1),
    fact({ confidence: 0.9, metric: 'thuê bao', metric_id: null }, 2),
  ];
  new DocumentStore(db).save(doc, 'v1');
  return db;
}

describe('factWhere', () => {
  it('builds no clause for an empty filter, and one AND-ed clause with named parameters otherwise', () => {
    expect(factWhere({})).toEqual({ sql: '', params: {} });
    const w = factWhere({ docId: 'a.txt', below: 0.5, status: ['auto', 'accepted'] });
    expect(w.sql).toBe(' WHERE (f.doc_id = @doc OR d.name = @doc OR d.path = @doc) AND f.confidence < @below AND f.status IN (@st0,@st1)');
    expect(w.params).toEqual({ doc: 'a.txt', below: 0.5, st0: 'auto', st1: 'accepted' });
  });

  it('serves both the facts command (words in the phrase or id, LIKE) and the review queue (exact id or words in the phrase)', () => {
    const db = storedDb();
    expect(queryFacts(db, { metric: 'revenue' }).map((r) => r.confidence)).toEqual([0.2]);
    expect(queryFacts(db, { minConfidence: 0.5, below: 0.9 }).map((r) => r.confidence)).toEqual([0.5]);
    const queue = (metric: string) => reviewQueue(db, { metric, limit: 10, offset: 0 }).facts.map((f) => f.confidence);
    expect(queue('telecom-revenue')).toEqual([0.2]);
    expect(queue('revenue')).toEqual([]);
    expect(queue('DOANH thu')).toEqual([0.2]);
    expect(reviewQueue(db, { maxConfidence: 0.5, limit: 10, offset: 0 }).total).toBe(2);
    expect(reviewQueue(db, { status: ['accepted'], limit: 10, offset: 0 })).toMatchObject({ total: 0, counts: { auto: 3, accepted: 0 } });
  });
});
