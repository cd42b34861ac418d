/**
 * Tables (issue 12): a fact read from a table cell keeps the labels of its row and column
 * (`fact_cells`, beside `facts` by document and fact index), and each document keeps its table
 * model (grid, merged cells, spans) for `show` and the review UI. Both tables are new, so the
 * migration can run again over a database that already has them.
 */
export const sql = `
CREATE TABLE IF NOT EXISTS fact_cells (
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  table_row TEXT NOT NULL,
  table_column TEXT NOT NULL,
  PRIMARY KEY (doc_id, idx)
);
CREATE TABLE IF NOT EXISTS document_tables (
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  page INTEGER NOT NULL,
  start INTEGER,
  end INTEGER,
  table_json TEXT NOT NULL,
  PRIMARY KEY (doc_id, idx)
);
`;
