import { z } from './zod.js';
import { Approx } from './fact.js';

/** A report (column) of the Compare sheet. */
export const CompareReport = z.object({
  doc_id: z.string(),
  title: z.string(),
  province: z.string(),
  report_period: z.string(),
  /** The file it was ingested from (names the report when it has no title). */
  file: z.string().default(''),
  /**
   * Column header: `province · report_period · title` (title shortened; the file name when
   * there is no title), with ` (file)` added where two reports would have the same header
   * (the .docx and the .pdf of one document).
   */
  label: z.string(),
});
export type CompareReport = z.infer<typeof CompareReport>;

/** A canonical metric (row) of the Compare sheet. */
export const CompareMetric = z.object({
  metric_id: z.string(),
  name: z.string(),
  base_unit: z.string(),
});
export type CompareMetric = z.infer<typeof CompareMetric>;

/** The value chosen for one metric in one report, in the metric's base unit. */
export const CompareCell = z.object({
  base_value: z.number(),
  period: z.string(),
  approx: Approx,
  confidence: z.number().min(0).max(1),
  quote: z.string(),
  page: z.number().int().positive(),
  /** How many candidate facts of this metric the report had (1 = no choice was made). */
  candidates: z.number().int().positive(),
  /** The stored fact chosen, when the rows came from the store (links a chart point to its document). */
  fact_id: z.number().int().positive().optional(),
});
export type CompareCell = z.infer<typeof CompareCell>;

/** Canonical metric × report: `cells[i][j]` is metric `i` in report `j`, or null. */
export const CompareMatrix = z.object({
  metrics: z.array(CompareMetric),
  reports: z.array(CompareReport),
  cells: z.array(z.array(CompareCell.nullable())),
});
export type CompareMatrix = z.infer<typeof CompareMatrix>;

/** One document of the Sources sheet. */
export const SourceRow = z.object({
  doc_id: z.string(),
  file: z.string(),
  title: z.string(),
  province: z.string(),
  report_period: z.string(),
  report_type: z.string().default(''),
  agency: z.string().default(''),
  issue_date: z.string().default(''),
  status: z.string().default(''),
  pages: z.number().int().nonnegative().nullable().default(null),
  sha256: z.string().default(''),
  facts: z.number().int().nonnegative(),
  /** Facts with a canonical metric. */
  facts_matched: z.number().int().nonnegative(),
  /** Facts a reviewer accepted or corrected. */
  facts_reviewed: z.number().int().nonnegative(),
});
export type SourceRow = z.infer<typeof SourceRow>;
export type SourceRowInput = z.input<typeof SourceRow>;
