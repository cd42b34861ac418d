import type Database from 'better-sqlite3';
import { SchemaVersionRow } from '../../schemas/database-meta.js';
import { MIGRATIONS, type Migration } from './migrations/index.js';
import { parseRow } from './row-parser.js';

/**
 * Bring a database to the newest schema, one numbered migration at a time, each in its own
 * transaction. An old database is upgraded in place; one newer than this program is refused.
 */
export function migrate(db: Database.Database, migrations: Migration[] = MIGRATIONS): { from: number; to: number } {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const row = parseRow(SchemaVersionRow, db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get(), 'schema version');
  const from = row.v ?? 0;
  const newest = migrations.at(-1)?.version ?? 0;
  if (from > newest) {
    throw new Error(`database schema version ${from} is newer than this solieu (${newest}); upgrade solieu`);
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const m of migrations) {
    if (m.version <= from) continue;
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.version, m.name, new Date().toISOString());
    })();
  }
  return { from, to: Math.max(from, newest) };
}
