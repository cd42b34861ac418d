// biome-ignore format: value/numeral pairs laid out as a table
const ROMAN: ReadonlyArray<readonly [number, string]> = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

/** A positive number written as a Roman numeral (`14` → `XIV`); other numbers as digits. */
export function toRoman(n: number): string {
  if (n <= 0) return String(n);
  let out = '';
  let rest = n;
  for (const [v, s] of ROMAN) {
    while (rest >= v) {
      out += s;
      rest -= v;
    }
  }
  return out;
}

const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

/** The value of a Roman numeral written canonically in capitals (I–CXXXIX: heading labels), else undefined. */
export function romanValue(s: string): number | undefined {
  if (!/^C{0,1}(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/.test(s) || s === '') return undefined;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN_VALUES[s[i]];
    const next = ROMAN_VALUES[s[i + 1]] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}
