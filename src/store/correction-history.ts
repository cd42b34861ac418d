import { Correction, CorrectionRow } from '../../schemas/correction.js';
import { FactAnchor, type FactKey, QuotedFactKey } from '../../schemas/stored-fact.js';
import type { Db } from './db.js';
import { parseOptionalRow, parseRows } from './row-parser.js';

/**
 * The one model of which fact a correction belongs to. A correction is recorded with its fact's
 * place — document, quote, start — never its row id, so it outlives re-ingestion: it belongs to
 * the fact of its document with the same quote whose start is nearest the recorded start, within
 * `MAX_SHIFT` characters (the lower id on a tie). A correction no fact is near is an orphan; it
 * stays in the log. A fact's history, undo, `facts --history`, the orphans and the replay after
 * re-ingestion all read corrections through `attributedCorrections`.
 */

/** Window (characters) within which a quote may have moved after re-normalization. */
const MAX_SHIFT = 2000;

/** A stored correction and the fact it belongs to (undefined: an orphan). */
export interface AttributedCorrection {
  correction: Correction;
  factId: number | undefined;
}

/** The fact a correction recorded at `start` belongs to, among the facts with its document and quote. */
function ownerOf(facts: readonly FactKey[], start: number): FactKey | undefined {
  let best: FactKey | undefined;
  for (const f of facts) {
    const d = Math.abs(f.start - start);
    if (d > MAX_SHIFT) continue;
    if (!best || d < Math.abs(best.start - start) || (d === Math.abs(best.start - start) && f.id < best.id)) best = f;
  }
  return best;
}

function toCorrection(r: CorrectionRow): Correction {
  return Correction.parse({ ...r, before: JSON.parse(r.before_json), after: JSON.parse(r.after_json) });
}

/** A stored correction row (by id) as a `Correction`: before and after parsed into their shape. */
export async function readCorrection(db: Db, id: number): Promise<Correction | undefined> {
  const row = parseOptionalRow(CorrectionRow, await db.q.selectFrom('corrections').selectAll().where('id', '=', id).executeTakeFirst(), 'correction');
  return row && toCorrection(row);
}

/** The corrections of one document (of one quote when given), oldest first, each with the fact it belongs to. */
export async function attributedCorrections(db: Db, docId: string, quote?: string): Promise<AttributedCorrection[]> {
  let corrections = db.q.selectFrom('corrections').selectAll().where('doc_id', '=', docId);
  if (quote !== undefined) corrections = corrections.where('quote', '=', quote);
  const rows = parseRows(CorrectionRow, await corrections.orderBy('id').execute(), 'correction');
  if (rows.length === 0) return [];
  let facts = db.q.selectFrom('facts').select(['id', 'start', 'quote']).where('doc_id', '=', docId);
  if (quote !== undefined) facts = facts.where('quote', '=', quote);
  const byQuote = new Map<string, QuotedFactKey[]>();
  for (const f of parseRows(QuotedFactKey, await facts.execute(), 'fact')) {
    const same = byQuote.get(f.quote);
    if (same) same.push(f);
    else byQuote.set(f.quote, [f]);
  }
  return rows.map((r) => ({ correction: toCorrection(r), factId: ownerOf(byQuote.get(r.quote) ?? [], r.fact_start)?.id }));
}

/**
 * A fact's place and its corrections, oldest first (those recorded at an earlier place of the
 * same quote included, so the history follows the fact through re-ingestion); undefined for an
 * unknown fact.
 */
export async function correctionsOf(db: Db, factId: number): Promise<{ fact: FactAnchor; corrections: Correction[] } | undefined> {
  const fact = parseOptionalRow(
    FactAnchor,
    await db.q.selectFrom('facts').select(['id', 'doc_id', 'quote', 'start']).where('id', '=', factId).executeTakeFirst(),
    'fact',
  );
  if (!fact) return undefined;
  const corrections = (await attributedCorrections(db, fact.doc_id, fact.quote)).filter((a) => a.factId === fact.id).map((a) => a.correction);
  return { fact, corrections };
}

/**
 * Corrections whose fact no longer exists (its document is gone, or no fact with the same quote
 * is near the recorded position), oldest first, of one document or all. They stay in the log;
 * this reports them.
 */
export async function orphanCorrections(db: Db, docId?: string): Promise<Correction[]> {
  const docs = docId
    ? [docId]
    : parseRows(CorrectionRow.pick({ doc_id: true }), await db.q.selectFrom('corrections').select('doc_id').distinct().execute(), 'correction').map(
        (r) => r.doc_id,
      );
  const orphans: Correction[] = [];
  for (const d of docs) for (const a of await attributedCorrections(db, d)) if (a.factId === undefined) orphans.push(a.correction);
  return orphans.sort((a, b) => a.id - b.id);
}
