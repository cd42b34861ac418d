import JSZip from 'jszip';
import type { Element } from '@xmldom/xmldom';
import type { PageInfo, RawBlock, ReadResult } from '../../../schemas/raw-document.js';
import type { SourceFile } from '../../core/source-file.js';
import { decodeLegacy, guessLegacyEncoding, encodingFromFontName, textFitsLegacy, type LegacyEncoding } from '../../text/legacy-encoding.js';
import { DocxBodyWalker, type DocxParagraph, type DocxRun } from './docx-body.js';
import { DocxNumbering } from './docx-numbering.js';
import { DocxStyles } from './docx-styles.js';
import { parseXml, wChild, wChildren, wAttr, wInt, wVal } from './docx-xml.js';
import { DEFAULT_INFLATE_LIMITS, megabytes, type InflateLimits } from '../inflate-limits.js';

/**
 * Reader for Word `.docx`: one `paragraph` RawBlock per paragraph of the body (table cells and
 * text boxes included), with style, bold/italic, alignment, first-line indent, table position and
 * the Word automatic-numbering `label` (`I.`, `1.1.`, `a)`) rendered as Word shows it.
 *
 * Reads `word/document.xml`, `word/styles.xml` and `word/numbering.xml` directly (jszip +
 * xmldom): mammoth's model drops numbering labels, fonts and page breaks, which this needs.
 * Runs in legacy Vietnamese fonts (TCVN3 `.VnTime`/`.VnTimeH`, `VNI-*`) are decoded to Unicode
 * when their text fits the encoding too. Pages are estimated from explicit page breaks, section
 * breaks and Word's `lastRenderedPageBreak` marks. Headers, footers, footnotes and comments are
 * not read (they are furniture or apart from the report's body).
 */

export interface DocxReadOptions {
  /** Decode runs in legacy Vietnamese fonts (default true). */
  legacy?: boolean;
  /** What the XML parts may unpack to (default DEFAULT_INFLATE_LIMITS). */
  limits?: InflateLimits;
}

const MAIN_PART = 'word/document.xml';

async function openZip(file: SourceFile): Promise<JSZip> {
  if (file.bytes.length === 0) file.fail('file is empty', 'read:empty');
  try {
    return await JSZip.loadAsync(file.bytes);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return file.fail(`not a valid .docx (not a zip archive: ${why})`, 'read:corrupt');
  }
}

/** The main document part named by `_rels/.rels` (officeDocument), else `word/document.xml`. */
async function mainPartName(zip: JSZip, file: SourceFile, limits: InflateLimits): Promise<string> {
  const entry = zip.file('_rels/.rels');
  let rels: string | undefined;
  try {
    rels = entry ? await unpackBounded(entry, limits.xmlBytes) : undefined;
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return file.fail(`not a valid .docx (_rels/.rels cannot be unpacked: ${why})`, 'read:corrupt');
  }
  const m = rels?.match(/<Relationship\b[^>]*Type="[^"]*\/officeDocument"[^>]*>/);
  const target = m?.[0].match(/Target="([^"]+)"/)?.[1]?.replace(/^\//, '');
  return target && zip.file(target) ? target : MAIN_PART;
}

/** Marks a part that unpacks to more than the limit (a zip bomb, or a document far larger than any report). */
class PartTooLarge extends Error {}

/**
 * Unpack a zip entry as UTF-8 text, counting what it inflates to as it goes: past `limit` bytes
 * the inflation stops (what the central directory claims is not trusted).
 */
function unpackBounded(entry: JSZip.JSZipObject, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stream = entry.nodeStream('nodebuffer');
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        stream.pause();
        stream.removeAllListeners('data');
        chunks.length = 0;
        reject(new PartTooLarge(`more than ${megabytes(limit)}`));
        return;
      }
      chunks.push(chunk);
    });
    stream.on('error', (err: unknown) => reject(err instanceof Error ? err : new Error(String(err))));
    stream.on('end', () => resolve(Buffer.concat(chunks, size).toString('utf8')));
  });
}

async function readPart(zip: JSZip, name: string, file: SourceFile, limits: InflateLimits): Promise<Element | undefined> {
  const entry = zip.file(name);
  if (!entry) return undefined;
  let xml: string;
  try {
    xml = await unpackBounded(entry, limits.xmlBytes);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    if (err instanceof PartTooLarge) {
      return file.fail(
        `${name} unpacks to ${why} (limit ${megabytes(limits.xmlBytes)} per XML part: a zip bomb, or far larger than any report)`,
        'read:too-large-unpacked',
      );
    }
    return file.fail(`not a valid .docx (${name} cannot be unpacked: ${why})`, 'read:corrupt');
  }
  try {
    return parseXml(xml, name);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return file.fail(`not a valid .docx (${why})`, 'read:corrupt');
  }
}

/** numId and ilvl a paragraph style carries (following basedOn), for style-linked numbering. */
function styleNumbering(stylesRoot: Element | undefined): (styleId: string | undefined) => { numId?: number; ilvl?: number } | undefined {
  const byId = new Map<string, Element>();
  for (const s of wChildren(stylesRoot, 'style')) {
    const id = wAttr(s, 'styleId');
    if (id) byId.set(id, s);
  }
  return (styleId) => {
    const seen = new Set<string>();
    let cur = styleId;
    while (cur && !seen.has(cur)) {
      seen.add(cur);
      const s = byId.get(cur);
      const numPr = wChild(wChild(s, 'pPr'), 'numPr');
      if (numPr) return { numId: wInt(numPr, 'numId'), ilvl: wInt(numPr, 'ilvl') };
      cur = wVal(s, 'basedOn');
    }
    return undefined;
  };
}

interface LegacyCounts {
  byFont: number;
  unicodeInLegacyFont: number;
  byText: number;
}

/** Decode the runs in legacy fonts; when no font says so but the whole text reads as legacy, decode by the text. */
function decodeRuns(paragraphs: DocxParagraph[], file: SourceFile): LegacyCounts {
  const counts: LegacyCounts = { byFont: 0, unicodeInLegacyFont: 0, byText: 0 };
  const plain: DocxRun[] = [];
  for (const p of paragraphs) {
    for (const run of p.runs) {
      const font = run.font ? encodingFromFontName(run.font) : null;
      if (!font) {
        plain.push(run);
        continue;
      }
      if (!textFitsLegacy(run.text)) {
        counts.unicodeInLegacyFont++;
        continue;
      }
      const decoded = decodeLegacy(run.text, font.encoding, { capitals: font.capitals });
      if (decoded !== run.text) counts.byFont++;
      run.text = decoded;
    }
  }
  const rest = plain.map((r) => r.text).join(' ');
  const guess: LegacyEncoding | null = guessLegacyEncoding(rest);
  if (guess) {
    for (const run of plain) {
      if (!textFitsLegacy(run.text)) continue;
      const decoded = decodeLegacy(run.text, guess);
      if (decoded !== run.text) counts.byText++;
      run.text = decoded;
    }
    file.warn(
      `text in fonts without a legacy name reads as ${guess.toUpperCase()}; ${counts.byText} run(s) decoded from the text alone`,
      'read:legacy-by-text',
    );
  }
  if (counts.byFont > 0) file.info(`${counts.byFont} run(s) in legacy Vietnamese fonts (TCVN3/VNI) decoded to Unicode`, 'read:legacy-encoding');
  if (counts.unicodeInLegacyFont > 0) {
    file.info(`${counts.unicodeInLegacyFont} run(s) declare a legacy font but hold Unicode text; kept as is`, 'read:legacy-font-unicode');
  }
  return counts;
}

function toBlock(p: DocxParagraph): RawBlock | undefined {
  const text = p.runs.map((r) => (r.caps ? r.text.toUpperCase() : r.text)).join('');
  if (text.trim() === '' && !p.label) return undefined;
  const visible = p.runs.filter((r) => r.text.trim() !== '');
  const block: RawBlock = { text, page: p.page, unit: 'paragraph' };
  if (p.label) block.label = p.label;
  if (visible.length > 0 && visible.every((r) => r.bold)) block.bold = true;
  if (visible.length > 0 && visible.every((r) => r.italic)) block.italic = true;
  const size = visible.find((r) => r.size !== undefined)?.size;
  if (size !== undefined) block.fontSize = size;
  if (p.align) block.align = p.align;
  if (p.indent !== undefined) block.indent = p.indent;
  if (p.table) block.table = p.table;
  if (p.style) block.style = p.style;
  return block;
}

export async function readDocx(file: SourceFile, options: DocxReadOptions = {}): Promise<ReadResult> {
  const zip = await openZip(file);
  const limits = options.limits ?? DEFAULT_INFLATE_LIMITS;
  const mainName = await mainPartName(zip, file, limits);
  const document = await readPart(zip, mainName, file, limits);
  if (!document) file.fail(`not a valid .docx (no ${MAIN_PART} in the archive)`, 'read:corrupt');
  const body = wChild(document, 'body');
  if (!body) file.fail(`not a valid .docx (${mainName} has no w:body)`, 'read:corrupt');

  const stylesRoot = await readPart(zip, 'word/styles.xml', file, limits);
  const numberingRoot = await readPart(zip, 'word/numbering.xml', file, limits);
  const styles = new DocxStyles(stylesRoot);
  const styleNum = styleNumbering(stylesRoot);
  const numbering = new DocxNumbering(numberingRoot, (id) => styleNum(id)?.numId);
  const walker = new DocxBodyWalker(styles, numbering, styleNum);
  walker.walkBlocks(body, undefined, false);

  if (walker.unknown.size > 0) {
    file.info(`elements not read: ${[...walker.unknown].sort().join(', ')}`, 'read:docx-unknown-element');
  }
  if (numbering.missing.size > 0) {
    file.warn(`numbering referenced but not defined (numId ${[...numbering.missing].join(', ')}); those labels are missing`, 'read:docx-numbering');
  }
  if (options.legacy !== false) decodeRuns(walker.paragraphs, file);

  const raw: RawBlock[] = [];
  for (const p of walker.paragraphs) {
    const block = toBlock(p);
    if (block) raw.push(block);
  }
  const pageCount = Math.max(walker.pages, ...raw.map((b) => b.page));
  const pages: PageInfo[] = [];
  for (let page = 1; page <= pageCount; page++) {
    const chars = raw.filter((b) => b.page === page).reduce((n, b) => n + b.text.trim().length, 0);
    pages.push({ page, origin: 'docx', chars });
  }
  if (raw.length === 0) file.warn('the document body has no text', 'read:docx-empty-body');
  const tables = walker.tables.filter((t) => t.cells.length > 0);
  return { format: 'docx', raw, pages, ...(tables.length > 0 ? { tables } : {}) };
}
