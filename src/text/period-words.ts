/**
 * The period a title or heading names, in the guideline format (`2024` a year, `2021-08` a
 * month, `2021-Q1` a quarter, `2021-01..2021-06` a span). Used for the report period (from the
 * subject line) and for section periods (from heading titles). Dates (`ngày 26 tháng 01 năm
 * 2021`) and horizons (`đến năm 2030`) are not periods.
 */

import { romanValue } from './roman-numerals.js';
import { MULTIPLE_BEFORE } from './comparatives.js';
import { seasonMentions } from './crop-seasons.js';
import { pad2 } from './zero-pad.js';

/** The number of a quarter as written after `quý`: `I`–`IV` in either case, or `1`–`4`. */
export function quarterNumber(label: string): number | undefined {
  const n = /^\d$/.test(label) ? Number(label) : romanValue(label.toUpperCase());
  return n !== undefined && n >= 1 && n <= 4 ? n : undefined;
}

const COUNT_WORDS: Record<string, number> = { sáu: 6, chín: 9, ba: 3, bốn: 4, năm: 5, bảy: 7, tám: 8, mười: 10, hai: 2 };

function validYear(y: number): boolean {
  return y >= 1945 && y <= 2100;
}

function count(token: string): number | undefined {
  const n = /^\d+$/.test(token) ? Number(token) : COUNT_WORDS[token];
  return n !== undefined && n >= 1 && n <= 12 ? n : undefined;
}

interface Candidate {
  index: number;
  length: number;
  period: string;
}

type Rule = { re: RegExp; make: (m: RegExpExecArray, fallbackYear?: number) => string | undefined };

const YEAR = '(?:\\s*(?:\\/|-)\\s*(\\d{4})|\\s+năm\\s+(\\d{4}))';

function matchedYear(m: RegExpExecArray, a: number, b: number, fallbackYear?: number): number | undefined {
  const y = m[a] ? Number(m[a]) : m[b] ? Number(m[b]) : fallbackYear;
  return y !== undefined && validYear(y) ? y : undefined;
}

const RULES: Rule[] = [
  {
    // 6 tháng đầu năm 2021, 9 tháng năm 2021, 10 tháng đầu năm; `11 tháng` closing its member of a title (`Kết quả thực
    // hiện nhiệm vụ 11 tháng, nhiệm vụ trọng tâm tháng 12 năm 2026`), in the year the title names
    re: /(\d{1,2}|sáu|chín|ba|bốn|năm|bảy|tám|mười|hai)\s+tháng(?:\s+(đầu\s+năm|năm|cuối\s+năm)|(?=\s*(?:[,;]|$|và\s)))(?:\s+(\d{4}))?/gu,
    make: (m, fy) => {
      const n = count(m[1]);
      const y = m[3] ? Number(m[3]) : fy;
      // (`1 người 1 tháng năm 2024`: per month, in 2024)
      if (!n || y === undefined || !validYear(y) || (n === 1 && m[2] === 'năm')) return undefined;
      if (/cuối/u.test(m[2] ?? '')) return `${y}-${pad2(13 - n)}..${y}-12`;
      return n === 12 ? `${y}` : `${y}-01..${y}-${pad2(n)}`;
    },
  },
  {
    re: new RegExp(`quý\\s+(iv|iii|ii|i|[1-4])\\b${YEAR}?`, 'gu'),
    make: (m, fy) => {
      const q = quarterNumber(m[1]);
      const y = matchedYear(m, 2, 3, fy);
      return q && y ? `${y}-${pad2(q * 3 - 2)}..${y}-${pad2(q * 3)}` : undefined;
    },
  },
  {
    // `tháng 12 và năm 2025`, `tháng 11 và 11 tháng năm 2026`, `quý III và 9 tháng đầu năm 2025` (a report of a month's
    // or a quarter's figures with those of the year so far, which it marks: `lũy kế`, `9 tháng`): the month or quarter,
    // in the year written after it
    re: /(tháng|quý)\s+(\d{1,2}|iv|iii|ii|i)\s+và\s+(?:cả\s+năm|năm|\d{1,2}\s+tháng(?:\s+đầu\s+năm|\s+năm)?)\s+(?:năm\s+)?(\d{4})(?![\d–-])/gu,
    make: (m) => {
      const y = Number(m[3]);
      const n = m[1] === 'quý' ? quarterNumber(m[2]) : /^\d+$/u.test(m[2]) ? Number(m[2]) : undefined;
      if (!n || !validYear(y)) return undefined;
      // (`quý IV và năm 2025`: a year-end report, of the year)
      if (m[1] === 'quý') return /tháng/u.test(m[0]) ? `${y}-${pad2(n * 3 - 2)}..${y}-${pad2(n * 3)}` : `${y}`;
      return n <= 12 ? `${y}-${pad2(n)}` : undefined;
    },
  },
  {
    re: new RegExp(`tháng\\s+(\\d{1,2})${YEAR}?`, 'gu'),
    make: (m, fy) => {
      const month = Number(m[1]);
      const y = matchedYear(m, 2, 3, fy);
      return month >= 1 && month <= 12 && y ? `${y}-${pad2(month)}` : undefined;
    },
  },
  {
    // học kỳ I năm học 2026-2027: a term of a school year (schoolTerm)
    re: /học kỳ\s+(ii|i|[12])\s+(?:của\s+)?(?:năm học|niên khóa|niên khoá)\s+(\d{4})\s*[-–]\s*(\d{4})/gu,
    make: (m) => {
      const a = Number(m[2]);
      return validYear(a) && Number(m[3]) === a + 1 ? schoolTerm(m[1], a) : undefined;
    },
  },
  {
    // đầu năm học 2026-2027, cuối năm học 2026-2027: the start or the end of a school year, a moment (what stands then)
    re: /(đầu|cuối)\s+(?:năm học|niên khóa|niên khoá)\s+(\d{4})\s*[-–]\s*(\d{4})/gu,
    make: (m) => {
      const a = Number(m[2]);
      if (!validYear(a) || Number(m[3]) !== a + 1) return undefined;
      return m[1] === 'đầu' ? `@${a}-09` : `@${a + 1}-05`;
    },
  },
  {
    // năm học 2024-2025: a school year, September to May
    re: /(?:năm học|niên khóa|niên khoá)\s+(\d{4})\s*[-–]\s*(\d{4})/gu,
    make: (m) => {
      const a = Number(m[1]);
      return validYear(a) && Number(m[2]) === a + 1 ? `${a}-09..${a + 1}-05` : undefined;
    },
  },
  {
    // (a working year: `năm công tác 2026`, the report's own kind of year)
    re: /năm\s+(?:công tác\s+)?(\d{4})(?!\s*[-–]\s*\d{4})/gu,
    make: (m) => (validYear(Number(m[1])) ? m[1] : undefined),
  },
];

/**
 * Whether the match at `index` is not a period: inside a date (`ngày 26 tháng 01 năm 2021`)
 * or a horizon (`tầm nhìn đến năm 2030`, `đến năm 2025`).
 */
function notAPeriod(lower: string, index: number): boolean {
  const before = lower.slice(Math.max(0, index - 14), index);
  // a day's date, a horizon, or the base of a comparison (`giảm 10% so với tháng 11`)
  return (
    /ngày\s*(\d{1,2}|\.+|…)?\s*$/u.test(before) ||
    /(?:đến|tới)\s*$/u.test(before) ||
    /so với\s+(?:cùng kỳ\s+)?$/u.test(lower.slice(Math.max(0, index - 24), index)) ||
    MULTIPLE_BEFORE.test(lower.slice(Math.max(0, index - 30), index))
  );
}

/** The first year of the school year a report is of: its school year, or one of its terms (`2026-09..2026-12`, `2027-01..2027-05`). */
export function schoolYearStart(reportPeriod: string | undefined): number | undefined {
  const own = /^(\d{4})-(?:08|09)\.\.(\d{4})-(?:0[5-8])$/u.exec(reportPeriod ?? '');
  if (own && Number(own[2]) === Number(own[1]) + 1) return Number(own[1]);
  const term = /^(\d{4})-(0[89]|0[1-2])\.\.(\d{4})-(1[12]|0[1]|0[5-6])$/u.exec(reportPeriod ?? '');
  if (!term || term[1] !== term[3]) return undefined;
  return Number(term[2]) >= 8 ? Number(term[1]) : Number(term[1]) - 1;
}

/**
 * A term of the school year that starts in `firstYear`: the first (`học kỳ I`) September to December, the second
 * (`học kỳ II`) January to May. The first term may run into January; a text that bounds it by dates says so (metadata-reader).
 */
export function schoolTerm(term: string, firstYear: number): string {
  return term === 'i' || term === '1' ? `${firstYear}-09..${firstYear}-12` : `${firstYear + 1}-01..${firstYear + 1}-05`;
}

/**
 * The first period named in a text, or undefined. `fallbackYear` completes a month or quarter
 * written without its year (`tháng 8`).
 */
/** The time of a comparison's base (`so với ước thực hiện năm 2025`, `so với năm học 2024-2025`), lower-cased. */
const COMPARISON_BASE = /so với\s+(?:[^\s,;()\d]+\s+){0,4}(?:năm|tháng|quý)\s+[^,;()]{0,12}?\d{4}(?:\s*[-–]\s*\d{4})?/gu;

/** A text with the times of its comparisons' bases blanked out (same length): they are not the text's own time. */
export function withoutComparisonBase(text: string): string {
  return text.replace(new RegExp(COMPARISON_BASE.source, 'giu'), (d) => ' '.repeat(d.length));
}

export function firstPeriod(
  text: string,
  fallbackYear?: number,
  seasons?: Readonly<Record<string, string>>,
  /** A report's title: a moment it says its figures run to is its period. */
  title = false,
): string | undefined {
  const spans = dateSpans(text.toLocaleLowerCase('vi'));
  // the window of the figures, bounded by dates and said as such — in brackets under a title, or
  // `số liệu tính từ ngày …` — is exact where the title's year is round (`… năm 2025 (Số liệu tính
  // từ ngày 15/12/2024 đến ngày 14/12/2025)`)
  const window = spans.find((s) => DATA_WINDOW.test(text.slice(Math.max(0, s.index - 30), s.index).toLocaleLowerCase('vi')));
  if (window) return window.period;
  // a moment the text says its figures run to (`Tình hình giải ngân … năm 2025 đến ngày 31/10/2025`, `tính đến
  // ngày 30/6/2025`) — not the end of a span it bounds — is exact where its year is round: as of that month
  const asOf = title ? AS_OF_DATE.exec(text.toLocaleLowerCase('vi')) : null;
  if (asOf && !spans.some((s) => asOf.index >= s.index && asOf.index < s.index + s.length)) {
    const [month, year] = [Number(asOf[1]), Number(asOf[2])];
    if (month >= 1 && month <= 12 && validYear(year)) return `@${year}-${pad2(month)}`;
  }
  const dated = [...spans, ...seasonMentions(text.toLocaleLowerCase('vi'), seasons)];
  // dates are blanked out first (same length, so offsets stay)
  const lower = text
    .toLocaleLowerCase('vi')
    .replace(/ngày\s*\d{0,2}[\s.…_]*tháng\s*\d{0,2}[\s.…_]*năm\s*\d{4}|ngày\s*\d{1,2}\s*[/-]\s*\d{1,2}\s*[/-]\s*\d{4}/gu, (d) => ' '.repeat(d.length))
    // and the base of a comparison (`… tăng 10% so với ước thực hiện năm 2025`): the earlier time, not the heading's
    .replace(COMPARISON_BASE, (d) => ' '.repeat(d.length));
  // results, then the plan for the next period (`Kết quả 6 tháng đầu năm và phương hướng, nhiệm vụ 6
  // tháng cuối năm 2025`): the period is the results', and the one year written last serves both
  // (so is a second member that names the tasks or the plan: `Kết quả thực hiện nhiệm vụ 11 tháng, nhiệm vụ trọng tâm
  // tháng 12 năm 2026`, `… quý III và kế hoạch quý IV năm 2026`)
  const plan = lower.search(PLAN_PART);
  if (plan > 0) {
    // (the year written last lends itself only to results that write none: `tháng 10, 10 tháng năm 2026 và nhiệm vụ …`
    // is read as it is written)
    const part = lower.slice(0, plan);
    const results = periodIn(
      part,
      fallbackYear ?? (/(?<!\d)\d{4}(?!\d)/u.test(part) ? undefined : sharedYear(lower)),
      dated.filter((d) => d.index < plan),
    );
    if (results) return results;
  }
  return periodIn(lower, fallbackYear, dated);
}

/** Where a title's plan for the next period begins, after its results. */
const PLAN_PART = /(?<![\p{L}])phương hướng(?![\p{L}])|(?:,|;|\svà)\s+(?:các\s+)?(?:nhiệm vụ|kế hoạch|giải pháp)(?![\p{L}])/u;

/** `từ nay đến cuối năm`, `từ nay đến ngày 31/01/2026`, `từ nay đến hết tháng 12`: what is still to be done. */
export const FROM_NOW =
  /từ\s+nay\s+(?:đến|tới)\s+(?:hết\s+|cuối\s+)?(?:năm(?:\s+(\d{4}))?|(?:ngày\s+\d{1,2}\s*[/.-]\s*)(\d{1,2})\s*[/.-]\s*(\d{4})|tháng\s+(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?)/gu;

/** The span a `từ nay đến …` match names: from the month after `now` (`YYYY-MM`) to the month named. */
export function fromNowSpan(m: RegExpExecArray, now: string | undefined): string | undefined {
  if (!now || !/^\d{4}-\d{2}$/u.test(now)) return undefined;
  const year = Number(m[1] ?? m[3] ?? m[5] ?? now.slice(0, 4));
  const month = (m[2] ?? m[4]) ? Number(m[2] ?? m[4]) : 12;
  if (!validYear(year) || month < 1 || month > 12) return undefined;
  const [ny, nm] = now.split('-').map(Number);
  const from = nm === 12 ? `${ny + 1}-01` : `${ny}-${pad2(nm + 1)}`;
  const to = `${year}-${pad2(month)}`;
  return from < to ? `${from}..${to}` : from === to ? to : undefined;
}

/** The span a text's `từ nay đến …` names (a heading `NHIỆM VỤ TỪ NAY ĐẾN NGÀY 31/01/2026`), if it names one. */
export function fromNowPeriod(text: string, now: string | undefined): string | undefined {
  const m = new RegExp(FROM_NOW.source, 'u').exec(text.toLocaleLowerCase('vi'));
  return m ? fromNowSpan(m, now) : undefined;
}

/** A heading that is only a running total from the year's start: `Lũy kế từ đầu năm`, `Cộng dồn`, `Từ đầu năm đến nay`. */
const YEAR_TO_DATE_HEADING = /^\s*(?:(?:(?:lũy|luỹ)\s+kế|cộng\s+dồn)(?:\s+từ\s+đầu\s+năm)?|từ\s+đầu\s+năm)(?:\s+(?:đến|tới)\s+nay)?\s*[:.]?\s*$/u;

/** The span from January to `now` a heading such as `Lũy kế từ đầu năm` names (GUIDELINES: `lũy kế` of a flow), if it is one. */
export function yearToDateHeading(text: string, now: string | undefined): string | undefined {
  if (!now || !/^\d{4}-\d{2}$/u.test(now) || !YEAR_TO_DATE_HEADING.test(text.toLocaleLowerCase('vi'))) return undefined;
  return now.endsWith('-01') ? now : `${now.slice(0, 4)}-01..${now}`;
}

/** `(tính) đến (hết) ngày 31/10/2025`, `(tại) thời điểm 01/10/2026`: the moment a text's figures run to or stand at. */
const AS_OF_DATE =
  /(?<![\p{L}])(?:(?:tính\s+)?(?:đến|tới)\s+(?:hết\s+)?ngày|(?:tại\s+)?thời\s+điểm(?:\s+ngày)?)\s+\d{1,2}\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/u;

/** A moment a heading says its figures stand at, in brackets: `Cơ cấu theo kỳ hạn (tại ngày 30/11/2026)`, `(đến ngày 30/9/2026)`. */
const BRACKETED_MOMENT = /\(\s*(?:tại|(?:tính\s+)?(?:đến|tới)(?:\s+hết)?)\s+ngày\s+\d{1,2}\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*\)/u;

/** The month a heading's bracketed moment names, as a stock's period (`@2026-11`), if it names one. */
export function bracketedMoment(text: string): string | undefined {
  const m = BRACKETED_MOMENT.exec(text.toLocaleLowerCase('vi'));
  if (!m) return undefined;
  const [month, year] = [Number(m[1]), Number(m[2])];
  return month >= 1 && month <= 12 && validYear(year) ? `@${year}-${pad2(month)}` : undefined;
}

/** What opens a span of dates that is the window of a report's figures: a bracket, `số liệu (tính)`, `kỳ báo cáo`. */
const DATA_WINDOW =
  /(?:\(|số liệu(?:\s+(?:trong|của))?(?:\s+báo cáo)?(?:\s+(?:được\s+)?tính)?|kỳ báo cáo|thời gian báo cáo)\s*(?:[^()\d,]{0,12}\d{0,2}[^()\d,]{0,12},\s*)?(?:từ\s+)?$/u;

/**
 * Two dates bounding a span (`từ ngày 01/7/2025 đến ngày 20/12/2025`, `(15/12/2024 - 14/3/2025)`): the months they fall in.
 * The first may leave its year to the second (`từ ngày 06/9 đến ngày 10/9/2025`: the same year, or the year before when
 * its month comes later), and either may follow a time of day (`từ 19 giờ ngày 07/9 đến 07 giờ ngày 10/9/2025`).
 */
export const CLOCK = String.raw`(?:\d{1,2}\s*(?:giờ|h)(?:\s*\d{1,2}(?:\s*phút)?)?\s+)?`;
const FIRST_DATE = String.raw`${CLOCK}(?:ngày\s+)?(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?|${CLOCK}(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?`;
const DATE = String.raw`${CLOCK}(?:ngày\s+)?(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})|${CLOCK}(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})`;
// (from an event its bracket dates: `từ khi vận hành chính quyền địa phương 2 cấp (ngày 01/7/2025) đến ngày 15/12/2025`)
const DATE_SPAN = new RegExp(String.raw`(?:từ\s+(?:khi\s+[^().;]{1,80}?\(\s*)?)?(?:${FIRST_DATE})\s*\)?\s*(?:đến|tới|[-–])\s*(?:hết\s+)?(?:${DATE})`, 'gu');

const MONTH_SPAN = /(?:từ\s+)?tháng\s+(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?\s*(?:đến|tới|[-–])\s*(?:hết\s+)?tháng\s+(\d{1,2})\s*(?:[/.-]|\s+năm\s+)\s*(\d{4})/gu;

function dateSpans(lower: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of lower.matchAll(DATE_SPAN)) {
    const [m1, m2, y2] = [m[2] ?? m[5], m[8] ?? m[11], m[9] ?? m[12]].map(Number);
    const said = m[3] ?? m[6];
    const y1 = said ? Number(said) : m1 <= m2 ? y2 : y2 - 1;
    const ok = [m1, m2].every((x) => x >= 1 && x <= 12) && validYear(y1) && validYear(y2);
    if (!ok || y1 * 12 + m1 > y2 * 12 + m2) continue;
    const period = y1 === y2 && m1 === m2 ? `${y1}-${pad2(m1)}` : `${y1}-${pad2(m1)}..${y2}-${pad2(m2)}`;
    out.push({ index: m.index ?? 0, length: m[0].length, period });
  }
  // (months: `từ tháng 01 đến tháng 5/2025`, `tháng 11/2024 - tháng 4/2025`)
  for (const m of lower.matchAll(MONTH_SPAN)) {
    const [m1, m2, y2] = [m[1], m[3], m[4]].map(Number);
    const y1 = m[2] ? Number(m[2]) : m1 <= m2 ? y2 : y2 - 1;
    const ok = [m1, m2].every((x) => x >= 1 && x <= 12) && validYear(y1) && validYear(y2) && y1 * 12 + m1 < y2 * 12 + m2;
    if (ok) out.push({ index: m.index ?? 0, length: m[0].length, period: `${y1}-${pad2(m1)}..${y2}-${pad2(m2)}` });
  }
  return out;
}

function periodIn(lower: string, fallbackYear?: number, extra: readonly Candidate[] = []): string | undefined {
  const found: Candidate[] = [...extra];
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(lower); m; m = rule.re.exec(lower)) {
      if (notAPeriod(lower, m.index)) continue;
      const period = rule.make(m, fallbackYear);
      if (period) found.push({ index: m.index, length: m[0].length, period });
    }
  }
  // earliest first; where two overlap at one place, the longer (more specific) wins
  found.sort((a, b) => a.index - b.index || b.length - a.length);
  const first = found[0];
  if (!first) return undefined;
  const covering = found.find((c) => c.index < first.index + first.length && c.length > first.length && c.index <= first.index);
  return (covering ?? first).period;
}

/**
 * By how many months a window (`2025-12..2026-05`) is shifted from a calendar span of as many months (`2026-01..2026-06`):
 * one or two either way (0 when they are the same span), else undefined.
 */
export function windowShift(calendar: string | undefined, window: string | undefined): number | undefined {
  const span = /^(\d{4})-(\d{2})\.\.(\d{4})-(\d{2})$/u;
  const a = span.exec(calendar ?? '');
  const b = span.exec(window ?? '');
  if (!a || !b) return undefined;
  const month = (y: string, m: string) => Number(y) * 12 + Number(m);
  const shift = month(b[3], b[4]) - month(a[3], a[4]);
  const sameLength = month(a[3], a[4]) - month(a[1], a[2]) === month(b[3], b[4]) - month(b[1], b[2]);
  return sameLength && Math.abs(shift) <= 2 ? shift : undefined;
}

/** `YYYY-MM` moved by `by` months. */
export function addMonths(ym: string, by: number): string {
  const n = Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1 + by;
  return `${Math.floor(n / 12)}-${pad2((n % 12) + 1)}`;
}

/** The one year a text names, when it names exactly one. */
function sharedYear(lower: string): number | undefined {
  const years = [...new Set(lower.match(/(?<!\d)\d{4}(?!\d)/gu) ?? [])].map(Number).filter(validYear);
  return years.length === 1 ? years[0] : undefined;
}

/** The year of a period (its last four-digit year). */
export function periodYear(period: string | undefined): number | undefined {
  const all = period?.match(/\d{4}/g);
  return all ? Number(all[all.length - 1]) : undefined;
}

/**
 * The year of a horizon a title names (`Kế hoạch … đến năm 2025`, `Mục tiêu đến năm 2026`): in a
 * plan it is the year the targets are for. Not a period of a report (`firstPeriod` leaves it out).
 */
export function horizonYear(text: string): string | undefined {
  return /(?:đến|tới)\s+năm\s+(\d{4})/iu.exec(text)?.[1];
}

/**
 * The span of years a plan's title names (`Kế hoạch … giai đoạn 2026-2030`): the time its targets
 * run over. Not a period of a report or a heading (a programme named with its span).
 */
export function planSpan(text: string): string | undefined {
  const m = /(?:giai\s+đoạn|thời\s+kỳ)\s+(\d{4})\s*[-–]\s*(\d{4})/iu.exec(text);
  if (!m) return undefined;
  const a = Number(m[1]);
  const b = Number(m[2]);
  return validYear(a) && validYear(b) && b > a ? `${a}-01..${b}-12` : undefined;
}
