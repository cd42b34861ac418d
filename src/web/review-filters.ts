/**
 * The review queue's filters as the address keeps them (`#doc=…&status=auto&fact=12`), so a
 * reload shows the same queue. Pure: the page reads and writes its form through these.
 */
export interface QueueFilters {
  doc: string;
  metric: string;
  status: string;
  minConfidence: string;
  maxConfidence: string;
}

export const DEFAULT_STATUS = 'auto';

/** The queue's query parameters (what `/api/queue` takes): empty filters left out, status always set. */
export function queueParams(f: QueueFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.doc) p.set('doc', f.doc);
  const metric = f.metric.trim();
  if (metric) p.set('metric', metric);
  p.set('status', f.status || DEFAULT_STATUS);
  if (f.minConfidence !== '') p.set('minConfidence', f.minConfidence);
  if (f.maxConfidence !== '') p.set('maxConfidence', f.maxConfidence);
  return p;
}

/** The filters an address's hash holds (missing ones empty, status `auto`), and the fact it points at. */
export function filtersFromHash(hash: string): { filters: QueueFilters; fact: number | undefined } {
  const h = new URLSearchParams(hash.replace(/^#/, ''));
  const fact = Number(h.get('fact'));
  return {
    filters: {
      doc: h.get('doc') ?? '',
      metric: h.get('metric') ?? '',
      status: h.get('status') || DEFAULT_STATUS,
      minConfidence: h.get('minConfidence') ?? '',
      maxConfidence: h.get('maxConfidence') ?? '',
    },
    fact: Number.isSafeInteger(fact) && fact > 0 ? fact : undefined,
  };
}

/** The hash for these filters and the selected fact. */
export function hashOf(f: QueueFilters, factId?: number): string {
  const p = queueParams(f);
  if (factId !== undefined) p.set('fact', String(factId));
  return `#${p.toString()}`;
}
