import type { ExportRow } from '../../schemas/fact.js';
import { metricWords } from '../text/metric-words.js';
import type { CompareOptions, CompareRow } from './compare-report.js';
import { vietnameseOrder } from './compare-matrix.js';

/**
 * Compare by phrase: facts that no catalog metric covers can still line up when their metric
 * phrases say the same thing. A fact belongs to the group asked for when its phrase holds most of
 * the words asked (`doanh thu bưu chính` → `doanh thu dịch vụ bưu chính, chuyển phát`), read as the
 * catalog matcher reads words (diacritics and case aside, abbreviations expanded, function words
 * and years dropped); only facts of the group's commonest base unit
 * are compared (money with money). The phrases grouped are listed, so a reader sees what was put
 * together.
 */
export interface PhraseComparison {
  rows: CompareRow[];
  baseUnit: string;
  /** Every phrase grouped, with how many facts had it. */
  phrases: { phrase: string; facts: number }[];
}

/** The content words of a phrase, as the catalog matcher reads them (`text/metric-words`). */
export function phraseWords(text: string): Set<string> {
  return new Set(metricWords(text));
}

/** Share of the asked words that a phrase holds (1 = all). */
export function coverage(asked: ReadonlySet<string>, phrase: string): number {
  if (asked.size === 0) return 0;
  const have = phraseWords(phrase);
  let n = 0;
  for (const w of asked) if (have.has(w)) n++;
  return n / asked.size;
}

/** How much of the asked words a phrase must hold to be grouped. */
export const PHRASE_COVERAGE = 2 / 3;

const rank = (r: ExportRow & { id?: number }): number =>
  (r.status === 'accepted' || r.status === 'corrected' ? 2 : 0) + (r.aspect === 'level' ? 1 : 0) + r.confidence;

/** The facts (all stored facts) whose metric phrase holds most of `words`, one value per report. */
export function comparePhrase(facts: readonly (ExportRow & { id?: number })[], words: string, options: CompareOptions = {}): PhraseComparison {
  const shown = options.province ?? ((written: string) => written);
  const asked = phraseWords(words);
  const matching = facts.filter((r) => r.status !== 'rejected' && r.metric && coverage(asked, r.metric) >= PHRASE_COVERAGE);
  const units = new Map<string, number>();
  for (const r of matching) units.set(r.base_unit, (units.get(r.base_unit) ?? 0) + 1);
  const baseUnit = [...units].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  const group = matching.filter((r) => r.base_unit === baseUnit);
  const phrases = new Map<string, number>();
  for (const r of group) phrases.set(r.metric, (phrases.get(r.metric) ?? 0) + 1);
  // one value per report: reviewed first, then a level, then the most confident
  const best = new Map<string, { row: ExportRow & { id?: number }; n: number }>();
  for (const r of group) {
    const seen = best.get(r.doc_id);
    if (!seen) best.set(r.doc_id, { row: r, n: 1 });
    else best.set(r.doc_id, { row: rank(r) > rank(seen.row) ? r : seen.row, n: seen.n + 1 });
  }
  const rows: CompareRow[] = [...best.values()].map(({ row, n }) => ({
    province: shown(row.province),
    report_period: row.report_period,
    value: row.base_value,
    unit: baseUnit,
    period: row.period,
    approx: row.approx,
    quote: row.quote,
    file: row.file,
    page: row.page,
    candidates: n,
    doc_id: row.doc_id,
    fact_id: row.id ?? null,
  }));
  rows.sort((a, b) => vietnameseOrder(a.province, b.province) || a.report_period.localeCompare(b.report_period));
  return { rows, baseUnit, phrases: [...phrases].map(([phrase, facts]) => ({ phrase, facts })).sort((a, b) => b.facts - a.facts) };
}
