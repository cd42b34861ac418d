import { constants, inflateSync } from 'node:zlib';
import type { SourceFile } from '../../core/source-file.js';
import { megabytes, type InflateLimits } from '../inflate-limits.js';

/** zlib cannot inflate more than about 1032 bytes from one: smaller streams cannot pass the limit. */
const MAX_DEFLATE_RATIO = 1032;

/** A stream's dictionary and where its data lies in the file. */
interface StreamRef {
  dict: string;
  start: number;
  end: number;
}

/**
 * Check what a PDF's compressed streams inflate to before pdfjs reads them (pdfjs inflates a
 * stream whole, with no bound of its own). A stream that is not an image and inflates past
 * `limits.streamBytes` fails the document (`read:too-large-unpacked`); images are counted in
 * pixels from their dictionary: one over `limits.imagePixels` is left undrawn (pdfjs's
 * `maxImageSize`) with a warning. Only FlateDecode streams whose size could exceed the limit
 * are inflated, each alone, to at most the limit; an encrypted file's streams cannot be
 * inflated before decryption and are left to pdfjs.
 */
export function checkPdfStreams(file: SourceFile, limits: InflateLimits): void {
  const bytes = file.bytes;
  const text = bytes.toString('latin1');
  const encrypted = /\/Encrypt\s/.test(text.slice(Math.max(0, text.length - 4096))) || /\/Encrypt\s/.test(text.slice(0, 4096));
  const big: string[] = [];
  for (const ref of streams(text)) {
    const image = /\/Subtype\s*\/Image\b/.test(ref.dict);
    if (image) {
      const width = numberAfter(ref.dict, 'Width');
      const height = numberAfter(ref.dict, 'Height');
      if (width !== undefined && height !== undefined && width * height > limits.imagePixels) big.push(`${width}×${height}`);
      continue;
    }
    if (encrypted || !/\/(?:FlateDecode|Fl)\b/.test(firstFilter(ref.dict))) continue;
    if ((ref.end - ref.start) * MAX_DEFLATE_RATIO <= limits.streamBytes) continue;
    if (inflatesPast(bytes.subarray(ref.start, ref.end), limits.streamBytes)) {
      file.fail(
        `a compressed stream inflates to more than ${megabytes(limits.streamBytes)} (at byte ${ref.start} of the file; a decompression bomb, or far larger than any report)`,
        'read:too-large-unpacked',
      );
    }
  }
  if (big.length > 0) {
    file.warn(
      `${big.length} image(s) over ${Math.round(limits.imagePixels / 1e6)} million pixels (${[...new Set(big)].slice(0, 3).join(', ')}) are not drawn: OCR does not see them`,
      'read:image-too-large',
    );
  }
}

/** The streams of a PDF, found by their `stream` keyword, with the dictionary before it. */
function* streams(text: string): Generator<StreamRef> {
  const keyword = /(>>\s*)stream(?:\r\n|\n|\r)/g;
  let m: RegExpExecArray | null;
  while ((m = keyword.exec(text)) !== null) {
    const dictEnd = m.index + m[1].length;
    const dictStart = text.lastIndexOf('obj', m.index);
    if (dictStart < 0 || m.index - dictStart > 4096) continue;
    const dict = text.slice(dictStart, dictEnd);
    const start = m.index + m[0].length;
    const length = numberAfter(dict, 'Length');
    let end = length !== undefined && start + length <= text.length && !/\/Length\s+\d+\s+\d+\s+R/.test(dict) ? start + length : -1;
    if (end < 0 || !/^\s*endstream/.test(text.slice(end, end + 32))) end = text.indexOf('endstream', start);
    if (end < 0) end = text.length;
    keyword.lastIndex = end;
    yield { dict, start, end };
  }
}

function numberAfter(dict: string, key: string): number | undefined {
  const m = dict.match(new RegExp(`/${key}\\s+(\\d+)\\b(?!\\s+\\d+\\s+R)`));
  return m ? Number(m[1]) : undefined;
}

/** The first filter of a stream (`/Filter /FlateDecode` or `/Filter [/FlateDecode …]`). */
function firstFilter(dict: string): string {
  return dict.match(/\/Filter\s*\[?\s*(\/\w+)/)?.[1] ?? '';
}

/** Whether the zlib data inflates to more than `limit` bytes (damaged data inflates as far as it goes). */
function inflatesPast(data: Buffer, limit: number): boolean {
  try {
    inflateSync(data, { maxOutputLength: limit, finishFlush: constants.Z_SYNC_FLUSH });
    return false;
  } catch (error) {
    return error instanceof RangeError || (error instanceof Error && 'code' in error && error.code === 'ERR_BUFFER_TOO_LARGE');
  }
}
