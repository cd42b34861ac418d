import { z } from './zod.js';
import { FactFields, ExportRow, FactStatus } from './fact.js';
import { jsonText } from './json-text.js';

/** A stored fact with its document and section context, reviewed values, in export-row shape. */
export const StoredFactRow = z.object({
  id: z.number().int(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  version: z.number().int().positive(),
  evidence: jsonText(z.array(z.string())),
  ...ExportRow.shape,
});
export type StoredFactRow = z.infer<typeof StoredFactRow>;

/** The reviewable state of one stored fact, with what locates it and its version. */
export const FactState = z.object({
  id: z.number().int(),
  doc_id: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  quote: z.string(),
  version: z.number().int().positive(),
  status: FactStatus,
  ...FactFields.shape,
  /** As stored: a stored fact is read even if its period is not in the notation a correction must use. */
  period: z.string(),
});
export type FactState = z.infer<typeof FactState>;

/** A stored fact's metric phrase and canonical metric (what `metrics --unmatched` counts). */
export const FactMetricRow = z.object({ metric: z.string(), metric_id: z.string().nullable() });
export type FactMetricRow = z.infer<typeof FactMetricRow>;

/** What locates a stored fact among the facts with its quote (corrections find their fact by it). */
export const FactKey = z.object({ id: z.number().int(), start: z.number().int().nonnegative() });
export type FactKey = z.infer<typeof FactKey>;

/** Where a stored fact sits: its document, quote and start (what its corrections are recorded by). */
export const FactAnchor = z.object({ id: z.number().int(), doc_id: z.string(), quote: z.string(), start: z.number().int().nonnegative() });
export type FactAnchor = z.infer<typeof FactAnchor>;

/** A freshly stored fact a correction may belong to. */
export const QuotedFactKey = FactKey.extend({ quote: z.string() });
export type QuotedFactKey = z.infer<typeof QuotedFactKey>;
