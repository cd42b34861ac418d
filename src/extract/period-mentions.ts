import { CLOCK, FROM_NOW, fromNowSpan, quarterNumber, schoolTerm, schoolYearStart } from '../text/period-words.js';
import { pad2 } from '../text/zero-pad.js';
import { WEATHER_NAMES, WORK_SEASON_NAMES } from '../text/crop-seasons.js';

/**
 * Time mentions in Vietnamese report text, in the guideline's period format:
 * `2021` a year, `2021-08` a month, `2021-01..2021-08` a span (a quarter too), `@2021-08` a stock.
 */

export interface TimeMention {
  start: number;
  end: number;
  period: string;
  /** How it was recognised, for evidence (`period:month`, `period:stock` …). */
  rule: string;
}

const MONTH_WORDS: Record<string, number> = {
  'một': 1,
  'hai': 2,
  'ba': 3,
  'bốn': 4,
  'năm': 5,
  'sáu': 6,
  'bảy': 7,
  'tám': 8,
  'chín': 9,
  'mười': 10,
  'mười một': 11,
  'mười hai': 12,
  'giêng': 1,
  'chạp': 12,
};

function monthNumber(token: string): number | undefined {
  const n = /^\d+$/.test(token) ? Number(token) : MONTH_WORDS[token];
  return n !== undefined && n >= 1 && n <= 12 ? n : undefined;
}

function validYear(y: number): boolean {
  return y >= 1945 && y <= 2100;
}

/** End month (`YYYY-MM`) of a period, or undefined when it has none. */
export function endMonth(period: string): string | undefined {
  const p = period.replace(/^@/, '');
  const last = p.includes('..') ? p.split('..')[1] : p;
  let m = /^(\d{4})-(\d{2})$/.exec(last);
  if (m) return last;
  m = /^(\d{4})-Q([1-4])$/.exec(last);
  if (m) return `${m[1]}-${pad2(Number(m[2]) * 3)}`;
  m = /^(\d{4})$/.exec(last);
  if (m) return `${m[1]}-12`;
  return undefined;
}

/** A stock at the end of the period: `2021-08` → `@2021-08`, `2024` → `@2024-12`. */
export function stockOf(period: string): string {
  if (period.startsWith('@') || period === '') return period;
  const end = endMonth(period);
  return end ? `@${end}` : period;
}

/** The month before a period's end month (`tồn kỳ trước`). */
export function previousMonth(period: string): string | undefined {
  const end = endMonth(period);
  if (!end) return undefined;
  const [y, m] = end.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${pad2(m - 1)}`;
}

/**
 * `9 tháng` alone: a number of months, said as the months of a year to its end (`Doanh thu 9 tháng`) — not a day of a month
 * after it (a figure right after it, `Nộp ngân sách 9 tháng 27.430 triệu đồng`, has more digits or decimals), nor a term
 * (`tiền gửi kỳ hạn dưới 12 tháng`), nor a span said otherwise (`6 tháng đầu năm`, `8 tháng năm 2025`, `12 tháng qua`).
 */
export const MONTHS_COUNT =
  /(?<![\d.,/\p{L}])(?<!(?:dưới|trên|hạn|quá|hơn|từ|đến)\s+)(\d{1,2})\s+tháng(?!\s*(?:\d{1,2}(?![.,]?\d)|đầu|cuối|năm|trước|tới|qua|sau|liên|liền|kể|trở|\/))(?![\p{L}])/u;

const MONTH_TOKEN = '(\\d{1,2}|mười một|mười hai|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|giêng|chạp)';
const YEAR_TAIL = '(?:\\s*\\/\\s*(\\d{4})|\\s+năm\\s+(\\d{4}))?';

/** `lũy kế` shortly before a mention turns a stock into a span from January. */
function cumulativeBefore(lower: string, start: number): boolean {
  const before = lower.slice(Math.max(0, start - 60), start);
  const cut = Math.max(before.lastIndexOf('.'), before.lastIndexOf(';'));
  // (`từ đầu năm đến ngày 30/11/2025`: the start the text gives is January — GUIDELINES' `từ đầu năm đến nay`)
  // (not a running total from a start the text does not date: `Lũy kế từ khi thành lập trường đến tháng 8/2026` is as of then)
  const clause = before.slice(cut + 1);
  return /lũy kế|luỹ kế|từ đầu năm/u.test(clause) && !/(?<!\p{L})từ\s+(?:khi|lúc)(?!\p{L})/u.test(clause);
}

/** A document named before a date (`Quyết định số 12/QĐ-UBND ngày …`, `Kế hoạch số 25/KH-STTTT, ngày …`): the date is the document's. */
const DOCUMENT_BEFORE =
  /(?:số\s*[\d\p{L}./-]*\/[\p{L}\d./-]*\s*,?\s*$)|(?:(?:quyết định|công văn|kế hoạch|nghị quyết|nghị định|thông tư|chỉ thị|thông báo|văn bản|báo cáo|tờ trình|hướng dẫn|luật|ký|ban hành|phê duyệt)[^.;]{0,40}$)/u;

const ANNOUNCED_AFTER = /^[^.;]{0,40}(?<!\p{L})(?:công bố|ban hành|phê duyệt|ký|thông báo|gửi|trình)(?!\p{L})/u;

type Make = (
  m: RegExpExecArray,
  year: number | undefined,
  lower: string,
  reportEnd: string | undefined,
  reportPeriod: string | undefined,
  /** The month `nay` (now) is: the report's last month, or the month it was issued when that came before. */
  now: string | undefined,
) => string | undefined;

/** A quarter as the span of its months (GUIDELINES: there is no other period format). */
export function quarterSpan(y: number, q: number): string {
  return `${y}-${pad2(q * 3 - 2)}..${y}-${pad2(q * 3)}`;
}

/** `2011-2015` → `2011-01..2015-12`. */
function yearSpan(a: string, b: string): string | undefined {
  const x = Number(a);
  const y = Number(b.length === 2 ? a.slice(0, 2) + b : b);
  return validYear(x) && validYear(y) && y > x ? `${x}-01..${y}-12` : undefined;
}

function until(y: number, month: number, m: RegExpExecArray, lower: string): string {
  return cumulativeBefore(lower, m.index) ? `${y}-01..${y}-${pad2(month)}` : `@${y}-${pad2(month)}`;
}

/** A report of one school year (`2024-09..2025-05`, `2024-09..2025-08`): its first year, months and second year. */
const SCHOOL_YEAR_REPORT = /^(\d{4})-(08|09)\.\.(\d{4})-(0[5-8])$/u;

/** A report over a season across the turn of a year (`2025-11..2026-04`): its first year and month, its last. */
const SEASON_REPORT = /^(\d{4})-(\d{2})\.\.(\d{4})-(\d{2})$/u;

/** A report's own year that runs across the turn of a calendar year, 9 to 12 months (a school year, a court's working year). */
function straddlingYear(reportPeriod: string | undefined): reportPeriod is string {
  const m = /^(\d{4})-(\d{2})\.\.(\d{4})-(\d{2})$/u.exec(reportPeriod ?? '');
  if (!m || Number(m[3]) !== Number(m[1]) + 1) return false;
  const months = 12 + Number(m[4]) - Number(m[2]) + 1;
  return months >= 9 && months <= 12;
}

/** The months a school year runs over: the report's own school year's, or September to May. */
function schoolMonths(reportPeriod: string | undefined): [string, string] {
  const own = SCHOOL_YEAR_REPORT.exec(reportPeriod ?? '');
  return own && Number(own[3]) === Number(own[1]) + 1 ? [own[2], own[4]] : ['09', '05'];
}

const PATTERNS: { re: RegExp; rule: string; make: Make }[] = [
  {
    // giai đoạn 2021-2025 (đến ngày 30/9/2025): a span of years the text cuts short at a date, from its first year to that month
    re: /(?:giai đoạn|thời kỳ)\s+(\d{4})\s*[-–]\s*(\d{4})\s*\(\s*(?:tính\s+)?(?:đến|tới)\s+(?:hết\s+)?(?:ngày\s+\d{1,2}\s*[/.-]\s*|tháng\s+)(\d{1,2})\s*[/.-]\s*(\d{4})\s*\)/gu,
    rule: 'period:between',
    make: (m) => {
      const [a, b, month, y] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
      if (!validYear(a) || month < 1 || month > 12 || y < a || y > b) return undefined;
      return `${a}-01..${y}-${pad2(month)}`;
    },
  },
  {
    // từ nay đến cuối năm, từ nay đến ngày 31/01/2026, từ nay đến hết tháng 12: what is still to be done,
    // from the month after the report's to the month named
    re: FROM_NOW,
    rule: 'period:from-now',
    make: (m, _y, _l, _e, _p, now) => fromNowSpan(m, now),
  },
  {
    // chuyển sang năm 2026, chuyển tiếp / chuyển nguồn sang năm 2025 (`Số việc chuyển sang năm 2026 là 7.655 việc`): what is carried
    // into a year is what stands at the end of the year before it
    re: /(?:chuyển|mang)(?:\s+(?:tiếp|nguồn|số dư))?\s+sang\s+năm\s+(?:công tác\s+)?(\d{4})/gu,
    rule: 'period:carried-into',
    make: (m) => (validYear(Number(m[1])) ? `@${Number(m[1]) - 1}-12` : undefined),
  },
  {
    // từ đầu năm đến nay, từ đầu năm 2025 đến thời điểm báo cáo: the months of the year to the report's month
    // (so is `từ đầu năm` said alone, `Từ đầu năm, chương trình đã tổ chức …`: not when it goes on to an end of its own,
    // `từ đầu năm đến ngày 30/11`, nor the school year's `từ đầu năm học`)
    // (nor the reach of a superlative, `tháng có số thu cao nhất từ đầu năm`, `tàu lớn nhất vào cảng từ đầu năm`)
    re: /(?<!\p{L})(?<!nhất(?:\s+\p{L}+){0,3}\s+)từ\s+đầu\s+năm(?:\s+(\d{4}))?(?:\s+(?:đến|tới)\s+(?:nay|hiện nay|thời điểm báo cáo)|(?!\s*(?:đến|tới|học|\d)(?![\p{L}\d])|[\p{L}\d]))/gu,
    rule: 'period:since',
    make: (m, _y, _l, _e, _p, now) => {
      if (!now) return undefined;
      const y = m[1] ?? now.slice(0, 4);
      return y === now.slice(0, 4) ? (now.endsWith('-01') ? now : `${y}-01..${now}`) : undefined;
    },
  },
  {
    // từ ngày 01/3/2025 đến nay, từ tháng 3/2025 đến nay: a span the sentence bounds, to the report's month
    // (an aside in brackets may stand between: `Từ ngày 01/01/2026 (thời điểm bỏ thuế khoán) đến nay`)
    // (from the start of a month, `từ đầu tháng 02/2026 đến nay`, too)
    re: /từ\s+(?:(?:ngày\s+)?\d{1,2}\s*[/.-]\s*|(?:đầu\s+)?tháng\s+)(\d{1,2})\s*[/.-]\s*(\d{4})\s+(?:\([^()\d]{1,60}\)\s+)?(?:đến|tới)\s+(?:nay|hiện nay|thời điểm báo cáo)/gu,
    rule: 'period:since',
    make: (m, _y, _l, _e, _p, now) => {
      const month = Number(m[1]);
      const y = Number(m[2]);
      if (!now || month < 1 || month > 12 || !validYear(y)) return undefined;
      const from = `${y}-${pad2(month)}`;
      return from === now ? now : from < now ? `${from}..${now}` : undefined;
    },
  },
  {
    // từ quý IV/2026 đến quý III/2027, từ quý IV/2027 đến hết năm 2028, từ quý II đến quý IV năm 2026: quarters bound a span,
    // from the first's first month to the last's last (or the year's end)
    re: /từ\s+quý\s+(iv|iii|ii|i|[1-4])(?![\p{L}])(?:\s*\/\s*(\d{4})|\s+năm\s+(\d{4}))?\s+(?:đến|tới)\s+(?:hết\s+|cuối\s+)?(?:quý\s+(iv|iii|ii|i|[1-4])(?![\p{L}])|năm\s+(?=\d{4}))(?:\s*\/\s*(\d{4})|\s*(?:năm\s+)?(\d{4}))?/gu,
    rule: 'period:between',
    make: (m, year) => {
      const q1 = quarterNumber(m[1]);
      const q2 = m[4] ? quarterNumber(m[4]) : 4;
      const y2 = Number(m[5] ?? m[6] ?? year);
      const y1 = Number(m[2] ?? m[3] ?? (q1 !== undefined && q2 !== undefined && q1 <= q2 ? y2 : y2 - 1));
      if (q1 === undefined || q2 === undefined || !validYear(y1) || !validYear(y2) || y1 * 4 + q1 >= y2 * 4 + q2) return undefined;
      return `${y1}-${pad2(q1 * 3 - 2)}..${y2}-${pad2(q2 * 3)}`;
    },
  },
  {
    // từ tháng 3 đến tháng 6/2025, từ tháng 3 đến hết tháng 6 năm 2025, từ đầu tháng 10 đến ngày 30/11/2025: months
    // of one year, the year said once — or not at all, the sentence's or the report's (`Hè năm 2026 (từ tháng 6 đến
    // tháng 8)`), where no date follows
    re: /từ\s+(?:đầu\s+|giữa\s+|cuối\s+)?tháng\s+(\d{1,2})\s+(?:đến|tới)\s+(?:hết\s+|cuối\s+)?(?:ngày\s+\d{1,2}\s*[/.-]\s*|tháng\s+)(\d{1,2})(?:\s*(?:[/.-]|\s+năm\s+)\s*(\d{4})|(?![\d/.-]|\s+năm))/gu,
    rule: 'period:between',
    make: (m, year) => {
      const [a, b, y] = [Number(m[1]), Number(m[2]), Number(m[3] ?? year)];
      if (a < 1 || b > 12 || a >= b || !validYear(y)) return undefined;
      return `${y}-${pad2(a)}..${y}-${pad2(b)}`;
    },
  },
  {
    // tháng 6-7/2026, tháng 01 - 02 năm 2026: a run of months of one year written as a range, the year said once
    // (not a date, `tháng 6-7/2026` has no day; nor months apart the wrong way round)
    re: /(?<!ngày\s+\d{1,2}\s+)tháng\s+(\d{1,2})\s*[-–]\s*(\d{1,2})\s*(?:\/\s*|\s+năm\s+)(\d{4})(?![\d/])/gu,
    rule: 'period:between',
    make: (m) => {
      const [a, b, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
      if (a < 1 || b > 12 || a >= b || !validYear(y)) return undefined;
      return `${y}-${pad2(a)}..${y}-${pad2(b)}`;
    },
  },
  {
    // trong tháng 10 và tháng 11/2025: two months in a row, the year said once — the span of both
    // (the year left out too, `trong tháng 11 và tháng 12`: the report's)
    re: /(?:trong\s+)?tháng\s+(\d{1,2})\s+và\s+tháng\s+(\d{1,2})(?:\s*(?:[/.-]|\s+năm\s+)\s*(\d{4}))?(?![\d/.-])/gu,
    rule: 'period:between',
    make: (m, year) => {
      const [a, b, y] = [Number(m[1]), Number(m[2]), Number(m[3] ?? year)];
      if (a < 1 || b > 12 || b !== a + 1 || !validYear(y)) return undefined;
      return `${y}-${pad2(a)}..${y}-${pad2(b)}`;
    },
  },
  {
    // từ ngày 15/7/2025 đến ngày 14/8/2025, từ 01/01/2025 đến 30/9/2025, từ tháng 3/2025 đến tháng 6/2025: a span the sentence bounds
    // (the months' parts said too: `từ giữa tháng 11/2026 đến cuối tháng 4/2027`; and from an event its bracket dates, `từ khi vận
    // hành chính quyền địa phương 2 cấp (ngày 01/7/2025) đến ngày 15/12/2025`)
    re: /từ\s+(?:khi\s+[^().;]{1,80}?\(\s*(?:từ\s+)?(?:ngày\s+)?\d{1,2}\s*[/.-]\s*|(?:ngày\s+)?\d{1,2}\s*[/.-]\s*|(?:(?:đầu|giữa|cuối)\s+)?tháng\s+)(\d{1,2})\s*[/.-]\s*(\d{4})\s*\)?\s+(?:đến|tới)\s+(?:hết\s+)?(?:(?:ngày\s+)?\d{1,2}\s*[/.-]\s*|(?:(?:đầu|giữa|cuối)\s+)?tháng\s+)(\d{1,2})\s*[/.-]\s*(\d{4})/gu,
    rule: 'period:between',
    make: (m) => {
      const [a, ya, b, yb] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
      if (a < 1 || a > 12 || b < 1 || b > 12 || !validYear(ya) || !validYear(yb)) return undefined;
      const from = `${ya}-${pad2(a)}`;
      const to = `${yb}-${pad2(b)}`;
      return from < to ? `${from}..${to}` : from === to ? from : undefined;
    },
  },
  {
    // từ năm 2021 đến ngày 31/10/2025, từ đầu năm 2024 đến tháng 10/2025, từ năm 2021 đến nay: from the start of a
    // year to a month (to the report's, for `nay`)
    // (and to the end of a later year, `từ năm 2021 đến hết năm 2026`; not `từ năm 1975 đến năm 2025`, which may name what is
    // counted — the years a register spans — the rule of spans of years below)
    re: /từ\s+(?:đầu\s+)?năm\s+(\d{4})\s+(?:đến|tới)\s+(?:hết\s+|cuối\s+)?(?:(?:ngày\s+\d{1,2}\s*[/.-]\s*|tháng\s+)(\d{1,2})\s*[/.-]\s*(\d{4})|(nay|hiện nay|thời điểm báo cáo)|(?<=(?:hết|cuối)\s+)năm\s+(\d{4})(?![\d/]))/gu,
    rule: 'period:between',
    make: (m, _y, _l, _e, _p, now) => {
      const from = Number(m[1]);
      const to = m[5] ? `${m[5]}-12` : m[4] ? now : m[3] && `${m[3]}-${pad2(Number(m[2]))}`;
      if (!to || !validYear(from) || Number(m[2] ?? 1) < 1 || Number(m[2] ?? 1) > 12 || `${from}-01` >= to) return undefined;
      return `${from}-01..${to}`;
    },
  },
  {
    // từ ngày 06/9 đến ngày 10/9/2025, từ 19 giờ ngày 07/9 đến 07 giờ ngày 10/9/2025, từ ngày 25/12 đến ngày 05/01/2026:
    // a span whose first date leaves its year (and even its month) to the second: the same year, or the year before
    // when its month comes later
    re: new RegExp(
      `từ\\s+${CLOCK}(?:ngày\\s+\\d{1,2}(?:\\s*[/.-]\\s*(\\d{1,2}))?|\\d{1,2}\\s*[/.-]\\s*(\\d{1,2}))\\s+(?:đến|tới)\\s+(?:hết\\s+)?${CLOCK}(?:ngày\\s+)?\\d{1,2}\\s*[/.-]\\s*(\\d{1,2})\\s*[/.-]\\s*(\\d{4})`,
      'gu',
    ),
    rule: 'period:between',
    make: (m) => {
      const b = Number(m[3]);
      const yb = Number(m[4]);
      const a = Number(m[1] ?? m[2] ?? b);
      if (a < 1 || a > 12 || b < 1 || b > 12 || !validYear(yb)) return undefined;
      const from = `${a <= b ? yb : yb - 1}-${pad2(a)}`;
      const to = `${yb}-${pad2(b)}`;
      return from === to ? to : `${from}..${to}`;
    },
  },
  {
    // 21/02-05/3/2026, 13/02 – 19/02/2026: two dates joined by a dash, the year said once (a week's or a forecast's window)
    re: /(?<![\d/.])\d{1,2}\s*\/\s*(\d{1,2})\s*[-–]\s*\d{1,2}\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})(?![\d/])/gu,
    rule: 'period:between',
    make: (m) => {
      const [a, b, yb] = [Number(m[1]), Number(m[2]), Number(m[3])];
      if (a < 1 || a > 12 || b < 1 || b > 12 || !validYear(yb)) return undefined;
      const from = `${a <= b ? yb : yb - 1}-${pad2(a)}`;
      const to = `${yb}-${pad2(b)}`;
      return from === to ? to : `${from}..${to}`;
    },
  },
  {
    // tính đến ngày 30/10/2025, tính đến 12/2021: a value as of that month
    // (and `đến 30/9/2025`, a date without `ngày`)
    re: /(?:tính\s+)?(?:đến|tới)\s+(?:hết\s+|cuối\s+)?(?:ngày\s+\d{1,2}\s*[/.-]\s*|\d{1,2}\s*[/.-]\s*(?=\d{1,2}\s*[/.-]\s*\d{4}))?(\d{1,2})\s*[/.-]\s*(\d{4})/gu,
    rule: 'period:as-of',
    make: (m, _y, lower) => {
      const month = Number(m[1]);
      const y = Number(m[2]);
      if (month < 1 || month > 12 || !validYear(y)) return undefined;
      return until(y, month, m, lower);
    },
  },
  {
    // (tại) thời điểm 01/10/2025: what stood at that moment (a census's, a review's), as of its month — its sentence's only
    // (and a balance's day, `Tại ngày 31/12/2025, tổng tài sản là …`)
    re: /(?<![\p{L}])(?:(?:tại\s+)?thời\s+điểm\s+(?:ngày\s+)?|tại\s+ngày\s+)\d{1,2}\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/gu,
    rule: 'period:moment',
    make: (m) => {
      const month = Number(m[1]);
      const y = Number(m[2]);
      return month >= 1 && month <= 12 && validYear(y) ? `@${y}-${pad2(month)}` : undefined;
    },
  },
  {
    // cuối năm 2024 (not `đến cuối năm`: that is until; nor `6 tháng cuối năm 2025`, the year's last months): what stood at
    // the year's end (`giảm từ 21,94% cuối năm 2024 xuống …`)
    re: /(?<!(?:đến|tới|hết|từ|tháng)\s+)(?<![\p{L}])cuối\s+năm\s+(\d{4})(?!\s*[-–]\s*\d)/gu,
    rule: 'period:year-end',
    make: (m) => (validYear(Number(m[1])) ? `@${m[1]}-12` : undefined),
  },
  {
    // đầu năm, đầu năm 2025 (not `từ đầu năm`, `6 tháng đầu năm`, `đầu năm học`): what stood as the year began
    // (`Đầu năm, trên địa bàn có 86 hộ nghèo; đến nay giảm còn 31 hộ`)
    // (said as a time, opening a clause or after `so với`/`vào`: `mùa lễ hội đầu năm` names a season; or as the time of a
    // count, `Theo kết quả rà soát đầu năm 2026, toàn xã có 412 hộ nghèo`)
    re: /(?<=(?:^|[.;,:(\n]|so với|vào|như|rà soát|điều tra|thời điểm)\s*)đầu\s+năm(?:\s+(\d{4}))?(?!\s*(?:học|nay|đến|tới|[\p{L}\d/-]))/gu,
    rule: 'period:year-start',
    make: (m, year) => {
      const y = Number(m[1] ?? year);
      return validYear(y) ? `@${y}-01` : undefined;
    },
  },
  {
    // đầu năm học (in a report of a school year), đầu năm học 2025-2026: what stood as the school year began
    // (`Đầu năm học, toàn tỉnh thiếu 2.164 giáo viên so với định mức`), the first month of its months
    re: /(?<=(?:^|[.;,:(\n]|so với|vào|như)\s*)đầu\s+năm\s+học(?:\s+(\d{4})\s*[-–]\s*(\d{4}))?(?![\p{L}\d])/gu,
    rule: 'period:school-year-start',
    make: (m, _y, _l, _e, reportPeriod) => {
      const [m1] = schoolMonths(reportPeriod);
      const own = SCHOOL_YEAR_REPORT.exec(reportPeriod ?? '');
      const y = m[1] ? Number(m[1]) : own ? Number(own[1]) : undefined;
      if (m[1] && Number(m[2]) !== Number(m[1]) + 1) return undefined;
      return y !== undefined && validYear(y) ? `@${y}-${m1}` : undefined;
    },
  },
  {
    // đầu vụ, đầu mùa (in a report of a season, a span of months across the year's end): what stood as the season began,
    // its first month (`Đầu vụ, tổng dung tích các hồ chứa đạt 64,5 triệu m3`)
    re: /(?<=(?:^|[.;,:(\n]|so với|vào|như)\s*)đầu\s+(?:vụ|mùa(?:\s+(?:khô|mưa))?)(?![\p{L}\d])/gu,
    rule: 'period:season-start',
    make: (_m, _y, _l, _e, reportPeriod) => {
      const span = SEASON_REPORT.exec(reportPeriod ?? '');
      return span && span[1] !== span[3] ? `@${span[1]}-${span[2]}` : undefined;
    },
  },
  {
    // tính đến nay, đến thời điểm báo cáo, hiện nay: a value as of the report's month
    re: /(?:tính\s+)?(?:đến|tới)\s+(?:nay|thời điểm báo cáo|thời điểm hiện tại)|(?<![\p{L}])hiện nay(?![\p{L}])/gu,
    rule: 'period:as-of-now',
    make: (_m, _y, _l, _e, _p, now) => (now ? `@${now}` : undefined),
  },
  {
    // trong tháng, trong quý (of a flow): the report's month, the quarter it ends in; trong tuần (a bulletin's): the month;
    // trong kỳ: the report's own period (GUIDELINES)
    // (not a month's or a quarter's number after it, `trong tháng 9`, `trong quý 3` — but a figure is no such number: `bình quân
    // trong quý 6.350 đồng/kg`, `trong tháng 150 hồ sơ`)
    re: /(?<!\p{L})trong\s+(tháng|quý|tuần|kỳ)(?!\s*(?:\d{1,2}(?!\d)(?![.,]\d)|[ivx]+(?!\p{L})|này|trước|tới|sau|đầu|cuối|qua))(?!\p{L})/gu,
    rule: 'period:this-month',
    make: (m, _y, _l, reportEnd, reportPeriod) => {
      if (m[1] === 'kỳ') return reportPeriod?.replace(/^@/u, '') || undefined;
      // (a week's bulletin whose week straddles two months, `tuần 40/2026 (từ 28/9 đến 04/10/2026)`: its own span)
      if (
        m[1] === 'tuần' &&
        reportPeriod &&
        /^(\d{4})-(\d{2})\.\.\1-(\d{2})$/u.test(reportPeriod) &&
        Number(reportPeriod.slice(-2)) - Number(reportPeriod.slice(5, 7)) === 1
      )
        return reportPeriod;
      if (!reportEnd) return undefined;
      if (m[1] !== 'quý') return reportEnd;
      const [y, month] = reportEnd.split('-').map(Number);
      return quarterSpan(y, Math.ceil(month / 3));
    },
  },
  {
    // trong năm học (in a report of a school year): that school year
    re: /(?<!\p{L})(?:trong|cả)\s+năm\s+học(?!\s*(?:\d|trước|tới|sau|mới))(?!\p{L})/gu,
    rule: 'period:school-year',
    make: (_m, _y, _l, _e, reportPeriod) => {
      const own = SCHOOL_YEAR_REPORT.exec(reportPeriod ?? '');
      return own && Number(own[3]) === Number(own[1]) + 1 ? reportPeriod : undefined;
    },
  },
  {
    // cuối tháng, cuối kỳ (bare: `Giá xăng … cuối tháng ở mức 20.480 đồng/lít`): as of the end of the report's month
    // (not `đến cuối tháng`, a running total's end, nor `cuối tháng 10`, nor the end of the month to come)
    re: /(?<!(?:đến|tới)\s+)(?<!\p{L})(?:vào\s+)?cuối\s+(?:tháng|kỳ)(?!\s*(?:\d|[ivx]+(?!\p{L})|này|trước|tới|sau|năm))(?!\p{L})/gu,
    rule: 'period:month-end',
    make: (_m, _y, _l, reportEnd) => (reportEnd ? `@${reportEnd}` : undefined),
  },
  {
    // giai đoạn 2011-2015, thời kỳ 2016 - 2020, từ năm 2010 đến năm 2019, 2011-2015
    // (not a school year, a crop season, a season of the weather or a course — `năm học 2024-2025`,
    // `vụ Đông Xuân 2024-2025`, `mùa khô 2024-2025`, `niên khóa` —, which straddle two years without being a span of them)
    re: /(?<!(?:năm học|niên khóa|niên khoá|niên vụ|niên độ|khóa học|khoá học|mùa\s+\S+(?:\s+\S+)?|đông xuân|hè thu|thu đông|vụ\s+\S+(?:\s+\S+){0,2})\s+)(?:(?:giai đoạn|thời kỳ|trong|năm)\s+)?(?<![\d/.-])(\d{4})\s*[-–]\s*(\d{4}|\d{2})(?![\d/])|từ\s+năm\s+(\d{4})\s+(?:đến|tới)\s+(?:năm\s+)?(\d{4})/gu,
    rule: 'period:years',
    make: (m) => yearSpan(m[1] ?? m[3], m[2] ?? m[4]),
  },
  {
    // đến năm 2025 (a target's horizon)
    re: /(?:đến|tới)\s+năm\s+(\d{4})/gu,
    rule: 'period:horizon',
    make: (m) => (validYear(Number(m[1])) ? m[1] : undefined),
  },
  {
    // đến hết tháng 8/2021, đến cuối năm 2021, (lũy kế) đến tháng 8
    re: new RegExp(`đến\\s+(?:hết\\s+|cuối\\s+)?(?:tháng\\s+${MONTH_TOKEN}${YEAR_TAIL}|(?:hết|cuối)\\s+năm\\s+(\\d{4}))`, 'gu'),
    rule: 'period:until',
    make: (m, year, lower) => {
      const y = Number(m[2] ?? m[3] ?? m[4] ?? year);
      if (!validYear(y)) return undefined;
      const month = m[1] ? monthNumber(m[1]) : 12;
      return month ? until(y, month, m, lower) : undefined;
    },
  },
  {
    // đến hết quý III/2025, đến cuối quý II năm 2024: as of the quarter's last month
    re: /đến\s+(?:hết\s+|cuối\s+)quý\s+(iv|iii|ii|i|[1-4])(?![\p{L}])(?:\s*\/\s*(\d{4})|\s+năm\s+(\d{4}))?/gu,
    rule: 'period:until',
    make: (m, year, lower) => {
      const y = Number(m[2] ?? m[3] ?? year);
      const q = quarterNumber(m[1]);
      return validYear(y) && q ? until(y, q * 3, m, lower) : undefined;
    },
  },
  {
    // `9 tháng` alone in a report that runs to September: the months of the year to the report's end
    re: new RegExp(MONTHS_COUNT.source, 'gu'),
    rule: 'period:months-to-date',
    make: (m, _y, _l, reportEnd, _p, now) => {
      const n = Number(m[1]);
      if (!reportEnd || n < 2 || n > 12) return undefined;
      // (in a report of the year written before its end — `Trong 11 tháng, …` issued in December — the
      // months to the one before it was written)
      const month = Number(reportEnd.slice(5, 7)) === n ? reportEnd : now && Number(now.slice(5, 7)) - 1 === n ? now : undefined;
      if (!month) return undefined;
      const y = month.slice(0, 4);
      return n === 12 ? y : `${y}-01..${y}-${pad2(n)}`;
    },
  },
  {
    // a deadline (`Hoàn thành 138 căn nhà còn lại trước ngày 31/12/2026`, `giảm … xuống dưới 1.000 hồ sơ trước ngày 31/12/2026`):
    // what is to stand by then, as of its month
    re: /(?<!\p{L})trước\s+ngày\s+\d{1,2}\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?![\d/])/gu,
    rule: 'period:deadline',
    make: (m) => {
      const [month, y] = [Number(m[1]), Number(m[2])];
      return month >= 1 && month <= 12 && validYear(y) ? `@${y}-${pad2(month)}` : undefined;
    },
  },
  {
    // a dated event (`ngày 14/8/2025 xảy ra …`, `ngày 16 tháng 3 năm 2024 có …`, `bão số 7 đổ bộ (đêm 26/10/2026)`): the month it
    // happened — not the date of a document (`Quyết định số … ngày …`)
    re: /(?<!(?:từ|đến|tới|hết)\s+)(?<!\p{L})(?:ngày|đêm|sáng|trưa|chiều|tối)\s+\d{1,2}\s*(?:[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})|\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4}))(?!\s*(?:đến|tới))/gu,
    rule: 'period:date',
    make: (m, _y, lower) => {
      const before = lower.slice(Math.max(0, m.index - 60), m.index);
      // the date of a document, or of an announcement (`Ngày 15/5/2025, Bộ Nội vụ công bố Chỉ số … năm 2024`): not the figures' time
      if (DOCUMENT_BEFORE.test(before) || ANNOUNCED_AFTER.test(lower.slice(m.index + m[0].length, m.index + m[0].length + 60))) return undefined;
      const month = Number(m[1] ?? m[3]);
      const y = Number(m[2] ?? m[4]);
      if (month < 1 || month > 12 || !validYear(y)) return undefined;
      // `Tại thời điểm ngày 31/12/2020, …`: a stock as of that date
      return /thời điểm\s*$/u.test(before) ? `@${y}-${pad2(month)}` : `${y}-${pad2(month)}`;
    },
  },
  {
    // 6 tháng đầu năm, 6 tháng cuối năm 2025, 8 tháng năm 2025, 8 tháng 2025 (the first eight months: not `tháng năm` = May)
    re: new RegExp(`${MONTH_TOKEN}\\s+tháng\\s+(?:(đầu|cuối)\\s+năm(?:\\s+(\\d{4}))?|(?:năm\\s+)?(\\d{4})(?![\\d/]))`, 'gu'),
    rule: 'period:months-of-year',
    make: (m, year) => {
      const n = monthNumber(m[1]);
      const y = Number(m[3] ?? m[4] ?? year);
      // (`bình quân 1 người 1 tháng năm 2024`: per month, in 2024 — not its first month)
      if (!n || !validYear(y) || (n === 1 && !m[2])) return undefined;
      return m[2] === 'cuối' ? `${y}-${pad2(13 - n)}..${y}-12` : n === 12 ? `${y}` : `${y}-01..${y}-${pad2(n)}`;
    },
  },
  {
    // tính chung 8 tháng, lũy kế 8 tháng: the months from January of the report's year
    re: /(?:tính chung|lũy kế|luỹ kế|cộng dồn)\s+(\d{1,2})\s+tháng(?!\s+(?:đầu|cuối|năm)\b)(?![\p{L}])/gu,
    rule: 'period:months-of-year',
    make: (m, year) => {
      const n = Number(m[1]);
      if (n < 1 || n > 12 || year === undefined || !validYear(year)) return undefined;
      return n === 12 ? `${year}` : `${year}-01..${year}-${pad2(n)}`;
    },
  },
  {
    re: /quý\s+(iv|iii|ii|i|[1-4])\b(?:\s*\/\s*(\d{4})|\s+năm\s+(\d{4}))?/gu,
    rule: 'period:quarter',
    make: (m, year) => {
      const y = Number(m[2] ?? m[3] ?? year);
      const q = quarterNumber(m[1]);
      return validYear(y) && q ? quarterSpan(y, q) : undefined;
    },
  },
  {
    // not a day's month (`ngày 2 tháng 9`), nor a name (`Cách mạng tháng Tám`)
    // (nor a number of months before an amount, `giải ngân 6 tháng 8,96 tỷ đồng`: a month has no decimals)
    re: new RegExp(`(?<!ngày\\s+\\d{1,2}\\s+|cách mạng\\s+)tháng\\s+${MONTH_TOKEN}${YEAR_TAIL}(?![\\p{L}\\d]|[,.]\\d)`, 'gu'),
    rule: 'period:month',
    make: (m, year, lower) => {
      const n = monthNumber(m[1]);
      const y = Number(m[2] ?? m[3] ?? year);
      if (!n || !validYear(y)) return undefined;
      // (a number of months is not May: `bình quân 1 người 1 tháng năm 2024`)
      if (m[1] === 'năm' && /\d\s*$/u.test(lower.slice(Math.max(0, m.index - 4), m.index))) return undefined;
      return `${y}-${pad2(n)}`;
    },
  },
  {
    // cùng kỳ năm 2024, cùng thời điểm năm 2024: the report's own months, in that year (the base of a comparison — `so với cùng kỳ
    // năm 2024` — is never the figure's time: the resolver leaves it out)
    re: /(?<!\p{L})cùng\s+(?:kỳ|thời\s+điểm)\s+(?:năm\s+)?(\d{4})(?![\d/])/gu,
    rule: 'period:same-period',
    make: (m, _y, _l, _e, reportPeriod) => {
      const y = Number(m[1]);
      if (!validYear(y)) return undefined;
      const p = (reportPeriod ?? '').replace(/^@/, '');
      // (a window across the year's end, `2025-12..2026-05` for the first half of 2026: that window, moved so that it ends in
      // the year named — `cùng kỳ năm 2025` is `2024-12..2025-05`)
      const across = /^(\d{4})-(\d{2})\.\.(\d{4})-(\d{2})$/.exec(p);
      if (across && Number(across[3]) === Number(across[1]) + 1 && across[4] < across[2])
        return p.replace(/\d{4}/g, (x) => String(Number(x) + y - Number(across[3])));
      if (!/^\d{4}/.test(p) || !p.split('..').every((x) => x.slice(0, 4) === p.slice(0, 4))) return `${y}`;
      return p.replace(/\d{4}/g, String(y));
    },
  },
  {
    // cùng kỳ năm trước, cùng thời điểm năm trước, and `cùng kỳ` before the base it gives in brackets (`so với cùng kỳ (04 vụ)`):
    // the report's own stretch a year earlier (`so với cùng kỳ năm trước (5.178 lượt)` in a report of 15/12/2025–14/12/2026 is
    // of 12/2024–12/2025)
    // (and `cùng kỳ` opening a bracket of the base's values: `… giảm 02 vụ (cùng kỳ ghi nhận 06 vụ, 221 người)`)
    re: /(?<!\p{L})cùng\s+(?:kỳ|thời\s+điểm)(?:\s+năm\s+(?:trước|ngoái)(?!\p{L})|(?=\s*\())|(?<=\(\s*)cùng\s+kỳ(?!\s+năm)(?!\p{L})/gu,
    rule: 'period:same-period',
    make: (_m, _y, _l, _e, reportPeriod) => {
      const p = (reportPeriod ?? '').replace(/^@/, '');
      if (!/^\d{4}(?:-\d{2})?(?:\.\.\d{4}-\d{2})?$/.test(p)) return undefined;
      return p.replace(/\d{4}/g, (y) => String(Number(y) - 1));
    },
  },
  {
    // học kỳ I, học kỳ II (năm học 2026-2027): a term of the school year the text names, else of the report's own school
    // year or term — the first September to December, the second January to May (src/text/period-words.ts)
    re: /học kỳ\s+(ii|i|[12])(?![\p{L}\d])(?:\s+(?:của\s+)?năm học\s+(\d{4})\s*[-–]\s*(\d{4}))?/gu,
    rule: 'period:school-term',
    make: (m, _y, _l, _e, reportPeriod) => {
      const first = m[2] ? (Number(m[3]) === Number(m[2]) + 1 ? Number(m[2]) : undefined) : schoolYearStart(reportPeriod);
      if (first === undefined || !validYear(first)) return undefined;
      return schoolTerm(m[1], first);
    },
  },
  {
    // năm học 2023-2024: a school year, September to May (as a report's title gives it, src/text/period-words.ts),
    // or over the months of the report's own school year where the report bounds it (`từ ngày 01/9/2024 đến ngày 31/8/2025`)
    re: /(?:năm học|niên khóa|niên khoá)\s+(\d{4})\s*[-–]\s*(\d{4})/gu,
    rule: 'period:school-year',
    make: (m, _y, _l, _e, reportPeriod) => {
      const a = Number(m[1]);
      if (!validYear(a) || Number(m[2]) !== a + 1) return undefined;
      const [m1, m2] = schoolMonths(reportPeriod);
      return `${a}-${m1}..${a + 1}-${m2}`;
    },
  },
  {
    // mùa khô 2024-2025, mùa khô trước, mùa khô năm tới: a season of the weather, over the months of the report's
    // own season where the report is one (a span across the turn of a year: `mùa khô 2025-2026` bounded
    // `từ ngày 01/11/2025 đến ngày 30/4/2026`, src/text/crop-seasons.ts); else only a name
    // (a season of work too, a sugar mill's `niên vụ 2025-2026` bounded `từ ngày 18/11/2025 … kết thúc ngày 09/4/2026`; and the crop
    // season across the turn of a year, `vụ Đông Xuân 2026-2027` in a report of vụ Đông Xuân 2025-2026)
    re: new RegExp(
      `(?<![\\p{L}])(?:mùa\\s+(?:${WEATHER_NAMES})|${WORK_SEASON_NAMES}|vụ\\s+(?:lúa\\s+)?đông\\s+xuân)\\s+(?:(\\d{4})\\s*[-–]\\s*(\\d{4})(?![\\d/])|(?:năm\\s+)?(trước|tới|sau)(?!\\p{L}))`,
      'gu',
    ),
    rule: 'period:season',
    make: (m, _y, _l, _e, reportPeriod) => {
      const own = SEASON_REPORT.exec(reportPeriod ?? '');
      if (!own || Number(own[3]) !== Number(own[1]) + 1) return undefined;
      const from = m[1] ? Number(m[1]) : Number(own[1]) + (m[3] === 'trước' ? -1 : 1);
      if (m[1] && Number(m[2]) !== from + 1) return undefined;
      return `${from}-${own[2]}..${from + 1}-${own[4]}`;
    },
  },
  {
    // năm học trước, năm học tới: the school year before or after the report's own
    re: /năm học\s+(trước|tới|sau|mới)(?!\p{L})/gu,
    rule: 'period:school-year',
    make: (m, _y, _l, _e, reportPeriod) => {
      const own = SCHOOL_YEAR_REPORT.exec(reportPeriod ?? '');
      if (!own || Number(own[3]) !== Number(own[1]) + 1) return undefined;
      const from = Number(own[1]) + (m[1] === 'trước' ? -1 : 1);
      return `${from}-${own[2]}..${from + 1}-${own[4]}`;
    },
  },
  {
    // cả năm (with no year written): the whole of the report's year
    // (not `cả năm 2025`, a year, comma or not: the rule below; a figure may follow, `…; cả năm 13.926 người`)
    re: /(?<!\p{L})cả\s+năm(?!\s*(?:19|20)\d{2}(?!\d|[.,]\d))(?!\p{L})/gu,
    rule: 'period:whole-year',
    // (in a report of a school or working year, across the turn of a calendar year, the whole of that year: `Kết quả học tập
    // cả năm: …` in a report of năm học 2025-2026)
    make: (_m, year, _l, _e, reportPeriod) => (straddlingYear(reportPeriod) ? reportPeriod : year !== undefined && validYear(year) ? `${year}` : undefined),
  },
  {
    re: /(?<!(?:đến|giai đoạn|nhiệm kỳ|tháng\s+\d{1,2})\s+)năm\s+(?:công tác\s+)?(\d{4})(?!\s*[-–]\s*\d{4})/gu,
    rule: 'period:year',
    make: (m) => (validYear(Number(m[1])) ? m[1] : undefined),
  },
];

/** All time mentions in a lower-cased text, left to right, without overlaps (earlier patterns win). */
export function findTimeMentions(lower: string, defaultYear?: number, reportPeriod?: string, issued?: string): TimeMention[] {
  const reportEnd = reportPeriod ? endMonth(reportPeriod) : undefined;
  // a report of a span that runs past its own date (`giai đoạn 2021-2025`, issued 10/2025): `nay` is when it was written;
  // not a report of one year written in its last quarter, whose `đến nay` is the year's end as GUIDELINES says (the
  // report stands for the year)
  const oneYear = !!reportPeriod && /^\d{4}$/.test(reportPeriod) && !!issued && issued.startsWith(`${reportPeriod}-`) && issued.slice(5, 7) >= '10';
  const now = reportEnd && issued && /^\d{4}-\d{2}$/.test(issued) && issued < reportEnd && !oneYear ? issued : reportEnd;
  const found: TimeMention[] = [];
  for (const { re, rule, make } of PATTERNS) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(lower))) {
      const start = m.index;
      const end = m.index + m[0].length;
      if (found.some((f) => start < f.end && f.start < end)) continue;
      const period = make(m, defaultYear, lower, reportEnd, reportPeriod, now);
      if (period) found.push({ start, end, period, rule });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
