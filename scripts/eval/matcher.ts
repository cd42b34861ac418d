import type { Fact } from '../../schemas/fact.js';
import type { GoldFact } from './gold-set.js';

/** A gold fact placed in the document text (or not found there). */
export interface PlacedGold {
  gold: GoldFact;
  start: number;
  end: number;
  found: boolean;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A whitespace-tolerant pattern for a quote (renditions may wrap or space text differently). */
function quotePattern(quote: string): RegExp {
  const parts = quote.trim().split(/\s+/).map(escape);
  return new RegExp(parts.join('\\s*'), 'gu');
}

function occurrences(text: string, quote: string): { start: number; end: number }[] {
  const re = quotePattern(quote);
  const out: { start: number; end: number }[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    out.push({ start: m.index, end: m.index + m[0].length });
    re.lastIndex = m.index + 1;
  }
  return out;
}

/**
 * Place gold quotes in the text: the k-th gold fact with a quote goes to the k-th occurrence
 * (GUIDELINES.md); when the gold has fewer entries than occurrences, the occurrence at or after
 * the previous gold fact is preferred, so order in the file is respected.
 */
export function placeGold(text: string, gold: GoldFact[]): PlacedGold[] {
  const seen = new Map<string, number>();
  let cursor = 0;
  return gold.map((g) => {
    const occ = occurrences(text, g.quote);
    const k = seen.get(g.quote) ?? 0;
    seen.set(g.quote, k + 1);
    if (!occ.length) return { gold: g, start: -1, end: -1, found: false };
    const kth = occ[Math.min(k, occ.length - 1)];
    const ordered = occ.find((o) => o.start >= cursor - 200);
    const pick = kth.start >= cursor - 2000 || !ordered ? kth : ordered;
    cursor = Math.max(cursor, pick.start);
    return { gold: g, start: pick.start, end: pick.end, found: true };
  });
}

function sameValue(f: Fact, g: GoldFact): boolean {
  const eq = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
  return eq(f.value, g.value) || eq(f.base_value, g.base_value);
}

export interface Matching {
  pairs: { gold: PlacedGold; fact: Fact }[];
  missed: PlacedGold[];
  falsePositives: Fact[];
  /** Predicted facts matched to optional gold facts: neither rewarded nor penalised. */
  ignored: Fact[];
}

/** One-to-one matching: same document, overlapping span, same value; required gold first. */
export function matchFacts(placed: PlacedGold[], facts: Fact[], offset: (f: Fact) => { start: number; end: number }): Matching {
  const used = new Set<Fact>();
  const pairs: Matching['pairs'] = [];
  const missed: PlacedGold[] = [];
  const ignored: Fact[] = [];
  const order = [...placed].sort((a, b) => Number(a.gold.optional ?? false) - Number(b.gold.optional ?? false));
  for (const pg of order) {
    const candidates = facts.filter((f) => {
      if (used.has(f) || !pg.found) return false;
      const o = offset(f);
      return o.start < pg.end && pg.start < o.end && sameValue(f, pg.gold);
    });
    candidates.sort((a, b) => Math.abs(offset(a).start - pg.start) - Math.abs(offset(b).start - pg.start));
    const fact = candidates[0];
    if (fact) {
      used.add(fact);
      if (pg.gold.optional) ignored.push(fact);
      else pairs.push({ gold: pg, fact });
    } else if (!pg.gold.optional) missed.push(pg);
  }
  return { pairs, missed, falsePositives: facts.filter((f) => !used.has(f)), ignored };
}
