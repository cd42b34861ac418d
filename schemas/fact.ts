import { z } from './zod.js';
import { Provenance } from './provenance.js';

export const FactKind = z.enum(['money', 'percent', 'count', 'rank', 'ratio', 'measure']);
export const Aspect = z.enum(['level', 'cumulative', 'change', 'plan', 'share', 'rank']);
export const Direction = z.enum(['up', 'down']);
export const Approx = z.enum(['none', 'estimate', 'about', 'more_than', 'less_than']);
export const FactStatus = z.enum(['auto', 'accepted', 'corrected', 'rejected']);
export type FactKind = z.infer<typeof FactKind>;
export type Aspect = z.infer<typeof Aspect>;
export type Direction = z.infer<typeof Direction>;
export type Approx = z.infer<typeof Approx>;
export type FactStatus = z.infer<typeof FactStatus>;

/**
 * Period of a value (shared/gold/GUIDELINES.md): `2021` a year, `2021-08` a month,
 * `2021-01..2021-08` a span, `@2021-08` a stock at the end of a month; '' when unknown.
 */
export const Period = z.string().regex(/^(|@?\d{4}(-\d{2})?(\.\.\d{4}(-\d{2})?)?|\d{4}-Q[1-4])$/, 'not a period');

/** The extracted, editable content of a fact (what a reviewer may correct). */
export const FactFields = z.object({
  value: z.number(),
  unit: z.string(),
  base_value: z.number(),
  base_unit: z.string(),
  of: z.number().nullable(),
  value_max: z.number().nullable(),
  kind: FactKind,
  aspect: Aspect,
  direction: Direction.nullable(),
  approx: Approx,
  metric: z.string(),
  metric_id: z.string().nullable(),
  period: Period,
});
export type FactFields = z.infer<typeof FactFields>;

/** A numeric fact as the extractor produces it. */
export const Fact = FactFields.extend({
  /** The exact substring of the document text that carries the number and its unit. */
  quote: z.string().min(1),
  /** Figures repeated in words, e.g. `Hai mươi ba triệu đồng`. */
  also: z.string().optional(),
  prov: Provenance,
  section: z.string(),
  confidence: z.number().min(0).max(1),
  /** Names of evidence and repairs (`unit:known`, `ocr:repaired-O-0`), for review and calibration. */
  evidence: z.array(z.string()),
  /** For a table cell: the labels of its row (group first) and of its column (header path), joined by ` — `. */
  row: z.string().optional(),
  column: z.string().optional(),
});
export type Fact = z.infer<typeof Fact>;

/** One row of the export contract (../shared/DESIGN.md), in column order. */
export const ExportRow = z.object({
  doc_id: z.string(),
  file: z.string(),
  title: z.string(),
  province: z.string(),
  report_period: z.string(),
  section: z.string(),
  section_title: z.string(),
  metric: z.string(),
  metric_id: z.string().nullable(),
  value: z.number(),
  unit: z.string(),
  base_value: z.number(),
  base_unit: z.string(),
  of: z.number().nullable(),
  value_max: z.number().nullable(),
  kind: FactKind,
  aspect: Aspect,
  direction: Direction.nullable(),
  approx: Approx,
  period: z.string(),
  quote: z.string(),
  page: z.number().int().positive(),
  confidence: z.number().min(0).max(1),
  status: FactStatus,
  /** Row and column labels of a table cell's fact; '' for facts from sentences. */
  table_row: z.string(),
  table_column: z.string(),
});
export type ExportRow = z.infer<typeof ExportRow>;
/** The export columns, in contract order, derived from the schema. */
export const EXPORT_COLUMNS = Object.keys(ExportRow.shape) as (keyof ExportRow)[];
