/**
 * Bench section `queue` (issue 14): the job queue on PostgreSQL against plain `solieu ingest`
 * into SQLite, in the same run, on two batches:
 *
 * - text: `copies` distinct copies of the text PDFs of ../shared/corpus and ../shared/corpus-real
 *   (round-robin, a PDF comment after %%EOF so no two files share bytes), read with `--ocr never`;
 *   figure: documents/min;
 * - scans: the image-only `*.scan.pdf` of ../shared/corpus (distinct copies likewise), every page
 *   read by OCR (the default engine, `--ocr-engine auto`); figure: OCR pages/min.
 *
 * Contenders, each on a new database: plain `ingest --concurrency 1` and `--concurrency 2` (its
 * default on two cores) into SQLite; and the queue: `ingest --queue` into a new PostgreSQL
 * database (timed apart: "enqueue"), then 1, 2 or 4 `solieu worker --drain` processes started at
 * once (each `--concurrency 1`), timed until the last exits. Wall time, and CPU time (user + sys
 * of the processes and all their threads and children — native tesseract included — from wait4
 * via bash's `time`); the PostgreSQL server's CPU over the same span is read from /proc (the
 * postmaster and its backends). The server is a throw-away cluster (test/store/pg-cluster.ts).
 * The CLI measured is a copy of the built one (bin/ and dist/) taken at the start, so a rebuild
 * by someone else during the run does not change it. Contenders run in a seeded random order per
 * round; figures are medians of the rounds.
 *
 * Standalone: `npx tsx scripts/bench/queue.ts [--copies 36] [--scan-copies 1] [--scans 003.scan.pdf,…] [--reps 1] [--json FILE]`
 * (needs `npm run build` and PostgreSQL: bash scripts/install-postgres.sh).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { PgCluster } from '../../test/store/pg-cluster.js';
import { seededRandom } from '../seeded-random.js';
import { fixed, median, ratio, round, table } from './table.js';
import { tableBenchFiles } from './tables.js';

export const WORKER_COUNTS = [1, 2, 4] as const;

/** One contender's medians over the rounds. */
export interface QueueContender {
  name: string;
  kind: 'plain' | 'queue';
  /** Threads (plain) or worker processes (queue). */
  parallel: number;
  /** Reading: the ingest, or the workers from the first start to the last exit. */
  wallSeconds: number;
  cpuSeconds: number;
  /** `ingest --queue` before the workers (queue only). */
  enqueueWallSeconds: number | null;
  /** The PostgreSQL server's CPU while the workers ran (queue only). */
  dbCpuSeconds: number | null;
  /** Documents (text) or OCR pages (scans) per minute of reading wall time. */
  perMinute: number;
  /** The same per CPU-minute of the contender's processes (what one fully used core does). */
  perCpuMinute: number;
  runs: { wallSeconds: number; cpuSeconds: number; enqueueWallSeconds: number | null; dbCpuSeconds: number | null }[];
}

export interface QueueBatchResult {
  label: 'text' | 'scans';
  files: number;
  sources: number;
  pages: number;
  /** What perMinute counts. */
  unit: 'documents' | 'OCR pages';
  contenders: QueueContender[];
}

export interface QueueBenchResult {
  reps: number;
  ocrEngine: string;
  postgres: string;
  text: QueueBatchResult;
  scans: QueueBatchResult;
  sizing: ArchiveSizing[];
}

/** A national archive (issue 14): 34 provinces × ~20 departments × ~13 reports a year × 10 years. */
export const NATIONAL_ARCHIVE = [
  { reports: 90_000, pages: 1_000_000 },
  { reports: 160_000, pages: 1_600_000 },
] as const;
/** The share of the pages (and of the reports) that are scans. */
export const SCAN_SHARE = 0.5;

/** What one end of the national archive needs, at the rates of this run. */
export interface ArchiveSizing {
  reports: number;
  pages: number;
  /** Half the reports as text documents at the 1-worker queue's documents per CPU-minute. */
  textCoreDays: number;
  /** Half the pages by OCR at the 1-worker queue's OCR pages per CPU-minute. */
  ocrCoreDays: number;
  /** Both, on 2-core worker machines whose two cores are the workers' (CPU-bound: core-days / 2). */
  twoCoreMachineDays: number;
  /** Both, at the best wall-time rates measured here with 2 worker processes on this shared 2-core machine. */
  machineDaysAtMeasuredWall: number;
  /** PostgreSQL server CPU per worker CPU (1-worker queue runs, text and scans weighted by the work). */
  dbCpuShare: number;
}

export function sizeArchive(text: QueueBatchResult, scans: QueueBatchResult): ArchiveSizing[] {
  const q = (b: QueueBatchResult, n: number) => b.contenders.find((c) => c.kind === 'queue' && c.parallel === n);
  const [t1, s1, t2, s2] = [q(text, 1), q(scans, 1), q(text, 2), q(scans, 2)];
  if (!t1 || !s1 || !t2 || !s2) return [];
  const day = 60 * 24;
  return NATIONAL_ARCHIVE.map(({ reports, pages }) => {
    const textDocs = reports * (1 - SCAN_SHARE);
    const scanPages = pages * SCAN_SHARE;
    const textCoreDays = textDocs / t1.perCpuMinute / day;
    const ocrCoreDays = scanPages / s1.perCpuMinute / day;
    const textShare = textCoreDays / (textCoreDays + ocrCoreDays);
    const share = (c: QueueContender) => (c.dbCpuSeconds ?? NaN) / c.cpuSeconds;
    return {
      reports,
      pages,
      textCoreDays: round(textCoreDays, 2),
      ocrCoreDays: round(ocrCoreDays, 2),
      twoCoreMachineDays: round((textCoreDays + ocrCoreDays) / 2, 2),
      machineDaysAtMeasuredWall: round(textDocs / t2.perMinute / day + scanPages / s2.perMinute / day, 2),
      dbCpuShare: round(textShare * share(t1) + (1 - textShare) * share(s1), 4),
    };
  });
}

interface Timed {
  wallMs: number;
  cpuMs: number;
  outputs: { code: number; output: string }[];
}

const quote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;

/**
 * Run commands at once under bash's `time` (wait4: user and sys of every process started, their
 * threads and their children, once reaped); wall from the first start to the last exit.
 */
function timedGroup(cmds: string[][], work: string): Timed {
  const files = cmds.map((_, i) => ({ out: join(work, `out-${i}.txt`), code: join(work, `code-${i}.txt`) }));
  const body = cmds.map((cmd, i) => `( ${cmd.map(quote).join(' ')} >${quote(files[i].out)} 2>&1; echo $? >${quote(files[i].code)} ) &`).join('\n');
  const time = join(work, 'time.txt');
  const script = `TIMEFORMAT="%3R %3U %3S"\n{ time {\n${body}\nwait\n} ; } 2>${quote(time)}\n`;
  const run = spawnSync('bash', ['-c', script], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`bench shell exited with ${run.status}: ${run.stderr}`);
  const [real, user, sys] = readFileSync(time, 'utf8')
    .trim()
    .split(/\s+/)
    .map((s) => Number(s) * 1000);
  const outputs = files.map((f) => ({ code: Number(readFileSync(f.code, 'utf8').trim()), output: readFileSync(f.out, 'utf8') }));
  return { wallMs: real, cpuMs: user + sys, outputs };
}

const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/** CPU seconds the PostgreSQL server has used: the postmaster (its reaped backends included) and its live backends. */
function serverCpuSeconds(postmaster: number): number {
  const stat = (pid: string) => {
    try {
      const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // fields after the command name in parentheses: state is field 3; ppid 4; utime 14, stime 15, cutime 16, cstime 17
      const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
      return { ppid: Number(f[1]), utime: Number(f[11]), stime: Number(f[12]), cutime: Number(f[13]), cstime: Number(f[14]) };
    } catch {
      return undefined; // gone between the listing and the read
    }
  };
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    const s = stat(pid);
    if (!s) continue;
    if (Number(pid) === postmaster) ticks += s.utime + s.stime + s.cutime + s.cstime;
    else if (s.ppid === postmaster) ticks += s.utime + s.stime;
  }
  return ticks / CLK_TCK;
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/** A copy of the built CLI (bin/, dist/, package.json; node_modules linked) in `dir`: its bin/solieu.js. */
function snapshotCli(dir: string): string {
  if (!existsSync(join('dist', 'src', 'cli', 'main.js'))) throw new Error('dist/ is missing: run `npm run build`');
  for (const part of ['bin', 'dist', 'package.json']) cpSync(part, join(dir, part), { recursive: true });
  symlinkSync(resolve('node_modules'), join(dir, 'node_modules'), 'dir');
  return join(dir, 'bin', 'solieu.js');
}

/** Write `count` copies of the sources round-robin into `dir`, each with distinct bytes. */
function distinctCopies(sources: { name: string; bytes: Buffer }[], count: number, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  return Array.from({ length: count }, (_, i) => {
    const src = sources[i % sources.length];
    const path = join(dir, `${String(i).padStart(3, '0')}-${basename(src.name)}`);
    writeFileSync(path, Buffer.concat([src.bytes, Buffer.from(`\n%solieu-bench queue copy ${i}\n`)]));
    return path;
  });
}

interface Run {
  wallMs: number;
  cpuMs: number;
  enqueueMs: number | null;
  dbCpuSeconds: number | null;
}

interface Batch {
  label: 'text' | 'scans';
  files: string[];
  ocr: string[];
}

export async function benchQueue(
  options: { copies?: number; scanCopies?: number; scans?: string[]; reps?: number; log?: (line: string) => void } = {},
): Promise<QueueBenchResult> {
  const copies = options.copies ?? 36;
  const scanCopies = options.scanCopies ?? 1;
  const reps = options.reps ?? 1;
  const log = options.log ?? (() => {});
  const shared = resolve('..', 'shared');
  const textSources = tableBenchFiles(shared);
  if (textSources.length === 0) throw new Error('no text PDFs found in ../shared/corpus or ../shared/corpus-real');
  const scanDir = join(shared, 'corpus');
  const scanSources = readdirSync(scanDir)
    .filter((f) => f.endsWith('.scan.pdf') && (!options.scans || options.scans.includes(f)))
    .sort()
    .map((f) => ({ name: f, bytes: readFileSync(join(scanDir, f)) }));
  if (scanSources.length === 0) throw new Error('no *.scan.pdf in ../shared/corpus');

  const work = mkdtempSync(join(tmpdir(), 'solieu-bench-queue-'));
  const cluster = new PgCluster();
  try {
    const cliDir = join(work, 'cli');
    mkdirSync(cliDir);
    const cli = snapshotCli(cliDir);
    const node = process.execPath;
    const batches: Batch[] = [
      { label: 'text', files: distinctCopies(textSources, copies, join(work, 'text')), ocr: ['--ocr', 'never'] },
      { label: 'scans', files: distinctCopies(scanSources, scanSources.length * scanCopies, join(work, 'scans')), ocr: [] },
    ];
    const bare = resolve('scripts', 'bench', 'bare-pdfjs.mjs');
    const pagesOf = (files: string[]) => Number(/(\d+) pages/.exec(timedGroup([[node, bare, ...files]], work).outputs[0].output)?.[1] ?? NaN);
    const pages = new Map(batches.map((b) => [b.label, pagesOf(b.files)]));

    log('  queue: starting a throw-away PostgreSQL cluster …');
    await cluster.start();
    const admin = new pg.Client({ connectionString: cluster.url() });
    await admin.connect();
    const backend = Number((await admin.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid);
    const postmaster = Number(readFileSync(`/proc/${backend}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
    const version = String((await admin.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version);
    await admin.end();

    const run = (b: Batch, name: string, what: string[][]): Timed => {
      const t = timedGroup(what, work);
      const bad = t.outputs.find((o) => o.code !== 0);
      if (bad) throw new Error(`${b.label}, ${name}: exited with ${bad.code}: ${bad.output.trim().split('\n').slice(-3).join(' | ')}`);
      return t;
    };
    const plain =
      (b: Batch, threads: number) =>
      (name: string): Run => {
        const db = join(work, `plain-${b.label}-${threads}.db`);
        for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
        const t = run(b, name, [[node, cli, 'ingest', ...b.files, '--db', db, '--quiet', '--concurrency', String(threads), ...b.ocr]]);
        if (!new RegExp(`: ${b.files.length} stored`).test(t.outputs[0].output))
          throw new Error(`${b.label}, ${name}: did not store ${b.files.length} files: ${t.outputs[0].output.trim().split('\n')[0]}`);
        return { wallMs: t.wallMs, cpuMs: t.cpuMs, enqueueMs: null, dbCpuSeconds: null };
      };
    const queued =
      (b: Batch, workers: number) =>
      async (name: string): Promise<Run> => {
        const url = await cluster.freshDatabase();
        const enqueue = run(b, `${name} (enqueue)`, [[node, cli, 'ingest', ...b.files, '--queue', '--db', url, '--quiet']]);
        if (!new RegExp(`^queued ${b.files.length} of ${b.files.length}`).test(enqueue.outputs[0].output))
          throw new Error(`${b.label}, ${name}: ingest --queue did not queue ${b.files.length} files: ${enqueue.outputs[0].output.trim().split('\n')[0]}`);
        const db0 = serverCpuSeconds(postmaster);
        const worker = [node, cli, 'worker', '--db', url, '--drain', '--quiet', '--concurrency', '1', ...b.ocr];
        const t = run(
          b,
          name,
          Array.from({ length: workers }, () => worker),
        );
        const dbCpu = serverCpuSeconds(postmaster) - db0;
        const stored = t.outputs.map((o) => /worker: (\d+) document\(s\) stored, (\d+) failed/.exec(o.output));
        const sum = stored.reduce((n, m) => n + Number(m?.[1] ?? NaN), 0);
        const failed = stored.reduce((n, m) => n + Number(m?.[2] ?? NaN), 0);
        if (sum !== b.files.length || failed !== 0)
          throw new Error(
            `${b.label}, ${name}: the workers stored ${sum} of ${b.files.length} (${failed} failed): ${t.outputs.map((o) => o.output.trim().split('\n').pop()).join(' | ')}`,
          );
        return { wallMs: t.wallMs, cpuMs: t.cpuMs, enqueueMs: enqueue.wallMs, dbCpuSeconds: dbCpu };
      };

    const random = seededRandom(14);
    const results = new Map<'text' | 'scans', QueueBatchResult>();
    for (const b of batches) {
      const contenders = [
        ...[1, 2].map((n) => ({
          name: `ingest --concurrency ${n} (SQLite)`,
          kind: 'plain' as const,
          parallel: n,
          go: async (name: string) => plain(b, n)(name),
        })),
        ...WORKER_COUNTS.map((n) => ({ name: `queue, ${n} worker process${n > 1 ? 'es' : ''}`, kind: 'queue' as const, parallel: n, go: queued(b, n) })),
      ];
      const runs = new Map<string, Run[]>(contenders.map((c) => [c.name, []]));
      for (let rep = 0; rep < reps; rep++) {
        for (const c of shuffled(contenders, random)) {
          log(`  queue (${b.label}, round ${rep + 1}/${reps}): ${c.name} …`);
          const r = await c.go(c.name);
          log(`    ${fixed(r.wallMs / 1000, 1)} s wall, ${fixed(r.cpuMs / 1000, 1)} s CPU`);
          runs.get(c.name)?.push(r);
        }
      }
      const amount = b.label === 'text' ? b.files.length : (pages.get('scans') ?? NaN);
      results.set(b.label, {
        label: b.label,
        files: b.files.length,
        sources: b.label === 'text' ? textSources.length : scanSources.length,
        pages: pages.get(b.label) ?? NaN,
        unit: b.label === 'text' ? 'documents' : 'OCR pages',
        contenders: contenders.map((c) => {
          const r = runs.get(c.name) ?? [];
          const m = (f: (x: Run) => number) => median(r.map(f));
          const wall = m((x) => x.wallMs) / 1000;
          const cpu = m((x) => x.cpuMs) / 1000;
          return {
            name: c.name,
            kind: c.kind,
            parallel: c.parallel,
            wallSeconds: round(wall, 2),
            cpuSeconds: round(cpu, 2),
            enqueueWallSeconds: c.kind === 'queue' ? round(m((x) => x.enqueueMs ?? NaN) / 1000, 2) : null,
            dbCpuSeconds:
              c.kind === 'queue'
                ? round(
                    m((x) => x.dbCpuSeconds ?? NaN),
                    2,
                  )
                : null,
            perMinute: round((amount / wall) * 60, 1),
            perCpuMinute: round((amount / cpu) * 60, 1),
            runs: r.map((x) => ({
              wallSeconds: round(x.wallMs / 1000, 2),
              cpuSeconds: round(x.cpuMs / 1000, 2),
              enqueueWallSeconds: x.enqueueMs === null ? null : round(x.enqueueMs / 1000, 2),
              dbCpuSeconds: x.dbCpuSeconds === null ? null : round(x.dbCpuSeconds, 2),
            })),
          };
        }),
      });
    }
    const tesseract = spawnSync('tesseract', ['--version'], { encoding: 'utf8' });
    const native = tesseract.status === 0 ? (tesseract.stdout || tesseract.stderr).split('\n')[0].trim() : '';
    const text = results.get('text');
    const scans = results.get('scans');
    if (!text || !scans) throw new Error('a batch gave no result');
    return {
      reps,
      ocrEngine: native ? `native (${native}; --ocr-engine auto)` : 'wasm (tesseract.js; no native tesseract)',
      postgres: version,
      text,
      scans,
      sizing: sizeArchive(text, scans),
    };
  } finally {
    cluster.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

function formatBatch(b: QueueBatchResult): string {
  const perMin = b.unit === 'documents' ? 'docs/min' : 'pages/min';
  const plain1 = b.contenders.find((c) => c.kind === 'plain' && c.parallel === 1);
  const plain2 = b.contenders.find((c) => c.kind === 'plain' && c.parallel === 2);
  const queue1 = b.contenders.find((c) => c.kind === 'queue' && c.parallel === 1);
  const rows = b.contenders.map((c) => [
    c.name,
    fixed(c.wallSeconds, 1),
    fixed(c.cpuSeconds, 1),
    c.enqueueWallSeconds === null ? null : fixed(c.enqueueWallSeconds, 1),
    c.dbCpuSeconds === null ? null : fixed(c.dbCpuSeconds, 1),
    fixed(c.perMinute, 1),
    fixed(c.perCpuMinute, 1),
    fixed(c.cpuSeconds / c.wallSeconds, 2),
    plain1 ? ratio(c.wallSeconds / plain1.wallSeconds) : null,
    queue1 && c.kind === 'queue' ? ratio(queue1.wallSeconds / c.wallSeconds) : null,
  ]);
  const head = ['contender', 'wall s', 'CPU s', 'enqueue s', 'PG CPU s', perMin, `${perMin}/CPU`, 'cores used', 'wall × ingest -c1', 'speed-up × 1 worker'];
  const lines = [
    `${b.label}: ${b.files} distinct files from ${b.sources} ${b.label === 'text' ? 'text PDFs' : 'scans'} (${b.pages} pages)${b.label === 'text' ? ', --ocr never' : ', every page by OCR'}:`,
    table(head, rows),
  ];
  if (plain1 && queue1)
    lines.push(
      `  queue overhead at 1 worker: ${ratio(queue1.wallSeconds / plain1.wallSeconds)} the wall and ${ratio(queue1.cpuSeconds / plain1.cpuSeconds)} the CPU of ingest --concurrency 1` +
        `${queue1.enqueueWallSeconds !== null ? `; with the enqueue step ${ratio((queue1.wallSeconds + queue1.enqueueWallSeconds) / plain1.wallSeconds)} the wall` : ''}`,
    );
  if (plain2) {
    const best = b.contenders.filter((c) => c.kind === 'queue').sort((x, y) => x.wallSeconds - y.wallSeconds)[0];
    if (best) lines.push(`  best queue run (${best.name}) vs ingest on both cores: ${ratio(best.wallSeconds / plain2.wallSeconds)} the wall`);
  }
  return lines.join('\n');
}

function formatSizing(sizing: ArchiveSizing[]): string {
  if (sizing.length === 0) return '';
  const rows = sizing.map((z) => [
    `${z.reports / 1000}k reports, ${z.pages / 1e6} M pages`,
    fixed(z.textCoreDays, 1),
    fixed(z.ocrCoreDays, 1),
    fixed(z.twoCoreMachineDays, 1),
    fixed(z.machineDaysAtMeasuredWall, 1),
    `${fixed(z.dbCpuShare * 100, 1)}%`,
  ]);
  return [
    `national archive, half the reports text and half the pages scans, at this run's 1-worker queue rates per CPU-minute:`,
    table(['archive', 'text core-days', 'OCR core-days', '2-core machine-days', 'at measured wall (2 workers)', 'PG CPU / worker CPU'], rows),
    `  machines × days: divide the machine-days by the machines (10 two-core machines: a tenth); the last column is the database server's CPU per worker CPU`,
  ].join('\n');
}

export function formatQueueBench(r: QueueBenchResult): string {
  return [
    `PostgreSQL ${r.postgres} (throw-away cluster, fsync off); OCR engine ${r.ocrEngine}; medians of ${r.reps} round${r.reps > 1 ? 's' : ''}, contenders in a seeded random order;`,
    '  CPU s: the processes measured (threads and children), not the PostgreSQL server (PG CPU s); /CPU: per CPU-minute, what one busy core does;',
    '  cores used: CPU s / wall s, how much of the machine the contender got (on a busy machine, well under its processes or threads)',
    formatBatch(r.text),
    '',
    formatBatch(r.scans),
    '',
    formatSizing(r.sizing),
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      copies: { type: 'string', default: '36' },
      'scan-copies': { type: 'string', default: '1' },
      scans: { type: 'string' },
      reps: { type: 'string', default: '1' },
      json: { type: 'string' },
    },
  });
  const r = await benchQueue({
    copies: Number(values.copies),
    scanCopies: Number(values['scan-copies']),
    scans: values.scans?.split(','),
    reps: Number(values.reps),
    log: (l) => console.error(l),
  });
  console.log(formatQueueBench(r));
  if (values.json) writeFileSync(values.json, JSON.stringify(r, null, 2));
}
