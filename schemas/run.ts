import { z } from './zod.js';
import { jsonText } from './json-text.js';

/** A file an ingest run could not store, and why. */
export const RunFailure = z.object({ file: z.string(), reason: z.string() });
export type RunFailure = z.infer<typeof RunFailure>;

/** One ingest run as the `runs` table keeps it (updated as the run goes, so a killed run still shows). */
export const RunRecord = z
  .object({
    id: z.number().int(),
    started_at: z.string(),
    finished_at: z.string().nullable(),
    extractor_version: z.string(),
    command: z.string(),
    files_seen: z.number().int().nonnegative(),
    stored: z.number().int().nonnegative(),
    skipped: z.number().int().nonnegative(),
    failed: z.number().int().nonnegative(),
    failures_json: jsonText(z.array(RunFailure)),
  })
  .transform(({ failures_json, ...run }) => ({ ...run, failures: failures_json }));
export type RunRecord = z.infer<typeof RunRecord>;
