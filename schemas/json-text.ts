import { z } from './zod.js';

/**
 * A JSON text column (`evidence`, `pages_json`, `before_json` …) read back into its shape: the
 * text is parsed, then checked against `schema`. Text that is not JSON is an issue, not a throw.
 */
export function jsonText<T extends z.ZodType>(schema: T) {
  return z
    .string()
    .transform((text, ctx): unknown => {
      try {
        return JSON.parse(text) as unknown;
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: `not JSON: ${err instanceof Error ? err.message : String(err)}` });
        return z.NEVER;
      }
    })
    .pipe(schema);
}
