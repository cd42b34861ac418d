import { JaroWinklerDistance } from 'natural/lib/natural/distance/index.js';
import type { Aspect, FactKind } from '../../schemas/fact.js';
import { METRIC_CATALOG, type MetricDef } from '../../schemas/metric-catalog.js';
import { foldedTokens } from '../text/fold-text.js';
import { metricWords } from '../text/metric-words.js';

/** What the matcher may know about a fact besides its metric phrase. */
export interface MatchContext {
  unit?: string;
  kind?: FactKind;
  aspect?: Aspect;
  section_title?: string;
}

export interface MetricMatch {
  metric_id: string;
  /** In [0,1]: how well the phrase is explained by the best alias (see `scoreAlias`). */
  score: number;
}

/** Below this score a phrase has no canonical metric. */
export const MATCH_THRESHOLD = 0.6;

/** Scale words stripped from the front of a unit (`triệu tài khoản` → `tài khoản`). */
const SCALE = new Set(['nghin', 'ngan', 'trieu', 'ty', 'ti', 'van', 'chuc', 'tram']);

interface PreparedAlias {
  tokens: string[];
  bigrams: string[];
}

interface PreparedMetric {
  def: MetricDef;
  aliases: PreparedAlias[];
  units: string[];
  excludes: string[][];
}

const bigramsOf = (tokens: string[]): string[] => tokens.slice(1).map((t, i) => `${tokens[i]} ${t}`);

function unitKey(unit: string): string {
  const tokens = foldedTokens(unit);
  while (tokens.length > 1 && SCALE.has(tokens[0])) tokens.shift();
  return tokens.join(' ');
}

function containsSequence(tokens: string[], seq: string[]): boolean {
  outer: for (let i = 0; i + seq.length <= tokens.length; i++) {
    for (let j = 0; j < seq.length; j++) if (tokens[i + j] !== seq[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * A matcher over a catalog. Scoring, per alias A of a metric and phrase P (tokens folded,
 * abbreviations expanded, function words dropped, each token weighted by its IDF over the
 * catalog, tokens unknown to the catalog weighted `UNKNOWN_WEIGHT`):
 *   aliasCov  = weight of A's tokens found in P / weight of A  (a token may be found fuzzily:
 *               Jaro-Winkler ≥ 0.9 for tokens of 5+ letters, credited at the similarity;
 *               tokens found only in the section title are credited at 0.6)
 *   phraseCov = weight of P's tokens that are in A / weight of P
 *   bigramCov = share of A's adjacent token pairs that occur in P (word order)
 *   score     = aliasCov × (0.55 + 0.25 × phraseCov + 0.2 × bigramCov)
 * A metric's score is its best alias's. Gates before scoring: kind (a percent change or plan
 * attainment may belong to any metric; ratios to count/measure metrics), unit (count and
 * measure metrics accept only their base unit or listed units), and `excludes`.
 */
export function createMetricMatcher(catalog: readonly MetricDef[] = METRIC_CATALOG) {
  const UNKNOWN_WEIGHT = 2;
  const df = new Map<string, number>();
  const prepared: PreparedMetric[] = catalog.map((def) => {
    const aliases = [def.name, ...def.aliases].map((a) => {
      const tokens = metricWords(a);
      return { tokens, bigrams: bigramsOf(tokens) };
    });
    for (const t of new Set(aliases.flatMap((a) => a.tokens))) df.set(t, (df.get(t) ?? 0) + 1);
    return {
      def,
      aliases,
      units: [def.base_unit, ...def.units].map(unitKey),
      excludes: def.excludes.map(metricWords).filter((e) => e.length > 0),
    };
  });
  const n = catalog.length;
  /** Token → metrics whose aliases contain it: only metrics sharing a token with the phrase are scored. */
  const byToken = new Map<string, Set<PreparedMetric>>();
  for (const m of prepared) {
    for (const a of m.aliases) {
      for (const t of a.tokens) {
        const set = byToken.get(t) ?? new Set<PreparedMetric>();
        set.add(m);
        byToken.set(t, set);
      }
    }
  }
  const weight = (t: string): number => {
    const d = df.get(t);
    return d === undefined ? UNKNOWN_WEIGHT : Math.log(1 + n / d);
  };
  const cache = new Map<string, MetricMatch | null>();

  function kindAllows(def: MetricDef, ctx: MatchContext): boolean {
    if (!ctx.kind) return true;
    if (ctx.kind === def.kind) return true;
    if (ctx.kind === 'percent') return ctx.aspect === 'change' || ctx.aspect === 'plan';
    if (ctx.kind === 'ratio') return def.kind === 'count' || def.kind === 'measure';
    return false;
  }

  /** `unit` is the fact's unit as `unitKey` folds it ('' for none), computed once per phrase. */
  function unitAllows(m: PreparedMetric, ctx: MatchContext, unit: string): boolean {
    if (unit === '' || (m.def.kind !== 'count' && m.def.kind !== 'measure')) return true;
    if (ctx.kind === 'percent') return true;
    return m.units.some((k) => k === unit || unit.startsWith(`${k} `) || k.startsWith(`${unit} `));
  }

  /** How well an alias token is found in the phrase itself: 1 when it is there, else its best fuzzy likeness (≥ 0.9), else 0. */
  function ownCredit(t: string, phrase: Set<string>): number {
    if (phrase.has(t)) return 1;
    let best = 0;
    if (t.length >= 5) {
      for (const p of phrase) {
        if (p.length < 5) continue;
        const sim = JaroWinklerDistance(t, p);
        if (sim >= 0.9 && sim > best) best = sim;
      }
    }
    return best;
  }

  /** The phrase's tokens, and what each alias token is credited against them (memoised: aliases share tokens). */
  interface PhraseView {
    set: Set<string>;
    bigrams: Set<string>;
    context: Set<string>;
    own: Map<string, number>;
  }

  function scoreAlias(alias: PreparedAlias, phrase: PhraseView): number {
    let aliasW = 0;
    let foundW = 0;
    let ownW = 0;
    for (const t of alias.tokens) {
      const w = weight(t);
      let own = phrase.own.get(t);
      if (own === undefined) {
        own = ownCredit(t, phrase.set);
        phrase.own.set(t, own);
      }
      aliasW += w;
      // a token found only in the section title is credited at 0.6
      foundW += w * (own < 0.6 && phrase.context.has(t) ? 0.6 : own);
      ownW += w * own;
    }
    if (aliasW === 0 || ownW / aliasW < 0.3) return 0;
    const aliasCov = foundW / aliasW;
    const aliasSet = new Set(alias.tokens);
    let phraseW = 0;
    let sharedW = 0;
    for (const t of phrase.set) {
      const w = weight(t);
      phraseW += w;
      if (aliasSet.has(t)) sharedW += w;
    }
    const phraseCov = phraseW === 0 ? 0 : sharedW / phraseW;
    const bigramCov = alias.bigrams.length === 0 ? 1 : alias.bigrams.filter((b) => phrase.bigrams.has(b)).length / alias.bigrams.length;
    return aliasCov * (0.55 + 0.25 * phraseCov + 0.2 * bigramCov);
  }

  function rank(phrase: string, ctx: MatchContext = {}): MetricMatch[] {
    const tokens = metricWords(phrase);
    if (tokens.length === 0) return [];
    const contextTokens = ctx.section_title ? metricWords(ctx.section_title) : [];
    const view: PhraseView = {
      set: new Set(tokens),
      bigrams: new Set([...bigramsOf(tokens), ...bigramsOf(contextTokens)]),
      context: new Set(contextTokens),
      own: new Map(),
    };
    const unit = ctx.unit ? unitKey(ctx.unit) : '';
    const out: MetricMatch[] = [];
    const candidates = new Set<PreparedMetric>();
    for (const t of view.set) for (const m of byToken.get(t) ?? []) candidates.add(m);
    for (const m of prepared) {
      if (!candidates.has(m)) continue;
      if (!kindAllows(m.def, ctx) || !unitAllows(m, ctx, unit)) continue;
      if (m.excludes.some((e) => containsSequence(tokens, e))) continue;
      let best = 0;
      for (const a of m.aliases) best = Math.max(best, scoreAlias(a, view));
      if (best > 0) out.push({ metric_id: m.def.id, score: Math.round(Math.min(1, best) * 1000) / 1000 });
    }
    return out.sort((a, b) => b.score - a.score);
  }

  /** The best canonical metric for a phrase, or null when none scores `MATCH_THRESHOLD`. */
  function match(phrase: string, ctx: MatchContext = {}): MetricMatch | null {
    const key = `${phrase}\u0000${ctx.unit ?? ''}\u0000${ctx.kind ?? ''}\u0000${ctx.aspect ?? ''}\u0000${ctx.section_title ?? ''}`;
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const best = rank(phrase, ctx)[0];
    const result = best && best.score >= MATCH_THRESHOLD ? best : null;
    if (cache.size > 50_000) cache.clear();
    cache.set(key, result);
    return result;
  }

  /** A metric by exact id, else by matching the words (for `solieu compare --metric`). */
  function lookup(idOrWords: string): MetricDef | null {
    const byId = catalog.find((m) => m.id === idOrWords.trim());
    if (byId) return byId;
    const found = match(idOrWords);
    return found ? (catalog.find((m) => m.id === found.metric_id) ?? null) : null;
  }

  /**
   * What `compare --metric` (and the review's Compare view) names: the metric `lookup` finds, or
   * else the catalog metrics the words could mean — those with a name or alias holding every word
   * of the query (folded, abbreviations expanded), or when none does, the closest by score (at
   * most `CANDIDATES`); best score first, then catalog order. Several candidates are offered to
   * pick from; with one or none — or when asked (`byPhrase`) — the words are compared by phrase.
   */
  function query(idOrWords: string, options: { byPhrase?: boolean } = {}): MetricQuery {
    if (options.byPhrase) return { metric: null, candidates: [], byPhrase: true };
    const found = lookup(idOrWords);
    if (found) return { metric: found, candidates: [] };
    const words = metricWords(idOrWords);
    const ranked = rank(idOrWords);
    const score = new Map(ranked.map((r) => [r.metric_id, r.score]));
    const order = new Map(catalog.map((m, i) => [m.id, i]));
    const containing = words.length === 0 ? [] : prepared.filter((m) => m.aliases.some((a) => words.every((w) => a.tokens.includes(w)))).map((m) => m.def);
    const chosen = containing.length > 0 ? containing : ranked.slice(0, CANDIDATES).flatMap((r) => catalog.filter((m) => m.id === r.metric_id));
    chosen.sort((a, b) => (score.get(b.id) ?? 0) - (score.get(a.id) ?? 0) || (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    // one metric holds every word asked (`thanh toán trực tuyến`): that is the one meant
    if (containing.length === 1) return { metric: containing[0], candidates: [], byWords: true };
    // several fit: the user picks (a phrase group would mix them)
    return chosen.length > 1 ? { metric: null, candidates: chosen } : { metric: null, candidates: chosen, byPhrase: true };
  }

  return { match, rank, lookup, query };
}

/** How many closest metrics `query` offers when no metric holds every word of the query. */
const CANDIDATES = 10;

/** A `--metric` argument resolved: one metric, or none and the metrics it could mean. */
export interface MetricQuery {
  metric: MetricDef | null;
  candidates: MetricDef[];
  /** The metric was found from words (every word in one metric's names), not named by id or name. */
  byWords?: boolean;
  /** No metric, and not several to pick from (or asked to): compare the facts whose metric phrase holds the words. */
  byPhrase?: boolean;
}

const defaultMatcher = createMetricMatcher();

/** Map a fact's metric phrase to a canonical metric of the catalog (see `createMetricMatcher`). */
export function matchMetric(phrase: string, ctx?: MatchContext): MetricMatch | null {
  return defaultMatcher.match(phrase, ctx);
}

/** A catalog metric by id or by words. */
export function lookupMetric(idOrWords: string): MetricDef | null {
  return defaultMatcher.lookup(idOrWords);
}

/** A metric by id or words, or the candidates to choose from (see `createMetricMatcher().query`). */
export function queryMetric(idOrWords: string, options?: { byPhrase?: boolean }): MetricQuery {
  return defaultMatcher.query(idOrWords, options);
}
