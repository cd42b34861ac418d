import type { Block, Document, Section } from '../../schemas/document.js';
import type { Fact, FactKind } from '../../schemas/fact.js';
import { findNumbers } from './number-parser.js';
import { groupFigures, type Figure } from './figure-finder.js';
import { rejectReason } from './reject-rules.js';
import { type AspectReading, BOUND_AFTER, indexDirection, isRank, readAspect } from './aspect-rules.js';
import { nounNamedBefore, readUnit, type UnitReading } from './unit-reader.js';
import { readApprox } from './qualifier-reader.js';
import { leadPeriodOf, resolvePeriod } from './period-resolver.js';
import { findTimeMentions, quarterSpan } from './period-mentions.js';
import { addMonths, firstPeriod, periodYear, windowShift } from '../text/period-words.js';
import { ADJECTIVES } from '../text/comparatives.js';
import { pad2 } from '../text/zero-pad.js';
import { splitsWord, vietWordList } from '../text/viet-word-list.js';
import { firstWords, metricPhrase, namedAsShare, openBracket } from './metric-phrase.js';
import { clauseStart, lowerSameLength, sentenceEnd, sentenceStart, skipSpaces } from './text-window.js';

/** A stretch between two figures that only names a time (`; lũy kế 10 tháng đạt`, `, 6 tháng đầu năm ước đạt`). */
/** The second value of a change from one to the other (`từ 93,5% năm 2020 lên 98,2% năm 2025`): the same subject. */
const FROM_TO = /^\s*(?:(?:năm|tháng|quý)\s+[\divx/.-]+\s*)?(?:lên|xuống|còn)(?:\s+(?:mức|con số))?\s*$/u;
const ONLY_TIME =
  /^(?:\s*so với\s+(?:cùng kỳ|năm trước|tháng trước|quý trước|kỳ trước)(?:\s+năm\s+(?:trước|\d{4}))?)?[\s,;]*(?:(?:lũy kế|luỹ kế|riêng|trong|tính chung|tính đến|đến|hết|cả|từ đầu năm đến nay|đầu năm|năm|tháng|quý|kỳ|\d{1,4}|[ivx]+|đầu|cuối|\/)[\s,;]*)+(?:ước đạt|ước thực hiện|ước tính|ước|đạt|là|tăng|giảm|:)?[\s:]*$/u;

const OWN_TIME_THEN_AND = /^\s*(?:[\p{L}\d]+\s+){0,3}?(?:vào|trong)?\s*(?:năm|tháng|quý)\s+[\divx/.-]+\s*(?:và|,)\s*$/u;

/** Words before a voltage that make it the name of a class of line or station, lists of such voltages too. */
const VOLTAGE_CLASS_BEFORE =
  /(?:lưới(?:\s+điện)?(?:\s+(?:truyền tải|phân phối))?|trạm(?:\s+biến áp)?|đường dây|cấp điện áp|điện áp|tuyến|ngăn lộ|xuất tuyến)\s+(?:[\d.,]+\s*kv\s*(?:,|và|hoặc|-)\s*)*$/u;
/** Words before a frequency that make it a band's name. */
const BAND_BEFORE = /(?:băng tần|băng|dải tần|dải|tần số|mạng|[2345]g|lte|nr|band|tần)\s*(?:\S+\s+){0,1}$/u;

/** Units whose values are often below zero (signal levels, temperatures). */
const SIGNED_UNITS: ReadonlySet<string> = new Set(['dbm', 'db', '°c']);

/** Block roles that carry content; headers, titles, closings and furniture never hold facts. */
export const FACT_ROLES: ReadonlySet<Block['role']> = new Set(['body', 'item', 'table', 'heading']);

/** What the extractor needs to know about the document around a block. */
export interface BlockContext {
  source: string;
  reportPeriod?: string;
  /** The month the report was issued (`YYYY-MM`), when its metadata says: what `nay` (now) is in a report of a span not yet over. */
  issued?: string;
  /** Period named by the nearest heading up the block's section path. */
  sectionPeriod?: string;
  /** Period of the sentence that introduces a list (`tính đến cuối tháng 5/2020, … trong đó:`), for its items. */
  introPeriod?: string;
  /** Undated documents: the time an earlier paragraph's sentence lead set (`Năm 2019, …`), still holding. */
  carriedPeriod?: string;
  /** Months by which the report's window is shifted from the calendar span its title names (see `windowShiftOf`). */
  windowShift?: number;
  /** A report of a working month that starts in the month before (see `isWorkingMonth`). */
  workingMonth?: boolean;
}

interface Placed {
  fact: Fact;
  /** Offsets in the block text. */
  start: number;
  end: number;
  stock: boolean;
  /** The period before a stock was made of it (`2021-01` for `@2021-01`): what a change compares. */
  flowPeriod: string;
  figure: Figure;
  /** End of the words the fact's metric phrase used after it (the next figure's phrase starts there). */
  metricEnd: number;
  /** The words before the number its metric used (or inherited): a figure joined to it shares them. */
  pre: string;
  /** Where its metric's words began: a bound of a group (`tàu từ 6 m đến dưới 12 m có 5.912 chiếc`) gives them to the count after it. */
  from: number;
  /** A bound of the group the next figure counts: `từ 6 m đến dưới 12 m`, `từ 60 tuổi trở lên`, then `có`, `là` or `:`. */
  bound: boolean;
}

/** A measure named by pointing back at one said before: `tỷ lệ này`, `chỉ số này`, `con số đó`, `mức này`. */
const POINTS_BACK = /^(?:tỷ lệ|tỉ lệ|tỷ trọng|chỉ số|con số|mức|số lượng|tổng số)\s+(?:này|đó|nói trên|trên)$/iu;

/** What joins a group's bound to the count of that group: `có`, `là`, `gồm`, a colon. */
const BOUND_THEN_COUNT = /^\s*(?:trở\s+(?:lên|xuống)\s*)?(?:có|là|gồm|đạt|:)\s*(?:khoảng|gần|hơn|trên|dưới)?\s*$/u;

/**
 * The period of the nearest section up the path that names one. A bare year there gives way to
 * a finer period of the same year further up: under `NHIỆM VỤ QUÝ IV NĂM 2023`, a task heading
 * `Hoàn thành các chỉ tiêu … năm 2023` names the targets' year, and the work is the quarter's.
 */
export function sectionPeriodOf(sections: Section[], path: string): string | undefined {
  const byPath = new Map(sections.map((s) => [s.path, s]));
  let found: string | undefined;
  for (let p = path; p; p = p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '') {
    const period = byPath.get(p)?.period;
    if (!period) continue;
    if (!found) {
      if (!/^\d{4}$/.test(period)) return period;
      found = period;
    } else {
      return period.split('..').every((end) => end.startsWith(`${found}-`)) ? period : found;
    }
  }
  return found;
}

/**
 * What a ratio of bodies named with capitals counts (`9/14 Thuế cơ sở đạt …`, `10/10 Đội Quản lý thị trường`): the first
 * word of the name, with the next when the two are one word (`Tòa án`) — the kind of body, lower-cased.
 */
function bodiesCounted(text: string, f: Figure): UnitReading | undefined {
  if (f.of === null || f.form !== 'digits') return undefined;
  const m = /^\s+(\p{Lu}\p{Ll}+)(?:\s+(\p{Ll}+))?/u.exec(text.slice(f.end, f.end + 30));
  if (!m) return undefined;
  const first = m[1].toLocaleLowerCase('vi');
  const two = m[2] && vietWordList().words.has(`${first} ${m[2]}`) ? `${first} ${m[2]}` : first;
  return {
    unit: two,
    baseUnit: two,
    kind: 'count',
    // (the quote ends after the name's words the unit took)
    end: f.end + (two === first ? m[0].indexOf(m[1]) + m[1].length : m[0].length),
    evidence: ['unit:noun', 'unit:bodies-named'],
  };
}

/**
 * A unitless index or coefficient its clause names, given with decimals after its verb (`Hệ số GINI năm 2024 là 0,368`,
 * `tỷ lệ chọi bình quân là 3,24`, `Chỉ số hiệu quả sử dụng năng lượng (PUE) … là 1,62, giảm 0,07`): a measure with no unit.
 */
function indexValue(text: string, lower: string, f: Figure): UnitReading | undefined {
  if (f.form !== 'digits' || f.of !== null || Number.isInteger(f.value)) return undefined;
  // (the clause past brackets: `Chỉ số … (PUE) bình quân … là 1,62`)
  const clause = lower.slice(clauseStart(text, f.start, ';:\n'), f.start);
  const lead = lower.slice(Math.max(0, f.start - 24), f.start);
  // (its verb, a bound after it — `xuống dưới 1,45` — or a change of a value the clause gave: `… là 1,62, giảm 0,07 so với năm 2025`)
  const said =
    /(?<!\p{L})(?:là|đạt|ở mức|bằng|xuống|lên)(?:\s+(?:dưới|trên|khoảng|không quá|tối đa|tối thiểu))?\s*$/u.test(lead) ||
    (/(?<!\p{L})(?:tăng|giảm)\s*$/u.test(lead) && /(?<!\p{L})(?:là|đạt|ở mức)\s+\d+,\d+/u.test(clause));
  if (!said) return undefined;
  if (!/(?<!\p{L})(?:hệ số|tỷ số|tỉ số|tỷ lệ chọi|tỉ lệ chọi|chỉ số)(?!\p{L})/u.test(clause)) return undefined;
  return { unit: '', baseUnit: '', kind: 'measure', end: f.end, evidence: ['unit:index'] };
}

/** A bare number's unit: named before it (`tổng số người dùng … là 6.909`) or that of the figure that opens its bracket. */
function inferredUnit(text: string, lower: string, f: Figure, placed: Placed[]): UnitReading | undefined {
  const open = text.lastIndexOf('(', f.start);
  const inBracket = open >= 0 && !text.slice(open, f.start).includes(')');
  const counted = [...placed].reverse().find((p) => (p.fact.kind === 'count' || p.fact.kind === 'ratio') && p.start < open);
  if (inBracket && counted && open - counted.end < 40) {
    const u = counted.fact.base_unit;
    return { unit: u, baseUnit: u, kind: 'count', end: f.end, evidence: ['unit:inferred', 'unit:from-bracket'] };
  }
  const noun = nounNamedBefore(lower, sentenceStart(text, f.start), f.start);
  if (noun) return { unit: noun, baseUnit: noun, kind: 'count', end: f.end, evidence: ['unit:inferred', 'unit:named-before'] };
  // an item of a list of counts whose noun its first item says (`loại tốt 214 hợp tác xã, loại khá 398, loại trung bình 281 và
  // …`): a label of a few words after a comma, then the bare number, then the next item or the end
  const last = placed[placed.length - 1];
  if (
    last &&
    last.fact.kind === 'count' &&
    last.end > sentenceStart(text, f.start) &&
    /^\s*,\s*(?:[\p{Ll}\p{M}]+\s+){1,4}$/u.test(lower.slice(last.end, f.start)) &&
    /^\s*(?:,|;|và\s|\.|$)/u.test(lower.slice(f.end, f.end + 5))
  ) {
    const u = last.fact.base_unit;
    return { unit: u, baseUnit: u, kind: 'count', end: f.end, evidence: ['unit:inferred', 'unit:list-item'] };
  }
  return undefined;
}

/** Is the word right before `start` a name (a capitalised word that does not open the sentence, or an acronym)? */
function afterName(text: string, sentence: number, start: number): boolean {
  const m = /([\p{L}\p{M}]+)\s*$/u.exec(text.slice(Math.max(sentence, start - 30), start));
  if (!m) return false;
  const word = m[1];
  const at = start - m[0].length;
  // (a quarter's numeral is no name: `trong đó quý II 25 kỳ`)
  if (/^[IVX]+$/u.test(word) && /(?<![\p{L}])quý\s+$/iu.test(text.slice(Math.max(0, at - 8), at))) return false;
  if (/^\p{Lu}{2,}$/u.test(word)) return true;
  return /^\p{Lu}/u.test(word) && text.slice(sentence, at).replace(/[\s\-+•*–]/gu, '').length > 0;
}

/**
 * A number that labels the thing named right before it (`nợ nhóm 5 tồn đọng`, `học sinh khối 10 chưa thích ứng`, `Dự án 4
 * chậm tiến độ`, `Tổng đài … 111 tiếp nhận`, `Trạm dừng nghỉ tại Km 63+200 phục vụ`): which one, not how many — when the words
 * after it are no counted noun the lexicon knows.
 */
const LABEL_BEFORE =
  /(?<![\p{L}])(?:nhóm|khối|lớp|dự án|cơ sở|tổng đài|đường dây nóng|km|tiểu khu|khoảnh|phân khu|khu phố|tổ dân phố|thôn|ấp|tổ|quầy|cổng|tầng|phòng)\s*$/iu;

/** `trở lên`/`trở xuống` after a few words of the counted noun's (`từ 10 giải Nhất trở lên`). */
const BOUND_AFTER_WORDS = /^(?:\s+[\p{L}]+){1,3}\s+trở\s+(?:lên|xuống)(?!\p{L})/iu;

/** `91 km trên tổng gần 150 km`: the denominator of a ratio written in words. */
function ofInWords(text: string, end: number, next: Figure | undefined, unit: string | undefined, scale: number): number | undefined {
  if (!next) return undefined;
  const between = text.slice(end, next.start);
  // (the counted noun's words may stand between when the whole is said `trên tổng số`: `506 lô sạp trên tổng số 540 lô`,
  // `811 TTHC được số hóa trên tổng số 1.725 TTHC`)
  if (
    !/^\s*(?:trên|\/)\s*(?:tổng\s*(?:số)?)?\s*(?:(?:gần|khoảng|hơn|trên)\s+)?$/u.test(between) &&
    !/^(?:\s+[\p{L}\p{M}]+){1,8}\s+trên\s+tổng\s+số\s*(?:(?:gần|khoảng|hơn|trên)\s+)?$/u.test(between)
  )
    return undefined;
  // (in the figure's own scale, as its value is: `186,3 tỷ đồng trên tổng số 603,5 tỷ đồng` is 186,3 of 603,5)
  const of = Math.round(((next.value * next.scale) / scale) * 1e6) / 1e6;
  // a slash between two nouns is a ratio per a round number of the second (`113,5 bé trai/100 bé gái`) or of the same noun
  // (`12 xã/15 xã`); otherwise two counts written together (`3.214 vụ/5.867 bị cáo`: cases and their defendants)
  if (between.includes('/') && !/^(?:1|10|100|1000|10000|100000)$/u.test(String(of))) {
    const sameNoun = !!unit && text.slice(next.end).trimStart().toLowerCase().startsWith(unit.toLowerCase());
    if (!sameNoun) return undefined;
  }
  return of;
}

/** `23.000.000đ (Hai mươi ba triệu đồng)`: the figure repeated in words, if the next figure is that. */
function repeatedInWords(text: string, end: number, base: number, next: Figure | undefined): { also: string; end: number } | undefined {
  if (next?.form !== 'words') return undefined;
  if (!/^\s*\(\s*(?:bằng chữ\s*:?\s*)?$/iu.test(text.slice(end, next.start))) return undefined;
  if (Math.abs(next.value * next.scale - base) > 1e-6 * Math.max(1, base)) return undefined;
  const close = text.indexOf(')', next.end);
  const stop = close >= 0 && close - next.end < 30 ? close : next.end;
  return { also: text.slice(next.start, stop).trim(), end: stop };
}

function kindOf(unit: UnitReading | undefined, f: Figure, rank: boolean): FactKind {
  if (rank) return 'rank';
  if (f.of !== null || unit?.evidence.includes('unit:index')) return 'ratio';
  return unit?.kind ?? 'count';
}

/** What a figure's neighbours and its clause make of the aspect its own words give it. */
interface AspectContext {
  text: string;
  lower: string;
  start: number;
  unitEnd: number;
  clause: number;
  kind: FactKind;
  baseUnit: string | undefined;
  unitKind: FactKind | undefined;
  value: number;
  read: AspectReading;
  /** The figure placed before this one in the block. */
  last: { fact: Fact; end: number } | undefined;
}

function aspectInContext(c: AspectContext): AspectReading {
  const { text, lower, start, read, last } = c;
  // `giảm 14 vụ (12,7%)`, `giảm 47 vụ (tương ứng 7,13%)`: the percentage in brackets right after a change is that change, relative
  if (
    c.kind === 'percent' &&
    read.aspect === 'share' &&
    last?.fact.aspect === 'change' &&
    /^[^\d().;,]{0,24}\(\s*(?:tương ứng|tương đương|tức|hay|bằng)?\s*$/u.test(text.slice(last.end, start)) &&
    // (`giảm 0,17 điểm phần trăm so với đầu năm (0,68%)`: after the base a change is compared with, the bracket is that base's value)
    !/(?<!\p{L})so với(?!\p{L})/u.test(lower.slice(last.end, start))
  )
    return { aspect: 'change', direction: last.fact.direction ?? null, evidence: ['aspect:change-in-brackets'] };
  if (parallelChange(lower, read, last, start)) return { aspect: 'change', direction: last?.fact.direction ?? null, evidence: ['aspect:change-parallel'] };
  // `tăng 96 cơ sở và 1.520 buồng so với cuối năm 2024`, `giảm 4 vụ và 24,6 ha so với năm 2024`: a second amount of the same
  // change, before the base they share
  if (
    read.aspect === 'level' &&
    last?.fact.aspect === 'change' &&
    /^[^\d().;:]{0,30}(?:,|\svà)\s*$/u.test(lower.slice(last.end, start)) &&
    !/(?<!\p{L})(?:đạt|chiếm|là|bằng|có|được|còn)(?!\p{L})/u.test(lower.slice(last.end, start)) &&
    // (the noun's own words may stand before the base: `giảm 2 vụ và 96 người mắc so với cùng kỳ`)
    /^(?:\s+\p{L}+){0,3}\s*so với(?!\p{L})/u.test(lower.slice(c.unitEnd, c.unitEnd + 40))
  )
    return { aspect: 'change', direction: last.fact.direction ?? null, evidence: ['aspect:change-parallel'] };
  if (exceedsReference(lower, read, c.clause, start)) return { aspect: 'change', direction: 'up', evidence: ['aspect:change-over-reference'] };
  const against = comparedWithReference(lower, read, c.clause, start);
  if (against) return { aspect: 'change', direction: against, evidence: ['aspect:change-against-reference'] };
  // `đạt 46,8% kế hoạch năm (cùng kỳ năm 2024 đạt 44,1%)`: the same measure at an earlier time, in brackets
  if (
    c.kind === 'percent' &&
    read.aspect === 'share' &&
    last?.fact.aspect === 'plan' &&
    EARLIER_ASIDE.test(text.slice(last.end, start).toLocaleLowerCase('vi'))
  )
    return { aspect: 'plan', direction: null, evidence: ['aspect:plan-earlier'] };
  // a multiple with a fraction (`1,59 lần` the national density) compares two values; a whole number of `lần` may count occasions
  // (not the value of a coefficient its clause names: `Hệ số nợ phải trả trên vốn chủ sở hữu là 0,62 lần`, `vòng quay vốn 1,8 lần`)
  if (read.aspect === 'level' && c.baseUnit === 'lần' && !Number.isInteger(c.value) && !COEFFICIENT.test(lower.slice(c.clause, start)))
    return { ...read, aspect: 'change', evidence: [...read.evidence, 'aspect:multiple'] };
  // percentage points are a difference of two percentages: always a change
  if (c.baseUnit === 'điểm phần trăm' && read.aspect !== 'change' && read.aspect !== 'rank')
    return { ...read, aspect: 'change', evidence: [...read.evidence, 'aspect:percentage-points'] };
  // `Lũy kế 10 tháng, kiểm tra …; thu nộp ngân sách 7.846 triệu đồng`: a running-total lead frames its whole sentence
  if (
    read.aspect === 'level' &&
    c.unitKind !== 'percent' &&
    underCumulativeLead(lower, sentenceStart(text, start)) &&
    !singlesOutTime(lower, sentenceStart(text, start), start) &&
    !PLAN_BRACKET_BEFORE.test(lower.slice(Math.max(0, start - 70), start)) &&
    !ONGOING.test(lower.slice(c.clause, start))
  )
    return { ...read, aspect: 'cumulative', evidence: [...read.evidence, 'aspect:cumulative-lead'] };
  return read;
}

/**
 * `tăng 5,8% số vụ và 3,1% số đối tượng`: a bare percentage listed after a change percentage of another noun, with no
 * verb of its own between them, is a change the same way.
 */
function parallelChange(lower: string, read: AspectReading, last: AspectContext['last'], start: number): boolean {
  if (read.aspect !== 'share' || read.evidence.includes('aspect:share-named') || last?.fact.aspect !== 'change' || last.fact.kind !== 'percent') return false;
  const between = lower.slice(last.end, start);
  return /^[^\d().;:]{0,40}(?:,|\svà)\s*$/u.test(between) && !/(?<!\p{L})(?:đạt|chiếm|là|bằng|có|được|so với)(?!\p{L})/u.test(between);
}

/** `vượt công suất thiết kế 4,1%`, `vượt mức báo động III 0,35 m`: how far a value went over a reference — not a plan's. */
function exceedsReference(lower: string, read: AspectReading, clause: number, start: number): boolean {
  if (read.aspect !== 'share' && read.aspect !== 'level') return false;
  const over = /(?<!\p{L})vượt\s+(?!quá|kế hoạch|chỉ tiêu|dự toán|mục tiêu|so với)([^\d,;.()]{2,40})$/u.exec(lower.slice(clause, start));
  // (the reference names no verb of its own: `kỹ thuật vượt tuyến được phê duyệt lên 87` is no margin)
  return !!over && !/(?<!\p{L})(?:lên|xuống|được|là|đạt|có|còn)(?!\p{L})/u.test(over[1]);
}

/** Comparatives that say a value is above (`cao hơn`) or below (`thấp hơn`) another. */
const ABOVE = new Set(['cao', 'nhiều', 'lớn', 'dài', 'nhanh', 'muộn', 'rộng', 'trên']);
/** A comparative, the reference it compares with, and what may stand before the figure (`cao hơn TBNN từ `). */
const COMPARED_WITH = new RegExp(
  `(?<!\\p{L})(${ADJECTIVES})\\s+hơn\\s+(?!so với|mức bình quân)([^\\d,;.()]{2,40}?(?:\\s+\\d{4})?)\\s*(?:\\([^()]{2,24}\\)\\s*)?(?:(?:là|khoảng|từ|gần|chừng|xấp xỉ)\\s*)?$`,
  'u',
);
/** `trên mức báo động 3 là `: over or under a flood alarm level. */
const ALARM_LEVEL = /(?<!\p{L})(trên|dưới)\s+(?:mức\s+)?báo động\s+(?:\d|[ivx]+)\s*(?:(?:là|khoảng)\s*)?$/u;

/**
 * `cao hơn TBNN 0,6°C`, `ít hơn cùng kỳ năm 2024 là 5 ngày`, `cao hơn TBNN từ 15 đến 45%`, `trên mức báo động 3
 * là 0,66 m`: a value compared with a reference named between the comparative and the figure is a difference —
 * up or down as the comparative says. (A reference written right after `hơn` with `so với` is the comparative's own.)
 */
function comparedWithReference(lower: string, read: AspectReading, clause: number, start: number): 'up' | 'down' | undefined {
  if (read.aspect !== 'share' && read.aspect !== 'level') return undefined;
  // (the reference may hold a bracket the clause reader stops at: `cao hơn trung bình nhiều năm (TBNN) từ 0,3 đến 0,8°C`)
  const before = lower.slice(Math.max(0, Math.min(clause, start - 90)), start);
  const m = COMPARED_WITH.exec(before) ?? ALARM_LEVEL.exec(before);
  if (!m) return undefined;
  // (the reference names no verb of its own: `cao hơn và đạt 95%` is no difference)
  if (m[2] && /(?<!\p{L})(?:lên|xuống|được|đạt|có|còn|và|với)(?!\p{L})/u.test(m[2])) return undefined;
  return ABOVE.has(m[1]) ? 'up' : 'down';
}

/** What lies between a rank and the size of the set it is among: `trong số`, `trong tổng số`, `trong`. */
const RANK_AMONG = /^\s+trong\s+(?:tổng\s+)?(?:số\s+)?$/u;

/** The name of a coefficient, whose value is written in `lần` (`hệ số nợ`, `vòng quay vốn`). */
// (nor how often, `Số lần mất điện bình quân (SAIFI) là 2,84 lần`, `tần suất …`, nor the size of a gap, `chênh lệch thu nhập giữa
// thành thị và nông thôn là 1,57 lần`: levels of a ratio)
const COEFFICIENT = /(?<!\p{L})(?:hệ số|vòng quay|số lần|tần suất|chênh lệch)(?!\p{L})/u;

/** A word that says a figure is rough, right before it (`gần`, `hơn`, `khoảng`, `trên`, `dưới`, `xấp xỉ`, `chưa đến`). */
const ROUGHLY_BEFORE = /(?<!\p{L})(?:gần|hơn|khoảng|trên|dưới|xấp xỉ|chưa đến)\s*$/u;

/** The phrase a fraction is of: `số` and what follows to the clause's end. */
const FRACTION_OF = /^\s+số\s+([^;:()]+?)(?=[;:()]|,\s|\.(?:\s|$)|$)/u;

/** Extract the facts of one block. */
export function extractFromBlock(block: Block, ctx: BlockContext): Fact[] {
  const text = block.text;
  const lower = lowerSameLength(text);
  const figures = groupFigures(text, findNumbers(text));
  const placed: Placed[] = [];
  const consumed = new Set<Figure>();
  for (let i = 0; i < figures.length; i++) {
    const f = figures[i];
    if (consumed.has(f)) continue;
    const previousEnd = placed[placed.length - 1]?.end ?? 0;
    if (f.start < previousEnd) continue; // inside the previous fact (`/100 dân` of a density)
    const rank = isRank(lower, f.start, f.of !== null);
    if (rejectReason(text, lower, f, rank)) continue;
    // (a plan's value in brackets — `đạt 87,7% kế hoạch năm (110.000 lao động)` — is an aside: what follows goes on
    // about the figure before it)
    const previous = [...placed].reverse().find((p) => !isPlanAside(p.fact));
    // a rank among a set said after it (`đứng thứ 14 trong số 34 tỉnh, thành phố`, `xếp thứ 3 trong 12 huyện`): of so many,
    // in the set's noun, as `thứ 14/34 tỉnh, thành phố` is
    const amongNext = figures[i + 1];
    const among =
      rank && f.of === null && amongNext && amongNext.of === null && Number.isInteger(amongNext.value) && amongNext.value > f.value
        ? RANK_AMONG.exec(lower.slice(f.end, amongNext.start))
        : null;
    if (among) consumed.add(amongNext);
    const readAsWritten = among ? readUnit(text, lower, amongNext.end, undefined) : readUnit(text, lower, f.end, f.scaleWord);
    // a rank names no unit when no set follows it (`xếp thứ 9 toàn quốc`, `đứng thứ 2 cả nước`: where, not what)
    const read = rank && f.of === null && readAsWritten?.evidence.includes('unit:guessed') ? undefined : readAsWritten;
    // a multiple in words (`gấp đôi giai đoạn trước`, `gấp ba năm 2020`) is so many times, with no unit written
    const timesWord = f.form === 'words' ? /(?<![\p{L}])gấp\s+$/u.exec(lower.slice(Math.max(0, f.start - 6), f.start)) : null;
    const multiple = timesWord !== null && !/^\s*lần(?!\p{L})/u.test(lower.slice(f.end, f.end + 6));
    // a fraction of a whole (`khoảng 1/4 số thí sinh`, `chiếm hơn 1/3 trữ năng thủy điện`): a share of what follows,
    // in no unit, as one in words is (below)
    // (`3/4 cửa khẩu` is three of four gates, a ratio of counts: a fraction is one of `số …` or after `chiếm`)
    // (so is one said roughly, `Gần 2/3 doanh nghiệp …`, `hơn 1/4`: a count of so many out of so few is not approximated)
    const smallFraction = f.form === 'digits' && f.of !== null && f.of <= 10 && f.value < f.of;
    const roughFraction = smallFraction && ROUGHLY_BEFORE.test(lower.slice(Math.max(0, f.start - 14), f.start));
    const slashFraction =
      smallFraction &&
      (!read || read.evidence.includes('unit:guessed')) &&
      (roughFraction ||
        /^\s+số\s/u.test(lower.slice(f.end, f.end + 6)) ||
        /(?<!\p{L})chiếm(?:\s+(?:hơn|gần|khoảng|trên|dưới))?\s*$/u.test(lower.slice(Math.max(0, f.start - 20), f.start)));
    const unit: UnitReading | undefined = slashFraction
      ? { unit: '', baseUnit: '', kind: 'count', end: f.end, evidence: ['unit:fraction'] }
      : multiple
        ? { unit: 'lần', baseUnit: 'lần', kind: 'measure', end: f.end, evidence: ['unit:multiple-in-words'] }
        : (read ?? bodiesCounted(text, f) ?? indexValue(text, lower, f) ?? (rank && f.of === null ? undefined : inferredUnit(text, lower, f, placed)));
    if (!unit && !rank) continue;
    // `Trường THPT Cao Lãnh 2 xây dựng …`, `Release 16 sẽ hỗ trợ`, `QAM 256 cần`: a number after a
    // name, before words that only look like a counted noun, belongs to the name
    // (a number in thousands names nothing: `đèn LED 29.170 bộ (chiếm 60,0%)`)
    if (
      unit?.evidence.includes('unit:guessed') &&
      !/^\d{1,3}(?:\.\d{3})+$/u.test(text.slice(f.start, f.end).trim()) &&
      (afterName(text, sentenceStart(text, f.start), f.start) || LABEL_BEFORE.test(lower.slice(Math.max(0, f.start - 20), f.start)))
    )
      continue;
    // a frequency that names a band (`băng tần 3.500 MHz`, `mạng 4G 1800 MHz`) is a name, not a measure
    if (unit && /^[kmg]hz$/.test(unit.baseUnit) && BAND_BEFORE.test(lower.slice(Math.max(0, f.start - 24), f.start))) continue;
    // so is a voltage that names a class of line or station (`trạm 110 kV`, `cấp điện áp 35 kV và 22 kV`)
    if (unit?.baseUnit === 'kv' && VOLTAGE_CLASS_BEFORE.test(lower.slice(Math.max(0, f.start - 60), f.start))) continue;
    if (unit?.kind === 'measure' && /^(năm|tháng|tuần)$/.test(unit.baseUnit) && f.value >= 1900) continue;
    const evidence = [...f.evidence, ...(unit?.evidence ?? ['unit:none'])];
    if (f.numbers.some((n) => n.separatorStyle === 'ambiguous')) evidence.push('separator:ambiguous');
    if (f.numbers.some((n) => n.leadingZero)) evidence.push('value:leading-zero');
    const unitEnd = unit ? Math.max(unit.end, f.end) : f.end;
    // a signal level below zero (`– 110 dBm`, `~ -83 dBm`): a dash before the number that does not close a range
    const sign = unit && SIGNED_UNITS.has(unit.baseUnit) && /(?:^|[^\d\s])\s*[-–−]\s?$/u.test(text.slice(Math.max(0, f.start - 4), f.start)) ? -1 : 1;
    if (sign < 0) evidence.push('value:negative');
    const value = sign * f.value;
    const multiplier = unit?.kind === 'percent' ? 1 : f.scale;
    let base = value * multiplier;
    if (!Number.isFinite(base)) continue;
    base = Math.round(base * 1e6) / 1e6;
    const kind = kindOf(unit, f, rank);
    let of = among ? amongNext.value : f.of;
    if (among) evidence.push('shape:rank-among');
    if (of === null && kind !== 'rank') {
      const words = ofInWords(text, unitEnd, figures[i + 1], unit?.unit, multiplier);
      if (words !== undefined) {
        of = words;
        evidence.push('shape:ratio-in-words');
        // `113,5 bé trai/100 bé gái`: the count after the slash is what the figure is of, no fact of its own
        const next = figures[i + 1];
        if (next && text.slice(unitEnd, next.start).includes('/')) consumed.add(next);
      }
    }
    const repeated = repeatedInWords(text, unitEnd, base, figures[i + 1]);
    if (repeated) {
      consumed.add(figures[i + 1]);
      evidence.push('also:words');
    }
    const cStart = clauseStart(text, f.start);
    const finalKind: FactKind = of !== null && kind !== 'rank' ? 'ratio' : kind;
    const readAs = readAspect(lower, f.start, unitEnd, finalKind, cStart);
    const read0 = readAs.evidence.includes('aspect:index') ? { ...readAs, direction: indexDirection(value) } : readAs;
    const last = placed[placed.length - 1];
    const inContext = aspectInContext({
      text,
      lower,
      start: f.start,
      unitEnd,
      clause: cStart,
      kind,
      baseUnit: unit?.baseUnit,
      unitKind: unit?.kind,
      value,
      read: read0,
      last,
    });
    const aspect =
      slashFraction || roughFraction
        ? { ...inContext, aspect: 'share' as const, direction: null, evidence: [...inContext.evidence, 'aspect:fraction'] }
        : inContext;
    const readQ = readApprox(lower, f.start, cStart, !['change', 'plan', 'rank', 'share'].includes(aspect.aspect));
    // `vượt 1,31 điểm phần trăm so với chỉ tiêu`: the margin a target was beaten by, exactly — not "more than"
    const before = readQ.evidence.includes('approx:vượt') && aspect.aspect === 'change' ? { approx: 'none' as const, evidence: ['approx:margin'] } : readQ;
    // `từ 8,5% trở lên`, `từ 60 tuổi trở xuống`: a bound written after the figure
    // (after the counted noun's modifier too, the figure opened by `từ`: `từ 10 giải Nhất trở lên`)
    const fromBefore = /(?<!\p{L})từ\s*$/u.test(lower.slice(Math.max(0, f.start - 6), f.start));
    const bound =
      before.approx === 'none'
        ? (BOUND_AFTER.exec(lower.slice(unitEnd, unitEnd + 12)) ?? (fromBefore ? BOUND_AFTER_WORDS.exec(lower.slice(unitEnd, unitEnd + 40)) : null))
        : null;
    // (`trên` before routes is where, not how many: `cây xanh trên 386 tuyến đường`, `thí điểm … trên 12 tuyến đường`, `trên ba
    // tuyến phố`)
    const onRoutes =
      before.approx === 'more_than' &&
      /(?<![\p{L}])trên\s+$/u.test(lower.slice(Math.max(0, f.start - 6), f.start)) &&
      /^\s*tuyến(?![\p{L}])/u.test(lower.slice(f.end, f.end + 8));
    const approx = bound
      ? { approx: bound[0].includes('lên') ? ('more_than' as const) : ('less_than' as const), evidence: ['approx:bound-after'] }
      : onRoutes
        ? { approx: 'none' as const, evidence: ['approx:on-routes'] }
        : before;
    const sStart = sentenceStart(text, f.start);
    const samePrevious = previous && previous.end > sStart ? previous : undefined;
    // the time of a figure in an aside closed before this one (`… đạt 46,8% (cùng kỳ năm 2024 đạt
    // 44,1%); … đạt 43,5% kế hoạch`) is the aside's: a change or plan after it compares the figure before the aside
    const aside = samePrevious ? closedAside(text, samePrevious.end, f.start) : -1;
    const timePrevious = aside >= 0 ? [...placed].reverse().find((p) => p.end <= aside && p.end > sStart) : samePrevious;
    // `… đạt 21,1%/năm. Trong đó, các nhà máy công suất lớn tăng 17,4%/năm`: a sentence that opens
    // with `trong đó` splits the last figure of the sentence before, and takes its time
    // `… 186,4 tỷ đồng, trong đó: ngân sách tỉnh 72,5 tỷ đồng; … 21,3 tỷ đồng`: the parts after a
    // `trong đó` in the sentence take the time of the total before it
    // (and one that opens with how the total is broken down: `Phân theo chiều dài: …`, `Chia theo nguồn vốn: …`, `Theo loại hình: …`)
    const opensSplit = SPLIT_LEAD.test(lower.slice(sStart, f.start));
    const splitTotal = opensSplit
      ? [...placed]
          .reverse()
          .find(
            (p) =>
              p.start < sStart &&
              (p.fact.aspect === 'level' || p.fact.aspect === 'cumulative') &&
              p.fact.kind === finalKind &&
              !isPlanAside(p.fact) &&
              !comparisonBase(lower, p.start),
          )
      : undefined;
    const opens = !samePrevious && opensSplit;
    // (`…, gồm: thị trường Nhật Bản 236 người, Hàn Quốc 98 người`: a list after `gồm:` splits the same way)
    const within = Math.max(lower.lastIndexOf('trong đó', f.start), lastListOpening(lower, sStart, f.start));
    // the total is the last level before `trong đó`, not a change or plan figure said of it
    // (a `;` clause that opens with a verb of its own — `…; đã giải quyết 4.790 hồ sơ` — is no part of the split)
    const totals =
      within > sStart && !OWN_VERB_CLAUSE.test(lower.slice(within, f.start))
        ? [...placed]
            .reverse()
            // (not a figure of an aside closed before the split: `9 thí sinh vi phạm (năm 2024: 14 thí sinh), trong đó 6 …`)
            .filter(
              (p) =>
                p.start >= sStart &&
                p.end <= within &&
                (p.fact.aspect === 'level' || p.fact.aspect === 'cumulative') &&
                !isPlanAside(p.fact) &&
                closedAside(text, p.end, within) < 0,
            )
        : [];
    // (a count splits the total of its own counted noun: `cử 38 đoàn với 214 lượt cán bộ …, trong đó 27 đoàn đi Trung Quốc`)
    const total = (read?.kind === 'count' ? totals.find((p) => p.fact.base_unit === read.baseUnit) : undefined) ?? totals[0];
    // (every `;` part of a sentence that opens with `Trong đó:` splits the total before it, not only the first)
    // (the figure before is not what is split when it is an aside in brackets: `… tăng 17,3% so với năm 2024 (1.096,74 tỷ đồng). Trong đó: …`)
    const outsideAside = opens && previous && comparisonBase(lower, previous.start) ? splitTotal : undefined;
    const splitOf = opens
      ? (outsideAside ?? previous)
      : (total ?? (opensSplit && !OWN_VERB_CLAUSE.test(lower.slice(sStart, f.start)) ? splitTotal : undefined));
    // (a part of a running total is a running total too: `lũy kế 10 tháng đạt 68.940 người, …, trong đó: trình độ cao đẳng
    // 7.215 người, …`)
    const runningPart = aspect.aspect === 'level' && finalKind !== 'percent' && splitOf?.fact.aspect === 'cumulative' && splitOf.fact.kind !== 'percent';
    if (runningPart) evidence.push('aspect:part-of-running-total');
    // (a share or change said of a part in a sentence of parts — `Trong đó: thu nội địa đạt 24.915,7 tỷ đồng, chiếm
    // 78,2% tổng thu, tăng 15,6%` — is over the part's time, which the part took from the total)
    const partOf =
      !splitOf && opensSplit && (aspect.aspect === 'share' || aspect.aspect === 'change') && samePrevious?.fact.aspect === 'level' ? samePrevious : undefined;
    const period = resolvePeriod({
      lower,
      sentenceStart: sStart,
      clauseEnd: sentenceEnd(text, unitEnd),
      start: f.start,
      unitEnd,
      kind: finalKind,
      aspect: aspect.aspect,
      sectionPeriod: splitOf?.fact.period || partOf?.fact.period || (ctx.introPeriod ?? ctx.sectionPeriod),
      // (a stock's parts are as of the stock's moment: `… có 1.874 dự án còn hiệu lực, trong đó 1.512 dự án …`)
      wholeStock: total?.fact.period.startsWith('@') ? { period: total.fact.period, from: within } : undefined,
      reportPeriod: ctx.reportPeriod,
      issued: ctx.issued,
      carried: ctx.carriedPeriod,
      windowShift: ctx.windowShift,
      workingMonth: ctx.workingMonth,
      // a change of a stock (`là 14 sở, giảm 07 sở`) is as of the stock's time; of a flow, over the flow's
      previous: timePrevious
        ? { period: timePrevious.stock ? timePrevious.fact.period : timePrevious.flowPeriod, stock: timePrevious.stock, end: timePrevious.end }
        : undefined,
    });
    const unitStart = skipSpaces(text, f.end);
    const counted = read?.kind === 'count';
    const bracket = openBracket(text, sStart, f.start);
    const parent =
      bracket >= 0
        ? [...placed].reverse().find((p) => p.end <= bracket && p.start >= sStart && /^[\s\p{L}\p{M}]{0,40}$/u.test(text.slice(p.end, bracket)))
        : undefined;
    // a sentence that opens with the base of a comparison (`So với cùng kỳ năm 2024, giảm 14 vụ …`) goes on
    // about the counts of the sentence before it
    const countsFrom = COMPARISON_LEAD.test(lower.slice(sStart, f.start)) && sStart > 0 ? sentenceStart(text, sStart - 2) : sStart;
    const countChange = finalKind === 'count' && aspect.aspect === 'change';
    const sameNounBefore = countChange
      ? [...placed].reverse().find((p) => p.end > sStart && p.fact.kind === 'count' && p.fact.aspect !== 'change' && p.fact.base_unit === unit?.baseUnit)
      : undefined;
    // `… 386,4 tỷ đồng, chiếm 31% tổng doanh thu, tăng 12,6%`: a change in per cent after a share is of the value
    // the share was taken of, not of the share (a share changes by percentage points)
    const sharedOver =
      samePrevious?.fact.kind === 'percent' && samePrevious.fact.aspect === 'share' && aspect.aspect === 'change' && unit?.unit === '%'
        ? [...placed].reverse().find((p) => p.end > sStart && p.end <= samePrevious.start && p.fact.aspect === 'level' && p.fact.kind !== 'percent')
        : undefined;
    // a plan or change percentage whose base follows in brackets with its unit (`… 1.286 mét giá tài liệu của 37 cơ quan, đạt
    // 107,2% kế hoạch (1.200 mét giá)`) compares the figure before it of that unit, not the nearest one
    const baseUnit =
      (aspect.aspect === 'plan' || aspect.aspect === 'change') && unit?.unit === '%' ? BRACKETED_BASE.exec(lower.slice(unitEnd, unitEnd + 80))?.[1] : undefined;
    const sameUnitValue = baseUnit
      ? [...placed]
          .reverse()
          .find(
            (p) =>
              p.end > sStart &&
              p.fact.kind !== 'percent' &&
              (p.fact.aspect === 'level' || p.fact.aspect === 'cumulative') &&
              !isPlanAside(p.fact) &&
              !!p.fact.unit &&
              baseUnit.startsWith(p.fact.unit.toLocaleLowerCase('vi')),
          )
      : undefined;
    const basedOn = sameUnitValue && sameUnitValue !== samePrevious ? sameUnitValue : undefined;
    // the second value of `từ X … lên Y` has no words of its own: the link is not a subject
    // (a group's bound right before, `tàu từ 6 m đến dưới 12 m có 5.912 chiếc`: the words that name the group are this count's)
    const metricFrom = samePrevious
      ? samePrevious.bound && BOUND_THEN_COUNT.test(lower.slice(samePrevious.end, f.start))
        ? samePrevious.from
        : FROM_TO.test(lower.slice(samePrevious.metricEnd, f.start))
          ? f.start
          : Math.max(sStart, samePrevious.metricEnd)
      : sStart;
    // (a value in the next `;` clause after a change goes on from the value the change compared, not from the change:
    // `quý II đạt 48,93 triệu kWh, thấp hơn cùng kỳ 17,2%; quý III đạt 89,72 triệu kWh`)
    const levelBefore =
      (aspect.aspect === 'level' || aspect.aspect === 'cumulative') &&
      (samePrevious?.fact.aspect === 'change' || samePrevious?.fact.aspect === 'plan') &&
      lower.slice(samePrevious.end, f.start).includes(';')
        ? [...placed].reverse().find((p) => p.end > sStart && p.end <= samePrevious.start && (p.fact.aspect === 'level' || p.fact.aspect === 'cumulative'))
        : undefined;
    const reading = metricPhrase({
      text,
      sentence: sStart,
      parent: parent?.fact.metric ?? (splitTotal ?? total)?.fact.metric,
      splits: !parent && !!(splitTotal ?? total),
      from: metricFrom,
      start: f.start,
      unitStart,
      unitEnd: read ? unitEnd : unitStart,
      kind: finalKind,
      aspect: aspect.aspect,
      countedNoun: counted ? unit?.baseUnit : undefined,
      // (a change of a count compares the count of the same noun earlier in the sentence: `tổ chức 78 điểm thi với 1.689
      // phòng thi, giảm 4 điểm thi so với năm 2024`)
      compared: (countChange ? sameNounBefore?.fact.metric : undefined) ?? (sharedOver ?? basedOn ?? samePrevious)?.fact.metric,
      valueBefore: levelBefore?.fact.metric,
      // (the figure before an aside closed on the way, not the aside's own: `được giao 14,6 tỷ đồng (ngân sách tỉnh 11,2 tỷ đồng …); … đã giải ngân 9,8 tỷ đồng`)
      sameUnitBefore:
        timePrevious && timePrevious.fact.kind === finalKind && timePrevious.fact.base_unit === unit?.baseUnit ? timePrevious.fact.metric : undefined,
      // (the same unit's last measure in an earlier sentence of the paragraph: `Quý III, sản lượng đá … khai thác đạt 412.600 m3 …
      // Lũy kế 9 tháng khai thác 1.186.300 m3`)
      earlierSameUnit:
        finalKind === 'measure'
          ? [...placed]
              .reverse()
              .find(
                (p) =>
                  p.end <= sStart &&
                  p.fact.kind === finalKind &&
                  p.fact.base_unit === unit?.baseUnit &&
                  (p.fact.aspect === 'level' || p.fact.aspect === 'cumulative'),
              )?.fact.metric
          : undefined,
      // (and a count's: `Trong tháng xảy ra 02 vụ va chạm giao thông … . Lũy kế 10 tháng 17 vụ`)
      earlierSameNoun: counted
        ? [...placed]
            .reverse()
            .find(
              (p) =>
                p.end <= sStart &&
                p.fact.kind === 'count' &&
                p.fact.base_unit === unit?.baseUnit &&
                (p.fact.aspect === 'level' || p.fact.aspect === 'cumulative'),
            )?.fact.metric
        : undefined,
      earlierCounts: placed
        .filter((p) => p.end > countsFrom && p.end <= f.start && p.fact.kind === 'count')
        .map((p) => ({ noun: p.fact.base_unit, metric: p.fact.metric })),
      // a figure joined to the previous one by `và` or a comma, or in a clause that names only a time
      // (`…; lũy kế 10 tháng đạt 951,8 tỷ đồng`), goes on about the previous figure's subject
      shared: samePrevious
        ? // (`đón 212 chuyến tàu với khoảng 318.000 lượt khách`: `với` joins too, a qualifier may stand between)
          /^[\s,;]*(?:và|cùng|với|,)?[\s,]*(?:(?:khoảng|gần|hơn|trên|dưới|ước)\s+)?$/u.test(text.slice(samePrevious.metricEnd, f.start)) ||
          ONLY_TIME.test(lower.slice(samePrevious.metricEnd, f.start)) ||
          // (the previous figure's own time, then `và`: `17,5% GRDP vào năm 2029 và 20% GRDP vào năm 2030`)
          OWN_TIME_THEN_AND.test(lower.slice(samePrevious.metricEnd, f.start)) ||
          FROM_TO.test(lower.slice(samePrevious.metricEnd, f.start))
          ? samePrevious.pre
          : undefined
        : // a sentence that names only a time before its figure (`Lũy kế 8 tháng ước đạt …`) goes on about the previous sentence's subject
          previous?.pre && ONLY_TIME.test(lower.slice(sStart, f.start))
          ? previous.pre
          : undefined,
    });
    // a fraction of `số …` (`khoảng 1/3 số điểm trường lẻ ở vùng sâu chưa có nhà vệ sinh`, `một phần ba số hộ được dùng
    // nước sạch`) is the share of what that phrase names
    const fractionOf = slashFraction || f.evidence.includes('number:fraction-words') ? FRACTION_OF.exec(text.slice(f.end, sentenceEnd(text, f.end))) : null;
    // `… đạt 64,5%. Ước đến ngày 31/12/2025, tỷ lệ này đạt khoảng 65%`: a measure named by pointing back is the one pointed at,
    // the last figure of its kind before it in the paragraph
    const pointedAt = POINTS_BACK.test(reading.metric)
      ? [...placed].reverse().find((p) => p.fact.kind === finalKind && p.fact.aspect === aspect.aspect && !POINTS_BACK.test(p.fact.metric))
      : undefined;
    const metric = fractionOf ? `tỷ lệ ${firstWords(fractionOf[1].trim(), 14)}` : (pointedAt?.fact.metric ?? reading.metric);
    if (fractionOf) evidence.push('metric:fraction-of');
    if (pointedAt && !fractionOf) evidence.push('metric:points-back');
    evidence.push(...reading.evidence, ...approx.evidence, ...aspect.evidence, ...period.evidence);
    // (a multiple in words is quoted with its `gấp`)
    const quoteStart = multiple ? f.start - (timesWord?.[0].length ?? 0) : f.start;
    const quote = text.slice(quoteStart, unitEnd);
    // a fraction in words (`một phần ba số hộ`, `hơn một nửa số hợp tác xã`) is a share of the whole it names, in no unit
    const fraction = f.evidence.includes('number:fraction-words');
    const fact: Fact = {
      value,
      unit: fraction ? '' : (unit?.unit ?? ''),
      base_value: base,
      base_unit: fraction ? '' : (unit?.baseUnit ?? ''),
      of,
      value_max: f.valueMax === null ? null : sign * f.valueMax,
      kind: finalKind,
      aspect: fraction ? 'share' : runningPart ? 'cumulative' : aspect.aspect,
      direction: fraction ? null : aspect.direction,
      approx: approx.approx,
      metric,
      metric_id: null,
      period: period.period,
      quote,
      ...(repeated ? { also: repeated.also } : {}),
      prov: { source: ctx.source, page: block.prov.page, start: block.prov.start + quoteStart, end: block.prov.start + unitEnd },
      section: block.section,
      // (scored once all evidence is in, by the score stage: `score-stage.ts`)
      confidence: 0,
      evidence,
    };
    placed.push({
      fact,
      start: f.start,
      end: repeated ? repeated.end : unitEnd,
      stock: period.stock,
      flowPeriod: period.flow,
      figure: f,
      metricEnd: Math.max(reading.usedEnd, repeated ? repeated.end : unitEnd),
      // (a figure with no words before it goes on with the previous figure's, in the same clause: not past a `;` or a `trong đó`)
      pre: reading.pre || (samePrevious && !/;|trong đó/u.test(lower.slice(samePrevious.end, f.start)) ? samePrevious.pre : ''),
      from: metricFrom,
      bound:
        /(?<![\p{L}])từ\s*$/u.test(lower.slice(Math.max(sStart, f.start - 6), f.start)) &&
        (fact.value_max !== null || /^\s*trở\s+(?:lên|xuống)/u.test(lower.slice(unitEnd, unitEnd + 12))),
    });
  }
  return respectively(lower, placed, ctx.reportPeriod);
}

/**
 * Times listed before `lần lượt` (respectively) give the figures after it one each, in order: `các năm 2021, 2022, 2023 lần
 * lượt là 46, 58 và 71 bài` → 2021, 2022, 2023; `quý I, II, III/2026 lần lượt tăng …`, `tháng 7, 8 và 9 lần lượt đạt …`.
 * Only when the list and the figures of the clause after it are as many.
 */
const RESPECTIVE_TIMES =
  /(?<![\p{L}])(năm|quý|tháng)\s+((?:(?:\d{1,4}|[ivx]+)\s*(?:,|và)\s*)+(?:\d{1,4}|[ivx]+))(?:\s*\/\s*(\d{4})|\s+năm\s+(\d{4}))?[^\d,;.()]{0,30}?(?<![\p{L}])lần\s+lượt(?![\p{L}])/gu;

function respectively(lower: string, placed: Placed[], reportPeriod: string | undefined): Fact[] {
  const facts = placed.map((p) => p.fact);
  for (const m of lower.matchAll(RESPECTIVE_TIMES)) {
    const after = (m.index ?? 0) + m[0].length;
    // (the clause ends at `;` or at a full stop that is no thousands separator)
    const stop = lower.slice(after).search(/;|\.(?!\d)/u);
    const end = stop < 0 ? lower.length : after + stop;
    const figures = placed.map((p, i) => ({ p, i })).filter(({ p }) => p.start >= after && p.start < end);
    const tokens = m[2].split(/\s*(?:,|và)\s*/u);
    if (figures.length !== tokens.length) continue;
    const year = Number(m[3] ?? m[4] ?? periodYear(reportPeriod));
    const periods = tokens.map((t) => {
      if (m[1] === 'năm') return /^\d{4}$/u.test(t) ? t : undefined;
      const n = /^\d+$/u.test(t) ? Number(t) : ({ i: 1, ii: 2, iii: 3, iv: 4 } as Record<string, number>)[t];
      if (!n || !year) return undefined;
      if (m[1] === 'quý') return n <= 4 ? quarterSpan(year, n) : undefined;
      return n <= 12 ? `${year}-${pad2(n)}` : undefined;
    });
    if (periods.some((x) => !x)) continue;
    figures.forEach(({ i }, k) => {
      const evidence = facts[i].evidence.map((e) => (e.startsWith('period:') ? 'period:respectively' : e));
      facts[i] = { ...facts[i], period: periods[k] ?? facts[i].period, evidence: [...new Set(evidence)] };
    });
  }
  return facts;
}

/**
 * Where the bracket opens that holds `from` and closes before `to` (`from` inside an aside the text
 * has left by `to`), or -1.
 */
function closedAside(text: string, from: number, to: number): number {
  let depth = 0;
  for (let i = from; i < to; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth < 0) {
      const open = text.lastIndexOf('(', from);
      return open >= 0 && !text.slice(open, from).includes(')') ? open : -1;
    }
  }
  return -1;
}

/** Where the last `gồm:` / `bao gồm:` of the sentence before the figure opens a list of parts, or -1. */
function lastListOpening(lower: string, from: number, to: number): number {
  let at = -1;
  // (`…: gồm:`, or after a comma before the parts' names: `… đạt 18,64 tỷ USD, gồm xuất khẩu 10,27 tỷ USD và nhập khẩu …`)
  for (const m of lower.slice(from, to).matchAll(/(?<!\p{L})(?:bao\s+)?gồm\s*:|,\s*(?:bao\s+)?gồm\s+(?=\p{L})/gu)) at = from + (m.index ?? 0);
  return at;
}

/** A clause of the sentence that singles out a part (`…; riêng quý IV ước đạt 41.260 lượt`): an aside, not what a list after it splits. */
const SINGLED_OUT = /(?:^|[;,]\s*)riêng(?!\p{L})/gu;

/** Is the figure at `at` in a sentence or `;` clause that singles out a part (`Riêng quý II …`, `…; riêng hàng xuất khẩu …`)? */
function singledOut(lower: string, at: number): boolean {
  const clause = Math.max(sentenceStart(lower, at), lower.lastIndexOf(';', at) + 1);
  return /^\s*(?:[-+•]\s*)?riêng(?!\p{L})/u.test(lower.slice(clause, clause + 12));
}

/** The time the last sentence of an introducing block names (the list's), if it names one. */
function introPeriodOf(text: string, reportPeriod?: string): string | undefined {
  const lower = lowerSameLength(text);
  const from = sentenceStart(text, text.length - 1);
  const last = lower.slice(from);
  // (a last sentence that only singles out a part, `… . Riêng quý II/2026 sản lượng đạt …`, leaves the list the one before it)
  if (from > 0 && /^\s*riêng(?!\p{L})/u.test(last)) return introPeriodOf(text.slice(0, from), reportPeriod);
  const aside = [...last.matchAll(SINGLED_OUT)].pop()?.index;
  const mentions = findTimeMentions(last, periodYear(reportPeriod), reportPeriod).filter(
    (m) => !/so với\s+(?:[^\s,;(]+\s+){0,3}$/u.test(last.slice(Math.max(0, m.start - 30), m.start)) && !(aside !== undefined && m.start > aside),
  );
  return mentions[mentions.length - 1]?.period;
}

/**
 * A plan's value in brackets (`đạt 87,7% kế hoạch năm (110.000 lao động)`): an aside — what follows compares,
 * splits or goes on about the figure before it, never this one.
 */
function isPlanAside(f: Fact): boolean {
  return f.evidence.includes('metric:plan-in-brackets');
}

/** A plan's value opening a bracket (`bằng 87,1% kế hoạch năm (2.000 triệu USD)`): the plan's, not a running total. */
const PLAN_BRACKET_BEFORE = /(?:kế hoạch|dự toán|chỉ tiêu|mục tiêu)[^()]{0,48}\(\s*$/u;

/** What a clause says is going on or standing now (`đang triển khai 6 dự án`, `hiện còn 20 hồ sơ`): not a running total. */
const ONGOING = /(?<!\p{L})(?:đang|hiện|còn)(?!\p{L})/u;

/** A sentence lead that says its figures are running totals: `Lũy kế 10 tháng, …`, `Cộng dồn từ đầu năm, …`. */
const CUMULATIVE_LEAD = /^\s*(?:[-+•]\s*)?(?:lũy kế|luỹ kế|cộng dồn)(?!\p{L})/u;

/** A `;` clause that singles out a time of its own (`…; riêng trong tháng 11 chi trả 87,42 tỷ đồng`): not the running total's. */
function singlesOutTime(lower: string, sStart: number, start: number): boolean {
  const clause = Math.max(sStart, lower.lastIndexOf(';', start) + 1);
  return clause > sStart && /^\s*riêng\s*,?\s*(?:trong\s+)?(?:tháng|quý|năm|tuần|ngày)\s/u.test(lower.slice(clause, clause + 30));
}

/**
 * Whether the sentence at `sStart` is framed by a running-total lead: it opens with one, or it goes on
 * from a sentence that does (`Trong đó: …`, `Riêng …`).
 */
function underCumulativeLead(lower: string, sStart: number): boolean {
  if (CUMULATIVE_LEAD.test(lower.slice(sStart, sStart + 24))) return true;
  if (!/^\s*(?:[-+•]\s*)?(?:trong đó|riêng)(?!\p{L})/u.test(lower.slice(sStart, sStart + 16)) || sStart < 2) return false;
  // (not one that names a time of its own: `Riêng quý III/2025 giải ngân …` is that quarter's)
  if (/^\s*(?:[-+•]\s*)?(?:trong đó|riêng)\s*,?\s*(?:trong\s+)?(?:tháng|quý|năm|tuần|ngày)\s/u.test(lower.slice(sStart, sStart + 30))) return false;
  const prev = sentenceStart(lower, sStart - 2);
  return CUMULATIVE_LEAD.test(lower.slice(prev, prev + 24));
}

/** A `;` clause that opens with a verb of its own (`…; đã giải quyết 4.790 hồ sơ`): no part of a split before it. */
const OWN_VERB_CLAUSE = /;\s*(?:đã|đang|sẽ|được|chưa|không|còn)\s/u;

/** Is the figure at `start` the base of a comparison, in brackets after it (`… so với năm 2024 (1.096,74 tỷ đồng)`)? */
function comparisonBase(lower: string, start: number): boolean {
  return /so với[^().;]{0,40}\([^()]{0,16}$/u.test(lower.slice(Math.max(0, start - 70), start));
}

/** A short sentence with no figure that announces the parts of a whole (`Trong mức tăng chung:`, `Phân theo khu vực:`), not a list of tasks. */
const BARE_LEAD = /^\s*(?:trong\s+(?:đó|tổng|số|mức|cơ cấu)|cơ\s+cấu|chia\s+ra|phân\s+theo|cụ\s+thể|bao\s+gồm|gồm)(?![\p{L}])[^\d;:]{0,50}:\s*$/iu;

/** A sentence that splits the total before it: `Trong đó, …`, `Trong số đó …`, `Phân theo chiều dài: …`, `Theo nguồn vốn: …`. */
const SPLIT_LEAD =
  /^\s*(?:[-+•]\s*)?(?:trong (?:số )?đó(?!\p{L})|(?:phân|chia)\s+(?:theo|ra)(?!\p{L})[^:;.]{0,40}:|theo\s+(?:nguồn|loại|lĩnh vực|ngành|khu vực|địa bàn|đối tượng|hình thức|cấp)(?!\p{L})[^:;.]{0,30}:)/u;

/** The unit of a base value in brackets right after a plan or change (`kế hoạch (1.200 mét giá)`, `năm 2025 (137.620 lượt)`). */
const BRACKETED_BASE = /^[^();.]{0,40}\(\s*(?:khoảng\s+|gần\s+|hơn\s+|trên\s+)?\d[\d.,]*\s+([^()\d;:]{1,30}?)\s*\)/u;

/** A sentence that only opens a list of parts (`Trong đó:`, `Cụ thể:`, `Gồm:`). */
const SPLIT_OPENER = /^\s*(?:trong đó|cụ thể|bao gồm|gồm)\s*:\s*$/iu;

/** An aside in brackets that gives an earlier time's figure (`… (cùng kỳ năm 2024 đạt`, `(năm 2024 là`). */
const EARLIER_ASIDE = /^[^()]{0,30}\(\s*(?:cùng kỳ(?:\s+năm\s+(?:trước|\d{4}))?|năm\s+(?:trước|\d{4})|năm học trước)\s*(?::|là|đạt|chỉ đạt)?\s*$/u;

/** A sentence lead that is the base of a comparison and nothing else (`So với cùng kỳ năm 2024, …`). */
const COMPARISON_LEAD = /^\s*so với\s+(?:cùng kỳ|năm|tháng|quý|kỳ)[^,;.]{0,24},/u;

/** Words of a heading that name no subject: what the report does, how the section is written (an overview, the state of things, shortcomings, goals) or when — not what is measured. */
const GENERIC_HEADING =
  /(?<![\p{L}])(?:kết quả|tình hình|công tác|thực hiện|triển khai|nhiệm vụ|đánh giá|một số|các|về|và|lĩnh vực|hoạt động|chung|cụ thể|khác|trọng tâm|giải pháp|phương hướng|khái quát|tổng quát|tổng quan|thực trạng|tồn tại|hạn chế|nguyên nhân|kiến nghị|đề xuất|mục tiêu|chỉ đạo|điều hành|từ nay|đến|ngày|năm|tháng|quý|đầu|cuối|\d[\d/.-]*|[ivx]+)(?![\p{L}])/giu;

/** The subject a heading names (`2. Giải ngân vốn đầu tư công` → `giải ngân vốn đầu tư công`), or '' when it names none. */
function headingSubject(sections: Document['sections'], path: string): string {
  const title = sections.find((s) => s.path === path)?.title ?? '';
  const words = title
    .replace(/[:.;()]/gu, ' ')
    .replace(GENERIC_HEADING, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
  return words.split(' ').filter((w) => /\p{L}/u.test(w)).length >= 2 && title.length <= 80 ? title.replace(/[:.;]+$/u, '').trim() : '';
}

/** A metric of one or two content words (`giải ngân`, `tổng thu`) says what only with its heading's subject. */
function withHeadingSubject(f: Fact, title: string): Fact {
  if (f.row !== undefined) return f;
  // a figure whose sentence names no subject at all (`1. Tổng mức bán lẻ …` then `Tháng 10/2025 ước đạt 13.286 tỷ
  // đồng, tăng 1,9% so với tháng trước`) is of its heading's subject
  if (f.metric === '')
    return { ...f, metric: title.replace(/^\p{Lu}(?=\p{Ll})/u, (c) => c.toLocaleLowerCase('vi')), evidence: [...f.evidence, 'metric:heading'] };
  // (the place a clause opens with, `toàn huyện`, `toàn tỉnh`, says where, not what)
  const content = f.metric
    .replace(/(?<![\p{L}])toàn\s+(?:tỉnh|huyện|thành phố|thị xã|xã|ngành|quốc|vùng)(?![\p{L}])/giu, ' ')
    .split(/\s+/u)
    .filter((w) => /\p{L}/u.test(w) && !THIN_STOP.has(w.toLocaleLowerCase('vi')));
  if (content.length > 2) return f;
  // (a count or share of two words or more the heading already names — `hộ nghèo` under `Thực trạng hộ nghèo,
  // hộ cận nghèo` — is of the heading's subject itself: the heading's other words say how it is reported, not
  // what; an action's heading — `giải ngân` under `Giải ngân vốn đầu tư công` — still names its object)
  const titleLower = title.toLocaleLowerCase('vi');
  const countsOrShares = f.kind === 'count' || f.kind === 'ratio' || (f.kind === 'percent' && f.aspect === 'share');
  if (countsOrShares && content.length >= 2 && titleLower.includes(content.join(' ').toLocaleLowerCase('vi'))) return f;
  const lower = f.metric.toLocaleLowerCase('vi');
  const extra = title.split(/\s+/u).filter((w) => !lower.includes(w.toLocaleLowerCase('vi'))).length;
  if (extra === 0) return f;
  // (only the heading's first subject: a thin metric with a long list after it says more than it is; of a chapter's title in
  // capitals, `ĐÁNH GIÁ TÌNH HÌNH THỰC HIỆN KẾ HOẠCH NĂM 2025`, which names a field more than a subject, its first three
  // syllables and the rest of the word they end in)
  const head = headingHead(title);
  const context = /\p{Ll}/u.test(head) ? head : firstWordsWhole(head, 3);
  return {
    ...f,
    metric: `${f.metric} — ${context.replace(/^\p{Lu}(?=\p{Ll})/u, (c) => c.toLocaleLowerCase('vi'))}`,
    evidence: [...f.evidence, 'metric:heading-subject'],
  };
}

/** The first subject a heading names: up to its first `và` or comma (`Chất lượng tín dụng và các tỷ lệ an toàn` → `Chất lượng tín dụng`). */
/** The first `n` syllables of a text, and more while the cut would split a word (`ĐÁNH GIÁ TÌNH | HÌNH` → `ĐÁNH GIÁ TÌNH HÌNH`). */
function firstWordsWhole(text: string, n: number): string {
  const syllables = text.split(/\s+/u);
  let end = Math.min(n, syllables.length);
  while (end < syllables.length && splitsWord(syllables, end)) end++;
  return syllables.slice(0, end).join(' ');
}

/**
 * By how many months a report's window (`2025-12..2026-05`) is shifted from the calendar span of as many months its title
 * names (`6 tháng đầu năm 2026`: `2026-01..2026-06`), one or two either way; 0 when it is not.
 */
function windowShiftOf(title: string | undefined, reportPeriod: string | undefined): number {
  // (a year's title is its twelve months: `năm 2026` over `01/12/2025 – 30/11/2026` is shifted by one)
  const named = titleTime(title)?.replace(/^(\d{4})$/u, '$1-01..$1-12');
  return windowShift(named, reportPeriod) ?? 0;
}

/** The time a title names, without the window it may give in brackets (`… 6 tháng đầu năm 2027 (Số liệu từ ngày 01/12/2026 đến …)`). */
function titleTime(title: string | undefined): string | undefined {
  return title ? firstPeriod(title.replace(/\([^()]*\d{4}[^()]*\)/gu, ' '), undefined, undefined, true) : undefined;
}

/** Whether a report's window is the month its title names, from the middle of the month before (`tháng 11/2026` over `15/10/2026 – 14/11/2026`). */
function isWorkingMonth(title: string | undefined, reportPeriod: string | undefined): boolean {
  const named = titleTime(title);
  return !!named && /^\d{4}-\d{2}$/u.test(named) && reportPeriod === `${addMonths(named, -1)}..${named}`;
}

function headingHead(title: string): string {
  const first = title.split(/\s*,\s*|\s+và\s+|\s*;\s*/iu)[0] ?? title;
  return first.split(/\s+/u).length >= 2 ? first : title;
}

const THIN_STOP = new Set([
  'số',
  'của',
  'được',
  'và',
  'các',
  'những',
  'trong',
  'trên',
  'địa',
  'bàn',
  'tỉnh',
  'đã',
  'đạt',
  'là',
  'có',
  'cho',
  'với',
  'thể',
  'một',
]);

/** An item's first level of the kind of the running total its list splits is a part of that total: cumulative too. */
function asRunningParts(facts: Fact[], total: Fact): Fact[] {
  const first = facts.findIndex((f) => f.aspect === 'level' && f.kind === total.kind);
  return facts.map((f, i) => (i === first ? { ...f, aspect: 'cumulative' as const, evidence: [...f.evidence, 'aspect:part-of-cumulative'] } : f));
}

/** A share in the text (not a table's cell, named by its row and column) is a `tỷ lệ` of something. */
function shareNamed(f: Fact): Fact {
  if (f.kind !== 'percent' || f.aspect !== 'share' || f.row !== undefined) return f;
  const metric = namedAsShare(f.metric);
  return metric === f.metric ? f : { ...f, metric, evidence: [...f.evidence, 'metric:share-named'] };
}

/**
 * A measure its own words do not name (`b) Lũy kế 6 tháng đầu năm đạt 118,36 triệu kWh` after `a) Sản lượng điện phát lên lưới
 * quý II/2026 đạt 52,84 triệu kWh`): the measure of the last level in its unit said before it in its section, its base left out.
 */
function withEarlierMeasure(f: Fact, before: readonly Fact[]): Fact {
  if (f.metric !== '' || !f.base_unit || f.row !== undefined || !f.evidence.includes('metric:none')) return f;
  const top = f.section.split('/')[0];
  const earlier = [...before]
    .reverse()
    .slice(0, 12)
    .find(
      (e) =>
        e.section.split('/')[0] === top &&
        e.kind === f.kind &&
        e.base_unit === f.base_unit &&
        (e.aspect === 'level' || e.aspect === 'cumulative') &&
        e.row === undefined &&
        e.metric !== '',
    );
  if (!earlier) return f;
  return { ...f, metric: earlier.metric.replace(/\s+so với(?:\s.*)?$/u, ''), evidence: [...f.evidence, 'metric:earlier-measure'] };
}

/** Extract every numeric fact of a segmented document, in document order. */
export function extractFacts(doc: Document): Fact[] {
  const facts: Fact[] = [];
  // items after a sentence that ends with a colon (`…, tính đến cuối tháng 5/2020, … trong đó:`) split
  // what it introduced and inherit its time
  let intro: string | undefined;
  // … and the total they split: parts of a running total (`Lũy kế 10 tháng, tổng thu … Trong đó:`) run too
  let introTotal: Fact | undefined;
  let introSection: string | undefined;
  // an undated document (a study): a time a paragraph's sentence lead sets (`Năm 2019, …`) holds for
  // the paragraph after it in the section, unless a heading, a table or a lead that speaks of now comes between
  let carried: { period: string; section: string } | undefined;
  const shift = windowShiftOf(doc.metadata.title, doc.metadata.reportPeriod);
  const workingMonth = isWorkingMonth(doc.metadata.title, doc.metadata.reportPeriod);
  // the moment of the stock the last paragraph ended with, for a paragraph that opens by splitting it (`Phân theo độ tuổi: …`)
  let stockBefore: { period: string; section: string } | undefined;
  for (const block of doc.blocks) {
    if (block.role === 'heading' || block.cell) {
      carried = undefined;
      stockBefore = undefined;
    }
    if (!FACT_ROLES.has(block.role)) continue;
    // (labelled items the segmenter made sections of — `a) Khu vực dịch vụ tăng 7,04%, …;` under the lead's
    // section — are items of the list all the same)
    const inlineItem = block.role === 'heading' && introSection !== undefined && block.section.startsWith(`${introSection}/`);
    if (block.role !== 'item' && !inlineItem) {
      intro = undefined;
      introTotal = undefined;
      introSection = undefined;
    }
    if (carried && carried.section !== block.section) carried = undefined;
    const splitsStock = block.role === 'body' && stockBefore?.section === block.section && SPLIT_LEAD.test(lowerSameLength(block.text));
    const blockFacts = extractFromBlock(block, {
      source: doc.source.name,
      reportPeriod: doc.metadata.reportPeriod,
      issued: doc.metadata.issueDate?.slice(0, 7),
      sectionPeriod: sectionPeriodOf(doc.sections, block.section),
      introPeriod: intro ?? (splitsStock ? stockBefore?.period : undefined),
      carriedPeriod: carried?.period,
      windowShift: shift,
      workingMonth,
    });
    if (block.role === 'body') {
      const total = [...blockFacts].reverse().find((f) => (f.aspect === 'level' || f.aspect === 'cumulative') && !isPlanAside(f) && f.period);
      stockBefore = total?.period.startsWith('@') ? { period: total.period, section: block.section } : undefined;
    }
    const title = block.cell ? '' : headingSubject(doc.sections, block.section);
    const parts = block.role === 'item' && introTotal?.aspect === 'cumulative' ? asRunningParts(blockFacts, introTotal) : blockFacts;
    facts.push(...(title ? parts.map((f) => withHeadingSubject(f, title)) : parts).map(shareNamed).map((f) => withEarlierMeasure(f, facts)));
    if (block.role !== 'item' && !inlineItem && /:\s*$/.test(block.text)) {
      introSection = block.section;
      intro = introPeriodOf(block.text, doc.metadata.reportPeriod);
      // (a running total said beside a plain figure — `Lũy kế …, tổng thu đạt 35.762 tỷ đồng, bằng 91,7% dự toán (39.000 tỷ đồng)` — is the one split)
      // (not a plan's value in brackets: `… đạt 46,2% kế hoạch … giao (3.217 tỷ đồng). Trong đó:` splits the amount before it)
      // (nor the value of a comparison's base in brackets: `… tăng 10,6% so với năm 2024 (143.712,8 tỷ đồng). Trong đó:`)
      const blockLower = lowerSameLength(block.text);
      // (nor a figure of a clause that singles out a part, `… . Riêng quý II/2026 sản lượng đạt 1.512.700 tấn …`: an aside)
      const totals = blockFacts
        .filter(
          (f) => !isPlanAside(f) && !comparisonBase(blockLower, f.prov.start - block.prov.start) && !singledOut(blockLower, f.prov.start - block.prov.start),
        )
        .reverse();
      introTotal = totals.find((f) => f.aspect === 'cumulative') ?? totals.find((f) => f.aspect === 'level');
      // `… toàn tỉnh có 126.842 người tham gia BHXH, … . Trong đó:`: a list that splits the total before it is of
      // the total's time (a stock's parts are as of its moment)
      const lastSentence = sentenceStart(block.text, block.text.length - 1);
      if (!intro && SPLIT_OPENER.test(block.text.slice(lastSentence))) intro = introTotal?.period || undefined;
      // a short lead of its own with no figure (`… Tính chung 6 tháng, GRDP tăng 7,61%. Trong mức tăng chung:`) opens
      // the parts of what the sentence before it said, of that sentence's time
      // (a stock's parts are as of its moment: `Tính đến ngày 30/9/2026, tổng diện tích … là 71.284 ha … . Cơ cấu theo loại cây:`)
      if (!intro && lastSentence > 0 && BARE_LEAD.test(block.text.slice(lastSentence)))
        intro = introTotal?.period.startsWith('@') ? introTotal.period : introPeriodOf(block.text.slice(0, lastSentence), doc.metadata.reportPeriod);
    }
    if (!doc.metadata.reportPeriod && block.role === 'body' && !block.cell) {
      // the next paragraph only: further on, a study has moved to another topic as often as not
      const lead = leadPeriodOf(lowerSameLength(block.text));
      carried = lead ? { period: lead, section: block.section } : undefined;
    }
  }
  return facts;
}
