import { z } from './zod.js';
import { Message } from './message.js';
import { Provenance } from './provenance.js';
import { PageInfo, RawBlock, SourceFormat } from './raw-document.js';
import { Fact } from './fact.js';
import { Table } from './table.js';

/** Role of a normalized block: body content, or recognised non-content. */
export const BlockRole = z.enum([
  'body', // a paragraph of content
  'heading', // a numbered (or styled) heading: starts a section
  'item', // a bullet (`-`, `+`) item
  'table', // a table cell paragraph
  'admin-header', // agency, Số: ..., Quốc hiệu/tiêu ngữ, place and date
  'title', // BÁO CÁO + subject line
  'addressee', // Kính gửi
  'closing', // Nơi nhận, signature block
  'furniture', // page numbers, running headers/footers
]);
export type BlockRole = z.infer<typeof BlockRole>;

/** A normalized block (usually a paragraph): its text is `Document.text.slice(start, end)`. */
export const Block = z.object({
  id: z.number().int().nonnegative(),
  role: BlockRole,
  text: z.string(),
  prov: Provenance,
  /**
   * The offset map back to the reader: the raw blocks (`Document.raw` indexes) the text was
   * joined from, each with the half-open span its cleaned text takes in `Document.text`.
   */
  parts: z.array(z.object({ raw: z.number().int().nonnegative(), start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })).optional(),
  /** Last page the block runs onto (a paragraph can cross a page break). */
  pageEnd: z.number().int().positive().optional(),
  /** Path of the section this block belongs to ('' for the preamble). */
  section: z.string(),
  /** For headings: the numbering label as written or recovered (`I.`, `1.1.`, `a)`). */
  label: z.string().optional(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  ocrConfidence: z.number().min(0).max(1).optional(),
  /** For table cell blocks: the table (`Document.tables[].id`) and the grid position of the cell. */
  cell: z.object({ table: z.number().int().positive(), row: z.number().int().nonnegative(), col: z.number().int().nonnegative() }).optional(),
});
export type Block = z.infer<typeof Block>;

/** A node of the heading tree. */
export const Section = z.object({
  /** Heading numbers from the top down joined by `/`: `I/2/2.1/b`. */
  path: z.string(),
  /** Normalized label: `I`, `2`, `2.1`, `b`. */
  label: z.string(),
  level: z.number().int().nonnegative(),
  /**
   * `part` Phần, `chapter` Chương, `division` Mục, `article` Điều; `document` is the root of a
   * second document inside the file (an annexed QUYẾT ĐỊNH, a PHỤ LỤC), labelled by its type.
   */
  kind: z.enum(['roman', 'arabic', 'multilevel', 'letter', 'part', 'chapter', 'division', 'article', 'document']),
  title: z.string(),
  page: z.number().int().positive(),
  /** Span of the heading text and of the whole section (heading through its last block). */
  prov: Provenance,
  end: z.number().int().nonnegative(),
  /** The time the heading names, when it names one (`tháng 8/2021` → `2021-08`). */
  period: z.string().optional(),
  /** How sure the segmenter is that this paragraph opens a section here (sequence, typography, length). */
  confidence: z.number().min(0).max(1).optional(),
});
export type Section = z.infer<typeof Section>;

export const ReportType = z.enum(['báo cáo', 'kế hoạch', 'công văn', 'quyết định', 'chỉ thị', 'thông báo', 'tờ trình', 'nghị quyết', 'hướng dẫn', 'other']);
export type ReportType = z.infer<typeof ReportType>;

/** Report metadata read from the administrative header block and the title. */
export const Metadata = z.object({
  title: z.string().optional(),
  province: z.string().optional(),
  /** Stable id of that province (`nam-dinh`), set by the resolve stage when it knows the province. */
  provinceId: z.string().optional(),
  agency: z.string().optional(),
  docNumber: z.string().optional(),
  /** ISO date `YYYY-MM-DD` (or partial `YYYY-MM`) of issue. */
  issueDate: z.string().optional(),
  reportType: ReportType.optional(),
  /** `2021-08` (month), `2024` (year), `2021-Q1`, or a span `2021-01..2021-06`. */
  reportPeriod: z.string().optional(),
  /** Crop seasons the text dates (`đông xuân 2024-2025` → `2024-10..2025-04`): periods for headings and the title that name them. */
  seasons: z.record(z.string(), z.string()).optional(),
});
export type Metadata = z.infer<typeof Metadata>;

export const DocStatus = z.enum(['ok', 'partial', 'failed', 'skipped']);
export type DocStatus = z.infer<typeof DocStatus>;

export const SourceInfo = z.object({
  path: z.string(),
  name: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().nonnegative(),
  format: SourceFormat.optional(),
});
export type SourceInfo = z.infer<typeof SourceInfo>;

/**
 * The document as it travels through the pipeline. Readers fill `raw` and `pages`;
 * normalize fills `text` and `blocks`; segment fills `sections`; extract fills `facts`.
 */
export const Document = z.object({
  /** Stable id: the first 16 hex digits of the content hash. */
  id: z.string(),
  source: SourceInfo,
  pages: z.array(PageInfo),
  raw: z.array(RawBlock),
  /** Tables, from the reader; normalization gives their cells spans in `text`. */
  tables: z.array(Table).optional(),
  text: z.string(),
  blocks: z.array(Block),
  sections: z.array(Section),
  metadata: Metadata,
  facts: z.array(Fact),
  messages: z.array(Message),
  status: DocStatus,
});
export type Document = z.infer<typeof Document>;
