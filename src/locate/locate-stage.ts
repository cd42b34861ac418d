import { z } from '../../schemas/zod.js';
import type { Block, Document } from '../../schemas/document.js';
import type { Fact } from '../../schemas/fact.js';
import { parseOptions, type Stage } from '../core/stage.js';
import type { SourceFile } from '../core/source-file.js';
import { quoteBox } from './quote-box.js';

export const LocateOptions = z.object({}).strict();
export type LocateOptions = z.input<typeof LocateOptions>;

/**
 * The locate stage: every fact whose block the reader drew with positions (PDF text layer,
 * OCR) gets `prov.bbox`, the union of the boxes of the characters its quote spans, and the
 * page the quote sits on (a paragraph can run onto the next page). Facts from DOCX and text
 * keep no box. Runs after extract; changes nothing else.
 */
export function createLocateStage(options?: LocateOptions): Stage {
  parseOptions('locate', LocateOptions, options);
  return (doc: Document, file: SourceFile): Document => {
    if (doc.facts.length === 0 || !doc.raw.some((b) => b.words || b.ocr?.words)) return doc;
    const blocks = [...doc.blocks].sort((a, b) => a.prov.start - b.prov.start);
    let missing = 0;
    const facts = doc.facts.map((fact): Fact => {
      const block = blockAt(blocks, fact.prov.start);
      const place = block ? quoteBox(doc, block, fact.prov.start, fact.prov.end) : undefined;
      if (!place) {
        if (pageHasPositions(doc, fact.prov.page)) missing++;
        return fact;
      }
      return { ...fact, prov: { ...fact.prov, page: place.page, bbox: place.bbox } };
    });
    if (missing > 0) file.info(`${missing} fact(s) on pages read with positions got no box (their text could not be traced to the page)`, 'locate:no-box');
    return { ...doc, facts };
  };
}

/** The block whose span holds `offset` (blocks sorted by start). */
function blockAt(blocks: Block[], offset: number): Block | undefined {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = blocks[mid];
    if (offset < b.prov.start) hi = mid - 1;
    else if (offset >= b.prov.end) lo = mid + 1;
    else return b;
  }
  return undefined;
}

function pageHasPositions(doc: Document, page: number): boolean {
  return doc.pages.some((p) => p.page === page && (p.origin === 'text-layer' || p.origin === 'ocr'));
}
