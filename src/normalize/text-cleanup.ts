/**
 * Character-level cleanup of one line or paragraph of text: Unicode NFC, combining marks that
 * a reader left detached, odd spaces, invisible characters. Pure functions, no document state.
 */

/** Spaces other than U+0020 that readers leave in text (NBSP, en/em/thin spaces, ideographic). */
const ODD_SPACES = /[\t\v\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
/** Invisible characters: zero-width space/joiners, BOM, soft hyphen, word joiner, bidi marks. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD\u200E\u200F]/g;
/** Control characters other than newline. */
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F]/g;
/** A combining mark (U+0300–U+036F, U+1DC0–U+1DFF) separated from its letter by spaces. */
const DETACHED_MARK = /([\p{L}\p{M}])[ \u00A0]+([\u0300-\u036F\u1DC0-\u1DFF]+)/gu;

export interface CleanupCounts {
  /** Combining marks re-attached to their letter. */
  reattached: number;
  /** Invisible or control characters removed. */
  removed: number;
}

/** Clean one piece of text and count the repairs (for messages). Newlines become spaces. */
export function cleanText(input: string, counts?: CleanupCounts): string {
  let s = input;
  s = s.replace(INVISIBLE, () => {
    if (counts) counts.removed++;
    return '';
  });
  s = s.replace(CONTROLS, () => {
    if (counts) counts.removed++;
    return ' ';
  });
  s = s.replace(DETACHED_MARK, (_m, letter: string, marks: string) => {
    if (counts) counts.reattached++;
    return letter + marks;
  });
  s = s.normalize('NFC');
  s = s.replace(ODD_SPACES, ' ').replace(/\n/g, ' ');
  return collapseSpaces(s);
}

/** Collapse runs of spaces and trim. */
function collapseSpaces(s: string): string {
  return s.replace(/ {2,}/g, ' ').trim();
}
