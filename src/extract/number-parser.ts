/**
 * Vietnamese numbers in text: digits in Vietnamese or English style (`number-digits.ts`), number
 * words (`number-words.ts`), scale words after digits (`14,96 tỷ`, `1tr2`, `10k`).
 *
 * `findNumbers` reads running text and is conservative:
 * - It never starts inside a word: digits glued to a letter before them (`KV5`, `A1`) give no
 *   match at all. Digits with letters after them (`4G`, `25b`) give the digits alone; whether
 *   that is a name is the extractor's call (`Covid-19` gives 19: the hyphen is not a sign).
 * - Dates and ratios come back in pieces: `05/3/2020` is three matches, `11/63` two; a run that is
 *   no single number (`1.2.3`, `05.03.2020`) is split at its separators.
 * - A minus sign is not read in running text (a dash is a bullet or a range); `âm` is.
 * - A single word that is a number only sometimes (`một`, `năm`, `tư`, `không`, `lăm`, `mốt`,
 *   `trăm`, scale words alone) is not taken; `năm 2021` gives only 2021. Spoken pairs opening a
 *   number (`hai ba ngày`, 2–3 days) are not read as 23. After `thứ`, `nhất`/`nhì`/`tư`/`năm`
 *   are ordinals (1, 2, 4, 5).
 * `parseNumber` reads a whole string leniently: signs (`-`, `âm`, `trừ`), `,77`, `100K`, `3M`,
 * `,0012G`, `1t`, a lone `trăm`, spoken pairs (`hai mốt` 21), `không` 0.
 */
import { readDigitRun, type SeparatorStyle } from './number-digits.js';
import { inferSeparatorStyle } from './number-style.js';
import { AMBIGUOUS_ALONE, DIGIT_WORDS, FRACTION_AFTER, NUMBER_VOCABULARY, SCALE_WORDS, isScaleCompound, parseWordTokens } from './number-words.js';

export type { SeparatorStyle } from './number-digits.js';

export interface NumberMatch {
  /** Half-open span in the input. */
  start: number;
  end: number;
  /** `input.slice(start, end)`. */
  text: string;
  /** The number as written; for digits a following scale word is NOT applied (`14,96 tỷ` → 14.96). */
  value: number;
  /** Multiplier from a following scale word (1 if none); for number words the scale is inside `value`. */
  scale: number;
  /** The scale word as written. */
  scaleWord?: string;
  form: 'digits' | 'words' | 'mixed';
  separatorStyle: SeparatorStyle;
  /** `02`, `08`. */
  leadingZero: boolean;
}

interface ScanOptions {
  /** How to read the two ambiguous shapes (`2.139`, `1,234`); Vietnamese unless told. */
  prefer?: 'vi' | 'en';
  /** Reading a short phrase leniently (pairs, signs, `không` alone), not running text. */
  whole: boolean;
  /** A lone scale word is a number (`trăm` 100): only for a whole string. */
  loneScale?: boolean;
}

interface Token {
  norm: string;
  start: number;
  end: number;
}

const LETTER = /[\p{L}\p{M}]/u;
const DIGIT = /\d/;
const isLetter = (ch: string | undefined): boolean => ch !== undefined && LETTER.test(ch);
const isDigit = (ch: string | undefined): boolean => ch !== undefined && DIGIT.test(ch);

const norm = (w: string): string => w.normalize('NFC').toLowerCase();

/** Consecutive tokens from `pos`: words (letters) or digit runs, separated by white space only. */
function tokensAfter(text: string, pos: number, max: number): Token[] {
  const out: Token[] = [];
  const re = /[^\S\n]*([\p{L}\p{M}]+|\d+)/uy;
  re.lastIndex = pos;
  while (out.length < max) {
    const at = re.lastIndex;
    const m = re.exec(text);
    if (!m) break;
    const start = m.index + m[0].length - m[1].length;
    // tokens must be separated by space; `hai,ba` or a word glued to digits ends the run
    if (out.length > 0 && start === at) break;
    if (out.length === 0 && start !== pos && pos !== at) break;
    const end = start + m[1].length;
    if (isLetter(text[end]) || isDigit(text[end])) {
      out.push({ norm: norm(m[1]), start, end });
      break;
    }
    out.push({ norm: norm(m[1]), start, end });
  }
  return out;
}

const GLUED_SCALES: ReadonlyArray<{ re: RegExp; scale: number; whole: boolean; decimals: boolean }> = [
  { re: /(tr)(\d*)(?![\p{L}\p{M}\d])/iuy, scale: 1e6, whole: false, decimals: true },
  { re: /(t)(\d+)(?![\p{L}\p{M}\d])/uy, scale: 1e9, whole: false, decimals: true },
  { re: /(t)(?![\p{L}\p{M}\d])/uy, scale: 1e9, whole: true, decimals: false },
  // running text: lowercase `k` only (`4K` is a video resolution)
  { re: /(k)(?![\p{L}\p{M}\d])/uy, scale: 1e3, whole: false, decimals: false },
  { re: /(K)(?![\p{L}\p{M}\d])/uy, scale: 1e3, whole: true, decimals: false },
  { re: /(M)(?![\p{L}\p{M}\d])/uy, scale: 1e6, whole: true, decimals: false },
  { re: /(G)(?![\p{L}\p{M}\d])/uy, scale: 1e9, whole: true, decimals: false },
];

function makeMatch(text: string, start: number, end: number, rest: Omit<NumberMatch, 'start' | 'end' | 'text'>): NumberMatch {
  return { start, end, text: text.slice(start, end), ...rest };
}

/** Scale words after digits (`14,96 tỷ`, `5 trăm nghìn`, `2 nghìn tỷ`): multiplier, words as written, end. */
function spacedScale(text: string, pos: number): { scale: number; word: string; end: number } | null {
  const toks = tokensAfter(text, pos, 5);
  let scale = 1;
  let end = pos;
  let n = 0;
  for (const [k, t] of toks.entries()) {
    const s = SCALE_WORDS.get(t.norm) ?? (t.norm === 'trăm' && n === 0 ? 100 : undefined);
    if (s === undefined || isScaleCompound(t.norm, toks[k + 1]?.norm)) break;
    scale *= s;
    end = t.end;
    n++;
  }
  if (!n) return null;
  return { scale, word: text.slice(toks[0].start, end), end };
}

/** Digits at `pos` (a digit, or `,` in whole mode): one match, or the pieces of a run that is no single number. */
function matchDigits(text: string, pos: number, opts: ScanOptions): { matches: NumberMatch[]; end: number } {
  const re = opts.whole ? /(?:\d+|,\d+)(?:[.,]\d+)*/y : /\d+(?:[.,]\d+)*/y;
  re.lastIndex = pos;
  const run = re.exec(text)?.[0] ?? text[pos];
  const runEnd = pos + run.length;
  const reading = readDigitRun(run, opts.prefer);
  if (!reading) {
    const pieces: NumberMatch[] = [];
    const pieceRe = /\d+/g;
    for (const p of run.matchAll(pieceRe)) {
      const s = pos + (p.index ?? 0);
      pieces.push(
        makeMatch(text, s, s + p[0].length, { value: Number(p[0]), scale: 1, form: 'digits', separatorStyle: 'none', leadingZero: /^0\d/.test(p[0]) }),
      );
    }
    return { matches: pieces, end: runEnd };
  }
  const base = { value: reading.value, scale: 1, form: 'digits' as const, separatorStyle: reading.separatorStyle, leadingZero: reading.leadingZero };
  for (const g of GLUED_SCALES) {
    if (g.whole && !opts.whole) continue;
    g.re.lastIndex = runEnd;
    const m = g.re.exec(text);
    if (!m) continue;
    const decimals = m[2] ?? '';
    if (decimals && reading.separatorStyle !== 'none') continue;
    const value = decimals ? Number(`${run}.${decimals}`) : reading.value;
    return { matches: [makeMatch(text, pos, runEnd + m[0].length, { ...base, value, scale: g.scale, scaleWord: m[1] })], end: runEnd + m[0].length };
  }
  const mixed = mixedDecimal(text, run, runEnd, reading.separatorStyle);
  if (mixed) {
    const end = mixed.scale ? mixed.scale.end : mixed.end;
    const m = makeMatch(text, pos, end, { ...base, value: mixed.value, form: 'mixed', scale: mixed.scale?.scale ?? 1, scaleWord: mixed.scale?.word });
    return { matches: [m], end };
  }
  const sc = spacedScale(text, runEnd);
  if (sc) {
    let value = reading.value;
    let end = sc.end;
    const after = tokensAfter(text, sc.end, 1)[0];
    const smaller = after?.norm === 'rưỡi' ? null : smallerScalePart(text, sc.end, sc.scale);
    if (after?.norm === 'rưỡi') {
      value += 0.5;
      end = after.end;
    } else if (smaller) {
      value += smaller.value;
      end = smaller.end;
    }
    return { matches: [makeMatch(text, pos, end, { ...base, value, scale: sc.scale, scaleWord: sc.word })], end };
  }
  return { matches: [makeMatch(text, pos, runEnd, base)], end: runEnd };
}

/**
 * `1 tỷ 250 triệu`: digits with a smaller scale right after a scaled number belong to it. Returns
 * the part in units of the first scale (0,25) and where it ends.
 */
function smallerScalePart(text: string, pos: number, scale: number): { value: number; end: number } | null {
  const re = /[^\S\n]+(\d+(?:[.,]\d+)*)/y;
  re.lastIndex = pos;
  const m = re.exec(text);
  if (!m || isLetter(text[re.lastIndex])) return null;
  const reading = readDigitRun(m[1]);
  const sc = reading && spacedScale(text, re.lastIndex);
  if (!reading || !sc || sc.scale >= scale || reading.value * sc.scale >= scale) return null;
  return { value: (reading.value * sc.scale) / scale, end: sc.end };
}

/** `2 chấm 23`, `1 phẩy 1` (digits, spoken decimal point, digits), with a scale after. */
function mixedDecimal(
  text: string,
  run: string,
  runEnd: number,
  style: SeparatorStyle,
): { value: number; end: number; scale: ReturnType<typeof spacedScale> } | null {
  if (style !== 'none') return null;
  const toks = tokensAfter(text, runEnd, 2);
  if (toks.length < 2 || (toks[0].norm !== 'phẩy' && toks[0].norm !== 'chấm') || !/^\d+$/.test(toks[1].norm)) return null;
  return { value: Number(`${run}.${toks[1].norm}`), end: toks[1].end, scale: spacedScale(text, toks[1].end) };
}

const ORDINAL_AFTER_THU: ReadonlyMap<string, number> = new Map([
  ['nhất', 1],
  ['nhì', 2],
  ['tư', 4],
  ['năm', 5],
]);

/** Two plain digit words in a row (`hai ba ngày`, `năm sáu người`): an approximate range, not a number. */
function approximateRange(toks: Token[]): boolean {
  const a = DIGIT_WORDS.get(toks[0]?.norm ?? '');
  const b = DIGIT_WORDS.get(toks[1]?.norm ?? '');
  return a !== undefined && b !== undefined && a >= 1 && b === a + 1 && toks[2]?.norm !== 'mươi' && toks[2]?.norm !== 'trăm';
}

const WORD = /[\p{L}\p{M}]+/uy;

/** Words that after `gấp` say how many times (`gấp đôi`, `gấp rưỡi`). */
const MULTIPLE_WORDS: ReadonlyMap<string, number> = new Map([
  ['đôi', 2],
  ['rưỡi', 1.5],
]);

/** Words after `một` that make no count of one (`một số`, `một phần`, `một cách`, `một trong`, `một cửa` …). */
const NOT_ONE_OF =
  /^\s+(?:số|phần|cách|trong|lúc|khi|mặt|vài|ít|chút|loạt|chiều|cửa|nửa|lần nữa|thời gian|hệ thống|bộ phận|mình|tay|lòng|nhà|đợt nữa)(?![\p{L}])/iu;
/** A count in words or digits, then a few words of its noun, then `và` or a comma (`ba hươu sao và `, `8 phản ánh, còn `). */
const COUNT_LISTED_BEFORE =
  /(?:^|[\s,;:(])(?:\d[\d.,]*|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+(\p{L}+)(?:\s+\p{L}+){0,3}\s*(?:,\s*(?:còn\s+|và\s+)?|\s+(?:và|còn)\s+)$/iu;

/**
 * `một` as a count of one among counts: right after a count joined by `và`, a comma or `còn` (`02 hổ, ba hươu sao và một
 * voọc`), naming again the noun an earlier count of its sentence counted (`đã giải quyết 8 phản ánh, còn một phản ánh`,
 * `giảm một vụ`, `trong đó một doanh nghiệp`), or people a harm befell (`làm chết một người`) — never `một` as "each"
 * (`bình quân … một doanh nghiệp`) nor one inside a quoted name.
 */
function oneCounted(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 24);
  if (NOT_ONE_OF.test(after) || !/^\s+\p{Ll}/u.test(after)) return false;
  const noun = /^\s+(\p{L}+)/u.exec(after)?.[1]?.toLowerCase();
  const before = norm(text.slice(Math.max(0, start - 160), start));
  const sentence = before.slice(Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n')) + 1);
  // (not `một` as "each" — `bình quân vốn đăng ký một doanh nghiệp`, `mỗi gia đình một cây` — nor inside a quoted name)
  if (/(?<![\p{L}])(?:bình quân|trung bình|mỗi)(?![\p{L}])[^,;.()]{0,40}$/u.test(sentence) || (sentence.match(/["“”]/gu)?.length ?? 0) % 2 === 1) return false;
  // (people a harm befell: `xảy ra 3 vụ tai nạn giao thông, làm chết một người, bị thương bốn người`)
  if (noun === 'người' && /(?<![\p{L}])(?:chết|bị thương|tử vong|mất tích|thiệt mạng)\s+$/u.test(sentence)) return true;
  // (the noun an earlier count of the sentence counted: `Xảy ra hai vụ tai nạn hàng hải (giảm một vụ …)`, `có 03 doanh
  // nghiệp đạt giải, trong đó một doanh nghiệp …`)
  if (noun && new RegExp(`(?:^|[^\\p{L}\\d.,])(?:\\d[\\d.,]*|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\\s+${noun}(?![\\p{L}])`, 'u').test(sentence)) return true;
  const listed = COUNT_LISTED_BEFORE.exec(norm(text.slice(Math.max(0, start - 60), start)));
  if (!listed) return false;
  // (the same noun again, or a list whose items each name their own noun after their count)
  return noun === listed[1] || /\s+và\s+$/u.test(text.slice(Math.max(0, start - 5), start));
}

/** Number words starting at `pos` (a word start): a match, or how far to skip. */
function matchWords(text: string, pos: number, opts: ScanOptions): NumberMatch | { skipTo: number } {
  WORD.lastIndex = pos;
  const firstWord = WORD.exec(text)?.[0] ?? '';
  const first = norm(firstWord);
  // a multiple in words (`gấp đôi` twice, `gấp rưỡi` one and a half times)
  const multiple = MULTIPLE_WORDS.get(first);
  if (multiple !== undefined && /(?:^|[^\p{L}])gấp\s+$/u.test(norm(text.slice(Math.max(0, pos - 6), pos))))
    return makeMatch(text, pos, pos + firstWord.length, { value: multiple, scale: 1, form: 'words', separatorStyle: 'none', leadingZero: false });
  if (!NUMBER_VOCABULARY.has(first) && !ORDINAL_AFTER_THU.has(first)) return { skipTo: pos + firstWord.length };
  const all = tokensAfter(text, pos, 48);
  const toks: Token[] = [];
  for (const [k, t] of all.entries()) {
    const prev = toks[toks.length - 1]?.norm;
    if (isScaleCompound(t.norm, all[k + 1]?.norm)) break;
    const digitsAfterPoint = /^\d+$/.test(t.norm) && (prev === 'phẩy' || prev === 'chấm');
    if (!NUMBER_VOCABULARY.has(t.norm) && !digitsAfterPoint) break;
    toks.push(t);
    if (digitsAfterPoint) break;
  }
  const before = norm(text.slice(Math.max(0, pos - 5), pos));
  if (/(?:^|[^\p{L}])thứ\s+$/u.test(before) && all.length) {
    const ord = ORDINAL_AFTER_THU.get(all[0].norm);
    if (ord !== undefined && (toks.length <= 1 || parseWordTokens([all[0].norm, toks[1].norm], opts) === null)) {
      return makeMatch(text, all[0].start, all[0].end, { value: ord, scale: 1, form: 'words', separatorStyle: 'none', leadingZero: false });
    }
  }
  if (!opts.whole && approximateRange(toks)) return { skipTo: toks[1].end };
  for (let k = toks.length; k >= 1; k--) {
    const words = toks.slice(0, k).map((t) => t.norm);
    // (`một` opening a fraction in words is a number: `một phần ba số hộ`, `hơn một nửa số hợp tác xã`)
    // (and `một` counting in a list of counts: `đã giải quyết 8 phản ánh, còn một phản ánh`, `ba hươu sao và một voọc`)
    if (
      !opts.whole &&
      k === 1 &&
      AMBIGUOUS_ALONE.has(words[0]) &&
      !(words[0] === 'một' && (FRACTION_AFTER.test(text.slice(toks[0].end, toks[0].end + 16)) || oneCounted(text, toks[0].start, toks[0].end)))
    )
      continue;
    const value = parseWordTokens(words, { whole: opts.whole, loneScale: opts.loneScale });
    if (value === null) continue;
    const hasDigits = words.some((w) => /^\d/.test(w));
    return makeMatch(text, toks[0].start, toks[k - 1].end, {
      value,
      scale: 1,
      form: hasDigits ? 'mixed' : 'words',
      separatorStyle: 'none',
      leadingZero: false,
    });
  }
  let end = pos;
  while (end < text.length && isLetter(text[end])) end++;
  return { skipTo: end };
}

/** `âm` (and, reading leniently, `trừ`) right before a match makes it negative. */
function withSign(text: string, m: NumberMatch, opts: ScanOptions): NumberMatch {
  const before = text.slice(Math.max(0, m.start - 6), m.start);
  const sign = (opts.whole ? /(?:^|[^\p{L}\p{M}])((?:âm|trừ)\s+)$/iu : /(?:^|[^\p{L}\p{M}])(âm\s+)$/iu).exec(norm(before));
  if (!sign || norm(before).length !== before.length) return m;
  const start = m.start - sign[1].length;
  return { ...m, start, text: text.slice(start, m.end), value: -m.value };
}

const GLUED_ID = /[\p{L}\p{M}\d]+(?:[.,][\p{L}\p{M}\d]+)*/uy;

function scan(text: string, opts: ScanOptions): NumberMatch[] {
  const out: NumberMatch[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    const prev = text[i - 1];
    if (isDigit(ch) || (opts.whole && i === 0 && ch === ',' && isDigit(text[1]))) {
      if (isLetter(prev)) {
        GLUED_ID.lastIndex = i;
        GLUED_ID.exec(text);
        i = Math.max(i + 1, GLUED_ID.lastIndex);
        continue;
      }
      const { matches, end } = matchDigits(text, i, opts);
      out.push(...matches.map((m) => withSign(text, m, opts)));
      i = Math.max(end, i + 1);
      continue;
    }
    if (isLetter(ch) && !isLetter(prev) && !isDigit(prev)) {
      const m = matchWords(text, i, opts);
      if ('skipTo' in m) {
        i = Math.max(m.skipTo, i + 1);
        continue;
      }
      out.push(withSign(text, m, opts));
      i = m.end;
      continue;
    }
    i++;
  }
  return out;
}

export interface FindOptions {
  /**
   * Separator convention for `2.139` and `1,234`: `vi` (default: 2139 and 1,234), `en` (2.139 and
   * 1234), or `auto` (inferred from the whole text by `inferSeparatorStyle`). Either way these
   * matches are flagged `ambiguous` when read the English way.
   */
  style?: 'vi' | 'en' | 'auto';
}

/** Every number expression in running Vietnamese text, left to right, non-overlapping. */
export function findNumbers(text: string, options: FindOptions = {}): NumberMatch[] {
  const style = options.style ?? 'vi';
  return scan(text, { whole: false, prefer: style === 'auto' ? inferSeparatorStyle(text) : style });
}

/**
 * Every number in a short phrase read leniently (as `parseNumber` reads, but several numbers may
 * appear): for money and measure phrases (`hai đô rưỡi`, `trừ sáu sáu kí`, `1t-2t`), not running text.
 */
export function findNumbersLenient(text: string): NumberMatch[] {
  return scan(text, { whole: true });
}

/** Read a whole string as one match (lenient), or null. Exposed for the peer readers. */
export function parseNumberMatch(text: string): NumberMatch | null {
  const t = text.replace(/\s+/g, ' ').trim();
  const sign = /^(?:-|−|âm\s|trừ\s)\s*/iu.exec(t);
  const rest = sign ? t.slice(sign[0].length) : t;
  const ms = scan(rest, { whole: true, loneScale: true });
  if (ms.length !== 1 || ms[0].start !== 0 || ms[0].end !== rest.length) return null;
  const m = ms[0];
  return sign ? { ...m, value: -m.value } : m;
}

/** Parse a whole string as one number: digits in Vietnamese style or words. Null if it is not one number. */
export function parseNumber(text: string): number | null {
  const m = parseNumberMatch(text);
  if (!m) return null;
  const v = m.value * m.scale;
  return Number.isFinite(v) ? Number(v.toPrecision(15)) : null;
}
