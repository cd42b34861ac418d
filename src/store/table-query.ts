import type Database from 'better-sqlite3';
import { Table } from '../../schemas/table.js';

/** The tables stored with a document, in document order (validated against the table schema). */
export function getDocumentTables(db: Database.Database, docId: string): Table[] {
  const rows = db.prepare('SELECT table_json FROM document_tables WHERE doc_id = ? ORDER BY idx').all(docId) as { table_json: string }[];
  return rows.map((r) => Table.parse(JSON.parse(r.table_json)));
}
