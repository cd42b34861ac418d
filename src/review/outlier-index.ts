import { METRIC_CATALOG } from '../../schemas/metric-catalog.js';
import { compareMetric } from '../export/compare-report.js';
import { rowOutliers } from '../export/compare-series.js';
import type { Db } from '../store/db.js';
import { factMetrics, queryFacts } from '../store/fact-query.js';
import { factsFingerprint } from '../store/review-view-query.js';

const cache = new WeakMap<Db, { key: string; outliers: Map<number, string> }>();

/**
 * The stored facts whose value breaks its series (see `seriesOutliers`): for every catalog
 * metric, the value each report gives (as `solieu compare` chooses it) in one series per
 * province over its periods. Kept until facts are stored or corrected.
 */
export async function outlierFacts(db: Db): Promise<Map<number, string>> {
  const key = await factsFingerprint(db);
  const hit = cache.get(db);
  if (hit?.key === key) return hit.outliers;
  // only the facts of catalog metrics three reports or more could state, metric by metric
  const counts = new Map<string, number>();
  for (const f of await factMetrics(db)) if (f.metric_id !== null) counts.set(f.metric_id, (counts.get(f.metric_id) ?? 0) + 1);
  const outliers = new Map<number, string>();
  for (const def of METRIC_CATALOG) {
    if ((counts.get(def.id) ?? 0) < 3) continue;
    const compared = compareMetric(await queryFacts(db, { metricId: def.id }), def);
    rowOutliers(compared).forEach((reason, i) => {
      const id = compared[i].fact_id;
      if (reason && id !== null) outliers.set(id, `${def.name} (${compared[i].province}, ${compared[i].period}): ${reason}`);
    });
  }
  cache.set(db, { key, outliers });
  return outliers;
}
