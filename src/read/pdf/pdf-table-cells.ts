import type { BBox } from '../../../schemas/provenance.js';
import type { RuledGrid } from './pdf-table-grid.js';
import type { TextRun } from './pdf-lines.js';

/**
 * Text runs into the cells of a page's ruled tables: a run belongs to the cell its middle lies
 * in; runs outside every table stay free (body text). A ruled box that repeats at the same place
 * with the same words (digits aside) on several pages is a page header or footer drawn as a
 * table (`VIETTEL AI RACE | TD339 | Lần ban hành: 1`), not a table: its runs stay free so the
 * furniture detector sees them as it sees any running header.
 */

export interface PlacedTable<R extends TextRun = TextRun> {
  grid: RuledGrid;
  /** Runs of each cell, in the order of `grid.cells`. */
  cells: R[][];
}

export interface PageSplit<R extends TextRun = TextRun> {
  free: R[];
  tables: PlacedTable<R>[];
}

function inside(box: BBox, x: number, y: number): boolean {
  return x >= box[0] && x <= box[2] && y >= box[1] && y <= box[3];
}

/** The middle of a run (x centre, y half way up its glyphs). */
function middleOf(run: TextRun): [number, number] {
  return [(run.x0 + Math.max(run.x1, run.x0)) / 2, run.baseline - 0.35 * run.size];
}

/** Split a page's runs between its tables' cells and the free text. */
export function placeRuns<R extends TextRun>(runs: R[], grids: RuledGrid[]): PageSplit<R> {
  const tables: PlacedTable<R>[] = grids.map((grid) => ({ grid, cells: grid.cells.map(() => []) }));
  const free: R[] = [];
  for (const run of runs) {
    const [x, y] = middleOf(run);
    let placed = false;
    for (const t of tables) {
      if (!inside(t.grid.bbox, x, y)) continue;
      const k = t.grid.cells.findIndex((c) => inside(c.bbox, x, y));
      if (k >= 0) {
        t.cells[k].push(run);
        placed = true;
      }
      break;
    }
    if (!placed) free.push(run);
  }
  // a "table" with no text in it is a drawing (a frame, a form to fill in): its runs stay free
  return { free, tables: tables.filter((t) => t.cells.some((c) => c.length > 0)) };
}

/** The place and words of a table, digits folded, for finding boxes repeated on every page. */
export function tableSignature(table: PlacedTable): string {
  const box = table.grid.bbox.map((v) => Math.round(v / 5)).join(',');
  const words = table.cells
    .map((c) =>
      c
        .map((r) => r.text)
        .join(' ')
        .replace(/\d+/gu, '#')
        .replace(/\s+/gu, ' ')
        .trim(),
    )
    .join('|');
  return `${box}:${words}`;
}

/**
 * Tables of every page with the boxes that repeat on two or more pages turned back into free
 * text (in place: `splits` is updated).
 */
export function releaseRepeatedBoxes<R extends TextRun>(splits: PageSplit<R>[]): number {
  const pagesOf = new Map<string, number>();
  for (const s of splits) for (const sig of new Set(s.tables.map(tableSignature))) pagesOf.set(sig, (pagesOf.get(sig) ?? 0) + 1);
  let released = 0;
  for (const s of splits) {
    const keep: PlacedTable<R>[] = [];
    for (const t of s.tables) {
      if ((pagesOf.get(tableSignature(t)) ?? 0) >= 2) {
        s.free.push(...t.cells.flat());
        released++;
      } else keep.push(t);
    }
    s.tables = keep;
  }
  return released;
}
