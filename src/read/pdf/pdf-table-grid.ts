import type { BBox } from '../../../schemas/provenance.js';
import type { Rule } from './pdf-table-rules.js';

/**
 * Ruled ("lattice") tables from a page's ruling lines, as pdfplumber and Camelot's lattice mode
 * find them: rules are snapped and joined, rules that touch form a table, the distinct x of its
 * vertical rules and y of its horizontal rules make the grid, and two neighbouring grid cells are
 * one merged cell where the rule between them is not drawn.
 */

export interface GridCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  bbox: BBox;
}

export interface RuledGrid {
  bbox: BBox;
  /** Column edges left to right and row edges top to bottom. */
  xs: number[];
  ys: number[];
  cells: GridCell[];
  /** Found from the alignment of text into columns (no lines drawn), not from drawn rules. */
  aligned?: boolean;
  /** For an aligned grid: the blank strip between each two neighbouring columns (x from, x to). */
  gaps?: [number, number][];
}

/** Rules this close (points) are the same line; ends this close join. */
const SNAP = 2;
/** Grid lines this close (points) are one: a double border is one line, not a column of its own. */
const GRID_SNAP = 4;
/** A rule drawn along at least this share of a grid cell's side separates it from its neighbour. */
const SEPARATES = 0.5;

/** Cluster values that lie within `tol` of their neighbour; each value maps to its cluster's mean. */
function snapValues(values: number[], tol: number): (v: number) => number {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  const clusters: number[][] = [];
  for (const v of sorted) {
    const last = clusters[clusters.length - 1];
    if (last && v - last[last.length - 1] <= tol) last.push(v);
    else clusters.push([v]);
  }
  const map = new Map<number, number>();
  for (const c of clusters) {
    const mean = c.reduce((a, b) => a + b, 0) / c.length;
    for (const v of c) map.set(v, mean);
  }
  return (v) => map.get(v) ?? v;
}

/** Snap rules to shared lines and join the pieces of each line that touch or overlap. */
export function mergeRules(rules: Rule[]): Rule[] {
  const out: Rule[] = [];
  for (const dir of ['h', 'v'] as const) {
    const own = rules.filter((r) => r.dir === dir);
    const snap = snapValues(
      own.map((r) => r.at),
      SNAP,
    );
    const byLine = new Map<number, Rule[]>();
    for (const r of own) {
      const at = snap(r.at);
      byLine.set(at, [...(byLine.get(at) ?? []), { ...r, at }]);
    }
    for (const [at, list] of byLine) {
      list.sort((a, b) => a.from - b.from);
      let cur: Rule | undefined;
      for (const r of list) {
        if (cur && r.from <= cur.to + SNAP) cur.to = Math.max(cur.to, r.to);
        else {
          if (cur) out.push(cur);
          cur = { dir, at, from: r.from, to: r.to };
        }
      }
      if (cur) out.push(cur);
    }
  }
  return out;
}

function touches(h: Rule, v: Rule): boolean {
  return v.at >= h.from - SNAP && v.at <= h.to + SNAP && h.at >= v.from - SNAP && h.at <= v.to + SNAP;
}

/** Groups of rules that touch one another (a table's border and inner lines). */
function components(rules: Rule[]): Rule[][] {
  const parent = rules.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const hs = rules.map((r, i) => [r, i] as const).filter(([r]) => r.dir === 'h');
  const vs = rules.map((r, i) => [r, i] as const).filter(([r]) => r.dir === 'v');
  for (const [h, i] of hs) for (const [v, j] of vs) if (touches(h, v)) parent[find(i)] = find(j);
  const groups = new Map<number, Rule[]>();
  rules.forEach((r, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), r]));
  return [...groups.values()];
}

/** Share of [from, to] that rules on the line `at` cover. */
function covered(rules: Rule[], at: number, from: number, to: number): number {
  const len = to - from;
  if (len <= 0) return 1;
  let sum = 0;
  for (const r of rules) {
    if (Math.abs(r.at - at) > GRID_SNAP) continue;
    sum += Math.max(0, Math.min(r.to, to) - Math.max(r.from, from));
  }
  return Math.min(1, sum / len);
}

function distinct(values: number[]): number[] {
  const snap = snapValues(values, GRID_SNAP);
  return [...new Set(values.map(snap))].sort((a, b) => a - b);
}

/** One component of rules as a grid with merged cells, or undefined when it holds fewer than two cells. */
function gridOf(rules: Rule[]): RuledGrid | undefined {
  const hs = rules.filter((r) => r.dir === 'h');
  const vs = rules.filter((r) => r.dir === 'v');
  if (hs.length < 2 || vs.length < 2) return undefined;
  const xs = distinct(vs.map((r) => r.at));
  const ys = distinct(hs.map((r) => r.at));
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  if (rows < 1 || cols < 1 || rows * cols < 2) return undefined;
  // union-find over elementary grid cells: joined where no rule separates them
  const id = (r: number, c: number): number => r * cols + c;
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols && covered(vs, xs[c + 1], ys[r], ys[r + 1]) < SEPARATES) parent[find(id(r, c))] = find(id(r, c + 1));
      if (r + 1 < rows && covered(hs, ys[r + 1], xs[c], xs[c + 1]) < SEPARATES) parent[find(id(r, c))] = find(id(r + 1, c));
    }
  }
  // the grid must be closed on the outside: a cell with no rule on its outer side is not inside the table
  const groups = new Map<number, { r0: number; r1: number; c0: number; c1: number }>();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const g = find(id(r, c));
      const box = groups.get(g);
      if (box) {
        box.r0 = Math.min(box.r0, r);
        box.r1 = Math.max(box.r1, r);
        box.c0 = Math.min(box.c0, c);
        box.c1 = Math.max(box.c1, c);
      } else groups.set(g, { r0: r, r1: r, c0: c, c1: c });
    }
  }
  const cells: GridCell[] = [];
  const taken = new Set<number>();
  const boxes = [...groups.values()].sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
  for (const b of boxes) {
    // a group that is not a rectangle overlaps another: keep the first claim on each grid cell
    let free = true;
    for (let r = b.r0; r <= b.r1 && free; r++) for (let c = b.c0; c <= b.c1; c++) if (taken.has(id(r, c))) free = false;
    if (!free) continue;
    for (let r = b.r0; r <= b.r1; r++) for (let c = b.c0; c <= b.c1; c++) taken.add(id(r, c));
    cells.push({ row: b.r0, col: b.c0, rowSpan: b.r1 - b.r0 + 1, colSpan: b.c1 - b.c0 + 1, bbox: [xs[b.c0], ys[b.r0], xs[b.c1 + 1], ys[b.r1 + 1]] });
  }
  if (cells.length < 2) return undefined;
  return { bbox: [xs[0], ys[0], xs[cols], ys[rows]], xs, ys, cells };
}

/** The ruled tables a page's rules draw, top to bottom. */
export function ruledGrids(rules: Rule[]): RuledGrid[] {
  const merged = mergeRules(rules);
  return components(merged)
    .map(gridOf)
    .filter((g): g is RuledGrid => g !== undefined)
    .sort((a, b) => a.bbox[1] - b.bbox[1] || a.bbox[0] - b.bbox[0]);
}
