import { AnnotationMode, OPS, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextRun } from './pdf-lines.js';

/** A run of annotation text: which pdfjs font drew it, as the page's own runs carry. */
export interface AnnotationRun extends TextRun {
  font: string;
}

type Matrix = [number, number, number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: Matrix): Matrix {
  // m applied first, then n (PDF's row-vector convention: [x y 1] × m × n)
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

function toMatrix(value: unknown): Matrix | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<number, unknown>;
  const out = [0, 1, 2, 3, 4, 5].map((i) => v[i]);
  return out.every((n) => typeof n === 'number' && Number.isFinite(n)) ? (out as Matrix) : undefined;
}

interface Glyph {
  unicode?: string;
  width?: number;
}

/**
 * Text drawn in the appearance streams of a page's form widgets — above all the digital
 * signature widgets (`Widget`, `fieldType: 'Sig'`) in which Vietnamese e-signing tools stamp a
 * letter's number (`Số: 355`) and day (`ngày 13 tháng 4`). pdfjs's text content leaves
 * annotations out, and does not extract a signature widget's text at all; its operator list
 * with annotations drawn carries the glyphs. Runs in page points, origin top-left, like the
 * page's own runs. Only pages with a widget that has an appearance are asked (the operator
 * list of the whole page is built again for them).
 */
export async function widgetTextRuns(page: PDFPageProxy, originX: number, topY: number): Promise<AnnotationRun[]> {
  const annotations: unknown[] = await page.getAnnotations({ intent: 'display' });
  const widgets = annotations.filter((a) => {
    const ann = a as { subtype?: unknown; hasAppearance?: unknown; hidden?: unknown };
    return ann.subtype === 'Widget' && ann.hasAppearance === true && ann.hidden !== true;
  });
  if (widgets.length === 0) return [];
  const ops = await page.getOperatorList({ annotationMode: AnnotationMode.ENABLE });
  const runs: AnnotationRun[] = [];
  let depth = 0;
  let ctm: Matrix = IDENTITY;
  const stack: Matrix[] = [];
  let tm: Matrix = IDENTITY;
  let lineStart: Matrix = IDENTITY;
  let font = '';
  let size = 0;
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[] | null;
    if (fn === OPS.beginAnnotation) {
      depth++;
      ctm = toMatrix(args?.[2]) ?? IDENTITY;
      stack.length = 0;
      continue;
    }
    if (fn === OPS.endAnnotation) {
      depth = Math.max(0, depth - 1);
      continue;
    }
    if (depth === 0) continue;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(toMatrix(args) ?? IDENTITY, ctm);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      ctm = multiply(toMatrix(args?.[0]) ?? IDENTITY, ctm);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.beginText) tm = lineStart = IDENTITY;
    else if (fn === OPS.setFont) {
      font = typeof args?.[0] === 'string' ? args[0] : '';
      size = typeof args?.[1] === 'number' ? args[1] : 0;
    } else if (fn === OPS.setTextMatrix) tm = lineStart = toMatrix(args?.[0] ?? args) ?? IDENTITY;
    else if (fn === OPS.moveText || fn === OPS.setLeadingMoveText) {
      const [tx, ty] = [Number(args?.[0]) || 0, Number(args?.[1]) || 0];
      tm = lineStart = multiply([1, 0, 0, 1, tx, ty], lineStart);
    } else if (fn === OPS.showText || fn === OPS.showSpacedText) {
      const run = showRun(args?.[0], tm, ctm, size, font, originX, topY);
      if (run) {
        runs.push(run.run);
        tm = multiply([1, 0, 0, 1, run.advance, 0], tm);
      }
    }
  }
  return runs;
}

/** One shown string as a run in page coordinates, and how far it moved the text position (text space). */
function showRun(
  glyphs: unknown,
  tm: Matrix,
  ctm: Matrix,
  size: number,
  font: string,
  originX: number,
  topY: number,
): { run: AnnotationRun; advance: number } | undefined {
  if (!Array.isArray(glyphs) || size === 0) return undefined;
  let text = '';
  let advance = 0;
  for (const g of glyphs as (Glyph | number | null)[]) {
    if (typeof g === 'number') advance -= (g / 1000) * size;
    else if (g && typeof g === 'object') {
      text += g.unicode ?? '';
      advance += ((g.width ?? 0) / 1000) * size;
    }
  }
  if (text.trim() === '') return undefined;
  const m = multiply(tm, ctm);
  const x0 = m[4];
  const x1 = m[4] + advance * m[0];
  const scale = Math.hypot(m[2], m[3]) || 1;
  return {
    run: { text, x0: Math.min(x0, x1) - originX, x1: Math.max(x0, x1) - originX, baseline: topY - m[5], size: Math.abs(size * scale), font },
    advance,
  };
}

function top(r: TextRun): number {
  return r.baseline - 0.8 * r.size;
}

function bottom(r: TextRun): number {
  return r.baseline + 0.2 * r.size;
}

/**
 * Put widget text on the line it is written into: a signing tool draws the day in its own box
 * whose baseline sits a little off the line's (`ngày [13] tháng 4`), enough for the line builder
 * to start a row of its own. A widget run that overlaps a page run vertically by half and sits
 * within three sizes of it horizontally takes that run's baseline and size.
 */
export function alignToLines<R extends TextRun>(widgetRuns: R[], pageRuns: TextRun[]): R[] {
  return widgetRuns.map((w) => {
    let best: TextRun | undefined;
    let bestGap = Infinity;
    for (const r of pageRuns) {
      if (r.text.trim() === '') continue;
      const overlap = Math.min(bottom(r), bottom(w)) - Math.max(top(r), top(w));
      if (overlap < 0.5 * Math.min(r.size, w.size)) continue;
      const gap = Math.max(0, r.x0 - w.x1, w.x0 - r.x1);
      if (gap <= 3 * Math.max(r.size, w.size) && gap < bestGap) {
        best = r;
        bestGap = gap;
      }
    }
    return best ? { ...w, baseline: best.baseline, size: best.size } : w;
  });
}
