import type { Table } from '../../schemas/table.js';
import type { Db } from '../store/db.js';
import { factCellLabels } from '../store/review-view-query.js';
import { getDocumentTables } from '../store/table-query.js';

/** A table fact's table and grid position with its labels (for the fact panel's highlight); null for a fact from a sentence. */
export async function tableContext(db: Db, factId: number): Promise<{ table: Table; row: number; col: number; rowLabel: string; columnLabel: string } | null> {
  const labels = await factCellLabels(db, factId);
  if (!labels || (labels.table_row === '' && labels.table_column === '')) return null;
  for (const table of await getDocumentTables(db, labels.doc_id)) {
    const cell = table.cells.find((c) => c.start !== undefined && c.end !== undefined && c.start <= labels.start && labels.end <= c.end);
    if (cell) return { table, row: cell.row, col: cell.col, rowLabel: labels.table_row, columnLabel: labels.table_column };
  }
  return null;
}
