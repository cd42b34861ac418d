import type { Aspect, Direction, FactKind } from '../../schemas/fact.js';
import { CHANGE_WORDS, CUMULATIVE_BEFORE, GROWTH_IN_CLAUSE, PLAN_AFTER, RANK_WORDS, SHARE_WORDS } from './aspect-lexicon.js';
import { QUALIFIERS } from './qualifier-lexicon.js';
import { skipSpacesBack, wordBefore } from './text-window.js';

export interface AspectReading {
  aspect: Aspect;
  direction: Direction | null;
  evidence: string[];
}

const CHANGES = [...CHANGE_WORDS].sort((a, b) => b.words.length - a.words.length);
const QUALIFIER_WORDS = QUALIFIERS.map((q) => q.words).sort((a, b) => b.length - a.length);

/** Position before the figure, stepping back over one qualifier (`tăng khoảng 5%`). */
function beforeQualifier(lower: string, start: number): number {
  const pos = skipSpacesBack(lower, start);
  const q = QUALIFIER_WORDS.find((w) => wordBefore(lower, pos, w));
  return q ? skipSpacesBack(lower, pos - q.length) : pos;
}

/** Is the figure a rank (`xếp thứ 5/63`, `Top 10`)? */
export function isRank(lower: string, start: number): boolean {
  const pos = beforeQualifier(lower, start);
  return RANK_WORDS.some((w) => wordBefore(lower, pos, w));
}

/**
 * The aspect of a figure: rank, change (`tăng/giảm X`), plan (`X% kế hoạch`), share (other
 * percentages), cumulative (`lũy kế`), or level.
 */
/** What a plan percentage is measured against, named earlier in the sentence. */
const ALLOTTED = /(?<!\p{L})(?:được giao|dự toán|kế hoạch vốn|kế hoạch|chỉ tiêu|được phân bổ)(?!\p{L})/u;

export function readAspect(lower: string, start: number, unitEnd: number, kind: FactKind, clauseStart: number): AspectReading {
  if (kind === 'rank') return { aspect: 'rank', direction: null, evidence: ['aspect:rank'] };
  const pos = beforeQualifier(lower, start);
  const right = skipSpacesBack(lower, start);
  const change = CHANGES.find((c) => wordBefore(lower, pos, c.words) || wordBefore(lower, right, c.words));
  if (change) return { aspect: 'change', direction: change.direction, evidence: ['aspect:change'] };
  if (kind === 'percent' && /^[^%]*%\s*\/\s*(?:năm|tháng|quý)/u.test(lower.slice(start, unitEnd))) {
    const words = [...lower.slice(clauseStart, start).matchAll(GROWTH_IN_CLAUSE)];
    const last = words[words.length - 1];
    if (last) return { aspect: 'change', direction: last[1] === 'giảm' ? 'down' : 'up', evidence: ['aspect:growth-rate'] };
  }
  if (kind === 'percent') {
    if (PLAN_AFTER.test(lower.slice(unitEnd, unitEnd + 30))) return { aspect: 'plan', direction: null, evidence: ['aspect:plan'] };
    // `… được giao 214,6 tỷ đồng, đã giải ngân 187,3 tỷ đồng, đạt 87,3%.`: a bare `đạt X%` of what was allotted
    const sentence = lower.slice(Math.max(0, lower.lastIndexOf('. ', start) + 1, lower.lastIndexOf(';', start) + 1), start);
    const bare = /(?<!\p{L})đạt\s*$/u.test(lower.slice(Math.max(0, start - 8), start)) && /^\s*(?:[.;]|$)/u.test(lower.slice(unitEnd, unitEnd + 3));
    if (bare && ALLOTTED.test(sentence) && !SHARE_WORDS.test(lower.slice(clauseStart, start))) {
      return { aspect: 'plan', direction: null, evidence: ['aspect:plan-allotted'] };
    }
    const named = SHARE_WORDS.test(lower.slice(clauseStart, start));
    return { aspect: 'share', direction: null, evidence: named ? ['aspect:share-named'] : ['aspect:share'] };
  }
  const clause = lower.slice(clauseStart, start);
  // `Đến nay đã có 81 nhà cung cấp`: what exists now is a level; `cấp đến nay 189 giấy phép` a running total
  const existing = /(?:^|\s)(?:đến nay|tính đến nay)\s*,?\s*(?:\S+\s+){0,3}(?:đã\s+)?có(?!\p{L})/u.test(clause) && !/lũy kế|luỹ kế/u.test(clause);
  if (CUMULATIVE_BEFORE.test(clause) && !existing) return { aspect: 'cumulative', direction: null, evidence: ['aspect:cumulative'] };
  return { aspect: 'level', direction: null, evidence: [] };
}
