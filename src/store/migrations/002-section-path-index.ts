/**
 * Fact queries name each fact's section title by (document, section path); with only the
 * (doc_id, idx) key that lookup scanned the document's sections once per fact.
 */
export const sql = `
CREATE INDEX sections_doc_path ON sections(doc_id, path);
`;
