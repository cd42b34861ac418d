import WordExtractor from 'word-extractor';
import type { PageInfo, RawBlock, ReadResult } from '../../../schemas/raw-document.js';
import type { SourceFile } from '../../core/source-file.js';
import { decodeLegacy, guessLegacyEncoding } from '../../text/legacy-encoding.js';

/**
 * Reader for legacy Word 97-2003 `.doc` (OLE2) files, via word-extractor (pure JavaScript, no
 * converter process). One `paragraph` RawBlock per paragraph of the body; table rows come out as
 * cells each ended by a tab (word-extractor's cell mark), each cell paragraph kept as its own block
 * with its table position (1-based row and cell, 0-based grid column); normalization makes a plain
 * grid of them (`.doc` keeps merged cells in formatting this reader does not see).
 *
 * The binary format keeps no usable page geometry here, so the whole body is page 1 (page counts in
 * OLE summary info are often stale, see corpus-real/MANIFEST.md). Fonts are not exposed either, so
 * legacy TCVN3/VNI text is detected from the text itself, paragraph by paragraph: a `.VnTime` entry
 * in the font table does not mean the text is TCVN3 (many real files declare it over Unicode text).
 */

/** Word field results and control characters word-extractor may leave behind. */
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/g;

export async function readDoc(file: SourceFile): Promise<ReadResult> {
  if (file.bytes.length === 0) file.fail('the file is empty', 'read:empty');
  let body: string;
  try {
    const doc = await new WordExtractor().extract(file.bytes);
    body = doc.getBody({ filterUnicode: false });
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return file.fail(`not a readable Word 97-2003 document (${why})`, 'read:corrupt');
  }
  const raw: RawBlock[] = [];
  const counts = { decoded: 0 };
  const add = (text: string, table?: RawBlock['table']): void => {
    const clean = decodeParagraph(
      text
        .replace(CONTROL, '')
        .replace(/\u00a0/g, ' ')
        .trim(),
      counts,
    );
    if (clean === '') return;
    raw.push(table ? { text: clean, page: 1, unit: 'paragraph', table } : { text: clean, page: 1, unit: 'paragraph' });
  };
  let table = -1;
  let row = 0;
  for (const piece of bodyPieces(body.replace(/\r\n?/g, '\n'))) {
    if (piece.kind === 'paragraph') {
      row = 0;
      add(piece.text);
      continue;
    }
    if (row === 0) table += 1;
    row += 1;
    // one block per paragraph of each cell, at its 1-based row and cell and its 0-based grid column
    piece.cells.forEach((cellText, cell) => {
      for (const para of cellText.split('\n')) add(para, { table, row, cell: cell + 1, col: cell });
    });
  }
  if (counts.decoded > 0) file.info(`${counts.decoded} paragraph(s) read as legacy TCVN3/VNI text and decoded to Unicode`, 'read:legacy-by-text');
  const chars = raw.reduce((n, b) => n + b.text.length, 0);
  const pages: PageInfo[] = [{ page: 1, origin: 'doc', chars }];
  if (raw.length === 0) file.warn('the document body has no text', 'read:doc-empty-body');
  else file.info('legacy .doc: page numbers are not available, the whole body is page 1', 'read:doc-pages');
  return { format: 'doc', raw, pages };
}

/** A table row (its cells' texts, paragraphs inside a cell kept apart by `\n`) or a paragraph of the body. */
type BodyPiece = { kind: 'paragraph'; text: string } | { kind: 'row'; cells: string[] };

/** How many lines a row whose cells hold paragraphs may run over before its end mark. */
const ROW_REACH = 12;

/**
 * The body as paragraphs and table rows. word-extractor writes each cell mark as a tab, so a row
 * is its cells each followed by a tab, the row's end a tab right before the line break; a
 * paragraph break inside a cell is a line break without a tab before it. A line holding a tab
 * that no row end follows within a few lines (tab stops: `Số: 09/CT-UBND<tab>Thủ Dầu Một, ngày …`)
 * is a row of its own, its pieces cells.
 */
export function bodyPieces(body: string): BodyPiece[] {
  const lines = body.split('\n');
  const out: BodyPiece[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line.includes('\t')) {
      out.push({ kind: 'paragraph', text: line });
      continue;
    }
    const end = rowEnd(lines, i);
    const cells = (end === undefined ? line : lines.slice(i, end + 1).join('\n')).split('\t');
    if (end !== undefined || line.endsWith('\t')) cells.pop(); // after the row's end mark
    out.push({ kind: 'row', cells });
    if (end !== undefined) i = end;
  }
  return out;
}

/**
 * The line that ends the row starting at line `i`: the first line ending with a tab, with text
 * before it, no blank line between. Undefined when none follows within `ROW_REACH` lines: then
 * the line stands alone (tab stops in a paragraph, laid out as the cells of a one-line row).
 */
function rowEnd(lines: string[], i: number): number | undefined {
  if (lines[i].endsWith('\t')) return i;
  for (let k = i + 1; k < lines.length && k - i <= ROW_REACH; k++) {
    if (lines[k].trim() === '') return undefined;
    if (lines[k].endsWith('\t')) return /[^\t\s]/u.test(lines[k]) ? k : undefined;
  }
  return undefined;
}

function decodeParagraph(text: string, counts: { decoded: number }): string {
  const encoding = guessLegacyEncoding(text);
  if (!encoding) return text.normalize('NFC');
  counts.decoded += 1;
  return decodeLegacy(text, encoding);
}
