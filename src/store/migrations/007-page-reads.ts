/**
 * Page jobs for scans (issue 14): a scanned document read through the queue is split into one
 * job per page to OCR, so one long scan spreads over every worker. `page_scans` holds a scan in
 * progress — its pages left, counted down atomically by each page job that stores its page (the
 * one that reaches 0 queues the document's assembly) — and `page_reads` each page's image as the
 * read stage drew it for OCR (deflated, until it is read), how to read it, and what the OCR
 * engine read (`OcrPage` JSON, or the engine's error), keyed by (document, page) so a page job
 * run twice stores its page once. Both are emptied when the document is committed.
 */
export const sql = `
CREATE TABLE IF NOT EXISTS page_scans (
  sha256 TEXT PRIMARY KEY,
  scan_id TEXT NOT NULL,
  name TEXT NOT NULL,
  force INTEGER NOT NULL,
  pages INTEGER NOT NULL,
  pages_left INTEGER NOT NULL,
  started_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS page_reads (
  sha256 TEXT NOT NULL,
  page INTEGER NOT NULL,
  image BLOB,
  options TEXT NOT NULL,
  result TEXT,
  error TEXT,
  engine TEXT,
  read_at TEXT,
  PRIMARY KEY (sha256, page)
);
`;
