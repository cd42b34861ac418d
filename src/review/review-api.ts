import { z } from '../../schemas/zod.js';
import { CorrectionAction } from '../../schemas/correction.js';
import { FactStatus } from '../../schemas/fact.js';
import { correctionsOf } from '../store/correction-history.js';
import { FieldPatch, recordDecision } from '../store/correction-log.js';
import type { Db } from '../store/db.js';
import { reviewQueue } from '../store/review-query.js';
import { baseOfUnit } from '../extract/unit-base.js';
import { factDetail } from './fact-detail.js';
import { outlierFacts } from './outlier-index.js';
import { tableContext } from './table-context.js';
import type { FactFilter } from '../store/fact-filter.js';
import { queueItemsByIds } from '../store/review-view-query.js';

/** A JSON answer of the API. */
export interface JsonReply {
  status: number;
  body: unknown;
}

/** An empty query parameter means "not given". */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const Confidence = z.coerce.number().min(0, 'confidence is between 0 and 1').max(1, 'confidence is between 0 and 1');

export const QueueQuery = z
  .object({
    doc: optional(z.string().max(1000)),
    metric: optional(z.string().max(500)),
    /** Comma-separated statuses, or `all`. */
    status: optional(
      z
        .string()
        .max(100)
        .transform((s, ctx) => {
          if (s === 'all') return undefined;
          const parts = s.split(',').map((p) => p.trim());
          const parsed = z.array(FactStatus).safeParse(parts);
          if (!parsed.success) {
            ctx.addIssue({ code: 'custom', message: `status must be "all" or a comma-separated list of ${FactStatus.options.join(', ')}` });
            return z.NEVER;
          }
          return parsed.data;
        }),
    ),
    minConfidence: optional(Confidence),
    maxConfidence: optional(Confidence),
    limit: optional(z.coerce.number().int().min(1).max(500)).transform((v) => v ?? 200),
    offset: optional(z.coerce.number().int().min(0)).transform((v) => v ?? 0),
  })
  .strict();

/** Longest metric phrase a reviewer may write (the longest in the gold sets is under 200 characters). */
export const MAX_METRIC_LENGTH = 500;
/** Longest unit a reviewer may write. */
export const MAX_UNIT_LENGTH = 100;

/** The fields of a correction, with lengths bounded (a 60k-character metric is refused, not stored). */
const DecisionFields = FieldPatch.extend({
  metric: z.string().max(MAX_METRIC_LENGTH, `metric: at most ${MAX_METRIC_LENGTH} characters`).optional(),
  unit: z.string().max(MAX_UNIT_LENGTH, `unit: at most ${MAX_UNIT_LENGTH} characters`).optional(),
  base_unit: z.string().max(MAX_UNIT_LENGTH, `base_unit: at most ${MAX_UNIT_LENGTH} characters`).optional(),
}).strict();

export const DecisionBody = z
  .object({
    expectedVersion: z.number().int().positive(),
    action: CorrectionAction,
    fields: DecisionFields.optional(),
    reviewer: z.string().trim().min(1).max(100).optional(),
  })
  .strict();

type Fields = z.infer<typeof DecisionFields>;

/**
 * A correction of the unit or the value carries the base columns that follow from it, unless the
 * reviewer set them too: a new unit is read by the extractor's unit reader (`triệu đồng` →
 * value × 10⁶ VND), a new value in the same unit scales the base value with it.
 */
async function withBase(db: Db, factId: number, fields: Fields): Promise<Fields> {
  if (fields.base_unit !== undefined || fields.base_value !== undefined) return fields;
  if (fields.unit === undefined && fields.value === undefined) return fields;
  const current = (await factDetail(db, factId))?.fact;
  if (!current) return fields;
  const value = fields.value ?? current.value;
  if (fields.unit !== undefined && fields.unit !== current.unit) return { ...fields, ...baseOfUnit(value, fields.unit) };
  if (current.value !== 0) return { ...fields, base_value: Math.round(((current.base_value * value) / current.value) * 1e6) / 1e6 };
  return { ...fields, ...baseOfUnit(value, current.unit) };
}

/** A zod failure as a 400 answer with one line per problem. */
export function badRequest(error: z.ZodError, what: string): JsonReply {
  const issues = error.issues.map((i) => `${i.path.join('.') || what}: ${i.message}`);
  return { status: 400, body: { error: `invalid ${what}`, issues } };
}

export function notFound(what: string): JsonReply {
  return { status: 404, body: { error: `${what} not found` } };
}

export async function getQueue(db: Db, query: URLSearchParams): Promise<JsonReply> {
  const params: Record<string, string> = {};
  for (const [k, v] of query) {
    if (k in params) return { status: 400, body: { error: 'invalid query', issues: [`${k}: given more than once`] } };
    params[k] = v;
  }
  const parsed = QueueQuery.safeParse(params);
  if (!parsed.success) return badRequest(parsed.error, 'query');
  const { status, ...rest } = parsed.data;
  const queue = await reviewQueue(db, { ...rest, ...(status ? { status } : {}) });
  // values that break their series come first (the number most likely wrong), then by confidence
  const outliers = await outlierFacts(db);
  if (outliers.size === 0) return { status: 200, body: queue };
  const filter: FactFilter = {
    ...(rest.doc ? { docId: rest.doc } : {}),
    ...(rest.metric ? { metricIdOrPhrase: rest.metric } : {}),
    ...(rest.minConfidence !== undefined ? { minConfidence: rest.minConfidence } : {}),
    ...(rest.maxConfidence !== undefined ? { maxConfidence: rest.maxConfidence } : {}),
    ...(status ? { status } : {}),
  };
  const pinned = rest.offset === 0 ? await queueItemsByIds(db, [...outliers.keys()], filter) : [];
  const facts = [...pinned.map((f) => ({ ...f, outlier: outliers.get(f.id) })), ...queue.facts.filter((f) => !outliers.has(f.id))];
  return { status: 200, body: { ...queue, facts } };
}

export async function getFact(db: Db, factId: number): Promise<JsonReply> {
  const detail = await factDetail(db, factId);
  if (!detail) return notFound(`fact ${factId}`);
  const outlier = (await outlierFacts(db)).get(factId) ?? null;
  return { status: 200, body: { ...detail, table: await tableContext(db, factId), outlier } };
}

export async function getHistory(db: Db, factId: number): Promise<JsonReply> {
  const detail = await factDetail(db, factId);
  if (!detail) return notFound(`fact ${factId}`);
  return { status: 200, body: { fact_id: factId, corrections: (await correctionsOf(db, factId))?.corrections ?? [] } };
}

/** POST decision: 200 with the new state, 409 with the newer one, 400 for bad input, 404 for an unknown fact. */
export async function postDecision(db: Db, factId: number, body: unknown, defaultReviewer: string): Promise<JsonReply> {
  const parsed = DecisionBody.safeParse(body);
  if (!parsed.success) return badRequest(parsed.error, 'decision');
  const d = parsed.data;
  const fields = d.action === 'correct' && d.fields ? await withBase(db, factId, d.fields) : d.fields;
  const result = await recordDecision(db, {
    factId,
    expectedVersion: d.expectedVersion,
    action: d.action,
    ...(fields ? { fields } : {}),
    reviewer: d.reviewer ?? defaultReviewer,
  });
  if ('notFound' in result) return notFound(`fact ${factId}`);
  if ('conflict' in result) {
    return {
      status: 409,
      body: {
        error: `fact ${factId} was changed by someone else (now version ${result.current.version}); review the current state and decide again`,
        current: result.current,
      },
    };
  }
  if ('invalid' in result) return { status: 400, body: { error: 'invalid decision', issues: result.issues } };
  return { status: 200, body: result };
}
