/**
 * Legacy Vietnamese 8-bit encodings: TCVN3 (TCVN 5712:1993 VN3, the "ABC" fonts `.VnTime`,
 * `.VnArial`…, with the capitals fonts `.VnTimeH`… that draw lower-case codes as capitals) and
 * VNI-Windows (`VNI-Times`, `VNI-Helve`…, a base letter followed by separate mark bytes).
 *
 * Text in these fonts reaches us as the Windows-1252 characters of the bytes (DOCX runs, PDF
 * text layers with WinAnsi encoding) or as their Latin-1 characters; both are accepted.
 * Tables written from the published TCVN 5712:1993 and VNI code charts.
 */

import { isSyllable } from './viet-syllable.js';

export type LegacyEncoding = 'tcvn3' | 'vni';

export interface LegacyDecodeOptions {
  /** TCVN3 capitals font (`.VnTimeH`): every code is drawn as the capital letter. */
  capitals?: boolean;
}

export interface LegacyFont {
  encoding: LegacyEncoding;
  capitals: boolean;
}

/** Windows-1252 characters of bytes 0x80–0x9F (the rest of 0xA0–0xFF equals Latin-1). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

const BYTE_OF_CHAR = new Map<string, number>();
for (let b = 0; b < 32; b++) BYTE_OF_CHAR.set(CP1252_HIGH[b], 0x80 + b);

/** The byte a character stands for, when it is a Windows-1252/Latin-1 character; else undefined. */
function byteOf(ch: string): number | undefined {
  const code = ch.charCodeAt(0);
  if (code < 0x100) return code;
  return BYTE_OF_CHAR.get(ch);
}

// ---------------------------------------------------------------- TCVN3 (VN3)

/** TCVN3 byte → Unicode letter: the 7 base capitals, the 7 base small letters and all toned small letters. */
// biome-ignore format: a byte table laid out by base letter and tone, five to a line
const TCVN3_BYTES: ReadonlyArray<readonly [number, string]> = [
  [0xa1, 'Ă'], [0xa2, 'Â'], [0xa3, 'Ê'], [0xa4, 'Ô'], [0xa5, 'Ơ'], [0xa6, 'Ư'], [0xa7, 'Đ'],
  [0xa8, 'ă'], [0xa9, 'â'], [0xaa, 'ê'], [0xab, 'ô'], [0xac, 'ơ'], [0xad, 'ư'], [0xae, 'đ'],
  // a: huyền hỏi ngã sắc nặng
  [0xb5, 'à'], [0xb6, 'ả'], [0xb7, 'ã'], [0xb8, 'á'], [0xb9, 'ạ'],
  [0xbb, 'ằ'], [0xbc, 'ẳ'], [0xbd, 'ẵ'], [0xbe, 'ắ'], [0xc6, 'ặ'],
  [0xc7, 'ầ'], [0xc8, 'ẩ'], [0xc9, 'ẫ'], [0xca, 'ấ'], [0xcb, 'ậ'],
  [0xcc, 'è'], [0xce, 'ẻ'], [0xcf, 'ẽ'], [0xd0, 'é'], [0xd1, 'ẹ'],
  [0xd2, 'ề'], [0xd3, 'ể'], [0xd4, 'ễ'], [0xd5, 'ế'], [0xd6, 'ệ'],
  [0xd7, 'ì'], [0xd8, 'ỉ'], [0xdc, 'ĩ'], [0xdd, 'í'], [0xde, 'ị'],
  [0xdf, 'ò'], [0xe1, 'ỏ'], [0xe2, 'õ'], [0xe3, 'ó'], [0xe4, 'ọ'],
  [0xe5, 'ồ'], [0xe6, 'ổ'], [0xe7, 'ỗ'], [0xe8, 'ố'], [0xe9, 'ộ'],
  [0xea, 'ờ'], [0xeb, 'ở'], [0xec, 'ỡ'], [0xed, 'ớ'], [0xee, 'ợ'],
  [0xef, 'ù'], [0xf1, 'ủ'], [0xf2, 'ũ'], [0xf3, 'ú'], [0xf4, 'ụ'],
  [0xf5, 'ừ'], [0xf6, 'ử'], [0xf7, 'ữ'], [0xf8, 'ứ'], [0xf9, 'ự'],
  [0xfa, 'ỳ'], [0xfb, 'ỷ'], [0xfc, 'ỹ'], [0xfd, 'ý'], [0xfe, 'ỵ'],
];

const TCVN3_DECODE = new Map<number, string>(TCVN3_BYTES);
const TCVN3_ENCODE = new Map<string, string>(TCVN3_BYTES.map(([b, u]) => [u, String.fromCharCode(b)]));

function decodeTcvn3(text: string, capitals: boolean): string {
  let out = '';
  for (const ch of text) {
    const b = byteOf(ch);
    const letter = b === undefined ? undefined : TCVN3_DECODE.get(b);
    out += letter ?? ch;
  }
  return capitals ? out.toUpperCase() : out;
}

// ---------------------------------------------------------------- VNI-Windows

/** VNI mark bytes (lower-case form) and what they add to a vowel: a circumflex/breve and/or a tone. */
const VNI_TONES: Readonly<Record<string, string>> = {
  ù: '\u0301', // sắc
  ø: '\u0300', // huyền
  û: '\u0309', // hỏi
  õ: '\u0303', // ngã
  ï: '\u0323', // nặng
};
const VNI_HAT_TONES: Readonly<Record<string, string>> = {
  â: '\u0302',
  á: '\u0302\u0301',
  à: '\u0302\u0300',
  å: '\u0302\u0309',
  ã: '\u0302\u0303',
  ä: '\u0302\u0323',
};
const VNI_BREVE_TONES: Readonly<Record<string, string>> = {
  ê: '\u0306',
  é: '\u0306\u0301',
  è: '\u0306\u0300',
  ú: '\u0306\u0309',
  ü: '\u0306\u0303',
  ë: '\u0306\u0323',
};
/** Single VNI characters that are whole letters (lower-case form). */
const VNI_SINGLE: Readonly<Record<string, string>> = {
  ô: 'ơ',
  ö: 'ư',
  ñ: 'đ',
  í: 'í',
  ì: 'ì',
  æ: 'ỉ',
  ó: 'ĩ',
  ò: 'ị',
  î: 'ỵ',
};

/** VNI sequence (1 or 2 characters, lower-case form) → Unicode letter (lower case, NFC). */
const VNI_DECODE = new Map<string, string>();
function addVni(seq: string, letter: string): void {
  VNI_DECODE.set(seq, letter.normalize('NFC'));
}
for (const [ch, letter] of Object.entries(VNI_SINGLE)) addVni(ch, letter);
for (const base of ['a', 'e', 'i', 'o', 'u', 'y', 'ô', 'ö']) {
  const letter = VNI_SINGLE[base] ?? base;
  for (const [mark, tone] of Object.entries(VNI_TONES)) addVni(base + mark, letter + tone);
}
for (const base of ['a', 'e', 'o']) {
  for (const [mark, marks] of Object.entries(VNI_HAT_TONES)) addVni(base + mark, base + marks);
}
for (const [mark, marks] of Object.entries(VNI_BREVE_TONES)) addVni(`a${mark}`, `a${marks}`);

const VNI_ENCODE = new Map<string, string>();
for (const [seq, letter] of VNI_DECODE) {
  if (letter !== seq && !VNI_ENCODE.has(letter)) VNI_ENCODE.set(letter, seq);
}
// `í`, `ì` are themselves in VNI; the `i`+mark forms are only accepted when decoding.
VNI_ENCODE.set('í', 'í');
VNI_ENCODE.set('ì', 'ì');

function decodeVni(text: string): string {
  const original = Array.from(text);
  const chars = original.map((ch) => {
    const b = byteOf(ch);
    return b === undefined ? ch : String.fromCharCode(b);
  });
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const first = chars[i];
    const second = chars[i + 1];
    if (second !== undefined) {
      const pair = VNI_DECODE.get((first + second).toLowerCase());
      if (pair !== undefined) {
        out += isUpper(first) ? pair.toUpperCase() : pair;
        i++;
        continue;
      }
    }
    const single = VNI_DECODE.get(first.toLowerCase());
    out += single === undefined ? original[i] : isUpper(first) ? single.toUpperCase() : single;
  }
  return out;
}

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase();
}

// ---------------------------------------------------------------- public API

/** Decode text written in a legacy Vietnamese font to Unicode (NFC). Characters outside the code chart are kept. */
export function decodeLegacy(text: string, encoding: LegacyEncoding, options: LegacyDecodeOptions = {}): string {
  if (encoding === 'tcvn3') return decodeTcvn3(text, options.capitals === true);
  if (encoding === 'vni') return decodeVni(text);
  throw new TypeError(`decodeLegacy: unknown encoding ${String(encoding)}; use 'tcvn3' or 'vni'.`);
}

/**
 * Encode Unicode Vietnamese text into a legacy font's characters (Windows-1252 characters of the
 * bytes). TCVN3 has no toned capitals: with `capitals` the text is written for a capitals font
 * (`.VnTimeH`, lower-case codes); without it, a toned capital is written as its small letter's code.
 */
export function encodeLegacy(text: string, encoding: LegacyEncoding, options: LegacyDecodeOptions = {}): string {
  const nfc = text.normalize('NFC');
  let out = '';
  for (const ch of nfc) {
    if (encoding === 'tcvn3') {
      const code = TCVN3_ENCODE.get(ch) ?? (options.capitals || isUpper(ch) ? TCVN3_ENCODE.get(ch.toLowerCase()) : undefined);
      out += code ?? (options.capitals ? ch.toLowerCase() : ch);
    } else {
      const lower = ch.toLowerCase();
      const seq = VNI_ENCODE.get(lower);
      out += seq === undefined ? ch : isUpper(ch) ? seq.toUpperCase() : seq;
    }
  }
  return out;
}

/**
 * The legacy encoding a font name declares: `.VnTime`, `.VnArial` (TCVN3), `.VnTimeH`,
 * `.VnArialH` (TCVN3 capitals), `VNI-Times`, `VNI-Helve` (VNI). PDF subset prefixes
 * (`ABCDEF+`) and style suffixes (`,Bold`, `-Italic`) are ignored. Null for other fonts.
 */
export function encodingFromFontName(fontName: string): LegacyFont | null {
  let name = fontName
    .trim()
    .replace(/^\/?/, '')
    .replace(/^[A-Z]{6}\+/, '');
  name = name.replace(/[,-](bold|italic|oblique|bolditalic|boldoblique|regular|normal)+$/i, '').trim();
  if (/^vni[-_ ]/i.test(name)) return { encoding: 'vni', capitals: false };
  if (/^\.vn/i.test(name) || /^Vn[A-Z]/.test(name)) {
    return { encoding: 'tcvn3', capitals: /H$/.test(name.replace(/\s+/g, '')) };
  }
  return null;
}

/** Letters only Unicode Vietnamese text has (outside Latin-1): ă đ ĩ ũ ơ ư and the U+1EA0–U+1EF9 block, or combining marks. */
const UNICODE_VIET = /[\u0300-\u0303\u0309\u0323\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]/gu;
const UNICODE_VIET_ONE = new RegExp(UNICODE_VIET.source, 'u');
/** TCVN3 codes that neither VNI nor Unicode Vietnamese letters use. */
const TCVN3_ONLY = /[\u00a1-\u00a7\u00a8-\u00ae\u00b5-\u00b9\u00bb-\u00be\u00c7\u00d0\u00d7\u00dd\u00de\u00df\u00e7\u00f7\u00fe]/gu;
/** A VNI vowel followed by its mark byte (lower or upper case). */
const VNI_PAIR = /[aeiouyôöAEIOUYÔÖ][ùøûõïâáàåãäêéèúüëÙØÛÕÏÂÁÀÅÃÄÊÉÈÚÜË]/gu;
/** VNI whole-letter bytes that Unicode Vietnamese never has (ơ ư đ ỉ ỵ). */
const VNI_ONLY = /[öñæîÖÑÆÎ]/gu;

function count(text: string, re: RegExp): number {
  return text.match(re)?.length ?? 0;
}

/** Whether a run's text may be in a legacy encoding: it has no letter that only Unicode text can contain. */
export function textFitsLegacy(text: string): boolean {
  return !UNICODE_VIET_ONE.test(text);
}

/**
 * Guess a legacy encoding from the text itself: null for Unicode (or plain ASCII) text.
 * Counts TCVN3-only codes, VNI vowel+mark pairs and VNI-only letters against letters only
 * Unicode Vietnamese has; a legacy guess needs at least 2 hits and more hits than Unicode letters.
 */
export function detectLegacyEncoding(text: string): LegacyEncoding | null {
  const unicode = count(text, UNICODE_VIET);
  const tcvn3 = count(text, TCVN3_ONLY);
  const vni = count(text, VNI_PAIR) + count(text, VNI_ONLY);
  const best = Math.max(tcvn3, vni);
  if (best < 2 || best <= unicode * 2) return null;
  return tcvn3 >= vni ? 'tcvn3' : 'vni';
}

/**
 * Decode one run given its font name, checking the text too: a legacy font whose text holds
 * Unicode-only Vietnamese letters is left as is (real files declare `.VnTime` on Unicode text).
 */
export function decodeByFont(text: string, fontName: string | undefined): { text: string; encoding: LegacyEncoding | null } {
  const font = fontName ? encodingFromFontName(fontName) : null;
  if (!font || !textFitsLegacy(text)) return { text, encoding: null };
  return { text: decodeLegacy(text, font.encoding, { capitals: font.capitals }), encoding: font.encoding };
}

/** Share of the words with a non-ASCII letter that are well-formed Vietnamese syllables. */
function syllableShare(text: string): number {
  const words = text
    .normalize('NFC')
    .split(/[^\p{L}\p{M}]+/u)
    .filter((w) => /[^\x00-\x7f]/u.test(w));
  if (words.length === 0) return 0;
  return words.filter(isSyllable).length / words.length;
}

/**
 * Guess a legacy encoding from the text (detectLegacyEncoding) and keep the guess only when
 * decoding makes more of the accented words real Vietnamese syllables. Unicode text that has only
 * Latin-1 letters (`Giáo viên`, as when a PDF subset font holds just those glyphs) can look like
 * VNI vowel+mark pairs; decoding it would break it, and this check refuses it.
 */
export function guessLegacyEncoding(text: string): LegacyEncoding | null {
  const guess = detectLegacyEncoding(text);
  if (!guess) return null;
  return syllableShare(decodeLegacy(text, guess)) > syllableShare(text) ? guess : null;
}
