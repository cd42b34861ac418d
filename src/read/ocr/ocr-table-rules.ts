import type { Rule } from '../pdf/pdf-table-rules.js';
import type { PageImage } from './ocr-page-renderer.js';

/**
 * Ruling lines of a scanned page, from its pixels: the long straight runs of dark pixels that
 * draw a table's borders, as OpenCV's morphological line extraction (an opening with a long thin
 * kernel) finds them. A horizontal rule is a run of dark pixels at least `minLength` long in a
 * pixel row, joined with the runs of the rows next to it that overlap it (a line a few pixels
 * thick, or slightly skewed, is one rule); vertical rules the same down the columns. Letters are
 * far shorter than a border, so text gives no rules; a table's grid is then found from the rules
 * as for a PDF's drawn lines (`pdf-table-grid.ts`).
 */

/** A rule in image pixels: `from..to` along the line, `at0..at1` across it (its thickness). */
export interface PixelRule {
  dir: 'h' | 'v';
  at0: number;
  at1: number;
  from: number;
  to: number;
}

export interface ImageRulesOptions {
  /** A pixel darker than this (0–255) is ink (default 140). */
  threshold?: number;
  /** A run shorter than this many inches is not a rule (default 0.3 in: 60 px at 200 dpi, longer than any letter). */
  minInches?: number;
  /** A gap of at most this many pixels inside a run (a broken scanned line) is bridged (default 2). */
  gap?: number;
}

/** A rule this much thicker than a line (inches) is a filled block (a photo, a QR code, a stamp), not a border. */
const MAX_THICKNESS_INCHES = 0.06;

/** Runs of ink in one pixel line (a row or a column), as [from, to) pairs, gaps up to `gap` bridged. */
function runsOf(at: (i: number) => boolean, length: number, minLength: number, gap: number): [number, number][] {
  const runs: [number, number][] = [];
  let start = -1;
  let lastInk = -1;
  for (let i = 0; i <= length; i++) {
    const ink = i < length && at(i);
    if (ink) {
      if (start < 0) start = i;
      lastInk = i;
    } else if (start >= 0 && (i - lastInk > gap || i === length)) {
      if (lastInk + 1 - start >= minLength) runs.push([start, lastInk + 1]);
      start = -1;
    }
  }
  return runs;
}

/**
 * The runs of ink down every pixel column, read row by row (memory order: a column-by-column
 * walk of a 3-megapixel page misses the cache on every pixel), with the same rule as `runsOf`.
 */
function columnRuns(gray: Uint8Array, width: number, height: number, threshold: number, minLength: number, gap: number): [number, number][][] {
  const runs: [number, number][][] = Array.from({ length: width }, () => []);
  const start = new Int32Array(width).fill(-1);
  const lastInk = new Int32Array(width).fill(-1);
  const close = (x: number): void => {
    if (lastInk[x] + 1 - start[x] >= minLength) runs[x].push([start[x], lastInk[x] + 1]);
    start[x] = -1;
  };
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      if (gray[row + x] < threshold) {
        if (start[x] < 0) start[x] = y;
        lastInk[x] = y;
      } else if (start[x] >= 0 && y - lastInk[x] > gap) close(x);
    }
  }
  for (let x = 0; x < width; x++) if (start[x] >= 0) close(x);
  return runs;
}

/** Join runs of neighbouring pixel lines that overlap along their length into rules. */
function joinRuns(lines: [number, number][][], dir: 'h' | 'v'): PixelRule[] {
  const done: PixelRule[] = [];
  let open: PixelRule[] = [];
  lines.forEach((runs, at) => {
    const next: PixelRule[] = [];
    for (const [from, to] of runs) {
      const k = open.findIndex((r) => r.at1 === at && from < r.to && r.from < to);
      if (k >= 0) {
        const r = open.splice(k, 1)[0];
        r.at1 = at + 1;
        r.from = Math.min(r.from, from);
        r.to = Math.max(r.to, to);
        next.push(r);
      } else next.push({ dir, at0: at, at1: at + 1, from, to });
    }
    done.push(...open);
    open = next;
  });
  return [...done, ...open];
}

/** The ruling lines of a page image, in pixels. */
export function pixelRules(image: Pick<PageImage, 'width' | 'height' | 'gray' | 'dpi'>, options: ImageRulesOptions = {}): PixelRule[] {
  const { width, height, gray, dpi } = image;
  const threshold = options.threshold ?? 140;
  const minLength = Math.max(20, Math.round((options.minInches ?? 0.3) * dpi));
  const gap = options.gap ?? 2;
  const maxThickness = Math.max(4, Math.round(MAX_THICKNESS_INCHES * dpi));
  const rows: [number, number][][] = [];
  for (let y = 0; y < height; y++) rows.push(runsOf((x) => gray[y * width + x] < threshold, width, minLength, gap));
  const cols = columnRuns(gray, width, height, threshold, minLength, gap);
  return [...joinRuns(rows, 'h'), ...joinRuns(cols, 'v')].filter((r) => r.at1 - r.at0 <= maxThickness);
}

/** Pixel rules in page points (origin top-left), through the image's pixel → point map, each at the middle of its thickness. */
export function toPointRules(rules: PixelRule[], image: Pick<PageImage, 'toPoints'>): Rule[] {
  const [sx, sy, ox, oy] = image.toPoints;
  return rules.map((r) =>
    r.dir === 'h'
      ? { dir: 'h', at: oy + ((r.at0 + r.at1) / 2) * sy, from: ox + r.from * sx, to: ox + r.to * sx }
      : { dir: 'v', at: ox + ((r.at0 + r.at1) / 2) * sx, from: oy + r.from * sy, to: oy + r.to * sy },
  );
}

/** A copy of the image with the rules painted white (a pixel beyond each edge too), so OCR reads the cells' text without the borders. */
export function eraseRules<I extends Pick<PageImage, 'width' | 'height' | 'gray'>>(image: I, rules: PixelRule[]): I {
  const gray = new Uint8Array(image.gray);
  const { width, height } = image;
  for (const r of rules) {
    const a0 = Math.max(0, r.at0 - 1);
    const a1 = Math.min(r.dir === 'h' ? height : width, r.at1 + 1);
    for (let a = a0; a < a1; a++) {
      for (let b = r.from; b < r.to; b++) {
        if (r.dir === 'h') gray[a * width + b] = 255;
        else gray[b * width + a] = 255;
      }
    }
  }
  return { ...image, gray };
}
