import type { Fact } from '../../schemas/fact.js';
import type { Matching } from './matcher.js';

export const FIELDS = ['base_value', 'base_unit', 'of', 'aspect', 'direction', 'approx', 'period'] as const;
export type Field = (typeof FIELDS)[number];

export interface Prf {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Bucket {
  range: string;
  facts: number;
  correct: number;
  precision: number;
}

export interface Score {
  overall: Prf;
  byKind: Record<string, Prf>;
  fields: Record<Field, { correct: number; total: number; accuracy: number }>;
  buckets: Bucket[];
  /** Share of all false positives found among the lowest-confidence fifth of the facts. */
  lowestFifthErrorShare: number;
}

export function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision, recall, f1 };
}

function fieldEqual(field: Field, fact: Fact, gold: Record<string, unknown>): boolean {
  const g = gold[field] ?? null;
  const f = fact[field] ?? null;
  if (field === 'base_value' && typeof g === 'number' && typeof f === 'number') return Math.abs(f - g) <= 1e-9 * Math.max(1, Math.abs(g));
  if (field === 'base_unit' && typeof g === 'string' && typeof f === 'string') return f.toLowerCase() === g.toLowerCase();
  return f === g;
}

const BUCKETS: [number, number][] = [[0, 0.5], [0.5, 0.7], [0.7, 0.8], [0.8, 0.9], [0.9, 1.01]];

/** Score one or more matchings together. */
export function score(matchings: Matching[]): Score {
  const pairs = matchings.flatMap((m) => m.pairs);
  const missed = matchings.flatMap((m) => m.missed);
  const fps = matchings.flatMap((m) => m.falsePositives);
  const overall = prf(pairs.length, fps.length, missed.length);
  const kinds = new Set([...pairs.map((p) => p.gold.gold.kind), ...missed.map((m) => m.gold.kind), ...fps.map((f) => f.kind)]);
  const byKind: Record<string, Prf> = {};
  for (const k of [...kinds].sort()) {
    byKind[k] = prf(pairs.filter((p) => p.gold.gold.kind === k).length, fps.filter((f) => f.kind === k).length, missed.filter((m) => m.gold.kind === k).length);
  }
  const fields = {} as Score['fields'];
  for (const field of FIELDS) {
    const correct = pairs.filter((p) => fieldEqual(field, p.fact, p.gold.gold as unknown as Record<string, unknown>)).length;
    fields[field] = { correct, total: pairs.length, accuracy: pairs.length ? correct / pairs.length : 1 };
  }
  const scored = [...pairs.map((p) => ({ c: p.fact.confidence, ok: true })), ...fps.map((f) => ({ c: f.confidence, ok: false }))];
  const buckets = BUCKETS.map(([lo, hi]) => {
    const inside = scored.filter((s) => s.c >= lo && s.c < hi);
    const correct = inside.filter((s) => s.ok).length;
    return { range: `${lo.toFixed(1)}–${Math.min(hi, 1).toFixed(1)}`, facts: inside.length, correct, precision: inside.length ? correct / inside.length : 1 };
  });
  const sorted = [...scored].sort((a, b) => a.c - b.c);
  const fifth = sorted.slice(0, Math.ceil(sorted.length / 5));
  const errors = scored.filter((s) => !s.ok).length;
  const lowestFifthErrorShare = errors ? fifth.filter((s) => !s.ok).length / errors : 1;
  return { overall, byKind, fields, buckets, lowestFifthErrorShare };
}
