import type Database from 'better-sqlite3';
import { CorrectionState, ReplayRow } from '../../schemas/correction.js';
import { QuotedFactKey } from '../../schemas/stored-fact.js';
import { parseRows } from './row-parser.js';

/**
 * Re-apply reviewers' decisions to freshly extracted facts of one document. A correction
 * finds its fact by document + quote + position (the nearest fact with the same quote
 * within a small window), never by row id, so it survives re-extraction. The latest
 * correction of a fact wins (an undo is itself a correction restoring the earlier state).
 */
export function reapplyCorrections(db: Database.Database, docId: string): { applied: number; orphans: number } {
  const rows = parseRows(ReplayRow, db.prepare('SELECT id, fact_start, quote, after_json FROM corrections WHERE doc_id = ? ORDER BY id').all(docId), 'correction');
  if (rows.length === 0) return { applied: 0, orphans: 0 };
  const latest = new Map<string, ReplayRow>();
  for (const r of rows) latest.set(`${r.fact_start}\u0000${r.quote}`, r);
  const facts = parseRows(QuotedFactKey, db.prepare('SELECT id, start, quote FROM facts WHERE doc_id = ?').all(docId), 'fact');
  const update = db.prepare(
    `UPDATE facts SET value=@value, unit=@unit, base_value=@base_value, base_unit=@base_unit, of=@of, value_max=@value_max,
       kind=@kind, aspect=@aspect, direction=@direction, approx=@approx, metric=@metric, metric_id=@metric_id,
       period=@period, status=@status, version=version+1 WHERE id=@id`,
  );
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
    const state = CorrectionState.parse(JSON.parse(c.after_json));
    update.run({ ...state, id: fact.id });
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
