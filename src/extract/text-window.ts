/**
 * Helpers to look at the words around a span of a block's text. All lookups are on a
 * lower-cased copy with the same offsets as the original.
 */

const LETTER = /[\p{L}\p{M}]/u;

/** Lower-case without changing offsets (falls back to per-character lowering if lengths would differ). */
export function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (const ch of text) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

export function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && LETTER.test(ch);
}

/** Does `lower` at `pos` start with `word` as a whole word (no letter right after)? */
export function wordAt(lower: string, pos: number, word: string): boolean {
  if (!lower.startsWith(word, pos)) return false;
  const last = word[word.length - 1];
  return !(isLetter(last) && isLetter(lower[pos + word.length]));
}

/** Does the text before `end` finish with `word` as a whole word? */
export function wordBefore(lower: string, end: number, word: string): boolean {
  const start = end - word.length;
  if (start < 0 || lower.slice(start, end) !== word) return false;
  return !(isLetter(word[0]) && isLetter(lower[start - 1]));
}

/** Offset of the first non-space character at or after `pos`. */
export function skipSpaces(text: string, pos: number): number {
  let p = pos;
  while (p < text.length && (text[p] === ' ' || text[p] === '\u00a0' || text[p] === '\t')) p++;
  return p;
}

/** Offset just after the last non-space character before `pos`. */
export function skipSpacesBack(text: string, pos: number): number {
  let p = pos;
  while (p > 0 && (text[p - 1] === ' ' || text[p - 1] === '\u00a0' || text[p - 1] === '\t')) p--;
  return p;
}

/** Start of the clause holding `pos`: after the last `.`/`;`/`:`/newline/`(` sentence mark before it. */
export function clauseStart(text: string, pos: number, marks = ';:\n('): number {
  for (let p = pos - 1; p >= 0; p--) {
    const ch = text[p];
    if (marks.includes(ch)) return p + 1;
    if (ch === '.' && /\s/.test(text[p + 1] ?? ' ')) return p + 1;
  }
  return 0;
}

/** Start of the sentence holding `pos` (after `. ` or a newline; `;` does not end a sentence). */
export function sentenceStart(text: string, pos: number): number {
  return clauseStart(text, pos, '\n');
}

/** End of the sentence holding `pos`. */
export function sentenceEnd(text: string, pos: number): number {
  for (let p = pos; p < text.length; p++) {
    const ch = text[p];
    if (ch === '\n') return p;
    if (ch === '.' && /\s/.test(text[p + 1] ?? ' ')) return p;
  }
  return text.length;
}
