import { DIFFERENCE_BEFORE } from '../text/comparatives.js';
import type { Approx } from '../../schemas/fact.js';
import { QUALIFIERS, type Qualifier } from './qualifier-lexicon.js';
import { skipSpacesBack, wordBefore } from './text-window.js';

const BY_LENGTH = [...QUALIFIERS].sort((a, b) => b.words.length - a.words.length);

/** The qualifier ending exactly at `end`, longest first. */
function qualifierEndingAt(lower: string, end: number, reach?: Qualifier['reach']): Qualifier | undefined {
  return BY_LENGTH.find((q) => (!reach || q.reach === reach) && wordBefore(lower, end, q.words));
}

/**
 * The approximation of the figure starting at `start`: a qualifier right before it wins (the one
 * next to the number); else an estimate word earlier in its clause, back to `boundary`. An estimate
 * covers the levels of its clause (`ước thực hiện 266.557 bưu gửi … và 298.350 bưu phát`) but not
 * the changes compared with them (`clauseReach` false).
 */
export function readApprox(lower: string, start: number, boundary: number, clauseReach = true): { approx: Approx; evidence: string[] } {
  let pos = skipSpacesBack(lower, start);
  if (lower[pos - 1] === '(') pos = skipSpacesBack(lower, pos - 1);
  const adjacent = qualifierEndingAt(lower, pos);
  // `cao hơn 6 dB`, `ngắn hơn 1,5 ngày`: `hơn` after a comparative is a difference, not "more than" (but
  // `gấp hơn 3 lần` is more than three times)
  if (adjacent?.words === 'hơn' && DIFFERENCE_BEFORE.test(lower.slice(Math.max(0, pos - 12), pos))) {
    return { approx: 'none', evidence: ['approx:comparative'] };
  }
  if (adjacent) return { approx: adjacent.approx, evidence: [`approx:${adjacent.words.replace(/\s+/g, '-')}`] };
  // (a qualifier before the `gấp` of a multiple is the multiple's: `gần gấp đôi ngày thường`, `khoảng gấp 3 lần`)
  const times = /(?<![\p{L}])gấp$/u.exec(lower.slice(Math.max(0, pos - 4), pos));
  const beforeTimes = times ? qualifierEndingAt(lower, skipSpacesBack(lower, pos - 3)) : undefined;
  if (beforeTimes) return { approx: beforeTimes.approx, evidence: [`approx:${beforeTimes.words.replace(/\s+/g, '-')}`] };
  // `IIP tháng 11 ước tăng 3,8%`: the estimate is said of the change word right before the figure
  if (/(?<!\p{L})ước(?:\s+tính)?\s+(?:tăng|giảm)\s*$/u.test(lower.slice(Math.max(0, pos - 16), pos))) {
    return { approx: 'estimate', evidence: ['approx:estimated-change'] };
  }
  if (!clauseReach) return { approx: 'none', evidence: [] };
  const span = lower.slice(boundary, pos);
  let best: { at: number; q: Qualifier } | undefined;
  for (const q of BY_LENGTH) {
    if (q.reach !== 'clause') continue;
    const re = new RegExp(`(?<![\\p{L}])${q.words}(?![\\p{L}])`, 'gu');
    let m: RegExpExecArray | null;
    while ((m = re.exec(span))) if (!best || m.index > best.at) best = { at: m.index, q };
  }
  // (not past a `trong đó`: the parts of an estimated total are written as the figures they are —
  // `… ước đạt 152.380 tấn, trong đó khai thác 131.940 tấn`, GUIDELINES: approx belongs to its number)
  if (best && !/(?<!\p{L})trong đó(?!\p{L})/u.test(span.slice(best.at))) {
    return { approx: best.q.approx, evidence: [`approx:${best.q.words.replace(/\s+/g, '-')}`, 'approx:clause'] };
  }
  return { approx: 'none', evidence: [] };
}
