import { z } from './zod.js';
import { FactStatus } from './fact.js';
import { jsonText } from './json-text.js';

/** One fact of the review queue (the list the reviewer works down). */
export const QueueItem = z.object({
  id: z.number().int(),
  version: z.number().int().positive(),
  doc_id: z.string(),
  file: z.string(),
  quote: z.string(),
  metric: z.string(),
  metric_id: z.string().nullable(),
  value: z.number(),
  unit: z.string(),
  confidence: z.number(),
  status: FactStatus,
  page: z.number().int(),
  section: z.string(),
});
export type QueueItem = z.infer<typeof QueueItem>;

/** Facts matching a filter, by status: `auto` is what is left to review. */
export interface QueueCounts {
  auto: number;
  accepted: number;
  corrected: number;
  rejected: number;
}

/** A count of facts with one status. */
export const StatusCount = z.object({ status: FactStatus, n: z.number().int().nonnegative() });
export type StatusCount = z.infer<typeof StatusCount>;

/** A document the queue can be narrowed to. */
export const QueueDocument = z.object({ doc_id: z.string(), file: z.string(), title: z.string() });
export type QueueDocument = z.infer<typeof QueueDocument>;

export interface Queue {
  facts: QueueItem[];
  /** Facts matching the whole filter (the page shows `limit` of them from `offset`). */
  total: number;
  /** Facts matching the filter apart from status, by status: `auto` is what is left to review. */
  counts: QueueCounts;
  documents: QueueDocument[];
}

/** The stored columns of a fact the fact panel shows beside its reviewable state. */
export const FactPlaceRow = z.object({
  page: z.number().int(),
  /** The box as stored (JSON), when the fact has one; the panel shows it only when it is a valid box. */
  bbox: z.string().nullable(),
  section: z.string(),
  confidence: z.number(),
  evidence: jsonText(z.array(z.string())),
});
export type FactPlaceRow = z.infer<typeof FactPlaceRow>;

/** The stored document of a fact, as the fact panel needs it (its text for the sentence). */
export const FactDocumentRow = z.object({
  id: z.string(),
  name: z.string(),
  path: z.string(),
  title: z.string(),
  province: z.string(),
  report_period: z.string(),
  page_count: z.number().int().nonnegative(),
  /** Only what the panel reads of each page: its number and how its text was obtained. */
  pages_json: jsonText(z.array(z.object({ page: z.number().int(), origin: z.string().optional() }))),
  text: z.string(),
});
export type FactDocumentRow = z.infer<typeof FactDocumentRow>;
