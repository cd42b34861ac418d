import { z } from './zod.js';

/**
 * How the read stage asked for a page image to be read (the OCR engine's `RecognizeOptions`),
 * stored with the image so that a page job on another machine reads it exactly as the plain
 * path would have.
 */
export const PageReadOptions = z
  .object({
    dpi: z.number().positive().optional(),
    deskew: z.boolean().optional(),
    source: z.string().optional(),
    page: z.number().int().positive(),
  })
  .strict();
export type PageReadOptions = z.infer<typeof PageReadOptions>;

/** A job of the page queue: OCR one page of a stored scan, or, its pages all read, assemble and commit the document. */
export const PageJob = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('page'), sha256: z.string().regex(/^[0-9a-f]{64}$/), name: z.string(), scan: z.string(), page: z.number().int().positive() }),
  z.object({ kind: z.literal('assemble'), sha256: z.string().regex(/^[0-9a-f]{64}$/), name: z.string(), scan: z.string() }),
]);
export type PageJob = z.infer<typeof PageJob>;
