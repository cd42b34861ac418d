/**
 * A section keeps the segmenter's confidence in its heading (issue 17), so `show` can mark a
 * doubtful tree: a table beside `sections` by document and section index (absent for documents
 * stored before, and for sections the segmenter gave none). New, so the migration can run again
 * over a database that already has it.
 */
export const sql = `
CREATE TABLE IF NOT EXISTS section_confidence (
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  confidence REAL NOT NULL,
  PRIMARY KEY (doc_id, idx)
);
`;
