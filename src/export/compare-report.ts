import type { ExportRow } from '../../schemas/fact.js';
import type { MetricDef } from '../../schemas/metric-catalog.js';
import { buildCompareMatrix, vietnameseOrder } from './compare-matrix.js';

export interface CompareOptions {
  /**
   * How a report's province is shown (`solieu compare --province current`: the province its
   * territory belongs to now); the rows are then ordered by it. Default: as written, in the
   * compare matrix's order.
   */
  province?: (written: string) => string;
}

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
  /** The report's document and the stored fact the value comes from (null when the rows did not come from the store). */
  doc_id: string;
  fact_id: number | null;
}

/**
 * One row per stored report that has a value of `def` among `facts` (the stored facts of that
 * metric), chosen as the compare matrix chooses (reviewed first, then confidence), value in the
 * metric's base unit.
 */
export function compareMetric(facts: readonly (ExportRow & { id?: number })[], def: MetricDef, options: CompareOptions = {}): CompareRow[] {
  const rows = facts.filter((r) => r.metric_id === def.id);
  const shown = options.province ?? ((written: string) => written);
  const matrix = buildCompareMatrix(rows, [def]);
  const files = new Map(rows.map((r) => [r.doc_id, r.file]));
  const out: CompareRow[] = [];
  matrix.reports.forEach((rep, j) => {
    const cell = matrix.cells[0]?.[j];
    if (!cell) return;
    out.push({
      province: shown(rep.province),
      report_period: rep.report_period,
      value: cell.base_value,
      unit: def.base_unit,
      period: cell.period,
      approx: cell.approx,
      quote: cell.quote,
      file: files.get(rep.doc_id) ?? rep.doc_id,
      page: cell.page,
      candidates: cell.candidates,
      doc_id: rep.doc_id,
      fact_id: cell.fact_id ?? null,
    });
  });
  if (options.province) out.sort((a, b) => vietnameseOrder(a.province, b.province) || a.report_period.localeCompare(b.report_period));
  return out;
}
