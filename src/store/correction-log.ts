import type { z } from 'zod';
import { Correction, type CorrectionAction, CorrectionRow, CorrectionState } from '../../schemas/correction.js';
import { FactFields } from '../../schemas/fact.js';
import { FactAnchor, FactKey, FactState } from '../../schemas/stored-fact.js';
import { lockFact, writeTransaction, type Db } from './db.js';
import { parseOptionalRow, parseRow, parseRows } from './row-parser.js';

export interface Decision {
  factId: number;
  /** The version the reviewer saw; the decision is refused when the fact has moved on. */
  expectedVersion: number;
  action: CorrectionAction;
  /** For `correct`: the fields that change. Not allowed with the other actions. */
  fields?: Partial<FactFields>;
  reviewer: string;
}

export type DecisionResult =
  | { fact: FactState; correction: Correction }
  | { conflict: true; current: FactState }
  | { invalid: true; issues: string[] }
  | { notFound: true };

/** Fields a reviewer may send with `correct`; unknown keys are refused, not ignored. */
export const FieldPatch = FactFields.partial().strict();

const FACT_COLUMNS = Object.keys(FactFields.shape) as (keyof FactFields)[];

/** Window (characters) within which a quote may have moved after re-normalization (as in correction-replay). */
const MAX_SHIFT = 2000;

/** The current reviewable state of a fact, or undefined when there is no such fact. */
export async function readFactState(db: Db, factId: number): Promise<FactState | undefined> {
  const row = await db.q
    .selectFrom('facts')
    .select(['id', 'doc_id', 'start', 'end', 'quote', 'version', 'status', ...FACT_COLUMNS])
    .where('id', '=', factId)
    .executeTakeFirst();
  return parseOptionalRow(FactState, row, 'fact');
}

function stateOf(f: FactState): CorrectionState {
  const out: Record<string, unknown> = { status: f.status };
  for (const k of FACT_COLUMNS) out[k] = f[k];
  return CorrectionState.parse(out);
}

function issuesOf(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.join('.') || '(fields)'}: ${i.message}`);
}

function toCorrection(r: CorrectionRow): Correction {
  return Correction.parse({
    id: r.id,
    doc_id: r.doc_id,
    fact_start: r.fact_start,
    fact_end: r.fact_end,
    quote: r.quote,
    action: r.action,
    before: JSON.parse(r.before_json),
    after: JSON.parse(r.after_json),
    reviewer: r.reviewer,
    at: r.at,
  });
}

/**
 * Record a reviewer's decision about a fact, in one transaction: check the version the reviewer
 * saw (optimistic concurrency — a newer version is returned and nothing changes), validate the
 * new state with the `CorrectionState` schema, append the correction (before/after, who, when)
 * and update the fact (fields, status, version + 1).
 *
 * `accept` / `reject` keep the fields and set the status; `correct` applies `fields` and sets
 * `corrected`; `undo` restores the state before the latest decision not yet undone (repeated
 * undos walk further back). An undo is itself an appended correction.
 */
export async function recordDecision(db: Db, decision: Decision): Promise<DecisionResult> {
  const reviewer = decision.reviewer.trim();
  if (!reviewer) return { invalid: true, issues: ['reviewer: a reviewer name is required'] };
  if (decision.action !== 'correct' && decision.fields && Object.keys(decision.fields).length > 0) {
    return { invalid: true, issues: [`fields: only "correct" changes fields (got "${decision.action}")`] };
  }
  // SQLite: the write lock is taken before the version is read; PostgreSQL: the fact's row is locked
  // first. Either way two reviewers (two servers on one database) cannot both pass the version check.
  return writeTransaction(db, async (tx): Promise<DecisionResult> => {
    await lockFact(tx, decision.factId);
    const current = await readFactState(tx, decision.factId);
    if (!current) return { notFound: true };
    if (current.version !== decision.expectedVersion) return { conflict: true, current };
    const before = stateOf(current);
    let candidate: unknown;
    switch (decision.action) {
      case 'accept':
        candidate = { ...before, status: 'accepted' };
        break;
      case 'reject':
        candidate = { ...before, status: 'rejected' };
        break;
      case 'correct': {
        const patch = FieldPatch.safeParse(decision.fields ?? {});
        if (!patch.success) return { invalid: true, issues: issuesOf(patch.error) };
        if (Object.keys(patch.data).length === 0) return { invalid: true, issues: ['fields: "correct" needs at least one field'] };
        candidate = { ...before, ...patch.data, status: 'corrected' };
        break;
      }
      case 'undo': {
        const undoable = undoStack(await factHistory(tx, current.id));
        const last = undoable.at(-1);
        if (!last) return { invalid: true, issues: ['undo: this fact has no decision to undo'] };
        candidate = last.before;
        break;
      }
    }
    const parsed = CorrectionState.safeParse(candidate);
    if (!parsed.success) return { invalid: true, issues: issuesOf(parsed.error) };
    const after = parsed.data;
    const at = new Date().toISOString();
    const ins = await tx.q
      .insertInto('corrections')
      .values({
        doc_id: current.doc_id,
        fact_start: current.start,
        fact_end: current.end,
        quote: current.quote,
        action: decision.action,
        before_json: JSON.stringify(before),
        after_json: JSON.stringify(after),
        reviewer,
        at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const fields: Partial<FactFields> = {};
    for (const k of FACT_COLUMNS) Object.assign(fields, { [k]: after[k] });
    await tx.q
      .updateTable('facts')
      .set((e) => ({ ...fields, status: after.status, version: e('version', '+', 1) }))
      .where('id', '=', current.id)
      .where('version', '=', current.version)
      .execute();
    const fact = await readFactState(tx, current.id);
    if (!fact) throw new Error(`fact ${current.id} vanished inside its own transaction`);
    const stored = await tx.q.selectFrom('corrections').selectAll().where('id', '=', Number(ins.id)).executeTakeFirst();
    const correction = toCorrection(parseRow(CorrectionRow, stored, 'correction'));
    return { fact, correction };
  });
}

/** The decisions still in force, oldest first: each undo cancels the latest one before it. */
function undoStack(history: Correction[]): Correction[] {
  const stack: Correction[] = [];
  for (const c of history) {
    if (c.action === 'undo') stack.pop();
    else stack.push(c);
  }
  return stack;
}

/** The fact a correction belongs to: same document and quote, nearest start within the shift window. */
function nearest(facts: FactKey[], start: number): FactKey | undefined {
  let best: FactKey | undefined;
  for (const f of facts) {
    const d = Math.abs(f.start - start);
    if (d > MAX_SHIFT) continue;
    if (!best || d < Math.abs(best.start - start) || (d === Math.abs(best.start - start) && f.id < best.id)) best = f;
  }
  return best;
}

/**
 * Every correction of a fact, oldest first. Corrections are matched by document + quote +
 * position (the nearest fact with that quote), never by row id, so the history survives
 * re-ingestion. Empty for an unknown fact.
 */
export async function factHistory(db: Db, factId: number): Promise<Correction[]> {
  const fact = parseOptionalRow(
    FactAnchor,
    await db.q.selectFrom('facts').select(['id', 'doc_id', 'quote', 'start']).where('id', '=', factId).executeTakeFirst(),
    'fact',
  );
  if (!fact) return [];
  const rows = parseRows(
    CorrectionRow,
    await db.q.selectFrom('corrections').selectAll().where('doc_id', '=', fact.doc_id).where('quote', '=', fact.quote).orderBy('id').execute(),
    'correction',
  );
  if (rows.length === 0) return [];
  const sameQuote = parseRows(FactKey, await sameQuoteFacts(db, fact.doc_id, fact.quote), 'fact');
  return rows.filter((r) => nearest(sameQuote, r.fact_start)?.id === fact.id).map(toCorrection);
}

/**
 * Corrections whose fact no longer exists (its document is gone, or no fact with the same
 * quote is near the recorded position), oldest first. They stay in the log; this reports them.
 */
function sameQuoteFacts(db: Db, docId: string, quote: string): Promise<unknown[]> {
  return db.q.selectFrom('facts').select(['id', 'start']).where('doc_id', '=', docId).where('quote', '=', quote).execute();
}

export async function orphanCorrections(db: Db, docId?: string): Promise<Correction[]> {
  let query = db.q.selectFrom('corrections').selectAll().orderBy('id');
  if (docId) query = query.where('doc_id', '=', docId);
  const rows = parseRows(CorrectionRow, await query.execute(), 'correction');
  const factsByKey = new Map<string, FactKey[]>();
  const orphans: CorrectionRow[] = [];
  for (const r of rows) {
    const key = `${r.doc_id}\u0000${r.quote}`;
    let facts = factsByKey.get(key);
    if (!facts) {
      facts = parseRows(FactKey, await sameQuoteFacts(db, r.doc_id, r.quote), 'fact');
      factsByKey.set(key, facts);
    }
    if (nearest(facts, r.fact_start) === undefined) orphans.push(r);
  }
  return orphans.map(toCorrection);
}
