import { z } from '../schemas/zod.js';
import type { NamedStage } from '../src/core/stage.js';
import { parseOptions } from '../src/core/stage.js';
import { createReadStage, ReadOptions, type ReadServices } from '../src/read/read-stage.js';
import { DEFAULT_INFLATE_LIMITS } from '../src/read/inflate-limits.js';
import { createNormalizeStage, NormalizeOptions } from '../src/normalize/normalize-stage.js';
import { createSegmentStage, SegmentOptions } from '../src/segment/segment-stage.js';
import { createExtractStage, ExtractOptions } from '../src/extract/extract-stage.js';
import { createResolveStage, ResolveOptions } from '../src/resolve/resolve-stage.js';
import { createScoreStage, ScoreOptions } from '../src/extract/score-stage.js';
import { createLocateStage, LocateOptions } from '../src/locate/locate-stage.js';

// In its own module so that `solieu ingest`'s main thread, which only stores what the worker
// threads send, knows the version without loading every stage.
export { PIPELINE_VERSION } from './pipeline-version.js';

/** `false` / `true` alone stand for `{ enabled }`; nothing, for the stage's defaults. */
const onOff = (v: unknown) => (v === undefined ? {} : typeof v === 'boolean' ? { enabled: v } : v);
const ENABLED = { enabled: z.boolean().default(true) };

/**
 * A stage's section of the pipeline's options: the stage's own schema (its factory validates its
 * part again) with `enabled` beside it. The `enabled` flags are the pipeline's: all of them are
 * here, and they are taken off before a stage's options reach its factory.
 */
type Section<S extends z.ZodType> = boolean | (Omit<z.input<S>, 'enabled'> & { enabled?: boolean });

/**
 * Every option of the report pipeline, one section per stage, in the order they run, and the
 * services they share: the one options object `solieu ingest`'s workers, `npm run eval` and
 * `npm run bench` build their pipelines from (through `createReportPipeline` here and
 * `createReportRunner` in report-runner.ts, the only places a pipeline is assembled). Read and
 * normalize and segment always run; a later stage switched off (`extract: false`) switches off
 * those that need its output.
 */
export const ReportPipelineOptions = z
  .object({
    read: ReadOptions.default({ ocr: 'auto', ocrEngine: 'auto', maxBytes: 200 * 1024 * 1024, limits: DEFAULT_INFLATE_LIMITS }),
    /** The OCR scheduler the read stage shares across a batch: how many OCR workers it runs (the engine is `read.ocrEngine`). */
    ocr: z
      .object({ workers: z.number().int().positive().default(1) })
      .strict()
      .default({ workers: 1 }),
    normalize: z.preprocess(onOff, NormalizeOptions.extend(ENABLED)),
    segment: z.preprocess(onOff, SegmentOptions.extend(ENABLED)),
    /** Switch stages off without editing the list (e.g. `extract: false` to check segmentation only). */
    extract: z.preprocess(onOff, ExtractOptions.extend(ENABLED).strict()),
    resolve: z.preprocess(onOff, ResolveOptions.extend(ENABLED).strict()),
    locate: z.preprocess(onOff, LocateOptions.extend(ENABLED)),
    score: z.preprocess(onOff, ScoreOptions.extend(ENABLED).strict()),
  })
  .strict();

/** The pipeline's options as callers write them (every part optional). */
export interface ReportPipelineOptions {
  read?: ReadOptions;
  ocr?: { workers?: number };
  normalize?: Section<typeof NormalizeOptions>;
  segment?: Section<typeof SegmentOptions>;
  extract?: Section<typeof ExtractOptions>;
  resolve?: Section<typeof ResolveOptions>;
  locate?: Section<typeof LocateOptions>;
  score?: Section<typeof ScoreOptions>;
}
export type ParsedReportPipelineOptions = z.output<typeof ReportPipelineOptions>;

/** A section's options for its stage's factory: without the pipeline's `enabled`. */
function stageOptions<T extends { enabled: boolean }>(s: T): Omit<T, 'enabled'> {
  const { enabled: _enabled, ...rest } = s;
  return rest;
}

/** Parse the pipeline's options (defaults filled in); a programmer error throws with the fix. */
export function parseReportPipelineOptions(options: ReportPipelineOptions = {}): ParsedReportPipelineOptions {
  return parseOptions('report-pipeline', ReportPipelineOptions, options);
}

/** The default report pipeline: read → normalize → segment → extract → resolve → locate → score. */
export function createReportPipeline(options: ReportPipelineOptions = {}, services: ReadServices = {}): NamedStage[] {
  const opts = parseReportPipelineOptions(options);
  const stages: NamedStage[] = [
    { name: 'read', run: createReadStage(opts.read, services) },
    { name: 'normalize', run: createNormalizeStage(stageOptions(opts.normalize)) },
    { name: 'segment', run: createSegmentStage(stageOptions(opts.segment)) },
  ];
  if (!opts.extract.enabled) return stages;
  stages.push({ name: 'extract', run: createExtractStage(stageOptions(opts.extract)) });
  if (opts.resolve.enabled) stages.push({ name: 'resolve', run: createResolveStage(stageOptions(opts.resolve)) });
  // each fact's box on its page, from the positions the readers kept
  if (opts.locate.enabled) stages.push({ name: 'locate', run: createLocateStage(stageOptions(opts.locate)) });
  // confidence last, once every stage has added its evidence
  if (opts.score.enabled) stages.push({ name: 'score', run: createScoreStage(stageOptions(opts.score)) });
  return stages;
}
