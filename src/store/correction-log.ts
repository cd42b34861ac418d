import type Database from 'better-sqlite3';
import { z } from 'zod';
import { Correction, CorrectionAction, CorrectionRow, CorrectionState } from '../../schemas/correction.js';
import { FactFields } from '../../schemas/fact.js';
import { FactAnchor, FactKey, FactState } from '../../schemas/stored-fact.js';
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

const SELECT_FACT = `SELECT id, doc_id, start, end, quote, version, status, ${FACT_COLUMNS.join(', ')} FROM facts WHERE id = ?`;

/** Window (characters) within which a quote may have moved after re-normalization (as in correction-replay). */
const MAX_SHIFT = 2000;

/** The current reviewable state of a fact, or undefined when there is no such fact. */
export function readFactState(db: Database.Database, factId: number): FactState | undefined {
  return parseOptionalRow(FactState, db.prepare(SELECT_FACT).get(factId), 'fact');
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
export function recordDecision(db: Database.Database, decision: Decision): DecisionResult {
  const reviewer = decision.reviewer.trim();
  if (!reviewer) return { invalid: true, issues: ['reviewer: a reviewer name is required'] };
  if (decision.action !== 'correct' && decision.fields && Object.keys(decision.fields).length > 0) {
    return { invalid: true, issues: [`fields: only "correct" changes fields (got "${decision.action}")`] };
  }
  const run = db.transaction((): DecisionResult => {
    const current = readFactState(db, decision.factId);
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
        const undoable = undoStack(factHistory(db, current.id));
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
    const ins = db
      .prepare(
        `INSERT INTO corrections (doc_id, fact_start, fact_end, quote, action, before_json, after_json, reviewer, at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(current.doc_id, current.start, current.end, current.quote, decision.action, JSON.stringify(before), JSON.stringify(after), reviewer, at);
    db.prepare(
      `UPDATE facts SET ${FACT_COLUMNS.map((c) => `${c}=@${c}`).join(', ')}, status=@status, version=version+1
       WHERE id=@id AND version=@expected`,
    ).run({ ...after, id: current.id, expected: current.version });
    const fact = readFactState(db, current.id);
    if (!fact) throw new Error(`fact ${current.id} vanished inside its own transaction`);
    const correction = toCorrection(parseRow(CorrectionRow, db.prepare('SELECT * FROM corrections WHERE id = ?').get(Number(ins.lastInsertRowid)), 'correction'));
    return { fact, correction };
  });
  // IMMEDIATE: take the write lock before reading the version, so two servers on one
  // database cannot both pass the version check.
  return run.immediate();
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
export function factHistory(db: Database.Database, factId: number): Correction[] {
  const fact = parseOptionalRow(FactAnchor, db.prepare('SELECT id, doc_id, quote, start FROM facts WHERE id = ?').get(factId), 'fact');
  if (!fact) return [];
  const rows = parseRows(CorrectionRow, db.prepare('SELECT * FROM corrections WHERE doc_id = ? AND quote = ? ORDER BY id').all(fact.doc_id, fact.quote), 'correction');
  if (rows.length === 0) return [];
  const sameQuote = parseRows(FactKey, db.prepare('SELECT id, start FROM facts WHERE doc_id = ? AND quote = ?').all(fact.doc_id, fact.quote), 'fact');
  return rows.filter((r) => nearest(sameQuote, r.fact_start)?.id === fact.id).map(toCorrection);
}

/**
 * Corrections whose fact no longer exists (its document is gone, or no fact with the same
 * quote is near the recorded position), oldest first. They stay in the log; this reports them.
 */
export function orphanCorrections(db: Database.Database, docId?: string): Correction[] {
  const rows = parseRows(
    CorrectionRow,
    docId ? db.prepare('SELECT * FROM corrections WHERE doc_id = ? ORDER BY id').all(docId) : db.prepare('SELECT * FROM corrections ORDER BY id').all(),
    'correction',
  );
  const factsByKey = new Map<string, FactKey[]>();
  const lookup = db.prepare('SELECT id, start FROM facts WHERE doc_id = ? AND quote = ?');
  return rows
    .filter((r) => {
      const key = `${r.doc_id}\u0000${r.quote}`;
      let facts = factsByKey.get(key);
      if (!facts) {
        facts = parseRows(FactKey, lookup.all(r.doc_id, r.quote), 'fact');
        factsByKey.set(key, facts);
      }
      return nearest(facts, r.fact_start) === undefined;
    })
    .map(toCorrection);
}
