import { AnnotationMode, OPS, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * Ruling lines of a PDF page, from its operator list: the horizontal and vertical strokes and
 * thin filled rectangles that draw table borders (Word exports its cell borders as thin filled
 * rectangles, other writers stroke lines or rectangles). Like pdfplumber's "lines" strategy,
 * the edges of stroked rectangles count as rules; a filled rectangle counts as a rule only when
 * it is thin (a border), so shaded boxes and cell backgrounds add no lines of their own.
 * Clipping paths (`endPath`) are never painted and never count.
 */

/** An axis-aligned rule in page points, origin top-left: `x0..x1` at `y` (horizontal) or `y0..y1` at `x` (vertical). */
export interface Rule {
  dir: 'h' | 'v';
  /** The fixed coordinate: y of a horizontal rule, x of a vertical one. */
  at: number;
  from: number;
  to: number;
}

/** A filled rectangle no thicker than this (points) is a drawn line. */
const THIN = 2.5;
/** A rule shorter than this (points) is a tick or a dot, not a border. */
const MIN_LENGTH = 3;
/** Drawn with at most this slant (points) still counts as straight. */
const STRAIGHT = 0.6;

type Matrix = [number, number, number, number, number, number];

const STROKES = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
const FILLS = new Set<number>([OPS.fill, OPS.eoFill]);
/** Path drawing codes in pdfjs's flat path data (pdfjs `DrawOPS`). */
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUAD = 3;
const CLOSE = 4;

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

function isNumberArray(v: unknown): v is ArrayLike<number> {
  return Array.isArray(v) || ArrayBuffer.isView(v);
}

/** Subpaths of pdfjs flat path data as point lists in page coordinates (top-left origin). */
function subpaths(data: ArrayLike<number>, ctm: Matrix, view: number[]): { points: [number, number][]; closed: boolean }[] {
  const out: { points: [number, number][]; closed: boolean }[] = [];
  let current: { points: [number, number][]; closed: boolean } | undefined;
  const toPage = (x: number, y: number): [number, number] => {
    const [px, py] = apply(ctm, x, y);
    return [px - view[0], view[3] - py];
  };
  let i = 0;
  while (i < data.length) {
    const code = data[i];
    if (code === MOVE) {
      current = { points: [toPage(data[i + 1], data[i + 2])], closed: false };
      out.push(current);
      i += 3;
    } else if (code === LINE) {
      if (!current) {
        current = { points: [], closed: false };
        out.push(current);
      }
      current.points.push(toPage(data[i + 1], data[i + 2]));
      i += 3;
    } else if (code === CURVE) {
      // a curve ends a straight run: start afresh at its end point
      current = { points: [toPage(data[i + 5], data[i + 6])], closed: false };
      out.push(current);
      i += 7;
    } else if (code === QUAD) {
      current = { points: [toPage(data[i + 3], data[i + 4])], closed: false };
      out.push(current);
      i += 5;
    } else if (code === CLOSE) {
      if (current) current.closed = true;
      i += 1;
    } else {
      break; // unknown code: the rest cannot be decoded
    }
  }
  return out;
}

/** The axis-aligned rule between two points, if the segment is straight and long enough. */
function ruleOf(a: [number, number], b: [number, number]): Rule | undefined {
  const dx = Math.abs(a[0] - b[0]);
  const dy = Math.abs(a[1] - b[1]);
  if (dy <= STRAIGHT && dx >= MIN_LENGTH) return { dir: 'h', at: (a[1] + b[1]) / 2, from: Math.min(a[0], b[0]), to: Math.max(a[0], b[0]) };
  if (dx <= STRAIGHT && dy >= MIN_LENGTH) return { dir: 'v', at: (a[0] + b[0]) / 2, from: Math.min(a[1], b[1]), to: Math.max(a[1], b[1]) };
  return undefined;
}

/** A closed four-corner axis-aligned path: its box. */
function boxOf(points: [number, number][]): [number, number, number, number] | undefined {
  const pts = points.length === 5 && points[0][0] === points[4][0] && points[0][1] === points[4][1] ? points.slice(0, 4) : points;
  if (pts.length !== 4) return undefined;
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const y0 = Math.min(...ys);
  const y1 = Math.max(...ys);
  // every corner on the box
  const onBox = pts.every(
    (p) => (Math.abs(p[0] - x0) < STRAIGHT || Math.abs(p[0] - x1) < STRAIGHT) && (Math.abs(p[1] - y0) < STRAIGHT || Math.abs(p[1] - y1) < STRAIGHT),
  );
  return onBox ? [x0, y0, x1, y1] : undefined;
}

/** Rules that painting one path adds. */
function rulesOfPath(data: ArrayLike<number>, ctm: Matrix, view: number[], paint: number): Rule[] {
  const stroked = STROKES.has(paint);
  const filled = FILLS.has(paint) || paint === OPS.fillStroke || paint === OPS.eoFillStroke;
  const rules: Rule[] = [];
  for (const sub of subpaths(data, ctm, view)) {
    const box = sub.points.length >= 4 ? boxOf(sub.points) : undefined;
    if (filled && box) {
      const [x0, y0, x1, y1] = box;
      const w = x1 - x0;
      const h = y1 - y0;
      if (h <= THIN && w >= MIN_LENGTH) rules.push({ dir: 'h', at: (y0 + y1) / 2, from: x0, to: x1 });
      else if (w <= THIN && h >= MIN_LENGTH) rules.push({ dir: 'v', at: (x0 + x1) / 2, from: y0, to: y1 });
      if (!stroked) continue;
    }
    if (!stroked) continue;
    const pts = sub.closed && sub.points.length > 2 ? [...sub.points, sub.points[0]] : sub.points;
    for (let k = 1; k < pts.length; k++) {
      const r = ruleOf(pts[k - 1], pts[k]);
      if (r) rules.push(r);
    }
  }
  return rules;
}

/** The ruling lines drawn on a page. */
export async function rulesOfPage(page: PDFPageProxy): Promise<Rule[]> {
  const list = await page.getOperatorList({ annotationMode: AnnotationMode.DISABLE });
  const view = page.view;
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  const rules: Rule[] = [];
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args: unknown = list.argsArray[i];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform && Array.isArray(args) && args.length === 6) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.paintFormXObjectBegin && Array.isArray(args) && isNumberArray(args[0]) && args[0].length === 6) {
      stack.push(ctm);
      ctm = multiply(ctm, Array.from(args[0]) as Matrix);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.constructPath && Array.isArray(args)) {
      const [paint, holder] = args as [unknown, unknown];
      if (typeof paint !== 'number' || !Array.isArray(holder) || !isNumberArray(holder[0])) continue;
      if (!STROKES.has(paint) && !FILLS.has(paint)) continue;
      rules.push(...rulesOfPath(holder[0], ctm, view, paint));
    }
  }
  return rules;
}
