/**
 * Confidence of a fact from the names of the rules that fired (its evidence). Weights are data;
 * they are calibrated with `npm run eval` (precision per confidence bucket), not by hand per case.
 */
export const EVIDENCE_WEIGHTS: Record<string, number> = {
  'number:digits': 0.1,
  'number:mixed': 0.05,
  'number:words': -0.1,
  'unit:percent': 0.3,
  'unit:money': 0.3,
  'unit:noun': 0.25,
  'unit:rate': 0.25,
  'unit:measure': 0.1,
  'unit:guessed': -0.2,
  'unit:inferred': -0.05,
  'unit:none': -0.1,
  'shape:ratio': 0.05,
  'shape:range': 0.05,
  'period:unknown': -0.1,
  'metric:none': -0.1,
  'separator:ambiguous': -0.15,
  'value:leading-zero': 0.02,
};

const BASE = 0.5;
/** Added once when the period was resolved and once when a metric phrase was found. */
const RESOLVED_BONUS = 0.04;

/** Confidence in [0.05, 0.99]; an OCR confidence scales it down. */
export function confidenceOf(evidence: string[], ocrConfidence?: number): number {
  let score = BASE;
  for (const e of new Set(evidence)) score += EVIDENCE_WEIGHTS[e] ?? 0;
  if (evidence.some((e) => e.startsWith('period:') && e !== 'period:unknown')) score += RESOLVED_BONUS;
  if (!evidence.includes('metric:none')) score += RESOLVED_BONUS;
  if (ocrConfidence !== undefined) score *= 0.6 + 0.4 * ocrConfidence;
  return Math.round(Math.min(0.99, Math.max(0.05, score)) * 1000) / 1000;
}
