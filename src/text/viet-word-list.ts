import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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

/**
 * The list as the build writes it beside the compiled module (`viet-words.txt`, by
 * `scripts/build-startup.ts`): a header line, then one word per line. Reading it is a fifth of the
 * time of building the list from Viet74K, paid by every process and worker thread at its first
 * document. From the sources (tsx, jest) there is no such file and the list is built.
 */
export const PREBUILT_WORD_LIST = fileURLToPath(new URL('./viet-words.txt', import.meta.url));

const HEADER = /^# solieu multi-syllable words of Viet74K; longest (\d+)$/;

/** A word list as the text of its prebuilt file. */
export function wordListText(list: VietWordList): string {
  return [`# solieu multi-syllable words of Viet74K; longest ${list.longest}`, ...list.words].join('\n');
}

/** A word list from the text of its prebuilt file, or undefined when it is not one. */
export function parseWordListText(text: string): VietWordList | undefined {
  const lines = text.split('\n');
  const longest = HEADER.exec(lines[0] ?? '')?.[1];
  if (longest === undefined || lines.length < 2) return undefined;
  return { words: new Set(lines.slice(1)), longest: Number(longest) };
}

export function vietWordList(): VietWordList {
  cached ??= (existsSync(PREBUILT_WORD_LIST) ? parseWordListText(readFileSync(PREBUILT_WORD_LIST, 'utf8')) : undefined) ?? wordListFrom(viet74kLines());
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
