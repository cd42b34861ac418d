import { z } from '../../schemas/zod.js';
import type { Block, Document, Section } from '../../schemas/document.js';
import { parseOptions, type Stage } from '../core/stage.js';
import type { SourceFile } from '../core/source-file.js';
import {
  bracketedMoment,
  firstPeriod,
  fromNowPeriod,
  horizonYear,
  periodYear,
  withoutComparisonBase,
  planSpan,
  schoolTerm,
  schoolYearStart,
  yearToDateHeading,
} from '../text/period-words.js';
import { WORK_SEASON_NAMES } from '../text/crop-seasons.js';
import { pad2 } from '../text/zero-pad.js';
import { type EmbeddedStart, embeddedStart } from './embedded-document.js';
import { DEFAULT_SEGMENTER, HeadingSegmenter, type HeadingDecision } from './heading-segmenter.js';
import { normalizeTitle } from './section-title.js';
import { titleContinuation } from './title-continuation.js';

/**
 * A heading's year in a report whose figures run over a window that ends in that year (`I. KẾT QUẢ … NĂM 2025`
 * under `Số liệu tính từ ngày 15/12/2024 đến ngày 14/12/2025`) is that window: the report's year, as it counts it;
 * so is a heading's span of months that ends where the window does.
 */
function yearAsWindow(period: string, reportPeriod: string | undefined): string {
  const w = /^(\d{4})-(\d{2})\.\.(\d{4})-(\d{2})$/u.exec(reportPeriod ?? '');
  if (!w || (w[2] === '01' && (w[4] === '12' || w[1] === w[3]))) return period;
  const months = (Number(w[3]) - Number(w[1])) * 12 + Number(w[4]) - Number(w[2]) + 1;
  // (a span of as many whole years as a term bounded in months has, `NHIỆM KỲ 2026-2031` under `2021-07..2026-06`: the same
  // months in its years, `2026-07..2031-06`)
  const years = /^(\d{4})-01\.\.(\d{4})-12$/u.exec(period);
  if (years && w[2] !== '01' && Number(years[2]) - Number(years[1]) === Number(w[3]) - Number(w[1]) && w[3] !== w[1])
    return `${years[1]}-${w[2]}..${years[2]}-${w[4]}`;
  if (/^\d{4}$/u.test(period)) return w[3] === period && months >= 11 && months <= 14 ? (reportPeriod ?? period) : period;
  // (a span of months that ends where the window does, a month shorter or longer: `6 THÁNG ĐẦU NĂM 2025` under
  // `tính từ ngày 16/12/2024 đến ngày 15/6/2025`)
  const p = /^(\d{4})-(\d{2})\.\.(\d{4})-(\d{2})$/u.exec(period);
  if (!p || `${p[3]}-${p[4]}` !== `${w[3]}-${w[4]}`) return period;
  const own = (Number(p[3]) - Number(p[1])) * 12 + Number(p[4]) - Number(p[2]) + 1;
  return Math.abs(own - months) <= 1 ? (reportPeriod ?? period) : period;
}

/** A term named without its school year (`III. PHƯƠNG HƯỚNG HỌC KỲ II`): of the report's own school year, or of its term's. */
function termOf(title: string, reportPeriod: string | undefined): string | undefined {
  const m = /(?<![\p{L}])học\s+kỳ\s+(ii|i|[12])(?![\p{L}\d])/iu.exec(title);
  const first = m ? schoolYearStart(reportPeriod) : undefined;
  return m && first !== undefined ? schoolTerm(m[1].toLocaleLowerCase('vi'), first) : undefined;
}

const WORK_SEASON_YEARS = new RegExp(`(?<![\\p{L}])(?:${WORK_SEASON_NAMES})\\s+(\\d{4})\\s*[-–]\\s*(\\d{4})(?!\\d)`, 'iu');

/**
 * A season or working year named by its two years (`KẾT QUẢ NIÊN VỤ 2025-2026`, `KẾ HOẠCH NIÊN VỤ 2026-2027`) in a report whose
 * own time is such a season bounded in months (`2025-11..2026-04`, from the dates its first paragraph gives): the report's months,
 * moved by as many years as the heading's season is after the report's.
 */
function seasonOf(title: string, reportPeriod: string | undefined): string | undefined {
  const m = WORK_SEASON_YEARS.exec(title);
  const w = /^(\d{4})-(\d{2})\.\.(\d{4})-(\d{2})$/u.exec(reportPeriod ?? '');
  if (!m || !w || Number(m[2]) !== Number(m[1]) + 1 || Number(w[3]) !== Number(w[1]) + 1) return undefined;
  const shift = Number(m[1]) - Number(w[1]);
  return Math.abs(shift) <= 5 ? `${Number(w[1]) + shift}-${w[2]}..${Number(w[3]) + shift}-${w[4]}` : undefined;
}

const SUMMER_YEAR = /(?<![\p{L}])(?<!vỉa\s)hè\s+(?:năm\s+)?(\d{4})(?!\d)/iu;

/**
 * A summer named with its year (`5. PHƯƠNG HƯỚNG HÈ NĂM 2027`) in a report of a summer bounded in months (`Tổng kết hoạt động hè
 * năm 2026`, `2026-06..2026-08` from the dates its first paragraph gives): the same months of the heading's year.
 */
function summerOf(title: string, doc: Document): string | undefined {
  const m = SUMMER_YEAR.exec(title);
  const w = /^(\d{4})-(\d{2})\.\.(\d{4})-(\d{2})$/u.exec(doc.metadata.reportPeriod ?? '');
  const own = SUMMER_YEAR.exec(doc.metadata.title ?? '');
  if (!m || !w || !own || w[1] !== w[3] || own[1] !== w[1] || m[1] === w[1]) return undefined;
  return `${m[1]}-${w[2]}..${m[1]}-${w[4]}`;
}

/** The month a report speaks of as now: its period's last month, or the month it was issued when that came first. */
function nowOf(doc: Document): string | undefined {
  const end = /(\d{4}-\d{2})$/u.exec((doc.metadata.reportPeriod ?? '').replace(/^@/u, ''))?.[1];
  const issued = doc.metadata.issueDate?.slice(0, 7);
  return end && issued && issued < end ? issued : (end ?? issued);
}

/** `Tính đến ngày 31/10/2026,` opening one of the first paragraphs of a section: the year to that month, where it is not after `issued`. */
function yearToMoment(next: readonly Block[], issued: string): string | undefined {
  for (const b of next) {
    const m = /^\s*(?:[-+•]\s*)?(?:tính\s+)?(?:đến|tới)\s+(?:hết\s+)?ngày\s+\d{1,2}\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*,/iu.exec(b.text);
    if (!m) continue;
    const at = `${m[2]}-${pad2(Number(m[1]))}`;
    if (Number(m[1]) < 1 || Number(m[1]) > 12 || at > issued) return undefined;
    return at.endsWith('-01') ? at : `${m[2]}-01..${at}`;
  }
  return undefined;
}

/** A plan, or a document of what is to be done that sets targets as a plan does: a scheme (`ĐỀ ÁN`), a programme, a project plan. */
function planLike(doc: Document): boolean {
  return doc.metadata.reportType === 'kế hoạch' || /^(?:ĐỀ ÁN|PHƯƠNG ÁN|CHƯƠNG TRÌNH)(?![\p{L}])/u.test(doc.metadata.title ?? '');
}

/** A period of several whole years (`2021-01..2025-12`): a report of a span, as a multi-year review is. */
const MULTI_YEAR = /^(\d{4})-01\.\.(?!\1)\d{4}-12$/;
/** A report of a span of years: whole years (`2021-01..2025-12`), or a term bounded in months over more than two (`2021-07..2026-06`). */
function multiYear(period: string): boolean {
  const m = /^(\d{4})-\d{2}\.\.(\d{4})-\d{2}$/u.exec(period);
  return MULTI_YEAR.test(period) || (!!m && Number(m[2]) - Number(m[1]) >= 3);
}

/**
 * The segment stage: fills `doc.sections` (the heading tree from numbering) and sets
 * `block.role` (`heading`, `item` for `-`/`+` bullets, `body`) and `block.section` (the path of
 * the section the block is in). Blocks that normalize kept out of the body (admin header,
 * title, addressee, closing, furniture) stay in section ''.
 */

export const SegmentOptions = z
  .object({
    romanGap: z.number().int().min(0).max(5).default(DEFAULT_SEGMENTER.romanGap),
    arabicGap: z.number().int().min(0).max(5).default(DEFAULT_SEGMENTER.arabicGap),
    letterGap: z.number().int().min(0).max(5).default(DEFAULT_SEGMENTER.letterGap),
    /** Headings longer than this (task items that are whole sentences) get no period. */
    periodTitleMax: z.number().int().positive().default(160),
    /** Headings decided with less confidence than this are listed in a warning: the tree should be checked. */
    doubtBelow: z.number().min(0).max(1).default(0.6),
  })
  .strict();
export type SegmentOptions = z.input<typeof SegmentOptions>;

const BULLET = /^(?:[-+•–*]\s*\S|\+\S)/u;
const OUTSIDE: ReadonlySet<Block['role']> = new Set(['admin-header', 'title', 'addressee', 'closing', 'furniture']);

/** Levels named by a word (`Phần I`, `Chương II`, `Mục 1`, `Điều 2`), whose title may stand on the next line. */
function isStructural(decision: HeadingDecision): boolean {
  return ['part', 'chapter', 'division', 'article'].includes(decision.label.kind);
}

/**
 * A document under an annex heading before any heading of the annex (`Phụ lục 2 — ĐỀ CƯƠNG BÁO CÁO`,
 * then a report form's motto and `BÁO CÁO`): the annex's own content, a template, not a second
 * document beside it — its headings belong to the annex.
 */
function formOfAnnex(embedded: EmbeddedStart, sections: readonly Section[]): boolean {
  const last = sections[sections.length - 1];
  return !embedded.label.startsWith('Phụ lục') && last?.kind === 'document' && last.label.startsWith('Phụ lục');
}

/**
 * A heading of what is ahead — a forecast, targets, tasks, recommendations — with a horizon after the report's own time
 * (`III. DỰ BÁO VÀ KIẾN NGHỊ ĐẾN NĂM 2030` in a study of 2015–2025): its figures are for that year, in any document.
 */
const FORWARD = /(?<!\p{L})(?:dự báo|mục tiêu|định hướng|phương hướng|kiến nghị|đề xuất|nhiệm vụ|giải pháp|tầm nhìn)(?!\p{L})/iu;
function forwardHorizon(title: string, reportPeriod: string | undefined): boolean {
  const year = horizonYear(title);
  const own = periodYear(reportPeriod);
  return year !== undefined && own !== undefined && Number(year) > own && FORWARD.test(title);
}
const PRESENT_STATE = /^(?:thực trạng|hiện trạng|tình hình hiện nay|đánh giá thực trạng)(?![\p{L}])/iu;

export function createSegmentStage(options?: SegmentOptions): Stage {
  const opts = parseOptions('segment', SegmentOptions, options);
  return (doc: Document, file: SourceFile): Document => {
    const segmenter = new HeadingSegmenter({ romanGap: opts.romanGap, arabicGap: opts.arabicGap, letterGap: opts.letterGap });
    const year = periodYear(doc.metadata.reportPeriod) ?? periodYear(doc.metadata.issueDate);
    const sections: Section[] = [];
    const byPath = new Map<string, Section>();
    // the reader gives typography when some body paragraph is bold: then plain type is evidence too
    const typography = doc.blocks.some((b) => b.bold === true && !OUTSIDE.has(b.role));
    const doubtful: string[] = [];
    let lead = false;
    let titleTaken = -1;
    const blocks: Block[] = [];
    for (let i = 0; i < doc.blocks.length; i++) {
      const b = doc.blocks[i];
      if (OUTSIDE.has(b.role)) {
        blocks.push({ ...b, section: '' });
        continue;
      }
      const block: Block = { ...b };
      const considered = (b.role === 'body' || b.role === 'heading') && !b.cell && i > titleTaken;
      const embedded = considered ? embeddedStart(doc.blocks, i) : undefined;
      if (embedded && !segmenter.has(embedded.label) && !formOfAnnex(embedded, sections)) {
        const root: Section = {
          path: embedded.label,
          label: embedded.label,
          level: 0,
          kind: 'document',
          title: normalizeTitle(embedded.title),
          page: b.prov.page,
          prov: { ...b.prov },
          end: b.prov.end,
          confidence: 0.7,
        };
        segmenter.restart({ kind: 'document', label: embedded.label, written: embedded.label, value: 1, rest: embedded.title, sep: '' }, embedded.label);
        sections.push(root);
        byPath.set(root.path, root);
        block.role = 'heading';
        titleTaken = i + embedded.titleBlocks;
        file.info(`a second document starts here (${embedded.label}): its headings form their own tree`, 'segment:embedded-document', {
          page: b.prov.page,
          start: b.prov.start,
          end: b.prov.end,
        });
      } else {
        const decision = considered
          ? segmenter.consider({ text: b.text, bold: b.bold, typography, afterLead: lead, numbered: b.label !== undefined, ocr: b.ocrConfidence !== undefined })
          : undefined;
        if (decision) {
          let title = normalizeTitle(decision.label.rest);
          // a wrapped title goes on in the lines under it; `Phần I` alone on its line has its title on the next
          const more = titleContinuation(doc, doc.blocks, i);
          if (more) title = normalizeTitle(`${decision.label.rest} ${more}`);
          else if (title === '' && isStructural(decision)) {
            const next = doc.blocks[i + 1];
            if (next && next.role === 'body' && !next.cell && next.text.length <= 200 && !/[.;]$/u.test(next.text.trim())) {
              title = normalizeTitle(next.text);
              titleTaken = i + 1;
            }
          }
          const section: Section = {
            path: decision.path,
            label: decision.label.label,
            level: decision.level,
            kind: decision.label.kind,
            title,
            page: b.prov.page,
            prov: { ...b.prov },
            end: b.prov.end,
            confidence: decision.confidence,
          };
          // in a plan, a heading's horizon names the year its targets are for (`3. Mục tiêu đến năm 2026`)
          // in a plan, an undated study or a report of a span of years, a heading's span of years is the
          // time of what it holds (`3. Mục tiêu và giải pháp giai đoạn 2026-2030`); in a report of a
          // month, quarter or year it names a programme
          const spanned = planLike(doc) || !doc.metadata.reportPeriod || multiYear(doc.metadata.reportPeriod);
          // (a heading's term of office, `II. MỤC TIÊU NHIỆM KỲ 2026-2031`, too — not a title's: an election's `nhiệm kỳ 2026-2031`
          // is the term it elects for, not its report's time)
          const headingSpan = planSpan(title.replace(/nhiệm\s+kỳ(?=\s+\d{4}\s*[-–]\s*\d{4})/giu, 'giai đoạn'));
          // (or a span the report's title names too: `Kết quả … giai đoạn 2021-2025, năm 2026 …` over `I. KẾT QUẢ GIAI ĐOẠN 2021-2025`)
          const titled = headingSpan !== undefined && headingSpan === planSpan(doc.metadata.title ?? '');
          const horizon =
            (spanned || titled ? headingSpan : undefined) ??
            (planLike(doc) || forwardHorizon(title, doc.metadata.reportPeriod) ? horizonYear(title) : undefined);
          // a plan's account of where things stand (`I. THỰC TRẠNG`) is of the time it was written, not its targets'
          // (or, where its account opens with the moment of its figures — `1.1. …` then `Tính đến ngày 31/10/2026, toàn thành phố có
          // …` —, the year up to that moment: its stocks stand at that month, its flows ran over the year so far)
          const present =
            planLike(doc) && PRESENT_STATE.test(title) && doc.metadata.issueDate
              ? (yearToMoment(doc.blocks.slice(i + 1, i + 4), doc.metadata.issueDate.slice(0, 7)) ?? doc.metadata.issueDate.slice(0, 7))
              : undefined;
          // (`IV. NHIỆM VỤ, GIẢI PHÁP TỪ NAY ĐẾN NGÀY 31/01/2026`: what is still to be done, from the month after the report's)
          // (an item of several clauses — `3. Tổ chức 12 hội nghị …; 100% công chức … trong quý I/2026` — is dated by its
          // first: a time a later clause says is that clause's)
          // (nor the base of a comparison: `… tăng 286 suất so với năm học 2024-2025, gồm:`)
          const lead = withoutComparisonBase(title.split(';')[0]);
          const period =
            title.length <= opts.periodTitleMax
              ? (fromNowPeriod(lead, nowOf(doc)) ??
                summerOf(lead, doc) ??
                bracketedMoment(lead) ??
                yearToDateHeading(lead, nowOf(doc)) ??
                firstPeriod(lead, year, doc.metadata.seasons) ??
                termOf(lead, doc.metadata.reportPeriod) ??
                seasonOf(lead, doc.metadata.reportPeriod) ??
                horizon ??
                present)
              : undefined;
          if (period) section.period = yearAsWindow(period, doc.metadata.reportPeriod);
          sections.push(section);
          byPath.set(section.path, section);
          block.role = 'heading';
          block.label ??= decision.label.written;
          const place = { page: b.prov.page, start: b.prov.start, end: b.prov.end };
          if (decision.repaired) file.warn(`OCR heading label repaired: ${decision.repaired}`, 'segment:ocr-label', place);
          if (decision.gap) file.info(`numbering skips: ${decision.gap}`, 'segment:numbering-gap', place);
          if (decision.confidence < opts.doubtBelow)
            doubtful.push(`${decision.path} (${decision.confidence}: ${decision.doubt ?? 'weak evidence'}, p.${b.prov.page})`);
        } else if (b.role === 'heading' || b.role === 'body') {
          block.role = BULLET.test(b.text) ? 'item' : 'body';
          const rejected = considered ? segmenter.rejected : undefined;
          if (rejected?.strong && rejected.reason === 'sequence')
            file.info(`"${rejected.label.written}" reads like a heading but does not continue the numbering: kept as body`, 'segment:sequence-break', {
              page: b.prov.page,
              start: b.prov.start,
              end: b.prov.end,
            });
        }
      }
      if (b.role === 'body' || b.role === 'heading') lead = /:\s*$/u.test(b.text);
      block.section = segmenter.current;
      // the section and its ancestors run to the end of this block
      for (let p = block.section; p !== ''; p = p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '') {
        const sec = byPath.get(p);
        if (sec) sec.end = Math.max(sec.end, b.prov.end);
      }
      blocks.push(block);
    }
    if (doubtful.length)
      file.warn(`heading tree to check: ${doubtful.length} heading(s) decided on weak evidence — ${doubtful.join('; ')}`, 'segment:doubtful-tree');
    if (sections.length === 0 && blocks.some((b) => b.role === 'body'))
      file.info('no numbered headings found: the document has no section tree', 'segment:no-sections');
    return { ...doc, blocks, sections };
  };
}
