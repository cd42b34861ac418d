import { extname } from 'node:path';
import type { SourceFormat } from '../../schemas/raw-document.js';

/** Extensions solieu reads, by reader. */
export const SUPPORTED_EXTENSIONS: Record<string, Exclude<SourceFormat, 'ocr'>> = {
  '.pdf': 'pdf',
  '.docx': 'docx',
  '.doc': 'doc',
  '.txt': 'text',
  '.md': 'text',
};

export type Sniffed = { format: Exclude<SourceFormat, 'ocr'> } | { error: string; rule: string };

/**
 * Decide which reader a file needs from its extension, checked against its first bytes, so a
 * `.docx` that is not a zip or a `.pdf` that is HTML is refused with the real reason.
 */
export function sniffFormat(path: string, head: Buffer): Sniffed {
  const ext = extname(path).toLowerCase();
  const format = SUPPORTED_EXTENSIONS[ext];
  if (!format) return { error: `unsupported file type "${ext || '(no extension)'}" (solieu reads .pdf, .docx, .doc, .txt, .md)`, rule: 'read:unsupported' };
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
      if (head.subarray(0, 5).toString('latin1') === '{\\rtf') return { error: 'an RTF file named .doc (RTF is not supported; save it as .docx)', rule: 'read:unsupported' };
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
