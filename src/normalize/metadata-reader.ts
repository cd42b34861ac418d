import type { BlockRole, Metadata, ReportType } from '../../schemas/document.js';
import { DOC_TYPE_WORD, MOTTO, PLACE_DATE, SUBJECT_LINE, isUpperCase } from './front-matter.js';
import { seasonCalendar, seasonYearOf } from '../text/crop-seasons.js';
import { addMonths, firstPeriod, horizonYear, planSpan, windowShift } from '../text/period-words.js';
import { isNationalAgency } from '../text/national-agency.js';
import { pad2 } from '../text/zero-pad.js';

/**
 * Report metadata from the administrative header, the title and (as a last resort) the body:
 * province, agency, document number, issue date, report type and report period. Values are as
 * written (province in title case: `NINH THUẬN` → `Ninh Thuận`); the resolve stage maps them
 * to canonical names.
 */

const TYPE_WORDS: Record<string, ReportType> = {
  'BÁO CÁO': 'báo cáo',
  'KẾ HOẠCH': 'kế hoạch',
  'TỜ TRÌNH': 'tờ trình',
  'QUYẾT ĐỊNH': 'quyết định',
  'CHỈ THỊ': 'chỉ thị',
  'THÔNG BÁO': 'thông báo',
  'NGHỊ QUYẾT': 'nghị quyết',
  'HƯỚNG DẪN': 'hướng dẫn',
  'CÔNG VĂN': 'công văn',
};
const NUMBER_CODES: Record<string, ReportType> = {
  BC: 'báo cáo',
  KH: 'kế hoạch',
  TTR: 'tờ trình',
  QĐ: 'quyết định',
  CT: 'chỉ thị',
  TB: 'thông báo',
  NQ: 'nghị quyết',
  HD: 'hướng dẫn',
};

/** `NAM ĐỊNH` → `Nam Định`; `Bà Rịa - Vũng Tàu` stays. */
function titleCase(name: string): string {
  return name
    .toLocaleLowerCase('vi')
    .split(/(\s+|-)/u)
    .map((w) => (w.length > 0 ? w[0].toLocaleUpperCase('vi') + w.slice(1) : w))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

const UNIT_WORD = '(?:TỈNH|THÀNH PHỐ|TP\\.?)';
const PROVINCE_IN_AGENCY = new RegExp(
  `(?:UBND|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|HĐND|HỘI ĐỒNG NHÂN DÂN|TỈNH ỦY|TỈNH UỶ)\\s+${UNIT_WORD}\\s+([\\p{Lu}][\\p{Lu} -]*?)(?=\\s+(?:SỞ|BAN|BỘ|TRUNG TÂM|VĂN PHÒNG|PHÒNG|CHI CỤC|CỘNG|Số)\\b|\\s*$)`,
  'u',
);
const PROVINCE_AFTER_AGENCY_WORD = new RegExp(`^(?:SỞ|BAN|TRUNG TÂM|VĂN PHÒNG).*?\\b${UNIT_WORD}\\s+([\\p{Lu}][\\p{Lu} -]+)$`, 'u');
/** `tỉnh Nam Định`, `thành phố Hà Nội`: capitalised words after the unit word. */
const PROVINCE_IN_TEXT = /(?:tỉnh|thành phố)\s+((?:\p{Lu}[\p{Ll}\p{M}]*)(?:\s+(?:-\s+)?\p{Lu}[\p{Ll}\p{M}]*){0,3})/gu;
const DOC_CODE_ALONE = /^\/?[\p{Lu}\d]+(?:[-/][\p{Lu}\d]+)+$/u;
/** The same code joined onto the end of the agency's line. */
const DOC_CODE_AT_END = /\s+\/?[\p{Lu}\d]+(?:[-/][\p{Lu}\d]+)+$/u;
const DOC_NUMBER = /Số\s*:?\s*([\d.…_ ]*(?:-\s*[\p{Lu}Đ]+\s*)?\/\s*[\p{L}\d&/-]*[\p{L}\d])/u;
/** A document number as OCR leaves it: `Sô1849BGDĐT-GDPT`, `Số 62 /VP-KSTTHC`. */
/** The code after the number is a whole word of two letters or more (`2J§ /STTTT` is no `2/J`). */
const OCR_DOC_NUMBER = /^S[ốôoó]\s*:?\s*(\d{1,5})\s*\/?\s*([\p{Lu}Đ][\p{Lu}Đ&]+(?:-[\p{Lu}Đ&]+)*)(?![^\s,.;])/u;
// (a draft or a scheme dated by its month alone: `Lào Cai, tháng 8 năm 2026`)
const ISSUE_DATE = /^([\p{L} .-]{2,40}),\s*(?:ngày[\s.…_]*(\d{1,2})?[\s.…_]*)?tháng\s*(\d{1,2})?[\s.…_]*năm\s*(\d{4})/u;

export interface MetadataInput {
  text: string;
  role: BlockRole;
}

function provinceFromText(text: string): string | undefined {
  PROVINCE_IN_TEXT.lastIndex = 0;
  const m = PROVINCE_IN_TEXT.exec(text);
  return m ? m[1] : undefined;
}

/**
 * A title that names a month or quarter but no year (`… nhiệm vụ tháng 9`, `… quý III`) is of the year it was
 * issued in — the year before when that month or quarter would come after the issue (`quý IV` issued in January).
 */
function titleTimeByIssue(title: string, issueDate: string | undefined, seasons: Record<string, string>): string | undefined {
  const year = Number(issueDate?.slice(0, 4));
  if (!issueDate || !Number.isInteger(year) || !/(?<![\p{L}])(?:tháng|quý)(?![\p{L}])/iu.test(title)) return undefined;
  const period = firstPeriod(title, year, seasons, true);
  if (!period) return undefined;
  const start = period.replace(/^@/u, '').slice(0, 7);
  return issueDate.length >= 7 && start > issueDate.slice(0, 7) ? firstPeriod(title, year - 1, seasons, true) : period;
}

/** A line that says what span a report's figures cover: `Số liệu (báo cáo) tính từ …`, `Kỳ báo cáo: …`, `(Thời gian báo cáo …)`, `Thời gian lấy số liệu: …`. */
// (or the figures a sentence says it reports between dates: `… báo cáo số liệu từ ngày 01/01/2026 đến ngày 31/10/2026 như sau:`,
// `… báo cáo kết quả triển khai Đề án 06 từ khi vận hành chính quyền địa phương 2 cấp (ngày 01/7/2025) đến ngày 15/12/2025`)
const WINDOW_LINE =
  /(?:(?:^|[.;]\s+)\(?|\()\s*(?:(?:kỳ\s+)?số liệu|kỳ báo cáo|thời gian báo cáo|(?:thời gian|thời điểm)\s+(?:lấy|tổng hợp)\s+số liệu)(?![\p{L}])|(?<![\p{L}])(?:báo cáo|tổng hợp|cung cấp)\s+(?:các\s+)?số liệu\s+(?:tính\s+)?(?=từ\s+ngày)/iu;
/** The results a first paragraph says it reports over a span: `… báo cáo kết quả triển khai Đề án 06 từ khi … (ngày 01/7/2025) đến ngày 15/12/2025`. */
const REPORTED_SPAN = /(?<![\p{L}])báo cáo\s+kết quả[^.:;]{0,100}?\s+(?=từ\s+(?:ngày|khi)(?![\p{L}]))/iu;
/** A moment a report's first lines date its figures at: `(tính đến ngày 31/7/2026)`, `Tính đến ngày 30/9/2026,`. */
// (a moment said on its own — opening a sentence or a bracket, or with `tính` — not the end of a span, `từ ngày … đến ngày …`)
const REPORT_MOMENT = /(?:(?<![\p{L}])tính\s+|(?:^|[(.;:]\s*))(?:đến|tới)\s+(?:hết\s+)?ngày\s+\d{1,2}\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/iu;
/** The span a supervision or inspection covers: `Thời kỳ giám sát từ ngày 01/01/2022 đến ngày 30/9/2024`. */
const SUPERVISED_SPAN = /(?<![\p{L}])(?:thời kỳ|phạm vi|thời gian|kỳ)\s+(?:giám sát|kiểm tra|thanh tra)\s*(?:là\s*)?:?\s*(?=từ\s+ngày)/iu;
/** The week a bulletin reports, bounded in brackets (`… tình hình xâm nhập mặn tuần qua (từ ngày 13/02 đến ngày 19/02/2026)`). */
const WEEK_WINDOW = /(?<![\p{L}])tuần\s+(?:qua|này|trước)\s*(?=\(\s*từ\s+ngày)/iu;

/**
 * Whether a window of dates is the exact form of the time a title names: the title's year, or a span of months
 * that ends in the window's last month (`6 tháng đầu năm 2025` and `16/12/2024 – 15/6/2025`), or as many months
 * shifted by a month or two — a working period's (`6 tháng đầu năm 2026` and `01/12/2025 – 31/5/2026`), or a month's
 * that starts in the month before (`tháng 11/2026` and `15/10/2026 – 14/11/2026`).
 */
function sameReportTime(title: string, window: string): boolean {
  const end = window.slice(-7);
  // (a year's report whose figures run from January to a month of it, `Số liệu … tính đến ngày 30/11/2025`, stands for the year,
  // as its title says: only a working year that starts elsewhere, `15/12/2024 – 14/12/2025`, is more exact)
  if (/^\d{4}$/u.test(title)) return end.slice(0, 4) === title && !window.startsWith(`${title}-01..`);
  // (a working month, from the middle of the one before: `tháng 11/2026` over `15/10/2026 – 14/11/2026`)
  if (/^\d{4}-\d{2}$/u.test(title)) return window === `${addMonths(title, -1)}..${title}`;
  if (!/^\d{4}-\d{2}\.\.\d{4}-\d{2}$/u.test(title) || !/^\d{4}-\d{2}\.\.\d{4}-\d{2}$/u.test(window)) return false;
  return title.slice(-7) === end || windowShift(title, window) !== undefined;
}

/** `Từ đầu năm 2025 đến ngày 20/8/2025`, `từ đầu năm đến ngày 20/8/2025`: the year's start to a date. */
const SINCE_YEAR_START = /(?<![\p{L}])từ\s+đầu\s+năm(?:\s+(\d{4}))?\s+(?:đến|tới)\s+(?:hết\s+)?(?:ngày\s+)?(?:\d{1,2}\s*\/\s*)?(\d{1,2})\s*\/\s*(\d{4})/iu;

/** The span from the start of its year to `month` (`YYYY-MM`), when a paragraph says so; else undefined. */
function sinceStart(paragraphs: readonly string[], month: string): string | undefined {
  for (const t of paragraphs) {
    const m = SINCE_YEAR_START.exec(t);
    if (!m) continue;
    const [year, end] = [m[3], `${m[3]}-${pad2(m[2])}`];
    if (end !== month || (m[1] && m[1] !== year)) continue;
    return end.endsWith('-01') ? end : `${year}-01..${end}`;
  }
  return undefined;
}

/**
 * A title of a quarter and the months to date: `quý III và 9 tháng năm 2026`. (Not a month's, `tháng 10 và 10 tháng`: a
 * monthly report's unmarked figures are the month's even where its text gives the months to date first — blind26.)
 */
const SHORT_AND_RUNNING = /(?<![\p{L}])(quý\s+[ivx\d]+)\s+và\s+(\d{1,2})\s+tháng(?:\s+đầu)?(?:\s+năm)?/iu;

/**
 * Which of a title's two times (`quý III và 9 tháng năm 2026`) its unmarked figures are of: the months to date when the
 * text's first figure names them before the short one (`Tổng thu … 9 tháng năm 2026 đạt …`, then `Riêng quý III/2026 …`);
 * else undefined, and the title's first time stands.
 */
function runningFirst(title: string, paragraphs: readonly string[], ofTitle: string | undefined): string | undefined {
  const dual = SHORT_AND_RUNNING.exec(title);
  const year = ofTitle?.slice(0, 4);
  if (!dual || !year) return undefined;
  const months = Number(dual[2]);
  if (months < 2 || months > 12) return undefined;
  const running = new RegExp(`(?<![\\p{L}\\d])(?:${months}\\s+tháng|lũy kế|luỹ kế|từ đầu năm)(?![\\p{L}])`, 'iu');
  const short = new RegExp(`(?<![\\p{L}])${dual[1].replace(/\s+/gu, '\\s+')}(?![\\p{L}\\d])`, 'iu');
  for (const t of paragraphs) {
    if (!/\d/u.test(t) || SHORT_AND_RUNNING.test(t)) continue;
    const r = t.search(running);
    const q = t.search(short);
    if (r < 0 && q < 0) continue;
    return r >= 0 && (q < 0 || r < q) ? `${year}-01..${year}-${pad2(String(months))}` : undefined;
  }
  return undefined;
}

/** The text from where `re` first matches in the first two paragraphs, or undefined. */
function saidEarly(body: readonly string[], re: RegExp, paragraphs = 2): string | undefined {
  for (const t of body.slice(0, paragraphs)) {
    const m = re.exec(t);
    if (m) return t.slice(m.index);
  }
  return undefined;
}

/** An admission (`tuyển sinh`) to a school year named in a title: the year it starts. */
const ADMISSION = /(?<![\p{L}])tuyển sinh(?![\p{L}])[^.;]*?năm học\s+(\d{4})\s*[-–]\s*\d{4}/iu;

/** A window of dates a paragraph opens with: `Từ ngày 22/9/2025 đến ngày 04/10/2025,` (the first year may be left to the second). */
const WORK_WINDOW =
  /^(?:[^.;]{0,80}\.\s+)?(?:Từ|Trong thời gian từ)\s+ngày\s+(\d{1,2})\s*\/\s*(\d{1,2})(?:\s*\/\s*(\d{4}))?\s+(?:đến|tới)(?:\s+hết)?\s+ngày\s+(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})\s*,/u;
/** … or a run of work the first sentence bounds with its start and end (`Nhà máy vào ép từ ngày 18/11/2025 và kết thúc ngày 09/4/2026`). */
const WORK_RUN =
  /^[^.;]{0,120}?(?<![\p{L}])(?:vào ép|hoạt động|thi công|triển khai|diễn ra|chạy máy|sản xuất)\s+từ\s+ngày\s+(\d{1,2})\s*\/\s*(\d{1,2})(?:\s*\/\s*(\d{4}))?\s+(?:đến|tới|và kết thúc(?:\s+vào)?)(?:\s+hết)?\s+ngày\s+(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})/u;

/**
 * When an event took place: `đã diễn ra vào Chủ nhật, ngày 15/3/2026`, `được tổ chức ngày 02/9/2025`, or the event named with its
 * date before the verb (`cuộc bầu cử ngày Chủ nhật 15/3/2026 trên địa bàn tỉnh đã diễn ra …`).
 */
const EVENT_DATE = /(?<![\p{L}])(?:diễn ra|được tổ chức|xảy ra)(?:\s+(?:vào|trong|từ))?[^.;()\d]{0,24}?ngày\s+(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})/u;
const EVENT_DATE_BEFORE =
  /(?<![\p{L}])(?:cuộc|buổi|kỳ|lễ|hội nghị|đợt)\s+[^.;()\d]{0,40}?ngày\s+(?:(?:chủ nhật|thứ\s+\p{L}+),?\s+)?(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})[^.;()\d]{0,60}?(?<![\p{L}])(?:diễn ra|được tổ chức|khai mạc)(?![\p{L}])/iu;

/** A span of dates or of months: `từ ngày 05/9/2026 đến ngày 26/12/2026`, `từ tháng 7/2021 đến tháng 6/2026` (the first year may be left to the second). */
const DATE_SPAN =
  /(?<![\p{L}])từ\s+(?:ngày\s+\d{1,2}\s*\/\s*|tháng\s+)(\d{1,2})(?:\s*\/\s*(\d{4}))?\s+(?:đến|tới)\s+(?:hết\s+)?(?:ngày\s+\d{1,2}\s*\/\s*|tháng\s+)(\d{1,2})\s*\/\s*(\d{4})/giu;
/** Words that name the kind of time a report covers, and may be bounded by dates where the text first names it again. */
// (`hè`, the summer of a children's or youth programme, not the pavement of `vỉa hè`, `hè phố`)
const TERM_WORDS = /(?<![\p{L}])(?<!vỉa\s)(nhiệm kỳ|học kỳ|năm học|kỳ nghỉ|tết|niên vụ|niên độ|năm tài chính|mùa|đợt|chiến dịch|hè(?!\s+phố))(?![\p{L}])/giu;

/** How many months a span runs over (`2025-07..2025-12` → 6); undefined for anything else. */
function monthsBetween(period: string): number | undefined {
  const m = /^(\d{4})-(\d{2})\.\.(\d{4})-(\d{2})$/u.exec(period);
  return m ? (Number(m[3]) - Number(m[1])) * 12 + Number(m[4]) - Number(m[2]) + 1 : undefined;
}

/** `YYYY-MM` months a period runs over (`2026` → 2026-01…2026-12, `@2026-10` → its month). */
function monthsOf(period: string): [string, string] | undefined {
  const p = period.replace(/^@/u, '');
  if (/^\d{4}$/u.test(p)) return [`${p}-01`, `${p}-12`];
  if (/^\d{4}-\d{2}$/u.test(p)) return [p, p];
  const span = /^(\d{4}-\d{2})\.\.(\d{4}-\d{2})$/u.exec(p);
  return span ? [span[1], span[2]] : undefined;
}

/**
 * The dates that bound the time a title names, where its first paragraphs name that kind of time again: `Nhiệm kỳ
 * 2021-2026 (từ tháng 7/2021 đến tháng 6/2026)`, `Học kỳ I … được thực hiện từ ngày 05/9/2026 đến ngày 26/12/2026`, `… trong
 * kỳ nghỉ Tết Nguyên đán 9 ngày, từ ngày 14/02/2026 đến hết ngày 22/02/2026` — its months, when they end inside what the
 * title's own words give (if they give any) or up to two months after (a first term that runs into January), and start
 * no more than a year before it.
 */
function boundedTitleTime(title: string, body: readonly string[], ofTitle: string | undefined): string | undefined {
  const kinds = new Set([...title.matchAll(TERM_WORDS)].map((m) => m[1].toLocaleLowerCase('vi')));
  if (!kinds.size) return undefined;
  const own = ofTitle ? monthsOf(ofTitle) : undefined;
  for (const t of body.slice(0, 2))
    for (const m of t.matchAll(DATE_SPAN)) {
      const sentence =
        t
          .slice(0, m.index)
          .split(/[.;!?]\s+/u)
          .pop() ?? '';
      const named = [...sentence.slice(-120).matchAll(TERM_WORDS)].some((k) => kinds.has(k[1].toLocaleLowerCase('vi')));
      if (!named) continue;
      const from = `${m[2] ?? m[4]}-${pad2(m[1])}`;
      const to = `${m[4]}-${pad2(m[3])}`;
      if (from > to) continue;
      if (own && (to < own[0] || to > addMonths(own[1], 2) || from < addMonths(own[0], -12))) continue;
      return from === to ? to : `${from}..${to}`;
    }
  return undefined;
}

/** A span of whole years (`2021-01..2025-12`) cut at a moment in its last year (`@2025-10` → `2021-01..2025-10`). */
function cutShort(span: string | undefined, moment: string | undefined): string | undefined {
  const m = /^@(\d{4})-(\d{2})$/u.exec(moment ?? '');
  if (!span || !m || !/^\d{4}-01\.\.\d{4}-12$/u.test(span) || span.slice(9, 13) !== m[1]) return span;
  return `${span.slice(0, 7)}..${m[1]}-${m[2]}`;
}

/** The province named most often as `tỉnh X` in the body (at least twice). */
function provinceFromBody(texts: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const t of texts) {
    PROVINCE_IN_TEXT.lastIndex = 0;
    for (let m = PROVINCE_IN_TEXT.exec(t); m; m = PROVINCE_IN_TEXT.exec(t)) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
  }
  let best: string | undefined;
  let n = 1;
  for (const [name, c] of counts) if (c > n) [best, n] = [name, c];
  return best;
}

/**
 * Agency lines broken at the unit word: `ỦY BAN NHÂN DÂN` / `TỈNH BÌNH DƯƠNG`, or
 * `SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH` / `ĐỒNG THÁP`, become one line so the province is found in it.
 */
const PARENT_ONLY = /^(?:UBND|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|HĐND|HỘI ĐỒNG NHÂN DÂN)$/u;
const ENDS_WITH_UNIT = new RegExp(`\\s${UNIT_WORD}$`, 'u');
const STARTS_WITH_UNIT = new RegExp(`^${UNIT_WORD}\\s`, 'u');

function joinUnitLines(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const prev = out.length > 0 ? out[out.length - 1].trim() : undefined;
    const joins = prev !== undefined && ((PARENT_ONLY.test(prev) && STARTS_WITH_UNIT.test(line)) || ENDS_WITH_UNIT.test(prev));
    if (joins) out[out.length - 1] = `${prev} ${line.trim()}`;
    else out.push(line);
  }
  return out;
}

/** Read the metadata from paragraphs with their roles. */
/**
 * Some re-typeset documents print their title only in the running header of every page (so it is
 * furniture): `KẾ HOẠCH NÂNG CAO …` broken over lines beside a code and an edition line. Without a
 * title of its own, the document's title is the first header run that starts with a document-type
 * word, its capital lines joined (codes like `TD004` and mixed-case lines between them skipped).
 */
function titleInRunningHeader(paras: MetadataInput[]): string[] {
  const at = paras.findIndex((p) => p.role === 'furniture' && DOC_TYPE_WORD.test(p.text));
  if (at < 0) return [];
  const parts = [paras[at].text];
  let skipped = 0;
  for (let i = at + 1; i < paras.length && paras[i].role === 'furniture' && skipped <= 2; i++) {
    const t = paras[i].text.trim();
    if (/^\p{Lu}+\d+$/u.test(t) || (!isUpperCase(t) && !/^\d{4}$/.test(t))) skipped++;
    else parts.push(t);
  }
  return [parts.join(' ')];
}

export function readMetadata(paras: MetadataInput[]): Metadata {
  const meta: Metadata = {};
  // Two header columns read as one line (`SỞ … TỈNH CỘNG HÒA XÃ HỘI …`): split at the national motto.
  const admin = paras
    .filter((p) => p.role === 'admin-header')
    .flatMap((p) => p.text.split(/\s+(?=CỘNG HÒA(?![\p{L}\p{N}])|CỘNG HOÀ(?![\p{L}\p{N}])|Độc lập\s*[-–])/u))
    // OCR specks before a header line (`„UBND TỈNH …`)
    .map((t) => t.replace(/^[^\p{L}\p{N}]+(?=\p{L})/u, ''));
  const titled = paras.filter((p) => p.role === 'title').map((p) => p.text);
  const title = titled.length ? titled : titleInRunningHeader(paras);
  const body = paras.filter((p) => p.role === 'body').map((p) => p.text);

  // agency: capitals of the header; below a `UBND TỈNH X` parent line, the lines that follow it
  // a document code standing alone (`STNMT-CCBVMT`, `/BC-HĐXTH`: the number of a signed letter is
  // drawn in a signature widget, and without it the code is a line of capitals) is no part of the agency
  const upper = joinUnitLines(
    admin.filter((t) => isUpperCase(t) && !MOTTO.test(t) && !/^Số(?![\p{L}\p{N}])/u.test(t) && !DOC_TYPE_WORD.test(t) && !DOC_CODE_ALONE.test(t)),
  );
  let province: string | undefined;
  for (const t of upper) {
    const m = PROVINCE_IN_AGENCY.exec(t);
    if (m) {
      province = m[1].trim();
      const rest = t.slice(m.index + m[0].length).trim();
      if (rest) meta.agency = rest.replace(/\s+/g, ' ');
      break;
    }
    const n = PROVINCE_AFTER_AGENCY_WORD.exec(t);
    if (n) province = n[1].trim();
  }
  if (!meta.agency && upper.length > 0) {
    // `UBNDTỈNH…`: OCR may drop the spaces of a letter-spaced header line
    const parentIsUbnd = /^(UBND|ỦY BAN|UỶ BAN)(\b|\s*T[IÍÌỈĨỊ]NH)/u.test(upper[0]) && upper.length > 1;
    const lines = parentIsUbnd ? upper.slice(1) : upper.slice(0, 1);
    // an agency name broken over lines (`SỞ THÔNG TIN VÀ` / `TRUYỀN THÔNG`): keep lines while they continue it
    const agency = [lines[0]];
    for (const l of lines.slice(1)) {
      if (/^(SỞ|BAN|BỘ|TRUNG TÂM|UBND|ỦY BAN|PHÒNG|CỤC)(?![\p{L}\p{N}])/u.test(l)) break;
      agency.push(l);
    }
    meta.agency = agency
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/[.,;:]+$/u, '')
      .replace(DOC_CODE_AT_END, '');
  }

  const numberLine = admin.find((t) => DOC_NUMBER.test(t) && /^Số(?![\p{L}\p{N}])/u.test(t)) ?? admin.find((t) => DOC_NUMBER.test(t));
  if (numberLine) meta.docNumber = (DOC_NUMBER.exec(numberLine)?.[1] ?? '').replace(/\s+/g, '');
  else {
    // OCR drops the colon, the slash or the accent: `Sô1849BGDĐT-GDPT` is 1849/BGDĐT-GDPT
    const ocr = admin.map((t) => OCR_DOC_NUMBER.exec(t)).find((m) => m !== null);
    if (ocr) meta.docNumber = `${ocr[1]}/${ocr[2]}`;
  }

  let place: string | undefined;
  for (const t of admin) {
    const m = ISSUE_DATE.exec(t) ?? (PLACE_DATE.test(t) ? ISSUE_DATE.exec(t.replace(/^.*?(?=[\p{L} .-]{2,40},\s*ngày)/u, '')) : null);
    if (!m) continue;
    place = m[1].trim();
    const [, , day, month, year] = m;
    meta.issueDate = month ? (day ? `${year}-${pad2(month)}-${pad2(day)}` : `${year}-${pad2(month)}`) : year;
    break;
  }

  const typeLine = title.find((t) => DOC_TYPE_WORD.test(t));
  const subject = title
    .filter((t) => t !== typeLine)
    .join(' ')
    .trim();
  if (typeLine) meta.reportType = TYPE_WORDS[DOC_TYPE_WORD.exec(typeLine)?.[1] ?? ''] ?? 'other';
  else if (title.some((t) => SUBJECT_LINE.test(t))) meta.reportType = 'công văn';
  if (!meta.reportType && meta.docNumber) {
    const code = /\/([\p{L}]+)/u.exec(meta.docNumber)?.[1]?.toLocaleUpperCase('vi');
    if (code) meta.reportType = NUMBER_CODES[code] ?? 'công văn';
  }
  const fullTitle = subject || typeLine;
  if (fullTitle) meta.title = typeLine && subject && !SUBJECT_LINE.test(subject) ? `${typeLine} ${subject}` : fullTitle;

  const seasons = seasonCalendar(body.join('\n'));
  if (Object.keys(seasons).length) meta.seasons = seasons;
  const titleText = subject || (typeLine ?? '');
  const ofTitle = firstPeriod(titleText, undefined, seasons, true) ?? titleTimeByIssue(titleText, meta.issueDate, seasons) ?? seasonYearOf(titleText, seasons);
  // the window of the figures said on a line of its own under the title (`Số liệu báo cáo tính từ ngày 15/12/2024
  // đến ngày 14/12/2025; …`) is exact where the title's year is round
  // (or as a sentence of the first paragraph: `… qua địa bàn 18 xã biên giới. Số liệu trong báo cáo tính từ ngày …`)
  // (or the span a supervision covers, said where its account opens: `Thời kỳ giám sát từ ngày 01/01/2022 đến ngày 30/9/2024`)
  // (results reported over a span — not the days an event of them took: a quarter at least)
  const reportedAt = saidEarly(body, REPORTED_SPAN);
  const reported = reportedAt ? firstPeriod(reportedAt) : undefined;
  const spanned = reported && (monthsBetween(reported) ?? 0) >= 3 ? reportedAt : undefined;
  const windowAt = saidEarly(body, WINDOW_LINE) ?? saidEarly(body, SUPERVISED_SPAN, 4) ?? spanned;
  const window = windowAt ? firstPeriod(windowAt) : undefined;
  // (a bulletin of a week, `… tuần qua (từ ngày 13/02 đến ngày 19/02/2026)`, under a title that names only its year: the week's month)
  const weekAt = saidEarly(body, WEEK_WINDOW);
  const week = weekAt && ofTitle && /^\d{4}$/u.test(ofTitle) ? firstPeriod(weekAt) : undefined;
  const windowed =
    window?.includes('..') && (!ofTitle || sameReportTime(ofTitle, window))
      ? window
      : week && /^\d{4}-\d{2}$/u.test(week) && week.startsWith(`${ofTitle}-`)
        ? week
        : undefined;
  // a title that gives only the moment (`(tính đến ngày 20/8/2025)`) over a text that says from when (`Từ đầu năm 2025 đến ngày
  // 20/8/2025, …`): the span, whose flows run from that start and whose stocks stand at its end
  const since = ofTitle?.startsWith('@') ? sinceStart(body.slice(0, 12), ofTitle.slice(1)) : undefined;
  const bounded = windowed ? undefined : boundedTitleTime(titleText, body, ofTitle);
  const period = windowed ?? bounded ?? since ?? runningFirst(titleText, body.slice(0, 15), ofTitle) ?? ofTitle;
  if (period) meta.reportPeriod = period;
  // an admission to a school year (`Kỳ thi tuyển sinh vào lớp 10 … năm học 2025-2026`) takes place before the year
  // starts: in the year of its first half (`2025`), not over the school year
  const admission = ADMISSION.exec(fullTitle ?? '');
  if (admission && meta.reportPeriod?.startsWith(`${admission[1]}-`) && meta.reportPeriod.includes('..')) meta.reportPeriod = admission[1];
  // A title that names no shorter time but a span of years (`giai đoạn 2021-2025`) is about that
  // span: a report's figures cover it, a plan's targets run over it. (A heading naming one — a
  // programme's span in a monthly report — is not the time of its figures: segment-stage.)
  // A plan's horizon (`Kế hoạch … đến năm 2025`) is the year its targets are for.
  // a span of years whose figures the text says run only to a moment in its last year (`giai đoạn 2021-2025` …
  // `Số liệu trong báo cáo tính đến ngày 31/10/2025`): the span to that month
  const cutOff = windowAt ? firstPeriod(windowAt, undefined, undefined, true) : undefined;
  const span = cutShort(planSpan(fullTitle ?? ''), cutOff);
  const horizon = span ?? horizonYear(fullTitle ?? '');
  if (!period && span) meta.reportPeriod = span;
  else if (!period && meta.reportType === 'kế hoạch' && horizon) meta.reportPeriod = horizon;
  else if (!period && meta.reportType !== 'kế hoạch') {
    // a report of one event, its title dated by no time: the month the first paragraph says it took place in
    // (`… cuộc bầu cử … đã diễn ra vào Chủ nhật, ngày 15/3/2026`)
    const held = body
      .slice(0, 2)
      .map((t) => EVENT_DATE.exec(t) ?? EVENT_DATE_BEFORE.exec(t))
      .find((m) => m);
    if (held) meta.reportPeriod = `${held[3]}-${pad2(held[2])}`;
    // … or the window its first paragraphs say the work it reports ran over, closed by the date it was written
    // (`Từ ngày 22/9/2025 đến ngày 04/10/2025, các đại biểu đã tổ chức …` in a report of 08/10/2025)
    else {
      const ran = body
        .slice(0, 4)
        .map((t) => WORK_WINDOW.exec(t) ?? WORK_RUN.exec(t))
        .find((m) => m);
      if (ran) {
        const from = `${ran[3] ?? ran[6]}-${pad2(ran[2])}`;
        const to = `${ran[6]}-${pad2(ran[5])}`;
        if (from <= to && (!meta.issueDate || to <= meta.issueDate.slice(0, 7))) meta.reportPeriod = from === to ? to : `${from}..${to}`;
      }
    }
  }

  // a report whose title and opening name no time, its figures dated where its account opens (`1. HIỆN TRẠNG HẠ TẦNG MẠNG LƯỚI
  // (tính đến ngày 31/7/2026)`): as of that moment, where it is before the report was written
  if (!meta.reportPeriod && meta.reportType !== 'kế hoạch') {
    const moment = body
      .slice(0, 4)
      .map((t) => REPORT_MOMENT.exec(t))
      .find((m) => m);
    const at = moment ? `${moment[2]}-${pad2(moment[1])}` : undefined;
    if (at && Number(moment?.[1]) >= 1 && Number(moment?.[1]) <= 12 && (!meta.issueDate || at <= meta.issueDate.slice(0, 7))) meta.reportPeriod = `@${at}`;
  }

  province ??= provinceFromText(subject);
  const national = isNationalAgency(meta.agency);
  // the place a commune, ward or district writes from is its own name, not its province's
  const local = /^(XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU|HUYỆN|QUẬN|THỊ XÃ)(?![\p{L}\p{N}])/u.test(meta.agency ?? '');
  if (!province && place && !national && !local && !/^(TP|Thành phố|Thị xã|Huyện|Quận)(?![\p{L}\p{N}])/iu.test(place)) province = place;
  if (!national) province ??= provinceFromBody(body);
  if (province) meta.province = titleCase(province);
  return meta;
}
