/**
 * Fractions: `1/2`, `23 1/5`, `-5 2/3` in digits; `ba phần tư`, `một trên hai`, `hai ba chia mười
 * hai`, `hai mươi ba và một phần năm` in words. Used to score the parser on the peers' corpora
 * and available to the extractor; in report text `a/b` is usually a ratio, which the extractor
 * keeps as two numbers.
 */
import { parseNumber } from './number-parser.js';

/** Denominators said with the spoken digit forms (`phần tư` a quarter). */
const SPOKEN_DENOMINATOR: ReadonlyMap<string, number> = new Map([
  ['tư', 4],
  ['mốt', 1],
]);

function part(text: string): number | null {
  const t = text.trim().toLowerCase();
  return SPOKEN_DENOMINATOR.get(t) ?? parseNumber(t);
}

/** A whole string as a fraction (a mixed number allowed), or null. */
export function parseFraction(text: string): number | null {
  const t = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  const digits = /^(-|âm |trừ )?(?:(\d+) )?(\d+)\/(\d+)$/iu.exec(t);
  if (digits) {
    const [, sign, whole, a, b] = digits;
    const v = Number(whole ?? 0) + Number(a) / Number(b);
    return Number.isFinite(v) ? (sign ? -v : v) : null;
  }
  const sign = /^(âm|trừ) /iu.exec(t);
  const body = sign ? t.slice(sign[0].length) : t;
  const mixed = /^(.+?) và (.+)$/u.exec(body);
  const whole = mixed ? part(mixed[1]) : 0;
  const frac = mixed ? mixed[2] : body;
  const words = /^(.+?) (?:phần|trên|chia) (.+)$/iu.exec(frac);
  if (whole === null || !words) return null;
  const a = part(words[1]);
  const b = part(words[2]);
  if (a === null || b === null || b === 0) return null;
  const v = whole + a / b;
  return sign ? -v : v;
}
