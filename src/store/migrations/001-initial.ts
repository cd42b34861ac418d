/** The first schema: documents with their blocks, sections, facts and messages; corrections; runs. */
export const sql = `
CREATE TABLE documents (
  id TEXT PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE,
  path TEXT NOT NULL,
  name TEXT NOT NULL,
  size INTEGER NOT NULL,
  format TEXT,
  status TEXT NOT NULL CHECK (status IN ('ok','partial','failed','skipped')),
  title TEXT, province TEXT, province_id TEXT, agency TEXT, doc_number TEXT,
  issue_date TEXT, report_type TEXT, report_period TEXT,
  page_count INTEGER NOT NULL DEFAULT 0,
  pages_json TEXT NOT NULL DEFAULT '[]',
  text TEXT NOT NULL DEFAULT '',
  extractor_version TEXT NOT NULL,
  ingested_at TEXT NOT NULL
);
CREATE INDEX documents_name ON documents(name);

CREATE TABLE blocks (
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  role TEXT NOT NULL,
  section TEXT NOT NULL,
  label TEXT,
  page INTEGER NOT NULL,
  page_end INTEGER,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  ocr_confidence REAL,
  PRIMARY KEY (doc_id, idx)
);

CREATE TABLE sections (
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  path TEXT NOT NULL,
  label TEXT NOT NULL,
  level INTEGER NOT NULL,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  page INTEGER NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  section_end INTEGER NOT NULL,
  period TEXT,
  PRIMARY KEY (doc_id, idx)
);

CREATE TABLE facts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  quote TEXT NOT NULL,
  also TEXT,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  page INTEGER NOT NULL,
  bbox TEXT,
  section TEXT NOT NULL,
  value REAL NOT NULL,
  unit TEXT NOT NULL,
  base_value REAL NOT NULL,
  base_unit TEXT NOT NULL,
  of REAL,
  value_max REAL,
  kind TEXT NOT NULL,
  aspect TEXT NOT NULL,
  direction TEXT,
  approx TEXT NOT NULL,
  metric TEXT NOT NULL,
  metric_id TEXT,
  period TEXT NOT NULL,
  confidence REAL NOT NULL,
  evidence TEXT NOT NULL DEFAULT '[]',
  status TEXT NOT NULL DEFAULT 'auto' CHECK (status IN ('auto','accepted','corrected','rejected')),
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (doc_id, idx)
);
CREATE INDEX facts_metric_id ON facts(metric_id);
CREATE INDEX facts_confidence ON facts(confidence);

CREATE TABLE messages (
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  severity TEXT NOT NULL,
  rule TEXT NOT NULL,
  reason TEXT NOT NULL,
  page INTEGER, start INTEGER, end INTEGER,
  PRIMARY KEY (doc_id, idx)
);

-- Append-only audit of reviewers' decisions. A correction points at its fact by document and
-- position/quote (not by row id), so it survives re-ingestion with a newer extractor.
CREATE TABLE corrections (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  doc_id TEXT NOT NULL,
  fact_start INTEGER NOT NULL,
  fact_end INTEGER NOT NULL,
  quote TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('accept','correct','reject','undo')),
  before_json TEXT NOT NULL,
  after_json TEXT NOT NULL,
  reviewer TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX corrections_doc ON corrections(doc_id, fact_start);

CREATE TABLE runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  extractor_version TEXT NOT NULL,
  command TEXT NOT NULL,
  files_seen INTEGER NOT NULL DEFAULT 0,
  stored INTEGER NOT NULL DEFAULT 0,
  skipped INTEGER NOT NULL DEFAULT 0,
  failed INTEGER NOT NULL DEFAULT 0,
  failures_json TEXT NOT NULL DEFAULT '[]'
);
`;
