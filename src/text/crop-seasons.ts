import { pad2 } from './zero-pad.js';

/**
 * Crop seasons (`vụ Đông Xuân 2024-2025`, `vụ Hè Thu 2025`) as periods. A season is no fixed span of
 * months — it moves with the region and the year — so it is a period only where the text dates it:
 * a sentence that names one season and gives the days or months it is sown and harvested
 * (`Vụ Đông Xuân 2024-2025 xuống giống từ ngày 25/10/2024 …, thu hoạch dứt điểm ngày 08/4/2025`)
 * makes it the span from the first of those months to the last. Without such a sentence a season
 * stays a name, and its figures take the heading's or the report's period.
 *
 * A school year is September to May unless the text bounds it (`Năm học 2024-2025 (từ ngày 01/9/2024 đến
 * ngày 31/8/2025)`, `(tính từ ngày 01/8/2025 đến ngày 31/7/2026)`): then that school year is the span, and
 * every other school year the text names runs over the same months (the document's calendar).
 *
 * A season of the weather (`mùa khô 2025-2026`, `mùa mưa bão 2025`) is a period where a sentence bounds
 * it by dates (`Mùa khô 2025-2026 trên địa bàn tỉnh được tính từ ngày 01/11/2025 đến ngày 30/4/2026`): a
 * province fixes its seasons by regulation, so the same season of another year, and the one before or
 * after (`mùa khô trước`, `mùa khô năm tới`), run over the same months.
 */

const SEASON = /(?<![\p{L}])vụ\s+(đông\s+xuân|hè\s+thu|thu\s+đông|chiêm\s+xuân|xuân\s+hè|mùa|chiêm|xuân|đông)\s+(\d{4})(?:\s*[-–]\s*(\d{4}))?(?![\d\p{L}])/gu;
const SCHOOL_YEAR = /(?<![\p{L}])(?:năm học|niên khóa|niên khoá)\s+(\d{4})\s*[-–]\s*(\d{4})(?![\d\p{L}])/gu;
/** A school year with its bounds in brackets after it. */
const SCHOOL_YEAR_BOUNDS =
  /(?<![\p{L}])(?:năm học|niên khóa|niên khoá)\s+(\d{4})\s*[-–]\s*(\d{4})\s*\(\s*(?:(?:được\s+)?(?:tính|kể)\s+)?(?:từ\s+)?(?:(?:ngày\s+)?\d{1,2}\s*[/.-]\s*|tháng\s+)(\d{1,2})\s*[/.-]\s*(\d{4})\s*(?:đến|tới|[-–])\s*(?:hết\s+)?(?:(?:ngày\s+)?\d{1,2}\s*[/.-]\s*|tháng\s+)(\d{1,2})\s*[/.-]\s*(\d{4})\s*\)/gu;
const SCHOOL_KEY = 'năm học';
/** The names of the seasons of the weather after `mùa` (`khô`, `mưa bão`), as a pattern's source. */
export const WEATHER_NAMES = 'khô|mưa(?:\\s+(?:bão|lũ))?|lũ|bão|cháy rừng';
/** Seasons of work named by their two years (a sugar mill's `niên vụ 2025-2026`, `vụ ép`, a business's `niên độ`), as a pattern's source. */
export const WORK_SEASON_NAMES = 'niên\\s+vụ|niên\\s+độ|mùa\\s+vụ|vụ\\s+ép|mùa\\s+ép';
/** A season of the weather: `mùa khô 2025-2026`, `mùa mưa bão 2025`. */
const WEATHER_SEASON = new RegExp(`(?<![\\p{L}])mùa\\s+(${WEATHER_NAMES})\\s+(\\d{4})(?:\\s*[-–]\\s*(\\d{4}))?(?![\\d\\p{L}])`, 'gu');
/** The one before or after the season the text dates: `mùa khô trước`, `mùa khô năm trước`, `mùa mưa tới`. */
const WEATHER_NEXT = new RegExp(`(?<![\\p{L}])mùa\\s+(${WEATHER_NAMES})\\s+(?:năm\\s+)?(trước|tới|sau)(?![\\p{L}])`, 'gu');
/** Dates that bound a time named just before: `… được tính từ ngày 01/11/2025 đến ngày 30/4/2026`. */
const BOUNDS =
  /^[^.;()]{0,60}?\(?\s*(?:(?:được\s+)?(?:tính|kể)\s+)?từ\s+(?:ngày\s+)?\d{1,2}\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})\s*(?:đến|tới|[-–])\s*(?:hết\s+)?(?:ngày\s+)?\d{1,2}\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})/u;

/** Sowing or harvest: what makes a sentence the season's calendar. */
const CALENDAR_WORDS = /(?<![\p{L}])(?:xuống giống|gieo sạ|gieo cấy|gieo trồng|thu hoạch)(?![\p{L}])/u;
const HARVEST = /(?<![\p{L}])thu hoạch(?![\p{L}])/u;
/** `25/10/2024`, `ngày 10/01`, `tháng 7`, `tháng 8/2025`, `tháng 8 năm 2025`. */
const DATE = /(?:ngày\s+)?(\d{1,2})\s*\/\s*(\d{1,2})(?:\s*\/\s*(\d{4}))?(?!\d)|tháng\s+(\d{1,2})(?:\s*\/\s*(\d{4})|\s+năm\s+(\d{4}))?(?![\d/])/gu;

function seasonKey(name: string, first: string, last?: string): string {
  return `${name.replace(/\s+/g, ' ')} ${first}${last ? `-${last}` : ''}`;
}

/** The seasons a text dates, by key (`đông xuân 2024-2025` → `2024-10..2025-04`). */
export function seasonCalendar(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const sentence of text.toLocaleLowerCase('vi').split(/(?<=[.!?;])\s+|\n+/u)) {
    const seasons = [...sentence.matchAll(SEASON)];
    if (seasons.length !== 1) continue;
    const [mention, name, first, last] = seasons[0];
    const rest = sentence.slice((seasons[0].index ?? 0) + mention.length);
    // bounded by dates after its name, in a sentence that is no calendar of sowing and harvest (`Vụ Đông Xuân
    // 2025-2026 (từ ngày 15/12/2025 đến ngày 31/5/2026), …`): that span
    const bounded = CALENDAR_WORDS.test(sentence) ? undefined : ownBounds(rest, Number(first), Number(last ?? first));
    if (bounded) {
      out[seasonKey(name, first, last)] = bounded;
      continue;
    }
    // (to its harvest: a sowing window alone, `xuống giống từ ngày 05/4 đến ngày 10/6/2026, chia làm 3 đợt`, is no span of the
    // season)
    if (!HARVEST.test(sentence)) continue;
    // a month without its year is in the season's last year, or its first when that is later than the season's end would allow
    const defaultYear = Number(last ?? first);
    const months: number[] = [];
    for (const d of rest.matchAll(DATE)) {
      const month = Number(d[2] ?? d[4]);
      const year = Number(d[3] ?? d[5] ?? d[6] ?? defaultYear);
      if (month >= 1 && month <= 12 && year >= Number(first) && year <= defaultYear) months.push(year * 12 + month - 1);
    }
    if (months.length < 2) continue;
    const from = Math.min(...months);
    const to = Math.max(...months);
    const at = (n: number) => `${Math.floor(n / 12)}-${pad2((n % 12) + 1)}`;
    out[seasonKey(name, first, last)] = from === to ? at(from) : `${at(from)}..${at(to)}`;
  }
  for (const m of text.toLocaleLowerCase('vi').matchAll(SCHOOL_YEAR_BOUNDS)) {
    const [a, b, m1, y1, m2, y2] = m.slice(1).map(Number);
    // the bounds are the school year's own: it starts in its first year and ends within its second
    if (b !== a + 1 || y1 !== a || y2 !== b || m1 < 1 || m1 > 12 || m2 < 1 || m2 > 12) continue;
    out[`${SCHOOL_KEY} ${a}-${b}`] = `${a}-${pad2(m1)}..${b}-${pad2(m2)}`;
    out[SCHOOL_KEY] = `${pad2(m1)}..${pad2(m2)}`;
  }
  for (const sentence of text.toLocaleLowerCase('vi').split(/(?<=[.!?;])\s+|\n+/u)) {
    const seasons = [...sentence.matchAll(WEATHER_SEASON)];
    if (seasons.length !== 1) continue;
    const [mention, name, first, last] = seasons[0];
    // the bounds are the season's own: from its first year to its last (or within its one year)
    const span = ownBounds(sentence.slice((seasons[0].index ?? 0) + mention.length), Number(first), Number(last ?? first));
    if (!span) continue;
    const [[y1, m1], [y2, m2]] = span.split('..').map((ym) => ym.split('-'));
    const kind = weatherKey(name);
    const shifted = (by: number) => `${Number(y1) + by}-${m1}..${Number(y2) + by}-${m2}`;
    out[seasonKey(kind, first, last)] = span;
    out[kind] = `${m1}..${m2}`;
    out[`${kind} trước`] = shifted(-1);
    out[`${kind} tới`] = out[`${kind} sau`] = shifted(1);
  }
  return out;
}

/** The span of the dates that bound a time named just before them, when they fall within its years; else undefined. */
function ownBounds(rest: string, first: number, last: number): string | undefined {
  const bounds = BOUNDS.exec(rest);
  if (!bounds) return undefined;
  const [m1, y1, m2, y2] = bounds.slice(1).map(Number);
  if (y1 !== first || y2 !== last || m1 < 1 || m1 > 12 || m2 < 1 || m2 > 12 || y1 * 12 + m1 > y2 * 12 + m2) return undefined;
  return `${y1}-${pad2(m1)}..${y2}-${pad2(m2)}`;
}

function weatherKey(name: string): string {
  return `mùa ${name.replace(/\s+/g, ' ')}`;
}

/**
 * The year of a crop season a title names with one year and the text does not date (`Tổng kết sản xuất lúa vụ Hè Thu 2026 và
 * kế hoạch …`): the report stands for that year's season, and a season of one year is dated by its year.
 */
export function seasonYearOf(title: string, calendar: Readonly<Record<string, string>> | undefined): string | undefined {
  const m = [...title.toLocaleLowerCase('vi').matchAll(SEASON)][0];
  if (!m || m[3] || calendar?.[seasonKey(m[1], m[2])]) return undefined;
  return m[2];
}

/** A school year's span in a calendar: its own bounds, the months the text gives school years, or September to May. */
export function schoolYearSpan(first: number, calendar: Readonly<Record<string, string>> | undefined): string {
  const own = calendar?.[`${SCHOOL_KEY} ${first}-${first + 1}`];
  if (own) return own;
  const [m1, m2] = (calendar?.[SCHOOL_KEY] ?? '09..05').split('..');
  return `${first}-${m1}..${first + 1}-${m2}`;
}

/** The seasons of a calendar that a lower-cased text names, with where. */
export function seasonMentions(lower: string, calendar: Readonly<Record<string, string>> | undefined): { index: number; length: number; period: string }[] {
  if (!calendar || Object.keys(calendar).length === 0) return [];
  const out: { index: number; length: number; period: string }[] = [];
  for (const m of lower.matchAll(SEASON)) {
    const period = calendar[seasonKey(m[1], m[2], m[3])];
    if (period) out.push({ index: m.index ?? 0, length: m[0].length, period });
  }
  for (const m of lower.matchAll(WEATHER_SEASON)) {
    const kind = weatherKey(m[1]);
    const months = calendar[kind]?.split('..');
    const own = calendar[seasonKey(kind, m[2], m[3])];
    // another year's season of a kind the text dates: over the same months
    const [a, b] = [Number(m[2]), Number(m[3] ?? m[2])];
    const fits = months && b === a + (months[0] > months[1] ? 1 : 0);
    const period = own ?? (months && fits ? `${a}-${months[0]}..${b}-${months[1]}` : undefined);
    if (period) out.push({ index: m.index ?? 0, length: m[0].length, period });
  }
  for (const m of lower.matchAll(WEATHER_NEXT)) {
    const period = calendar[`${weatherKey(m[1])} ${m[2]}`];
    if (period) out.push({ index: m.index ?? 0, length: m[0].length, period });
  }
  if (calendar[SCHOOL_KEY])
    for (const m of lower.matchAll(SCHOOL_YEAR)) {
      const a = Number(m[1]);
      if (Number(m[2]) === a + 1) out.push({ index: m.index ?? 0, length: m[0].length, period: schoolYearSpan(a, calendar) });
    }
  return out;
}
