import { extname } from 'node:path';
import type { SourceFormat } from '../../schemas/raw-document.js';

/** The formats a file on disk is read as (OCR is a way of reading a PDF, not a file's format). */
export type FileFormat = Exclude<SourceFormat, 'ocr'>;

/**
 * Extensions solieu reads, by reader: the one list. The folder walk, the format check and every
 * message naming what solieu reads derive from it (`supportedExtensionsText`).
 */
export const SUPPORTED_EXTENSIONS: Readonly<Record<string, FileFormat>> = {
  '.pdf': 'pdf',
  '.docx': 'docx',
  '.doc': 'doc',
  '.txt': 'text',
  '.md': 'text',
};

/** Is this a file solieu reads, by its extension (any case)? */
export function isSupportedPath(path: string): boolean {
  return Object.hasOwn(SUPPORTED_EXTENSIONS, extname(path).toLowerCase());
}

/** The supported extensions as a message names them: `.pdf, .docx, .doc, .txt or .md`. */
export function supportedExtensionsText(conjunction: 'or' | 'and' = 'or'): string {
  const exts = Object.keys(SUPPORTED_EXTENSIONS);
  return `${exts.slice(0, -1).join(', ')} ${conjunction} ${exts[exts.length - 1]}`;
}

/** Files larger than this are refused unless `--max-size` raises it: 200 MB, far above any report. */
export const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;

const megabytes = (bytes: number): string => (bytes / (1024 * 1024)).toFixed(1);

/** Why a file was refused for its size. */
export interface SizeRefusal {
  error: string;
  rule: 'read:too-large';
}

/** The one size check: why a file of `size` bytes is refused under the limit `maxBytes`, or undefined when it is not. */
export function sizeRefusal(size: number, maxBytes: number): SizeRefusal | undefined {
  if (size <= maxBytes) return undefined;
  return { error: `file is too large (${megabytes(size)} MB > ${megabytes(maxBytes)} MB limit; raise --max-size)`, rule: 'read:too-large' };
}

/**
 * The same refusal when only a lower bound of the size is known: a read that stopped at the
 * limit (a file that grew after `stat`, or one that reports no size, as files in /proc do).
 */
export function sizePastLimit(maxBytes: number): SizeRefusal {
  return { error: `file is too large (more than the ${megabytes(maxBytes)} MB limit; raise --max-size)`, rule: 'read:too-large' };
}

export type Sniffed = { format: FileFormat } | { error: string; rule: string };

/**
 * Decide which reader a file needs from its extension, checked against its first bytes, so a
 * `.docx` that is not a zip or a `.pdf` that is HTML is refused with the real reason.
 */
export function sniffFormat(path: string, head: Buffer): Sniffed {
  const ext = extname(path).toLowerCase();
  const format = isSupportedPath(path) ? SUPPORTED_EXTENSIONS[ext] : undefined;
  if (!format) return { error: `unsupported file type "${ext || '(no extension)'}" (solieu reads ${supportedExtensionsText()})`, rule: 'read:unsupported' };
  if (head.length === 0) return { error: 'file is empty', rule: 'read:empty' };
  const magic = (bytes: number[]) => bytes.every((b, i) => head[i] === b);
  const isPdf = head.subarray(0, 1024).includes('%PDF-');
  const isZip = magic([0x50, 0x4b, 0x03, 0x04]) || magic([0x50, 0x4b, 0x05, 0x06]);
  const isOle = magic([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  switch (format) {
    case 'pdf':
      return isPdf ? { format } : { error: 'not a PDF (no %PDF- header)', rule: 'read:corrupt' };
    case 'docx':
      if (isZip) return { format };
      if (isOle) return { format: 'doc' };
      return { error: 'not a valid .docx (not a zip archive)', rule: 'read:corrupt' };
    case 'doc':
      if (isOle) return { format };
      if (isZip) return { format: 'docx' };
      if (head.subarray(0, 5).toString('latin1') === '{\\rtf')
        return { error: 'an RTF file named .doc (RTF is not supported; save it as .docx)', rule: 'read:unsupported' };
      return { error: 'not a Word 97-2003 document (no OLE2 header)', rule: 'read:corrupt' };
    case 'text':
      return head.subarray(0, 4096).includes(0) && !(head[0] === 0xff || head[0] === 0xfe) && !guessUtf16(head)
        ? { error: 'binary data in a text file', rule: 'read:corrupt' }
        : { format };
  }
}

/** UTF-16 without a BOM: most odd (LE) or even (BE) bytes are zero in Vietnamese/ASCII text. */
export function guessUtf16(bytes: Buffer): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  let zeroOdd = 0;
  let zeroEven = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) zeroEven++;
    if (bytes[i + 1] === 0) zeroOdd++;
  }
  const pairs = n / 2;
  if (zeroOdd > pairs * 0.3 && zeroEven < pairs * 0.05) return 'utf-16le';
  if (zeroEven > pairs * 0.3 && zeroOdd < pairs * 0.05) return 'utf-16be';
  return undefined;
}
