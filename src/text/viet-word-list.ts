import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Vietnamese words of more than one syllable (`thanh toán`, `đầu tư`, `chuyển đổi số`), from the
 * Viet74K list of `@vntk/dictionary` (MIT), read once from the package's data file. Vietnamese
 * writes a space between the syllables of a word, so a phrase cut at a space may cut a word in
 * two (`toán vốn đầu tư` from `thanh toán vốn đầu tư`); this list says where the words are.
 */
export interface VietWordList {
  /** Lower-case NFC words of 2+ syllables, syllables joined by one space. */
  words: ReadonlySet<string>;
  /** The most syllables a word of the list has (bounds the lookups). */
  longest: number;
}

let cached: VietWordList | undefined;

/** The lines of the Viet74K list (one word per line), read from the package's data file. */
export function viet74kLines(): string[] {
  const require = createRequire(import.meta.url);
  const path = join(dirname(require.resolve('@vntk/dictionary/package.json')), 'data', 'Viet74K.txt');
  return readFileSync(path, 'utf8').split('\n');
}

export function vietWordList(): VietWordList {
  cached ??= wordListFrom(viet74kLines());
  return cached;
}

/** A line that is a word of 2+ syllables: letters only, syllables parted by spaces or hyphens (those at the ends ignored). */
const WORD_LINE = /^[\s-]*(\p{L}+(?:[\s-]+\p{L}+)+)[\s-]*$/u;

/**
 * A word list from lines (one word per line, syllables separated by spaces or hyphens). One
 * regular expression per line, the syllables counted from it: the same list as trimming,
 * splitting and testing each syllable, in less than half the time (the list is built at the
 * first document of every process and worker thread).
 */
export function wordListFrom(lines: string[]): VietWordList {
  const words = new Set<string>();
  let longest = 1;
  for (const line of lines) {
    const word = WORD_LINE.exec(line.normalize('NFC').toLowerCase())?.[1];
    if (word === undefined) continue;
    const parts = word.split(/[\s-]+/u);
    words.add(parts.join(' '));
    if (parts.length > longest) longest = parts.length;
  }
  return { words, longest };
}

/**
 * Does a cut between syllable `at - 1` and `at` of `syllables` split a word of the list? True when
 * some dictionary word covers both syllables (`thanh | toán`).
 */
export function splitsWord(syllables: readonly string[], at: number, list: VietWordList = vietWordList()): boolean {
  if (at <= 0 || at >= syllables.length) return false;
  const lower = syllables.map((s) => s.toLowerCase().replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''));
  for (let start = Math.max(0, at - list.longest + 1); start < at; start++) {
    for (let end = at + 1; end <= Math.min(lower.length, start + list.longest); end++) {
      const piece = lower.slice(start, end);
      if (piece.every((p) => p) && list.words.has(piece.join(' '))) return true;
    }
  }
  return false;
}
