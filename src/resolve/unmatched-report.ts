/** A metric phrase with no canonical metric and how often it occurs. */
export interface UnmatchedPhrase {
  phrase: string;
  count: number;
}

/**
 * The most frequent metric phrases that have no `metric_id`, for `solieu metrics --unmatched`,
 * so the catalog can grow. Phrases are grouped by their trimmed, lower-cased, space-collapsed
 * form (Vietnamese marks kept: they distinguish words); the most common spelling is shown.
 * Ties are broken alphabetically so the output is stable.
 */
export function unmatchedPhrases(facts: readonly { metric: string; metric_id: string | null }[], limit = 50): UnmatchedPhrase[] {
  const groups = new Map<string, { count: number; spellings: Map<string, number> }>();
  for (const f of facts) {
    if (f.metric_id) continue;
    const shown = f.metric.normalize('NFC').replace(/\s+/g, ' ').trim();
    if (shown === '') continue;
    const key = shown.toLocaleLowerCase('vi');
    const g = groups.get(key) ?? { count: 0, spellings: new Map<string, number>() };
    g.count++;
    g.spellings.set(shown, (g.spellings.get(shown) ?? 0) + 1);
    groups.set(key, g);
  }
  const out: UnmatchedPhrase[] = [];
  for (const g of groups.values()) {
    const phrase = [...g.spellings.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
    out.push({ phrase, count: g.count });
  }
  out.sort((a, b) => b.count - a.count || a.phrase.localeCompare(b.phrase));
  return out.slice(0, Math.max(0, limit));
}
