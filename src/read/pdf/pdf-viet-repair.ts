import { hasVietLetter, isSyllable, QUALITY_MARKS, TONE_MARKS } from '../../text/viet-syllable.js';

/**
 * Rebuild Vietnamese words that a PDF text layer broke around diacritics, then NFC:
 * - a combining mark cut off by a space goes back onto the letter before it (`Viê ̣t`);
 * - a circumflex/breve/horn drawn on a letter that cannot carry it moves to the vowel that can,
 *   and the tone mark is then put back on the right vowel (`Vị̂et` → `Việt`);
 * - two pieces are joined when one is not a syllable and together they are (`ĐIỀ U` → `ĐIỀU`);
 *   when `eager` (the page showed such splits), also when both pieces are syllables and the
 *   space touches a letter with a diacritic (`KHO ẢN` → `KHOẢN`).
 */
export function repairVietnamese(text: string, eager = false): string {
  return joinSplitWords(fixMarks(text), eager).text;
}

/** Repair the lines of one page: the eager join is switched on when the page shows at least two sure splits. */
export function repairPage(lines: string[]): string[] {
  const fixed = lines.map(fixMarks);
  const first = fixed.map((l) => joinSplitWords(l, false));
  const sure = first.reduce((n, r) => n + r.joins, 0);
  if (sure < 2) return first.map((r) => r.text);
  return fixed.map((l) => joinSplitWords(l, true).text);
}

const MARK = /\p{M}/u;
const VOWEL = /[aeiouyăâêôơư]/iu;
const CAN_CIRCUMFLEX = /[aeo]/iu;
const CAN_BREVE = /[a]/iu;
const CAN_HORN = /[ou]/iu;

/** Put combining marks back where they belong (see repairVietnamese); returns NFC text. */
export function fixMarks(text: string): string {
  // Fast path: a line that composes fully has no stray mark to move (a misplaced mark, such as a
  // circumflex on i, has no precomposed letter and stays combining after NFC).
  const nfc = text.normalize('NFC');
  if (!MARK.test(nfc)) return nfc;
  let nfd = text.normalize('NFD');
  // A space cut between a letter and its mark.
  nfd = nfd.replace(/(\p{L}\p{M}*)\s+(\p{M}+)/gu, '$1$2');
  // A mark at the start of a word (drawn before its base): after the word's first letter.
  nfd = nfd.replace(/(^|\s)(\p{M}+)(\p{L})/gu, '$1$3$2');
  return nfd
    .split(/(\s+)/u)
    .map((word) => fixWordMarks(word))
    .join('')
    .normalize('NFC');
}

/** Letters of a word with the marks each carries. */
interface Letter {
  base: string;
  marks: string[];
}

function fixWordMarks(word: string): string {
  if (!MARK.test(word)) return word;
  const letters: Letter[] = [];
  for (const ch of word) {
    if (MARK.test(ch) && letters.length > 0) letters[letters.length - 1].marks.push(ch);
    else letters.push({ base: ch, marks: [] });
  }
  let moved = false;
  for (let i = 0; i < letters.length; i++) {
    for (const mark of [...letters[i].marks]) {
      const can = canCarry(letters[i].base, mark);
      if (can) continue;
      const target = nearest(letters, i, (l) => canCarry(l.base, mark) === true && !l.marks.some((m) => QUALITY_MARKS.test(m)));
      if (target < 0) continue;
      letters[i].marks.splice(letters[i].marks.indexOf(mark), 1);
      letters[target].marks.push(mark);
      moved = true;
    }
  }
  if (moved) placeTone(letters);
  return letters.map((l) => l.base + l.marks.join('')).join('');
}

/** Whether a letter may carry a mark; undefined for marks this module does not move. */
function canCarry(base: string, mark: string): boolean | undefined {
  if (mark === '\u0302') return CAN_CIRCUMFLEX.test(base);
  if (mark === '\u0306') return CAN_BREVE.test(base);
  if (mark === '\u031b') return CAN_HORN.test(base);
  if (new RegExp(TONE_MARKS.source, 'u').test(mark)) return VOWEL.test(base);
  return undefined;
}

function nearest(letters: Letter[], from: number, ok: (l: Letter) => boolean): number {
  for (let d = 1; d < letters.length; d++) {
    if (from + d < letters.length && ok(letters[from + d])) return from + d;
    if (from - d >= 0 && ok(letters[from - d])) return from - d;
  }
  return -1;
}

/** Put a word's tone mark on the vowel that carries it: the (last) vowel with a quality mark, else by the usual rule. */
function placeTone(letters: Letter[]): void {
  const tone = new RegExp(TONE_MARKS.source, 'u');
  let mark: string | undefined;
  for (const l of letters) {
    const t = l.marks.find((m) => tone.test(m));
    if (t) {
      mark = t;
      l.marks.splice(l.marks.indexOf(t), 1);
    }
  }
  if (!mark) return;
  const vowels = letters.map((l, i) => ({ l, i })).filter(({ l }) => VOWEL.test(l.base));
  if (vowels.length === 0) return;
  const quality = vowels.filter(({ l }) => l.marks.some((m) => QUALITY_MARKS.test(m)));
  let at: number;
  if (quality.length > 0) at = quality[quality.length - 1].i;
  else if (vowels.length === 1) at = vowels[0].i;
  else at = vowels[vowels.length - 1].i < letters.length - 1 ? vowels[vowels.length - 1].i : vowels[vowels.length - 2].i;
  // Combining order: quality mark first, then tone (NFC composes both).
  letters[at].marks.push(mark);
}

const TOKEN = /^([^\p{L}]*)(\p{L}+)([^\p{L}]*)$/u;

/** Join pieces of split words on one line; counts the joins it is sure of. */
function joinSplitWords(text: string, eager: boolean): { text: string; joins: number } {
  if (!hasVietLetter(text)) return { text, joins: 0 };
  const tokens = text.split(' ');
  let joins = 0;
  for (let pass = 0; pass < 3; pass++) {
    let changed = false;
    for (let i = 0; i + 1 < tokens.length; i++) {
      const a = TOKEN.exec(tokens[i]);
      const b = TOKEN.exec(tokens[i + 1]);
      if (!a || !b || a[3] !== '' || b[1] !== '') continue;
      const left = a[2];
      const right = b[2];
      if (!hasVietLetter(left.slice(-1) + right.slice(0, 1))) continue;
      if (/\p{Ll}/u.test(left) && /\p{Lu}/u.test(right)) continue;
      const joined = left + right;
      if (!isSyllable(joined)) continue;
      const sure = !isSyllable(left) || !isSyllable(right);
      if (!sure && !eager) continue;
      tokens.splice(i, 2, a[1] + joined + b[3]);
      if (sure) joins++;
      changed = true;
    }
    if (!changed) break;
  }
  return { text: tokens.join(' '), joins };
}
