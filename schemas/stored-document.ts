import { z } from './zod.js';
import { DocStatus } from './document.js';
import { Severity } from './message.js';
import { jsonText } from './json-text.js';
import { Table } from './table.js';

/** A stored document's id (what a reference to it finds). */
export const DocumentIdRow = z.object({ id: z.string() });

/** A stored document's source path. */
export const DocumentPathRow = z.object({ path: z.string() });
/** Where a document's source file was read from, and its content hash (the key of `source_files`). */
export const DocumentSourceRow = z.object({ path: z.string(), sha256: z.string() });

/** The stored columns of a document that `show` prints. */
export const DocumentHeadRow = z.object({
  id: z.string(),
  name: z.string(),
  path: z.string(),
  title: z.string().nullable(),
  province: z.string().nullable(),
  agency: z.string().nullable(),
  doc_number: z.string().nullable(),
  issue_date: z.string().nullable(),
  report_period: z.string().nullable(),
  report_type: z.string().nullable(),
  status: DocStatus,
  page_count: z.number().int().nonnegative(),
});
export type DocumentHeadRow = z.infer<typeof DocumentHeadRow>;

/** A node of a stored heading tree as `show` prints it. */
export const SectionOutline = z.object({
  path: z.string(),
  title: z.string(),
  page: z.number().int(),
  level: z.number().int().nonnegative(),
  /** The segmenter's confidence in the heading (`section_confidence`); null when it gave none, or the document was stored before migration 6. */
  confidence: z.number().min(0).max(1).nullable(),
});
export type SectionOutline = z.infer<typeof SectionOutline>;

/** A stored message, its place in three nullable columns. */
export const MessageRow = z.object({
  severity: Severity,
  rule: z.string(),
  reason: z.string(),
  page: z.number().int().nullable(),
  start: z.number().int().nullable(),
  end: z.number().int().nullable(),
});
export type MessageRow = z.infer<typeof MessageRow>;

/** A `COUNT(*) AS n`. */
export const CountRow = z.object({ n: z.number().int().nonnegative() });

/** Documents with one status, counted. */
export const DocumentStatusCount = z.object({ status: DocStatus, n: z.number().int().nonnegative() });
export type DocumentStatusCount = z.infer<typeof DocumentStatusCount>;

/** What a document store lookup by content hash needs to decide whether to read a file again. */
export const StoredVersionRow = z.object({ id: z.string(), status: DocStatus, extractor_version: z.string() });
export type StoredVersionRow = z.infer<typeof StoredVersionRow>;

/** A stored table model (JSON text), read back as a table. */
export const StoredTableRow = z.object({ table_json: jsonText(Table) });
