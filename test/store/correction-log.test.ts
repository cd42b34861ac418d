import { describe, expect, test } from '@jest/globals';
import { factHistory, orphanCorrections, readFactState, recordDecision } from '../../src/store/correction-log.js';
import { DocumentStore } from '../../src/store/document-store.js';
import { queryFacts } from '../../src/store/fact-query.js';
import { factId, reviewDb, reviewDocument } from '../review/review-fixture.js';

function saved<T extends object>(r: T): Extract<T, { fact: unknown }> {
  if (!('fact' in r)) throw new Error(`expected a saved decision, got ${JSON.stringify(r)}`);
  return r as Extract<T, { fact: unknown }>;
}

describe('recordDecision', () => {
  test('a correction changes the fields, sets the status, bumps the version and appends before/after', () => {
    const { db } = reviewDb();
    const id = factId(db, '42 trạm');
    const r = saved(recordDecision(db, { factId: id, expectedVersion: 1, action: 'correct', fields: { value: 43, base_value: 43 }, reviewer: 'Lan' }));
    expect(r.fact).toMatchObject({ value: 43, base_value: 43, status: 'corrected', version: 2 });
    expect(r.correction).toMatchObject({ action: 'correct', reviewer: 'Lan', quote: '42 trạm' });
    expect(r.correction.before).toMatchObject({ value: 42, status: 'auto' });
    expect(r.correction.after).toMatchObject({ value: 43, status: 'corrected' });
    expect(new Date(r.correction.at).toISOString()).toBe(r.correction.at);
    const row = queryFacts(db).find((f) => f.id === id);
    expect(row).toMatchObject({ value: 43, status: 'corrected', version: 2 });
  });

  test('a stale expected version is refused with the newer state and changes nothing', () => {
    const { db } = reviewDb();
    const id = factId(db, '42 trạm');
    saved(recordDecision(db, { factId: id, expectedVersion: 1, action: 'accept', reviewer: 'Lan' }));
    const second = recordDecision(db, { factId: id, expectedVersion: 1, action: 'correct', fields: { value: 7 }, reviewer: 'Minh' });
    expect(second).toMatchObject({ conflict: true, current: { version: 2, status: 'accepted', value: 42 } });
    expect(factHistory(db, id)).toHaveLength(1);
    expect(readFactState(db, id)).toMatchObject({ version: 2, value: 42 });
  });

  test('invalid fields are refused with a message per field and nothing is written', () => {
    const { db } = reviewDb();
    const id = factId(db, '42 trạm');
    const r = recordDecision(db, { factId: id, expectedVersion: 1, action: 'correct', fields: { period: 'tháng 8', kind: 'nonsense' as 'count' }, reviewer: 'Lan' });
    expect(r).toMatchObject({ invalid: true });
    const issues = 'issues' in r ? r.issues.join('\n') : '';
    expect(issues).toMatch(/period: not a period/);
    expect(issues).toMatch(/kind:/);
    const unknownKey = recordDecision(db, { factId: id, expectedVersion: 1, action: 'correct', fields: { status: 'accepted' } as object, reviewer: 'Lan' });
    expect(unknownKey).toMatchObject({ invalid: true });
    expect(recordDecision(db, { factId: id, expectedVersion: 1, action: 'accept', fields: { value: 1 }, reviewer: 'Lan' })).toMatchObject({ invalid: true });
    expect(recordDecision(db, { factId: id, expectedVersion: 1, action: 'accept', reviewer: '  ' })).toMatchObject({ invalid: true });
    expect(recordDecision(db, { factId: 999999, expectedVersion: 1, action: 'accept', reviewer: 'Lan' })).toEqual({ notFound: true });
    expect(readFactState(db, id)).toMatchObject({ version: 1, status: 'auto' });
    expect(factHistory(db, id)).toEqual([]);
  });

  test('undo walks back through the decisions one at a time and is itself logged', () => {
    const { db } = reviewDb();
    const id = factId(db, '42 trạm');
    saved(recordDecision(db, { factId: id, expectedVersion: 1, action: 'accept', reviewer: 'Lan' }));
    saved(recordDecision(db, { factId: id, expectedVersion: 2, action: 'correct', fields: { value: 44 }, reviewer: 'Lan' }));
    const u1 = saved(recordDecision(db, { factId: id, expectedVersion: 3, action: 'undo', reviewer: 'Lan' }));
    expect(u1.fact).toMatchObject({ value: 42, status: 'accepted', version: 4 });
    const u2 = saved(recordDecision(db, { factId: id, expectedVersion: 4, action: 'undo', reviewer: 'Lan' }));
    expect(u2.fact).toMatchObject({ value: 42, status: 'auto', version: 5 });
    expect(recordDecision(db, { factId: id, expectedVersion: 5, action: 'undo', reviewer: 'Lan' })).toMatchObject({ invalid: true });
    expect(factHistory(db, id).map((c) => c.action)).toEqual(['accept', 'correct', 'undo', 'undo']);
  });
});

describe('history and orphans across re-ingestion', () => {
  test('a correction survives re-ingestion with shifted text and its history follows the new fact row', () => {
    const { db } = reviewDb();
    const oldId = factId(db, '42 trạm');
    saved(recordDecision(db, { factId: oldId, expectedVersion: 1, action: 'correct', fields: { value: 24 }, reviewer: 'Lan' }));
    // The same report re-extracted: text shifted by an inserted clause, fact rows renumbered.
    const doc = reviewDocument('bao-cao-thu-nghiem.txt', ' Thêm một câu.');
    doc.id = reviewDocument().id;
    doc.source.sha256 = reviewDocument().source.sha256;
    new DocumentStore(db).save(doc, 'test-2');
    const newId = factId(db, '42 trạm');
    expect(newId).not.toBe(oldId);
    expect(readFactState(db, newId)).toMatchObject({ value: 24, status: 'corrected' });
    expect(factHistory(db, newId).map((c) => c.after.value)).toEqual([24]);
    expect(orphanCorrections(db)).toEqual([]);
  });

  test('a correction whose fact disappeared is reported as an orphan, not dropped', () => {
    const { db } = reviewDb();
    const id = factId(db, '42 trạm');
    saved(recordDecision(db, { factId: id, expectedVersion: 1, action: 'reject', reviewer: 'Lan' }));
    const doc = reviewDocument();
    doc.facts = doc.facts.filter((f) => f.quote !== '42 trạm');
    new DocumentStore(db).save(doc, 'test-2');
    const orphans = orphanCorrections(db, doc.id);
    expect(orphans).toHaveLength(1);
    expect(orphans[0]).toMatchObject({ quote: '42 trạm', action: 'reject', reviewer: 'Lan' });
    expect(orphanCorrections(db, 'another-doc')).toEqual([]);
    expect((db.prepare('SELECT COUNT(*) AS n FROM corrections').get() as { n: number }).n).toBe(1);
  });
});
