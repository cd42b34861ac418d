/** The sentence around a span, split into the text before, the span itself and the text after. */
export interface SentenceWindow {
  before: string;
  match: string;
  after: string;
  /** True when the sentence was cut at `maxSide` characters on that side. */
  cutBefore: boolean;
  cutAfter: boolean;
}

/**
 * A sentence ends at a line break, or at `.`, `!`, `?`, `;` followed by white space. A dot
 * between digits (`1.234.567`) or in an abbreviation without a following space is not an end.
 */
function isBoundary(text: string, i: number): boolean {
  const c = text[i];
  if (c === '\n') return true;
  return (c === '.' || c === '!' || c === '?' || c === ';') && /\s/.test(text[i + 1] ?? ' ');
}

/** The sentence of `text` holding the half-open span [start, end), at most `maxSide` characters each side. */
export function sentenceAround(text: string, start: number, end: number, maxSide = 320): SentenceWindow {
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  let from = s;
  while (from > 0 && s - from < maxSide && !isBoundary(text, from - 1)) from--;
  let to = e;
  while (to < text.length && to - e < maxSide && !isBoundary(text, to)) to++;
  if (to < text.length && text[to] !== '\n' && isBoundary(text, to)) to++;
  const before = text.slice(from, s);
  return {
    before: before.replace(/^\s+/, ''),
    match: text.slice(s, e),
    after: text.slice(e, to).replace(/\s+$/, ''),
    cutBefore: from > 0 && !isBoundary(text, from - 1),
    cutAfter: to < text.length && !isBoundary(text, to - 1) && !isBoundary(text, to),
  };
}
