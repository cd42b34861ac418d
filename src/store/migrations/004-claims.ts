/**
 * A file an ingest is reading, claimed by its content hash before the read, so that a second
 * ingest of the same folder started meanwhile skips it instead of reading it again.
 */
export const sql = `
CREATE TABLE IF NOT EXISTS claims (
  sha256 TEXT PRIMARY KEY,
  pid INTEGER NOT NULL,
  host TEXT NOT NULL,
  claimed_at TEXT NOT NULL
);
`;
