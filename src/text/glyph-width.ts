/**
 * Relative advance widths of characters in a proportional Latin font (Times-like), in ems:
 * enough to place a character inside a piece of text whose overall box is known (a PDF text
 * run, an OCR word) without the font's metrics. Marks take no width.
 */
const NARROW = /[ijlI.,:;'!|]/u;
const THIN = /[frt()\-/[\]]/u;
const WIDE = /[mwMW%@]/u;
const MARK = /\p{M}/u;

/** Width of one character (a base letter with or without its combining marks), in ems. */
function glyphWidth(ch: string): number {
  const base = ch.normalize('NFD')[0] ?? ch;
  if (MARK.test(base)) return 0;
  if (/\s/u.test(base)) return 0.25;
  if (/\d/u.test(base)) return 0.5;
  if (NARROW.test(base)) return 0.28;
  if (THIN.test(base)) return 0.36;
  if (WIDE.test(base)) return 0.85;
  if (/\p{Lu}/u.test(base)) return 0.68;
  return 0.48;
}

/**
 * The x-ranges of the characters of `text` laid out between `x0` and `x1`, by their relative
 * widths: one [start, end] per UTF-16 code unit (a code unit inside a surrogate pair or a
 * combining mark gets the range of the character it belongs to).
 */
export function layoutChars(text: string, x0: number, x1: number): [number, number][] {
  const widths: number[] = [];
  for (let i = 0; i < text.length; i++) widths.push(glyphWidth(text[i]));
  const total = widths.reduce((a, b) => a + b, 0);
  const scale = total > 0 ? (x1 - x0) / total : 0;
  const out: [number, number][] = [];
  let x = x0;
  for (let i = 0; i < text.length; i++) {
    const w = widths[i] * scale;
    out.push(w > 0 || out.length === 0 ? [x, x + w] : out[out.length - 1]);
    x += w;
  }
  return out;
}
