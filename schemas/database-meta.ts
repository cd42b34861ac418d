import { z } from './zod.js';

/** The newest applied migration (`SELECT MAX(version) AS v FROM schema_migrations`); null before any. */
export const SchemaVersionRow = z.object({ v: z.number().int().nullable() });

/** A table's name in `sqlite_master`. */
export const TableNameRow = z.object({ name: z.string() });
