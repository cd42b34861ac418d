/**
 * Tables (issue 12): a fact read from a table cell keeps the labels of its row and column, and
 * each document keeps its table model (grid, merged cells, spans) for `show` and the review UI.
 */
export const sql = `
ALTER TABLE facts ADD COLUMN table_row TEXT;
ALTER TABLE facts ADD COLUMN table_column TEXT;
CREATE TABLE document_tables (
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  page INTEGER NOT NULL,
  start INTEGER,
  end INTEGER,
  table_json TEXT NOT NULL,
  PRIMARY KEY (doc_id, idx)
);
`;
