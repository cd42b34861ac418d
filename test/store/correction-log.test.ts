import { describe, expect, test } from '@jest/globals';
import { correctionsOf } from '../../src/store/correction-history.js';
import { readFactState, recordDecision } from '../../src/store/correction-log.js';
import type { Db } from '../../src/store/db.js';
import { queryFacts } from '../../src/store/fact-query.js';
import { openDb } from '../../src/store/open-db.js';
import { factId, reviewDb } from '../review/review-fixture.js';
import { onEachBackend } from './backends.js';

/** The corrections of a fact (`correction-history`), oldest first. */
async function factHistory(db: Db, id: number) {
  return (await correctionsOf(db, id))?.corrections ?? [];
}

function saved<T extends object>(r: T): Extract<T, { fact: unknown }> {
  if (!('fact' in r)) throw new Error(`expected a saved decision, got ${JSON.stringify(r)}`);
  return r as Extract<T, { fact: unknown }>;
}

onEachBackend((backend) => {
  describe('recordDecision', () => {
    test('a correction changes the fields, sets the status, bumps the version and appends before/after', async () => {
      const { db } = await reviewDb(await backend.fresh());
      const id = await factId(db, '42 trạm');
      const r = saved(await recordDecision(db, { factId: id, expectedVersion: 1, action: 'correct', fields: { value: 43, base_value: 43 }, reviewer: 'Lan' }));
      expect(r.fact).toMatchObject({ value: 43, base_value: 43, status: 'corrected', version: 2 });
      expect(r.correction).toMatchObject({ action: 'correct', reviewer: 'Lan', quote: '42 trạm' });
      expect(r.correction.before).toMatchObject({ value: 42, status: 'auto' });
      expect(r.correction.after).toMatchObject({ value: 43, status: 'corrected' });
      expect(new Date(r.correction.at).toISOString()).toBe(r.correction.at);
      const row = (await queryFacts(db)).find((f) => f.id === id);
      expect(row).toMatchObject({ value: 43, status: 'corrected', version: 2 });
      await db.close();
    });

    test('a stale expected version is refused with the newer state and changes nothing', async () => {
      const { db } = await reviewDb(await backend.fresh());
      const id = await factId(db, '42 trạm');
      saved(await recordDecision(db, { factId: id, expectedVersion: 1, action: 'accept', reviewer: 'Lan' }));
      const second = await recordDecision(db, { factId: id, expectedVersion: 1, action: 'correct', fields: { value: 7 }, reviewer: 'Minh' });
      expect(second).toMatchObject({ conflict: true, current: { version: 2, status: 'accepted', value: 42 } });
      expect(await factHistory(db, id)).toHaveLength(1);
      expect(await readFactState(db, id)).toMatchObject({ version: 2, value: 42 });
      await db.close();
    });

    test('two reviewers deciding the same version at the same moment: one wins, the other gets the conflict', async () => {
      const location = await backend.fresh();
      const { db } = await reviewDb(location);
      // PostgreSQL: two connections, as two review servers have. SQLite: one handle — better-sqlite3 waits for a
      // lock synchronously, so a second connection in this same process would stall the first's transaction.
      const other = backend.name === 'postgres' ? await openDb(location) : db;
      const id = await factId(db, '42 trạm');
      for (let round = 0; round < 5; round++) {
        const version = round + 1;
        const [a, b] = await Promise.all([
          recordDecision(db, { factId: id, expectedVersion: version, action: round % 2 ? 'reject' : 'accept', reviewer: 'Lan' }),
          recordDecision(other, { factId: id, expectedVersion: version, action: 'correct', fields: { value: 100 + round }, reviewer: 'Minh' }),
        ]);
        const outcomes = [a, b].map((r) => ('fact' in r ? 'saved' : 'conflict' in r ? 'conflict' : JSON.stringify(r))).sort();
        expect(outcomes).toEqual(['conflict', 'saved']);
      }
      expect(await readFactState(db, id)).toMatchObject({ version: 6 });
      expect(await factHistory(db, id)).toHaveLength(5);
      if (other !== db) await other.close();
      await db.close();
    });

    test('invalid fields are refused with a message per field and nothing is written', async () => {
      const { db } = await reviewDb(await backend.fresh());
      const id = await factId(db, '42 trạm');
      const r = await recordDecision(db, {
        factId: id,
        expectedVersion: 1,
        action: 'correct',
        fields: { period: 'tháng 8', kind: 'nonsense' as 'count' },
        reviewer: 'Lan',
      });
      expect(r).toMatchObject({ invalid: true });
      const issues = 'issues' in r ? r.issues.join('\n') : '';
      expect(issues).toMatch(/period: not a period/);
      expect(issues).toMatch(/kind:/);
      const unknownKey = await recordDecision(db, {
        factId: id,
        expectedVersion: 1,
        action: 'correct',
        fields: { status: 'accepted' } as object,
        reviewer: 'Lan',
      });
      expect(unknownKey).toMatchObject({ invalid: true });
      expect(await recordDecision(db, { factId: id, expectedVersion: 1, action: 'accept', fields: { value: 1 }, reviewer: 'Lan' })).toMatchObject({
        invalid: true,
      });
      expect(await recordDecision(db, { factId: id, expectedVersion: 1, action: 'accept', reviewer: '  ' })).toMatchObject({ invalid: true });
      expect(await recordDecision(db, { factId: 999999, expectedVersion: 1, action: 'accept', reviewer: 'Lan' })).toEqual({ notFound: true });
      expect(await readFactState(db, id)).toMatchObject({ version: 1, status: 'auto' });
      expect(await factHistory(db, id)).toEqual([]);
      await db.close();
    });

    test('undo walks back through the decisions one at a time and is itself logged', async () => {
      const { db } = await reviewDb(await backend.fresh());
      const id = await factId(db, '42 trạm');
      saved(await recordDecision(db, { factId: id, expectedVersion: 1, action: 'accept', reviewer: 'Lan' }));
      saved(await recordDecision(db, { factId: id, expectedVersion: 2, action: 'correct', fields: { value: 44 }, reviewer: 'Lan' }));
      const u1 = saved(await recordDecision(db, { factId: id, expectedVersion: 3, action: 'undo', reviewer: 'Lan' }));
      expect(u1.fact).toMatchObject({ value: 42, status: 'accepted', version: 4 });
      const u2 = saved(await recordDecision(db, { factId: id, expectedVersion: 4, action: 'undo', reviewer: 'Lan' }));
      expect(u2.fact).toMatchObject({ value: 42, status: 'auto', version: 5 });
      expect(await recordDecision(db, { factId: id, expectedVersion: 5, action: 'undo', reviewer: 'Lan' })).toMatchObject({ invalid: true });
      expect((await factHistory(db, id)).map((c) => c.action)).toEqual(['accept', 'correct', 'undo', 'undo']);
      await db.close();
    });
  });
});
