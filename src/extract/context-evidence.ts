import type { Document } from '../../schemas/document.js';
import type { Fact } from '../../schemas/fact.js';

/**
 * Evidence about the sentence a fact sits in, for the confidence model: how long the sentence is,
 * how many figures come before this one in it, and how much of the fact's metric phrase the
 * sentence itself holds (a phrase taken from a heading or an earlier sentence is riskier). All are
 * read from the document's text and the facts' spans, after extraction; none changes a fact.
 */

/** A sentence ends at `.`, `!` or `?` followed by a space and an upper-case letter, a digit or a bracket, or at a line break; a `;` ends a clause, which counts as one here. */
const SENTENCE_END = /[.;!?](?=\s+[\p{Lu}\d(])|[;]|\n/gu;

/** Offsets where sentences end, in order. */
function sentenceBreaks(text: string): number[] {
  return [...text.matchAll(SENTENCE_END)].map((m) => m.index);
}

/** The sentence holding [start, end): from after the last break before start to the first break at or after end. */
function sentenceAround(breaks: readonly number[], length: number, start: number, end: number): [number, number] {
  let lo = 0;
  let hi = breaks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((breaks[mid] ?? 0) < start) lo = mid + 1;
    else hi = mid;
  }
  const from = lo > 0 ? (breaks[lo - 1] ?? -1) + 1 : 0;
  let i = lo;
  while (i < breaks.length && (breaks[i] ?? 0) < end) i++;
  return [from, i < breaks.length ? (breaks[i] ?? length) : length];
}

function words(s: string): string[] {
  return s
    .toLocaleLowerCase('vi')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => /\p{L}/u.test(w));
}

/** The text after the last clause mark of what precedes a figure. */
function leadOf(before: string): string {
  const i = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf(':'), before.lastIndexOf('('));
  return i < 0 ? before : before.slice(i + 1);
}

function lengthBucket(n: number): string {
  return n <= 12 ? 'ctx:sentence-words-12' : n <= 25 ? 'ctx:sentence-words-25' : n <= 40 ? 'ctx:sentence-words-40' : 'ctx:sentence-words-41+';
}

/** The metric phrase without the section context the extractor appends after ` — `. */
function ownPhrase(metric: string): string {
  return metric.split(' — ')[0] ?? '';
}

function coverage(metric: string, sentence: string): string {
  const mw = [...new Set(words(ownPhrase(metric)))];
  if (mw.length === 0) return 'ctx:metric-empty';
  const sw = new Set(words(sentence));
  const inside = mw.filter((w) => sw.has(w)).length / mw.length;
  return inside === 1 ? 'ctx:metric-in-sentence-all' : inside >= 0.5 ? 'ctx:metric-in-sentence-most' : 'ctx:metric-in-sentence-little';
}

/** Words the scorer ignores when it compares metric phrases (GUIDELINES, "How the fields are scored"). */
const LIGHT = new Set(['số', 'của', 'được', 'và', 'các', 'những', 'trong', 'trên', 'địa', 'bàn', 'tỉnh', 'đã', 'đạt', 'là', 'có', 'cho', 'với', 'thể', 'một']);

/**
 * How much of the clause that leads to the figure (from the last comma, semicolon, colon or bracket
 * before it, or the sentence's start) the metric phrase holds: a long lead the phrase leaves mostly
 * out is where a reader would name the figure differently.
 */
function leadCoverage(metric: string, lead: string): string {
  const lw = [...new Set(words(lead).filter((w) => !LIGHT.has(w)))];
  if (lw.length <= 2) return 'ctx:lead-short';
  const mw = new Set(words(ownPhrase(metric)));
  const share = lw.filter((w) => mw.has(w)).length / lw.length;
  const size = lw.length <= 8 ? 'mid' : 'long';
  return `ctx:lead-${size}-${share >= 0.6 ? 'covered' : share >= 0.3 ? 'half' : 'little'}`;
}

/** How many of the metric phrase's words its section's heading holds: a phrase made mostly of the heading is the heading's guess. */
function headingShare(metric: string, title: string): string {
  const mw = [...new Set(words(metric).filter((w) => !LIGHT.has(w)))];
  if (mw.length === 0 || !title) return 'ctx:heading-none';
  const tw = new Set(words(title));
  const k = mw.filter((w) => tw.has(w)).length;
  return k === 0 ? 'ctx:heading-none' : k / mw.length > 0.5 ? 'ctx:heading-most' : 'ctx:heading-some';
}

/** For each fact of the document (by index), its sentence evidence; table cells get `ctx:table` only. */
export function contextEvidence(doc: Pick<Document, 'text' | 'facts' | 'sections'>): string[][] {
  const titles = new Map(doc.sections.map((s) => [s.path, s.title]));
  const starts = doc.facts.map((f) => f.prov.start);
  const breaks = sentenceBreaks(doc.text);
  return doc.facts.map((f: Fact) => {
    if (f.evidence.some((e) => e.startsWith('table:cell') || e.startsWith('unit:cell'))) return ['ctx:table'];
    if (!doc.text || f.prov.end > doc.text.length) return [];
    const [a, b] = sentenceAround(breaks, doc.text.length, f.prov.start, f.prov.end);
    const sentence = doc.text.slice(a, b);
    const before = starts.filter((s) => s >= a && s < f.prov.start).length;
    const all = starts.filter((s) => s >= a && s < b).length;
    return [
      lengthBucket(words(sentence).length),
      before === 0 ? 'ctx:figure-first' : before === 1 ? 'ctx:figure-second' : 'ctx:figure-third+',
      all <= 1 ? 'ctx:figures-1' : all <= 3 ? 'ctx:figures-2-3' : 'ctx:figures-4+',
      coverage(f.metric, sentence),
      leadCoverage(f.metric, leadOf(doc.text.slice(a, f.prov.start))),
      headingShare(f.metric, titles.get(f.section) ?? ''),
    ];
  });
}
