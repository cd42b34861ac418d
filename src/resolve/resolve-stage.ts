import { z } from 'zod';
import type { Document } from '../../schemas/document.js';
import type { Fact } from '../../schemas/fact.js';
import { parseOptions, type Stage } from '../core/stage.js';
import type { SourceFile } from '../core/source-file.js';
import { matchMetric, type MetricMatch } from './metric-matcher.js';
import { resolveProvince } from './province-resolver.js';
import { isNationalAgency } from '../normalize/metadata-reader.js';

export const ResolveOptions = z.object({
  /** Map metric phrases to the catalog. */
  metrics: z.boolean().default(true),
  /** Normalize `metadata.province` to the canonical name. */
  provinces: z.boolean().default(true),
  /**
   * How much the match score moves confidence: a matched fact's confidence is multiplied by
   * `1 - weight × (1 - score)` — with the default 0.1 a perfect match leaves it unchanged and
   * a match at the threshold (0.6) lowers it by 4%. Unmatched facts keep their confidence:
   * a phrase missing from the catalog says nothing about whether the number was read right.
   */
  confidenceWeight: z.number().min(0).max(1).default(0.1),
});
export type ResolveOptions = z.input<typeof ResolveOptions>;

const round3 = (n: number): number => Math.round(n * 1000) / 1000;

function resolveFact(fact: Fact, sectionTitle: string | undefined, weight: number): Fact {
  if (fact.metric_id) return fact;
  const m: MetricMatch | null = matchMetric(fact.metric, { unit: fact.unit, kind: fact.kind, aspect: fact.aspect, section_title: sectionTitle });
  if (!m) return { ...fact, evidence: [...fact.evidence, 'metric:unmatched'] };
  return {
    ...fact,
    metric_id: m.metric_id,
    confidence: round3(Math.min(1, Math.max(0, fact.confidence * (1 - weight * (1 - m.score))))),
    evidence: [...fact.evidence, 'metric:matched'],
  };
}

/** Province named in the metadata, or else in the agency line or the administrative header. */
function resolveDocProvince(doc: Document, file: SourceFile): string | undefined {
  const written = doc.metadata.province;
  if (written) {
    const p = resolveProvince(written);
    if (p) return p.name;
    file.warn(`province "${written}" is not one of the 63 provinces; left as written`, 'resolve:unknown-province');
    return written;
  }
  if (isNationalAgency(doc.metadata.agency)) return undefined;
  const candidates = [doc.metadata.agency, ...doc.blocks.filter((b) => b.role === 'admin-header').map((b) => b.text)];
  for (const text of candidates) {
    if (!text) continue;
    const p = resolveProvince(text);
    if (p) {
      file.info(`province taken from the header: ${p.name}`, 'resolve:province-from-header');
      return p.name;
    }
  }
  return undefined;
}

/**
 * The resolve stage: sets `metric_id` on every fact that matches a canonical metric (the
 * section title helps short phrases), folds the match score into confidence (see
 * `confidenceWeight`), records `metric:matched` / `metric:unmatched` evidence, and writes the
 * canonical province name into the metadata. Pure: returns a new document, no I/O.
 */
export function createResolveStage(options?: ResolveOptions): Stage {
  const opts = parseOptions('resolve', ResolveOptions, options);
  return (doc: Document, file: SourceFile): Document => {
    const titles = new Map(doc.sections.map((s) => [s.path, s.title]));
    const facts = opts.metrics ? doc.facts.map((f) => resolveFact(f, titles.get(f.section), opts.confidenceWeight)) : doc.facts;
    const province = opts.provinces ? resolveDocProvince(doc, file) : doc.metadata.province;
    const metadata = province === undefined ? doc.metadata : { ...doc.metadata, province };
    return { ...doc, facts, metadata };
  };
}
