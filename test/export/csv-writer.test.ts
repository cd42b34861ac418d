import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXPORT_COLUMNS, Period, type ExportRow } from '../../schemas/fact.js';
import { writeCsv } from '../../src/export/csv-writer.js';
import { goldRows, trickyRows } from './export-rows.js';

/** Parse CSV the way Excel reads an RFC 4180 file: quoted fields may hold `,`, `""` and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else if (c === '\n') throw new Error(`bare LF outside quotes at ${i}`);
    else field += c;
  }
  if (field !== '' || record.length > 0) throw new Error('last record not terminated by CRLF');
  return records;
}

function expectedCell(row: ExportRow, col: keyof ExportRow): string {
  const v = row[col];
  if (v === null) return '';
  if (typeof v === 'number') return v === 1e21 ? '1000000000000000000000' : String(v);
  if ((col === 'period' || col === 'report_period') && Period.safeParse(v).success) return v;
  return /^[=+\-@]/.test(v) ? `'${v}` : v;
}

const dir = mkdtempSync(join(tmpdir(), 'solieu-csv-'));

describe('writeCsv', () => {
  it('writes a BOM, the export header and one CRLF record per row that parses back to the input', async () => {
    const rows = trickyRows();
    const out = join(dir, 'tricky.csv');
    expect(await writeCsv(rows, out)).toBe(rows.length);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parseCsv(bytes.subarray(3).toString('utf8'));
    expect(records[0]).toEqual(EXPORT_COLUMNS);
    expect(records).toHaveLength(rows.length + 1);
    rows.forEach((row, i) => {
      expect(records[i + 1]).toEqual(EXPORT_COLUMNS.map((c) => expectedCell(row, c)));
    });
  });

  it('quotes fields with commas, quotes and line breaks and doubles the quotes', async () => {
    const out = join(dir, 'quoting.csv');
    await writeCsv(trickyRows(), out);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('"thuê bao, ""cố định"" và di động"');
    expect(text).toContain('"dòng một\r\ndòng hai\nba"');
  });

  it('neutralises text cells that start with = + - @ but leaves negative numbers as numbers', async () => {
    const out = join(dir, 'formula.csv');
    await writeCsv(trickyRows(), out);
    const records = parseCsv(readFileSync(out, 'utf8').slice(1));
    const third = Object.fromEntries(EXPORT_COLUMNS.map((c, i) => [c, records[3][i]]));
    expect(third.metric).toBe(`'=HYPERLINK("http://x","y")`);
    expect(third.quote).toBe(`'+5%`);
    expect(third.value).toBe('-5');
    expect(third.base_value).toBe('-5');
    const fourth = Object.fromEntries(EXPORT_COLUMNS.map((c, i) => [c, records[4][i]]));
    expect(fourth.metric).toBe("'@SUM(A1)");
    expect(fourth.title).toBe("'-tiêu đề");
  });

  it("writes periods in solieu's own notation as they are (a stock @2020-05 keeps its @) and neutralises a period that is not one", async () => {
    const base = trickyRows()[0];
    const rows: ExportRow[] = [
      { ...base, period: '@2020-05', report_period: '2020-05' },
      { ...base, period: '2020-01..2020-05' },
      { ...base, period: '=HYPERLINK("http://x","y")', report_period: '@cmd' },
    ];
    const out = join(dir, 'periods.csv');
    await writeCsv(rows, out);
    const records = parseCsv(readFileSync(out, 'utf8').slice(1));
    const col = (name: keyof ExportRow, r: number) => records[r][EXPORT_COLUMNS.indexOf(name)];
    expect(col('period', 1)).toBe('@2020-05');
    expect(col('report_period', 1)).toBe('2020-05');
    expect(col('period', 2)).toBe('2020-01..2020-05');
    expect(col('period', 3)).toBe(`'=HYPERLINK("http://x","y")`);
    expect(col('report_period', 3)).toBe("'@cmd");
  });

  it('writes numbers without grouping or exponent and nulls as empty fields', async () => {
    const out = join(dir, 'numbers.csv');
    await writeCsv(trickyRows(), out);
    const records = parseCsv(readFileSync(out, 'utf8').slice(1));
    const col = (name: keyof ExportRow, r: number) => records[r][EXPORT_COLUMNS.indexOf(name)];
    expect(col('base_value', 1)).toBe('1150500000000');
    expect(col('value', 1)).toBe('1150.5');
    expect(col('of', 1)).toBe('');
    expect(col('direction', 1)).toBe('');
    expect(col('value', 5)).toBe('0.000001');
    expect(col('base_value', 5)).toBe('1000000000000000000000');
  });

  it('round-trips every gold fact of the shared corpus with its Vietnamese text intact', async () => {
    const rows = goldRows();
    const out = join(dir, 'gold.csv');
    await writeCsv(rows, out);
    const records = parseCsv(readFileSync(out, 'utf8').slice(1));
    expect(records).toHaveLength(rows.length + 1);
    rows.forEach((row, i) => {
      expect(records[i + 1]).toEqual(EXPORT_COLUMNS.map((c) => expectedCell(row, c)));
    });
    expect(records.some((r) => r[EXPORT_COLUMNS.indexOf('metric')].includes('bưu chính'))).toBe(true);
  });

  it('writes only the header for no rows', async () => {
    const out = join(dir, 'empty.csv');
    expect(await writeCsv([], out)).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(`\uFEFF${EXPORT_COLUMNS.join(',')}\r\n`);
  });
});
