import { z } from 'zod';
import { FactFields, FactStatus } from './fact.js';

/** The reviewable state of a fact: its editable fields plus its review status. */
export const CorrectionState = FactFields.extend({ status: FactStatus });
export type CorrectionState = z.infer<typeof CorrectionState>;

export const CorrectionAction = z.enum(['accept', 'correct', 'reject', 'undo']);
export type CorrectionAction = z.infer<typeof CorrectionAction>;

/** One append-only audit entry: who decided what about which fact, before and after. */
export const Correction = z.object({
  id: z.number().int(),
  doc_id: z.string(),
  fact_start: z.number().int().nonnegative(),
  fact_end: z.number().int().nonnegative(),
  quote: z.string(),
  action: CorrectionAction,
  before: CorrectionState,
  after: CorrectionState,
  reviewer: z.string().min(1),
  at: z.string(),
});
export type Correction = z.infer<typeof Correction>;
