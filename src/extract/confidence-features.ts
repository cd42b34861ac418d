import type { FactFields } from '../../schemas/fact.js';

/**
 * The features the confidence model reads: what the extractor already knows about a fact — which
 * rules fired (its evidence), its kind, aspect and qualifier, how long its metric phrase is, whether
 * it has a period. One home, used both when a fact is made and when the model is fit
 * (`scripts/fit-confidence.ts`), so the two can never differ.
 */
export type ConfidenceInput = Pick<FactFields, 'kind' | 'aspect' | 'approx' | 'metric' | 'period'> & { evidence: readonly string[] };

/** Evidence names are `family:rule` (`unit:noun`, `period:heading+paragraph`): the rule before any `+` is the feature. */
function evidenceFeature(e: string): string {
  return `ev:${e.split('+')[0]}`;
}

function metricLength(metric: string): string {
  const n = metric.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
  if (n === 0) return 'metric-words:0';
  if (n <= 2) return 'metric-words:1-2';
  if (n <= 3) return 'metric-words:3';
  if (n <= 5) return 'metric-words:4-5';
  if (n <= 8) return 'metric-words:6-8';
  if (n <= 12) return 'metric-words:9-12';
  return 'metric-words:13+';
}

/**
 * Signs of a metric phrase run together from more than one place: a capitalised word inside it that
 * is not an acronym or a name's run (`… tắt sóng Các doanh nghiệp`), a content word said twice.
 */
function metricShape(metric: string): string[] {
  const words = metric.split(/[\s,;]+/).filter((w) => /\p{L}/u.test(w));
  const out: string[] = [];
  const inner = words.slice(1).filter((w, i) => /^\p{Lu}\p{Ll}/u.test(w) && !/^\p{Lu}/u.test(words[i] ?? '') && !/^\p{Lu}/u.test(words[i + 2] ?? ''));
  if (inner.length) out.push('metric-shape:inner-capital');
  const lower = words.map((w) => w.toLocaleLowerCase('vi')).filter((w) => w.length > 1);
  if (new Set(lower).size < lower.length - 1) out.push('metric-shape:repeats');
  return out;
}

/** Words a clean metric phrase does not end with: a preposition, conjunction or particle left hanging. */
const HANGING_END = new Set([
  'và',
  'của',
  'với',
  'tại',
  'ở',
  'là',
  'cho',
  'đối',
  'theo',
  'trong',
  'về',
  'có',
  'được',
  'đã',
  'nhưng',
  'các',
  'những',
  'mức',
  'từ',
  'đến',
  'so',
  'bằng',
  'trên',
  'dưới',
  'hoặc',
  'nhằm',
  'để',
  'khi',
  'thì',
  'mà',
]);
/** Particles of a verb phrase: a metric phrase holding one has run into a clause (`… đã thực hiện việc …`). */
const VERB_PARTICLE = new Set(['đã', 'đang', 'sẽ', 'được', 'bị', 'không', 'chưa', 'vẫn', 'cũng']);

/** What the words of a metric phrase say about how cleanly it was cut: a hanging last word, a clause inside, pieces joined. */
function metricWords(metric: string): string[] {
  const words = metric
    .toLocaleLowerCase('vi')
    .split(/[\s,;:()]+/)
    .filter((w) => /\p{L}/u.test(w));
  const out: string[] = [];
  if (words.length && HANGING_END.has(words[words.length - 1] ?? '')) out.push('metric-end:hanging');
  if (words.some((w) => VERB_PARTICLE.has(w))) out.push('metric-has:verb-particle');
  if (metric.includes(' — ')) out.push('metric-has:context');
  if (/[,;(]/.test(metric)) out.push('metric-has:punctuation');
  return out;
}

/**
 * The words of the metric phrase, each by the fact's kind (`mw:percent:tỷ`, `mw:count:hộ`), and its first and last word: which
 * words name a reliably read measure and which mark a phrase cut from the wrong place is learnt from the gold, not listed.
 * Rare words carry no weight (the fit keeps a word seen at least `MIN_WORD_COUNT` times).
 */
function metricBag(kind: string, metric: string): string[] {
  const words = (metric.toLocaleLowerCase('vi').match(/[\p{L}\p{M}]+/gu) ?? []) as string[];
  const out = new Set(words.map((w) => `mw:${kind}:${w}`));
  if (words.length) {
    out.add(`mfirst:${words[0]}`);
    out.add(`mlast:${words[words.length - 1]}`);
  }
  return [...out];
}

/** Features of the metric-word families (a word, a first or last word) that the fit drops when seen fewer times than this. */
export const MIN_WORD_COUNT = 3;

/** Whether a feature is one of a family of words, which the fit keeps only when seen often enough. */
export function isWordFeature(feature: string): boolean {
  return /^(mw|mfirst|mlast):/u.test(feature);
}

/** The active (value 1) features of a fact. */
export function confidenceFeatures(f: ConfidenceInput): string[] {
  const out = new Set<string>();
  for (const e of f.evidence) if (!e.startsWith('model:')) out.add(evidenceFeature(e));
  out.add(`kind:${f.kind}`);
  out.add(`aspect:${f.aspect}`);
  if (f.approx !== 'none') out.add('approx:any');
  out.add(metricLength(f.metric));
  for (const shape of metricShape(f.metric)) out.add(shape);
  for (const w of metricWords(f.metric)) out.add(w);
  out.add(f.period ? (f.period.includes('..') ? 'period:span' : f.period.startsWith('@') ? 'period:stock-form' : 'period:point') : 'period:empty');
  // the rule that made the metric and the one that gave the period, by kind: where each is reliable differs
  const metricRule = f.evidence.find((e) => e.startsWith('metric:'))?.split('+')[0] ?? 'metric:other';
  const periodRule = f.evidence.find((e) => e.startsWith('period:'))?.split('+')[0] ?? 'period:other';
  out.add(`${f.kind}&${metricRule}`);
  out.add(`${f.kind}&${periodRule}`);
  out.add(`${f.kind}&${f.evidence.some((e) => e.startsWith('table:')) ? 'table' : 'text'}`);
  for (const w of metricBag(f.kind, f.metric)) out.add(w);
  return [...out].sort();
}
