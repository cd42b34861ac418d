/**
 * Which separator convention a whole text follows, from the numbers that can be read only one
 * way. Vietnamese style (`.` groups, `,` decimal) is the default; a text is called English
 * style only when clearly so: at least three unambiguous English numbers (`66.6`, `1,234,567`)
 * and more than twice as many as unambiguous Vietnamese ones (`14,96`, `1.600.000`).
 * Section numbers (`2.1 Phạm vi`, `5.3.` at a line start) are not evidence.
 */
export type TextStyle = 'vi' | 'en';

const RUN = /(?<![\p{L}\p{M}\d.,])\d+(?:[.,]\d+)+/gu;

/** Is the run at `start` a section number: at a line start (after `#`, `*`, spaces) or closed by a dot? */
function sectionNumber(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (/^[\s#*(\-–]*$/u.test(text.slice(lineStart, start))) return true;
  return /^\.(?:\s|$)/u.test(text.slice(end, end + 2)) && /^\d{1,2}\.\d{1,2}$/.test(text.slice(start, end));
}

export function inferSeparatorStyle(text: string): TextStyle {
  let en = 0;
  let vi = 0;
  for (const m of text.matchAll(RUN)) {
    const run = m[0];
    const start = m.index ?? 0;
    if (sectionNumber(text, start, start + run.length)) continue;
    const dots = (run.match(/\./g) ?? []).length;
    const commas = (run.match(/,/g) ?? []).length;
    const lastGroup = run.slice(Math.max(run.lastIndexOf('.'), run.lastIndexOf(',')) + 1);
    if (dots && commas) {
      if (run.lastIndexOf(',') > run.lastIndexOf('.')) vi++;
      else en++;
    } else if (dots > 1) vi++;
    else if (commas > 1) en++;
    else if (lastGroup.length !== 3) {
      if (dots) en++;
      else vi++;
    }
  }
  return en >= 3 && en > 2 * vi ? 'en' : 'vi';
}
