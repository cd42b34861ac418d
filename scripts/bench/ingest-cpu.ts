/**
 * Bench section `ingest-cpu` (issue 13, speed of the whole ingest): the real `solieu ingest`
 * (the built CLI, bin/solieu.js) as a child process, against bare pdfjs-dist `getTextContent`
 * of the same files in one plain Node process (scripts/bench/bare-pdfjs.mjs), both measured
 * from outside: CPU time (user + sys of the process and all its threads, from wait4 via
 * bash's `time`) and wall time.
 *
 * - batch: the text PDFs of ../shared/corpus and ../shared/corpus-real (sub-folders included,
 *   each content once, scans excluded), copied round-robin to `copies` files whose bytes differ
 *   (a PDF comment after %%EOF), so the content-hash skip never applies; ingested with
 *   `--concurrency 1` (in-process) and `--concurrency 2` (worker threads) into a new database;
 * - one file: a 6-page PDF (corpus/003.pdf), `solieu ingest` with its defaults vs a bare pdfjs
 *   process on it (latency: Node and module start-up included on both sides).
 * The contenders run interleaved, in a seeded random order per round; figures are medians.
 * Targets (issue 13): batch CPU ≤ 1.5× and wall (2 workers) ≤ 1.0× bare pdfjs; one file ≤ 1.2×.
 * Ratios are against pdfjs-dist as it ships; a second baseline, bare pdfjs with the one-line fix
 * of `TextState.clone` that solieu runs (src/read/pdf/pdfjs-worker.ts; `bare-pdfjs.mjs --fixed-worker`),
 * shows what is left of solieu's own cost once the reader's fix is set apart.
 *
 * Standalone: `npx tsx scripts/bench/ingest-cpu.ts [--copies 60] [--reps 3] [--single-only]` (needs `npm run build`).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { seededRandom } from '../seeded-random.js';
import { tableBenchFiles } from './tables.js';
import { fixed, median, ratio, round, table } from './table.js';

export const INGEST_CPU_TARGET = 1.5;
export const INGEST_WALL_TARGET = 1.0;
export const SINGLE_FILE_TARGET = 1.2;

/** One timed run of a child process. */
interface Timed {
  wallMs: number;
  cpuMs: number;
  userMs: number;
  sysMs: number;
  output: string;
}

export interface ContenderResult {
  name: string;
  /** Medians over the rounds. */
  cpuMs: number;
  wallMs: number;
  userMs: number;
  sysMs: number;
  runs: { cpuMs: number; wallMs: number }[];
}

export interface IngestCpuResult {
  copies: number;
  sources: number;
  pages: number;
  reps: number;
  /** Empty when only the one file was measured (`--single-only`). */
  batch: ContenderResult[];
  single: { file: string; pages: number; contenders: ContenderResult[] };
}

const BASH_TIME = 'TIMEFORMAT="%3R %3U %3S"; { time "$@" >"$SOLIEU_BENCH_OUT" 2>&1 ; } 2>"$SOLIEU_BENCH_TIME"';

/** Run a command under bash's `time` (wait4: user and sys of every thread of the child and its children). */
function timed(cmd: string[], work: string): Timed {
  const out = join(work, 'out.txt');
  const time = join(work, 'time.txt');
  const run = spawnSync('bash', ['-c', BASH_TIME, 'bench', ...cmd], {
    env: { ...process.env, SOLIEU_BENCH_OUT: out, SOLIEU_BENCH_TIME: time },
    encoding: 'utf8',
  });
  const output = readFileSync(out, 'utf8');
  if (run.status !== 0) throw new Error(`${cmd.slice(0, 3).join(' ')} … exited with ${run.status}: ${output.trim().split('\n').slice(-3).join(' | ')}`);
  const [real, user, sys] = readFileSync(time, 'utf8')
    .trim()
    .split(/\s+/)
    .map((s) => Number(s) * 1000);
  return { wallMs: real, userMs: user, sysMs: sys, cpuMs: user + sys, output };
}

function shuffled<T>(items: T[], random: () => number): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

interface Contender {
  name: string;
  run: (work: string) => Timed;
}

function measure(contenders: Contender[], reps: number, work: string, random: () => number, log?: (line: string) => void, label = ''): ContenderResult[] {
  const runs = new Map<string, Timed[]>(contenders.map((c) => [c.name, []]));
  for (let rep = 0; rep < reps; rep++) {
    log?.(`  ingest-cpu${label}: round ${rep + 1}/${reps}`);
    for (const c of shuffled(contenders, random)) runs.get(c.name)?.push(c.run(work));
  }
  return contenders.map((c) => {
    const r = runs.get(c.name) ?? [];
    const m = (f: (t: Timed) => number) => round(median(r.map(f)), 0);
    return {
      name: c.name,
      cpuMs: m((t) => t.cpuMs),
      wallMs: m((t) => t.wallMs),
      userMs: m((t) => t.userMs),
      sysMs: m((t) => t.sysMs),
      runs: r.map((t) => ({ cpuMs: round(t.cpuMs, 0), wallMs: round(t.wallMs, 0) })),
    };
  });
}

/** A built CLI to measure: its bin/solieu.js, and a label for its rows (empty for this clone's). */
export interface CliUnderTest {
  label: string;
  path: string;
}

export async function benchIngestCpu(
  options: { copies?: number; reps?: number; single?: string; singleOnly?: boolean; clis?: CliUnderTest[]; log?: (line: string) => void } = {},
): Promise<IngestCpuResult> {
  const copies = options.copies ?? 60;
  const reps = options.reps ?? 3;
  const sources = tableBenchFiles();
  if (sources.length === 0) throw new Error('no text PDFs found in ../shared/corpus or ../shared/corpus-real');
  const clis = options.clis ?? [{ label: '', path: resolve('bin', 'solieu.js') }];
  const bare = resolve('scripts', 'bench', 'bare-pdfjs.mjs');
  const work = mkdtempSync(join(tmpdir(), 'solieu-ingest-cpu-'));
  try {
    const batch = join(work, 'batch');
    mkdirSync(batch);
    const files: string[] = [];
    for (let i = 0; i < copies; i++) {
      const src = sources[i % sources.length];
      const path = join(batch, `${String(i).padStart(3, '0')}-${basename(src.name)}`);
      writeFileSync(path, Buffer.concat([src.bytes, Buffer.from(`\n%solieu-bench copy ${i}\n`)]));
      files.push(path);
    }
    const db = join(work, 'bench.db');
    const ingest =
      (cli: string, args: string[], expect: number) =>
      (w: string): Timed => {
        for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
        const t = timed([process.execPath, cli, 'ingest', ...args, '--db', db, '--quiet', '--ocr', 'never'], w);
        if (!new RegExp(`: ${expect} stored`).test(t.output)) throw new Error(`solieu ingest did not store ${expect} files: ${t.output.trim().split('\n')[0]}`);
        return t;
      };
    const random = seededRandom(13);
    const pagesOut = options.singleOnly ? '' : timed([process.execPath, bare, ...files], work).output; // warm-up (file cache), and the page count
    const pages = Number(/(\d+) pages/.exec(pagesOut)?.[1] ?? 0);
    const batchResults = options.singleOnly
      ? []
      : measure(
          [
            { name: 'bare pdfjs, one process', run: (w) => timed([process.execPath, bare, ...files], w) },
            { name: 'bare pdfjs, clone fixed', run: (w) => timed([process.execPath, bare, '--fixed-worker', ...files], w) },
            ...clis.flatMap((c) =>
              [1, 2].map((n) => ({ name: `solieu ingest --concurrency ${n}${c.label}`, run: ingest(c.path, [batch, '--concurrency', String(n)], copies) })),
            ),
          ],
          reps,
          work,
          random,
          options.log,
          ' (batch)',
        );
    const singleName = options.single ?? 'corpus/003.pdf';
    const single = sources.find((s) => s.name === singleName);
    if (!single) throw new Error(`${singleName} not found among the text PDFs`);
    const one = join(work, 'one', basename(single.name));
    mkdirSync(join(work, 'one'));
    writeFileSync(one, single.bytes);
    const onePages = Number(/(\d+) pages/.exec(timed([process.execPath, bare, one], work).output)?.[1] ?? 0);
    const singleResults = measure(
      [
        { name: 'bare pdfjs process', run: (w) => timed([process.execPath, bare, one], w) },
        { name: 'bare pdfjs, clone fixed', run: (w) => timed([process.execPath, bare, '--fixed-worker', one], w) },
        // the defaults, as a user types it (one file: one slot, in this process, pdfjs's parsing in a thread beside it)
        ...clis.map((c) => ({ name: `solieu ingest${c.label}`, run: ingest(c.path, [one], 1) })),
      ],
      Math.max(reps, 5),
      work,
      random,
      options.log,
      ' (one file)',
    );
    return { copies, sources: sources.length, pages, reps, batch: batchResults, single: { file: singleName, pages: onePages, contenders: singleResults } };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export function formatIngestCpuBench(r: IngestCpuResult): string {
  const rows = (list: ContenderResult[]) => {
    const base = list[0];
    return list.map((c) => [
      c.name,
      fixed(c.cpuMs / 1000, 2),
      fixed(c.userMs / 1000, 2),
      fixed(c.sysMs / 1000, 2),
      fixed(c.wallMs / 1000, 2),
      ratio(c.cpuMs / base.cpuMs),
      ratio(c.wallMs / base.wallMs),
    ]);
  };
  const head = ['contender', 'CPU s', 'user s', 'sys s', 'wall s', 'CPU ×', 'wall ×'];
  const [b, bf, ...clis] = r.batch;
  const [sb, sbf, ...ones] = r.single.contenders;
  // one summary per build measured: its two batch rows (1 and 2 workers) and its one-file row
  const batchLines = [];
  for (let i = 0; i + 1 < clis.length; i += 2) {
    const [one, two] = [clis[i], clis[i + 1]];
    const label = one.name.replace(/^solieu ingest --concurrency 1/, '');
    batchLines.push(
      `  targets${label}: CPU ≤ ${INGEST_CPU_TARGET}× (${fixed(one.cpuMs / b.cpuMs, 2)}× with 1, ${fixed(two.cpuMs / b.cpuMs, 2)}× with 2), ` +
        `wall with 2 ≤ ${INGEST_WALL_TARGET}× (${fixed(two.wallMs / b.wallMs, 2)}×); ` +
        `against bare pdfjs with the clone fixed: CPU ${fixed(one.cpuMs / bf.cpuMs, 2)}× with 1, ${fixed(two.cpuMs / bf.cpuMs, 2)}× with 2, wall with 2 ${fixed(two.wallMs / bf.wallMs, 2)}×`,
    );
  }
  const singleLines = ones.map(
    (s1) =>
      `  target${s1.name.replace(/^solieu ingest/, '')}: ≤ ${SINGLE_FILE_TARGET}× a bare pdfjs process (${fixed(s1.wallMs / sb.wallMs, 2)}× wall, ${fixed(s1.cpuMs / sb.cpuMs, 2)}× CPU; ` +
      `against the clone fixed ${fixed(s1.wallMs / sbf.wallMs, 2)}× wall, ${fixed(s1.cpuMs / sbf.cpuMs, 2)}× CPU)`,
  );
  const batchPart =
    r.batch.length === 0
      ? []
      : [
          `batch: ${r.copies} distinct copies of ${r.sources} text PDFs (${r.pages} pages), medians of ${r.reps} interleaved rounds:`,
          table(head, rows(r.batch)),
          ...batchLines,
          '',
        ];
  return [
    ...batchPart,
    `one file: ${r.single.file} (${r.single.pages} pages), medians of ${r.single.contenders[0].runs.length} rounds:`,
    table(head, rows(r.single.contenders)),
    ...singleLines,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // --cli LABEL=PATH (repeatable): measure these builds instead of this clone's, interleaved (e.g. before/after a change)
  const { values } = parseArgs({
    options: {
      copies: { type: 'string', default: '60' },
      reps: { type: 'string', default: '3' },
      json: { type: 'string' },
      cli: { type: 'string', multiple: true },
      // the one file alone (its rounds: --reps, at least 5), without the batch
      'single-only': { type: 'boolean', default: false },
    },
  });
  const clis = values.cli?.map((spec) => {
    const at = spec.indexOf('=');
    return { label: ` (${spec.slice(0, at)})`, path: resolve(spec.slice(at + 1)) };
  });
  const r = await benchIngestCpu({
    copies: Number(values.copies),
    reps: Number(values.reps),
    singleOnly: values['single-only'],
    clis,
    log: (l) => console.error(l),
  });
  console.log(formatIngestCpuBench(r));
  if (values.json) writeFileSync(values.json, JSON.stringify(r, null, 2));
}
