import { CountRow, DocumentStatusCount } from '../../schemas/stored-document.js';
import type { Db } from './db.js';
import { parseRow, parseRows } from './row-parser.js';

/** What the database holds: documents by status, facts, and how many of them a reviewer decided. */
export interface StoreTotals {
  documents: DocumentStatusCount[];
  facts: number;
  reviewed: number;
}

export async function storeTotals(db: Db): Promise<StoreTotals> {
  const documents = parseRows(
    DocumentStatusCount,
    await db.q
      .selectFrom('documents')
      .select((e) => ['status', e.fn.countAll<number>().as('n')])
      .groupBy('status')
      .orderBy('status')
      .execute(),
    'document count',
  );
  const facts = parseRow(
    CountRow,
    await db.q
      .selectFrom('facts')
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirst(),
    'fact count',
  ).n;
  const reviewed = parseRow(
    CountRow,
    await db.q
      .selectFrom('facts')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('status', '!=', 'auto')
      .executeTakeFirst(),
    'fact count',
  ).n;
  return { documents, facts, reviewed };
}
