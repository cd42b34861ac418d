/// <reference lib="dom" />
import type { CorrectionAction } from '../../schemas/correction.js';
import type { FactStatus } from '../../schemas/fact.js';
import type { QueueCounts, QueueDocument, QueueItem } from '../../schemas/review.js';
import type { FactState } from '../../schemas/stored-fact.js';
import type { FactDetail } from '../review/fact-detail.js';
import { api, describe } from './api-client.js';
import { byId, clear, el, fieldById } from './browser-dom.js';
import { renderTableContext, type TableContext } from './table-view.js';
import { filtersFromHash, hashOf, queueParams, type QueueFilters } from './review-filters.js';
import {
  ACTION_LABELS,
  changedFields,
  collectPatch,
  EDITABLE_FIELDS,
  fieldIssues,
  STATUS_LABELS,
  type EditableField,
  type FieldValue,
} from './review-fields.js';

/** A queue row: the stored fact, and why it breaks its series when it does (it is then first). */
export type QueueEntry = QueueItem & { outlier?: string };
interface QueueReply {
  facts: QueueEntry[];
  total: number;
  counts: QueueCounts;
  documents: QueueDocument[];
}
type Detail = FactDetail & { table?: TableContext | null; outlier?: string | null };
interface Correction {
  at: string;
  reviewer: string;
  action: CorrectionAction;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

const state = {
  items: [] as QueueEntry[],
  index: -1,
  detail: null as Detail | null,
  editing: false,
  busy: false,
  undo: [] as number[],
  counts: null as QueueCounts | null,
  total: 0,
  /** Before the first queue has filled the document list, the address's document is the filter. */
  hashDoc: '',
};

let serverReviewer = '';

export function message(text: string, kind?: 'error' | 'ok'): void {
  const m = byId('msg');
  m.textContent = text;
  m.className = `msg${kind ? ` ${kind}` : ''}`;
}

function formFilters(): QueueFilters {
  return {
    doc: fieldById('f-doc').value || state.hashDoc,
    metric: fieldById('f-metric').value,
    status: fieldById('f-status').value,
    minConfidence: fieldById('f-min').value,
    maxConfidence: fieldById('f-max').value,
  };
}

function writeHash(): void {
  const item = state.items[state.index];
  history.replaceState(null, '', hashOf(formFilters(), item?.id));
}

function applyHash(hash: string): number | undefined {
  const { filters, fact } = filtersFromHash(hash);
  state.hashDoc = filters.doc;
  fieldById('f-metric').value = filters.metric;
  const status = fieldById('f-status');
  status.value = filters.status;
  if (!status.value) status.value = 'auto';
  fieldById('f-min').value = filters.minConfidence;
  fieldById('f-max').value = filters.maxConfidence;
  return fact;
}

// ----- queue -----
export async function loadQueue(keepId?: number): Promise<void> {
  const r = await api<QueueReply>('GET', `/api/queue?${queueParams(formFilters()).toString()}`);
  if (r.status !== 200) {
    message(describe(r.body), 'error');
    return;
  }
  state.items = r.body.facts;
  state.counts = r.body.counts;
  state.total = r.body.total;
  fillDocuments(r.body.documents);
  if (keepId !== undefined && !state.items.some((it) => it.id === keepId)) await addNamedFact(keepId);
  const at = state.items.findIndex((it) => it.id === keepId);
  renderQueue();
  await select(at >= 0 ? at : state.items.length ? 0 : -1);
}

/** The fact a link names (from the document view, the Compare rows) when it is not on this page of the queue: shown first. */
async function addNamedFact(id: number): Promise<void> {
  const r = await api<Detail>('GET', `/api/facts/${id}`);
  if (r.status !== 200) return;
  const { fact: f, document: d, outlier } = r.body;
  state.items.unshift({
    id: f.id,
    version: f.version,
    doc_id: f.doc_id,
    file: d.file,
    quote: f.quote,
    metric: f.metric,
    metric_id: f.metric_id,
    value: f.value,
    unit: f.unit,
    confidence: f.confidence,
    status: f.status,
    page: f.page,
    section: f.section,
    ...(outlier ? { outlier } : {}),
  });
}

function fillDocuments(docs: QueueDocument[]): void {
  const sel = byId<HTMLSelectElement>('f-doc');
  const want = sel.value || state.hashDoc;
  state.hashDoc = '';
  while (sel.options.length > 1) sel.remove(1);
  for (const d of docs) {
    const o = el('option', null, d.title ? `${d.file} — ${d.title}` : d.file);
    o.value = d.doc_id;
    sel.appendChild(o);
  }
  sel.value = want;
  if (sel.value !== want) sel.value = '';
}

function renderCounter(): void {
  const c = state.counts;
  const node = byId('counter');
  clear(node);
  if (!c) return;
  const all = c.auto + c.accepted + c.corrected + c.rejected;
  const left = el('span', 'left', `Còn lại ${c.auto} / ${all}`);
  left.id = 'remaining';
  node.appendChild(left);
  const within = state.total > state.items.length ? ` (trong ${state.total})` : '';
  node.appendChild(document.createTextNode(` · đang xem ${state.index + 1} / ${state.items.length}${within}`));
}

function renderQueue(): void {
  const list = byId('queue');
  clear(list);
  state.items.forEach((it, i) => {
    const li = el('li');
    li.dataset.index = String(i);
    li.dataset.factId = String(it.id);
    li.setAttribute('role', 'option');
    li.setAttribute('aria-selected', i === state.index ? 'true' : 'false');
    li.appendChild(el('span', 'conf', it.confidence.toFixed(2)));
    const q = el('span', 'q', it.quote);
    q.appendChild(el('span', `badge ${it.status}`, STATUS_LABELS[it.status] ?? it.status));
    if (it.outlier) {
      const flag = el('span', 'badge outlier', 'bất thường');
      flag.title = it.outlier;
      q.appendChild(flag);
    }
    li.appendChild(q);
    li.appendChild(el('span', 'm', it.metric || '(chưa có chỉ tiêu)'));
    li.appendChild(el('span', 'f', `${it.file} · tr. ${it.page}`));
    li.addEventListener('click', () => {
      if (!state.editing) void select(i);
    });
    list.appendChild(li);
  });
  byId('queue-empty').hidden = state.items.length > 0;
  renderCounter();
}

function markSelected(): void {
  const nodes = byId('queue').children;
  for (let i = 0; i < nodes.length; i++) nodes[i].setAttribute('aria-selected', i === state.index ? 'true' : 'false');
  nodes[state.index]?.scrollIntoView?.({ block: 'nearest' });
  renderCounter();
}

async function select(i: number): Promise<void> {
  state.index = i;
  setEditing(false);
  markSelected();
  writeHash();
  if (i < 0) {
    state.detail = null;
    byId('fact').hidden = true;
    return;
  }
  await loadDetail(state.items[i].id);
}

function move(step: number): void {
  const i = state.index + step;
  if (i < 0 || i >= state.items.length) {
    message(step > 0 ? 'Đã ở cuối hàng đợi.' : 'Đã ở đầu hàng đợi.');
    return;
  }
  message('');
  void select(i);
}

// ----- the fact panel -----
async function loadDetail(id: number): Promise<void> {
  const [fact, hist] = await Promise.all([api<Detail>('GET', `/api/facts/${id}`), api<{ corrections: Correction[] }>('GET', `/api/facts/${id}/history`)]);
  if (fact.status !== 200) {
    message(describe(fact.body), 'error');
    return;
  }
  const cur = state.items[state.index];
  if (!cur || cur.id !== id) return;
  state.detail = fact.body;
  syncItem(state.detail.fact);
  renderDetail(state.detail);
  renderHistory(hist.status === 200 ? hist.body.corrections : []);
}

function renderDetail(d: Detail): void {
  const f = d.fact;
  byId('fact').hidden = false;
  const s = byId('sentence');
  clear(s);
  s.appendChild(document.createTextNode((d.sentence.cutBefore ? '… ' : '') + d.sentence.before));
  s.appendChild(el('mark', null, d.sentence.match));
  s.appendChild(document.createTextNode(d.sentence.after + (d.sentence.cutAfter ? ' …' : '')));
  const meta = byId('meta');
  clear(meta);
  const row = (k: string, v: string): HTMLElement => {
    meta.appendChild(el('dt', null, k));
    const dd = el('dd', null, v);
    meta.appendChild(dd);
    return dd;
  };
  const docRow = row('Tài liệu', d.document.file + (d.document.title ? ` — ${d.document.title}` : ''));
  const link = el('a', 'doc-link', 'xem trong tài liệu (d)');
  link.id = 'open-doc';
  link.href = `#view=doc&doc=${encodeURIComponent(d.document.doc_id)}&fact=${f.id}`;
  docRow.appendChild(document.createTextNode(' · '));
  docRow.appendChild(link);
  if (d.document.province || d.document.report_period) row('Tỉnh · kỳ báo cáo', [d.document.province, d.document.report_period].filter(Boolean).join(' · '));
  row('Trang', String(f.page) + (d.document.pages ? ` / ${d.document.pages}` : '') + (d.pageOrigin === 'ocr' ? ' (ảnh quét, OCR)' : ''));
  row('Mục', d.sections.length ? d.sections.map((x) => `${x.path.split('/').pop()}. ${x.title}`).join(' › ') : '(phần đầu)');
  const st = row('Trạng thái', '');
  st.appendChild(el('span', `badge ${f.status}`, STATUS_LABELS[f.status] ?? f.status));
  st.appendChild(document.createTextNode(` phiên bản ${f.version} · tin cậy ${f.confidence.toFixed(2)}`));
  if (d.outlier) {
    const o = row('Bất thường', d.outlier);
    o.className = 'outlier-note';
    o.id = 'outlier-note';
  }
  if (f.bbox) row('Khung', f.bbox.map((n) => Math.round(n)).join(', '));
  if (f.evidence.length) row('Căn cứ', f.evidence.join(', '));
  const crop = byId('crop');
  const img = byId<HTMLImageElement>('crop-img');
  crop.hidden = !d.cropAvailable;
  if (d.cropAvailable) img.src = `/api/facts/${f.id}/crop.png?v=${f.version}`;
  else img.removeAttribute('src');
  renderTableContext(byId('table-context'), d.table ?? null);
  fillFields(f);
}

function fillFields(f: FactState): void {
  for (const name of EDITABLE_FIELDS) {
    const input = fieldById(`fld-${name}`);
    const v = f[name];
    input.value = v === null || v === undefined ? '' : String(v);
    input.classList.remove('invalid');
    byId(`err-${name}`).textContent = '';
  }
}

function renderHistory(list: Correction[]): void {
  const h = byId('history');
  clear(h);
  if (!list.length) {
    h.appendChild(el('li', null, 'Chưa có quyết định nào.'));
    return;
  }
  for (const c of list) {
    const changed = changedFields(c.before, c.after);
    const when = new Date(c.at).toLocaleString('vi-VN');
    h.appendChild(el('li', null, `${when} · ${c.reviewer} · ${ACTION_LABELS[c.action] ?? c.action}${changed.length ? ` — ${changed.join('; ')}` : ''}`));
  }
}

function syncItem(f: FactState): void {
  for (const it of state.items) {
    if (it.id !== f.id) continue;
    if (state.counts && it.status !== f.status && it.version < f.version) {
      state.counts[it.status] -= 1;
      state.counts[f.status] += 1;
    }
    Object.assign(it, { version: f.version, status: f.status, value: f.value, unit: f.unit, metric: f.metric, metric_id: f.metric_id });
  }
}

// ----- editing -----
function setEditing(on: boolean): void {
  state.editing = on;
  for (const name of EDITABLE_FIELDS) fieldById(`fld-${name}`).disabled = !on;
  byId('fields').classList.toggle('editing', on);
  byId('panel').classList.toggle('editing', on);
}

function startEdit(): void {
  if (!state.detail) return;
  setEditing(true);
  message('Đang sửa: Enter để lưu, Esc để hủy.');
  const value = byId<HTMLInputElement>('fld-value');
  value.focus();
  value.select();
}

function cancelEdit(): void {
  if (state.detail) fillFields(state.detail.fact);
  setEditing(false);
  message('Đã hủy sửa.');
  (document.activeElement as HTMLElement | null)?.blur?.();
}

function showErrors(errors: Partial<Record<EditableField, string>>): void {
  for (const name of EDITABLE_FIELDS) {
    const msg = errors[name] ?? '';
    byId(`err-${name}`).textContent = msg;
    fieldById(`fld-${name}`).classList.toggle('invalid', msg !== '');
  }
}

function save(): void {
  if (!state.editing || !state.detail) return;
  const raw = Object.fromEntries(EDITABLE_FIELDS.map((k) => [k, fieldById(`fld-${k}`).value])) as Record<EditableField, string>;
  const c = collectPatch(state.detail.fact as Record<EditableField, FieldValue>, raw);
  showErrors(c.errors);
  if (Object.keys(c.errors).length) {
    message('Có trường chưa hợp lệ.', 'error');
    return;
  }
  if (!Object.keys(c.patch).length) {
    setEditing(false);
    message('Không có thay đổi.');
    return;
  }
  void decide('correct', c.patch);
}

// ----- decisions -----
function reviewerName(): string {
  return fieldById('reviewer').value.trim() || serverReviewer;
}

type DecisionReply = { fact: FactState; current: FactState };

function post(item: QueueEntry, action: CorrectionAction, fields?: Record<string, FieldValue>) {
  const body: Record<string, unknown> = { expectedVersion: item.version, action, reviewer: reviewerName() };
  if (fields) body.fields = fields;
  return api<DecisionReply>('POST', `/api/facts/${item.id}/decision`, body);
}

async function decide(action: CorrectionAction, fields?: Record<string, FieldValue>): Promise<void> {
  const item = state.items[state.index];
  if (!item || state.busy) return;
  state.busy = true;
  const r = await post(item, action, fields);
  state.busy = false;
  if (r.status === 200) {
    syncItem(r.body.fact);
    state.undo.push(item.id);
    setEditing(false);
    renderQueue();
    message(`Đã ${ACTION_LABELS[action]}: ${item.quote} (phiên bản ${r.body.fact.version}).`, 'ok');
    if (state.index < state.items.length - 1) void select(state.index + 1);
    else {
      markSelected();
      void loadDetail(item.id);
    }
  } else if (r.status === 409) {
    syncItem(r.body.current);
    renderQueue();
    message(`Người khác vừa thay đổi số liệu này (nay là phiên bản ${r.body.current.version}). Xem lại rồi quyết định lại.`, 'error');
    setEditing(false);
    void loadDetail(item.id);
  } else if (r.status === 400 && action === 'correct') {
    showErrors(fieldIssues(r.body.issues ?? []));
    message(describe(r.body), 'error');
  } else {
    message(describe(r.body), 'error');
  }
}

async function undo(): Promise<void> {
  if (state.busy || state.editing) return;
  const id = state.undo.length ? state.undo[state.undo.length - 1] : state.items[state.index]?.id;
  const at = state.items.findIndex((it) => it.id === id);
  if (at < 0) {
    message('Không có gì để hoàn tác.');
    return;
  }
  const item = state.items[at];
  state.busy = true;
  const r = await post(item, 'undo');
  state.busy = false;
  if (r.status === 200) {
    if (state.undo[state.undo.length - 1] === id) state.undo.pop();
    syncItem(r.body.fact);
    renderQueue();
    const now: FactStatus = r.body.fact.status;
    message(`Đã hoàn tác: ${item.quote} (nay ${STATUS_LABELS[now]}).`, 'ok');
    void select(at);
  } else {
    if (r.status === 409) syncItem(r.body.current);
    message(describe(r.body), 'error');
  }
}

/** The review view's keys; false when the key is not one of them. */
export function reviewKey(e: KeyboardEvent): boolean {
  const t = e.target as HTMLElement | null;
  const tag = t?.tagName;
  if (state.editing) {
    if (e.key === 'Escape') {
      e.preventDefault();
      cancelEdit();
    } else if (e.key === 'Enter' && !(e.shiftKey && tag === 'TEXTAREA')) {
      e.preventDefault();
      save();
    }
    return true;
  }
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') {
    if (e.key === 'Escape' || (e.key === 'Enter' && tag !== 'TEXTAREA')) t?.blur();
    return true;
  }
  const k = e.key;
  if (k === 'a') void decide('accept');
  else if (k === 'r') void decide('reject');
  else if (k === 'e') startEdit();
  else if (k === 'u') void undo();
  else if (k === 'd' && state.detail) location.hash = byId<HTMLAnchorElement>('open-doc').hash;
  else if (k === 'j' || k === 'ArrowDown') move(1);
  else if (k === 'k' || k === 'ArrowUp') move(-1);
  else return false;
  e.preventDefault();
  return true;
}

/** Wire the review view (once) and load the queue the address names. */
export function startReview(): void {
  serverReviewer = document.querySelector('meta[name="reviewer"]')?.getAttribute('content') ?? '';
  byId('actions').addEventListener('click', (e) => {
    const b = (e.target as HTMLElement).closest('button');
    if (!b) return;
    const act = b.dataset.act;
    if (act === 'accept' || act === 'reject') void decide(act);
    else if (act === 'edit') startEdit();
    else if (act === 'save') save();
    else if (act === 'cancel') cancelEdit();
    else if (act === 'undo') void undo();
    else if (act === 'prev') move(-1);
    else if (act === 'next') move(1);
    b.blur();
  });
  for (const id of ['f-doc', 'f-status', 'f-min', 'f-max', 'f-metric']) byId(id).addEventListener('change', () => void loadQueue());
  byId('filters').addEventListener('submit', (e) => {
    e.preventDefault();
    void loadQueue();
  });
  const reviewer = fieldById('reviewer');
  reviewer.value = localStorage.getItem('solieu.reviewer') || serverReviewer;
  reviewer.addEventListener('change', () => localStorage.setItem('solieu.reviewer', reviewer.value.trim()));
  void api<{ metrics: { id: string; name: string }[] }>('GET', '/api/metrics').then((r) => {
    if (r.status !== 200) return;
    const list = byId('metric-ids');
    for (const m of r.body.metrics) {
      const o = el('option', null, m.name);
      o.value = m.id;
      list.appendChild(o);
    }
  });
  setEditing(false);
}

/** Show the queue of the address (`#doc=…&fact=…`). */
export function openReview(hash: string): void {
  const fact = applyHash(hash);
  void loadQueue(fact);
}
