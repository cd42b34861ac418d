/**
 * Where a command's database is, from its `--db`: light on purpose (no driver, no Kysely), so a
 * command can name and check its database before it loads what opens it (open-db.ts).
 */

/** The help of every command's `--db`. */
export const DB_HELP = 'SQLite database file, or a PostgreSQL database as postgres://user:password@host:port/name (default: $SOLIEU_DB, else solieu.db)';

/** The database a command uses: `--db`, else the environment variable `SOLIEU_DB`, else `solieu.db`. */
export function dbLocation(flag: string | undefined): string {
  return flag ?? (process.env.SOLIEU_DB?.trim() || 'solieu.db');
}

/** Is this `--db` a PostgreSQL connection URL rather than an SQLite file path? */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}
