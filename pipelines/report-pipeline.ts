import { z } from 'zod';
import type { NamedStage } from '../src/core/stage.js';
import { parseOptions } from '../src/core/stage.js';
import { createReadStage, ReadOptions, type ReadServices } from '../src/read/read-stage.js';
import { DEFAULT_INFLATE_LIMITS } from '../src/read/inflate-limits.js';
import { createNormalizeStage } from '../src/normalize/normalize-stage.js';
import { createSegmentStage } from '../src/segment/segment-stage.js';
import { createExtractStage } from '../src/extract/extract-stage.js';
import { createResolveStage } from '../src/resolve/resolve-stage.js';
import { createScoreStage } from '../src/extract/score-stage.js';
import { createLocateStage } from '../src/locate/locate-stage.js';

// In its own module so that `solieu ingest`'s main thread, which only stores what the worker
// threads send, knows the version without loading every stage.
export { PIPELINE_VERSION } from './pipeline-version.js';

export const ReportPipelineOptions = z.object({
  read: ReadOptions.default({ ocr: 'auto', ocrEngine: 'auto', maxBytes: 200 * 1024 * 1024, limits: DEFAULT_INFLATE_LIMITS }),
  /** Switch stages off without editing the list (e.g. `extract: false` to check segmentation only). */
  extract: z.boolean().default(true),
  resolve: z.boolean().default(true),
});
export type ReportPipelineOptions = z.input<typeof ReportPipelineOptions>;

/** The default report pipeline: read → normalize → segment → extract → resolve → locate → score. */
export function createReportPipeline(options: ReportPipelineOptions = {}, services: ReadServices = {}): NamedStage[] {
  const opts = parseOptions('report-pipeline', ReportPipelineOptions, options);
  const stages: NamedStage[] = [
    { name: 'read', run: createReadStage(opts.read, services) },
    { name: 'normalize', run: createNormalizeStage() },
    { name: 'segment', run: createSegmentStage() },
  ];
  if (opts.extract) stages.push({ name: 'extract', run: createExtractStage() });
  if (opts.extract && opts.resolve) stages.push({ name: 'resolve', run: createResolveStage() });
  // each fact's box on its page, from the positions the readers kept
  if (opts.extract) stages.push({ name: 'locate', run: createLocateStage() });
  // confidence last, once every stage has added its evidence
  if (opts.extract) stages.push({ name: 'score', run: createScoreStage() });
  return stages;
}
