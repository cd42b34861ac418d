import { METRIC_CATALOG } from '../../schemas/metric-catalog.js';
import { compareMetric } from '../export/compare-report.js';
import { rowOutliers } from '../export/compare-series.js';
import type { Db } from '../store/db.js';
import { queryFacts } from '../store/fact-query.js';
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
  const facts = (await queryFacts(db)).filter((f) => f.metric_id !== null);
  const byMetric = new Map<string, typeof facts>();
  for (const f of facts) {
    const list = byMetric.get(f.metric_id as string);
    if (list) list.push(f);
    else byMetric.set(f.metric_id as string, [f]);
  }
  const outliers = new Map<number, string>();
  for (const def of METRIC_CATALOG) {
    const rows = byMetric.get(def.id);
    if (!rows || rows.length < 3) continue;
    const compared = compareMetric(rows, def);
    rowOutliers(compared).forEach((reason, i) => {
      const id = compared[i].fact_id;
      if (reason && id !== null) outliers.set(id, `${def.name} (${compared[i].province}, ${compared[i].period}): ${reason}`);
    });
  }
  cache.set(db, { key, outliers });
  return outliers;
}
