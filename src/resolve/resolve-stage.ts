import { z } from '../../schemas/zod.js';
import type { Document, Metadata } from '../../schemas/document.js';
import type { Fact } from '../../schemas/fact.js';
import { parseOptions, type Stage } from '../core/stage.js';
import type { SourceFile } from '../core/source-file.js';
import { matchMetric, type MetricMatch } from './metric-matcher.js';
import { resolveProvince } from './province-resolver.js';
import { isNationalAgency } from '../text/national-agency.js';

export const ResolveOptions = z.object({
  /** Map metric phrases to the catalog. */
  metrics: z.boolean().default(true),
  /** Normalize `metadata.province` to the canonical name. */
  provinces: z.boolean().default(true),
});
export type ResolveOptions = z.input<typeof ResolveOptions>;

/** A fact with its canonical metric, if the catalog has one (confidence is the score stage's). */
function resolveFact(fact: Fact, sectionTitle: string | undefined): Fact {
  if (fact.metric_id) return fact;
  const m: MetricMatch | null = matchMetric(fact.metric, { unit: fact.unit, kind: fact.kind, aspect: fact.aspect, section_title: sectionTitle });
  if (!m) return { ...fact, evidence: [...fact.evidence, 'metric:unmatched'] };
  return { ...fact, metric_id: m.metric_id, evidence: [...fact.evidence, 'metric:matched'] };
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

/** The metadata with the province's canonical name and, when it is one of the provinces, its id. */
function withProvince(metadata: Metadata, province: string | undefined): Metadata {
  if (province === undefined) return metadata;
  const id = resolveProvince(province)?.id;
  return id === undefined ? { ...metadata, province } : { ...metadata, province, provinceId: id };
}

/**
 * The resolve stage: sets `metric_id` on every fact that matches a canonical metric (the
 * section title helps short phrases), records `metric:matched` / `metric:unmatched` evidence
 * (which the score stage's confidence model reads), and writes the
 * canonical province name and its id into the metadata (the store writes them as they are).
 * Pure: returns a new document, no I/O.
 */
export function createResolveStage(options?: ResolveOptions): Stage {
  const opts = parseOptions('resolve', ResolveOptions, options);
  return (doc: Document, file: SourceFile): Document => {
    const titles = new Map(doc.sections.map((s) => [s.path, s.title]));
    const facts = opts.metrics ? doc.facts.map((f) => resolveFact(f, titles.get(f.section))) : doc.facts;
    return { ...doc, facts, metadata: opts.provinces ? withProvince(doc.metadata, resolveDocProvince(doc, file)) : doc.metadata };
  };
}
