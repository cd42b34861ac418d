import type { ExportRow } from '../../schemas/fact.js';
import type { MetricDef } from '../../schemas/metric-catalog.js';
import type { CompareCell, CompareMatrix, CompareMetric, CompareReport, SourceRow } from '../../schemas/export.js';

/** Vietnamese alphabetical order (one collator: `localeCompare(…, 'vi')` builds one per call). */
export const vietnameseOrder = new Intl.Collator('vi').compare;

const REVIEWED = new Set(['accepted', 'corrected']);
const TITLE_IN_LABEL = 40;

function reportLabel(r: { title: string; province: string; report_period: string; doc_id: string; file: string }): string {
  const title = r.title.length > TITLE_IN_LABEL ? `${r.title.slice(0, TITLE_IN_LABEL - 1)}…` : r.title;
  return [r.province, r.report_period, title || r.file || r.doc_id].filter((s) => s !== '').join(' · ');
}

/** Make every header unique: ` (file)` on headers that two reports share, then ` (doc id)` if still shared. */
function distinctLabels(reports: CompareReport[]): void {
  const add = (suffix: (r: CompareReport) => string) => {
    const count = new Map<string, number>();
    for (const r of reports) count.set(r.label, (count.get(r.label) ?? 0) + 1);
    for (const r of reports) if ((count.get(r.label) ?? 0) > 1 && suffix(r) !== '') r.label = `${r.label} (${suffix(r)})`;
  };
  add((r) => (r.label.endsWith(r.file) ? '' : r.file));
  add((r) => r.doc_id);
}

/**
 * Order of preference among several facts of one metric in one report (the first wins):
 * 1. reviewed (accepted/corrected) before automatic;
 * 2. higher confidence (the resolve stage already folded the metric-match score into it);
 * 3. the more general wording — fewer words in the metric phrase (`trạm BTS` over `trạm BTS 4G`);
 * 4. earlier in the input (document order).
 */
function better(a: ExportRow, b: ExportRow): boolean {
  const ra = REVIEWED.has(a.status) ? 1 : 0;
  const rb = REVIEWED.has(b.status) ? 1 : 0;
  if (ra !== rb) return ra > rb;
  if (a.confidence !== b.confidence) return a.confidence > b.confidence;
  const wa = a.metric.trim().split(/\s+/).length;
  const wb = b.metric.trim().split(/\s+/).length;
  return wa < wb;
}

/**
 * Canonical metric × report in base units, from export rows. A fact is a candidate for its
 * metric when it is not rejected and its aspect is the metric's own aspect (a `level` metric
 * takes level facts, not changes or plan percentages; a share metric takes shares; a rank
 * metric ranks). Among candidates the rule in `better` picks one. Metrics are listed in
 * catalog order (only those with at least one value), reports by province, period, doc id.
 * Facts whose metric_id is not in the catalog are ignored.
 */
export function buildCompareMatrix(rows: Iterable<ExportRow & { id?: number }>, catalog: readonly MetricDef[]): CompareMatrix {
  const defs = new Map(catalog.map((m, i) => [m.id, { def: m, order: i }]));
  const reports = new Map<string, CompareReport>();
  const chosen = new Map<string, { row: ExportRow & { id?: number }; candidates: number }>();
  for (const row of rows) {
    if (!reports.has(row.doc_id)) {
      reports.set(row.doc_id, {
        doc_id: row.doc_id,
        title: row.title,
        province: row.province,
        report_period: row.report_period,
        file: row.file,
        label: reportLabel(row),
      });
    }
    if (row.status === 'rejected' || !row.metric_id) continue;
    const d = defs.get(row.metric_id);
    if (!d || row.aspect !== d.def.aspect) continue;
    const key = `${row.metric_id}\u0000${row.doc_id}`;
    const prev = chosen.get(key);
    if (!prev) chosen.set(key, { row, candidates: 1 });
    else chosen.set(key, { row: better(row, prev.row) ? row : prev.row, candidates: prev.candidates + 1 });
  }
  const reportList = [...reports.values()].sort(
    (a, b) => vietnameseOrder(a.province, b.province) || a.report_period.localeCompare(b.report_period) || a.doc_id.localeCompare(b.doc_id),
  );
  distinctLabels(reportList);
  const used = new Set([...chosen.keys()].map((k) => k.split('\u0000')[0]));
  const metricList: CompareMetric[] = [...used]
    .sort((a, b) => (defs.get(a)?.order ?? 0) - (defs.get(b)?.order ?? 0))
    .map((id) => {
      const def = (defs.get(id) as { def: MetricDef }).def;
      return { metric_id: id, name: def.name, base_unit: def.base_unit };
    });
  const cells = metricList.map((m) =>
    reportList.map((r): CompareCell | null => {
      const c = chosen.get(`${m.metric_id}\u0000${r.doc_id}`);
      if (!c) return null;
      const { row } = c;
      return {
        base_value: row.base_value,
        period: row.period,
        approx: row.approx,
        confidence: row.confidence,
        quote: row.quote,
        page: row.page,
        candidates: c.candidates,
        ...(row.id !== undefined ? { fact_id: row.id } : {}),
      };
    }),
  );
  return { metrics: metricList, reports: reportList, cells };
}

/**
 * Sources-sheet rows derived from the export rows alone (one per document, in first-seen
 * order) for when the store's document metadata is not at hand; the store can pass richer rows.
 */
export function buildSourceRows(rows: Iterable<ExportRow>): SourceRow[] {
  const out = new Map<string, SourceRow>();
  for (const row of rows) {
    let s = out.get(row.doc_id);
    if (!s) {
      s = {
        doc_id: row.doc_id,
        file: row.file,
        title: row.title,
        province: row.province,
        report_period: row.report_period,
        report_type: '',
        agency: '',
        issue_date: '',
        status: '',
        pages: null,
        sha256: '',
        facts: 0,
        facts_matched: 0,
        facts_reviewed: 0,
      };
      out.set(row.doc_id, s);
    }
    s.facts++;
    if (row.metric_id) s.facts_matched++;
    if (REVIEWED.has(row.status)) s.facts_reviewed++;
  }
  return [...out.values()];
}
