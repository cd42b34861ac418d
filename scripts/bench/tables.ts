/**
 * What finding tables costs the read stage: readPdf as the read stage calls it (both table
 * finders), with only the ruled finder (drawn lines), and with no table finding at all, run
 * interleaved in a seeded random order on every text PDF of ../shared/corpus and
 * ../shared/corpus-real (sub-folders included, the same bytes once). Per file medians, summed.
 * The ruled finder's cost is mostly pdfjs building each page's operator list (its drawn lines);
 * the aligned finder's is grouping the free text into pieces and testing for columns.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { SourceFile } from '../../src/core/source-file.js';
import { readPdf, type PdfReaderOptions } from '../../src/read/pdf/pdf-reader.js';
import { seededRandom } from '../seeded-random.js';
import { now } from './clock.js';
import { fixed, median, round, table } from './table.js';

interface TableBenchFile {
  name: string;
  bytes: Buffer;
}

const VARIANTS: [string, PdfReaderOptions][] = [
  ['read (both finders)', {}],
  ['ruled finder only', { tableFinders: { aligned: false } }],
  ['no table finding', { tables: false }],
];

export interface TableBenchFileResult {
  file: string;
  pages: number;
  ruledTables: number;
  alignedTables: number;
  /** Median ms of each variant, in the order of VARIANTS. */
  ms: number[];
}

export interface TableBenchResult {
  reps: number;
  files: TableBenchFileResult[];
  readMs: number;
  ruledOnlyMs: number;
  noTablesMs: number;
  /** Cost of table finding and its share of readPdf, and of each finder. */
  tablesMs: number;
  tablesShare: number;
  ruledMs: number;
  ruledShare: number;
  alignedMs: number;
  alignedShare: number;
}

function pdfsUnder(dir: string, out: string[] = []): string[] {
  let names: string[] = [];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return out; // the corpus is not beside the clone
  }
  for (const name of names) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) pdfsUnder(path, out);
    else if (name.endsWith('.pdf') && !/[._]scan\.pdf$/u.test(name)) out.push(path);
  }
  return out;
}

/** The text PDFs of both corpora, each content once. */
export function tableBenchFiles(shared = resolve('..', 'shared')): TableBenchFile[] {
  const seen = new Set<string>();
  const files: TableBenchFile[] = [];
  for (const path of [...pdfsUnder(join(shared, 'corpus')), ...pdfsUnder(join(shared, 'corpus-real'))]) {
    const bytes = readFileSync(path);
    const hash = createHash('sha256').update(bytes).digest('hex');
    if (seen.has(hash)) continue;
    seen.add(hash);
    files.push({ name: relative(shared, path), bytes });
  }
  return files;
}

export async function benchTables(options: { reps?: number; log?: (line: string) => void } = {}): Promise<TableBenchResult> {
  const reps = options.reps ?? 5;
  const files = tableBenchFiles();
  if (files.length === 0) throw new Error('no text PDFs found in ../shared/corpus or ../shared/corpus-real');
  const info: { pages: number; ruled: number; aligned: number }[] = [];
  for (const f of files) {
    // warm-up, and what each file holds
    const r = await readPdf(new SourceFile(f.name, f.bytes), { allowEmpty: true });
    info.push({
      pages: r.pages.length,
      ruled: (r.tables ?? []).filter((t) => t.origin === 'pdf-ruled').length,
      aligned: (r.tables ?? []).filter((t) => t.origin === 'pdf-aligned').length,
    });
  }
  const ms: number[][][] = files.map(() => VARIANTS.map(() => []));
  const random = seededRandom(7);
  for (let rep = 0; rep < reps; rep++) {
    options.log?.(`  tables: pass ${rep + 1}/${reps}`);
    for (let i = 0; i < files.length; i++) {
      const order = VARIANTS.map((_, k) => k);
      for (let j = order.length - 1; j > 0; j--) {
        const k = Math.floor(random() * (j + 1));
        [order[j], order[k]] = [order[k], order[j]];
      }
      for (const k of order) {
        const file = new SourceFile(files[i].name, files[i].bytes);
        const t0 = now();
        await readPdf(file, { allowEmpty: true, ...VARIANTS[k][1] });
        ms[i][k].push(now() - t0);
      }
    }
  }
  const perFile = files.map((f, i) => ({
    file: f.name,
    pages: info[i].pages,
    ruledTables: info[i].ruled,
    alignedTables: info[i].aligned,
    ms: ms[i].map((m) => round(median(m))),
  }));
  const total = (k: number) => perFile.reduce((n, f) => n + f.ms[k], 0);
  const [readMs, ruledOnlyMs, noTablesMs] = [total(0), total(1), total(2)];
  return {
    reps,
    files: perFile,
    readMs: round(readMs),
    ruledOnlyMs: round(ruledOnlyMs),
    noTablesMs: round(noTablesMs),
    tablesMs: round(readMs - noTablesMs),
    tablesShare: round((readMs - noTablesMs) / readMs, 4),
    ruledMs: round(ruledOnlyMs - noTablesMs),
    ruledShare: round((ruledOnlyMs - noTablesMs) / readMs, 4),
    alignedMs: round(readMs - ruledOnlyMs),
    alignedShare: round((readMs - ruledOnlyMs) / readMs, 4),
  };
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

export function formatTableBench(r: TableBenchResult): string {
  return [
    table(
      ['file', 'pages', 'ruled', 'aligned', ...VARIANTS.map(([n]) => `${n} ms`)],
      r.files.map((f) => [f.file, f.pages, f.ruledTables, f.alignedTables, ...f.ms.map((m) => fixed(m))]),
    ),
    '',
    table(
      ['table finding (sums of per-file medians)', 'ms', 'share of readPdf'],
      [
        ['both finders', fixed(r.tablesMs), pct(r.tablesShare)],
        ['  ruled (drawn lines: operator lists, grids)', fixed(r.ruledMs), pct(r.ruledShare)],
        ['  aligned (columns of text)', fixed(r.alignedMs), pct(r.alignedShare)],
      ],
    ),
    `  readPdf ${fixed(r.readMs)} ms with tables, ${fixed(r.noTablesMs)} ms without (${r.reps} passes; a negative figure is below the noise)`,
  ].join('\n');
}
