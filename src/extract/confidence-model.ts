import { z } from '../../schemas/zod.js';
import { confidenceFeatures, type ConfidenceInput } from './confidence-features.js';
import { CONFIDENCE_WEIGHTS } from './confidence-weights.js';

/**
 * Confidence of a fact: the probability that it is right in every field (value, unit, metric,
 * period, aspect, qualifier), from a logistic regression over the features of
 * `confidence-features.ts`. The weights are data (`confidence-weights.ts`, written by the fit script), fit by
 * `npx tsx scripts/fit-confidence.ts` on the gold sets and evaluated there by leave-one-document-out
 * cross-validation; the model's version is stored with every fact (evidence `model:<version>`).
 */
export const ConfidenceWeights = z.object({
  version: z.string(),
  fitted: z.string(),
  bias: z.number(),
  weights: z.record(z.string(), z.number()),
  /** Held-out figures measured when the weights were fit (for the README and the review UI). */
  heldOut: z.record(z.string(), z.number().nullable()).optional(),
});
export type ConfidenceWeights = z.infer<typeof ConfidenceWeights>;

let loaded: ConfidenceWeights | undefined;

/** The shipped weights (read once). */
export function confidenceWeights(): ConfidenceWeights {
  loaded ??= ConfidenceWeights.parse(CONFIDENCE_WEIGHTS);
  return loaded;
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** The model's probability for a set of active features. */
export function probabilityOf(features: readonly string[], model: Pick<ConfidenceWeights, 'bias' | 'weights'>): number {
  let z = model.bias;
  for (const f of features) z += model.weights[f] ?? 0;
  return sigmoid(z);
}

/** Confidence in [0.01, 0.99]; a page read by OCR scales it by the page's mean word confidence. */
export function confidenceOf(fact: ConfidenceInput, ocrConfidence?: number, model: ConfidenceWeights = confidenceWeights()): number {
  let p = probabilityOf(confidenceFeatures(fact), model);
  if (ocrConfidence !== undefined) p *= 0.6 + 0.4 * ocrConfidence;
  return Math.round(Math.min(0.99, Math.max(0.01, p)) * 1000) / 1000;
}

/** The evidence name that records which model gave a fact its confidence. */
export function modelEvidence(model: ConfidenceWeights = confidenceWeights()): string {
  return `model:${model.version}`;
}

/** A fact with the model's confidence and the model's version in its evidence (the OCR confidence of its page, if read by OCR). */
export function withModelConfidence<F extends ConfidenceInput & { confidence: number }>(fact: F, ocrConfidence?: number): F {
  const evidence = fact.evidence.filter((e) => !e.startsWith('model:'));
  return { ...fact, confidence: confidenceOf({ ...fact, evidence }, ocrConfidence), evidence: [...evidence, modelEvidence()] };
}
