/// <reference lib="dom" />
import type { QueueDocument } from '../../schemas/review.js';
import type { SentenceWindow } from '../review/sentence-window.js';
import { api, describe } from './api-client.js';
import { byId, clear, el } from './browser-dom.js';
import { STATUS_LABELS } from './review-fields.js';
import type { FactStatus } from '../../schemas/fact.js';

export interface DocumentFact {
  id: number;
  page: number;
  bbox: [number, number, number, number] | null;
  quote: string;
  value: number;
  unit: string;
  metric: string;
  period: string;
  status: FactStatus;
  confidence: number;
  table_row: string;
  table_column: string;
  sentence: SentenceWindow;
}

export interface DocumentReply {
  document: { doc_id: string; file: string; title: string; province: string; report_period: string; pages: number };
  pageImages: boolean;
  pageScale: number;
  facts: DocumentFact[];
}

const view = { docId: '', page: 1, factId: undefined as number | undefined, data: null as DocumentReply | null, documents: [] as QueueDocument[] };

function message(text: string, kind?: 'error'): void {
  const m = byId('d-msg');
  m.textContent = text;
  m.className = `msg${kind ? ` ${kind}` : ''}`;
}

/** The document view's address: `#view=doc&doc=…&page=…&fact=…`. */
export function documentHash(docId: string, page?: number, factId?: number): string {
  const p = new URLSearchParams({ view: 'doc', doc: docId });
  if (page !== undefined) p.set('page', String(page));
  if (factId !== undefined) p.set('fact', String(factId));
  return `#${p.toString()}`;
}

/** A box in page units as a percentage of the page image (which is `pageScale` pixels per unit). */
function placeBox(node: HTMLElement, bbox: [number, number, number, number], img: HTMLImageElement, scale: number): void {
  const w = img.naturalWidth / scale;
  const h = img.naturalHeight / scale;
  node.style.left = `${(bbox[0] / w) * 100}%`;
  node.style.top = `${(bbox[1] / h) * 100}%`;
  node.style.width = `${((bbox[2] - bbox[0]) / w) * 100}%`;
  node.style.height = `${((bbox[3] - bbox[1]) / h) * 100}%`;
}

function drawBoxes(): void {
  const d = view.data;
  const layer = byId('boxes');
  clear(layer);
  const img = byId<HTMLImageElement>('page-img');
  if (!d || !img.naturalWidth) return;
  for (const f of d.facts) {
    if (f.page !== view.page || !f.bbox) continue;
    const box = el('div', `box${f.id === view.factId ? ' selected' : ''}`);
    box.dataset.factId = String(f.id);
    box.title = `${f.quote} — ${f.metric}`;
    placeBox(box, f.bbox, img, d.pageScale);
    box.addEventListener('click', () => selectFact(f.id));
    layer.appendChild(box);
  }
}

function renderSentence(f: DocumentFact | undefined): void {
  const s = byId('d-sentence');
  clear(s);
  s.hidden = !f;
  if (!f) return;
  s.appendChild(document.createTextNode((f.sentence.cutBefore ? '… ' : '') + f.sentence.before));
  s.appendChild(el('mark', null, f.sentence.match));
  s.appendChild(document.createTextNode(f.sentence.after + (f.sentence.cutAfter ? ' …' : '')));
}

function renderList(): void {
  const d = view.data;
  const list = byId('d-facts');
  clear(list);
  if (!d) return;
  for (const f of d.facts.filter((x) => x.page === view.page)) {
    const li = el('li', null, `${f.quote}`);
    li.dataset.factId = String(f.id);
    li.setAttribute('aria-selected', f.id === view.factId ? 'true' : 'false');
    li.appendChild(el('span', `badge ${f.status}`, STATUS_LABELS[f.status] ?? f.status));
    li.appendChild(
      el(
        'span',
        'm',
        [f.metric || '(chưa có chỉ tiêu)', f.period, f.table_row && `hàng: ${f.table_row}`, f.table_column && `cột: ${f.table_column}`]
          .filter(Boolean)
          .join(' · '),
      ),
    );
    li.addEventListener('click', () => selectFact(f.id));
    list.appendChild(li);
  }
  list.querySelector('li[aria-selected=true]')?.scrollIntoView?.({ block: 'nearest' });
}

function selectFact(id: number): void {
  const f = view.data?.facts.find((x) => x.id === id);
  if (!f) return;
  view.factId = id;
  if (f.page !== view.page) {
    view.page = f.page;
    showPage();
  } else {
    drawBoxes();
    renderList();
  }
  renderSentence(f);
  history.replaceState(null, '', documentHash(view.docId, view.page, id));
  byId(`boxes`).querySelector('.box.selected')?.scrollIntoView?.({ block: 'center', inline: 'nearest' });
}

function showPage(): void {
  const d = view.data;
  if (!d) return;
  byId('d-page-label').textContent = ` trang ${view.page} / ${d.document.pages || 1} `;
  const img = byId<HTMLImageElement>('page-img');
  byId('page-none').hidden = d.pageImages;
  byId('page-wrap').hidden = !d.pageImages;
  if (d.pageImages) {
    img.onload = () => drawBoxes();
    img.src = `/api/documents/${encodeURIComponent(view.docId)}/pages/${view.page}.png`;
  }
  renderList();
  drawBoxes();
}

async function fillDocuments(): Promise<void> {
  if (view.documents.length) return;
  const r = await api<{ documents: QueueDocument[] }>('GET', '/api/documents');
  if (r.status !== 200) return;
  view.documents = r.body.documents;
  const sel = byId<HTMLSelectElement>('d-doc');
  clear(sel);
  sel.appendChild(el('option', null, '(chọn tài liệu)')).value = '';
  for (const d of view.documents) sel.appendChild(el('option', null, d.title ? `${d.file} — ${d.title}` : d.file)).value = d.doc_id;
}

/** Show the document, page and fact the address names (`#view=doc&doc=…&fact=…`). */
export async function openDocument(hash: string): Promise<void> {
  const h = new URLSearchParams(hash.replace(/^#/, ''));
  await fillDocuments();
  const docId = h.get('doc') ?? '';
  const fact = Number(h.get('fact'));
  byId<HTMLSelectElement>('d-doc').value = docId;
  if (!docId) {
    view.data = null;
    message('Chọn một tài liệu.');
    byId('page-wrap').hidden = true;
    clear(byId('d-facts'));
    return;
  }
  if (docId !== view.docId || !view.data) {
    const r = await api<DocumentReply>('GET', `/api/documents/${encodeURIComponent(docId)}`);
    if (r.status !== 200) {
      message(describe(r.body), 'error');
      return;
    }
    view.docId = docId;
    view.data = r.body;
  }
  const d = view.data;
  message(`${d.document.file}${d.document.title ? ` — ${d.document.title}` : ''} · ${d.facts.length} số liệu`);
  const target = d.facts.find((f) => f.id === fact);
  view.factId = target?.id;
  view.page = target?.page ?? (Number(h.get('page')) || 1);
  showPage();
  renderSentence(target);
}

export function startDocument(): void {
  byId('d-doc').addEventListener('change', () => {
    const id = byId<HTMLSelectElement>('d-doc').value;
    location.hash = id ? documentHash(id) : '#view=doc';
  });
  const turn = (step: number) => {
    const d = view.data;
    if (!d) return;
    const next = view.page + step;
    if (next < 1 || next > Math.max(1, d.document.pages)) return;
    view.page = next;
    view.factId = undefined;
    renderSentence(undefined);
    history.replaceState(null, '', documentHash(view.docId, view.page));
    showPage();
  };
  byId('d-prev').addEventListener('click', () => turn(-1));
  byId('d-next').addEventListener('click', () => turn(1));
  window.addEventListener('resize', () => drawBoxes());
}
