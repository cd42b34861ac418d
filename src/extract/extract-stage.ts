import { z } from 'zod';
import { parseOptions, type Stage } from '../core/stage.js';
import { extractFacts } from './fact-extractor.js';

export const ExtractOptions = z.object({
  enabled: z.boolean().default(true),
  /** Drop facts below this confidence (0 keeps all: reviewers see low-confidence facts first). */
  minConfidence: z.number().min(0).max(1).default(0),
});
export type ExtractOptions = z.input<typeof ExtractOptions>;

/** The extract stage: fills `doc.facts` from the segmented blocks. */
export function createExtractStage(options?: ExtractOptions): Stage {
  const opts = parseOptions('extract', ExtractOptions, options);
  return (doc, file) => {
    if (!opts.enabled) return doc;
    const facts = extractFacts(doc).filter((f) => f.confidence >= opts.minConfidence);
    if (doc.blocks.length > 0 && facts.length === 0) file.info('no numeric facts found', 'extract:no-facts');
    return { ...doc, facts };
  };
}
