/**
 * The job queue (issue 14): each file given to `ingest --queue` is stored once, by content hash
 * (`source_files`; its bytes here, or NULL when they sit in a shared folder given by `--store`),
 * and the workers that read them sign in (`queue_workers`: what `status` shows as workers seen,
 * their rate and the ETA). The jobs themselves are pg-boss's, in its own schema.
 */
export const sql = `
CREATE TABLE IF NOT EXISTS source_files (
  sha256 TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  path TEXT NOT NULL,
  size INTEGER NOT NULL,
  bytes BLOB,
  store_dir TEXT,
  stored_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS queue_workers (
  id TEXT PRIMARY KEY,
  host TEXT NOT NULL,
  pid INTEGER NOT NULL,
  started_at TEXT NOT NULL,
  seen_at TEXT NOT NULL,
  documents INTEGER NOT NULL DEFAULT 0,
  failed INTEGER NOT NULL DEFAULT 0,
  stopped_at TEXT
);
`;
