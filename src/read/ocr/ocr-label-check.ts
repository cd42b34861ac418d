/**
 * A pixel check of Roman heading labels made only of `I`s (`I.`, `II.`, `III.`). The LSTM reads
 * serif strokes whose feet nearly touch as one fewer stroke (`III.` → `II.`), and the heading
 * sequence cannot always tell (reports skip numbers). Counting the vertical stems in the word's
 * box on the page image settles it: a stem is a dark run crossing the middle band of the word.
 */
import type { OcrBox, OcrPage } from '../../../schemas/ocr-page.js';
import type { PageImage } from './ocr-page-renderer.js';

export interface LabelRepair {
  from: string;
  to: string;
  /** Line text before the repair (for the warning). */
  line: string;
}

/** A line-leading word made of 1–3 `I`s or look-alikes (`l`, `|`, `J`) and an optional dot or comma. */
const I_LABEL = /^([IJl|]{1,3})([.,]?)$/;

/** A heading title in capitals (`XÂY DỰNG KẾ HOẠCH …`): what follows a Roman label. */
const CAPITALS_TITLE = /^[^\p{Ll}]*\p{Lu}{2,}[^\p{Ll}]*$/u;

/** Confidence kept on a word whose label was corrected. */
const REPAIRED_WORD_CONFIDENCE = 0.7;

/**
 * Correct line-leading `I…` labels whose stroke count on the image differs from the text, and
 * look-alikes (`J.`, `l.`) before a title in capitals. Mutates the words of `page` (text,
 * confidence) and returns what it changed.
 */
export function checkRomanLabels(page: OcrPage, image: Pick<PageImage, 'gray' | 'width' | 'height'>): LabelRepair[] {
  const repairs: LabelRepair[] = [];
  for (const line of page.lines) {
    const word = line.words[0];
    const match = word ? I_LABEL.exec(word.text) : null;
    // A label is followed by its title. A lone `I` without its dot, or a look-alike, is a label
    // only before a title in capitals (`I KẾT QUẢ …`: the native engine at times drops the dot).
    if (!word || !match || line.words.length < 2) continue;
    const capitalsTitle = CAPITALS_TITLE.test(
      line.words
        .slice(1)
        .map((w) => w.text)
        .join(' '),
    );
    const bareI = match[2] === '' && match[1].length === 1;
    const lookalike = /[Jl|]/.test(match[1]);
    if ((bareI || lookalike) && !capitalsTitle) continue;
    const stems = countStems(image, word.bbox);
    if (stems === undefined) continue;
    const to = 'I'.repeat(stems) + (match[2] || '.');
    if (to === word.text) continue;
    repairs.push({ from: word.text, to, line: line.words.map((w) => w.text).join(' ') });
    word.text = to;
    word.confidence = Math.min(word.confidence, REPAIRED_WORD_CONFIDENCE * 100);
    line.confidence = Math.min(line.confidence, REPAIRED_WORD_CONFIDENCE * 100);
  }
  return repairs;
}

/**
 * Number of vertical stems (1–3) in a box: the count of dark runs on every row of the middle
 * band (35–65% of the height, clear of serifs and the dot), the runs standing still from the top
 * of the band to its bottom. Undefined when the rows disagree or the runs slant (`V`, `X`, noise).
 */
export function countStems(image: Pick<PageImage, 'gray' | 'width' | 'height'>, bbox: OcrBox): number | undefined {
  const x0 = Math.max(0, Math.floor(bbox.x0));
  const x1 = Math.min(image.width, Math.ceil(bbox.x1));
  const top = Math.max(0, bbox.y0);
  const height = Math.min(image.height, bbox.y1) - top;
  if (x1 - x0 < 2 || height < 8) return undefined;
  const threshold = darkThreshold(image, x0, x1, Math.floor(top), Math.ceil(top + height));
  const bands: number[][] = [];
  for (let y = Math.floor(top + height * 0.35); y <= Math.ceil(top + height * 0.65); y++) {
    const centres: number[] = [];
    let start = -1;
    for (let x = x0; x <= x1; x++) {
      const dark = x < x1 && image.gray[y * image.width + x] < threshold;
      if (dark && start < 0) start = x;
      if (!dark && start >= 0) {
        centres.push((start + x - 1) / 2);
        start = -1;
      }
    }
    bands.push(centres);
  }
  const n = bands[0].length;
  if (n < 1 || n > 3 || bands.some((row) => row.length !== n)) return undefined;
  const drift = Math.max(2, height * 0.08);
  const last = bands[bands.length - 1];
  return bands[0].every((c, i) => Math.abs(c - last[i]) <= drift) ? n : undefined;
}

/** Midway between the darkest and lightest pixel of the box (scans are not always pure black). */
function darkThreshold(image: Pick<PageImage, 'gray' | 'width'>, x0: number, x1: number, y0: number, y1: number): number {
  let min = 255;
  let max = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const v = image.gray[y * image.width + x];
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return max - min < 64 ? 0 : (min + max) / 2;
}
