import type Database from 'better-sqlite3';
import type { Table } from '../../schemas/table.js';
import { StoredTableRow } from '../../schemas/stored-document.js';
import { parseRows } from './row-parser.js';

/** The tables stored with a document, in document order (validated against the table schema). */
export function getDocumentTables(db: Database.Database, docId: string): Table[] {
  return parseRows(StoredTableRow, db.prepare('SELECT table_json FROM document_tables WHERE doc_id = ? ORDER BY idx').all(docId), 'table').map((r) => r.table_json);
}
