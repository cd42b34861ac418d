import type { Block, Document } from '../../schemas/document.js';
import type { Aspect, Approx, Fact, FactKind } from '../../schemas/fact.js';
import type { Table, TableCell } from '../../schemas/table.js';
import { findNumbers } from './number-parser.js';
import { groupFigures, type Figure } from './figure-finder.js';
import { readUnit } from './unit-reader.js';
import { findTimeMentions, MONTHS_COUNT, stockOf } from './period-mentions.js';
import { periodYear } from '../text/period-words.js';
import { rejectReason } from './reject-rules.js';
import { lowerSameLength } from './text-window.js';
import { isEmptyCell, LEADS_WITH_FIGURE, readLabels, ROW_NUMBER, withStubSubject, type TableLabels } from './table-labels.js';

/**
 * Facts from table cells (GUIDELINES "Tables"). A data cell that leads with a figure (`56 vị
 * trí`, `36,28`, `128 (Kbit/s)`, `~ 1600 – 1700 Mbps`) is read here: each figure in it is a fact
 * whose metric is the row's label (with its group) and the column's label (less the time it
 * names), whose unit comes from the cell, else the row's unit column, else the column header,
 * else the row label, else a unit note above the table, and whose period and aspect come from
 * the column header. Cells of running text are left to the sentence extractor; its facts there
 * get the row's label in front of their metric and the row and column (`annotateCellFacts`).
 * Row numbers, codes, time columns and the unit column are never facts.
 */

export interface TableFactsResult {
  facts: Fact[];
  /** Blocks whose numbers are all read here (the sentence extractor skips them). */
  handled: Set<number>;
}

const SCALE: Record<string, number> = { nghìn: 1e3, ngàn: 1e3, triệu: 1e6, tỷ: 1e9, tỉ: 1e9 };
const MONEY: Record<string, number> = { đồng: 1, đ: 1, vnđ: 1, vnd: 1 };
const BRACKET_UNIT = /\(([^()]{1,30})\)/gu;
/** A short unit token written after a number (`Mbps`, `dBm`, `Kbit/s`, `%/năm`, `kWh`). */
const UNIT_TOKEN = /^\s*\(?\s*([%\p{L}][\p{L}\d²³%]*(?:\/[\p{L}\d²³]+)?)\s*\)?/u;
/** A cell holding only a length of time: `18 tháng`, `02 năm`, `45 ngày`. */
const DURATION_CELL = /^\d{1,3}\s+(?:năm|tháng|tuần|ngày|giờ)$/iu;
const NOT_UNITS = /^(?:và|hoặc|hay|là|có|của|tại|trong|với|đến|từ|so|riêng|đạt|gồm|trên|dưới)$/iu;

interface UnitInfo {
  unit: string;
  baseUnit: string;
  kind: Exclude<FactKind, 'rank' | 'ratio'>;
  /** Multiplier from the written value to the base unit. */
  factor: number;
}

/** A unit as written (`triệu KWh/năm`, `tỷ đồng`, `%`, `Mbit/s`, `vị trí`) read into unit, base unit, kind and factor. */
export function unitFromText(written: string): UnitInfo | undefined {
  const unit = written.replace(/\s+/gu, ' ').trim().toLocaleLowerCase('vi');
  if (!unit || unit.length > 30 || /\d{2,}/u.test(unit)) return undefined;
  if (unit.startsWith('%')) return { unit, baseUnit: '%', kind: 'percent', factor: 1 };
  const m = /^(nghìn|ngàn|triệu|tỷ|tỉ)\s+(.+)$/u.exec(unit);
  const scale = m ? SCALE[m[1]] : 1;
  const rest = m ? m[2] : unit;
  if (rest in MONEY) return { unit, baseUnit: 'VND', kind: 'money', factor: scale * MONEY[rest] };
  const read = readUnit(`1 ${rest}`, `1 ${rest}`, 1);
  // (a counted noun and the words that say which, `lượt xe`, `hộ nghèo`: counted in the noun)
  if (read?.kind === 'count' && read.evidence.includes('unit:noun') && MODIFIED_NOUN_TAIL.test(rest.slice(read.end - 2)))
    return { unit, baseUnit: read.baseUnit, kind: 'count', factor: scale };
  if (read && read.end >= rest.length + 1 - 1) {
    if (read.kind === 'percent') return { unit, baseUnit: '%', kind: 'percent', factor: 1 };
    if (read.kind === 'money') return { unit, baseUnit: read.baseUnit, kind: 'money', factor: scale };
    return { unit, baseUnit: read.kind === 'count' ? read.baseUnit : rest, kind: read.kind, factor: scale };
  }
  return { unit, baseUnit: rest, kind: 'measure', factor: scale };
}

/** Does a bracket hold a unit (`MW`, `triệu KWh/năm`, `%`, `Mbit/s`, `tỷ đồng`, `người`) rather than a name (`Ookla`, `Download`, `B.Phước`)? */
function looksLikeUnit(inner: string): boolean {
  const t = inner.trim();
  if (/[/%]/u.test(t) || /^(?:nghìn|ngàn|triệu|tỷ|tỉ)\s/iu.test(t)) return true;
  if (/^\p{L}{1,4}$/u.test(t)) return true;
  const lower = `1 ${t.toLocaleLowerCase('vi')}`;
  const read = readUnit(lower, lower, 1);
  if (read?.kind === 'count' && read.evidence.includes('unit:noun') && MODIFIED_NOUN_TAIL.test(lower.slice(read.end))) return true;
  return read !== undefined && !read.evidence.includes('unit:guessed') && read.end === lower.length;
}

/** One or two lower-case words after a counted noun in a unit bracket: they say which (`lượt xe`, `hộ nghèo`). */
const MODIFIED_NOUN_TAIL = /^\s+\p{Ll}+(?:\s+\p{Ll}+)?$/u;

/** The unit a label gives in brackets (`Công suất PLM (MW)`, `Tốc độ … (Mbit/s)`), the last one written. */
function bracketUnit(label: string): UnitInfo | undefined {
  let found: UnitInfo | undefined;
  for (const m of label.matchAll(BRACKET_UNIT)) {
    if (!looksLikeUnit(m[1])) continue;
    const u = unitFromText(m[1]);
    if (u) found = u;
  }
  return found;
}

/** `Số nhà máy`, `Số lượng hộ`: a header that names what it counts gives that noun as the unit. */
function countedNoun(label: string): UnitInfo | undefined {
  for (const part of label.split(' — ')) {
    // (`Số chuyến`, `Tổng số hộ`; `Lượt hành khách`: occasions are counted without `số`)
    const label = part.replace(BRACKET_UNIT, '').trim();
    // (a time after the noun is the column's, not the noun's: `Số vụ cùng kỳ năm 2025`)
    const m =
      /^(?:tổng\s+)?số(?:\s+lượng)?\s+(\p{L}[\p{L}\s]{0,40}?)(?:\s+(?:cùng kỳ|năm|tháng|quý)(?![\p{L}])[\p{L}\d\s/.-]{0,30})?$/iu.exec(label) ??
      /^(lượt\s[\p{L}\s]{1,40})$/iu.exec(label) ??
      // (a noun and the bound that picks some of them: `Số bài dưới 1 điểm`, `Số xã đạt chuẩn`)
      /^(?:tổng\s+)?số(?:\s+lượng)?\s+(\p{L}+(?:\s+\p{L}+)?)\s+(?:dưới|trên|từ|đạt|có|được|bị|điểm)(?![\p{L}])/iu.exec(label);
    if (!m) continue;
    const lower = `1 ${m[1].toLocaleLowerCase('vi')}`;
    const read = readUnit(lower, lower, 1);
    if (read?.kind === 'count') return { unit: read.unit, baseUnit: read.baseUnit, kind: 'count', factor: 1 };
  }
  return undefined;
}

/** A column of scores (`Điểm TB năm 2025`, `Điểm trung bình`, `Điểm số`): its bare figures are points. */
function scoreUnit(label: string): UnitInfo | undefined {
  if (!label.split(' — ').some((part) => /^điểm(?:\s+(?:tb|trung\s+bình|bình\s+quân|số))?(?![\p{L}])/iu.test(bare(part)))) return undefined;
  const read = readUnit('1 điểm', '1 điểm', 1);
  return read ? { unit: read.unit, baseUnit: read.baseUnit, kind: read.kind, factor: 1 } : undefined;
}

/** A header that names a ratio of two counts: `Tỷ lệ giáo viên/lớp` (the ratio captured). */
const RATIO_HEADER = /(?:tỷ|tỉ)\s+lệ\s+(\p{L}+(?:\s+\p{L}+)?\s*\/\s*\p{L}+(?:\s+\p{L}+)?)\s*$/iu;

/** The ratio of two counts a header names, `Tỷ lệ giáo viên/lớp`, as its cells' unit (`giáo viên/lớp`). */
function ratioUnit(label: string): UnitInfo | undefined {
  const m = RATIO_HEADER.exec(bare(label.split(' — ').pop() ?? ''));
  if (!m) return undefined;
  const unit = m[1].replace(/\s*\/\s*/u, '/').toLocaleLowerCase('vi');
  return { unit, baseUnit: unit, kind: 'measure', factor: 1 };
}

/** The unit most cells of a row or column write after their figure, when they all agree (`0` among `56 vị trí` cells). */
function siblingUnit(cells: TableCell[], doc: Document): UnitInfo | undefined {
  const units = new Set<string>();
  let info: UnitInfo | undefined;
  for (const c of cells) {
    const text = doc.text.slice(c.start ?? 0, c.end ?? 0);
    const figures = groupFigures(text, findNumbers(text));
    if (figures.length !== 1) continue;
    const own = cellUnit(text, figures[0]);
    if (!own) continue;
    units.add(own.info.unit);
    info = own.info;
  }
  return units.size === 1 ? info : undefined;
}

/** Labels without unit brackets and extra spaces. */
function bare(label: string): string {
  return label
    .replace(/\s*\(\*+\)/gu, '')
    .replace(BRACKET_UNIT, (all, inner: string) => (bracketUnit(all) || /^(?:%|[\p{L}]+\/[\p{L}]+)/u.test(inner.trim()) ? '' : all))
    .replace(/\s+/gu, ' ')
    .replace(/\s+—\s*$/u, '')
    .trim();
}

const SPAN = /^(?:giai\s+đoạn\s+|gđ\s+)?((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)$/iu;
const YEAR = /^(?:năm\s+)?((?:19|20)\d\d)$/iu;
const UNTIL = /^(?:đến|tính\s+đến|đến\s+hết|đến\s+cuối)\s+(?:năm\s+)?((?:19|20)\d\d)$/iu;

/** `10-15`, `20-22`: a span of years written with two digits, next to columns that write them whole. */
const SHORT_SPAN = /^(?:giai\s+đoạn\s+|gđ\s+)?(\d\d)\s*[-–]\s*(\d\d)$/iu;

/**
 * The period one header part names: `Năm 2024`, `2016`, `2011- 2015`, `Đến 2010`, `Tháng 8/2021`,
 * `Quý I/2026`; `10-15` too when the table's other headers give the century (`century`: `20`).
 */
export function periodOfHeader(part: string, century?: string, growth = false, tablePeriod?: string): { period: string; span: boolean } | undefined {
  const t = part.replace(/\s+/gu, ' ').trim();
  let m = SPAN.exec(t);
  if (m) return { period: `${m[1]}-01..${m[2]}-12`, span: true };
  m = century ? SHORT_SPAN.exec(t) : null;
  if (m && century && Number(m[1]) < Number(m[2])) {
    // a growth rate from year a to year b (`Tốc độ tăng … 10-15`) grows over the years after a
    const from = growth ? Number(m[1]) + 1 : Number(m[1]);
    return { period: `${century}${String(from).padStart(2, '0')}-01..${century}${m[2]}-12`, span: true };
  }
  // (a header of dates, `Dự báo 21/02-05/3/2026`, `Tuần 13/02-19/02/2026`: the months they fall in, not their year alone)
  const dated = /\d{1,2}\s*\/\s*\d{1,2}\s*\/\s*(?:19|20)\d\d/u.test(t) ? findTimeMentions(t.toLocaleLowerCase('vi'), periodYear(tablePeriod), tablePeriod) : [];
  if (dated.length === 1) return { period: dated[0].period, span: false };
  m = YEAR.exec(t);
  if (m) return { period: m[1], span: false };
  m = UNTIL.exec(t);
  if (m) return { period: `@${m[1]}-12`, span: false };
  // (`Hàng hóa 9 tháng` in a table of quý III: the months of the table's year to its end)
  const mentions = findTimeMentions(t.toLocaleLowerCase('vi'), periodYear(tablePeriod), tablePeriod);
  // (a span of months, `8 tháng 2025`, holds a flow over them, not a level at their end)
  if (mentions.length === 1) return { period: mentions[0].period, span: false };
  // (`Doanh thu 9 tháng` in a table of a whole year: its first months — a header has no report month to end them at)
  const months = /^\d{4}$/u.test(tablePeriod ?? '') ? new RegExp(MONTHS_COUNT.source, 'iu').exec(t) : null;
  if (months && Number(months[1]) >= 2 && Number(months[1]) <= 11)
    return { period: `${tablePeriod}-01..${tablePeriod}-${months[1].padStart(2, '0')}`, span: false };
  return undefined;
}

/** What is left of a header part once its year is taken that is still only a time (`6 tháng`, `Quý I`, `Tháng 9`). */
const TIME_ONLY = /^(?:(?:\d+\s+)?tháng(?:\s+\d+)?|quý\s+[ivx\d]+|năm|giai\s+đoạn|cả\s+năm|\d+\s+tháng\s+(?:đầu|cuối)\s+năm)$/iu;

/** A header part that names only a time or an aspect adds nothing to the metric. */
const ASPECT_ONLY =
  /^(?:tổng(?:\s+(?:cộng|số|cả\s+giai\s+đoạn|giai\s+đoạn|thời\s+kỳ))?|kế\s+hoạch|kh|chỉ\s+tiêu|(?:kết\s+quả\s+)?thực\s+hiện|th|ước(?:\s+(?:thực\s+hiện|tính|đạt|th))?|lũy\s+kế|luỹ\s+kế|so\s+sánh|tăng,?\s*giảm|cùng\s+kỳ|(?:so\s+với\s+)(?:cùng\s+kỳ|kế\s+hoạch|kh|dự\s+toán|năm\s+trước|tháng\s+trước|quý\s+trước|kỳ\s+trước)(?:\s+năm\s+(?:trước|\d{4}))?|số\s+lượng|giá\s+trị|kết\s+quả)$/iu;

function aspectOf(header: string, kind: FactKind): { aspect: Aspect; direction: 'up' | 'down' | null; evidence: string[] } {
  const h = header.toLocaleLowerCase('vi');
  if (/xếp\s+hạng|thứ\s+hạng/u.test(h)) return { aspect: 'rank', direction: null, evidence: ['table:aspect-rank'] };
  // (the column header says it, not the row: GUIDELINES' Tables — `Tỷ lệ` → share, otherwise level; a row `Tỷ lệ
  // hộ nghèo (%)` under `Ước thực hiện 2025` is a level; a share's header that says of what, `Tỷ lệ thực hiện so với kế
  // hoạch năm (%)`, `Tỷ lệ lũy kế so với kế hoạch năm (%)`, is a share all the same)
  if (kind === 'percent' && /(?:tỷ|tỉ)\s+(?:lệ|trọng)|chiếm|cơ\s+cấu/u.test(h)) return { aspect: 'share', direction: null, evidence: ['table:aspect-share'] };
  if (/lũy\s+kế|luỹ\s+kế|cộng\s+dồn/u.test(h)) return { aspect: 'cumulative', direction: null, evidence: ['table:aspect-cumulative'] };
  // `So với dự toán (%)`, `% KH`, `TH/KH (%)`, `TH 2025/KH 2025 (%)`, `So sánh QT/DT (%)`: attainment of a plan (a result over its plan or estimate)
  if (
    /so\s+với\s+(?:dự\s+toán|kế\s+hoạch|kh|chỉ\s+tiêu)(?![\p{L}])|%\s*(?:kh|kế\s+hoạch|dự\s+toán)(?![\p{L}])|(?<![\p{L}])(?:th|uth|ước\s+th|qt|thực\s+hiện|quyết\s+toán)(?:\s+(?:năm\s+)?\d{4})?\s*\/\s*(?:kh|dt|kế\s+hoạch|dự\s+toán)(?![\p{L}])/u.test(
      h,
    )
  )
    return { aspect: 'plan', direction: null, evidence: ['table:aspect-plan'] };
  // (`Tăng so với năm 2024 (%)`: a rise against any earlier time; `Tháng 12/2025 so với tháng 12/2024` is an index, a level)
  if (
    /so\s+sánh|tăng,?\s*giảm|tốc\s+độ\s+tăng|tăng\s+trưởng|chênh\s+lệch|so\s+với\s+(?:cùng\s+kỳ|năm\s+trước|tháng\s+trước|quý\s+trước|kỳ\s+trước)|^(?:tăng|giảm)\s+so\s+với/u.test(
      h,
    )
  ) {
    return {
      aspect: 'change',
      direction: /giảm/u.test(h) && !/tăng/u.test(h) ? 'down' : /tăng/u.test(h) && !/giảm/u.test(h) ? 'up' : null,
      evidence: ['table:aspect-change'],
    };
  }
  // (a ratio of two counts the header names, `Tỷ lệ giáo viên/lớp`, is one too)
  if (RATIO_HEADER.test(bare(header.split(' — ').pop() ?? ''))) return { aspect: 'share', direction: null, evidence: ['table:aspect-share'] };
  return { aspect: 'level', direction: null, evidence: [] };
}

/** A column of estimates (`Ước tháng 8/2025`, `Ước thực hiện năm 2025`, `Ước TH`). */
const ESTIMATE_COLUMN = /^ước(?![\p{L}])/iu;

function approxBefore(text: string, start: number): Approx {
  const before = text.slice(Math.max(0, start - 12), start).toLocaleLowerCase('vi');
  // \uF0B3 and \uF0A3: ≥ and ≤ of the Symbol font, as a PDF without a ToUnicode map gives them
  if (/(?:~|≈|khoảng|xấp\s*xỉ|gần)\s*$/u.test(before)) return 'about';
  if (/(?:≥|\uF0B3|>|>=|trên|hơn|tối\s+thiểu|ít\s+nhất)\s*$/u.test(before)) return 'more_than';
  if (/(?:≤|\uF0A3|<|<=|dưới|tối\s+đa|không\s+quá)\s*$/u.test(before)) return 'less_than';
  return 'none';
}

/** The unit written right after a figure in a cell: the lexicon's reading, a bracketed unit or a short unit token. */
function cellUnit(text: string, f: Figure): { info: UnitInfo; end: number } | undefined {
  const lower = lowerSameLength(text);
  const read = readUnit(text, lower, f.end, f.scaleWord);
  // a counted noun the lexicon knows (`420 học sinh`) is read whole, not its first word
  if (read && read.kind === 'count' && !read.evidence.includes('unit:guessed'))
    return { info: { unit: read.unit, baseUnit: read.baseUnit, kind: 'count', factor: 1 }, end: read.end };
  if (read && read.kind !== 'count') {
    const info = unitFromText(read.unit);
    if (info) return { info: { ...info, unit: read.unit, baseUnit: read.baseUnit, kind: read.kind }, end: read.end };
  }
  const m = UNIT_TOKEN.exec(text.slice(f.end));
  if (m && !NOT_UNITS.test(m[1])) {
    const written = f.scaleWord ? `${f.scaleWord} ${m[1]}` : m[1];
    const info = unitFromText(written);
    if (info && (info.kind !== 'count' || read))
      return { info: read && read.kind === 'count' ? { ...info, baseUnit: read.baseUnit } : info, end: f.end + m[0].length };
  }
  if (read) {
    const info = unitFromText(read.unit);
    if (info) return { info: { ...info, baseUnit: read.baseUnit, kind: read.kind }, end: read.end };
  }
  return undefined;
}

interface TableContext {
  doc: Document;
  table: Table;
  labels: TableLabels;
  /** Period of the caption or the introducing sentences, else of the section, else the report's. */
  fallbackPeriod: string;
  tableUnit?: UnitInfo;
}

/**
 * The period of the table as a whole: the caption, the last two sentences of the introduction,
 * the time set in the lead of the paragraph before it, the section, the report.
 */
function tablePeriod(doc: Document, table: Table, block: Block | undefined): string {
  for (const text of [table.caption, lastSentences(table.intro ?? '', 2)]) {
    if (!text) continue;
    // (read in the report's time: a school year over the months of the report's own, `năm học 2025-2026` in a
    // report whose school year runs from August)
    const mentions = findTimeMentions(text.toLocaleLowerCase('vi'), undefined, doc.metadata.reportPeriod);
    if (mentions.length > 0) return mentions[mentions.length - 1].period;
  }
  const led = block ? periodLedBefore(doc, block) : undefined;
  if (led !== undefined) return led;
  const byPath = new Map(doc.sections.map((s) => [s.path, s]));
  for (let p = block?.section ?? ''; p; p = p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '') {
    const period = byPath.get(p)?.period;
    if (period) return period;
  }
  return doc.metadata.reportPeriod ?? '';
}

/** How many paragraphs back an undated document's paragraph lead may set a table's time. */
const LEAD_REACH = 8;
/** A lead that sets the present (`Hiện nay, …`, `Đến nay, …`): later paragraphs and tables speak of now. */
const PRESENT_LEAD = /^(?:hiện\s+nay|hiện|đến\s+nay|tính\s+đến\s+nay|hiện\s+tại)\b/u;

/**
 * The time set in the lead of a sentence (before its first comma: `Tính đến 12/2021, …`, `Năm
 * 2020, …`) of the paragraph right before the table, as a sentence takes it from its paragraph's
 * lead. In an undated document (a study) a lead's time holds on for the paragraphs after it, so
 * the paragraphs further back are read too, up to another table, a heading, or a lead that
 * speaks of now. Undefined when no lead sets a time; '' when a lead sets the present in an undated document.
 */
function periodLedBefore(doc: Document, first: Block): string | undefined {
  const undated = !doc.metadata.reportPeriod;
  const at = doc.blocks.indexOf(first);
  let seen = 0;
  for (let i = at - 1; i >= 0 && seen < (undated ? LEAD_REACH : 1); i--) {
    const b = doc.blocks[i];
    if (b.role === 'furniture' || b.cell?.table === first.cell?.table) continue;
    if (b.cell || b.role === 'heading' || b.section !== first.section) break;
    const text = b.text.trim();
    // the caption, a unit note or a source line (`Nguồn: …`) is not the paragraph that introduces the table
    if (
      text === (doc.tables ?? []).find((t) => t.id === first.cell?.table)?.caption ||
      /^(?:nguồn|đơn vị|đvt)\b/iu.test(text) ||
      !/\p{L}{2,}.*[\s,]/u.test(text)
    )
      continue;
    seen++;
    const leads = sentenceLeads(text.toLocaleLowerCase('vi'));
    for (const lead of leads.reverse()) {
      if (undated && PRESENT_LEAD.test(lead)) return '';
      const mentions = findTimeMentions(lead);
      if (mentions.length > 0) return mentions[mentions.length - 1].period;
    }
  }
  return undefined;
}

/** The lead of each sentence: its words before the first comma, when a comma comes within a few words. */
function sentenceLeads(lower: string): string[] {
  return lower
    .split(/(?<=[.!?;])\s+/u)
    .map((s) => {
      // (a clause's comma, not a decimal one: `Riêng quý IV/2025 đạt 1.102,8 triệu kWh.` has no lead)
      const comma = s.search(/,(?!\d)/u);
      const lead = comma > 0 ? s.slice(0, comma) : '';
      return lead.split(/\s+/u).length <= 8 && !lead.includes('(') ? lead : '';
    })
    .filter((l) => l !== '');
}

function lastSentences(text: string, n: number): string {
  const parts = text.split(/(?<=[.!?;])\s+(?=\p{Lu}|-)/u);
  return parts.slice(-n).join(' ');
}

function round6(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/**
 * A cell's separator style: English when it writes a number only the English way reads
 * (`66.6`, `2.139 Gbps/ 66.6 Mbps`, `41.6%`) and none only the Vietnamese way reads (`36,28`).
 */
function cellStyle(text: string): 'vi' | 'en' {
  let en = 0;
  let vi = 0;
  for (const m of text.matchAll(/(?<![\p{L}\d.,])\d+(?:[.,]\d+)+/gu)) {
    const run = m[0];
    const last = run.slice(Math.max(run.lastIndexOf('.'), run.lastIndexOf(',')) + 1);
    if ((run.match(/\./g) ?? []).length === 1 && !run.includes(',') && last.length !== 3) en++;
    else if ((run.match(/,/g) ?? []).length === 1 && !run.includes('.') && last.length !== 3) vi++;
    else if (run.includes('.') && run.includes(',')) {
      if (run.lastIndexOf(',') > run.lastIndexOf('.')) vi++;
      else en++;
    }
  }
  return en > 0 && vi === 0 ? 'en' : 'vi';
}

/** Two figures joined by a dash with nothing else between them (`1600 – 1700 Mbps`) are one range. */
function joinRanges(text: string, figures: Figure[]): Figure[] {
  const out: Figure[] = [];
  for (const f of figures) {
    const prev = out[out.length - 1];
    if (prev && prev.shape === 'single' && f.shape === 'single' && /^\s*[-–—]\s*$/u.test(text.slice(prev.end, f.start)) && f.value > prev.value) {
      out[out.length - 1] = {
        ...prev,
        end: f.end,
        valueMax: f.value,
        shape: 'range',
        numbers: [...prev.numbers, ...f.numbers],
        scaleWord: f.scaleWord ?? prev.scaleWord,
        scale: f.scaleWord ? f.scale : prev.scale,
      };
      continue;
    }
    out.push(f);
  }
  return out;
}

/** A row label that names a place or a total rather than an indicator: proper names, `Tổng số`, `Toàn tỉnh`, `Cả nước`. */
export function namesWhere(label: string): boolean {
  const t = label.trim();
  if (!t) return false;
  // a total row: the word alone, or before a name (`Tổng số vùng TDMNPB`); `Tổng thu ngân sách` is an indicator
  const total = /^(?:tổng\s+số|tổng\s+cộng|tổng|cộng|toàn\s+(?:tỉnh|vùng|quốc|huyện)|cả\s+nước|chung)(?![\p{L}])\s*/iu.exec(t);
  const rest = total ? t.slice(total[0].length).replace(/^(?:cả\s+nước|toàn\s+\p{L}+|vùng|tỉnh)\s*/iu, '') : t;
  if (total && !rest) return true;
  // (a row named by its label columns together, `Vàm Kênh — Cửa Tiểu`: a station and its river, still names)
  const w = rest.split(/[\s,.&()\-–—/]+/u).filter(Boolean);
  return w.length > 0 && w.every((x) => /^\p{Lu}/u.test(x) || /^(?:và|tỉnh|thành|phố|huyện|vùng)$/u.test(x));
}

/** How many a rank column ranks among: `(trên 34 tỉnh, thành phố)`, `(/63)`, `trong 18 công ty` — the number and what is ranked. */
const RANK_AMONG = /(?:trên|trong\s+(?:số\s+)?|\/)\s*(\d{1,4})(?:\s+((?:\p{L}+[\s,]*)+?))?\s*\)?\s*$/iu;

/** A caption that titles results broken down by something: `Kết quả … theo ngành`, `Tình hình … theo địa bàn`. */
const RESULTS_CAPTION = /^(?:kết quả|tình hình)(?!\p{L})|(?<!\p{L})theo\s+\p{L}/iu;

/** Does a caption list several measures, one of which a column names (`Vốn FDI, lao động và tỷ lệ lấp đầy …` and `Lao động đến 30/11`)? */
function listsMeasures(caption: string, named: readonly string[]): boolean {
  const items = caption
    .toLocaleLowerCase('vi')
    .split(/\s*,\s*|\s+và\s+/u)
    .map((x) => x.trim());
  if (items.length < 2) return false;
  const column = named.join(' ').toLocaleLowerCase('vi');
  return items.some((x) => x.length > 1 && column.startsWith(x.split(/\s+/u).slice(0, 2).join(' ')));
}

/** The header of the (first) label column, the stub. */
function stubHeader(labels: TableLabels): string {
  const col = labels.roles.indexOf('label');
  return col >= 0 ? (labels.columnLabel[col] ?? '') : '';
}

/** Words of a label, folded to lower case, without the commonest function words. */
function labelWords(s: string): string[] {
  return s
    .toLocaleLowerCase('vi')
    .split(/[^\p{L}]+/u)
    .filter((w) => w.length > 1 && !/^(?:và|các|của|theo|từng)$/u.test(w));
}

/**
 * The measure a caption names broken down by the label column (`Số sản phẩm OCOP được công nhận năm 2026 theo xã, phường`
 * over a stub `Xã, phường` → `Số sản phẩm OCOP được công nhận`), its time left out; '' when the caption names no such
 * breakdown, or only titles results (`Kết quả …`, `Tình hình …`).
 */
export function measureByRows(caption: string | undefined, stub: string): string {
  const subject = captionSubject(caption);
  const at = subject.search(/\s+(?:phân\s+|chia\s+)?theo\s+(?=\p{L})/iu);
  if (at <= 0 || /^(?:kết quả|tình hình)(?!\p{L})/iu.test(subject)) return '';
  const by = new Set(labelWords(subject.slice(at)));
  if (!labelWords(stub).some((w) => by.has(w))) return '';
  return subject
    .slice(0, at)
    .replace(/\s+(?:(?:trong|của)\s+)?(?:năm|quý|tháng|giai đoạn)\s+[\dIVX][\dIVX/.\-–]*(?:\s+năm\s+\d{4})?(?![\p{L}\d])/giu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** The subject a caption names: `Bảng 2.1: Các nhà máy thủy điện công suất lớn` → `Các nhà máy thủy điện công suất lớn`. */
export function captionSubject(caption: string | undefined): string {
  return (caption ?? '')
    .replace(/^\s*(?:bảng|biểu|phụ\s+lục|table)\s*[\dIVXivx.]*\s*[:.\-–]?\s*/iu, '')
    .replace(/\s*\([^)]*\)\s*$/u, '')
    .trim();
}

/** A share header that says only that it is the attainment of a plan: `Tỷ lệ thực hiện so với kế hoạch năm`, `Tỷ lệ lũy kế so với KH`. */
const SHARE_OF_PLAN =
  /^(?:tỷ|tỉ)\s+lệ\s+(?:(?:thực\s+hiện|th|lũy\s+kế|luỹ\s+kế|hoàn\s+thành|đạt)\s+)?(?:so\s+với\s+)?(?:kế\s+hoạch|kh|dự\s+toán|chỉ\s+tiêu)(?:\s+(?:cả\s+)?năm)?(?:\s+\d{4})?$/iu;

/**
 * What a column header says: the period its time part names, and the parts that name what is
 * measured (not a time, not an aspect alone: `Băng tần C-Band`, `Chỉ số PCI — Điểm số`).
 */
const ASPECT_LEAD = /^(?:ước(?:\s+(?:thực\s+hiện|tính|đạt))?|thực\s+hiện|kế\s+hoạch|lũy\s+kế|luỹ\s+kế|chỉ\s+tiêu)\s+/iu;

/** The base of an index in a header: `Tháng trước = 100`, `(cùng kỳ = 100)`, `Kỳ gốc 2019 = 100`. */
const INDEX_BASE = /\(\s*[^()=]{1,40}=\s*100\s*\)|(?:^|(?<=\s))[^()=—]{1,40}=\s*100(?![\d,.])/gu;

function readColumn(columnLabel: string, allLabels: string[], tablePeriod?: string): { period?: string; span: boolean; named: string[] } {
  let period: string | undefined;
  let span = false;
  const named: string[] = [];
  // the century of two-digit year spans (`10-15`), from a four-digit year in any column header
  const century = /(?<!\d)(19|20)\d\d(?!\d)/u.exec(allLabels.join(' '))?.[1];
  // (`Tháng 12/2025 so với tháng 12/2024`: the time compared is the column's, the base's is not)
  // (nor the base of an index, `Tháng 12 năm trước = 100`, `Bình quân 8 tháng (cùng kỳ = 100)`: the cells are of the table's time)
  const parts = columnLabel
    .split(' — ')
    // (`Tăng so với năm học trước (em)`, `so với kỳ trước`, `so với cùng vụ`: the base, said without a number)
    .map((p) =>
      p
        .replace(/\s+so\s+với\s+(?:cùng\s+(?:kỳ|vụ)|kỳ\s+(?:gốc|trước)|(?:tháng|quý|năm(?:\s+học)?|vụ|học\s+kỳ)\s+(?:\S*\d|trước|liền\s+kề))[^—]*$/iu, '')
        .replace(INDEX_BASE, ' '),
    );
  for (const part of parts.filter((p) => p.trim() !== '')) {
    // `Ước 9 tháng 2024`, `Thực hiện năm 2023`, `Kế hoạch 2025`: an aspect word, then the period
    const lead = ASPECT_LEAD.exec(bare(part));
    const p =
      periodOfHeader(bare(part), century, /tăng|tốc\s+độ/iu.test(columnLabel), tablePeriod) ??
      (lead ? periodOfHeader(bare(part).slice(lead[0].length), century, false, tablePeriod) : undefined);
    if (p) {
      period = p.period;
      span = p.span;
      // (what a header names before its time stays: `Điểm TB năm 2025` is the average score, of 2025)
      // (not a share's word, `Tỷ trọng 9 tháng 2025`: a percentage says it)
      let rest = bare(part)
        .replace(/\s*(?:năm\s+|\s*[/.-]\s*)?(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?\s*$/u, '')
        .replace(/\s*(?:\d+\s+tháng(?:\s+(?:đầu|cuối)\s+năm)?|tháng\s+\d+|quý\s+[ivx\d]+|năm)\s*$/iu, '')
        .trim();
      // (a time said in words inside the header, `Cây cắt tỉa trong quý`: the words around it name the measure)
      const said = rest === bare(part) ? findTimeMentions(lowerSameLength(rest), periodYear(tablePeriod), tablePeriod) : [];
      if (said.length === 1)
        rest = `${rest.slice(0, said[0].start)} ${rest.slice(said[0].end)}`
          .replace(/\([^()]*\)/gu, ' ')
          .replace(/\s+/gu, ' ')
          .trim();
      const kept = rest && rest !== bare(part) && /\p{L}/u.test(rest) && !ASPECT_ONLY.test(rest) && !ASPECT_LEAD.test(rest) && !TIME_ONLY.test(rest);
      if (kept && !/^(?:(?:tỷ|tỉ)\s+(?:trọng|lệ)|cơ\s+cấu)$/iu.test(rest)) named.push(rest);
    } else if (SHARE_OF_PLAN.test(bare(part))) {
      // (`Tỷ lệ thực hiện so với kế hoạch năm`: an aspect said as a share — of the row's own measure, which it names no more than `% KH`)
    } else if (!ASPECT_ONLY.test(bare(part))) named.push(bare(part));
    else if (/(?:tỷ|tỉ)\s+lệ/iu.test(part)) named.push(bare(part));
  }
  return { period, span, named };
}

/** A cell that is one figure with at most its unit (`1 Mbit/s`, `≥ 95%`): a value even in a label column. */
const ONE_FIGURE = /^[\p{Co}\s]*[~≈<>≤≥+\-–−]?\s*\d[\d.,]*\s*(?:%|[\p{L}][\p{L}\d/²³%]*)?$/u;

/** A row label longer than this many words is running text, not a name to add to a sentence's metric. */
const ROW_NAME_WORDS = 12;

/** A column of prices (`Giá bán`, `Đơn giá`, `Giá bình quân`): its figures are money per the row's unit. */
const PRICE_HEADER = /(?:^|—\s*)(?:đơn\s+giá|giá)(?![\p{L}])/iu;

/**
 * The unit of a price in a row whose unit column names what is sold (`m3`, `bộ`, `tấn`): money
 * per that unit (`đồng/m3`, base `VND/m3`), in the header's money unit when it gives one
 * (`Đơn giá (nghìn đồng)` → `nghìn đồng/tấn`). Undefined when the row's unit is money already.
 */
function pricePer(rowUnit: string, headerUnit: UnitInfo | undefined): UnitInfo | undefined {
  const per = rowUnit.replace(/\s+/gu, ' ').trim();
  if (!per || unitFromText(per)?.kind === 'money' || per.includes('%')) return undefined;
  const money = headerUnit?.kind === 'money' ? headerUnit : { unit: 'đồng', baseUnit: 'VND', factor: 1 };
  // a unit cell merged over several rows (`lít kg kg lít`) says no one unit: money, per what unknown
  if (per.split(' ').length > 2) return { unit: money.unit, baseUnit: money.baseUnit, kind: 'money', factor: money.factor };
  return { unit: `${money.unit}/${per}`, baseUnit: `${money.baseUnit}/${per}`, kind: 'money', factor: money.factor };
}

/**
 * The period a row label that is only a time names (`Quý I/2025`, `Tháng 10/2025`, `Năm 2024`; `Tháng 01` in the year
 * of the table's period), or undefined.
 */
function timeOfRow(label: string, tablePeriod: string): string | undefined {
  const lower = label.toLocaleLowerCase('vi');
  const year = Number(tablePeriod.replace(/^@/u, '').slice(0, 4));
  const known = Number.isInteger(year) && year > 1900;
  // (`Cộng 10 tháng`, `Lũy kế 9 tháng`: the months from January of the table's year)
  const months = /^(?:(?:tổng cộng|cộng|lũy kế)\s+)?(\d{1,2})\s+tháng$/u.exec(lower.trim());
  if (months && known && Number(months[1]) >= 2 && Number(months[1]) <= 12) return `${year}-01..${year}-${months[1].padStart(2, '0')}`;
  // (a bare year under a stub header `Năm`: `2021`, `2022` …)
  const bareYear = /^(\d{4})$/u.exec(lower.trim());
  if (bareYear && Number(bareYear[1]) > 1900 && Number(bareYear[1]) < 2100) return bareYear[1];
  const mentions = findTimeMentions(lower, known ? year : undefined);
  if (mentions.length !== 1) return undefined;
  const rest = `${lower.slice(0, mentions[0].start)} ${lower.slice(mentions[0].end)}`;
  // (a total row of times, `Cộng 10 tháng`, `Lũy kế 10 tháng`, is the span they make)
  return /\p{L}{2,}/u.test(rest.replace(/(?<!\p{L})(?:tổng cộng|cộng|lũy kế)(?!\p{L})/gu, ' ')) ? undefined : mentions[0].period;
}

/** Facts of one figure cell. */
function cellFacts(ctx: TableContext, cell: TableCell, block: Block): Fact[] {
  const { table, labels } = ctx;
  const text = ctx.doc.text.slice(cell.start ?? 0, cell.end ?? 0);
  const lower = lowerSameLength(text);
  const rowLabel = labels.rowLabel.get(cell.row) ?? '';
  const columnLabel = labels.columnLabel[cell.col] ?? '';
  const { period, span, named } = readColumn(columnLabel, labels.columnLabel, ctx.fallbackPeriod);
  const headerUnit = bracketUnit(columnLabel);
  const priceColumn = PRICE_HEADER.test(columnLabel);
  const rowUnitText = labels.rowUnit.get(cell.row);
  const rowUnit = rowUnitText ? unitFromText(rowUnitText) : bracketUnit(rowLabel);
  // a row that names a place or a total (`Bắc Trung Bộ`, `Lào Cai`, `Tổng số`) says where, not what:
  // what is measured is then the table's subject, from its caption (`Bảng 2.1: Các nhà máy thủy điện …`)
  const where = namesWhere(bare(rowLabel));
  // (not when the column names it and the caption only titles a breakdown of results: `Công Thương — Số cơ sở vi phạm`
  // under `Kết quả thanh tra … năm 2025 theo ngành`)
  // (nor when the caption lists the measures its columns hold, each column one of them: `Vốn FDI, lao động và tỷ lệ lấp đầy
  // của một số khu công nghiệp` over `Lao động đến 30/11`)
  // (columns of classes named by a number, `3 sao`, `4 sao`, measure nothing themselves)
  const classColumns = named.length > 0 && named.every((n) => /^\d/u.test(n.trim()));
  const columnNamesMeasure =
    named.length > 0 && !classColumns && (RESULTS_CAPTION.test(captionSubject(table.caption)) || listsMeasures(captionSubject(table.caption), named));
  // a caption that names a measure broken down by what the label column lists (`Khối lượng hàng hóa thông qua theo nhóm
  // mặt hàng` over `Nhóm mặt hàng`: `Than, quặng`) gives the rows' measure when no column names one
  const byRows = named.length === 0 || classColumns ? measureByRows(table.caption, stubHeader(labels)) : '';
  // (a total row under a caption of a measure broken down by the label column names that measure, not the breakdown: `Khái toán kinh
  // phí theo nguồn vốn và năm` over `Nguồn vốn` → `Khái toán kinh phí — Tổng cộng`)
  const subject = (where && !columnNamesMeasure ? byRows || captionSubject(table.caption) : '') || byRows;
  // an attribute row (`Quy mô`) under a stub header that names its subject (`Nội dung thử nghiệm`)
  const row = where ? bare(rowLabel) : withStubSubject(bare(rowLabel), labels.stubSubject);
  // a row that is a time (`Quý I/2025`, `Tháng 10/2025`, under a stub such as `Kỳ báo cáo`) dates its cells when the
  // column names none, and names no measure: what is measured is the column's, else the caption's
  const rowTime = period ? undefined : timeOfRow(bare(rowLabel), ctx.fallbackPeriod);
  const metric = rowTime
    ? (named.length ? named : [captionSubject(table.caption)]).filter((x) => x).join(' — ')
    : [subject, row, ...named].filter((x) => x).join(' — ');
  const figures = joinRanges(text, groupFigures(text, findNumbers(text, { style: cellStyle(text) })));
  const facts: Fact[] = [];
  let lastEnd = 0;
  for (const f of figures) {
    if (f.start < lastEnd) continue;
    const reason = rejectReason(text, lower, f, false);
    // a cell that is only a length of time (`18 tháng`) is a duration, not the time of something
    if (reason && reason !== 'reject:list-label' && !(reason === 'reject:period' && DURATION_CELL.test(text.trim()))) continue;
    // a bare year in a data cell is a time, not a measure (`2024-2025` in a schedule column)
    if (f.form === 'digits' && f.scale === 1 && /^(?:19|20)\d\d$/u.test(text.slice(f.start, f.end).trim()) && !headerUnit && !rowUnit) continue;
    const own = cellUnit(text, f);
    // a column that declares a percentage (`So với cùng kỳ (%)`) is one whatever the row's unit column says
    const inherited =
      (headerUnit?.kind === 'percent' ? headerUnit : undefined) ??
      (rowUnitText && priceColumn ? pricePer(rowUnitText, headerUnit) : undefined) ??
      (rowUnitText && rowUnit
        ? rowUnit
        : (headerUnit ??
          rowUnit ??
          countedNoun(columnLabel) ??
          scoreUnit(columnLabel) ??
          ratioUnit(columnLabel) ??
          siblingUnit(siblings(table, cell, labels), ctx.doc) ??
          ctx.tableUnit));
    const info: UnitInfo | undefined = own?.info ?? inherited;
    const evidence = [...f.evidence, 'table:cell', own ? 'unit:cell' : inherited ? 'unit:table-header' : 'unit:none'];
    // a percent sign in the cell, or `%` in the header
    if (!info) evidence.push('metric:unit-missing');
    const end = own ? own.end : f.end;
    const kind: FactKind = f.of !== null ? 'ratio' : (info?.kind ?? 'count');
    // the cell's own unit carries its scale word (`1,3 triệu tài khoản`); an inherited one does not
    const scale = own || info?.kind === 'percent' ? 1 : f.scaleWord ? f.scale : 1;
    const base = round6(f.value * (info?.kind === 'percent' ? 1 : (info?.factor ?? 1)) * scale);
    if (!Number.isFinite(base)) continue;
    const aspect = aspectOf(columnLabel, kind);
    // a rank column that says among how many (`Xếp hạng năm 2025 (trên 34 tỉnh, thành phố)`, `Thứ hạng (/63)`)
    const among = aspect.aspect === 'rank' && f.of === null && !info ? RANK_AMONG.exec(columnLabel) : null;
    let factPeriod = period ?? rowTime ?? ctx.fallbackPeriod;
    // a level in a column that names a span is the value at the span's end (capacity `@2015-12`, output `2015`)
    if (period && span && aspect.aspect === 'level') factPeriod = stockOf(period);
    if (labels.totalRows.has(cell.row)) evidence.push('table:total-row');
    // a cell that opens with a minus sign right before its only figure (`-17,8`, `− 3,2`): below zero — in a column of rises
    // and falls, a fall
    const minus = figures.length === 1 && /^\s*[-−–]\s?$/u.test(text.slice(0, f.start)) ? /[-−–]/u.exec(text)?.index : undefined;
    const sign = minus === undefined ? 1 : -1;
    if (sign < 0) evidence.push('value:negative');
    const quoteStart = minus ?? f.start;
    facts.push({
      value: sign * f.value,
      unit: info?.unit ?? among?.[2]?.trim() ?? '',
      base_value: sign * base,
      base_unit: info?.baseUnit ?? among?.[2]?.trim().toLocaleLowerCase('vi') ?? '',
      of: f.of ?? (among ? Number(among[1]) : null),
      value_max: f.valueMax,
      kind,
      aspect: aspect.aspect,
      direction: aspect.aspect === 'change' && aspect.direction === null ? (sign < 0 ? 'down' : f.value > 0 ? 'up' : null) : aspect.direction,
      approx: approxBefore(text, f.start) === 'none' && ESTIMATE_COLUMN.test(columnLabel) ? 'estimate' : approxBefore(text, f.start),
      metric,
      metric_id: null,
      period: factPeriod,
      quote: text.slice(quoteStart, end).trim(),
      prov: {
        source: ctx.doc.source.name,
        page: cell.page,
        start: (cell.start ?? 0) + quoteStart,
        end: (cell.start ?? 0) + end,
        ...(cell.bbox ? { bbox: cell.bbox } : {}),
      },
      section: block.section,
      // (scored by the score stage, as every fact)
      confidence: 0,
      evidence: [...evidence, ...aspect.evidence],
      row: rowLabel,
      column: columnLabel,
    });
    lastEnd = end;
  }
  return facts;
}

/** The other data cells of a cell's row and column. */
function siblings(table: Table, cell: TableCell, labels: TableLabels): TableCell[] {
  return table.cells.filter(
    (c) => c !== cell && c.row >= table.headerRows && labels.roles[c.col] === 'data' && (c.row === cell.row || c.col === cell.col) && c.start !== undefined,
  );
}

/** Is this cell's text a figure (or figures) with units, not running text? */
function isFigureCell(text: string): boolean {
  const t = text.trim();
  if (!LEADS_WITH_FIGURE.test(t)) return false;
  const words = t.replace(/\([^)]*\)/gu, ' ').match(/\p{L}{2,}/gu) ?? [];
  return words.length <= 8 && !/[.;:]\s+\p{Lu}/u.test(t);
}

/** Cells of the table's data columns below the header, each once, row by row. */
function dataCells(table: Table, labels: TableLabels): TableCell[] {
  return table.cells
    .filter(
      (c) =>
        c.row >= table.headerRows &&
        labels.roles[c.col] === 'data' &&
        !labels.groupRows.has(c.row) &&
        !labels.repeatedHeader.has(c.row) &&
        c.start !== undefined &&
        !isEmptyCell(c.text),
    )
    .sort((a, b) => a.row - b.row || a.col - b.col);
}

/** Facts of every table of the document, and the blocks they cover. */
export function extractTableFacts(doc: Document): TableFactsResult {
  const facts: Fact[] = [];
  const handled = new Set<number>();
  const blocksOf = new Map<string, Block[]>();
  for (const b of doc.blocks) {
    if (!b.cell) continue;
    const key = `${b.cell.table}:${b.cell.row}:${b.cell.col}`;
    blocksOf.set(key, [...(blocksOf.get(key) ?? []), b]);
  }
  for (const table of doc.tables ?? []) {
    const cellBlocks = (c: TableCell): Block[] => blocksOf.get(`${table.id}:${c.row}:${c.col}`) ?? [];
    // the admin header laid out as a table is front matter, not data
    if (!table.cells.some((c) => cellBlocks(c).some((b) => b.role === 'table'))) continue;
    const labels = readLabels(table);
    const first = table.cells.map(cellBlocks).find((bs) => bs.length > 0)?.[0];
    const ctx: TableContext = {
      doc,
      table,
      labels,
      fallbackPeriod: tablePeriod(doc, table, first),
      tableUnit: table.unit ? unitFromText(table.unit) : undefined,
    };
    // header cells, row numbers, codes, units and time columns are never facts
    for (const c of table.cells) {
      const role = labels.roles[c.col];
      // a note across the foot of the table (`Danh sách có 09 trường …`) in the STT column is not a row number
      const rowNumber = role === 'number' && (ROW_NUMBER.test(c.text.trim()) || (c.text.match(/\p{L}+/gu) ?? []).length < 3);
      // beside figure columns, a number in a row's label is part of its name or description (`Cửa đi 2 cánh`,
      // `Trục phi 113,5 mm`); a table of text alone (provisions compared, a schedule) is read as text
      const name = role === 'label' && labels.roles.includes('data') && !ONE_FIGURE.test(c.text.trim());
      if (
        c.row < table.headerRows ||
        rowNumber ||
        name ||
        role === 'code' ||
        role === 'unit' ||
        role === 'time' ||
        role === 'note' ||
        labels.groupRows.has(c.row) ||
        labels.repeatedHeader.has(c.row)
      ) {
        for (const b of cellBlocks(c)) handled.add(b.id);
      }
    }
    for (const cell of dataCells(table, labels)) {
      const blocks = cellBlocks(cell).filter((b) => b.role === 'table');
      if (blocks.length === 0 || !isFigureCell(cell.text)) continue;
      facts.push(...cellFacts(ctx, cell, blocks[0]));
      for (const b of blocks) handled.add(b.id);
    }
  }
  return { facts, handled };
}

/**
 * Facts the sentence extractor found in table cells of running text: the row and column they
 * belong to, and the row's label in front of their metric (`… — Viettel`).
 */
export function annotateCellFacts(doc: Document, facts: Fact[]): Fact[] {
  const tables = doc.tables ?? [];
  if (tables.length === 0) return facts;
  const labels = new Map(tables.map((t) => [t.id, readLabels(t)]));
  return facts.map((f) => {
    for (const t of tables) {
      if (t.start === undefined || t.end === undefined || f.prov.start < t.start || f.prov.start >= t.end) continue;
      const cell = t.cells.find((c) => c.start !== undefined && c.end !== undefined && c.start <= f.prov.start && f.prov.start < c.end);
      const l = labels.get(t.id);
      if (!cell || !l) return f;
      // a note written across the foot of the table (`Danh sách có 09 trường …`) is a sentence, not a cell of a row
      if (l.roles[cell.col] === 'number') return f;
      const row = l.rowLabel.get(cell.row) ?? '';
      const column = l.columnLabel[cell.col] ?? '';
      // the row's label, and the column's where it names what is measured (`Băng tần C-Band`), unless the sentence said them
      const said = f.metric.toLocaleLowerCase('vi');
      const named = l.roles[cell.col] === 'data' ? readColumn(column, l.columnLabel).named : [];
      // a row label that is itself running text (a table of text alone) names nothing short enough to add
      const rowName = row.split(/\s+/u).length <= ROW_NAME_WORDS ? row : '';
      const add = [rowName, ...named].filter((x) => x && !said.includes(x.toLocaleLowerCase('vi')));
      const metric = [f.metric, ...add].filter((x) => x).join(' — ');
      return { ...f, metric, row, column, evidence: [...f.evidence, 'table:running-text'] };
    }
    return f;
  });
}
