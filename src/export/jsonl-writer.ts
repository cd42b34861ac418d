import { open } from 'node:fs/promises';
import { EXPORT_COLUMNS, type ExportRow } from '../../schemas/fact.js';

/** One row as a JSON object with its keys in export-column order (nulls kept as null). */
export function jsonlRecord(row: ExportRow): string {
  const ordered: Record<string, unknown> = {};
  for (const col of EXPORT_COLUMNS) ordered[col] = row[col] ?? null;
  return JSON.stringify(ordered);
}

/** Write rows as JSON Lines (UTF-8, `\n` line ends, no BOM). Returns the number of rows. */
export async function writeJsonl(rows: Iterable<ExportRow>, outPath: string): Promise<number> {
  const file = await open(outPath, 'w');
  let count = 0;
  try {
    let chunk = '';
    for (const row of rows) {
      chunk += `${jsonlRecord(row)}\n`;
      count++;
      if (chunk.length > 1 << 20) {
        await file.write(chunk, null, 'utf8');
        chunk = '';
      }
    }
    await file.write(chunk, null, 'utf8');
  } finally {
    await file.close();
  }
  return count;
}
