import { DIFFERENCE_BEFORE } from '../text/comparatives.js';
import type { Approx } from '../../schemas/fact.js';
import { QUALIFIERS, type Qualifier } from './qualifier-lexicon.js';
import { skipSpacesBack, wordBefore } from './text-window.js';

const BY_LENGTH = [...QUALIFIERS].sort((a, b) => b.words.length - a.words.length);

/** `ước`, an estimate — not the second syllable of `thỏa ước`, `công ước`, `hiệp ước` …, nor `ước mơ`, a dream. */
const ESTIMATE_WORD = /(?<![\p{L}])(?<!(?:thỏa|thoả|công|hiệp|điều|quy|mong|giao)\s)ước(?![\p{L}])(?!\s+(?:mơ|muốn|vọng|nguyện)(?![\p{L}]))/gu;
/** `ước` and a verb of its figure, anything but another figure or a `;` between: `ước chiếm`, `ước đến hết năm đạt`, `ước … còn`. */
const ESTIMATED_VERB =
  /^ước(?:\s+(?:tính|thực hiện))?(?![\p{L}])[^;]{0,110}?(?<![\p{L}])(?:chiếm|đạt|còn|bằng|là|ở mức)(?:\s+(?:khoảng|gần|hơn|trên|dưới|xấp xỉ))?\s*$/u;
/** Times, blanked before looking for another figure between `ước` and the verb (`đến ngày 31/01/2026`, `đến hết tháng 10`, `năm 2025`). */
const TIME_WORDS =
  /(?<![\d.,])(?:ngày\s+)?\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{4})?(?!\d|[.,]\d)|(?<![\p{L}])(?:(?:tháng|quý)\s+\d{1,2}(?:\s*[/.-]\s*\d{4})?|năm\s+\d{4})(?!\d|[.,]\d)/gu;

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
  // an estimate said of the figure's own verb, with only a time between (`ước chiếm 13,8% GRDP`, `ước đến ngày 31/01/2026 đạt
  // 95%`, `Ước đến hết năm 2025, tỷ lệ hộ nghèo … giảm còn 26,15%`, `ước giải ngân đến hết năm đạt 96% dự toán`): a share or a
  // plan's figure is estimated too (not a change after an estimated value: that one is none, GUIDELINES)
  const window = lower.slice(Math.max(boundary - 60, 0, pos - 140), pos);
  // (from the last `ước` of the sentence: an earlier one is of an earlier figure)
  const lastEstimate = [...window.matchAll(ESTIMATE_WORD)].pop()?.index ?? -1;
  const said = lastEstimate >= Math.max(window.lastIndexOf('. ') + 1, window.lastIndexOf('\n') + 1) ? window.slice(lastEstimate) : '';
  const own = ESTIMATED_VERB.exec(said.replace(TIME_WORDS, (t) => ' '.repeat(t.length)));
  if (own && !/[\d;]/u.test(own[0]) && !/(?<![\p{L}])(?:tăng|giảm)\s+(?:khoảng\s+|gần\s+)?$/u.test(lower.slice(Math.max(0, pos - 12), pos)))
    return { approx: 'estimate', evidence: ['approx:estimated-verb'] };
  if (!clauseReach) return { approx: 'none', evidence: [] };
  const span = lower.slice(boundary, pos);
  let best: { at: number; q: Qualifier } | undefined;
  for (const q of BY_LENGTH) {
    if (q.reach !== 'clause') continue;
    // (not `ước` as the second syllable of `thỏa ước`, `công ước` …)
    const re = q.words === 'ước' ? new RegExp(ESTIMATE_WORD.source, 'gu') : new RegExp(`(?<![\\p{L}])${q.words}(?![\\p{L}])`, 'gu');
    let m: RegExpExecArray | null;
    while ((m = re.exec(span))) if (!best || m.index > best.at) best = { at: m.index, q };
  }
  // (not past a `trong đó`: the parts of an estimated total are written as the figures they are —
  // `… ước đạt 152.380 tấn, trong đó khai thác 131.940 tấn`, GUIDELINES: approx belongs to its number)
  // (nor past `gồm`, nor to another measure joined with `với` — `ước đạt 468,5 tỷ đồng với 8.936 lượt khách hàng` —, nor from
  // inside a bracket closed before the figure: `(ước cả năm khoảng 312.000 lượt) với 548.300 lượt`)
  const after = best ? span.slice(best.at) : '';
  if (best && !/(?<!\p{L})(?:trong đó|(?:bao\s+)?gồm|(?<!so\s)với)(?!\p{L})/u.test(after) && !/^[^()]*\)/u.test(after)) {
    return { approx: best.q.approx, evidence: [`approx:${best.q.words.replace(/\s+/g, '-')}`, 'approx:clause'] };
  }
  return { approx: 'none', evidence: [] };
}
