/// <reference lib="dom" />
import { openReview, reviewKey, startReview } from './review-view.js';

/**
 * The web app's entry (bundled by esbuild into /app.js): the review queue. The address's hash
 * says what is shown, so a reload or a link shows the same thing.
 */
function route(): void {
  openReview(location.hash);
}

document.addEventListener('keydown', (e) => {
  if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
  reviewKey(e);
});

startReview();
route();
