import { viet74kLines } from '../../text/viet-word-list.js';

/**
 * Repair of Vietnamese diacritics that OCR lost or misread, by the words around them.
 *
 * Tesseract's Vietnamese model drops or swaps the small tone mark written above a circumflex or
 * breve on real scans (`tô chức` for `tổ chức`, `kê hoạch` for `kế hoạch`, `phát triên` for
 * `phát triển`, `chuyền đồi` for `chuyển đổi`). A syllable is changed
 * only when it belongs to no word of the dictionary together with its neighbours, and exactly one
 * reading with other marks on the same letters does (`tổ chức` is a word, `tô chức` is not).
 * Syllables already part of a dictionary word are never touched, and a page is repaired only
 * when it has at least three such repairs (`repairPageDiacritics`), so correct text is left as
 * written (measured on the corpus source texts by `test/read/ocr-diacritic-repair.test.ts`).
 *
 * The dictionary is the Viet74K word list of `@vntk/dictionary`, read once from disk.
 */

export interface DiacriticRepair {
  from: string;
  to: string;
}

export interface DiacriticResult {
  text: string;
  repairs: DiacriticRepair[];
}

export interface Lexicon {
  /** Multi-syllable words as syllable keys joined by a space. */
  words: Set<string>;
  /** Skeleton (letters without any mark) → the dictionary's syllables with that skeleton, as keys. */
  syllables: Map<string, string[]>;
}

/** The longest word looked for, in syllables. */
const MAX_SPAN = 4;

/** Tone marks (combining): grave, acute, tilde, hook above, dot below. */
const TONES = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
const TONE_RE = /[\u0300\u0301\u0303\u0309\u0323]/gu;
const HAS_TONE = /[\u0300\u0301\u0303\u0309\u0323]/u;
const MARK_RE = /\p{M}/gu;

/**
 * A syllable's lookup key: lower case, its tone mark taken off and written at the end, so that
 * the old and new placements of the mark (`hoà`, `hòa`) are the same key.
 */
export function syllableKey(syllable: string): string {
  const decomposed = syllable.toLowerCase().normalize('NFD');
  const tone = TONES.findIndex((mark) => decomposed.includes(mark));
  return decomposed.replace(TONE_RE, '').normalize('NFC') + (tone >= 0 ? String(tone + 1) : '');
}

/** The letters of a syllable without any mark (`đ` kept apart from `d`). */
export function skeletonOf(syllable: string): string {
  return syllable.toLowerCase().normalize('NFD').replace(MARK_RE, '').normalize('NFC');
}

/**
 * Write a key back as text (lower case). The tone goes on the letter that carried the original's
 * tone, so a document's placement (`hoà` or `hòa`) is kept; else on the vowel the rules give.
 */
function keyToText(key: string, original: string): string {
  const tone = /\d$/u.test(key) ? Number(key.slice(-1)) : 0;
  const base = tone ? key.slice(0, -1) : key;
  if (!tone) return base;
  const chars = [...base];
  const vowels = chars.map((c, i) => (isVowel(c) ? i : -1)).filter((i) => i >= 0);
  if (vowels.length === 0) return base;
  const originalChars = [...original.normalize('NFC')];
  const marked = originalChars.findIndex((c) => HAS_TONE.test(c.normalize('NFD')));
  const target = originalChars.length === chars.length && vowels.includes(marked) ? marked : toneVowel(chars, vowels);
  chars[target] = (chars[target].normalize('NFD') + TONES[tone - 1]).normalize('NFC');
  return chars.join('');
}

function isVowel(c: string): boolean {
  return /[aeiouy]/u.test(c.normalize('NFD')[0]);
}

/** Which vowel takes the tone (the rules of the "new" placement: `hoà` → `hòa`, `quý`, `thuở`). */
function toneVowel(chars: string[], vowels: number[]): number {
  const modified = vowels.find((i) => /[\u0302\u0306\u031b]/u.test(chars[i].normalize('NFD')));
  if (modified !== undefined) {
    // ươ: the mark goes on ơ
    const next = vowels.find((i) => i === modified + 1 && /[\u031b]/u.test(chars[i].normalize('NFD')));
    return next ?? modified;
  }
  let nucleus = vowels;
  // `qu` and `gi` before another vowel: u / i belong to the consonant
  const first = vowels[0];
  if (vowels.length > 1 && first > 0 && ((chars[first] === 'u' && chars[first - 1] === 'q') || (chars[first] === 'i' && chars[first - 1] === 'g'))) {
    nucleus = vowels.slice(1);
  }
  const last = nucleus[nucleus.length - 1];
  const closed = last < chars.length - 1;
  if (nucleus.length === 1) return nucleus[0];
  if (nucleus.length === 3) return nucleus[1];
  return closed ? nucleus[1] : nucleus[0];
}

let cached: Lexicon | undefined;

/** The dictionary, read from `@vntk/dictionary` on first use. */
export function loadLexicon(): Lexicon {
  cached ??= buildLexicon(viet74kLines());
  return cached;
}

/** A lexicon from word-list lines (one word per line, syllables separated by spaces or hyphens). */
export function buildLexicon(lines: string[]): Lexicon {
  const words = new Set<string>();
  const syllables = new Map<string, Set<string>>();
  for (const line of lines) {
    const parts = line
      .normalize('NFC')
      .trim()
      .split(/[\s-]+/u)
      .filter(Boolean);
    if (parts.length === 0 || !parts.every((p) => /^\p{L}+$/u.test(p))) continue;
    const keys = parts.map(syllableKey);
    for (let i = 0; i < parts.length; i++) {
      const skeleton = skeletonOf(parts[i]);
      const set = syllables.get(skeleton) ?? new Set<string>();
      set.add(keys[i]);
      syllables.set(skeleton, set);
    }
    if (keys.length > 1) words.add(keys.join(' '));
  }
  return { words, syllables: new Map([...syllables].map(([k, v]) => [k, [...v]])) };
}

interface Token {
  text: string;
  start: number;
  end: number;
  key: string;
}

/** Fewer repairs than this on a page are not made (see `repairPageDiacritics`). */
export const MIN_PAGE_REPAIRS = 3;

export interface PageDiacriticResult {
  lines: string[];
  /** Every repair of the page, in order. */
  repairs: DiacriticRepair[];
  /** How many of them each line had. */
  perLine: number[];
}

/**
 * Repair a page's lines (in reading order; each line reads its neighbours), but only when the
 * page has at least `minRepairs` of them. A scan that loses tone marks loses them all over the
 * page (26 on one page of the 4532 letter); one or two lone candidates on a clean page are as
 * likely the author's own typos (`điểm chuyên mạch`), which the text must keep as written. On
 * the corpus scans no page reaches three; on the real scans of Phú Thọ every page does.
 */
export function repairPageDiacritics(lines: string[], lexicon: Lexicon = loadLexicon(), minRepairs = MIN_PAGE_REPAIRS): PageDiacriticResult {
  const results = lines.map((line, i) => repairDiacritics(line, lexicon, { before: lines[i - 1], after: lines[i + 1] }));
  const repairs = results.flatMap((r) => r.repairs);
  if (repairs.length < minRepairs) return { lines, repairs: [], perLine: lines.map(() => 0) };
  return { lines: results.map((r) => r.text), repairs, perLine: results.map((r) => r.repairs.length) };
}

/** The lines around the one repaired: a word may run over the line break (`thống` / `kê …`). */
export interface RepairContext {
  before?: string;
  after?: string;
}

/**
 * Syllables never repaired: `năm` (five, and the year of every period) is far more often right
 * than a `nằm` or `nắm` that lost its mark, and a period must not be broken by a repair.
 */
const KEEP = new Set(['năm']);

/** Repair the diacritics of one OCR line; `context` is read but never changed. */
export function repairDiacritics(line: string, lexicon: Lexicon = loadLexicon(), context: RepairContext = {}): DiacriticResult {
  const text = line.normalize('NFC');
  const before = context.before ? `${context.before.normalize('NFC')} ` : '';
  const after = context.after ? ` ${context.after.normalize('NFC')}` : '';
  const all = before + text + after;
  const inLine = (token: Token): boolean => token.start >= before.length && token.end <= before.length + text.length;
  const changes = new Map<number, string>();
  const change = (token: Token, key: string): void => {
    if (inLine(token) && !KEEP.has(token.key)) changes.set(token.start - before.length, key);
  };
  for (const run of runsOf(all)) {
    const keys = run.map((t) => t.key);
    const covered = keys.map((_, i) => coveredAt(keys, i, lexicon));
    const capitals = run.map((t) => t.text.length > 1 && t.text === t.text.toUpperCase());
    for (let i = 0; i < run.length; i++) {
      if (covered[i] || KEEP.has(keys[i])) continue;
      const single = uniqueFix(keys, covered, capitals, i, lexicon);
      if (single) {
        change(run[i], single);
        continue;
      }
      // two neighbours both misread (`tông thê` for `tổng thể`)
      if (i + 1 < run.length && !covered[i + 1] && !KEEP.has(keys[i + 1])) {
        const pair = uniquePairFix(keys, covered, capitals, i, lexicon);
        if (pair) {
          change(run[i], pair[0]);
          change(run[i + 1], pair[1]);
          i += 1;
        }
      }
    }
  }
  for (const token of tokensOf(all)) {
    // `sô` before a number is `số` (`Nghị định sô 63/2010`): no other reading stands before a numeral
    if (token.key === 'sô' && /^ +\d/u.test(all.slice(token.end))) change(token, syllableKey('số'));
  }
  if (changes.size === 0) return { text, repairs: [] };
  const repairs: DiacriticRepair[] = [];
  let out = '';
  let last = 0;
  for (const token of tokensOf(text)) {
    const key = changes.get(token.start);
    if (key === undefined) continue;
    const replacement = withCaseOf(token.text, keyToText(key, token.text));
    if (replacement === token.text) continue;
    out += text.slice(last, token.start) + replacement;
    last = token.end;
    repairs.push({ from: token.text, to: replacement });
  }
  return { text: out + text.slice(last), repairs };
}

function tokensOf(text: string): Token[] {
  return [...text.matchAll(/\p{L}+/gu)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length, key: syllableKey(m[0]) }));
}

/**
 * Runs of syllables that can form a word together: separated by one space only, each all lower
 * case, Capitalised or ALL CAPS (not `iPhone`, not a code such as `KSTTHC`).
 */
function runsOf(text: string): Token[][] {
  const runs: Token[][] = [];
  let run: Token[] = [];
  let previous: Token | undefined;
  for (const token of tokensOf(text)) {
    const joined = previous && isWordLike(previous) && isWordLike(token) && /^ $/u.test(text.slice(previous.end, token.start));
    if (!joined && run.length) {
      runs.push(run);
      run = [];
    }
    if (isWordLike(token)) run.push(token);
    previous = token;
  }
  if (run.length) runs.push(run);
  return runs.filter((r) => r.length > 1);
}

function isWordLike(token: Token): boolean {
  const t = token.text;
  if (!/^\p{Ll}+$|^\p{Lu}\p{Ll}*$|^\p{Lu}+$/u.test(t)) return false;
  return /[aeiouy]/u.test(skeletonOf(t));
}

/** Spans [a, b] of two to `MAX_SPAN` syllables of a run of `length` that contain positions i to j. */
function* spansThrough(length: number, i: number, j = i): Generator<[number, number]> {
  for (let a = Math.max(0, i - MAX_SPAN + 1); a <= i; a++) {
    for (let b = Math.max(j, a + 1); b < Math.min(length, a + MAX_SPAN); b++) yield [a, b];
  }
}

/** Whether syllable i is part of a dictionary word made with its neighbours. */
function coveredAt(keys: string[], i: number, lexicon: Lexicon): boolean {
  for (const [a, b] of spansThrough(keys.length, i)) if (lexicon.words.has(keys.slice(a, b + 1).join(' '))) return true;
  return false;
}

/**
 * Other readings of a syllable that OCR may have got wrong above a hat (â, ă, ê, ô): without a
 * tone mark (`tô`, `kê`, `triên`), each tone mark on the same letters (`tổ`, `kế`, `triển`); with
 * a grave or an acute, the hook it may be (`chuyền đồi` for `chuyển đổi`, `phố thông` for `phổ
 * thông`: a small hook over a hat reads like either); in capitals, the hat itself under its tone
 * mark (`KÉ` for `KẾ`). Letters and their other marks are never changed, and no other tone is
 * swapped: letting any mark change also "repaired" `tỉnh Phú` into `tình phụ` and `đã` into `đá`
 * on correct text, and a lost hat in lower case turned `cáp` (cable) into `cấp`.
 */
function toneVariants(key: string, lexicon: Lexicon, capitals: boolean): string[] {
  const known = lexicon.syllables.get(skeletonOf(key.replace(/\d$/u, ''))) ?? [];
  // in capitals, the hat itself lost under a tone mark (`KÉ HOẠCH` for `KẾ HOẠCH`, `TÓI THIÊU`
  // for `TỐI THIỂU`); in lower case a hatless `cáp` or `cảm` is far more often right
  if (!/[âăêô]/u.test(key)) return capitals && /\d$/u.test(key) ? known.filter((k) => /[âăêô]/u.test(k) && withoutHat(k) === key) : [];
  // a hook above the hat read as a grave or an acute (`chuyền đồi` for `chuyển đổi`, `phố thông` for `phổ thông`)
  if (key.endsWith(GRAVE) || key.endsWith(ACUTE)) return known.filter((k) => k === `${key.slice(0, -1)}${HOOK}`);
  if (/\d$/u.test(key)) return [];
  return known.filter((k) => k !== key && k.slice(0, -1) === key);
}

/** A key with its circumflex and breve taken off (`kế` → `ké`); the horn of ơ, ư stays. */
function withoutHat(key: string): string {
  return key
    .normalize('NFD')
    .replace(/[\u0302\u0306]/gu, '')
    .normalize('NFC');
}

/** Tone digits of keys (`TONES` order, from 1). */
const GRAVE = '1';
const ACUTE = '2';
const HOOK = '4';

/**
 * Whether `keys`, with syllable i read as `variant`, has a dictionary word through i made of
 * syllables that belonged to no word before: a repair may not take a syllable from a word that
 * was read right (`điên thông tin` must not become `điện thông tin`).
 */
function makesWord(keys: string[], covered: boolean[], i: number, variant: string, lexicon: Lexicon, j = i, variantJ = variant): boolean {
  const trial = keys.with(i, variant).with(j, variantJ);
  for (const [a, b] of spansThrough(keys.length, i, j)) {
    if (!covered.slice(a, b + 1).some(Boolean) && lexicon.words.has(trial.slice(a, b + 1).join(' '))) return true;
  }
  return false;
}

/** The one other reading of syllable i that makes a word with its neighbours, if only one does. */
function uniqueFix(keys: string[], covered: boolean[], capitals: boolean[], i: number, lexicon: Lexicon): string | undefined {
  const fixes = toneVariants(keys[i], lexicon, capitals[i]).filter((k) => makesWord(keys, covered, i, k, lexicon));
  return fixes.length === 1 ? fixes[0] : undefined;
}

/** The one pair of other readings of syllables i and i+1 that is a word, if only one is. */
function uniquePairFix(keys: string[], covered: boolean[], capitals: boolean[], i: number, lexicon: Lexicon): [string, string] | undefined {
  const found: [string, string][] = [];
  for (const a of toneVariants(keys[i], lexicon, capitals[i])) {
    for (const b of toneVariants(keys[i + 1], lexicon, capitals[i + 1])) {
      if (makesWord(keys, covered, i, a, lexicon, i + 1, b)) found.push([a, b]);
    }
  }
  return found.length === 1 ? found[0] : undefined;
}

function withCaseOf(original: string, lower: string): string {
  if (original.length > 1 && original === original.toUpperCase()) return lower.toUpperCase();
  if (original[0] === original[0].toUpperCase()) return lower[0].toUpperCase() + lower.slice(1);
  return lower;
}
