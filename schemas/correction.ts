import { z } from './zod.js';
import { FactFields, FactStatus } from './fact.js';

/** The reviewable state of a fact: its editable fields plus its review status. */
export const CorrectionState = FactFields.extend({ status: FactStatus });
export type CorrectionState = z.infer<typeof CorrectionState>;

export const CorrectionAction = z.enum(['accept', 'correct', 'reject', 'undo']);
export type CorrectionAction = z.infer<typeof CorrectionAction>;

/** Which fact a correction is about and what was done: shared by the entry and its stored row. */
const CorrectionHead = z.object({
  id: z.number().int(),
  doc_id: z.string(),
  fact_start: z.number().int().nonnegative(),
  fact_end: z.number().int().nonnegative(),
  quote: z.string(),
  action: CorrectionAction,
  at: z.string(),
});

/** One append-only audit entry: who decided what about which fact, before and after. */
export const Correction = CorrectionHead.extend({
  before: CorrectionState,
  after: CorrectionState,
  reviewer: z.string().min(1),
});
export type Correction = z.infer<typeof Correction>;

/** A row of the `corrections` table as stored: before and after as JSON text. */
export const CorrectionRow = CorrectionHead.extend({
  before_json: z.string(),
  after_json: z.string(),
  reviewer: z.string(),
});
export type CorrectionRow = z.infer<typeof CorrectionRow>;
