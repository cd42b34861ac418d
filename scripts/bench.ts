/**
 * `npm run bench`: speed as ratios against baselines measured in the same run (never absolute
 * pass/fail timings). Sections, in order:
 *   pipeline  read → normalize → segment vs bare pdfjs-dist getTextContent on the text PDFs of
 *             ../shared/corpus and ../shared/corpus-real (target ≤ 1.3×), per file, with a breakdown;
 *   tables    what table finding (ruled: drawn lines; aligned: columns of text) costs as a share of
 *             readPdf on every text PDF of both corpora, sub-folders included (scripts/bench/tables.ts);
 *   extract   extract + resolve on the segmented documents: chars/s, pages/s, and every stage's
 *             share of the whole pipeline (read → resolve, no store);
 *   ingest-cpu  the whole `solieu ingest` as a process (built CLI) vs bare pdfjs-dist getTextContent in one
 *             process on the same files: CPU (user+sys, all threads) and wall time, 60 distinct copies of the
 *             text PDFs with 1 and 2 workers, and one 6-page PDF (scripts/bench/ingest-cpu.ts);
 *   scale     batch ingest of 100 / 1000 generated reports with the built CLI (docs/min, peak RSS),
 *             compare/export on 100k facts (scripts/bench/scale.ts);
 *   ocr       tesseract.js with 1 and 2 workers vs the native tesseract CLI (scripts/bench/ocr.ts);
 *   queue     plain `solieu ingest` (SQLite, 1 and 2 threads) vs `ingest --queue` into PostgreSQL and 1, 2,
 *             4 `solieu worker --drain` processes: text documents/min and OCR pages/min, the queue's
 *             overhead and scaling, and what a national archive needs (scripts/bench/queue.ts).
 * Prints a table per section and writes everything to out/bench.json.
 *
 *   npx tsx scripts/bench.ts [--only pipeline,extract,scale,ocr] [--quick] [--reps N]
 *        [--breakdown | --no-breakdown] [--profile] [--wall] [--docs N] [--facts N]
 *        [--ocr-file PDF] [--ocr-pages 1-4] [--no-build] [--json out/bench.json]
 *
 * --quick: 3 passes, no read breakdown, 100 docs, 10k facts, 1 OCR page, 1 OCR round (else 3).
 * --profile: CPU-profile bare pdfjs and the read side, interleaved (out/bench-read.cpuprofile), and show
 *   function by function what solieu adds.
 * --wall: time the pipeline/extract sections on wall time instead of process CPU time (see bench/clock.ts).
 * Totals are sums of per-file medians; contenders run file by file in a seeded random order.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchExtract, benchRead, formatExtractBench, formatReadBench, type BenchFile } from './bench/pipeline.js';
import type { Document } from '../schemas/document.js';
import { useClock } from './bench/clock.js';

const SECTIONS = ['pipeline', 'tables', 'extract', 'ingest-cpu', 'scale', 'ocr', 'queue'] as const;
type Section = (typeof SECTIONS)[number];

const USAGE = `usage: npx tsx scripts/bench.ts [--only ${SECTIONS.join(',')}] [--quick] [--reps N] [--breakdown|--no-breakdown] [--profile] [--wall]
                              [--docs N] [--facts N] [--ocr-file PDF] [--ocr-pages 1-4] [--no-build] [--json FILE]`;

function parseCli() {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      quick: { type: 'boolean', default: false },
      reps: { type: 'string' },
      breakdown: { type: 'boolean' },
      'no-breakdown': { type: 'boolean' },
      profile: { type: 'boolean', default: false },
      wall: { type: 'boolean', default: false },
      docs: { type: 'string' },
      facts: { type: 'string' },
      'ocr-file': { type: 'string' },
      'ocr-pages': { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      json: { type: 'string', default: join('out', 'bench.json') },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const only = (values.only ?? SECTIONS.join(','))
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean)
    .map((s) => (s === 'read' ? 'pipeline' : s));
  const unknown = only.filter((s) => !(SECTIONS as readonly string[]).includes(s));
  if (unknown.length) {
    console.error(`bench: unknown section ${unknown.join(', ')} (sections: ${SECTIONS.join(', ')})\n${USAGE}`);
    process.exit(2);
  }
  const int = (v: string | undefined, fallback: number, name: string) => {
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) {
      console.error(`bench: --${name} needs a positive integer, got "${v}"`);
      process.exit(2);
    }
    return n;
  };
  const quick = values.quick;
  return {
    sections: new Set(only as Section[]),
    quick,
    reps: int(values.reps, quick ? 3 : 5, 'reps'),
    breakdown: values['no-breakdown'] ? false : (values.breakdown ?? !quick),
    profile: values.profile,
    wall: values.wall,
    docs: int(values.docs, quick ? 100 : 1000, 'docs'),
    facts: int(values.facts, quick ? 10_000 : 100_000, 'facts'),
    ocrFile: values['ocr-file'],
    ocrPages: values['ocr-pages'] ? parsePages(values['ocr-pages']) : quick ? [1] : [1, 2, 3, 4],
    build: !values['no-build'],
    json: values.json,
  };
}

function parsePages(spec: string): number[] {
  return spec.split(',').flatMap((part) => {
    const [a, b] = part.split('-').map(Number);
    return b ? Array.from({ length: b - a + 1 }, (_, i) => a + i) : [a];
  });
}

function environment() {
  const git = (args: string[]) => spawnSync('git', args, { encoding: 'utf8' }).stdout?.trim() ?? '';
  const pdfjs = JSON.parse(readFileSync(join('node_modules', 'pdfjs-dist', 'package.json'), 'utf8')) as { version: string };
  return {
    date: new Date().toISOString(),
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: availableParallelism(),
    memoryGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    loadAverageAtStart: loadavg().map((l) => Math.round(l * 100) / 100),
    commit: git(['rev-parse', '--short', 'HEAD']),
    dirty: git(['status', '--porcelain', '--untracked-files=no']) !== '',
    pdfjsDist: pdfjs.version,
    argv: process.argv.slice(2),
  };
}

/** Newest modification time (ms) of the TypeScript sources the CLI is built from. */
function newestSource(dirs = ['src', 'schemas', 'pipelines']): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|json|sql)$/.test(e.name)) newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  for (const d of dirs) if (existsSync(d)) walk(d);
  return newest;
}

/** The scale section runs the built CLI: rebuild dist/ when the sources are newer. Returns a note. */
function ensureBuilt(build: boolean): string {
  const main = join('dist', 'src', 'cli', 'main.js');
  const built = existsSync(main) ? statSync(main).mtimeMs : 0;
  if (built >= newestSource()) return 'dist/ up to date';
  if (!build) {
    if (!built) throw new Error('dist/ is missing: run `npm run build` (or drop --no-build)');
    return 'dist/ is OLDER than src/ (--no-build): the CLI measured is not the current code';
  }
  console.error('  dist/ is older than src/: npm run build …');
  // (the whole build, as users get it — not tsc alone, whose output overwrites the CLI bundled in place and leaves the
  // startup files stale: a bench of that measured ~0.3 s more for one file than the shipped build)
  const run = spawnSync('npm', ['run', 'build'], { encoding: 'utf8' });
  if (run.status === 0) return 'dist/ rebuilt before the run';
  const first = `${run.stdout}${run.stderr}`.trim().split('\n')[0];
  if (!existsSync(main)) throw new Error(`npm run build failed and dist/ is missing: ${first}`);
  return `npm run build reported errors (${first}); the CLI measured is what tsc emitted`;
}

function heading(title: string): void {
  console.log(`\n== ${title} ${'='.repeat(Math.max(0, 76 - title.length))}`);
}

async function main(): Promise<number> {
  const opts = parseCli();
  const clock = useClock(opts.wall ? 'wall' : 'process-cpu');
  const log = (line: string) => console.error(line);
  const results: Record<string, unknown> = { environment: { ...environment(), clock }, options: { ...opts, sections: [...opts.sections] } };
  const failed: string[] = [];
  const started = performance.now();
  let docs: { file: BenchFile; doc: Document }[] | undefined;

  const section = async (name: Section, title: string, body: () => Promise<{ json: unknown; text: string }>) => {
    if (!opts.sections.has(name)) return;
    heading(title);
    const t0 = performance.now();
    try {
      const { json, text } = await body();
      console.log(text);
      results[name] = json;
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      console.log(`  FAILED: ${reason.split('\n')[0]}`);
      results[name] = { error: reason };
      failed.push(name);
    }
    const seconds = (performance.now() - t0) / 1000;
    console.error(`  (${name} took ${seconds.toFixed(0)} s)`);
  };

  await section('pipeline', 'read side: read + normalize + segment vs bare pdfjs', async () => {
    const r = await benchRead({ reps: opts.reps, breakdown: opts.breakdown, profile: opts.profile, log });
    docs = r.docs;
    return { json: r.result, text: formatReadBench(r.result) };
  });
  await section('tables', 'table finding: its cost as a share of readPdf (the read stage)', async () => {
    const { benchTables, formatTableBench } = await import('./bench/tables.js');
    const r = await benchTables({ reps: opts.reps, log });
    return { json: r, text: formatTableBench(r) };
  });
  await section('extract', 'extraction throughput and share of the pipeline', async () => {
    const r = await benchExtract({ reps: opts.reps, docs, log });
    return { json: r, text: formatExtractBench(r) };
  });
  await section('ingest-cpu', 'the whole `solieu ingest` as a process vs bare pdfjs in one process', async () => {
    const build = ensureBuilt(opts.build);
    const { benchIngestCpu, formatIngestCpuBench } = await import('./bench/ingest-cpu.js');
    const r = await benchIngestCpu({ copies: opts.quick ? 24 : 60, reps: opts.quick ? 1 : 3, log });
    return { json: { ...r, build }, text: `  (${build})\n${formatIngestCpuBench(r)}` };
  });
  await section('scale', `batch ingest (${Math.min(100, opts.docs)}/${opts.docs} docs) and compare/export on ${opts.facts} facts`, async () => {
    const build = ensureBuilt(opts.build);
    const { benchScale, formatScaleBench } = await import('./bench/scale.js');
    const r = await benchScale({ docs: opts.docs, facts: opts.facts });
    return { json: { ...r, build }, text: `  (${build})\n${formatScaleBench(r)}` };
  });
  await section('ocr', `OCR seconds per page (${opts.ocrPages.length} page${opts.ocrPages.length > 1 ? 's' : ''})`, async () => {
    const { benchOcr, formatOcrBench } = await import('./bench/ocr.js');
    const r = await benchOcr({ file: opts.ocrFile, pages: opts.ocrPages, rounds: opts.quick ? 1 : 3 });
    return { json: r, text: formatOcrBench(r) };
  });
  await section('queue', 'the job queue on PostgreSQL: 1, 2, 4 worker processes vs plain ingest', async () => {
    const build = ensureBuilt(opts.build);
    const { benchQueue, formatQueueBench } = await import('./bench/queue.js');
    const r = await benchQueue({ copies: opts.quick ? 30 : 36, reps: 1, log });
    return { json: { ...r, build }, text: `  (${build})\n${formatQueueBench(r)}` };
  });

  results.loadAverageAtEnd = loadavg().map((l) => Math.round(l * 100) / 100);
  results.seconds = Math.round((performance.now() - started) / 100) / 10;
  mkdirSync(dirname(opts.json) || '.', { recursive: true });
  writeFileSync(opts.json, JSON.stringify(results, null, 2));
  const load = results.environment as { loadAverageAtStart: number[]; cores: number };
  console.log(
    `\nwrote ${opts.json} (${results.seconds} s; load average ${load.loadAverageAtStart[0]} → ${(results.loadAverageAtEnd as number[])[0]} on ${load.cores} cores — ratios are robust to load, absolute figures are not)`,
  );
  if (failed.length) console.log(`sections that failed: ${failed.join(', ')}`);
  return failed.length ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err instanceof Error ? err.stack : err);
    process.exitCode = 1;
  },
);
