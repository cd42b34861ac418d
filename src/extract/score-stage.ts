import { z } from '../../schemas/zod.js';
import type { Document } from '../../schemas/document.js';
import { parseOptions, type Stage } from '../core/stage.js';
import { withModelConfidence } from './confidence-model.js';
import { contextEvidence } from './context-evidence.js';

export const ScoreOptions = z.object({
  /** Off: facts keep the confidence 0 the extractor gives them, and no model's version. */
  enabled: z.boolean().default(true),
  /** Drop facts below this confidence (0 keeps all: reviewers see low-confidence facts first). */
  minConfidence: z.number().min(0).max(1).default(0),
});
export type ScoreOptions = z.input<typeof ScoreOptions>;

/** Evidence about the document a fact sits in, which the model reads beside the fact's own. */
function documentEvidence(doc: Document): string[] {
  const type = doc.metadata.reportType === 'kế hoạch' ? 'plan' : doc.metadata.reportType === 'báo cáo' ? 'report' : 'other';
  return [...(doc.metadata.reportPeriod ? [] : ['doc:undated']), `doc:type-${type}`];
}

/** How crowded the paragraph a fact sits in is: many figures in one paragraph are easier to confuse. */
function crowdEvidence(doc: Document): (start: number) => string {
  const starts = doc.facts.map((f) => f.prov.start).sort((a, b) => a - b);
  const blocks = doc.blocks.map((b) => [b.prov.start, b.prov.end] as const);
  return (start) => {
    const block = blocks.find(([a, b]) => start >= a && start < b);
    if (!block) return 'doc:crowd-1';
    const n = starts.filter((s) => s >= block[0] && s < block[1]).length;
    return n <= 1 ? 'doc:crowd-1' : n <= 3 ? 'doc:crowd-2-3' : n <= 6 ? 'doc:crowd-4-6' : 'doc:crowd-7+';
  };
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
    const crowd = crowdEvidence(doc);
    const ocr = new Map(doc.pages.map((p) => [p.page, p.ocrConfidence]));
    const context = contextEvidence(doc);
    const facts = doc.facts.map((f, i) => {
      const evidence = [...f.evidence.filter((e) => !e.startsWith('doc:') && !e.startsWith('ctx:')), ...extra, crowd(f.prov.start), ...(context[i] ?? [])];
      return withModelConfidence({ ...f, evidence }, ocr.get(f.prov.page));
    });
    return { ...doc, facts: facts.filter((f) => f.confidence >= opts.minConfidence) };
  };
}
