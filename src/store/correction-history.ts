import type Database from 'better-sqlite3';
import { HistoryEntry } from '../../schemas/correction.js';
import { FactAnchor } from '../../schemas/stored-fact.js';
import { parseOptionalRow, parseRows } from './row-parser.js';

/**
 * The corrections recorded at a fact's exact place (document, quote, start), oldest first, with the
 * fact's quote; undefined for an unknown fact. (`factHistory` in correction-log also follows a
 * fact whose quote moved a little after re-ingestion; `facts --history` has always used this one.)
 */
export function correctionsAt(db: Database.Database, factId: number): { quote: string; corrections: HistoryEntry[] } | undefined {
  const fact = parseOptionalRow(FactAnchor, db.prepare('SELECT id, doc_id, quote, start FROM facts WHERE id = ?').get(factId), 'fact');
  if (!fact) return undefined;
  const corrections = parseRows(
    HistoryEntry,
    db.prepare('SELECT id, action, reviewer, at, before_json, after_json FROM corrections WHERE doc_id = ? AND quote = ? AND fact_start = ? ORDER BY id').all(fact.doc_id, fact.quote, fact.start),
    'correction',
  );
  return { quote: fact.quote, corrections };
}
