import { CorrectionState, ReplayRow } from '../../schemas/correction.js';
import { QuotedFactKey } from '../../schemas/stored-fact.js';
import type { Db } from './db.js';
import { parseRows } from './row-parser.js';

/**
 * Re-apply reviewers' decisions to freshly extracted facts of one document. A correction
 * finds its fact by document + quote + position (the nearest fact with the same quote
 * within a small window), never by row id, so it survives re-extraction. The latest
 * correction of a fact wins (an undo is itself a correction restoring the earlier state).
 */
export async function reapplyCorrections(db: Db, docId: string): Promise<{ applied: number; orphans: number }> {
  const rows = parseRows(
    ReplayRow,
    await db.q.selectFrom('corrections').select(['id', 'fact_start', 'quote', 'after_json']).where('doc_id', '=', docId).orderBy('id').execute(),
    'correction',
  );
  if (rows.length === 0) return { applied: 0, orphans: 0 };
  const latest = new Map<string, ReplayRow>();
  for (const r of rows) latest.set(`${r.fact_start}\u0000${r.quote}`, r);
  const facts = parseRows(QuotedFactKey, await db.q.selectFrom('facts').select(['id', 'start', 'quote']).where('doc_id', '=', docId).execute(), 'fact');
  let applied = 0;
  let orphans = 0;
  const taken = new Set<number>();
  for (const c of latest.values()) {
    const fact = findFact(facts, c, taken);
    if (!fact) {
      orphans++;
      continue;
    }
    taken.add(fact.id);
    const s = CorrectionState.parse(JSON.parse(c.after_json));
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
      .where('id', '=', fact.id)
      .execute();
    applied++;
  }
  return { applied, orphans };
}

/** Window (characters) within which a quote may have moved after re-normalization. */
const MAX_SHIFT = 2000;

function findFact(facts: QuotedFactKey[], c: ReplayRow, taken: Set<number>): QuotedFactKey | undefined {
  let best: QuotedFactKey | undefined;
  for (const f of facts) {
    if (f.quote !== c.quote || taken.has(f.id)) continue;
    const d = Math.abs(f.start - c.fact_start);
    if (d > MAX_SHIFT) continue;
    if (!best || d < Math.abs(best.start - c.fact_start)) best = f;
  }
  return best;
}
