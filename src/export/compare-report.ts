import type Database from 'better-sqlite3';
import type { MetricDef } from '../../schemas/metric-catalog.js';
import { queryFacts } from '../store/fact-query.js';
import { currentProvince, resolveProvince } from '../resolve/province-resolver.js';
import { buildCompareMatrix, vietnameseOrder } from './compare-matrix.js';

/** How a report's province is shown: as written, or the province its territory belongs to now. */
export type ProvinceMode = 'written' | 'current';

/** One report's value of one canonical metric (`solieu compare`). */
export interface CompareRow {
  province: string;
  report_period: string;
  value: number;
  unit: string;
  period: string;
  approx: string;
  quote: string;
  file: string;
  page: number;
  candidates: number;
}

/**
 * The province a row is shown under: as written in the report (`written`), or the province its
 * territory belongs to now (`current`: after the 1 July 2025 merger, one of the 34), so that
 * reports of Nam Định and Ninh Bình line up under Ninh Bình.
 */
export function provinceShown(province: string, mode: ProvinceMode): string {
  if (mode === 'written' || province === '') return province;
  const ref = resolveProvince(province);
  if (!ref) return province;
  const now = currentProvince(ref.id);
  return now.name === ref.name ? now.name : `${now.name} (${ref.name})`;
}

/**
 * One row per stored report that has a value of `def`, chosen as the compare matrix chooses
 * (reviewed first, then confidence), value in the metric's base unit. The facts are read as
 * stored (no export-contract validation: nothing leaves the program in ExportRow shape here).
 */
export function compareMetric(db: Database.Database, def: MetricDef, mode: ProvinceMode = 'written'): CompareRow[] {
  const rows = queryFacts(db, { metricId: def.id });
  const matrix = buildCompareMatrix(rows, [def]);
  const files = new Map(rows.map((r) => [r.doc_id, r.file]));
  const out: CompareRow[] = [];
  matrix.reports.forEach((rep, j) => {
    const cell = matrix.cells[0]?.[j];
    if (!cell) return;
    out.push({
      province: provinceShown(rep.province, mode),
      report_period: rep.report_period,
      value: cell.base_value,
      unit: def.base_unit,
      period: cell.period,
      approx: cell.approx,
      quote: cell.quote,
      file: files.get(rep.doc_id) ?? rep.doc_id,
      page: cell.page,
      candidates: cell.candidates,
    });
  });
  if (mode === 'current') out.sort((a, b) => vietnameseOrder(a.province, b.province) || a.report_period.localeCompare(b.report_period));
  return out;
}
