import { baseOfUnit } from '../../src/extract/unit-base.js';

describe('baseOfUnit reads a unit as the extractor does', () => {
  it.each([
    [1150.5, 'triệu đồng', { base_value: 1150500000, base_unit: 'VND' }],
    [2, 'nghìn tỷ đồng', { base_value: 2e12, base_unit: 'VND' }],
    [3, 'triệu thuê bao', { base_value: 3e6, base_unit: 'thuê bao' }],
    [12, 'km2', { base_value: 12, base_unit: 'km2' }],
    [5, '%', { base_value: 5, base_unit: '%' }],
    [42, 'trạm BTS', { base_value: 42, base_unit: 'trạm bts' }],
    [7, '', { base_value: 7, base_unit: '' }],
  ])('%p %p', (value, unit, expected) => {
    expect(baseOfUnit(value, unit)).toEqual(expected);
  });
});
