// biome-ignore-all format: hand-laid word lists and tables, several entries a line, grouped by kind
/**
 * Vietnamese number words → value. Works on a list of lower-cased, NFC word tokens that the
 * caller has already cut out of the text (`number-parser.ts` does the cutting and the offsets).
 *
 * Grammar (tokens between scale words form a group of 0–999):
 *   group   := [digit "trăm"] rest | rest
 *   rest    := "linh"/"lẻ" digit | tens | elliptic digit after trăm (`năm trăm tư` 540) | ∅
 *   tens    := "mười" [unit] | digit "mươi" [unit] | digit "chục" | digit | pair (`hai mốt` 21)
 *   number  := group (scale group)* [elliptic digit after the last scale (`một triệu hai`)]
 *              ["phẩy"/"chấm" decimal digits [scale]]
 * Spoken forms: `mốt` 1 and `lăm/nhăm` 5 after tens, `tư` 4 after tens/linh/trăm, `rưỡi` half.
 * `năm` is never a unit digit after `mươi`/`mười` nor an elliptic digit (`hai mươi năm` is
 * 20 years, `ba nghìn năm` is 3000 years) — it is 5 only where it multiplies or after linh/lẻ.
 */

/** Plain digit words: what can stand before `trăm`, `mươi` or a scale word. */
export const DIGIT_WORDS: ReadonlyMap<string, number> = new Map([
  ['không', 0], ['một', 1], ['hai', 2], ['ba', 3], ['bốn', 4], ['năm', 5],
  ['sáu', 6], ['bảy', 7], ['bẩy', 7], ['tám', 8], ['chín', 9],
]);

/** Scale words and their multipliers. `trăm` is handled inside a group. */
export const SCALE_WORDS: ReadonlyMap<string, number> = new Map([
  ['nghìn', 1e3], ['ngàn', 1e3], ['vạn', 1e4], ['triệu', 1e6], ['tỷ', 1e9], ['tỉ', 1e9],
]);

/** Words that make a scale word part of another word: `tỷ lệ` (rate), `tỷ trọng`, `triệu chứng`, `vạn vật`. */
const SCALE_COMPOUNDS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['tỷ', new Set(['lệ', 'số', 'trọng', 'giá', 'suất', 'phú'])],
  ['tỉ', new Set(['lệ', 'số', 'trọng', 'giá', 'suất', 'phú'])],
  ['triệu', new Set(['chứng', 'tập', 'hồi', 'phú'])],
  ['vạn', new Set(['vật', 'sự', 'năng', 'tuế', 'lý', 'dặm'])],
]);

/** Is `word` followed by `next` a compound (`tỷ lệ`) rather than a scale word? */
export function isScaleCompound(word: string, next: string | undefined): boolean {
  return next !== undefined && (SCALE_COMPOUNDS.get(word)?.has(next) ?? false);
}

/** Unit digit after `mươi`: `mốt` 1, `tư` 4, `lăm/nhăm` 5; never `năm`. */
const AFTER_MUOI: ReadonlyMap<string, number> = new Map([
  ['một', 1], ['mốt', 1], ['hai', 2], ['ba', 3], ['bốn', 4], ['tư', 4], ['lăm', 5], ['nhăm', 5],
  ['sáu', 6], ['bảy', 7], ['bẩy', 7], ['tám', 8], ['chín', 9],
]);

/** Unit digit after `mười`: as after mươi but `một` not `mốt` (`mười một` 11). */
const AFTER_MUOI_10: ReadonlyMap<string, number> = new Map([...AFTER_MUOI].filter(([w]) => w !== 'mốt'));

/** Second word of a spoken pair (`hai mốt` 21, `bốn ba` 43, `năm lăm` 55). */
const PAIR_SECOND: ReadonlyMap<string, number> = new Map([...AFTER_MUOI].filter(([w]) => w !== 'một'));

/** After `linh`/`lẻ`: any digit, with `tư` and `lăm` (`một trăm lẻ tư` 104, `năm trăm linh lăm` 505). */
const AFTER_LINH: ReadonlyMap<string, number> = new Map([
  ...[...DIGIT_WORDS].filter(([w]) => w !== 'không'), ['tư', 4], ['lăm', 5], ['nhăm', 5],
]);

/** The one digit after trăm or a scale word that means tenths of it (`năm trăm tư` 540, `một triệu hai` 1,2 triệu). */
const ELLIPTIC: ReadonlyMap<string, number> = new Map([
  ['mốt', 1], ['hai', 2], ['ba', 3], ['bốn', 4], ['tư', 4], ['sáu', 6], ['bảy', 7], ['bẩy', 7],
  ['tám', 8], ['chín', 9], ['rưỡi', 5],
]);

/** Decimal digits after phẩy/chấm (`chín lăm` .95, `hai tư` .24). */
const DECIMAL_DIGITS: ReadonlyMap<string, number> = new Map([...DIGIT_WORDS, ['tư', 4], ['lăm', 5], ['nhăm', 5]]);

const LINH = new Set(['linh', 'lẻ']);
const DECIMAL_POINT = new Set(['phẩy', 'chấm']);

/** Every word that may take part in a number (the scanner collects runs of these). */
export const NUMBER_VOCABULARY: ReadonlySet<string> = new Set([
  ...DIGIT_WORDS.keys(), ...SCALE_WORDS.keys(), ...AFTER_MUOI.keys(), ...LINH, ...DECIMAL_POINT,
  'mười', 'mươi', 'trăm', 'chục', 'rưỡi',
]);

/** Words that are numbers only sometimes; alone in running text they are not taken. */
export const AMBIGUOUS_ALONE: ReadonlySet<string> = new Set([
  'một', 'năm', 'không', 'tư', 'lăm', 'nhăm', 'mốt', 'trăm', 'chục', 'mươi', 'rưỡi', 'linh', 'lẻ',
  ...SCALE_WORDS.keys(), 'phẩy', 'chấm',
]);

export interface WordParseOptions {
  /**
   * Lenient reading of a phrase: a spoken pair opening the number (`hai ba` 23). In running text
   * pairs are approximate ranges (`hai ba ngày`, 2–3 days).
   */
  whole: boolean;
  /** A lone scale word opening the number (`trăm` 100): only when it is the whole string. */
  loneScale?: boolean;
}

/** Is the token a digit string (`23`), allowed after phẩy/chấm (`hai phẩy 23`)? */
const isDigits = (t: string): boolean => /^\d+$/.test(t);

/** Value of the tens part (0–99) of a group, or null. */
function parseTens(seg: string[], pairs: boolean): number | null {
  const [a, b, c] = seg;
  if (seg.length === 0) return 0;
  if (a === 'mười') {
    if (seg.length === 1) return 10;
    if (seg.length === 2 && AFTER_MUOI_10.has(b)) return 10 + (AFTER_MUOI_10.get(b) ?? 0);
    return null;
  }
  const d = DIGIT_WORDS.get(a);
  if (d === undefined) return null;
  if (seg.length === 1) return d;
  if (d < 1) return null;
  if ((b === 'mươi' && d >= 2) || (b === 'chục' && seg.length === 2)) {
    if (seg.length === 2) return d * 10;
    if (seg.length === 3 && b === 'mươi' && AFTER_MUOI.has(c)) return d * 10 + (AFTER_MUOI.get(c) ?? 0);
    return null;
  }
  if (pairs && seg.length === 2 && d >= 2 && PAIR_SECOND.has(b)) return d * 10 + (PAIR_SECOND.get(b) ?? 0);
  return null;
}

interface GroupContext {
  first: boolean;
  afterScale: boolean;
  /** Nothing follows the group (end of the number). */
  last: boolean;
  whole: boolean;
  loneScale: boolean;
}

/** Value of one group (0–999) between scale words, or null. */
function parseGroup(seg: string[], ctx: GroupContext): number | null {
  const h = seg.indexOf('trăm');
  // pairs open a number only in whole-string mode; inside one (after trăm / a scale) they are fine
  const pairs = ctx.whole || !ctx.first;
  if (h < 0) {
    if (seg.length === 2 && LINH.has(seg[0]) && ctx.afterScale) return AFTER_LINH.get(seg[1]) ?? null;
    return parseTens(seg, pairs);
  }
  if (seg.indexOf('trăm', h + 1) >= 0) return null;
  let hundreds: number;
  if (h === 0) {
    if (!(ctx.first && ctx.loneScale)) return null;
    hundreds = 1;
  } else if (h === 1 && DIGIT_WORDS.has(seg[0])) {
    hundreds = DIGIT_WORDS.get(seg[0]) ?? 0;
  } else {
    return null;
  }
  const rest = seg.slice(h + 1);
  const base = hundreds * 100;
  if (rest.length === 0) return base;
  if (rest.length === 2 && LINH.has(rest[0])) {
    const d = AFTER_LINH.get(rest[1]);
    return d === undefined ? null : base + d;
  }
  if (rest.length === 1 && ELLIPTIC.has(rest[0])) return base + (ELLIPTIC.get(rest[0]) ?? 0) * 10;
  const tens = parseTens(rest, true);
  if (tens === null) return null;
  // a lone digit after trăm is elliptic tens (handled above) or, for không/một/năm, not a number
  if (rest.length === 1 && !rest[0].startsWith('mười')) return null;
  return base + tens;
}

/** Integer value of number words (no decimal part), or null. */
export function parseIntegerWords(tokens: string[], opts: WordParseOptions): number | null {
  if (tokens.length === 0) return null;
  let total = 0;
  let maxScale = 1;
  let i = 0;
  let first = true;
  let afterScale = false;
  while (i < tokens.length) {
    let j = i;
    while (j < tokens.length && !SCALE_WORDS.has(tokens[j])) j++;
    const seg = tokens.slice(i, j);
    const last = j >= tokens.length;
    if (afterScale && last && seg.length === 1 && ELLIPTIC.has(seg[0]) && maxScale >= 1e3) {
      // `một triệu hai` 1,2 triệu; `năm ngàn rưỡi` 5500; scale of the previous word, not the total
      total += ((ELLIPTIC.get(seg[0]) ?? 0) * lastScale(tokens, i)) / 10;
      return total;
    }
    // a lone plain digit closing the number after a scale is not part of it (`ba nghìn năm` is 3000 years)
    if (afterScale && last && seg.length === 1 && DIGIT_WORDS.has(seg[0])) return null;
    let g: number | null;
    if (seg.length === 0) {
      // scale right after scale (`nghìn tỷ`) or a lone scale word opening the number
      if (first && !opts.loneScale) return null;
      g = first ? 1 : 0;
    } else {
      g = parseGroup(seg, { first, afterScale, last, whole: opts.whole, loneScale: opts.loneScale === true });
    }
    if (g === null) return null;
    if (last) return total + g;
    const s = SCALE_WORDS.get(tokens[j]) ?? 1;
    if (s >= maxScale) {
      total = (total + g) * s;
      maxScale = s;
    } else {
      if (g === 0 && seg.length === 0) return null;
      total += g * s;
    }
    i = j + 1;
    first = false;
    afterScale = true;
  }
  return total;
}

/** The multiplier of the scale word just before index `i`. */
function lastScale(tokens: string[], i: number): number {
  return SCALE_WORDS.get(tokens[i - 1]) ?? 1;
}

/** Value of number words, with an optional decimal part (`phẩy`/`chấm`) and a trailing scale. */
export function parseWordTokens(tokens: string[], opts: WordParseOptions): number | null {
  const p = tokens.findIndex((t) => DECIMAL_POINT.has(t));
  if (p < 0) return parseIntegerWords(tokens, opts);
  const intTokens = tokens.slice(0, p);
  const intPart = intTokens.length === 1 && isDigits(intTokens[0]) ? Number(intTokens[0]) : parseIntegerWords(intTokens, { whole: true });
  if (intPart === null) return null;
  let k = tokens.length;
  while (k > p + 1 && SCALE_WORDS.has(tokens[k - 1])) k--;
  const frac = tokens.slice(p + 1, k);
  let digits = '';
  if (frac.length === 1 && isDigits(frac[0])) digits = frac[0];
  else {
    for (const t of frac) {
      const d = DECIMAL_DIGITS.get(t);
      // lăm/nhăm follow another digit; `chấm lăm` opening the decimals is not spoken 5
      if (!digits && (t === 'lăm' || t === 'nhăm')) return null;
      if (d === undefined) return null;
      digits += String(d);
    }
  }
  if (!digits) return null;
  let scale = 1;
  for (const t of tokens.slice(k)) scale *= SCALE_WORDS.get(t) ?? 1;
  return Number(`${intPart}.${digits}`) * scale;
}

/** The denominators of a fraction in words (`một phần ba`, `ba phần tư`; `một nửa` a half), and what follows its numerator. */
export const FRACTION_DENOMINATORS: Readonly<Record<string, number>> = { hai: 2, ba: 3, tư: 4, bốn: 4, năm: 5, sáu: 6, bảy: 7, tám: 8, chín: 9, mười: 10 };
export const FRACTION_AFTER = new RegExp(`^\\s+(?:phần\\s+(${Object.keys(FRACTION_DENOMINATORS).join('|')})|(nửa))(?![\\p{L}])`, 'iu');
