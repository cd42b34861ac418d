import { z } from './zod.js';
import { FactStatus } from './fact.js';

/** A fact as the document view lists it beside its page: where it is (page, box, span) and what it says. */
export const DocumentFactRow = z.object({
  id: z.number().int(),
  version: z.number().int().positive(),
  page: z.number().int(),
  /** The box as stored (JSON), when the fact has one. */
  bbox: z.string().nullable(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  quote: z.string(),
  value: z.number(),
  unit: z.string(),
  metric: z.string(),
  metric_id: z.string().nullable(),
  period: z.string(),
  confidence: z.number(),
  status: FactStatus,
  table_row: z.string(),
  table_column: z.string(),
});
export type DocumentFactRow = z.infer<typeof DocumentFactRow>;

/** The row and column labels of a table fact ('' for a fact from a sentence). */
export const FactCellLabels = z.object({ doc_id: z.string(), start: z.number().int(), end: z.number().int(), table_row: z.string(), table_column: z.string() });
export type FactCellLabels = z.infer<typeof FactCellLabels>;
