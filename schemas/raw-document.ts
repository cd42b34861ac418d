import { z } from './zod.js';
import { BBox } from './provenance.js';
import { Table } from './table.js';

/**
 * What a reader emits: format-neutral text blocks in reading order, before normalization.
 * PDF and OCR readers emit one block per visual line; DOCX/DOC readers one per paragraph;
 * the text reader one per physical line. Normalization joins lines into paragraphs.
 */
export const RawBlock = z.object({
  text: z.string(),
  page: z.number().int().positive(),
  /** `line`: a visual/physical line that may be a piece of a wrapped paragraph; `paragraph`: already whole. */
  unit: z.enum(['line', 'paragraph']),
  /** A heading/list label that is not in the text (Word automatic numbering), e.g. `I.`, `1.1.`, `a)`. */
  label: z.string().optional(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  fontSize: z.number().positive().optional(),
  align: z.enum(['left', 'center', 'right', 'justify']).optional(),
  /** Left indent (PDF: x of the first glyph in points; DOCX: indent in twips), used for wrap/heading cues. */
  indent: z.number().optional(),
  bbox: BBox.optional(),
  /**
   * Where the line's text is drawn, piece by piece (PDF text layer: its text runs in line order,
   * each with its box; OCR lines keep theirs in `ocr.words`): what a fact's box is made from.
   */
  words: z.array(z.object({ text: z.string(), bbox: BBox })).optional(),
  /**
   * Inside a table cell (one block per cell paragraph or line): the table's id, the 1-based row,
   * the 1-based cell within the row as written, and (when the reader knows the grid) the 0-based
   * grid column, which with `row - 1` finds the cell in `ReadResult.tables`.
   */
  table: z.object({ table: z.number().int(), row: z.number().int(), cell: z.number().int(), col: z.number().int().nonnegative().optional() }).optional(),
  /** Word style name when known (`Heading1`, `ListParagraph`). */
  style: z.string().optional(),
  /** OCR evidence: mean word confidence in [0,1] and word boxes. */
  ocr: z
    .object({
      confidence: z.number().min(0).max(1),
      words: z.array(z.object({ text: z.string(), confidence: z.number().min(0).max(1), bbox: BBox })).optional(),
    })
    .optional(),
  /** Page is blank after a blank line (text readers: paragraph break before this line). */
  breakBefore: z.boolean().optional(),
});
export type RawBlock = z.infer<typeof RawBlock>;

export const SourceFormat = z.enum(['pdf', 'docx', 'doc', 'text', 'ocr']);
export type SourceFormat = z.infer<typeof SourceFormat>;

export const PageInfo = z.object({
  page: z.number().int().positive(),
  width: z.number().optional(),
  height: z.number().optional(),
  /** How this page's text was obtained. */
  origin: z.enum(['text-layer', 'ocr', 'docx', 'doc', 'text']),
  /** Characters of text the page yielded (0 for a page without a text layer). */
  chars: z.number().int().nonnegative(),
  /** Mean OCR confidence in [0,1] when the page was OCRed. */
  ocrConfidence: z.number().min(0).max(1).optional(),
});
export type PageInfo = z.infer<typeof PageInfo>;

/** What every reader returns: raw blocks in reading order plus per-page information. */
export const ReadResult = z.object({
  format: SourceFormat,
  raw: z.array(RawBlock),
  pages: z.array(PageInfo),
  /** Tables found, with their grids (cells' text spans are filled by normalization). */
  tables: z.array(Table).optional(),
});
export type ReadResult = z.infer<typeof ReadResult>;
