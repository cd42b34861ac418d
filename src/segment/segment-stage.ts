import { z } from 'zod';
import type { Block, Document, Section } from '../../schemas/document.js';
import { parseOptions, type Stage } from '../core/stage.js';
import type { SourceFile } from '../core/source-file.js';
import { firstPeriod, periodYear } from '../text/period-words.js';
import { DEFAULT_SEGMENTER, HeadingSegmenter } from './heading-segmenter.js';
import { normalizeTitle } from './section-title.js';

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
  })
  .strict();
export type SegmentOptions = z.input<typeof SegmentOptions>;

const BULLET = /^(?:[-+•–*]\s*\S|\+\S)/u;
const OUTSIDE: ReadonlySet<Block['role']> = new Set(['admin-header', 'title', 'addressee', 'closing', 'furniture']);

export function createSegmentStage(options?: SegmentOptions): Stage {
  const opts = parseOptions('segment', SegmentOptions, options);
  return (doc: Document, file: SourceFile): Document => {
    const segmenter = new HeadingSegmenter({ romanGap: opts.romanGap, arabicGap: opts.arabicGap, letterGap: opts.letterGap });
    const year = periodYear(doc.metadata.reportPeriod) ?? periodYear(doc.metadata.issueDate);
    const sections: Section[] = [];
    const byPath = new Map<string, Section>();
    const blocks: Block[] = doc.blocks.map((b) => {
      if (OUTSIDE.has(b.role)) return { ...b, section: '' };
      const block: Block = { ...b };
      const decision = b.role === 'body' || b.role === 'heading' ? segmenter.consider({ text: b.text, bold: b.bold, numbered: b.label !== undefined, ocr: b.ocrConfidence !== undefined }) : undefined;
      if (decision) {
        const title = normalizeTitle(decision.label.rest);
        const section: Section = {
          path: decision.path,
          label: decision.label.label,
          level: decision.level,
          kind: decision.label.kind,
          title,
          page: b.prov.page,
          prov: { ...b.prov },
          end: b.prov.end,
        };
        // in a plan, a heading's horizon names the year its targets are for (`3. Mục tiêu đến năm 2026`)
        const horizon = doc.metadata.reportType === 'kế hoạch' ? /(?:đến|tới)\s+năm\s+(\d{4})/iu.exec(title)?.[1] : undefined;
        const period = title.length <= opts.periodTitleMax ? firstPeriod(title, year) ?? horizon : undefined;
        if (period) section.period = period;
        sections.push(section);
        byPath.set(section.path, section);
        block.role = 'heading';
        block.label ??= decision.label.written;
        if (decision.repaired) file.warn(`OCR heading label repaired: ${decision.repaired}`, 'segment:ocr-label', { page: b.prov.page, start: b.prov.start, end: b.prov.end });
        if (decision.gap) file.info(`numbering skips: ${decision.gap}`, 'segment:numbering-gap', { page: b.prov.page, start: b.prov.start, end: b.prov.end });
      } else if (b.role === 'heading' || b.role === 'body') {
        block.role = BULLET.test(b.text) ? 'item' : 'body';
      }
      block.section = segmenter.current;
      // the section and its ancestors run to the end of this block
      for (let p = block.section; p !== ''; p = p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '') {
        const s = byPath.get(p);
        if (s) s.end = Math.max(s.end, b.prov.end);
      }
      return block;
    });
    if (sections.length === 0 && blocks.some((b) => b.role === 'body')) file.info('no numbered headings found: the document has no section tree', 'segment:no-sections');
    return { ...doc, blocks, sections };
  };
}
