import type { Block, Document } from '../../schemas/document.js';
import type { RawBlock } from '../../schemas/raw-document.js';
import { parseLabel } from './heading-label.js';

/**
 * A heading's title that the page wrapped onto the next line(s), where the reader gave lines
 * (PDF): the lines right under the heading's last line — in the same type (bold alike, the same
 * size), on the same page, no wider apart than the lines of one paragraph — are the rest of its
 * title, until a line that has a label of its own, is centred, or stands apart. What follows a
 * gap (a subheading without a number, a table caption) is not taken.
 */

/** Gap under a line, as a share of its height, below which the next line belongs to the same paragraph. */
const MAX_GAP = 0.4;

function lineOf(doc: Document, raw: number): RawBlock | undefined {
  const r = doc.raw[raw];
  return r && r.unit === 'line' && r.bbox ? r : undefined;
}

function sameType(a: RawBlock, b: RawBlock): boolean {
  if ((a.bold === true) !== (b.bold === true)) return false;
  if (a.fontSize !== undefined && b.fontSize !== undefined && Math.abs(a.fontSize - b.fontSize) > 0.5) return false;
  return true;
}

function follows(prev: RawBlock, next: RawBlock): boolean {
  if (prev.page !== next.page || !prev.bbox || !next.bbox) return false;
  const height = prev.bbox[3] - prev.bbox[1];
  const gap = next.bbox[1] - prev.bbox[3];
  return height > 0 && gap >= -height * 0.2 && gap <= height * MAX_GAP;
}

/** The wrapped rest of the title of `blocks[at]`, a heading, from the blocks after it. */
export function titleContinuation(doc: Document, blocks: readonly Block[], at: number): string {
  const head = blocks[at];
  const lastPart = head.parts?.[head.parts.length - 1];
  let prev = lastPart ? lineOf(doc, lastPart.raw) : undefined;
  if (prev?.bold !== true) return '';
  const pieces: string[] = [];
  for (let i = at + 1; i < blocks.length && pieces.length < 4; i++) {
    const b = blocks[i];
    if (b.role !== 'body' || b.cell) break;
    let whole = true;
    for (const part of b.parts ?? []) {
      const line = lineOf(doc, part.raw);
      if (!line || !sameType(prev, line) || !follows(prev, line) || line.align === 'center' || parseLabel(line.text)) {
        whole = false;
        break;
      }
      pieces.push(doc.text.slice(part.start, part.end));
      prev = line;
    }
    if (!whole || !b.parts?.length) break;
  }
  return pieces.join(' ');
}
