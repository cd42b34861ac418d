import { z } from '../../schemas/zod.js';
import { compareMetric } from '../export/compare-report.js';
import { comparePhrase } from '../export/compare-phrases.js';
import { compareChart } from '../export/compare-series.js';
import { queryMetric } from '../resolve/metric-matcher.js';
import { currentProvinceLabel } from '../resolve/province-resolver.js';
import type { Db } from '../store/db.js';
import { queryFacts } from '../store/fact-query.js';
import { badRequest, type JsonReply } from './review-api.js';

export const CompareQuery = z
  .object({
    metric: z.string().trim().min(1, 'metric: give a catalog id or words').max(500),
    province: z.enum(['written', 'current']).default('written'),
    byPhrase: z
      .enum(['', '0', '1'])
      .default('')
      .transform((v) => v === '1'),
  })
  .strict();

/**
 * The Compare view's answer (the same comparison as `solieu compare --format json`, plus the
 * chart): a catalog metric by id or words, the candidates when words fit several, or the facts
 * grouped by phrase; each row with its fact id (to open it in its document) and its outlier flag.
 */
export async function getCompare(db: Db, query: URLSearchParams): Promise<JsonReply> {
  const params: Record<string, string> = {};
  for (const [k, v] of query) {
    if (k in params) return { status: 400, body: { error: 'invalid query', issues: [`${k}: given more than once`] } };
    params[k] = v;
  }
  const parsed = CompareQuery.safeParse(params);
  if (!parsed.success) return badRequest(parsed.error, 'query');
  const { metric: asked, province, byPhrase } = parsed.data;
  const shown = province === 'current' ? { province: currentProvinceLabel } : {};
  const { metric: def, candidates, byPhrase: grouping } = queryMetric(asked, { byPhrase });
  const listed = candidates.map((c) => ({ id: c.id, name: c.name }));
  if (def) {
    const rows = compareMetric(await queryFacts(db, { metricId: def.id }), def, shown);
    const chart = compareChart(rows, def.name, def.base_unit);
    return { status: 200, body: { metric_id: def.id, metric: def.name, base_unit: def.base_unit, candidates: listed, rows: withFlags(rows, chart), chart } };
  }
  if (!grouping) return { status: 200, body: { metric_id: null, metric: asked, base_unit: '', candidates: listed, rows: [], chart: null } };
  const grouped = comparePhrase(await queryFacts(db), asked, shown);
  const chart = grouped.rows.length ? compareChart(grouped.rows, asked, grouped.baseUnit) : null;
  return {
    status: 200,
    body: {
      metric_id: null,
      metric: asked,
      base_unit: grouped.baseUnit,
      candidates: listed,
      rows: withFlags(grouped.rows, chart),
      phrases: grouped.phrases,
      chart,
    },
  };
}

/** The rows with the chart's outlier flags. */
function withFlags<R extends { fact_id: number | null; province: string; period: string }>(rows: R[], chart: ReturnType<typeof compareChart> | null) {
  const flags = new Map<string, string>();
  for (const s of chart?.series ?? []) for (const p of s.points) if (p?.outlier) flags.set(`${p.province}\u0000${p.period}\u0000${p.fact_id}`, p.outlier);
  return rows.map((r) => ({ ...r, outlier: flags.get(`${r.province}\u0000${r.period}\u0000${r.fact_id}`) ?? null }));
}
