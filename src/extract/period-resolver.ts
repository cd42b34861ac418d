import type { Aspect, FactKind } from '../../schemas/fact.js';
import { endMonth, findTimeMentions, previousMonth, stockOf, type TimeMention } from './period-mentions.js';
import { MULTIPLE_BEFORE } from '../text/comparatives.js';
import { addMonths, periodYear } from '../text/period-words.js';

/**
 * Stock and flow cues. A stock is a level at a point in time (`hiện có 1.904 trạm`, a density);
 * a flow is an amount over the period (`phát triển mới`, `trong tháng`). The nearest cue before
 * the figure in its sentence decides; a stock carries on through the sentence.
 */
/** Units of what is observed over a period, not held at a moment: concentrations and speeds. */
const OBSERVED_RATE = /(?:[mµμ]?g\/(?:l|m3)|ppm|m\/s|km\/h|km\/giờ|m3\/s)\s*$/u;
/** A measure per case (`tháng/khóa`, `phút/chuyến`, `giờ/ca`, `ngày/hồ sơ`): an average over the cases of a time, not a capacity. */
const PER_CASE = /\/\s?(?:khóa|khoá|ca|chuyến|lần|lượt|vụ|mẫu|xe|hồ sơ|học sinh|học viên|bệnh nhân|lao động|người|trường hợp)\s*$/u;
/** `hiện` as now — not the second syllable of `thực hiện`, `phát hiện` …, nor the first of `hiện trường`, `hiện vật` … */
const NOW_WORD = String.raw`(?<!(?:thực|xuất|thể|biểu|phát|hiển|tái|đồng|ẩn)\s)(?<!\p{L})hiện(?!\p{L})(?!\s+(?:trường|vật|đại|tượng|thực)(?!\p{L}))`;
/** A balance, which stands at a moment by what it is: `dư nợ`, `số dư`, `tồn kho`, `tổng tài sản`, `nợ xấu`. */
const BALANCE = String.raw`(?<!\p{L})(?:dư nợ|số dư|tồn kho|tổng tài sản|nợ xấu|nợ quá hạn)(?!\p{L})`;
const STOCK_CUES = new RegExp(
  String.raw`${BALANCE}|hiện có|hiện nay|hiện đang|hiện tại|${NOW_WORD}|tỉnh (?:hiện )?có|nâng tổng số|nâng tỷ lệ|nâng tổng|còn lại|(?<!\p{L})đang(?!\p{L})|mật độ|phủ đến|được phủ|phủ sóng|cung cấp|^\s*có(?!\p{L})`,
  'gu',
);
// (not a verb said of now, `hiện tổ chức 21 chi nhánh`, `đang tiếp nhận`: that is what stands)
const FLOW_CUES =
  /(?<!(?<!\p{L})(?:hiện|đang)\s)(?:phát triển mới|trong tháng|trong năm|trong kỳ|cấp mới|thu hồi|tiếp nhận|(?<!\p{L})ước(?!\p{L})|doanh thu|sản lượng|đã giải quyết|tổ chức|ban hành|xuống giống|gieo trồng|gieo cấy|thu hoạch|thành lập mới|xảy ra|tuyển sinh|tuyển mới|giải ngân|xuất khẩu|nhập khẩu|tiêu thụ)/gu;
const MARKED_STOCK = new RegExp(
  String.raw`${BALANCE}|đến hết|đến cuối|hiện có|hiện nay|hiện đang|hiện tại|${NOW_WORD}|đến nay|tính đến|nâng tổng số|nâng tỷ lệ|nâng tổng|còn lại|(?<!\p{L})đang(?!\p{L})`,
  'u',
);
/** Words that say a stock is as of now. */
const NOW_MARK = new RegExp(String.raw`${NOW_WORD}|(?<!\p{L})(?:đến nay|tính đến nay)(?!\p{L})`, 'u');
const STOCK_AFTER = /^\s*(?:còn lại|hiện có|đang hoạt động)/u;
// (not `bảo tồn`, to conserve, nor `tồn tại`, to exist)
const CARRIED_OVER_AFTER = /^[^.;,()]{0,20}(?<!\p{L})(?<!bảo\s)tồn(?!\p{L})(?!\s+tại(?!\p{L}))/u;

function lastCue(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let last = -1;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) last = m.index;
  return last;
}

export interface PeriodContext {
  lower: string;
  sentenceStart: number;
  clauseEnd: number;
  start: number;
  unitEnd: number;
  kind: FactKind;
  aspect: Aspect;
  /** The period of the nearest heading that names one, up the section path. */
  sectionPeriod?: string;
  reportPeriod?: string;
  /** Months by which the report's window is shifted from the calendar span its title names (`-1`: December to May for the first half). */
  windowShift?: number;
  /** A report of a working month that starts in the month before (`tháng 11/2026` over `15/10/2026 – 14/11/2026`). */
  workingMonth?: boolean;
  /** The month the report was issued (`YYYY-MM`), when its metadata says. */
  issued?: string;
  /** In an undated document: the time an earlier paragraph's sentence lead set, still holding. */
  carried?: string;
  /** A stock total this figure is a part of (after its `trong đó` at `from`): the part is as of the same moment. */
  wholeStock?: { period: string; from: number };
  /** The previous figure in the same sentence (`end`: where it ends): a change or plan takes its period; a stock carries. */
  previous?: { period: string; stock: boolean; end?: number };
}

export interface PeriodReading {
  period: string;
  /** The period as a flow (before `@` was put on a stock). */
  flow: string;
  stock: boolean;
  evidence: string[];
}

/** What stands before the base of a `hơn` comparison: `cao hơn mức tăng 8,9% của …`, `cao hơn …`. */
const HIGHER_THAN_BASE = /(?<!\p{L})hơn\s+(?:mức\s+(?:tăng|giảm)\s+)?(?:[\d.,]+\s*%?\s+)?(?:của|trong|ở)?\s*$/u;

/** A report period that is a school year (September to May, as `năm học 2024-2025` is read). */
const SCHOOL_YEAR = /^\d{4}-(?:08|09)\.\.\d{4}-(?:05|06)$/u;

/**
 * A bare year (`dự án đầu tư công năm 2020`), a span of years (`Kế hoạch giai đoạn 2024-2025`) or a
 * horizon (`chỉ tiêu đến năm 2025`) often names a plan or a thing rather than the time of the
 * figure: in a dated report it counts only when said as the time (`trong năm 2024`, `cả giai đoạn
 * 2021-2025`). The base of a comparison (`so với năm 2009`) is never the figure's time.
 */
const LOOSE = new Set(['period:year', 'period:years', 'period:horizon']);
/** Is the mention inside an aside of the sentence that singles out a part (`(riêng quý III …)`) and closes before the figure? */
function closedBracketBefore(ctx: PeriodContext, m: TimeMention): boolean {
  if (m.end > ctx.start) return false;
  const open = ctx.lower.lastIndexOf('(', m.start);
  if (open < ctx.sentenceStart || ctx.lower.slice(open, m.start).includes(')')) return false;
  const close = ctx.lower.indexOf(')', m.end);
  // (an aside that singles out a part; not one that says the lead's dates, `Trong 9 tháng (từ 01/01 đến 30/9/2026), …`)
  // (nor one that says, right after a time, when that time's work was done: `… năm 2025 (thực hiện trong tháng 01/2026) như sau:`)
  const inside = ctx.lower.slice(open, m.start);
  const doneWhen = DONE_WHEN.test(inside) && /[\divx]\s*$/u.test(ctx.lower.slice(Math.max(0, open - 4), open));
  // (nor a breakdown of the figure before it by times, `38 kỳ (tháng 7: 12 kỳ; tháng 8: 13 kỳ; tháng 9: 13 kỳ), tăng 6 kỳ …`)
  const byTimes = close >= 0 && (ctx.lower.slice(open, close).match(/(?<!\p{L})(?:tháng|quý|năm)\s+[\divx]+\s*:/gu)?.length ?? 0) >= 2;
  return close >= 0 && close < ctx.start && (/^\(\s*riêng(?!\p{L})/u.test(inside) || doneWhen || byTimes);
}
/** A bracket that opens by saying when something was done (`(thực hiện trong tháng 01/2026)`, `(tổ chức tháng 12/2025)`). */
const DONE_WHEN = /^\(\s*(?:được\s+)?(?:thực hiện|tổ chức|tiến hành|đánh giá|công bố|ban hành|hoàn thành)(?!\p{L})/u;

/** A crop season's name right before its year: `vụ xuân năm 2023`, `vụ Hè Thu 2026`, `vụ đông xuân năm`. */
const CROP_SEASON_BEFORE = /(?<!\p{L})vụ\s+(?:đông\s+xuân|hè\s+thu|thu\s+đông|xuân\s+hè|xuân|mùa|đông|chiêm|hè|thu)\s+(?:năm\s+)?$/u;

/** Words of sowing and harvest: a sentence of a crop season's yield. */
const CROP_WORDS = /(?<!\p{L})(?:gieo|cấy|trồng|xuống giống|năng suất|thu hoạch|lúa|ngô|lạc|rau)(?!\p{L})/u;

/** A sentence's lead that is a result and its year, closed by a comma: `Kết quả đánh giá … năm 2025,`, `Theo kết quả xếp hạng năm 2025,`. */
const RESULT_LEAD = /^\s*(?:[-+•]\s*)?(?:theo\s+)?(?:kết quả|chỉ số|xếp hạng|xếp loại)(?!\p{L})[^.;:()\d]{0,100}năm\s+\d{4}\s*,/u;

/** What may stand before a year that opens a `;` clause: `; năm 2022 …`, `; riêng năm 2025 …`, `; đến năm 2030 …`. */
const CLAUSE_YEAR_LEAD = /^\s*(?:[-+•]\s*)?(?:(?:đến|trong|vào|cả|riêng|tính đến|sang)\s+)?$/u;

function governing(ctx: PeriodContext, m: TimeMention): boolean {
  const before = ctx.lower.slice(Math.max(0, m.start - 30), m.start);
  // (nor the base a multiple is of: `gấp 1,2 lần năm 2025`)
  // (a base that ended its sentence — `… so với cùng kỳ. Đến ngày 30/11/2025, …` — is not this time's)
  if (/so với\s+(?:[^\s,;(]*[^\s,;(.]\s+){0,3}$/u.test(before) || MULTIPLE_BEFORE.test(before)) return false;
  // (nor the time of an aside closed before the figure: `… cấp 412 giấy (riêng quý III cấp 138 giấy), tiếp nhận 1.046 hồ sơ`)
  if (closedBracketBefore(ctx, m)) return false;
  // (nor, for a figure after it, the base a `hơn` comparison gave its own figure: `cao hơn mức tăng 8,9% của cùng kỳ
  // năm 2025 và đứng thứ 5/34` — the rank is of the sentence's own time)
  // (the base's own value in brackets is of it: `cao hơn quý I/2026 (80,6%)`)
  if (m.end <= ctx.start && HIGHER_THAN_BASE.test(before) && !/^\s*\(\s*(?:khoảng|gần|hơn|trên|dưới)?\s*$/u.test(ctx.lower.slice(m.end, ctx.start)))
    return false;
  // (nor for a figure before it: `cao hơn bình quân cả nước 0,16 điểm và cao hơn năm 2025 là 0,35 điểm`)
  if (m.start >= ctx.unitEnd && /(?<!\p{L})(?:cao|thấp|nhiều|ít|lớn|nhỏ)\s+hơn\s*$/u.test(before)) return false;
  // (nor when a result was published: `Chỉ số DTI năm 2025 công bố tháng 6/2026` is of 2025)
  if (/(?<!\p{L})công bố\s+(?:vào\s+|trong\s+|từ\s+)?$/u.test(before)) return false;
  // a school year sets the time only in a report of a school year: elsewhere (`Năm học 2024-2025, toàn huyện có
  // 31 trường` in a report of quý I) it names what the count is of, and the report's time holds
  if (m.rule === 'period:school-year' && !SCHOOL_YEAR.test(ctx.reportPeriod ?? '')) return false;
  if (!LOOSE.has(m.rule) || (!ctx.sectionPeriod && !ctx.reportPeriod)) return true;
  // a year that opens the figure's own `;` clause (`Số người xuất cư năm 2020 là 168 nghìn người; năm 2022 giảm còn 121 nghìn người`)
  const semi = ctx.lower.lastIndexOf(';', ctx.start);
  // (the last time before the figure: not `…; năm 2026 đạt 80% và đến năm 2027 đạt từ 85% đến 88%`)
  if (
    m.rule === 'period:year' &&
    semi > ctx.sentenceStart &&
    m.start > semi &&
    m.end <= ctx.start &&
    CLAUSE_YEAR_LEAD.test(ctx.lower.slice(semi + 1, m.start)) &&
    !/(?<!\d)\d{4}(?!\d)/u.test(ctx.lower.slice(m.end, ctx.start))
  )
    return true;
  // a year or a span of years right after the figure is its own, in any report (`giảm từ 7,1% năm 2020 xuống 3,6% năm 2025`,
  // `tăng từ 10,2 triệu USD/dự án giai đoạn 2016-2020 lên 11,9 triệu USD/dự án giai đoạn 2021-2025`)
  if ((m.rule === 'period:year' || m.rule === 'period:years') && m.start >= ctx.unitEnd && ownGap(ctx, ctx.lower.slice(ctx.unitEnd, m.start))) return true;
  if (yearOfCountedNoun(ctx, m)) return true;
  // a crop season named with its year (`Vụ xuân năm 2023 toàn huyện gieo cấy 11.642 ha`): what the season yields is of that year
  // (not a campaign named by its season, `Đợt tiêm phòng vụ Xuân Hè năm 2026`: a sentence of sowing and harvest)
  if (m.rule === 'period:year' && CROP_SEASON_BEFORE.test(before) && CROP_WORDS.test(ctx.lower.slice(ctx.sentenceStart, ctx.unitEnd))) return true;
  // a horizon inside the span of the plan or heading names the year a target is for
  if (m.rule === 'period:horizon' && withinSpan(m.period, ctx.sectionPeriod ?? ctx.reportPeriod)) return true;
  if (/(?:trong|cả|tính chung|riêng)\s+(?:giai đoạn\s+)?$/u.test(before.slice(-24))) return true;
  // an amount whose subject names its year (`Kinh phí … năm 2025 được giao 14,6 tỷ đồng`, `Kế hoạch vốn
  // đầu tư công năm 2025 của huyện là …`): the year is the budget's, in the figure's own clause
  if (m.rule === 'period:year' && ctx.kind === 'money' && m.end <= ctx.start && !/[,;]\s/.test(ctx.lower.slice(m.end, ctx.start))) return true;
  // … and any figure whose subject ends with its year, right before the verb (`Tỷ lệ hộ nghèo đa chiều năm 2024 là 5,84%`,
  // `So với năm 2022, thu nhập bình quân năm 2024 tăng 22,9%`)
  // (not a law's or a plan's year, `theo Luật Giáo dục năm 2019 đạt 89,6%`, nor a base, `ít hơn năm 2024 là 4 thí sinh`,
  // nor in a target, `Phấn đấu tỷ lệ thực hiện kiến nghị kiểm toán năm 2025 đạt trên 80%`)
  const subjectYear =
    m.rule === 'period:year' &&
    m.end <= ctx.start &&
    SUBJECT_YEAR_VERB.test(ctx.lower.slice(m.end, ctx.start)) &&
    !/(?:luật|nghị định|thông tư|kế hoạch|chương trình|đề án|nghị quyết|quyết định)\s+(?:\S+\s+){0,3}$|(?:hơn|với|bằng|như)\s+$/u.test(before) &&
    !TARGET_OPENING.test(ctx.lower.slice(ctx.sentenceStart, m.start));
  if (subjectYear) return true;
  // the result of an earlier year reported later (`kết quả Chỉ số CCHC năm 2025 …` in a report of
  // quý I/2026) is of the year the text names; a plan or a programme named with its year is not
  const own = periodYear(ctx.sectionPeriod) ?? periodYear(ctx.reportPeriod);
  // a plan's own span (`Tổng kinh phí thực hiện Kế hoạch giai đoạn 2025-2027` in a plan to 2027)
  if (m.rule === 'period:years' && own !== undefined && periodYear(m.period) === own) return true;
  const year = Number(m.period.slice(0, 4));
  // (in its own sentence: `… theo Quyết định số 1021/QĐ-TCTK. Năm 2024, mẫu khảo sát gồm …` leads the next one)
  const named = /(?:kế hoạch|chương trình|đề án|dự án|nghị quyết|quyết định|chỉ thị|kh|ct|đa)\s+(?:\S+\s+){0,4}$/u.test(before.replace(/^.*\.\s/su, ''));
  // a time that leads the sentence (`Giai đoạn 2016-2020, …`) is said as the time of what follows
  if (!named && m.start >= ctx.sentenceStart && inLead(ctx.lower, m)) return true;
  // (the result word heads the figure's subject, however long it runs — `Chỉ số hài lòng của người dân
  // đối với sự phục vụ của cơ quan hành chính năm 2025 của thành phố đạt 86,42%` — when the year stands in
  // that subject, before the figure, no clause between)
  const subject = ctx.lower.slice(Math.max(ctx.sentenceStart, m.start - 120), m.start);
  const result =
    /(?:kết quả|chỉ số|xếp hạng|xếp loại|đánh giá|điểm|(?<!\p{L})tốt nghiệp)\s+(?:\S+\s+){0,5}$/u.test(ctx.lower.slice(Math.max(0, m.start - 50), m.start)) ||
    (m.end <= ctx.start &&
      !/[;:]/u.test(subject) &&
      // (or a figure after one that took that year: `…, xếp thứ 9/34 tỉnh, tăng 4 bậc`)
      (!/[,;]\s/u.test(ctx.lower.slice(m.end, ctx.start)) || ctx.previous?.period.replace(/^@/u, '') === m.period) &&
      // (after a short opening with its comma: `Theo kết quả công bố, Chỉ số … năm 2024 của tỉnh đạt 41,27 điểm`)
      /^\s*(?:[-+•]\s*)?(?:(?:\p{L}+\s+){0,5}\p{L}+,\s*)?(?:kết quả|chỉ số|xếp hạng|xếp loại)(?!\p{L})/u.test(ctx.lower.slice(ctx.sentenceStart, m.start))) ||
    // (a sentence that opens with the result and its year, said as its lead — `Kết quả đánh giá công tác phòng, chống
    // thiên tai năm 2025, tỉnh được xếp loại Tốt, đứng thứ 6/34` — however many commas follow)
    (m.end <= ctx.start && RESULT_LEAD.test(ctx.lower.slice(ctx.sentenceStart, Math.min(ctx.start, m.end + 3))));
  // (the year the report's own span ends in, when that span is not a calendar year's — a school year: `Tỷ lệ tốt nghiệp
  // trung học phổ thông năm 2026 …` in a report of năm học 2025-2026 is of the exam's year)
  const straddles = /^\d{4}-\d{2}\.\.\d{4}-\d{2}$/u.test(ctx.reportPeriod ?? '') && ctx.reportPeriod?.slice(0, 4) !== ctx.reportPeriod?.slice(9, 13);
  return m.rule === 'period:year' && own !== undefined && (year < own || (year === own && straddles)) && result && !named;
}

/** A time that opens the figure's own `;` clause (`…; cả năm 2025 đạt ít nhất 105% dự toán`): the clause's, not the previous figure's. */
function clauseTime(ctx: PeriodContext, mentions: TimeMention[]): TimeMention | undefined {
  // a `;` clause, or a bracket still open at the figure (`… tăng 7,12% (kế hoạch cả năm tăng 8,5%)`)
  const open = ctx.lower.lastIndexOf('(', ctx.start);
  const bracket = open >= 0 && !ctx.lower.slice(open, ctx.start).includes(')') ? open + 1 : 0;
  const clauseStart = Math.max(ctx.lower.lastIndexOf(';', ctx.start) + 1, bracket);
  return clauseStart > ctx.sentenceStart ? mentions.find((m) => m.start >= clauseStart && m.end <= ctx.start) : undefined;
}

const RAISED_TO = /(?<!\p{L})nâng\s[^,;.]{0,70}(?<!\p{L})lên(?:\s+(?:mức|tới|đến))?(?:\s+(?:khoảng|gần|hơn|trên|xấp xỉ))?\s*$/u;
const OWN_TIME_GAP = /^\s*(?:trong|của|cả|vào)?\s*$/u;

/** The words of a counted noun's phrase before a year that qualifies it (`sinh viên tốt nghiệp năm 2024`). */
const NOUN_PHRASE_GAP = /^(?:\s+[\p{L}]+){1,4}\s+$/u;
const NOT_A_QUALIFIER =
  /(?<![\p{L}])(?:so với|tăng|giảm|đến|tới|từ|trước|sau|tồn|chuyển|cùng kỳ|kế hoạch|chỉ tiêu|đầu tư|ngân sách|vốn|chương trình|đề án|nghị quyết|dự toán)(?![\p{L}])/u;

/** `khảo sát 1.268 sinh viên tốt nghiệp năm 2024`: a year inside a counted noun's phrase says which of them — those of that year. */
function yearOfCountedNoun(ctx: PeriodContext, m: TimeMention): boolean {
  if (ctx.kind !== 'count' || m.rule !== 'period:year' || m.start < ctx.unitEnd || m.start >= ctx.clauseEnd) return false;
  const gap = ctx.lower.slice(ctx.unitEnd, m.start);
  return NOUN_PHRASE_GAP.test(gap) && !NOT_A_QUALIFIER.test(gap);
}

/**
 * A time that opens the figure's own item after the previous figure — past a comma or `và`, a few words before the figure
 * (`quý I tăng 6,95%, quý II tăng 7,38%`): the item's, not the time of the value before it.
 */
function itemTime(ctx: PeriodContext, mentions: TimeMention[]): TimeMention | undefined {
  const from = ctx.previous?.end;
  if (from === undefined) return undefined;
  return mentions.find((m) => {
    if (m.start < from || m.end > ctx.start) return false;
    const lead = ctx.lower.slice(from, m.start);
    const rest = ctx.lower.slice(m.end, ctx.start);
    return /,|(?<!\p{L})và(?!\p{L})/u.test(lead) && rest.length <= 40 && !/[\d,;(]/u.test(rest);
  });
}

function ownTime(ctx: PeriodContext, mentions: TimeMention[]): TimeMention | undefined {
  return mentions.find((m) => {
    if (m.start < ctx.unitEnd || m.start >= ctx.clauseEnd) return yearOfCountedNoun(ctx, m);
    const gap = ctx.lower.slice(ctx.unitEnd, m.start);
    // (a share's whole between them: `tỷ trọng kinh tế số đạt 17,5% GRDP vào năm 2029`)
    return ownGap(ctx, gap) || yearOfCountedNoun(ctx, m);
  });
}

/** What may stand between a figure and its own time: nothing, a preposition — or, after a share, its whole of a word or three
 * then `vào`/`trong` (`tỷ trọng kinh tế số đạt 17,5% GRDP vào năm 2029`). */
function ownGap(ctx: PeriodContext, gap: string): boolean {
  return OWN_TIME_GAP.test(gap) || (ctx.kind === 'percent' && /^\s+(?:[\p{L}\d]+\s+){1,3}(?:vào|trong)\s+$/u.test(gap));
}

function mentionFor(ctx: PeriodContext, all: TimeMention[]): TimeMention | undefined {
  const mentions = all.filter((m) => governing(ctx, m));
  // a time right after the figure is its own (`tăng bình quân 15%/năm trong giai đoạn 2026-2030`, `lên
  // 98,2% năm 2025`): it wins over one that leads the sentence
  const own = ownTime(ctx, mentions);
  if (own) return own;
  // a time in an earlier `;` clause is that clause's, unless it leads the sentence (`Trong tháng, …; …`)
  // (nor one in a topic the sentence opens with before its colon: `Một số sản phẩm chủ yếu trong tháng: xi măng
  // đạt 1,42 triệu tấn; thép các loại 715,6 nghìn tấn` — the list after the colon is all of that time)
  const colon = ctx.lower.indexOf(':', ctx.sentenceStart);
  const topic =
    colon >= 0 && colon < ctx.start && !/\d/u.test(ctx.lower.slice(ctx.sentenceStart, colon).replace(/(?<!\d)\d{1,2}\s*[/.]\s*\d{4}|\d{4}/gu, '')) ? colon : -1;
  const before = mentions.filter(
    (m) =>
      m.end <= ctx.start &&
      (!ctx.lower.slice(m.end, ctx.start).includes(';') || inLead(ctx.lower, m) || m.end <= topic || listedOn(ctx, m) || sameBracket(ctx, m)),
  );
  if (before.length) return before[before.length - 1];
  // after the figure, only within its clause: `…; lũy kế 8 tháng đầu năm đạt …` is another figure's
  // (and not one that a later item of a list says of its own subject: `diện tích 98,46 km2, dân số tính đến ngày 30/11/2025 là …`)
  return mentions.find((m) => {
    // (nor one inside a bracket opened after the figure: `… chiếm 20,7% (cùng kỳ năm 2024 chiếm 17,8%)`)
    const between = ctx.lower.slice(ctx.unitEnd, m.start).replace(/,(?=\d)/gu, '.');
    const inBracket = (between.match(/\(/g) ?? []).length > (between.match(/\)/g) ?? []).length;
    const opened = inBracket && /\d/.test(ctx.lower.slice(m.end, Math.max(m.end, ctx.lower.indexOf(')', m.end))));
    return m.start >= ctx.unitEnd && m.start < ctx.clauseEnd && !between.includes(';') && !opened && !/,\s[^,]*\p{L}[^,]*$/u.test(between);
  });
}

/**
 * Is a time mention in the lead of its sentence — before the sentence's first comma (`Năm 2019, …`,
 * `Theo kết quả Tổng điều tra năm 2019, …`, `Tính đến 12/2021, …`)? Such a mention sets the time
 * of what follows; one inside the sentence (`… trong giai đoạn 2009-2019 (…)`) is that sentence's.
 */
const TARGET_OPENING = /^\s*(?:[-+•]\s*)?(?:phấn đấu|mục tiêu(?: là)?|định hướng)?\s*$/u;

// (after a short adverbial with its comma, too: `Theo phương án trung bình, đến năm 2030 dân số …`, `Bên cạnh đó, trong quý III …`)
// (and after a condition that holds no figure, `Nếu xu hướng di cư giữ như giai đoạn 2020-2025, đến năm 2030 lực lượng lao động …`)
const SENTENCE_OPENING =
  /^\s*(?:[-+•]\s*)?(?:(?:\d{1,2}|[a-zđ])[.)]\s*)?(?:[^.;:,\d()]{1,40}:\s*)?(?:(?:\p{L}+\s+){0,5}\p{L}+,\s*|(?:nếu|giả định|trường hợp)\s(?:[^.;:\d]|(?<!\d)\d{4}(?!\d))+,\s*)?$/u;

/** Is a year inside a span of years (`2030` in `2026-01..2030-12`)? */
function withinSpan(year: string, span: string | undefined): boolean {
  if (!span?.includes('..') || !/^\d{4}$/.test(year)) return false;
  const [a, b] = span.split('..');
  return year >= a.slice(0, 4) && year <= b.slice(0, 4) && a.slice(0, 4) !== b.slice(0, 4);
}

/** What stands between a subject's year and its figure: the verb alone (`… năm 2024 là`, `… năm 2024 ước đạt khoảng`). */
const SUBJECT_YEAR_VERB = /^\s*(?:(?:ước|dự kiến|ước tính)\s+)?(?:đạt|là|tăng|giảm|chiếm|bằng|có)(?:\s+(?:khoảng|gần|trên|hơn|dưới|xấp xỉ|ở mức))?\s*$/u;

/**
 * A figure in a short `;` item that goes on listing what the sentence's first clause began, naming no time of its own
 * (`… kim ngạch 9 tháng đạt 4,12 tỷ USD, chiếm 83,6%; Hàn Quốc 148,5 triệu USD, chiếm 3%; …`): of that clause's time.
 */
function listedOn(ctx: PeriodContext, m: TimeMention): boolean {
  // (an event's day is not a list's time: `… tổ chức vào ngày 13/02/2025; toàn tỉnh đã giao đủ 3.420 công dân`)
  if (m.start < ctx.sentenceStart || m.rule === 'period:date') return false;
  // (a time that frames the first clause, said before any figure of it — not one a figure is of: `tăng 25%/năm trong giai
  // đoạn 2025-2027; tối thiểu 1.500 sản phẩm …`)
  const lead = ctx.lower
    .slice(ctx.sentenceStart, m.start)
    .replace(/^\s*(?:[-+•]|\d+(?:\.\d+)*\.|\p{L}\))\s*/u, '')
    .replace(/(?<!\d)\d{1,2}\s*[/.]\s*\d{4}|\d{4}/gu, '');
  if (/\d/u.test(lead) || (lead.match(/\(/gu) ?? []).length > (lead.match(/\)/gu) ?? []).length) return false;
  const item = ctx.lower.slice(ctx.lower.lastIndexOf(';', ctx.start) + 1, ctx.start).replace(LIST_ON, ' ');
  // (an item with a verb of its own is a clause, not a list going on: `…; toàn tỉnh đã giao đủ …`)
  if (/(?<!\p{L})(?:đã|đang|sẽ|được|bị)(?!\p{L})/u.test(item)) return false;
  return item.split(/\s+/u).filter((w) => /\p{L}/u.test(w)).length <= LISTED_ITEM_WORDS;
}
/**
 * Is the mention inside the bracket still open at the figure? There `;` only parts a list (`(cơ cấu tương ứng của cùng kỳ
 * năm 2025 là 28,9%; 30,71%; 33,97% và 6,42%)`), and the list's time is all of it.
 */
function sameBracket(ctx: PeriodContext, m: TimeMention): boolean {
  const open = ctx.lower.lastIndexOf('(', ctx.start);
  return open >= ctx.sentenceStart && open < m.start && !ctx.lower.slice(open, ctx.start).includes(')');
}
/** Words that go on with a list (`tiếp đến là`, `sau đó là`), and the words an item that goes on one has at most. */
const LIST_ON = /(?<!\p{L})(?:tiếp\s+(?:đến|theo)|sau\s+đó|kế\s+đến)\s+là(?!\p{L})|\([^()]*\)/gu;
const LISTED_ITEM_WORDS = 6;

function inLead(lower: string, m: TimeMention): boolean {
  let s0 = m.start;
  while (s0 > 0 && lower[s0 - 1] !== '\n' && !(lower[s0 - 1] === ' ' && lower[s0 - 2] === '.')) s0--;
  // `Phấn đấu đến năm 2030 có …; …`: a target's horizon opening the sentence frames all of it
  if (m.rule === 'period:horizon' && TARGET_OPENING.test(lower.slice(s0, m.start))) return true;
  // a time the sentence opens with, comma or not (`Trong tháng cấp mã …; có thêm …`), after at most a
  // list label and a short topic with its colon (`3. Hoàn thuế: trong tháng giải quyết …`), sets the time of all of it
  if (SENTENCE_OPENING.test(lower.slice(s0, m.start))) return true;
  // (a clause's comma, not a decimal one: `612,4 tỷ đồng`)
  const rest = lower.slice(s0).search(/,(?!\d)/u);
  const comma = rest < 0 ? -1 : s0 + rest;
  // a lead is a short adverbial (ten words at most), not a whole clause that happens to end in a comma
  const leadWords = lower.slice(s0, Math.max(comma, 0)).split(/\s+/).filter(Boolean).length;
  // (a longer one when it is a prepositional phrase whose time closes it: `Tại kỳ thi chọn học sinh giỏi quốc gia trung
  // học phổ thông năm 2026, …`)
  // (or a result named with its year, and when it was published: `Kết quả đo lường sự hài lòng của doanh nghiệp năm 2025, …`,
  // `Theo Chỉ số chuyển đổi số cấp tỉnh (DTI) năm 2025 công bố tháng 6/2026, …`)
  const framed =
    lower.slice(s0, m.end).split(/\s+/).filter(Boolean).length <= 16 &&
    LEAD_PREPOSITION.test(lower.slice(s0, s0 + 16)) &&
    PUBLISHED_TAIL.test(lower.slice(m.end, Math.max(comma, m.end)));
  const head = lower.slice(s0, m.end);
  const unclosed = (head.match(/\(/g) ?? []).length > (head.match(/\)/g) ?? []).length;
  // (a short lead holds no bracket; a framed one may hold a closed one, the result's short name: `(DTI)`)
  return comma >= m.end && ((leadWords <= 10 && !head.includes('(')) || (framed && !unclosed)) && !/[.;]\s/.test(lower.slice(m.end, comma));
}

/** What opens an adverbial lead: a preposition (`Tại …`, `Trong …`, `Qua …`, `Theo …`) or a result (`Kết quả …`). */
const LEAD_PREPOSITION = /^\s*(?:[-+•]\s*)?(?:tại|trong|qua|theo|ở|kết quả)\s/u;
/** What may follow the time that closes such a lead: nothing, or when and by whom it was published (`do Cục Thuế công bố trong quý III`). */
const PUBLISHED_TAIL = /^(?:\s+(?:do\s+[^,;]{1,40}\s+)?(?:được\s+)?công bố(?:\s+[^,;]{1,24})?)?\s*$/u;

/** A sentence that opens by speaking of now (`Hiện nay, …`, `Hiện cả nước có …`, `Đến nay, …`). */
const PRESENT_LEAD = /^\s*(?:[-+•]\s*)?(?:hiện nay|hiện tại|hiện|đến nay|tính đến nay)(?!\p{L})/u;
/** A sentence lead that names the whole year in words (`Trong năm, …`, `Cả năm, …`): the report's time, not a span an earlier sentence set. */
// (or the whole season of a report of one: `Cả vụ ép được 812.640 tấn mía`, `Toàn vụ, …`)
const WHOLE_YEAR_LEAD =
  /^\s*(?:[-+•]\s*)?(?:(?:trong|cả)\s+năm(?!\s*(?:\d|học|trước|tới|sau|nay|qua))|(?:cả|toàn)\s+(?:niên\s+)?vụ(?:\s+ép)?(?!\s*(?:\d|trước|tới|sau)))(?!\p{L})/u;
/** A sentence that opens with the whole year in words (`WHOLE_YEAR_LEAD`), anywhere in a stretch of text. */
const WHOLE_YEAR_AFTER = new RegExp(`[.!?]\\s+${WHOLE_YEAR_LEAD.source.replace(/^\^\\s\*/u, '')}`, 'u');

/**
 * The time the sentence leads of a paragraph set, for the paragraphs after it (undated documents):
 * the last lead's time; '' when the last sentence with a time-setting lead speaks of now; undefined
 * when no sentence lead sets a time.
 */
export function leadPeriodOf(lower: string): string | undefined {
  let found: string | undefined;
  for (const sentence of lower.split(/(?<=[.!?])\s+|\n+/u)) {
    if (PRESENT_LEAD.test(sentence)) {
      found = '';
      continue;
    }
    // (a dated event or moment is its sentence's, not the time of the paragraphs after it)
    const lead = findTimeMentions(sentence).filter((m) => inLead(sentence, m) && m.rule !== 'period:date' && m.rule !== 'period:moment');
    if (lead.length) found = lead[lead.length - 1].period;
  }
  return found;
}

/** Between a stock and a figure of what it holds: `với`, its words, no clause break (not `so với`). */
const WITH_STOCK = /^[^;.()\d]{0,60}(?<!\p{L})(?<!so\s)với(?!\p{L})[^;.()\d]{0,40}$/u;
/** The figure is what exists (`… có 1.874 dự án`, `… còn 11 điểm đen`), said right before it. */
const EXISTS_BEFORE = /(?<!\p{L})(?:có|còn|hiện có|đang có)\s+(?:tổng số\s+|tổng cộng\s+)?$/u;

/** Spans a sentence's lead sets that go on for the rest of its paragraph in a dated report. */
const CARRIED_SPANS = new Set([
  'period:since',
  'period:as-of',
  'period:until',
  'period:months-of-year',
  'period:months-to-date',
  'period:between',
  'period:this-month',
]);

const OPENS_BRACKET = /\(\s*(?:khoảng|gần|hơn|trên|dưới|ước)?\s*$/u;
const ANNUAL_PLAN = /(?<!\p{L})(?:kế hoạch|chỉ tiêu|mục tiêu|dự toán)(?!\p{L})/u;

/**
 * The year of an annual plan a figure in brackets states (`đạt 87,7% kế hoạch năm (110.000 lao
 * động)`, `bằng 91,7% dự toán … giao (39.000 tỷ đồng)`, `100% kế hoạch thanh tra năm 2025 (120
 * cuộc)`): the plan is for the year — the year it names, else the report's — not for the months
 * the report has run. A plan of a school year, a span or a shorter time is left to the rules below.
 */
function annualPlanYear(ctx: PeriodContext, year: number | undefined): string | undefined {
  const open = ctx.lower.lastIndexOf('(', ctx.start);
  if (open <= ctx.sentenceStart || !OPENS_BRACKET.test(ctx.lower.slice(open, ctx.start))) return undefined;
  const lead = ctx.lower.slice(Math.max(ctx.sentenceStart, open - 90), open);
  const clause = lead.slice(Math.max(lead.lastIndexOf(';') + 1, lead.lastIndexOf(':') + 1));
  const plans = [...clause.matchAll(new RegExp(ANNUAL_PLAN.source, 'gu'))];
  const plan = plans[plans.length - 1];
  if (plan?.index === undefined) return undefined;
  // (the plan's own words run to the bracket: no other figure, no clause of another verb between)
  const words = clause.slice(plan.index);
  if (/\d/u.test(words.replace(/(?<!\d)(?:19|20)\d{2}(?!\d)/gu, '')) || /,\s*(?:tăng|giảm|đạt|bằng|chiếm|so với)(?!\p{L})/u.test(words)) return undefined;
  if (/(?<!\p{L})(?:năm học|giai đoạn|tháng|quý|\d{4}\s*-\s*\d{4})(?!\p{L})/u.test(words)) return undefined;
  const named = words.match(/(?<!\d)(?:19|20)\d{2}(?!\d)/gu);
  if (named) return named[named.length - 1];
  if (year === undefined) return undefined;
  if (plan[0] === 'dự toán' || /(?<!\p{L})năm(?!\p{L})/u.test(words)) return String(year);
  // (a sum of money given or set as a target without its time — `chỉ tiêu được giao (600 tỷ đồng)`, `kế hoạch vốn (20,5 tỷ
  // đồng)`, `chỉ tiêu phấn đấu (16.400 tỷ đồng)` — is the year's budget, in a report of the months or a quarter of that year;
  // not a target of a season or a school year, nor one of hectares or people)
  const own = (ctx.sectionPeriod ?? ctx.reportPeriod ?? '').replace(/^@/u, '');
  return ctx.kind === 'money' && new RegExp(`^${year}-\\d{2}(?:\\.\\.${year}-\\d{2})?$`, 'u').test(own) ? String(year) : undefined;
}

/** A plan of the year named right after a percentage: `100% kế hoạch năm`, `100% dự toán năm`, `100% kế hoạch vốn năm 2025`. */
const YEAR_PLAN_AFTER =
  /^\s*(?:kế hoạch|dự toán|chỉ tiêu|giá trị đặt hàng)(?:\s+(?!năm(?!\p{L}))\p{L}+){0,3}\s+(?:cả\s+)?năm(?:\s+((?:19|20)\d{2}))?(?![\p{L}\d])/u;

/** A section of tasks for a time after the report's (`II. Nhiệm vụ quý II năm 2026` in a report of quý I): what it says is to be done. */
function forwardSection(ctx: PeriodContext): boolean {
  if (!ctx.sectionPeriod || !ctx.reportPeriod) return false;
  const sectionStart = ctx.sectionPeriod.replace(/^@/u, '').slice(0, 7);
  const reportEnd = endMonth(ctx.reportPeriod);
  return !!reportEnd && /^\d{4}-\d{2}$/u.test(sectionStart) && sectionStart > reportEnd;
}

/**
 * A target of the year's plan, set in a section of tasks for a time after the report's (`Nhiệm vụ quý IV`: `Thu phí bảo
 * đảm 100% dự toán năm.`, `phấn đấu cả năm đạt 100% dự toán`): the year — the one it names, else the section's.
 */
function annualTarget(ctx: PeriodContext, year: number | undefined): string | undefined {
  if (ctx.aspect !== 'plan' || !forwardSection(ctx)) return undefined;
  const plan = YEAR_PLAN_AFTER.exec(ctx.lower.slice(ctx.unitEnd, ctx.unitEnd + 60));
  const clause = ctx.lower.slice(Math.max(ctx.sentenceStart, ctx.lower.lastIndexOf(';', ctx.start) + 1), ctx.start);
  if (!plan && !/(?<!\p{L})cả năm(?!\p{L})/u.test(clause)) return undefined;
  // (not a target of a time the sentence names: `Thu ngân sách quý I/2026 đạt ít nhất 25% dự toán năm`)
  if (findTimeMentions(clause, year, ctx.reportPeriod).some((m) => m.rule !== 'period:whole-year')) return undefined;
  return plan?.[1] ?? (year !== undefined ? String(year) : undefined);
}

/**
 * The time of a figure a bracket holds, when the bracket says it: `tăng 12% so với năm 2024 (446 tỷ đồng)` — the
 * figure the bracket opens with after a comparison's base is the base's value, of the base's time; `(năm 2024: 312
 * người)`, `(năm học trước là 4,9%)` — a time that opens the bracket is its figure's.
 */
function bracketPeriod(ctx: PeriodContext, mentions: readonly TimeMention[]): PeriodReading | undefined {
  const open = ctx.lower.lastIndexOf('(', ctx.start);
  if (open <= ctx.sentenceStart) return undefined;
  const at = (m: TimeMention, rule: string): PeriodReading => {
    // (`so với cùng kỳ năm 2024 (4.959 ca)`: the stretch of the figure compared, in that year)
    const period = (m.rule === 'period:same-period' ? sameStretch(ctx.previous?.period, m.period.slice(0, 4)) : undefined) ?? m.period;
    return { period, flow: period.replace(/^@/u, ''), stock: period.startsWith('@'), evidence: [rule] };
  };
  if (OPENS_BRACKET.test(ctx.lower.slice(open, ctx.start))) {
    const base = mentions.find(
      (m) =>
        m.end <= open &&
        /^\s*$/u.test(ctx.lower.slice(m.end, open)) &&
        // (or a multiple or share of it: `gấp 1,6 lần cùng kỳ (42,7 tỷ đồng)`, `bằng 96% cùng kỳ (…)`)
        /(?:so với|(?:gấp|bằng)\s+(?:hơn\s+|gần\s+|khoảng\s+)?[\d.,]+\s*(?:lần|%))\s+(?:\S+\s+){0,3}$/u.test(
          ctx.lower.slice(Math.max(0, m.start - 30), m.start),
        ),
    );
    if (base) return at(base, 'period:compared-base');
    // (a bracket that holds the figure alone, right after a time: `… cao hơn bình quân cả nước (51,2%) và cùng kỳ năm 2025
    // (48,7%)`, `kế hoạch vốn năm 2026 (1.357 tỷ đồng)` — the figure is of that time)
    const alone = /^\s*\)/u.test(ctx.lower.slice(ctx.unitEnd, ctx.unitEnd + 4));
    const right = alone ? mentions.find((m) => m.end <= open && /^\s*$/u.test(ctx.lower.slice(m.end, open))) : undefined;
    if (right) return at(right, 'period:bracket-time');
  }
  if (ctx.lower.slice(open, ctx.start).includes(')')) return undefined;
  const opening = mentions.find(
    (m) =>
      m.start > open &&
      m.end <= ctx.start &&
      /^\(\s*$/u.test(ctx.lower.slice(open, m.start)) &&
      /^\s*(?::|là|đạt|có|chỉ có|chỉ đạt|ước đạt)?\s*(?:khoảng|gần|hơn|trên|dưới)?\s*$/u.test(ctx.lower.slice(m.end, ctx.start)),
  );
  return opening ? at(opening, 'period:bracket-opening') : undefined;
}

/** A base that is a month (`so với tháng trước`, `so với cùng tháng năm trước`), in the figure's own `;` clause or leading its sentence. */
const MONTH_BASE = /so với\s+(?:cùng\s+)?tháng\s+(?:trước|năm trước)/u;

function monthCompared(ctx: PeriodContext): boolean {
  const clauseFrom = Math.max(ctx.sentenceStart, ctx.lower.lastIndexOf(';', ctx.start) + 1);
  const clauseTo = ctx.lower.indexOf(';', ctx.unitEnd);
  const clause = ctx.lower.slice(clauseFrom, clauseTo < 0 || clauseTo > ctx.clauseEnd ? ctx.clauseEnd : clauseTo);
  const lead = ctx.lower.slice(ctx.sentenceStart, ctx.start).split(',')[0] ?? '';
  return MONTH_BASE.test(clause) || /^\s*so với\s+(?:cùng\s+)?tháng/u.test(lead);
}

/** Is the report's period a stretch of months inside this year, short of the whole year (`2025-10..2025-12` in `2025`)? */
function partOfYear(reportPeriod: string | undefined, year: string): boolean {
  const m = /^(\d{4})-(\d{2})\.\.(\d{4})-(\d{2})$/u.exec(reportPeriod ?? '');
  return !!m && m[1] === year && m[3] === year && !(m[2] === '01' && m[4] === '12');
}

/** A period of one year (`2025-01..2025-09`, `@2025-06`) moved to another year, or undefined. */
function sameStretch(period: string | undefined, year: string): string | undefined {
  const years = period?.match(/\d{4}/gu);
  if (!period || !years || new Set(years).size !== 1 || years[0] === year || !/^\d{4}$/u.test(year)) return undefined;
  return period.replace(/\d{4}/gu, year);
}

/**
 * `cùng kỳ năm 2025` is the stretch the sentence frames, in that year — `Tính chung 9 tháng năm 2026, IIP tăng 10,4%,
 * cao hơn mức tăng 8,9% của cùng kỳ năm 2025` is of 2025's nine months, in a report of the quarter and the nine months
 * — when a time before it in the sentence, not a base, frames it; else the report's own stretch.
 */
function sameAsFrame(ctx: PeriodContext, mentions: readonly TimeMention[], same: TimeMention): TimeMention {
  const frame = mentions.filter((m) => m.end <= same.start && m.start >= ctx.sentenceStart && m.rule !== 'period:same-period' && governing(ctx, m)).pop();
  const period = sameStretch(frame?.period, same.period.slice(0, 4));
  return period ? { ...same, period, rule: 'period:same-period-framed' } : same;
}

/** Where the sentence that holds offset `at` of a paragraph starts (after a `. ` or a line break). */
function startOfSentence(lower: string, at: number): number {
  return Math.max(lower.lastIndexOf('. ', at) + 2, lower.lastIndexOf('\n', at) + 1);
}

/**
 * The months to date said in the subject of an earlier sentence of the paragraph, right before its verb (`Kim ngạch xuất
 * khẩu 9 tháng ước đạt 47,85 tỷ USD; riêng quý III đạt …. Các nhóm hàng chủ lực gồm: …`): the paragraph's time, as a lead
 * would be — a report of a quarter and the months to date writes its paragraphs so.
 */
function runningSubject(ctx: PeriodContext, m: TimeMention): boolean {
  // (the months that run to the report's end, its quarter or month one part of them: not `6 tháng đầu năm` in a report of a
  // crop season to May)
  const report = ctx.reportPeriod ?? '';
  if (
    (m.rule !== 'period:months-to-date' && m.rule !== 'period:months-of-year') ||
    m.period === report ||
    endMonth(m.period) !== endMonth(report) ||
    !report.startsWith(m.period.slice(0, 4))
  )
    return false;
  return !/[\d,;:()]/u.test(ctx.lower.slice(startOfSentence(ctx.lower, m.start), m.start)) && RUNNING_VERB.test(ctx.lower.slice(m.end, m.end + 24));
}
const RUNNING_VERB = /^\s*(?:(?:ước|dự kiến|ước tính)\s+)?(?:đạt|là|tăng|giảm)(?!\p{L})/u;

/** Does the sentence a carried time leads go on to name a time of its own, not a base (`…, ước cả năm đạt …`)? */
function movedOn(ctx: PeriodContext, earlier: readonly TimeMention[], last: TimeMention): boolean {
  const dot = ctx.lower.indexOf('. ', last.end);
  const end = dot < 0 || dot > ctx.sentenceStart ? ctx.sentenceStart : dot;
  return (
    findTimeMentions(ctx.lower.slice(last.end, end), periodYear(ctx.sectionPeriod) ?? periodYear(ctx.reportPeriod), ctx.reportPeriod, ctx.issued).some(
      // (a base, or an aside about a part, `riêng quý III đạt …`, moves nowhere)
      (m) =>
        m.rule !== 'period:same-period' &&
        !/(?:so với|riêng)\s+(?:\S+\s+){0,2}$/u.test(ctx.lower.slice(Math.max(0, last.end + m.start - 24), last.end + m.start)),
    ) ||
    earlier.some((m) => m.start > last.end && m.start < end) ||
    // (a sentence between that opened with the whole year in words: `… . Trong năm, Công ty thu mua …`)
    WHOLE_YEAR_AFTER.test(ctx.lower.slice(last.end, ctx.sentenceStart))
  );
}

/** Mentions that bound a span by its ends. */
const SPAN_RULES = new Set(['period:between', 'period:since']);

/**
 * Is the sentence that holds a mention one with no figure of its own (only dates and years), and no other time — the span
 * it sets is the one its paragraph's figures run over (not a window of one step, `Vụ Hè Thu xuống giống từ ngày 25/5 đến
 * ngày 15/6/2025 và thu hoạch xong trước ngày 15/9/2025`)?
 */
function figureless(lower: string, m: TimeMention): boolean {
  const dot = lower.indexOf('. ', m.end);
  const sentence = lower.slice(startOfSentence(lower, m.start), dot < 0 ? lower.length : dot);
  if (findTimeMentions(sentence).length !== 1 || /(?<!\p{L})(?:trước|sau)\s+ngày(?!\p{L})/u.test(sentence)) return false;
  return !/\d/u.test(sentence.replace(/(?<!\d)\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{4})?(?!\d)|(?<!\d)\d{4}(?!\d)/gu, ' '));
}

/** A calendar half or months from January (`2026-07..2026-12`, `2026-01..2026-06`). */
const CALENDAR_MONTHS = /^(\d{4})-(01|07)\.\.(\d{4})-(\d{2})$/u;
/** Whether a period is a window of twelve months that is no calendar year (`2025-12..2026-11`). */
function yearLong(period: string | undefined): boolean {
  const m = /^(\d{4})-(\d{2})\.\.(\d{4})-(\d{2})$/u.exec(period ?? '');
  return !!m && m[2] !== '01' && addMonths(`${m[1]}-${m[2]}`, 11) === `${m[3]}-${m[4]}`;
}

/** A reading moved to the report's shifted window. */
function shiftedTo(reading: PeriodReading, period: string): PeriodReading {
  return { ...reading, period, flow: period, evidence: [...reading.evidence, 'period:window-shift'] };
}

/**
 * In a report whose figures run over a window shifted from the calendar span its title names (`6 tháng đầu năm 2026` over
 * `01/12/2025 – 31/5/2026`), the other calendar halves and months its text names run over windows shifted the same way:
 * `6 tháng cuối năm 2026` is `2026-06..2026-11` there.
 */
function shiftedToWindow(ctx: PeriodContext, reading: PeriodReading): PeriodReading {
  // (in a report of a working month, every month named is such a month: `tháng 12/2026` is `2026-11..2026-12` there)
  if (ctx.workingMonth && /^\d{4}-\d{2}$/u.test(reading.period) && reading.evidence.some((e) => /^period:(?:month|heading|this-month)/u.test(e))) {
    return shiftedTo(reading, `${addMonths(reading.period, -1)}..${reading.period}`);
  }
  const by = ctx.windowShift ?? 0;
  // (the report's own year, in a report of a year shifted so: `Năm 2026, …` in a report of 01/12/2025–30/11/2026 is that
  // window; another year — the plan's, `năm 2027` — stays a calendar year, as annotators have it more often than not)
  if (
    by &&
    yearLong(ctx.reportPeriod) &&
    reading.period === ctx.reportPeriod?.slice(-7, -3) &&
    reading.evidence.some((e) => /^period:(?:year|heading)/u.test(e))
  ) {
    return shiftedTo(reading, `${addMonths(`${reading.period}-01`, by)}..${addMonths(`${reading.period}-12`, by)}`);
  }
  const m = CALENDAR_MONTHS.exec(reading.period);
  if (
    !by ||
    !m ||
    m[1] !== m[3] ||
    reading.period === ctx.reportPeriod ||
    !reading.evidence.some((e) => e.startsWith('period:months-of-year') || e === 'period:heading')
  )
    return reading;
  const [from, to] = reading.period.split('..').map((x) => addMonths(x, by));
  return shiftedTo(reading, `${from}..${to}`);
}

/** A report of a working year that runs October to September (`2024-10..2025-09`: the judgment-enforcement year). */
const WORKING_YEAR = /^(\d{4})-10\.\.(\d{4})-09$/u;

/** A year said in a report of such working years is a working year (`năm 2026` → `2025-10..2026-09`), its end the September. */
function asWorkingYear(period: string): string {
  const year = /^(\d{4})$/u.exec(period);
  if (year) return `${Number(year[1]) - 1}-10..${year[1]}-09`;
  const end = /^@(\d{4})-12$/u.exec(period);
  return end ? `@${end[1]}-09` : period;
}

/** A base that is a moment, not a stretch of time: `cuối năm 2025`, `đầu năm`, `ngày 31/12/2025`, `thời điểm 01/01/2026`. */
const MOMENT_BASE =
  /(?<!\p{L})so với\s+(?:thời điểm\s+)?(?:cuối\s+năm|đầu\s+năm(?!\s+học)|cuối\s+kỳ|đầu\s+kỳ|(?:ngày\s+)?\d{1,2}\s*\/\s*\d{1,2}\s*\/\s*\d{4})/u;

/** Whether a change's base is a moment: leading its sentence before the figure, or right after it. */
function againstMoment(ctx: PeriodContext): boolean {
  const lead = ctx.lower.slice(ctx.sentenceStart, ctx.start);
  const after = ctx.lower.slice(ctx.unitEnd, Math.min(ctx.clauseEnd, ctx.unitEnd + 40));
  const m = MOMENT_BASE.exec(after);
  if (m && /^[^,;()]*$/u.test(after.slice(0, m.index))) return true;
  return /^\s*(?:[-+•]\s*)?so với/u.test(lead) && MOMENT_BASE.test(lead);
}

/** A move from one year's value to another's said in full: `từ 45,2% năm 2020 xuống 36,8% năm 2025`. */
const YEARS_MOVE =
  /từ\s+(?:mức\s+)?[\d.,]+\s*(?:%|\p{L}+(?:\/\p{L}+)?)?\s*\(?\s*(?:năm\s+)?(\d{4})\s*\)?\s*(?:,\s*)?(?:lên|xuống|còn)\s+(?:mức\s+)?[\d.,]+\s*(?:%|\p{L}+(?:\/\p{L}+)?)?\s*\(?\s*(?:năm\s+)?(\d{4})(?!\d)/gu;

/**
 * The years of a move said again without them, after one said in full in the same sentence (`Tỷ trọng lao động nông nghiệp giảm từ
 * 45,2% năm 2020 xuống 36,8% năm 2025; lao động công nghiệp tăng từ 20,1% lên 25,3%`): its first value is of the first year, its
 * second of the second.
 */
function parallelYears(ctx: PeriodContext): TimeMention | undefined {
  // (a clause's comma, not a decimal one: `20,1%`)
  const clauseStart = Math.max(ctx.sentenceStart, ctx.lower.lastIndexOf(';', ctx.start) + 1, ctx.lower.lastIndexOf(', ', ctx.start) + 1);
  const lead = ctx.lower.slice(clauseStart, ctx.start);
  const from = /(?<!\p{L})từ\s+(?:mức\s+)?$/u.test(lead);
  const to = !from && /(?<!\p{L})từ\s+(?:mức\s+)?[\d.,]+\s*(?:%|\p{L}+(?:\/\p{L}+)?)?\s+(?:lên|xuống|còn)\s+(?:mức\s+)?$/u.test(lead);
  if (!from && !to) return undefined;
  // (the move said in full before this clause, nothing but moves of other measures between)
  const earlier = [...ctx.lower.slice(ctx.sentenceStart, clauseStart).matchAll(YEARS_MOVE)].pop();
  if (!earlier || /\d{4}/u.test(ctx.lower.slice(ctx.start, ctx.clauseEnd).split(/[;,]/u)[0])) return undefined;
  const [y1, y2] = [Number(earlier[1]), Number(earlier[2])];
  if (y1 >= y2) return undefined;
  return { start: ctx.start, end: ctx.start, period: String(from ? y1 : y2), rule: 'period:parallel-years' };
}

/** Resolve the period of a figure: sentence, else heading, else report; then stock or flow; in a report of working years, the years its own. */
export function resolvePeriod(ctx: PeriodContext): PeriodReading {
  const reading = shiftedToWindow(ctx, resolveCalendarPeriod(ctx));
  const w = WORKING_YEAR.exec(ctx.reportPeriod ?? '');
  if (!w || Number(w[2]) !== Number(w[1]) + 1) return reading;
  const period = asWorkingYear(reading.period);
  return period === reading.period
    ? reading
    : { ...reading, period, flow: asWorkingYear(reading.flow), evidence: [...reading.evidence, 'period:working-year'] };
}

function resolveCalendarPeriod(ctx: PeriodContext): PeriodReading {
  const year = periodYear(ctx.sectionPeriod) ?? periodYear(ctx.reportPeriod);
  const sentence = ctx.lower.slice(ctx.sentenceStart, ctx.clauseEnd);
  const mentions = findTimeMentions(sentence, year, ctx.reportPeriod, ctx.issued).map((m) => ({
    ...m,
    start: m.start + ctx.sentenceStart,
    end: m.end + ctx.sentenceStart,
  }));
  const whole = ctx.wholeStock;
  if (whole && ctx.aspect !== 'change' && !mentions.some((m) => m.start >= whole.from && m.end <= ctx.start)) {
    return { period: whole.period, flow: whole.period.slice(1), stock: true, evidence: ['period:part-of-stock'] };
  }
  const annual = annualPlanYear(ctx, year) ?? annualTarget(ctx, year);
  if (annual) return { period: annual, flow: annual, stock: false, evidence: ['period:annual-plan'] };
  const bracketed = bracketPeriod(ctx, mentions);
  if (bracketed) return bracketed;
  const governs = mentions.filter((m) => governing(ctx, m));
  if ((ctx.aspect === 'change' || ctx.aspect === 'plan') && ctx.previous && !ownTime(ctx, governs) && !clauseTime(ctx, governs) && !itemTime(ctx, governs)) {
    return { period: ctx.previous.period, flow: ctx.previous.period, stock: false, evidence: ['period:compared-value'] };
  }
  // `toàn xã có 17 trường với 9.652 học sinh`, `… có 1.648 dự án còn hiệu lực với tổng vốn đăng ký 19,84 tỷ USD`: what a
  // stock holds, joined by `với`, is as of the stock's moment
  const prev = ctx.previous;
  if (
    prev?.stock &&
    prev.end !== undefined &&
    ctx.aspect !== 'change' &&
    WITH_STOCK.test(ctx.lower.slice(prev.end, ctx.start)) &&
    !mentions.some((m) => m.start >= (prev.end ?? 0) && m.end <= ctx.start)
  ) {
    return { period: prev.period, flow: prev.period.replace(/^@/u, ''), stock: true, evidence: ['period:with-stock'] };
  }
  let mention = mentionFor(ctx, mentions) ?? parallelYears(ctx);
  if (mention?.rule === 'period:same-period') mention = sameAsFrame(ctx, mentions, mention);
  if (!mention && !ctx.sectionPeriod && !ctx.reportPeriod && ctx.sentenceStart > 0) {
    // an undated document (a study): the time its paragraph set earlier holds for the sentences after it
    const earlier = findTimeMentions(ctx.lower.slice(0, ctx.sentenceStart), year).filter(
      (m) => governing(ctx, m) && inLead(ctx.lower, m) && m.rule !== 'period:date',
    );
    const last = earlier[earlier.length - 1];
    if (last) mention = { ...last, rule: `${last.rule}+paragraph` };
  }
  if (!mention && (ctx.sectionPeriod || ctx.reportPeriod) && ctx.sentenceStart > 0) {
    // a dated report: a span an earlier sentence of the paragraph opened with (`Từ đầu năm đến ngày 30/11/2025,
    // các KCN đã cấp mới … . Tổng vốn đầu tư nước ngoài thu hút đạt …`) goes on for the sentences after it
    // that name no time of their own
    // (so does an earlier year a paragraph opens with, `Năm 2024, tổng lượng chất thải … . Tỷ lệ thu gom … đạt 93,5%`,
    // in a text of a later time: the paragraph looks back)
    const earlier = findTimeMentions(ctx.lower.slice(0, ctx.sentenceStart), year, ctx.reportPeriod, ctx.issued).filter(
      (m) =>
        // (or a span a sentence with no figure of its own sets: `Chương trình được triển khai từ ngày 15/12/2024 đến ngày
        // 15/02/2025. Các cấp Hội đã vận động được 18,74 tỷ đồng`)
        (inLead(ctx.lower, m) || runningSubject(ctx, m) || (SPAN_RULES.has(m.rule) && figureless(ctx.lower, m))) &&
        // (not the base a sentence opened with: `So với năm 2021, tỷ lệ … năm 2023 là …`)
        !/so với\s+(?:cùng kỳ\s+)?$/u.test(ctx.lower.slice(Math.max(0, m.start - 20), m.start)) &&
        ((CARRIED_SPANS.has(m.rule) && m.period.includes('..')) ||
          (m.rule === 'period:year' && year !== undefined && Number(m.period) < year) ||
          // (or the whole of the report's year, in a report of part of it: `Cả năm 2025 tiếp nhận …` in a report of quý IV)
          (m.rule === 'period:year' && partOfYear(ctx.reportPeriod, m.period))),
    );
    const last = earlier[earlier.length - 1];
    // (a figure after another in its sentence goes on with it only when that one took the same time)
    // (nor after a sentence that moved on to another time itself: `Trong 11 tháng, … bổ sung 14.268 bản sách, ước cả năm đạt
    // 16.500 bản. Kinh phí bổ sung tài liệu là …` names no time of the paragraph — the report's holds)
    if (
      last &&
      !movedOn(ctx, earlier, last) &&
      !PRESENT_LEAD.test(ctx.lower.slice(ctx.sentenceStart, ctx.start)) &&
      !WHOLE_YEAR_LEAD.test(ctx.lower.slice(ctx.sentenceStart, ctx.start)) &&
      (!ctx.previous || ctx.previous.period.replace(/^@/u, '') === last.period.replace(/^@/u, ''))
    )
      mention = { ...last, rule: `${last.rule}+paragraph` };
  }
  if (!mention && !ctx.sectionPeriod && !ctx.reportPeriod && ctx.carried && !PRESENT_LEAD.test(ctx.lower.slice(ctx.sentenceStart, ctx.start))) {
    mention = { start: 0, end: 0, period: ctx.carried, rule: 'period:earlier-paragraph' };
  }
  const evidence: string[] = [];
  let period: string;
  if (mention) {
    period = mention.period;
    evidence.push(mention.rule);
    // `Lũy kế đến ngày 30/11/2025, các KCN có 1.874 dự án còn hiệu lực`: what a running total says exists
    // (`có`, `còn`) is a stock as of its end, not a flow from January (GUIDELINES: a stock or running total
    // as of a moment whose start the text does not give)
    // (so is any running total of a report made as of a moment — a project's progress `tính đến ngày 30/11/2026` —
    // whose totals run from the project's start, not from January: `Lũy kế đến ngày 30/11/2026, đã chi trả …`)
    if (
      (mention.rule === 'period:as-of' || mention.rule === 'period:until') &&
      period.includes('..') &&
      (ctx.reportPeriod?.startsWith('@') || EXISTS_BEFORE.test(ctx.lower.slice(mention.end, ctx.start))) &&
      // (not what came into being in it: `… có 200 doanh nghiệp thành lập mới`)
      !/^[^,;.()]{0,30}(?<!\p{L})(?:mới|thành lập|phát sinh|tăng thêm)(?!\p{L})/u.test(ctx.lower.slice(ctx.unitEnd, ctx.clauseEnd))
    ) {
      return { period: stockOf(period), flow: period, stock: true, evidence: [...evidence, 'period:running-stock'] };
    }
  } else if (monthCompared(ctx) && /^\d{4}-\d{2}\.\.\d{4}-\d{2}$/u.test(ctx.sectionPeriod ?? ctx.reportPeriod ?? '')) {
    // `So với cùng tháng năm trước, ngành khai khoáng giảm 4,2%` in a report of 10 months: compared with a
    // month, the figure is the month's — the last of the span
    period = stockOf(ctx.sectionPeriod ?? ctx.reportPeriod ?? '').slice(1);
    evidence.push('period:month-compared');
  } else if (ctx.sectionPeriod) {
    period = ctx.sectionPeriod;
    evidence.push('period:heading');
  } else if (ctx.reportPeriod) {
    period = ctx.reportPeriod;
    evidence.push('period:report');
  } else {
    return { period: '', flow: '', stock: false, evidence: ['period:unknown'] };
  }
  if (period.startsWith('@')) return { period, flow: period.slice(1), stock: true, evidence };
  // `Năm học 2024-2025, toàn huyện hiện có 52 trường` in a report of quý I/2025: what exists now, in a span
  // that runs past the report, is as of the report's end, not of the span's
  const reportEnd = ctx.reportPeriod ? stockOf(ctx.reportPeriod).slice(1) : undefined;
  // (in a section of tasks for a later time, `Nâng tỷ lệ hồ sơ nộp trực tuyến lên trên 85%`, `… 15 nhà tạm còn lại` are
  // targets of that time, not stocks at its end: its span, unless the sentence names the moment — `lên 95% vào cuối tháng 6/2026`)
  const target = forwardSection(ctx);
  if (
    !target &&
    mention &&
    mention.rule !== 'period:from-now' &&
    // (not a span the sentence bounds, `từ giữa tháng 11/2026 đến cuối tháng 4/2027`: its `đến cuối` says no stock)
    mention.rule !== 'period:between' &&
    period.includes('..') &&
    reportEnd &&
    stockOf(period).slice(1) > reportEnd &&
    MARKED_STOCK.test(ctx.lower.slice(ctx.sentenceStart, ctx.start))
  ) {
    return { period: `@${reportEnd}`, flow: period, stock: true, evidence: [...evidence, 'period:stock-now'] };
  }
  // `… nâng tỷ lệ đường xã được cứng hóa lên 88,7%`: what a flow raised a stock to is that stock at the end
  if (RAISED_TO.test(ctx.lower.slice(Math.max(ctx.sentenceStart, ctx.start - 80), ctx.start)) && !target) {
    return { period: stockOf(period), flow: period, stock: true, evidence: [...evidence, 'period:raised-to'] };
  }
  // a change against a moment (`So với cuối năm 2025, chiều dài đường dây tăng 126,4 km`, `… tăng 5% so với đầu năm`) is how
  // far a stock moved since: as of the end
  if (ctx.aspect === 'change' && period.includes('..') && againstMoment(ctx)) {
    return { period: stockOf(period), flow: period, stock: true, evidence: [...evidence, 'period:since-moment'] };
  }
  // a span the report or heading gives (`quý I/2025`) is a flow's period; a stock in it (`hiện có 52
  // trường`) is as of its end, so such a span goes on to the stock test below
  // (so is one a `;` clause before this one set: `Trong quý tiếp nhận 120 hồ sơ; toàn huyện hiện có 31 trường`)
  // (or an earlier sentence of the paragraph: `Trong 6 tháng đầu năm, … . Toàn tỉnh hiện có 1.942 tàu cá`)
  const fromEarlierClause = !!mention && (mention.end <= ctx.lower.lastIndexOf(';', ctx.start) || mention.rule.endsWith('+paragraph'));
  const inherited = (!mention || fromEarlierClause) && period.includes('..') && ctx.aspect !== 'cumulative';
  if ((period.includes('..') && !inherited) || ctx.aspect === 'cumulative') {
    const oneYear = period.split('..').every((p) => p.slice(0, 4) === period.slice(0, 4));
    const explicit = mention?.rule === 'period:since' || mention?.rule === 'period:years' || mention?.rule === 'period:between';
    if (ctx.aspect === 'cumulative' && oneYear && !explicit && !period.startsWith(`${period.slice(0, 4)}-01..`)) {
      const y = periodYear(period);
      const end = stockOf(period).slice(1);
      if (y !== undefined) period = `${y}-01..${end}`;
      evidence.push('period:cumulative');
    }
    return { period, flow: period, stock: false, evidence };
  }
  const after = ctx.lower.slice(ctx.unitEnd, ctx.unitEnd + 30);
  if (CARRIED_OVER_AFTER.test(after)) {
    const prev = previousMonth(period);
    if (prev) return { period: `@${prev}`, flow: period, stock: true, evidence: [...evidence, 'period:carried-over'] };
  }
  // (`còn lại` right before a share, or `còn lại là`, is the rest of a breakdown, `…; còn lại 34,1% số vụ do …`, `…, còn lại là
  // hàng nội địa (khoảng 566 nghìn tấn)`, not what is left standing)
  const before = ctx.lower
    .slice(ctx.sentenceStart, ctx.start)
    .replace(/(?<!\p{L})còn lại là(?![\p{L}])(?=[^;]*$)/u, ' ')
    .replace(ctx.kind === 'percent' ? /(?<!\p{L})còn lại\s*$/u : /$^/u, ' ');
  // a stock the text does not mark as of now (`Toàn tỉnh có 1.148 cơ sở`) takes the span the report or heading gives;
  // only a marked one (`hiện có`, `đến nay`, `nâng tổng số … lên`) is as of its end (GUIDELINES)
  if (inherited && !MARKED_STOCK.test(before) && !STOCK_AFTER.test(after)) return { period, flow: period, stock: false, evidence };
  const stockAt = lastCue(STOCK_CUES, before);
  const flowAt = lastCue(FLOW_CUES, before);
  let stock: boolean;
  if (STOCK_AFTER.test(after)) stock = true;
  else if (stockAt > flowAt) stock = true;
  else if (flowAt > stockAt) stock = false;
  else if (ctx.previous) stock = ctx.previous.stock;
  // a measure per time or per place (`12.000 m3/ngày đêm` of capacity) stands at a moment; a concentration or a speed
  // (`42 mg/l`, `24,6 µg/m3`, `38 m/s`) was observed over the period
  // (so is an average per case, `3,5 tháng/khóa`, `45 phút/chuyến`: over the period's cases)
  else
    stock =
      ctx.kind === 'measure' &&
      /\//.test(ctx.lower.slice(ctx.start, ctx.unitEnd)) &&
      !OBSERVED_RATE.test(ctx.lower.slice(ctx.start, ctx.unitEnd)) &&
      !PER_CASE.test(ctx.lower.slice(ctx.start, ctx.unitEnd));
  if (stock && !target && (ctx.kind !== 'percent' || ctx.previous?.stock || stockAt > flowAt)) {
    // what stands now (`Hiện có 162 người`) in a heading's span not yet over when a plan for a later time was written (Phần I
    // `năm 2026` of a plan for 2027 of 25/11/2026): as of the month it was written — a report's own span is not (`đến nay` in a
    // report on 2026 of 25/11/2026 is `@2026-12`, GUIDELINES)
    const end = stockOf(period);
    const start = period.split('..')[0].replace(/^(\d{4})$/u, '$1-01');
    const later = !!ctx.reportPeriod && stockOf(ctx.reportPeriod) > end;
    if (later && ctx.issued && end.slice(1) > ctx.issued && start <= ctx.issued && NOW_MARK.test(before))
      return { period: `@${ctx.issued}`, flow: period, stock: true, evidence: [...evidence, 'period:stock-written'] };
    return { period: end, flow: period, stock: true, evidence: [...evidence, 'period:stock'] };
  }
  return { period, flow: period, stock: false, evidence };
}
