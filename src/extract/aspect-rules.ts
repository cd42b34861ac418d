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
// (and `dự kiến`, which qualifies no figure's approximation but stands where a qualifier does: `tăng dự kiến 5%`)
const QUALIFIER_WORDS = [...QUALIFIERS.map((q) => q.words), 'dự kiến'].sort((a, b) => b.length - a.length);

/** Position before the figure, stepping back over one qualifier (`tăng khoảng 5%`). */
function beforeQualifier(lower: string, start: number): number {
  const pos = skipSpacesBack(lower, start);
  const q = QUALIFIER_WORDS.find((w) => wordBefore(lower, pos, w));
  return q ? skipSpacesBack(lower, pos - q.length) : pos;
}

/** Is the figure a rank (`xếp thứ 5/63`, `Top 10`; a ratio after a bare `thứ`: `… và thứ 31/63 năm 2023`)? */
export function isRank(lower: string, start: number, ratio = false): boolean {
  const pos = beforeQualifier(lower, start);
  return (
    RANK_WORDS.some((w) => wordBefore(lower, pos, w)) ||
    ((ratio || RANK_LIST_BEFORE.test(lower.slice(Math.max(0, pos - 80), pos))) && wordBefore(lower, pos, 'thứ'))
  );
}

/** A later rank of a list the first rank word opened (`lần lượt xếp thứ 27 và thứ 34`, `đứng thứ 3, thứ 5 và thứ 9`). */
const RANK_LIST_BEFORE = /(?<!\p{L})(?:xếp|đứng)(?:\s+hạng)?\s+thứ\s+\d+(?:\s*(?:,|và)\s*thứ\s+\d+)*\s*(?:,|và)\s*thứ\s*$/u;

/**
 * The aspect of a figure: rank, change (`tăng/giảm X`), plan (`X% kế hoạch`), share (other
 * percentages), cumulative (`lũy kế`), or level.
 */
/** What a plan percentage is measured against, named earlier in the sentence. */
const ALLOTTED =
  /(?<!\p{L})(?:được giao(?!\s+(?:thực hiện|nhiệm vụ|chức năng|quản lý|chủ trì|phụ trách))|dự toán|kế hoạch vốn|kế hoạch|chỉ tiêu|được phân bổ)(?!\p{L})/u;

/** A subject that is a rate of growth: `tốc độ tăng (trưởng)`, `tăng trưởng`, `tốc độ giảm`. */
const GROWTH_SUBJECT = /(?<!\p{L})(?:tốc độ\s+(tăng|giảm)(?:\s+trưởng)?|tăng trưởng)(?!\p{L})/u;

/** `vượt` right before a figure: how far something went over (`vượt 2,6% dự toán`). */
export const OVER_BEFORE = /(?<!\p{L})vượt(?:\s+mức)?\s*$/iu;

/** A lower or upper bound written after the figure: `từ 8,5% trở lên`, `từ 5 tuổi trở xuống`. */
export const BOUND_AFTER = /^\s*trở\s+(?:lên|xuống)(?!\p{L})/iu;

/** A comparison with the same measure at an earlier time: `so với cùng kỳ`, `so với năm 2024`, `so với tháng trước`. */
const EARLIER_BASE = /^\s*so với\s+(?:cùng kỳ|(?:năm|tháng|quý|kỳ|vụ)\s+(?:trước|\d|[ivx]+(?!\p{L})))/u;

/** The direction of an index (`bằng 108,2% so với cùng kỳ`): up above 100, down below, none at 100. */
export function indexDirection(value: number): Direction | null {
  return value > 100 ? 'up' : value < 100 ? 'down' : null;
}

/** A clause that opens with a verb of change and names its object before the figure (`Giảm điện năng tiêu thụ tối thiểu 3% so với …`; not
 * `tăng cường`, `giảm nghèo`, words of their own). */
const CHANGE_VERB_FIRST =
  /^\s*(?:[-+•]\s*)?(?:(?:phấn đấu|tiếp tục|cần|phải)\s+)?(kéo giảm|giảm|tăng|tiết kiệm)(?!\p{L})(?!\s+(?:cường|tốc|nghèo|thiểu)(?!\p{L}))/u;
/** Words by which such a clause says where the value ends, not by how much it changed (`giảm tỷ lệ … xuống còn 2%`). */
const TO_A_LEVEL = /(?<!\p{L})(?:xuống|còn|lên|đạt|chiếm|bằng|là|ở mức)(?!\p{L})/u;
const DOWN_WORDS = new Set(['giảm', 'kéo giảm', 'tiết kiệm', 'chậm', 'thấp']);

/**
 * A percentage that says by how much something changed though no change word stands right before it: the clause opens with
 * the verb and names its object first (`Tăng số vụ xử lý vi phạm … ít nhất 20% so với năm 2025`, `phấn đấu giảm chi phí …
 * từ 15% đến 20%`); `vượt`/`chậm` against an earlier time (`vượt 17% so với năm 2025`, `chậm khoảng 6% so với tiến độ`);
 * the growth a figure in brackets is of (`cao hơn mức tăng chung của toàn ngành (10,4%)`, `tăng cao nhất (0,84%)`);
 * `tăng lần lượt 38,6% và 24,5%`; `tăng 23,5 nghìn tấn, tương đương 1,8%`; `tăng 1.204,7 tỷ đồng (+10,3%)`. The direction, or
 * undefined.
 */
function changeAround(lower: string, start: number, unitEnd: number, clauseStart: number, right: number): Direction | undefined {
  const clause = lower.slice(clauseStart, start);
  const after = lower.slice(unitEnd, unitEnd + 40);
  const way = (w: string): Direction => (DOWN_WORDS.has(w) ? 'down' : 'up');
  const verb = CHANGE_VERB_FIRST.exec(clause);
  if (
    verb &&
    !TO_A_LEVEL.test(clause.slice(verb.index + verb[0].length)) &&
    !/\d/u.test(clause.replace(/(?<!\d)(?:19|20)\d{2}(?!\d)|(?<![\d,.])[ivx]+(?![\p{L}])/gu, ''))
  )
    return way(verb[1]);
  const overOrLate = /(?<!\p{L})(vượt|chậm)(?:\s+(?:khoảng|gần|hơn|trên))?\s*$/u.exec(lower.slice(Math.max(0, right - 16), right));
  if (overOrLate && /^\s*so với(?!\p{L})/u.test(after)) return way(overOrLate[1]);
  const growth =
    /(?<!\p{L})(?:mức\s+(tăng|giảm)(?:\s+(?:chung|bình quân))?(?:\s+của\s+[^,;()\d]{1,40})?|(tăng|giảm)\s+(?:cao|mạnh|nhiều|sâu)\s+nhất(?:\s+với)?)\s*\(?\s*$/u.exec(
      lower.slice(Math.max(lower.lastIndexOf('. ', start) + 1, lower.lastIndexOf(';', start) + 1, start - 70), start),
    );
  if (growth) return way(growth[1] ?? growth[2]);
  const inTurn = /(?<!\p{L})(tăng|giảm)\s+lần lượt\s+(?:là\s+)?(?:[\d.,]+\s*%\s*(?:,|và)\s*)*$/u.exec(clause);
  if (inTurn) return way(inTurn[1]);
  const same = /(?<!\p{L})(tăng|giảm)(?!\p{L})[^;.()]{0,50}\d[^;.()]{0,20},?\s*tương đương\s*(?:khoảng\s+|gần\s+|hơn\s+)?$/u.exec(clause);
  if (same) return way(same[1]);
  // a signed percentage in brackets after the amount a value changed by (`tăng 1.204,7 tỷ đồng (+10,3%)`)
  const signed = /(?<!\p{L})(tăng|giảm)(?!\p{L})[^;()]{0,50}\d[^;()]{0,20}\(\s*([+\-−])\s*$/u.exec(
    lower.slice(Math.max(lower.lastIndexOf(';', start) + 1, start - 90), start),
  );
  if (signed) return signed[2] === '+' ? 'up' : 'down';
  return undefined;
}

export function readAspect(lower: string, start: number, unitEnd: number, kind: FactKind, clauseStart: number): AspectReading {
  if (kind === 'rank') return { aspect: 'rank', direction: null, evidence: ['aspect:rank'] };
  // `tăng từ 8,5% trở lên`: the change word stands before the bound's `từ`
  // (and `giảm từ 5% đến 10%`: before a range's `từ`)
  const ranged = /\d\s*%?\s*(?:đến|tới|[-–])\s*(?:dưới\s+)?\d/u.test(lower.slice(start, unitEnd));
  const bounded = (ranged || BOUND_AFTER.test(lower.slice(unitEnd, unitEnd + 12))) && wordBefore(lower, skipSpacesBack(lower, start), 'từ');
  const pos = bounded ? skipSpacesBack(lower, skipSpacesBack(lower, start) - 2) : beforeQualifier(lower, start);
  const right = skipSpacesBack(lower, start);
  const change = CHANGES.find((c) => wordBefore(lower, pos, c.words) || wordBefore(lower, right, c.words));
  // (not the name of a tax: `thuế giá trị gia tăng 94,7 tỷ đồng`; nor a bound, `lợi nhuận không thấp hơn 85 tỷ đồng`: at least so much)
  const bound = /(?<!\p{L})không\s+\p{L}+\s+hơn\s*$/u.test(lower.slice(Math.max(0, right - 24), right));
  if (change && !bound && !/giá trị gia\s+$/u.test(lower.slice(Math.max(0, pos - 16 - change.words.length), pos - change.words.length)))
    return { aspect: 'change', direction: change.direction, evidence: ['aspect:change'] };
  // `… thêm 15-20%`, `tăng dư nợ ủy thác thêm 150 tỷ đồng`, `Tăng nguồn Quỹ … thêm ít nhất 10 tỷ đồng`: what is added to what the
  // clause names grows it
  if ((wordBefore(lower, right, 'thêm') || wordBefore(lower, pos, 'thêm')) && /(?<!\p{L})tăng(?!\p{L})/u.test(lower.slice(clauseStart, start)))
    return { aspect: 'change', direction: 'up', evidence: ['aspect:change'] };
  // `bằng 108,2% so với cùng kỳ`: an index of the same measure against an earlier time — a change,
  // up above 100, down below (`indexDirection`; against another measure, `bằng 45% mật độ cả nước`, it is a share)
  if (kind === 'percent' && wordBefore(lower, pos, 'bằng') && EARLIER_BASE.test(lower.slice(unitEnd, unitEnd + 40))) {
    return { aspect: 'change', direction: null, evidence: ['aspect:index'] };
  }
  if (kind === 'percent' && /%\s*\/\s*(?:năm|tháng|quý)\s*$/u.test(lower.slice(start, unitEnd))) {
    const words = [...lower.slice(clauseStart, start).matchAll(GROWTH_IN_CLAUSE)];
    const last = words[words.length - 1];
    if (last) return { aspect: 'change', direction: last[1] === 'giảm' ? 'down' : 'up', evidence: ['aspect:growth-rate'] };
    // a rate per period that grows nothing — an interest rate (`lãi suất cho vay 6,8-9,2%/năm`), a fee rate —
    // is a level, not a share of a whole
    if (!SHARE_WORDS.test(lower.slice(clauseStart, start))) return { aspect: 'level', direction: null, evidence: ['aspect:rate-per-period'] };
  }
  if (kind === 'percent') {
    // `vượt 2,6% dự toán`: how far a target was beaten — a change over it, up (so the gold sets read 10 of 11 such
    // figures), not the share of the plan attained (`đạt 102,6% dự toán`)
    if (OVER_BEFORE.test(lower.slice(Math.max(0, right - 10), right)) && PLAN_AFTER.test(lower.slice(unitEnd, unitEnd + 30))) {
      return { aspect: 'change', direction: 'up', evidence: ['aspect:over-plan'] };
    }
    if (PLAN_AFTER.test(lower.slice(unitEnd, unitEnd + 30))) return { aspect: 'plan', direction: null, evidence: ['aspect:plan'] };
    // `… được giao 214,6 tỷ đồng, đã giải ngân 187,3 tỷ đồng, đạt 87,3%.`: a bare `đạt X%` of what was allotted
    // (the whole sentence: `chỉ tiêu … là 1.420 ha; đến nay đã thực hiện 836 ha, đạt 58,9%`)
    const sentence = lower.slice(Math.max(0, lower.lastIndexOf('. ', start) + 1), start);
    const bare = /(?<!\p{L})đạt\s*$/u.test(lower.slice(Math.max(0, start - 8), start)) && /^\s*(?:[.;]|$)/u.test(lower.slice(unitEnd, unitEnd + 3));
    if (bare && ALLOTTED.test(sentence) && !SHARE_WORDS.test(lower.slice(clauseStart, start))) {
      return { aspect: 'plan', direction: null, evidence: ['aspect:plan-allotted'] };
    }
    // `tỷ lệ giải ngân … (đạt 31,7%)`: what is disbursed is disbursed against the capital allotted — a rate of
    // disbursement is a plan's attainment (so the gold sets read 32 of 41 such figures), not a share of a whole
    // (not one of a total or an amount named after it: `bằng khoảng 72% tổng vốn đăng ký`, `bằng 89,3% số thu trong năm`)
    if (
      /(?<!\p{L})giải ngân(?!\p{L})/u.test(sentence.slice(sentence.lastIndexOf(';') + 1)) &&
      !/(?<!\p{L})(?:chiếm|tỷ trọng|tỉ trọng|cơ cấu)(?!\p{L})/u.test(lower.slice(clauseStart, start)) &&
      !/^\s*(?:của\s+|so với\s+)?(?:tổng|số)(?!\p{L})/u.test(lower.slice(unitEnd, unitEnd + 16))
    ) {
      return { aspect: 'plan', direction: null, evidence: ['aspect:disbursement'] };
    }
    const said = changeAround(lower, start, unitEnd, clauseStart, right);
    if (said) return { aspect: 'change', direction: said, evidence: ['aspect:change-around'] };
    const named = SHARE_WORDS.test(lower.slice(clauseStart, start));
    // `Tốc độ tăng trưởng GRDP ước đạt 9,12%`: a growth rate is a change, up (not a contribution to growth, `đóng góp … vào tăng trưởng`)
    // (the subject may hold a bracket: `Tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP) đạt 10-10,5%`)
    const leadStart = Math.max(lower.lastIndexOf(';', start), lower.lastIndexOf('. ', start), lower.lastIndexOf('\n', start)) + 1;
    const lead = lower.slice(leadStart, start);
    const growth = GROWTH_SUBJECT.exec(lead);
    if (growth && !named && !/(?<!\p{L})(?:vào|đóng góp)\s+(?:\S+\s+){0,3}$/u.test(lead.slice(0, growth.index))) {
      return { aspect: 'change', direction: growth[1] === 'giảm' ? 'down' : 'up', evidence: ['aspect:growth-subject'] };
    }
    return { aspect: 'share', direction: null, evidence: named ? ['aspect:share-named'] : ['aspect:share'] };
  }
  const clause = lower.slice(clauseStart, start);
  // `Đến nay đã có 81 nhà cung cấp`: what exists now is a level; `cấp đến nay 189 giấy phép` a running total
  const existing = /(?:^|\s)(?:đến nay|tính đến nay)\s*,?\s*(?:\S+\s+){0,3}(?:đã\s+)?có(?!\p{L})/u.test(clause) && !/lũy kế|luỹ kế/u.test(clause);
  if (CUMULATIVE_BEFORE.test(clause) && !existing) return { aspect: 'cumulative', direction: null, evidence: ['aspect:cumulative'] };
  return { aspect: 'level', direction: null, evidence: [] };
}
