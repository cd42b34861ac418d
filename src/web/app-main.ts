/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { openCompare, startCompare } from './compare-view.js';
import { openDocument, startDocument } from './document-view.js';
import { openReview, reviewKey, startReview } from './review-view.js';

/**
 * The web app's entry (bundled by esbuild into /app.js): the review queue, the Compare view and
 * the document view. The address's hash says which is shown and what it shows
 * (`#view=compare&metric=…`, `#view=doc&doc=…&fact=…`, else the review queue's filters), so a
 * reload or a link shows the same thing.
 */
type View = 'review' | 'compare' | 'doc';
const VIEWS: Record<View, string> = { review: 'review-view', compare: 'compare-view', doc: 'doc-view' };
let current: View | undefined;

function viewOf(hash: string): View {
  const v = new URLSearchParams(hash.replace(/^#/, '')).get('view');
  return v === 'compare' || v === 'doc' ? v : 'review';
}

function show(view: View): void {
  for (const [v, id] of Object.entries(VIEWS)) {
    const node = document.getElementById(id);
    if (node) node.hidden = v !== view;
  }
  for (const tab of document.querySelectorAll<HTMLElement>('.tabs a')) {
    if (tab.dataset.view === view) tab.setAttribute('aria-current', 'page');
    else tab.removeAttribute('aria-current');
  }
  const reviewOnly = ['filters', 'counter', 'keys'];
  for (const id of reviewOnly) {
    const node = document.getElementById(id);
    if (node) node.hidden = view !== 'review';
  }
}

function route(): void {
  const view = viewOf(location.hash);
  show(view);
  current = view;
  // the queue writes its own address with history.replaceState (no hashchange): a change is a link followed
  if (view === 'compare') void openCompare(location.hash);
  else if (view === 'doc') void openDocument(location.hash);
  else openReview(location.hash);
}

document.addEventListener('keydown', (e) => {
  if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
  if (current === 'review') reviewKey(e);
});
window.addEventListener('hashchange', route);

startReview();
startCompare();
startDocument();
route();
