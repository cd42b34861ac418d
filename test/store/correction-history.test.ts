import { describe, expect, test } from '@jest/globals';
import { correctionsOf, orphanCorrections } from '../../src/store/correction-history.js';
import { readFactState, recordDecision } from '../../src/store/correction-log.js';
import type { Db } from '../../src/store/db.js';
import { DocumentStore } from '../../src/store/document-store.js';
import { factId, reviewDb, reviewDocument } from '../review/review-fixture.js';
import { onEachBackend } from './backends.js';

/** The report of `reviewDocument` again (same id and hash), its text shifted by `inserted`, as a newer extractor reads it. */
async function reingest(db: Db, inserted: string, drop?: string) {
  const doc = reviewDocument('bao-cao-thu-nghiem.txt', inserted);
  doc.id = reviewDocument().id;
  doc.source.sha256 = reviewDocument().source.sha256;
  if (drop) doc.facts = doc.facts.filter((f) => f.quote !== drop);
  return new DocumentStore(db).save(doc, 'test-2');
}

async function decide(db: Db, quote: string, decision: { action: 'accept' | 'reject' | 'correct' | 'undo'; fields?: { value: number } }) {
  const id = await factId(db, quote);
  const state = await readFactState(db, id);
  const r = await recordDecision(db, { factId: id, expectedVersion: state?.version ?? 0, reviewer: 'Lan', ...decision });
  if (!('fact' in r)) throw new Error(`expected a saved decision, got ${JSON.stringify(r)}`);
  return r;
}

const values = async (db: Db, id: number) => ((await correctionsOf(db, id))?.corrections ?? []).map((c) => c.after.value);

onEachBackend((backend) => {
  describe('a fact’s corrections across re-ingestion', () => {
    test('a correction survives re-ingestion with shifted text and its history follows the new fact row', async () => {
      const { db } = await reviewDb(await backend.fresh());
      const oldId = await factId(db, '42 trạm');
      await decide(db, '42 trạm', { action: 'correct', fields: { value: 24 } });
      // The same report re-extracted: text shifted by an inserted clause, fact rows renumbered.
      await reingest(db, ' Thêm một câu.');
      const newId = await factId(db, '42 trạm');
      expect(newId).not.toBe(oldId);
      expect(await readFactState(db, newId)).toMatchObject({ value: 24, status: 'corrected' });
      expect(await values(db, newId)).toEqual([24]);
      expect(await correctionsOf(db, newId)).toMatchObject({ fact: { id: newId, quote: '42 trạm' } });
      expect(await orphanCorrections(db)).toEqual([]);
      await db.close();
    });

    test('a fact corrected again after a re-ingestion keeps its latest correction through the next one, and its history has both', async () => {
      const { db } = await reviewDb(await backend.fresh());
      await decide(db, '42 trạm', { action: 'correct', fields: { value: 24 } });
      await reingest(db, ' Thêm một câu.');
      // corrected again where the fact now stands: this correction is recorded at the new start
      await decide(db, '42 trạm', { action: 'correct', fields: { value: 25 } });
      const result = await reingest(db, ' Thêm một câu. Và một câu nữa.');
      const id = await factId(db, '42 trạm');
      expect(await readFactState(db, id)).toMatchObject({ value: 25, status: 'corrected' });
      expect(await values(db, id)).toEqual([24, 25]);
      expect(result.orphanCorrections).toBe(0);
      // undo walks back through both, across the re-ingestions
      expect((await decide(db, '42 trạm', { action: 'undo' })).fact).toMatchObject({ value: 24, status: 'corrected' });
      expect((await decide(db, '42 trạm', { action: 'undo' })).fact).toMatchObject({ value: 42, status: 'auto' });
      await db.close();
    });

    test('an unknown fact has no history; a fact nobody reviewed has an empty one', async () => {
      const { db } = await reviewDb(await backend.fresh());
      expect(await correctionsOf(db, 999999)).toBeUndefined();
      expect(await correctionsOf(db, await factId(db, '42 trạm'))).toMatchObject({ corrections: [] });
      await db.close();
    });

    test('a correction whose fact disappeared is reported as an orphan, not dropped, and the ingest counts it', async () => {
      const { db } = await reviewDb(await backend.fresh());
      await decide(db, '42 trạm', { action: 'accept' });
      await decide(db, '42 trạm', { action: 'reject' });
      await decide(db, '87,5%', { action: 'accept' });
      const result = await reingest(db, '', '42 trạm');
      const orphans = await orphanCorrections(db, reviewDocument().id);
      expect(orphans.map((c) => [c.quote, c.action])).toEqual([
        ['42 trạm', 'accept'],
        ['42 trạm', 'reject'],
      ]);
      expect(result.orphanCorrections).toBe(orphans.length);
      expect(await orphanCorrections(db)).toEqual(orphans);
      expect(await orphanCorrections(db, 'another-doc')).toEqual([]);
      expect(await readFactState(db, await factId(db, '87,5%'))).toMatchObject({ status: 'accepted' });
      expect(
        await db.q
          .selectFrom('corrections')
          .select((e) => e.fn.countAll<number>().as('n'))
          .executeTakeFirst(),
      ).toEqual({ n: 3 });
      await db.close();
    });
  });
});
