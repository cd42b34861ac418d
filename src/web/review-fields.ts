import { z } from '../../schemas/zod.js';
import { FactFields, type FactStatus, Period } from '../../schemas/fact.js';
import type { CorrectionAction } from '../../schemas/correction.js';

/**
 * What a reviewer may edit of a fact, derived from the fact schema: every field of
 * `FactFields` but the two a range or a share carries (`of`, `value_max`), which the panel
 * does not show. Pure: unit-tested without a browser, used by the page and by the server's HTML.
 */
const HIDDEN: readonly string[] = ['of', 'value_max'];
export type EditableField = Exclude<keyof FactFields, 'of' | 'value_max'>;
export const EDITABLE_FIELDS = (Object.keys(FactFields.shape) as (keyof FactFields)[]).filter((k): k is EditableField => !HIDDEN.includes(k));

type FieldSchema = (typeof FactFields.shape)[EditableField];

function inner(schema: FieldSchema): z.ZodType {
  return schema instanceof z.ZodNullable ? (schema.unwrap() as z.ZodType) : schema;
}

/** Fields holding a number (typed as text, parsed on save). */
export const NUMERIC_FIELDS: ReadonlySet<EditableField> = new Set(EDITABLE_FIELDS.filter((k) => inner(FactFields.shape[k]) instanceof z.ZodNumber));
/** Fields that may be empty (`null`): an empty input clears them. */
export const NULLABLE_FIELDS: ReadonlySet<EditableField> = new Set(EDITABLE_FIELDS.filter((k) => FactFields.shape[k] instanceof z.ZodNullable));

/** The choices of a field that is an enumeration (kind, aspect, direction, approx); undefined for free text. */
export function fieldChoices(name: EditableField): readonly string[] | undefined {
  const s = inner(FactFields.shape[name]);
  return s instanceof z.ZodEnum ? (s.options as readonly string[]) : undefined;
}

/** Vietnamese labels of the fields, in the order the panel shows them. */
export const FIELD_LABELS: Readonly<Record<EditableField, string>> = {
  value: 'Giá trị',
  unit: 'Đơn vị',
  base_value: 'Giá trị quy đổi',
  base_unit: 'Đơn vị quy đổi',
  metric: 'Chỉ tiêu',
  metric_id: 'Chỉ tiêu chuẩn',
  period: 'Kỳ',
  kind: 'Loại',
  aspect: 'Khía cạnh',
  direction: 'Chiều',
  approx: 'Ước lượng',
};
export const FIELD_ORDER = Object.keys(FIELD_LABELS) as EditableField[];

export const STATUS_LABELS: Readonly<Record<FactStatus, string>> = { auto: 'chưa duyệt', accepted: 'đã chấp nhận', corrected: 'đã sửa', rejected: 'đã loại' };
export const ACTION_LABELS: Readonly<Record<CorrectionAction, string>> = { accept: 'chấp nhận', correct: 'sửa', reject: 'loại', undo: 'hoàn tác' };

export const PERIOD_HINT = 'Kỳ không hợp lệ: 2021, 2021-08, @2021-08, 2021-Q1, 2021-01..2021-08 hoặc để trống';
export const NUMBER_HINT = 'Cần một số (ví dụ 1150.5)';

/** A number as a reviewer types it: `1150.5`, `1150,5`, `1 150.5`, `1e6`; NaN otherwise. */
export function parseNumber(text: string): number {
  let t = text.trim().replace(/\s+/g, '');
  if (t.includes(',') && !t.includes('.')) t = t.replace(',', '.');
  if (!/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(t)) return NaN;
  return Number(t);
}

export type FieldValue = string | number | null;
export type FieldPatchValues = Partial<Record<EditableField, FieldValue>>;

/**
 * The patch a reviewer's inputs make to a fact: only the fields that changed, each in its
 * type (numbers parsed, empty nullable fields `null`, whitespace of the metric collapsed), and
 * a message per field that is not valid.
 */
export function collectPatch(
  current: Readonly<Record<EditableField, FieldValue>>,
  raw: Readonly<Record<EditableField, string>>,
): { patch: FieldPatchValues; errors: Partial<Record<EditableField, string>> } {
  const patch: FieldPatchValues = {};
  const errors: Partial<Record<EditableField, string>> = {};
  for (const name of EDITABLE_FIELDS) {
    const text = raw[name];
    let v: FieldValue;
    if (NUMERIC_FIELDS.has(name)) {
      v = parseNumber(text);
      if (!Number.isFinite(v)) {
        errors[name] = NUMBER_HINT;
        continue;
      }
    } else if (NULLABLE_FIELDS.has(name)) {
      v = text.trim() === '' ? null : text.trim();
    } else {
      v = name === 'metric' ? text.replace(/\s+/g, ' ').trim() : text.trim();
    }
    if (name === 'period' && !Period.safeParse(v).success) {
      errors[name] = PERIOD_HINT;
      continue;
    }
    if (v !== current[name]) patch[name] = v;
  }
  return { patch, errors };
}

/** The per-field messages of a 400 answer (`fields.metric: …` → metric). */
export function fieldIssues(issues: readonly string[]): Partial<Record<EditableField, string>> {
  const errors: Partial<Record<EditableField, string>> = {};
  for (const line of issues) {
    const m = /^(?:fields\.)?([a-z_]+):\s*(.*)$/.exec(line);
    const name = m?.[1] as EditableField | undefined;
    if (m && name && (EDITABLE_FIELDS as readonly string[]).includes(name)) errors[name] = m[2];
  }
  return errors;
}

/** What a correction changed, one `field: before → after` per field, then the status. */
export function changedFields(before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>): string[] {
  const changed = EDITABLE_FIELDS.filter((k) => String(before[k]) !== String(after[k])).map((k) => `${k}: ${String(before[k])} → ${String(after[k])}`);
  const sb = before.status as FactStatus;
  const sa = after.status as FactStatus;
  if (sb !== sa) changed.push(`trạng thái: ${STATUS_LABELS[sb] ?? sb} → ${STATUS_LABELS[sa] ?? sa}`);
  return changed;
}
