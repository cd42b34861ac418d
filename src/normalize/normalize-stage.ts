import { z } from '../../schemas/zod.js';
import type { Block, BlockRole, Document } from '../../schemas/document.js';
import { parseOptions, type Stage } from '../core/stage.js';
import type { SourceFile } from '../core/source-file.js';
import { detectFurniture } from './furniture-detector.js';
import { frontMatterRoles } from './front-matter.js';
import { joinLines, type Paragraph } from './line-joiner.js';
import { readMetadata } from './metadata-reader.js';
import { cleanText, type CleanupCounts } from './text-cleanup.js';
import { attachTables } from './table-blocks.js';

/**
 * The normalize stage: `doc.raw` → `doc.text`, `doc.blocks`, `doc.metadata`.
 *
 * 1. each raw block's text is cleaned (NFC, detached combining marks, odd spaces, invisibles);
 * 2. page numbers and running headers/footers are set aside as furniture;
 * 3. lines are joined into paragraphs; a Word numbering label is put in front of its text;
 * 4. the admin header, title, `Kính gửi` and closing get their roles, the rest is `body`
 *    (the segment stage refines `body` into headings and items);
 * 5. `doc.text` is the paragraphs joined by a blank line; each block's `prov` spans its text.
 */

export const NormalizeOptions = z
  .object({
    /** Recognise page numbers and running headers/footers. */
    furniture: z.boolean().default(true),
    /** Lines at each end of a page that may be furniture (without positions). */
    furnitureEdgeLines: z.number().int().min(1).max(20).default(6),
    /** Share of pages a header/footer must repeat on. */
    furnitureMinShare: z.number().min(0).max(1).default(0.4),
    /** Recognise the admin header, title, addressee and closing. */
    frontMatter: z.boolean().default(true),
  })
  .strict();
export type NormalizeOptions = z.input<typeof NormalizeOptions>;

const PARAGRAPH_SEPARATOR = '\n\n';

/** Put a Word numbering label in front of the paragraph's text, moving its offset map along. */
function withLabel(p: Paragraph): void {
  if (!p.label) return;
  const l = p.label.trim();
  // the reader may already have put the label in the text
  if (p.text.startsWith(l)) return;
  p.text = `${l} ${p.text}`;
  p.parts = p.parts.map((part) => ({ raw: part.raw, start: part.start + l.length + 1, end: part.end + l.length + 1 }));
}

export function createNormalizeStage(options?: NormalizeOptions): Stage {
  const opts = parseOptions('normalize', NormalizeOptions, options);
  return (doc: Document, file: SourceFile): Document => {
    const counts: CleanupCounts = { reattached: 0, removed: 0 };
    const texts = doc.raw.map((b) => cleanText(b.text, counts));
    if (counts.reattached > 0) file.info(`${counts.reattached} detached combining mark(s) re-attached to their letter`, 'normalize:combining-marks');
    if (counts.removed > 0) file.info(`${counts.removed} invisible or control character(s) removed`, 'normalize:invisible-chars');
    const replacement = texts.reduce((n, t) => n + (t.match(/\uFFFD/g)?.length ?? 0), 0);
    if (replacement > 0)
      file.warn(`${replacement} replacement character(s) (U+FFFD) in the text: some characters could not be decoded`, 'normalize:replacement-char');

    const furniture = opts.furniture
      ? detectFurniture(doc.raw, doc.pages, { edgeLines: opts.furnitureEdgeLines, minShare: opts.furnitureMinShare })
      : new Map();
    const paras: Paragraph[] = joinLines(doc.raw, texts, new Set(furniture.keys()));
    for (const p of paras) withLabel(p);
    const rejoined = paras.filter((p) => p.rejoined).length;
    if (rejoined > 0) file.info(`${rejoined} paragraph(s) broken mid-sentence across a blank line or page were re-joined`, 'normalize:rejoined');

    const fixed = paras.map((p) => p.lines.length === 1 && furniture.has(p.lines[0]));
    let roles: BlockRole[] = opts.frontMatter
      ? frontMatterRoles(paras.map((p, i) => ({ text: p.text, bold: p.bold, fixed: fixed[i], table: p.table === true })))
      : paras.map((_, i) => (fixed[i] ? 'furniture' : 'body'));
    roles = roles.map((r, i) => (r === 'body' && paras[i].table ? 'table' : r));
    const furnitureCount = roles.filter((r) => r === 'furniture').length;
    if (furnitureCount > 0) {
      const kinds = [...furniture.values()];
      const pageNumbers = kinds.filter((k) => k === 'page-number').length;
      const noise = kinds.filter((k) => k === 'ocr-noise').length;
      file.info(
        `${furnitureCount} furniture block(s) kept out of the body (${pageNumbers} page number(s)${noise ? `, ${noise} OCR noise line(s)` : ''})`,
        'normalize:furniture',
      );
    }

    let text = '';
    const blocks: Block[] = [];
    const rawOf: number[][] = [];
    paras.forEach((p, i) => {
      if (p.text === '') return;
      rawOf.push(p.lines);
      if (blocks.length > 0) text += PARAGRAPH_SEPARATOR;
      const start = text.length;
      text += p.text;
      const block: Block = {
        id: blocks.length,
        role: roles[i],
        text: p.text,
        prov: { source: doc.source.path, page: p.page, start, end: text.length, ...(p.bbox ? { bbox: p.bbox } : {}) },
        parts: p.parts.filter((part) => part.end > part.start).map((part) => ({ raw: part.raw, start: start + part.start, end: start + part.end })),
        section: '',
      };
      if (p.pageEnd !== p.page) block.pageEnd = p.pageEnd;
      if (p.label) block.label = p.label;
      if (p.bold) block.bold = true;
      if (p.italic) block.italic = true;
      if (p.ocrConfidence !== undefined) block.ocrConfidence = p.ocrConfidence;
      blocks.push(block);
    });
    if (blocks.length === 0) file.warn('the document has no text after normalization', 'normalize:empty');
    const hasCells = doc.raw.some((b) => b.table);
    const tables = hasCells ? attachTables({ tables: doc.tables ?? [], raw: doc.raw, blocks, rawOf, text }) : [];

    const metadata = { ...doc.metadata, ...readMetadata(blocks.map((b) => ({ text: b.text, role: b.role }))) };
    if (!metadata.reportType) file.info('no document type found in the title or number', 'normalize:no-report-type');
    if (!metadata.province) file.info('no province found in the header, title or body', 'normalize:no-province');
    const out: Document = { ...doc, text, blocks, metadata };
    if (tables.length > 0) out.tables = tables;
    else delete out.tables;
    return out;
  };
}
