import type { PageInfo, RawBlock, ReadResult } from '../../schemas/raw-document.js';
import type { SourceFile } from '../core/source-file.js';
import { guessUtf16 } from './format-sniffer.js';

/**
 * Reader for plain text and markdown-ish text (`.txt`, `.md`, the corpus `*.source.txt`).
 *
 * Emits one `line` RawBlock per non-blank physical line, `breakBefore` when a blank line
 * precedes it, pages split at form feeds (`\f`). Markdown marks are stripped here, so that
 * the text reads like the report in every rendition: heading markers (`#`…`######`), bold
 * and italic asterisks (`**b**`, `***bi***`, `*i*`) and markdown hard breaks (two trailing
 * spaces). A line wholly inside `**…**` is `bold`, inside `*…*` `italic`. Marks are removed
 * only when the file looks like markdown (`.md`, or `#` heading lines / `**` runs in a
 * `.txt`), so a plain text file keeps its asterisks.
 */

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Buffer, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function decodeUtf16be(bytes: Buffer): string {
  const swapped = Buffer.from(bytes);
  swapped.swap16();
  return new TextDecoder('utf-16le').decode(swapped);
}

/**
 * Decode the bytes: BOM first (UTF-8, UTF-16 LE/BE), then UTF-16 without a BOM from its zero
 * bytes, then strict UTF-8, then Windows-1258 when the result reads as Vietnamese. Anything
 * else fails the document with the reason: text is never kept with U+FFFD in it.
 */
export function decodeText(file: SourceFile): string {
  const bytes = file.bytes;
  if (startsWith(bytes, UTF8_BOM)) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return decodeUtf16be(bytes.subarray(2, bytes.length - ((bytes.length - 2) % 2)));
  const utf16 = guessUtf16(bytes);
  if (utf16) {
    file.info(`no byte-order mark; decoded as ${utf16.toUpperCase()} from its zero bytes`, 'read:utf16-no-bom');
    return utf16 === 'utf-16le' ? new TextDecoder('utf-16le').decode(bytes) : decodeUtf16be(bytes.subarray(0, bytes.length & ~1));
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: Windows-1258 (Vietnamese Windows), or something solieu must not guess at.
    const bad = (new TextDecoder('utf-8').decode(bytes).match(/\uFFFD/g) ?? []).length;
    const cp1258 = new TextDecoder('windows-1258').decode(bytes).normalize('NFC');
    if (looksVietnamese(cp1258)) {
      file.info('not UTF-8; decoded as Windows-1258 (Vietnamese Windows code page)', 'read:windows-1258');
      return cp1258;
    }
    return file.fail(
      `not valid UTF-8 (${bad} invalid byte sequence(s)) and not Windows-1258 Vietnamese: a legacy 8-bit encoding (TCVN3, VNI) or mixed encodings; save the file as UTF-8`,
      'read:encoding',
    );
  }
}

/** Vietnamese letters with their marks (lower case; upper case is checked lowered). */
const VIET_LETTER = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/u;

/**
 * Text decoded as Windows-1258 is Vietnamese when its non-ASCII characters are, nearly all,
 * Vietnamese letters after NFC (the code page writes tone marks as combining characters):
 * TCVN3, VNI or UTF-8 bytes read as Windows-1258 give symbols, stray marks and odd letters.
 */
function looksVietnamese(text: string): boolean {
  let nonAscii = 0;
  let viet = 0;
  for (const c of text) {
    if (c.charCodeAt(0) < 0x80) continue;
    nonAscii++;
    if (VIET_LETTER.test(c.toLowerCase())) viet++;
  }
  return viet >= 3 && viet >= nonAscii * 0.95;
}

const MD_HEADING = /^\s{0,3}#{1,6}\s+/;

/** Whether a text looks like markdown: `#` heading lines or `**bold**` runs. */
export function looksLikeMarkdown(text: string): boolean {
  const headings = text.match(/^\s{0,3}#{1,6}\s+\S/gm)?.length ?? 0;
  const bold = text.match(/\*\*[^*\n]+\*\*/g)?.length ?? 0;
  return headings >= 2 || bold >= 2;
}

interface MarkState {
  bold: boolean;
  italic: boolean;
}

/** Strip markdown marks from one line; the emphasis state carries across lines of one paragraph. */
function stripMarks(line: string, state: MarkState): { text: string; bold: boolean; italic: boolean } {
  let s = line.replace(MD_HEADING, '');
  const wasBold = state.bold;
  const wasItalic = state.italic;
  let boldChars = 0;
  let italicChars = 0;
  let plainChars = 0;
  let out = '';
  let i = 0;
  while (i < s.length) {
    if (s[i] === '*') {
      let j = i;
      while (j < s.length && s[j] === '*') j++;
      const run = j - i;
      // `* ` at the start of a line is a bullet, and a lone `*` between spaces is text
      const isBullet = out.trim() === '' && run === 1 && s[j] === ' ' && !state.italic;
      if (isBullet) {
        out += '-';
        i = j;
        continue;
      }
      if (run >= 2) state.bold = !state.bold;
      if (run === 1 || run >= 3) state.italic = !state.italic;
      i = j;
      continue;
    }
    if (!/\s/.test(s[i])) {
      if (state.bold) boldChars++;
      else plainChars++;
      if (state.italic) italicChars++;
    }
    out += s[i];
    i++;
  }
  s = out;
  const visible = boldChars + plainChars;
  return {
    text: s,
    bold: visible > 0 ? plainChars === 0 : wasBold,
    italic: visible > 0 ? italicChars === visible : wasItalic,
  };
}

/** At least this many cells on each line, and this many lines, make a tab-separated table. */
const TAB_TABLE_CELLS = 3;
const TAB_TABLE_ROWS = 2;

/**
 * Tables written with tabs (a table pasted from a spreadsheet or Word into a text file): runs of
 * consecutive lines that each split on tabs into the same number of cells (three or more). A
 * lone line with tabs (tab stops: `Số: 12/BC-UBND<tab>Hà Nội, ngày …`) is not a table.
 */
export function tabTableRows(lines: readonly string[]): Map<number, { row: number; cells: string[] }> {
  const out = new Map<number, { row: number; cells: string[] }>();
  const cellsOf = (line: string): string[] | undefined => {
    const cells = line.replace(/\s+$/, '').split('\t');
    return cells.length >= TAB_TABLE_CELLS && cells.filter((c) => c.trim()).length >= 2 ? cells : undefined;
  };
  for (let i = 0; i < lines.length; ) {
    const first = cellsOf(lines[i]);
    if (!first) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < lines.length && cellsOf(lines[end])?.length === first.length) end++;
    if (end - i >= TAB_TABLE_ROWS) for (let k = i; k < end; k++) out.set(k, { row: k - i + 1, cells: cellsOf(lines[k]) ?? [] });
    i = end;
  }
  return out;
}

/** Read a `.txt`/`.md` file into raw lines. */
export async function readText(file: SourceFile): Promise<ReadResult> {
  if (file.bytes.length === 0) file.fail('the file is empty', 'read:empty');
  const decoded = decodeText(file).replace(/\r\n?/g, '\n');
  if (decoded.trim() === '') file.fail('the file has no text (only whitespace)', 'read:empty');
  const markdown = /\.(md|markdown)$/i.test(file.path) || looksLikeMarkdown(decoded);
  const raw: RawBlock[] = [];
  const pages: PageInfo[] = [];
  const pageTexts = decoded.split('\f');
  let tableCount = 0;
  pageTexts.forEach((pageText, index) => {
    const page = index + 1;
    let chars = 0;
    let blankBefore = index > 0;
    const state: MarkState = { bold: false, italic: false };
    const lines = pageText.split('\n');
    const rows = tabTableRows(lines);
    for (let li = 0; li < lines.length; li++) {
      const physical = lines[li];
      const row = rows.get(li);
      if (row) {
        // a row of a tab-separated table: one block per cell, in the table's grid
        if (row.row === 1) tableCount++;
        row.cells.forEach((cellText, cell) => {
          const text = cellText.trim();
          if (text === '') return;
          raw.push({
            text,
            page,
            unit: 'line',
            table: { table: tableCount - 1, row: row.row, cell: cell + 1, col: cell },
            ...(row.row === 1 && cell === 0 && blankBefore ? { breakBefore: true } : {}),
          });
          chars += text.length;
        });
        blankBefore = false;
        continue;
      }
      const line = physical.replace(/\s+$/, '');
      if (line.trim() === '') {
        blankBefore = true;
        state.bold = false;
        state.italic = false;
        continue;
      }
      const stripped = markdown ? stripMarks(line, state) : { text: line, bold: false, italic: false };
      const lead = /^\s*/.exec(stripped.text)?.[0].replace(/\t/g, '    ').length ?? 0;
      const text = stripped.text.trim();
      if (text === '') {
        blankBefore = true;
        continue;
      }
      const block: RawBlock = { text, page, unit: 'line' };
      if (blankBefore) block.breakBefore = true;
      if (lead > 0) block.indent = lead;
      if (stripped.bold) block.bold = true;
      if (stripped.italic) block.italic = true;
      raw.push(block);
      chars += text.length;
      blankBefore = false;
    }
    pages.push({ page, origin: 'text', chars });
  });
  // a trailing form feed makes an empty last page: drop it
  while (pages.length > 1 && pages[pages.length - 1].chars === 0) pages.pop();
  if (markdown) file.info('markdown marks (#, **, *) stripped from the text', 'read:markdown');
  return { format: 'text', raw, pages };
}
