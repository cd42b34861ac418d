import type { z } from '../../schemas/zod.js';
import type { Document } from '../../schemas/document.js';
import type { SourceFile } from './source-file.js';

/** A stage is a function from document to document; the source file travels beside it. */
export type Stage = (doc: Document, file: SourceFile) => Document | Promise<Document>;

/** A named stage, as listed in a pipeline. */
export interface NamedStage {
  name: string;
  run: Stage;
}

/**
 * Validate a stage factory's options with its schema; a programmer error throws with the fix.
 */
export function parseOptions<S extends z.ZodType>(stage: string, schema: S, options: unknown): z.infer<S> {
  const result = schema.safeParse(options ?? {});
  if (!result.success) {
    const detail = result.error.issues.map((i) => `${i.path.join('.') || '(options)'}: ${i.message}`).join('; ');
    throw new TypeError(`${stage}: invalid options — ${detail}. Pass an options object matching the ${stage} schema.`);
  }
  return result.data;
}
