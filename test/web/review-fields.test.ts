import { describe, expect, test } from '@jest/globals';
import { Approx, Aspect, Direction, FactKind } from '../../schemas/fact.js';
import {
  changedFields,
  collectPatch,
  EDITABLE_FIELDS,
  FIELD_ORDER,
  fieldChoices,
  fieldIssues,
  NULLABLE_FIELDS,
  NUMBER_HINT,
  NUMERIC_FIELDS,
  parseNumber,
  PERIOD_HINT,
  type EditableField,
  type FieldValue,
} from '../../src/web/review-fields.js';

const fact: Record<EditableField, FieldValue> = {
  value: 1150.5,
  unit: 'tỷ đồng',
  base_value: 1150500000000,
  base_unit: 'VND',
  kind: 'money',
  aspect: 'level',
  direction: null,
  approx: 'estimate',
  metric: 'doanh thu dịch vụ viễn thông',
  metric_id: 'telecom-revenue',
  period: '2021-08',
};
const asTyped = (f: Record<EditableField, FieldValue>): Record<EditableField, string> =>
  Object.fromEntries(EDITABLE_FIELDS.map((k) => [k, f[k] === null ? '' : String(f[k])])) as Record<EditableField, string>;

describe('the review form follows the fact schema', () => {
  test("the editable fields are the schema's, without of and value_max, each with a label", () => {
    expect([...EDITABLE_FIELDS].sort()).toEqual([
      'approx',
      'aspect',
      'base_unit',
      'base_value',
      'direction',
      'kind',
      'metric',
      'metric_id',
      'period',
      'unit',
      'value',
    ]);
    expect([...FIELD_ORDER].sort()).toEqual([...EDITABLE_FIELDS].sort());
    expect([...NUMERIC_FIELDS].sort()).toEqual(['base_value', 'value']);
    expect([...NULLABLE_FIELDS].sort()).toEqual(['direction', 'metric_id']);
  });

  test("enumerated fields offer exactly the schema's choices; text fields none", () => {
    expect(fieldChoices('kind')).toEqual(FactKind.options);
    expect(fieldChoices('aspect')).toEqual(Aspect.options);
    expect(fieldChoices('direction')).toEqual(Direction.options);
    expect(fieldChoices('approx')).toEqual(Approx.options);
    expect(fieldChoices('metric')).toBeUndefined();
    expect(fieldChoices('value')).toBeUndefined();
  });
});

describe('what a reviewer types becomes a patch', () => {
  test('numbers are read with a decimal comma or point and spaces; anything else is not a number', () => {
    expect(parseNumber('1150,5')).toBe(1150.5);
    expect(parseNumber(' 1 150.5 ')).toBe(1150.5);
    expect(parseNumber('-3e2')).toBe(-300);
    expect(parseNumber('1.150,5')).toBeNaN();
    expect(parseNumber('12 tỷ')).toBeNaN();
    expect(parseNumber('')).toBeNaN();
  });

  test('unchanged inputs make an empty patch', () => {
    expect(collectPatch(fact, asTyped(fact))).toEqual({ patch: {}, errors: {} });
  });

  test('only changed fields are sent, typed: a number, null for an emptied nullable field, a metric with its spaces collapsed', () => {
    const typed = { ...asTyped(fact), value: '1234,5', metric_id: '  ', metric: '  doanh thu\n dịch vụ  viễn thông mới ', direction: 'up' };
    expect(collectPatch(fact, typed)).toEqual({
      patch: { value: 1234.5, metric_id: null, metric: 'doanh thu dịch vụ viễn thông mới', direction: 'up' },
      errors: {},
    });
  });

  test('a value that is not a number and a period not in the notation are refused with a hint, and not patched', () => {
    const typed = { ...asTyped(fact), value: 'mười', period: 'tháng 8/2021', unit: 'triệu đồng' };
    expect(collectPatch(fact, typed)).toEqual({ patch: { unit: 'triệu đồng' }, errors: { value: NUMBER_HINT, period: PERIOD_HINT } });
    for (const ok of ['', '2021', '2021-08', '@2021-08', '2021-Q3', '2021-01..2021-08']) {
      expect(collectPatch(fact, { ...asTyped(fact), period: ok }).errors).toEqual({});
    }
  });

  test("the server's per-field issues land on their fields; others are left to the message line", () => {
    expect(fieldIssues(['fields.metric: metric: at most 500 characters', 'unit: too long', 'expectedVersion: required', 'nonsense'])).toEqual({
      metric: 'metric: at most 500 characters',
      unit: 'too long',
    });
  });

  test("a correction's history line names each changed field and the status change", () => {
    const before = { ...fact, status: 'auto' };
    const after = { ...fact, value: 1234.5, status: 'corrected' };
    expect(changedFields(before, after)).toEqual(['value: 1150.5 → 1234.5', 'trạng thái: chưa duyệt → đã sửa']);
  });
});
