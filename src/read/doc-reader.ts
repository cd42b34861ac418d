import WordExtractor from 'word-extractor';
import type { PageInfo, RawBlock, ReadResult } from '../../schemas/raw-document.js';
import type { SourceFile } from '../core/source-file.js';
import { decodeLegacy, guessLegacyEncoding } from '../text/legacy-encoding.js';

/**
 * Reader for legacy Word 97-2003 `.doc` (OLE2) files, via word-extractor (pure JavaScript, no
 * converter process). One `paragraph` RawBlock per paragraph of the body; table rows come out as
 * tab-separated cells, each kept as its own block with its table position.
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
  let table = -1;
  let row = 0;
  let inTable = false;
  for (const line of body.replace(/\r\n?/g, '\n').split('\n')) {
    const cells = line.split('\t');
    const isRow = cells.length > 1;
    if (isRow && !inTable) {
      table += 1;
      row = 0;
    }
    inTable = isRow;
    cells.forEach((cellText, cell) => {
      const text = decodeParagraph(cellText.replace(CONTROL, '').replace(/\u00a0/g, ' ').trim(), counts);
      if (text === '') return;
      const block: RawBlock = { text, page: 1, unit: 'paragraph' };
      if (isRow) block.table = { table, row, cell };
      raw.push(block);
    });
    if (isRow) row += 1;
  }
  if (counts.decoded > 0) file.info(`${counts.decoded} paragraph(s) read as legacy TCVN3/VNI text and decoded to Unicode`, 'read:legacy-by-text');
  const chars = raw.reduce((n, b) => n + b.text.length, 0);
  const pages: PageInfo[] = [{ page: 1, origin: 'doc', chars }];
  if (raw.length === 0) file.warn('the document body has no text', 'read:doc-empty-body');
  else file.info('legacy .doc: page numbers are not available, the whole body is page 1', 'read:doc-pages');
  return { format: 'doc', raw, pages };
}

function decodeParagraph(text: string, counts: { decoded: number }): string {
  const encoding = guessLegacyEncoding(text);
  if (!encoding) return text.normalize('NFC');
  counts.decoded += 1;
  return decodeLegacy(text, encoding);
}
