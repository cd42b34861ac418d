/// <reference lib="dom" />
import type * as Echarts from 'echarts';
import { compareChartOption } from '../export/compare-chart-option.js';
import type { CompareRow } from '../export/compare-report.js';
import { type CompareChart, periodSlice } from '../export/compare-series.js';
import { api, describe } from './api-client.js';
import { byId, clear, el } from './browser-dom.js';

declare global {
  interface Window {
    /** Apache ECharts' browser build (/echarts.js, served from node_modules). */
    echarts?: typeof Echarts;
  }
}

export interface CompareReply {
  metric_id: string | null;
  metric: string;
  base_unit: string;
  candidates: { id: string; name: string }[];
  rows: (CompareRow & { outlier: string | null })[];
  phrases?: { phrase: string; facts: number }[];
  chart: CompareChart | null;
}

const APPROX: Record<string, string> = { none: '', estimate: 'ước', about: 'khoảng', more_than: 'hơn', less_than: 'dưới' };
let chart: Echarts.ECharts | undefined;
/** The whole chart of the last answer (the period chooser slices it). */
let whole: CompareChart | null = null;

/** The Compare view's address: `#view=compare&metric=…&province=current&byPhrase=1`. */
export function compareHash(metric: string, province: string, byPhrase: boolean): string {
  const p = new URLSearchParams({ view: 'compare', metric });
  if (province === 'current') p.set('province', 'current');
  if (byPhrase) p.set('byPhrase', '1');
  return `#${p.toString()}`;
}

function message(text: string, kind?: 'error'): void {
  const m = byId('c-msg');
  m.textContent = text;
  m.className = `msg${kind ? ` ${kind}` : ''}`;
}

function renderCandidates(reply: CompareReply): void {
  const list = byId('c-candidates');
  clear(list);
  list.hidden = reply.candidates.length < 2 || reply.metric_id !== null;
  if (list.hidden) return;
  for (const c of reply.candidates) {
    const li = el('li');
    const b = el('button', null, `${c.name} (${c.id})`);
    b.type = 'button';
    b.dataset.metric = c.id;
    b.addEventListener('click', () => {
      location.hash = compareHash(c.id, byId<HTMLSelectElement>('c-province').value, false);
    });
    li.appendChild(b);
    list.appendChild(li);
  }
}

function renderChart(data: CompareChart | null): void {
  const host = byId('chart');
  host.hidden = data === null;
  if (!data) return;
  const echarts = window.echarts;
  if (!echarts) {
    message('Không tải được thư viện biểu đồ (/echarts.js).', 'error');
    return;
  }
  chart ??= echarts.init(host, undefined, { renderer: 'canvas' });
  chart.clear();
  chart.setOption(compareChartOption(data));
  chart.resize();
  host.dataset.kind = data.kind;
}

/** The period chooser: every period of a time series (one of them draws bars across provinces). */
function fillPeriods(data: CompareChart | null): void {
  const sel = byId<HTMLSelectElement>('c-period');
  while (sel.options.length > 1) sel.remove(1);
  sel.value = '';
  const series = data?.kind === 'line';
  sel.disabled = !series;
  if (!data || !series) return;
  for (const p of data.categories) sel.appendChild(el('option', null, p)).value = p;
}

function renderRows(reply: CompareReply): void {
  const table = byId<HTMLTableElement>('c-rows');
  const body = table.tBodies[0];
  clear(body);
  table.hidden = reply.rows.length === 0;
  const scale = reply.chart?.scale ?? 1;
  const unit = reply.chart?.unit ?? reply.base_unit;
  for (const r of reply.rows) {
    const tr = el('tr', r.outlier ? 'outlier' : null);
    if (r.fact_id !== null) tr.dataset.factId = String(r.fact_id);
    tr.appendChild(el('td', null, r.province || '(không rõ tỉnh)'));
    tr.appendChild(el('td', null, r.period || r.report_period));
    const value = el('td', 'num', (r.value / scale).toLocaleString('vi-VN', { maximumFractionDigits: 3 }));
    value.dataset.base = String(r.value);
    if (r.outlier) value.title = r.outlier;
    tr.appendChild(value);
    tr.appendChild(el('td', null, unit));
    tr.appendChild(el('td', null, [APPROX[r.approx] ?? r.approx, r.outlier ? `bất thường: ${r.outlier}` : ''].filter(Boolean).join(' · ')));
    tr.appendChild(el('td', null, `${r.file} · tr. ${r.page}`));
    tr.appendChild(el('td', null, r.quote));
    const open = el('td');
    if (r.fact_id !== null) {
      const a = el('a', 'doc-link', 'xem trong tài liệu');
      a.href = `#view=doc&doc=${encodeURIComponent(r.doc_id)}&fact=${r.fact_id}`;
      open.appendChild(a);
    }
    tr.appendChild(open);
    body.appendChild(tr);
  }
  const phrases = byId('c-phrases');
  phrases.textContent = reply.phrases?.length
    ? `Cụm từ được gộp (${reply.phrases.length}): ${reply.phrases.map((p) => `${p.phrase} (${p.facts})`).join('; ')}`
    : '';
}

/** Show the comparison the address asks for (or an empty form). */
export async function openCompare(hash: string): Promise<void> {
  const h = new URLSearchParams(hash.replace(/^#/, ''));
  const metric = h.get('metric') ?? '';
  const province = h.get('province') === 'current' ? 'current' : 'written';
  const byPhrase = h.get('byPhrase') === '1';
  byId<HTMLInputElement>('c-metric').value = metric;
  byId<HTMLSelectElement>('c-province').value = province;
  byId<HTMLInputElement>('c-by-phrase').checked = byPhrase;
  if (!metric) {
    message('Gõ mã chỉ tiêu hoặc từ khóa rồi nhấn So sánh.');
    renderChart(null);
    byId('c-rows').hidden = true;
    byId('c-candidates').hidden = true;
    byId('c-title').textContent = '';
    return;
  }
  message('Đang tải…');
  const p = new URLSearchParams({ metric, province, byPhrase: byPhrase ? '1' : '0' });
  const r = await api<CompareReply>('GET', `/api/compare?${p.toString()}`);
  if (r.status !== 200) {
    message(describe(r.body), 'error');
    return;
  }
  const reply = r.body;
  renderCandidates(reply);
  byId('c-title').textContent = reply.metric_id
    ? `${reply.metric} (${reply.metric_id})`
    : reply.rows.length
      ? `"${reply.metric}" theo cụm từ (${reply.base_unit})`
      : '';
  if (reply.candidates.length > 1 && reply.metric_id === null && reply.rows.length === 0) {
    message(`"${metric}" ứng với ${reply.candidates.length} chỉ tiêu: chọn một.`);
  } else if (reply.rows.length === 0) {
    message('Không báo cáo nào có giá trị cho chỉ tiêu này.');
  } else {
    const flagged = reply.rows.filter((x) => x.outlier).length;
    message(`${reply.rows.length} báo cáo${flagged ? ` · ${flagged} giá trị bất thường` : ''}.`);
  }
  whole = reply.rows.length ? reply.chart : null;
  fillPeriods(whole);
  renderChart(whole);
  renderRows(reply);
}

export function startCompare(): void {
  byId('compare-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const metric = byId<HTMLInputElement>('c-metric').value.trim();
    location.hash = compareHash(metric, byId<HTMLSelectElement>('c-province').value, byId<HTMLInputElement>('c-by-phrase').checked);
  });
  for (const id of ['c-province', 'c-by-phrase']) {
    byId(id).addEventListener('change', () => {
      const metric = byId<HTMLInputElement>('c-metric').value.trim();
      if (metric) location.hash = compareHash(metric, byId<HTMLSelectElement>('c-province').value, byId<HTMLInputElement>('c-by-phrase').checked);
    });
  }
  byId('c-period').addEventListener('change', () => {
    const period = byId<HTMLSelectElement>('c-period').value;
    if (whole) renderChart(period ? periodSlice(whole, period) : whole);
  });
  window.addEventListener('resize', () => chart?.resize());
}
