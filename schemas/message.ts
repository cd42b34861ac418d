import { z } from './zod.js';

/** Severity of a message, after vfile: info (note), warn (something degraded), fail (the document failed). */
export const Severity = z.enum(['info', 'warn', 'fail']);
export type Severity = z.infer<typeof Severity>;

/** Where in a document a message is about: page (1-based) and/or a half-open span of the document text. */
export const Place = z.object({
  page: z.number().int().positive().optional(),
  start: z.number().int().nonnegative().optional(),
  end: z.number().int().nonnegative().optional(),
});
export type Place = z.infer<typeof Place>;

/** A message is data: stored with the document and its facts, never only logged. `rule` is `stage:rule`. */
export const Message = z.object({
  severity: Severity,
  reason: z.string().min(1),
  rule: z.string().regex(/^[a-z0-9-]+:[a-z0-9-]+$/, 'rule must look like stage:rule'),
  place: Place.optional(),
});
export type Message = z.infer<typeof Message>;
