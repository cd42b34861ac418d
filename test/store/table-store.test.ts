import { describe, expect, it } from '@jest/globals';
import { openDb } from '../../src/store/open-db.js';
import { DocumentStore } from '../../src/store/document-store.js';
import { queryFacts, toExportRow } from '../../src/store/fact-query.js';
import { getDocumentTables } from '../../src/store/table-query.js';
import { renderTableGrid } from '../../src/cli/commands/table-grid-printer.js';
import { tableDocx } from '../../scripts/make-test-tables.js';
import { readToExtract } from '../fixtures/read-to-extract.js';

describe('stored tables', () => {
  it('keeps each table cell fact’s row and column and the document’s table model', async () => {
    const doc = await readToExtract('table.docx', await tableDocx());
    const db = await openDb(':memory:');
    await new DocumentStore(db).save(doc, 'test');
    const rows = (await queryFacts(db)).map(toExportRow);
    const cell = rows.find((r) => r.quote === '987');
    expect(cell).toMatchObject({ table_row: 'Số hộ nghèo', table_column: 'Kết quả thực hiện — Năm 2024' });
    expect(Object.keys(cell ?? {}).slice(-2)).toEqual(['table_row', 'table_column']);
    const tables = await getDocumentTables(db, doc.id);
    expect(tables).toEqual(doc.tables);
    const grid = renderTableGrid(tables[0]);
    expect(grid[0]).toBe('table 1  p.1  6×5  Bảng 1: Một số chỉ tiêu kinh tế - xã hội');
    expect(grid).toContainEqual(expect.stringMatching(/^ {2}\| 2 +\| Số hộ nghèo +\| hộ +\| 1\.204 +\| 987 +\|$/u));
    await db.close();
  });
});
