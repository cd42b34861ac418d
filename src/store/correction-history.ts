import { HistoryEntry } from '../../schemas/correction.js';
import { FactAnchor } from '../../schemas/stored-fact.js';
import type { Db } from './db.js';
import { parseOptionalRow, parseRows } from './row-parser.js';

/**
 * The corrections recorded at a fact's exact place (document, quote, start), oldest first, with the
 * fact's quote; undefined for an unknown fact. (`factHistory` in correction-log also follows a
 * fact whose quote moved a little after re-ingestion; `facts --history` has always used this one.)
 */
export async function correctionsAt(db: Db, factId: number): Promise<{ quote: string; corrections: HistoryEntry[] } | undefined> {
  const fact = parseOptionalRow(
    FactAnchor,
    await db.q.selectFrom('facts').select(['id', 'doc_id', 'quote', 'start']).where('id', '=', factId).executeTakeFirst(),
    'fact',
  );
  if (!fact) return undefined;
  const corrections = parseRows(
    HistoryEntry,
    await db.q
      .selectFrom('corrections')
      .select(['id', 'action', 'reviewer', 'at', 'before_json', 'after_json'])
      .where('doc_id', '=', fact.doc_id)
      .where('quote', '=', fact.quote)
      .where('fact_start', '=', fact.start)
      .orderBy('id')
      .execute(),
    'correction',
  );
  return { quote: fact.quote, corrections };
}
