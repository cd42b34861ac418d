import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXPORT_COLUMNS, ExportRow } from '../../schemas/fact.js';
import { writeJsonl } from '../../src/export/jsonl-writer.js';
import { trickyRows } from './export-rows.js';

describe('writeJsonl', () => {
  it('writes one object per line with keys in export-column order that parses back to the rows', async () => {
    const rows = trickyRows();
    const out = join(mkdtempSync(join(tmpdir(), 'solieu-jsonl-')), 'facts.jsonl');
    expect(await writeJsonl(rows, out)).toBe(rows.length);
    const lines = readFileSync(out, 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(rows.length);
    lines.forEach((line, i) => {
      const obj = JSON.parse(line) as Record<string, unknown>;
      expect(Object.keys(obj)).toEqual(EXPORT_COLUMNS);
      expect(ExportRow.parse(obj)).toEqual(rows[i]);
    });
  });
});
