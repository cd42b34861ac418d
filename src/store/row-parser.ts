import type { z } from '../../schemas/zod.js';

/**
 * Rows read from the database, checked against their schema (never cast): a row that does not
 * fit names the query and the first problem, so a damaged or foreign database fails loudly.
 */
export function parseRows<T extends z.ZodType>(schema: T, rows: unknown[], what: string): z.infer<T>[] {
  return rows.map((row) => parseRow(schema, row, what));
}

/** One row that must be there (a count, or a row its foreign key guarantees). */
export function parseRow<T extends z.ZodType>(schema: T, row: unknown, what: string): z.infer<T> {
  if (row === undefined) throw new Error(`no stored ${what} row where one must be; the database was changed outside solieu`);
  const parsed = schema.safeParse(row);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(
    `a stored ${what} row does not fit its schema (${issue?.path.join('.') || 'row'}: ${issue?.message}); the database was changed outside solieu`,
  );
}

/** One row, or undefined when the query found none. */
export function parseOptionalRow<T extends z.ZodType>(schema: T, row: unknown, what: string): z.infer<T> | undefined {
  return row === undefined ? undefined : parseRow(schema, row, what);
}
