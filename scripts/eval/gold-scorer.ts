/**
 * The maintainers' scorer (`../shared/tools/score.mjs`), ported so that the eval knows, for every
 * prediction, whether it matched a gold fact and which fields were right — what the confidence model
 * is fit on. `run-eval.ts` also runs score.mjs itself on the same predictions and checks that both
 * give the same counts and field accuracies, so the figures printed are the maintainers' figures.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ExportRow } from '../../schemas/fact.js';

/** An exported fact, with the evidence the store keeps beside it when the eval has it. */
export type ScoredRow = ExportRow & { evidence?: string[] };

export type GoldLine = Record<string, unknown> & { quote: string; value: number; kind?: string; optional?: boolean };

export const SCORED_FIELDS = ['base_value', 'base_unit', 'of', 'aspect', 'approx', 'period', 'metric'] as const;
export type ScoredField = (typeof SCORED_FIELDS)[number];

const clean = (s: unknown): string =>
  String(s ?? '')
    .normalize('NFC')
    .replace(/\*+/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
const num = (x: unknown): number | null => (x === null || x === undefined || x === '' ? null : Number(x));
const same = (a: number | null, b: number | null): boolean =>
  a !== null && b !== null && Number.isFinite(a) && Number.isFinite(b) && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

function occurrences(hay: string, needle: string): number[] {
  const out: number[] = [];
  if (!needle) return out;
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) out.push(i);
  return out;
}

const STOP = new Set(['so', 'cua', 'duoc', 'va', 'cac', 'nhung', 'trong', 'tren', 'dia', 'ban', 'tinh', 'da', 'dat', 'la', 'co', 'cho', 'voi', 'the', 'mot']);
const fold = (x: unknown): string =>
  String(x ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase();
/** The content words of a metric phrase, as GUIDELINES scores them. */
export const metricWords = (x: unknown): Set<string> =>
  new Set(
    fold(x)
      .split(/[^a-z0-9]+/)
      .filter((w) => w && !STOP.has(w) && !/^\d+$/.test(w)),
  );

/** GUIDELINES: the metric is right when the content-word token F1 is at least 0.5. */
export function metricOk(gold: unknown, pred: unknown): boolean {
  const a = metricWords(gold);
  const b = metricWords(pred);
  if (!a.size) return true;
  let k = 0;
  for (const w of a) if (b.has(w)) k++;
  const r = k / a.size;
  const p = b.size ? k / b.size : 0;
  return r + p > 0 && (2 * r * p) / (r + p) >= 0.5;
}

const periodKey = (x: string): string => {
  let k = x.replace(/^@/, '');
  if (x.startsWith('@') && /^\d{4}-12$/.test(k)) k = k.slice(0, 4);
  return k;
};
const samePeriod = (a: string | null, b: string | null): boolean => a === b || (!!a && !!b && periodKey(a) === periodKey(b));

function norm(f: string, v: unknown): string | number | null {
  if (v === undefined || v === null || v === '') return f === 'approx' ? 'none' : f === 'aspect' ? 'level' : null;
  if (f === 'base_value' || f === 'of') return Number(v);
  return clean(v);
}

function fieldEqual(f: ScoredField, g: GoldLine, p: ScoredRow): boolean {
  if (f === 'metric') return metricOk(g.metric, p.metric);
  const a = norm(f, g[f]);
  const b = norm(f, p[f]);
  if (f === 'period') return samePeriod(a as string | null, b as string | null);
  if (f === 'base_value' || f === 'of') return a === null ? b === null : same(a as number, b as number);
  if (f === 'base_unit' && a && b) return String(a).startsWith(String(b)) || String(b).startsWith(String(a));
  return a === b;
}

export interface FieldDiff {
  doc: string;
  field: ScoredField;
  gold: unknown;
  pred: unknown;
  quote: string;
}

export interface PredictionVerdict {
  doc: string;
  row: ScoredRow;
  /** The gold fact it matched, if any. */
  gold?: GoldLine;
  /** Matched a non-optional gold fact. */
  matched: boolean;
  /** Matched an optional gold fact: neither rewarded nor penalised. */
  optional: boolean;
  /** The scored fields that differ from the gold (empty when right in every field). */
  wrong: ScoredField[];
}

export interface GoldScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  fieldAccuracy: Record<ScoredField, number | null>;
  perKind: Record<string, { tp: number; fn: number }>;
  perDoc: Record<string, { tp: number; fp: number; fn: number; predicted: number }>;
  misses: { doc: string; quote: string; value: number; kind: string }[];
  extras: { doc: string; quote: string; value: number; confidence: number }[];
  diffs: FieldDiff[];
  verdicts: PredictionVerdict[];
}

function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

/** Gold facts and cleaned source texts of a gold folder (`<key>.gold.jsonl` + `<textDir>/<key>.source.txt`). */
export function loadGoldSet(goldDir: string, textDir: string, docs?: string[]): { gold: Map<string, GoldLine[]>; texts: Map<string, string> } {
  const gold = new Map<string, GoldLine[]>();
  const texts = new Map<string, string>();
  for (const f of readdirSync(goldDir)
    .filter((n) => n.endsWith('.gold.jsonl'))
    .sort()) {
    const key = f.split('.')[0];
    if (docs && !docs.includes(key)) continue;
    gold.set(key, readJsonl<GoldLine>(join(goldDir, f)));
    texts.set(key, clean(readFileSync(join(textDir, `${key}.source.txt`), 'utf8')));
  }
  return { gold, texts };
}

/** The document key of a prediction: its file's base name up to the first dot. */
export const keyOf = (file: string): string => (file.split(/[\\/]/).pop() ?? '').split('.')[0];

/** Where a prediction's quote sits in a cleaned text (or its number, when the quote is not verbatim). */
export function predictionSpans(text: string, quote: string): [number, number][] {
  const q = clean(quote);
  let occ = occurrences(text, q).map((i): [number, number] => [i, i + q.length]);
  if (!occ.length) {
    const tok = q.match(/\d[\d.,]*/)?.[0];
    occ = tok ? occurrences(text, tok).map((i): [number, number] => [i, i + tok.length]) : [];
  }
  return occ;
}

/** Score predictions against a gold set exactly as score.mjs does. */
export function scoreGold(gold: Map<string, GoldLine[]>, texts: Map<string, string>, predictions: ScoredRow[]): GoldScore {
  const preds = new Map<string, ScoredRow[]>();
  for (const p of predictions) {
    const key = keyOf(p.file);
    if (!gold.has(key)) continue;
    const list = preds.get(key) ?? [];
    list.push(p);
    preds.set(key, list);
  }
  const s: GoldScore = {
    tp: 0,
    fp: 0,
    fn: 0,
    precision: 0,
    recall: 0,
    f1: 0,
    fieldAccuracy: {} as GoldScore['fieldAccuracy'],
    perKind: {},
    perDoc: {},
    misses: [],
    extras: [],
    diffs: [],
    verdicts: [],
  };
  const fieldOk = Object.fromEntries(SCORED_FIELDS.map((f) => [f, [0, 0]])) as Record<ScoredField, [number, number]>;
  for (const [key, g] of gold) {
    const T = texts.get(key) ?? '';
    let cursor = 0;
    const gspan = g.map((gf): [number, number] | null => {
      const q = clean(gf.quote);
      let i = T.indexOf(q, cursor);
      if (i < 0) i = T.indexOf(q);
      if (i < 0) return null;
      cursor = i + 1;
      return [i, i + q.length];
    });
    const p = preds.get(key) ?? [];
    const pspans = p.map((pf) => predictionSpans(T, pf.quote));
    const used = new Map<number, PredictionVerdict>();
    const d = { tp: 0, fp: 0, fn: 0, predicted: p.length };
    g.forEach((gf, gi) => {
      const span = gspan[gi];
      const gv = num(gf.value);
      const gb = num(gf.base_value);
      let best = -1;
      let bestDist = Infinity;
      p.forEach((pf, pi) => {
        if (used.has(pi) || !span) return;
        if (!(same(num(pf.value), gv) || same(num(pf.base_value), gb))) return;
        for (const [a, b] of pspans[pi]) {
          const dist = a < span[1] && b > span[0] ? 0 : Math.min(Math.abs(a - span[1]), Math.abs(b - span[0]));
          if (dist < bestDist) {
            bestDist = dist;
            best = pi;
          }
        }
      });
      const k = (s.perKind[gf.kind ?? '?'] ??= { tp: 0, fn: 0 });
      if (best >= 0 && bestDist === 0) {
        const verdict: PredictionVerdict = { doc: key, row: p[best], gold: gf, matched: !gf.optional, optional: !!gf.optional, wrong: [] };
        used.set(best, verdict);
        if (gf.optional) return;
        d.tp++;
        k.tp++;
        for (const f of SCORED_FIELDS) {
          if (f === 'of' && norm(f, gf[f]) === null) continue;
          fieldOk[f][1]++;
          if (fieldEqual(f, gf, p[best])) fieldOk[f][0]++;
          else {
            verdict.wrong.push(f);
            s.diffs.push({ doc: key, field: f, gold: gf[f] ?? null, pred: p[best][f] ?? null, quote: gf.quote });
          }
        }
      } else if (!gf.optional) {
        d.fn++;
        k.fn++;
        s.misses.push({ doc: key, quote: gf.quote, value: gf.value, kind: gf.kind ?? '?' });
      }
    });
    p.forEach((pf, i) => {
      const v = used.get(i);
      if (v) s.verdicts.push(v);
      else {
        d.fp++;
        s.extras.push({ doc: key, quote: pf.quote, value: pf.value, confidence: pf.confidence });
        s.verdicts.push({ doc: key, row: pf, matched: false, optional: false, wrong: [] });
      }
    });
    s.tp += d.tp;
    s.fp += d.fp;
    s.fn += d.fn;
    s.perDoc[key] = d;
  }
  s.precision = s.tp / Math.max(1, s.tp + s.fp);
  s.recall = s.tp / Math.max(1, s.tp + s.fn);
  s.f1 = (2 * s.precision * s.recall) / Math.max(1e-9, s.precision + s.recall);
  for (const f of SCORED_FIELDS) s.fieldAccuracy[f] = fieldOk[f][1] ? fieldOk[f][0] / fieldOk[f][1] : null;
  return s;
}

/** A prediction is right when it matched a gold fact and every scored field agrees (score.mjs' calibration). */
export const isRight = (v: PredictionVerdict): boolean => v.matched && v.wrong.length === 0;
