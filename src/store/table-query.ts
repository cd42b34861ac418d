import type { Table } from '../../schemas/table.js';
import { StoredTableRow } from '../../schemas/stored-document.js';
import type { Db } from './db.js';
import { parseRows } from './row-parser.js';

/** The tables stored with a document, in document order (validated against the table schema). */
export async function getDocumentTables(db: Db, docId: string): Promise<Table[]> {
  const rows = await db.q.selectFrom('document_tables').select('table_json').where('doc_id', '=', docId).orderBy('idx').execute();
  return parseRows(StoredTableRow, rows, 'table').map((r) => r.table_json);
}
