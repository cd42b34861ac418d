import type { Correction } from '../../schemas/correction.js';
import { attributedCorrections } from './correction-history.js';
import type { Db } from './db.js';

/**
 * Re-apply reviewers' decisions to freshly extracted facts of one document. Each correction goes
 * to the fact it belongs to (`correction-history`: document + quote + nearest position, never row
 * id, so it survives re-extraction); a fact takes the state its latest correction left (an undo
 * is itself a correction restoring the earlier state) — the state its history ends in. Corrections
 * no fact is near are counted as orphans; they stay in the log.
 */
export async function reapplyCorrections(db: Db, docId: string): Promise<{ applied: number; orphans: number }> {
  const latest = new Map<number, Correction>();
  let orphans = 0;
  for (const { correction, factId } of await attributedCorrections(db, docId)) {
    if (factId === undefined) orphans++;
    else latest.set(factId, correction);
  }
  for (const [factId, { after: s }] of latest) {
    await db.q
      .updateTable('facts')
      .set((e) => ({
        value: s.value,
        unit: s.unit,
        base_value: s.base_value,
        base_unit: s.base_unit,
        of: s.of,
        value_max: s.value_max,
        kind: s.kind,
        aspect: s.aspect,
        direction: s.direction,
        approx: s.approx,
        metric: s.metric,
        metric_id: s.metric_id,
        period: s.period,
        status: s.status,
        version: e('version', '+', 1),
      }))
      .where('id', '=', factId)
      .execute();
  }
  return { applied: latest.size, orphans };
}
