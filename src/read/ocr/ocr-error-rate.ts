/**
 * Character error rate of OCR text against a reference text: edit distance over characters
 * divided by the reference length, after both are normalized the same way.
 */

export interface ErrorRate {
  /** Edits (substitutions + deletions + insertions) over reference characters. */
  cer: number;
  /** Same, with insertions free: how much of the reference was lost or misread (extra text the reference lacks, such as headers, costs nothing). */
  cerMissed: number;
  distance: number;
  referenceChars: number;
  hypothesisChars: number;
}

/** NFC, markdown heading marks and emphasis stripped, all whitespace runs as one space. */
export function normalizeForCer(text: string): string {
  return text
    .normalize('NFC')
    .replace(/^[ \t]*#{1,6}[ \t]*/gmu, '')
    .replace(/\*\*|__/gu, '')
    .replace(/(^|\s)\*(\S)/gu, '$1$2')
    .replace(/(\S)\*(\s|$)/gu, '$1$2')
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * CER of `hypothesis` against `reference` (both normalized here). The edit distance is computed
 * in a diagonal band wide enough for the length difference plus `band` characters: exact when
 * the texts align within that band, an upper bound otherwise.
 */
export function characterErrorRate(reference: string, hypothesis: string, band = 2000): ErrorRate {
  const ref = [...normalizeForCer(reference)];
  const hyp = [...normalizeForCer(hypothesis)];
  const distance = bandedDistance(ref, hyp, band, 1);
  const missed = bandedDistance(ref, hyp, band, 0);
  const n = Math.max(1, ref.length);
  return { cer: distance / n, cerMissed: missed / n, distance, referenceChars: ref.length, hypothesisChars: hyp.length };
}

/** Levenshtein distance restricted to |j - i·m/n| ≤ width; `insertion` is the cost of a hypothesis character the reference lacks. */
function bandedDistance(ref: string[], hyp: string[], band: number, insertion: number): number {
  const n = ref.length;
  const m = hyp.length;
  if (n === 0) return m * insertion;
  if (m === 0) return n;
  const width = Math.abs(n - m) + band;
  const INF = 1e9;
  let prev = new Float64Array(m + 1);
  let cur = new Float64Array(m + 1);
  // Row i holds valid values only in [lo, hi]; anything outside the previous row's range is infinite.
  let prevLo = 0;
  let prevHi = Math.min(m, width);
  for (let j = 0; j <= prevHi; j++) prev[j] = j * insertion;
  for (let i = 1; i <= n; i++) {
    const centre = Math.round((i * m) / n);
    const lo = Math.max(0, centre - width);
    const hi = Math.min(m, centre + width);
    const r = ref[i - 1];
    let left = INF;
    if (lo === 0) {
      cur[0] = i;
      left = i;
    }
    for (let j = Math.max(1, lo); j <= hi; j++) {
      const diagonal = j - 1 >= prevLo && j - 1 <= prevHi ? prev[j - 1] : INF;
      const up = j >= prevLo && j <= prevHi ? prev[j] : INF;
      const substitute = diagonal + (r === hyp[j - 1] ? 0 : 1);
      const remove = up + 1;
      const insert = left + insertion;
      left = substitute < remove ? Math.min(substitute, insert) : Math.min(remove, insert);
      cur[j] = left;
    }
    [prev, cur] = [cur, prev];
    prevLo = lo;
    prevHi = hi;
  }
  return prev[m];
}
