import { romanValue, toRoman } from '../../src/text/roman-numerals.js';

describe('Roman numerals', () => {
  it('reads canonical numerals and rejects others', () => {
    expect([romanValue('I'), romanValue('IV'), romanValue('IX'), romanValue('XIV'), romanValue('XL'), romanValue('CXXXIX')]).toEqual([1, 4, 9, 14, 40, 139]);
    for (const bad of ['', 'IIII', 'VX', 'IL', 'iv', 'VV', 'MM']) expect(romanValue(bad)).toBeUndefined();
  });

  it('reads back what it writes, for every number a heading label uses', () => {
    for (let n = 1; n <= 139; n++) expect(romanValue(toRoman(n))).toBe(n);
  });

  it('writes numbers that have no Roman numeral as digits', () => {
    expect([toRoman(0), toRoman(-3), toRoman(2024)]).toEqual(['0', '-3', 'MMXXIV']);
  });
});
