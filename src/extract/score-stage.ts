import { z } from 'zod';
import type { Document } from '../../schemas/document.js';
import { parseOptions, type Stage } from '../core/stage.js';
import { withModelConfidence } from './confidence-model.js';

export const ScoreOptions = z.object({
  enabled: z.boolean().default(true),
});
export type ScoreOptions = z.input<typeof ScoreOptions>;

/** Evidence about the document a fact sits in, which the model reads beside the fact's own. */
function documentEvidence(doc: Document): string[] {
  return doc.metadata.reportPeriod ? [] : ['doc:undated'];
}

/**
 * The score stage, last in the pipeline: every fact's confidence from the confidence model
 * (`confidence-model.ts`), once all evidence is in — the extractor's rules, the catalog match of
 * the resolve stage, the document's own — so that what the model reads when it scores a fact is
 * exactly what it was fit on (`scripts/fit-confidence.ts` reads the stored evidence). A fact on a
 * page read by OCR is scaled by the page's mean word confidence.
 */
export function createScoreStage(options?: ScoreOptions): Stage {
  const opts = parseOptions('score', ScoreOptions, options);
  return (doc) => {
    if (!opts.enabled || doc.facts.length === 0) return doc;
    const extra = documentEvidence(doc);
    const ocr = new Map(doc.pages.map((p) => [p.page, p.ocrConfidence]));
    const facts = doc.facts.map((f) => {
      const evidence = [...f.evidence.filter((e) => !e.startsWith('doc:')), ...extra];
      return withModelConfidence({ ...f, evidence }, ocr.get(f.prov.page));
    });
    return { ...doc, facts };
  };
}
