import type Database from 'better-sqlite3';
import { CountRow, DocumentStatusCount } from '../../schemas/stored-document.js';
import { parseRow, parseRows } from './row-parser.js';

/** What the database holds: documents by status, facts, and how many of them a reviewer decided. */
export interface StoreTotals {
  documents: DocumentStatusCount[];
  facts: number;
  reviewed: number;
}

export function storeTotals(db: Database.Database): StoreTotals {
  const documents = parseRows(DocumentStatusCount, db.prepare('SELECT status, COUNT(*) AS n FROM documents GROUP BY status ORDER BY status').all(), 'document count');
  const facts = parseRow(CountRow, db.prepare('SELECT COUNT(*) AS n FROM facts').get(), 'fact count').n;
  const reviewed = parseRow(CountRow, db.prepare("SELECT COUNT(*) AS n FROM facts WHERE status != 'auto'").get(), 'fact count').n;
  return { documents, facts, reviewed };
}
