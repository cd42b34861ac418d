import { readFileSync } from 'node:fs';
import { findNumbers, parseNumber, type NumberMatch } from '../../src/extract/number-parser.js';
import { readAmount } from '../../src/extract/number-amount.js';
import { parseFraction } from '../../src/extract/number-fraction.js';
import { parseOrdinal } from '../../src/extract/number-ordinal.js';

interface ValueSpec {
  rule: string;
  text: string;
  value?: number | null;
  min?: number;
  max?: number;
  skip?: string;
}

interface FindSpec {
  rule: string;
  text: string;
  expect: Partial<NumberMatch>[];
  skip?: string;
}

interface Specs {
  parse: ValueSpec[];
  find: FindSpec[];
  amount: ValueSpec[];
  fraction: ValueSpec[];
  ordinal: ValueSpec[];
}

const specs = JSON.parse(readFileSync(new URL('./specs/number-parser.json', import.meta.url), 'utf8')) as Specs;

function title(s: { rule: string; text: string; skip?: string }): string {
  return `${s.rule}: ${JSON.stringify(s.text)}${s.skip ? ` — skipped: ${s.skip}` : ''}`;
}

function valueTable(name: string, cases: ValueSpec[], read: (text: string) => number | null): void {
  describe(`${name} spec table (test/extract/specs/number-parser.json)`, () => {
    for (const s of cases) {
      (s.skip ? it.skip : it)(title(s), () => {
        const got = read(s.text);
        if (s.value === null) expect(got).toBeNull();
        else expect(got).toBeCloseTo(s.value as number, 9);
      });
    }
  });
}

valueTable('parseNumber', specs.parse, parseNumber);
valueTable('parseFraction', specs.fraction, parseFraction);
valueTable('parseOrdinal', specs.ordinal, parseOrdinal);

describe('readAmount spec table (test/extract/specs/number-parser.json)', () => {
  for (const s of specs.amount) {
    (s.skip ? it.skip : it)(title(s), () => {
      const got = readAmount(s.text);
      expect(got).not.toBeNull();
      if (s.value !== undefined) expect(got?.value).toBeCloseTo(s.value as number, 9);
      if (s.min !== undefined) expect(got?.min).toBeCloseTo(s.min, 9);
      if (s.max !== undefined) expect(got?.max).toBeCloseTo(s.max, 9);
    });
  }
});

describe('findNumbers spec table (test/extract/specs/number-parser.json)', () => {
  for (const s of specs.find) {
    (s.skip ? it.skip : it)(title(s), () => {
      const got = findNumbers(s.text);
      const picked = got.map((m, i) => Object.fromEntries(Object.keys(s.expect[i] ?? { text: 1 }).map((k) => [k, m[k as keyof NumberMatch]])));
      expect(picked).toEqual(s.expect);
      for (const m of got) expect(s.text.slice(m.start, m.end)).toBe(m.text);
    });
  }
});

describe('findNumbers', () => {
  it('returns non-overlapping matches in order, each with the full NumberMatch shape', () => {
    const text = 'Năm 2023 có 1.250 trạm (một nghìn hai trăm năm mươi trạm), 14,5 tỷ đồng, 11/63 tỉnh, 3tr2.';
    const ms = findNumbers(text);
    expect(ms.map((m) => m.text)).toEqual(['2023', '1.250', 'một nghìn hai trăm năm mươi', '14,5 tỷ', '11', '63', '3tr2']);
    for (let i = 1; i < ms.length; i++) expect(ms[i].start).toBeGreaterThanOrEqual(ms[i - 1].end);
    for (const m of ms) {
      expect(Object.keys(m).sort()).toEqual(expect.arrayContaining(['end', 'form', 'leadingZero', 'scale', 'separatorStyle', 'start', 'text', 'value']));
      expect(Number.isFinite(m.value)).toBe(true);
    }
  });

  it('reads text in decomposed Unicode (NFD) and keeps offsets into it', () => {
    const text = 'Có hai mươi tư xã, năm mươi lăm thôn'.normalize('NFD');
    const ms = findNumbers(text);
    expect(ms.map((m) => m.value)).toEqual([24, 55]);
    expect(ms.map((m) => text.slice(m.start, m.end).normalize('NFC'))).toEqual(['hai mươi tư', 'năm mươi lăm']);
  });

  it('keeps the written value apart from the scale for digits but not for words', () => {
    const [digits, words] = findNumbers('12,5 triệu và mười hai triệu rưỡi');
    expect([digits.value, digits.scale, digits.scaleWord]).toEqual([12.5, 1e6, 'triệu']);
    expect([words.value, words.scale]).toEqual([12.5e6, 1]);
  });

  it('reads a long document in linear time', () => {
    const text = 'Phát triển mới 1.250 thuê bao, đạt ba mươi hai phẩy năm phần trăm kế hoạch; '.repeat(4000);
    const t0 = Date.now();
    expect(findNumbers(text)).toHaveLength(8000);
    expect(Date.now() - t0).toBeLessThan(3000);
  });
});
