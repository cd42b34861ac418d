import { z } from './zod.js';

/** [x0, y0, x1, y1] in page units (PDF points, or pixels for OCR images), origin top-left. */
export const BBox = z.tuple([z.number(), z.number(), z.number(), z.number()]);
export type BBox = z.infer<typeof BBox>;

/**
 * Provenance of a block or fact: the source file, the 1-based page, and a half-open
 * character span [start, end) into the document's normalized text (`Document.text`).
 */
export const Provenance = z.object({
  source: z.string(),
  page: z.number().int().positive(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  bbox: BBox.optional(),
});
export type Provenance = z.infer<typeof Provenance>;
