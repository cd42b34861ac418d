import type { z } from '../../schemas/zod.js';
import type { Correction, CorrectionAction } from '../../schemas/correction.js';
import { CorrectionState } from '../../schemas/correction.js';
import { FactFields } from '../../schemas/fact.js';
import { FactState } from '../../schemas/stored-fact.js';
import { correctionsOf, readCorrection } from './correction-history.js';
import { lockFact, writeTransaction, type Db } from './db.js';
import { parseOptionalRow } from './row-parser.js';

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
        const undoable = undoStack((await correctionsOf(tx, current.id))?.corrections ?? []);
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
    const correction = await readCorrection(tx, Number(ins.id));
    if (!correction) throw new Error(`correction ${ins.id} vanished inside its own transaction`);
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
