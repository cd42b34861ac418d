import { open } from 'node:fs/promises';
import { EXPORT_COLUMNS, type ExportRow } from '../../schemas/fact.js';
import { formatNumber, neutralizeText, NUMERIC_COLUMNS } from './cell-safety.js';

const BOM = '\uFEFF';
const CRLF = '\r\n';

/** RFC 4180: a field with `,`, `"`, CR or LF is quoted and its quotes doubled. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record (without the line end): numbers unformatted, nulls empty, text neutralised. */
function csvRecord(row: ExportRow): string {
  return EXPORT_COLUMNS.map((col) => {
    const v = row[col];
    if (v === null || v === undefined) return '';
    if (NUMERIC_COLUMNS.has(col)) return formatNumber(v as number);
    return csvField(neutralizeText(String(v), col));
  }).join(',');
}

/**
 * Write rows as CSV that Excel opens with Vietnamese intact: UTF-8 with a BOM, header =
 * `EXPORT_COLUMNS`, RFC 4180 quoting, CRLF line ends. Rows may be any iterable (a DB cursor).
 * Returns the number of rows written.
 */
export async function writeCsv(rows: Iterable<ExportRow>, outPath: string): Promise<number> {
  const file = await open(outPath, 'w');
  let count = 0;
  try {
    let chunk = BOM + EXPORT_COLUMNS.join(',') + CRLF;
    for (const row of rows) {
      chunk += csvRecord(row) + CRLF;
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
