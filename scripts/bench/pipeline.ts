/**
 * Bench sections: the read side and extraction, as ratios against baselines measured in the same run.
 *
 * - read side (issue target: read + normalize + segment ≤ 1.3× bare pdfjs): on the text-layer PDFs of
 *   ../shared/corpus (not *.scan.pdf) and ../shared/corpus-real (not *_scan.pdf), bare pdfjs-dist
 *   `getTextContent` over every page (the legacy build, with the getDocument parameters solieu's PDF
 *   reader uses: `pdfjsParams` of src/read/pdf/pdf-document.ts) against solieu's read → normalize →
 *   segment stages (the report pipeline's own stage list, `--ocr never`, cut after segment). One
 *   warm-up pass, then `reps` passes; the contenders are interleaved file by file in a seeded random
 *   order, no forced GC; per-file times are medians over the passes, totals are their sums. Times are
 *   process CPU time by default (bench/clock.ts: robust to other load), wall time alongside.
 *   Optional breakdown: readPdf with font-name learning and word repair switched off, to see what each costs.
 * - extraction: extract and resolve on the segmented documents (characters/s, pages/s, one core), and
 *   every stage's share of the whole pipeline (read → resolve, no store) on the same files.
 *
 * Standalone: `npx tsx scripts/bench/pipeline.ts [--reps 5] [--breakdown] [--profile] [--wall]`.
 * From scripts/bench.ts: `benchRead`, `benchExtract`, `formatReadBench`, `formatExtractBench`.
 */
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Session } from 'node:inspector/promises';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Document } from '../../schemas/document.js';
import { createReportPipeline } from '../../pipelines/report-pipeline.js';
import { runPipeline } from '../../src/core/run-pipeline.js';
import { SourceFile } from '../../src/core/source-file.js';
import type { NamedStage } from '../../src/core/stage.js';
import { pdfjsParams } from '../../src/read/pdf/pdf-document.js';
import { useShippedPdfjsWorker } from '../../src/read/pdf/pdfjs-worker.js';
import { readPdf, type PdfReaderOptions } from '../../src/read/pdf/pdf-reader.js';
import { fixed, median, ratio, round, table } from './table.js';
import { clockKind, now, useClock, type ClockKind } from './clock.js';
import { seededRandom } from '../seeded-random.js';

/** The issue's target for read + normalize + segment over bare pdfjs. */
export const READ_TARGET = 1.3;

export interface BenchFile {
  path: string;
  name: string;
  set: string;
  bytes: Buffer;
}

/** The text-layer PDFs of the shared corpora (scans excluded). */
export function benchFiles(shared = resolve('..', 'shared')): BenchFile[] {
  const sets: [string, (f: string) => boolean][] = [
    ['corpus', (f) => f.endsWith('.pdf') && !f.endsWith('.scan.pdf')],
    ['corpus-real', (f) => f.endsWith('.pdf') && !f.endsWith('_scan.pdf')],
  ];
  const files: BenchFile[] = [];
  for (const [set, keep] of sets) {
    let names: string[] = [];
    try {
      names = readdirSync(join(shared, set)).filter(keep).sort();
    } catch {
      continue; // the corpus is not beside the clone
    }
    for (const name of names) {
      const path = join(shared, set, name);
      files.push({ path, name, set, bytes: readFileSync(path) });
    }
  }
  return files;
}

/** Stage lists with a stopwatch on every stage: `times` holds the last run's milliseconds per stage. */
function timedStages(stages: NamedStage[]): { stages: NamedStage[]; times: Record<string, number> } {
  const times: Record<string, number> = {};
  return {
    times,
    stages: stages.map((s) => ({
      name: s.name,
      run: async (doc, file) => {
        const t0 = now();
        try {
          return await s.run(doc, file);
        } finally {
          times[s.name] = now() - t0;
        }
      },
    })),
  };
}

function readSideStages(): NamedStage[] {
  return createReportPipeline({ read: { ocr: 'never' }, extract: false });
}

function fullStages(): NamedStage[] {
  return createReportPipeline({ read: { ocr: 'never' } });
}

/** 0..n-1 in a random order (Fisher–Yates). */
function shuffled(n: number, random: () => number): number[] {
  const a = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/** The baseline: pdfjs opens the file and gives every page's text content, nothing more. */
async function barePdfjs(bytes: Buffer): Promise<{ pages: number; chars: number }> {
  const pdf = await getDocument(pdfjsParams(new Uint8Array(bytes))).promise;
  let chars = 0;
  try {
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      for (const item of content.items) if ('str' in item) chars += item.str.length;
      page.cleanup();
    }
    return { pages: pdf.numPages, chars };
  } finally {
    await pdf.destroy();
  }
}

/**
 * Time one call. No forced GC here: a full GC drops V8's compiled RegExp code, and the regex-heavy
 * stages then pay to recompile it, which measured the collector, not the code (about +50% on extract).
 */
async function measure<T>(fn: () => Promise<T>): Promise<{ ms: number; wallMs: number; value: T }> {
  const w0 = performance.now();
  const t0 = now();
  const value = await fn();
  const ms = now() - t0;
  return { ms, wallMs: performance.now() - w0, value };
}

export interface ReadFileResult {
  file: string;
  set: string;
  pages: number;
  /** Characters pdfjs returns (item strings) and characters of solieu's normalized text. */
  pdfjsChars: number;
  textChars: number;
  sections: number;
  status: string;
  bareMs: number;
  solieuMs: number;
  ratio: number;
  stageMs: Record<string, number>;
  warnings: string[];
  /** With --breakdown: readPdf variants' median ms on this file. */
  variantsMs?: Record<string, number>;
  /** Every pass's ms per contender (bare, solieu, variants), in pass order. */
  passes: Record<string, number[]>;
}

export interface ReadBreakdownRow {
  name: string;
  ms: number;
  ratioToBare: number;
}

export interface ReadBenchResult {
  /** What the ms figures are: process CPU time (default) or wall time. */
  clock: ClockKind;
  reps: number;
  files: ReadFileResult[];
  pages: number;
  bareMs: number;
  solieuMs: number;
  ratio: number;
  /** Median of the per-pass ratios (a check on the ratio of medians), and their range: the noise. */
  ratioPerPassMedian: number;
  ratioPerPassRange: [number, number];
  target: number;
  barePagesPerSecond: number;
  solieuPagesPerSecond: number;
  /** The same two contenders on wall time (affected by other processes on the machine). */
  wall: { bareMs: number; solieuMs: number; ratio: number };
  stageMs: Record<string, number>;
  getDocumentParams: Record<string, unknown>;
  breakdown?: ReadBreakdownRow[];
  profile?: ProfileSummary;
}

export interface ReadBenchOptions {
  reps?: number;
  files?: BenchFile[];
  /** Also time readPdf with font-name learning / word repair off (a pass each per rep). */
  breakdown?: boolean;
  /** CPU-profile 3 extra interleaved passes of bare pdfjs and the read side (in process) and show what solieu adds. */
  profile?: boolean;
  log?: (line: string) => void;
}

/** readPdf with its optional work switched off, for the breakdown (cumulative, cheapest first). */
const READ_VARIANTS: [string, PdfReaderOptions][] = [
  ['readPdf, no font names, no word repair', { fontNames: false, repairWords: false }],
  ['readPdf, no font names', { fontNames: false }],
  ['readPdf (as the read stage calls it)', {}],
];

/** Read side: bare pdfjs against read → normalize → segment. Also returns the segmented documents. */
export async function benchRead(options: ReadBenchOptions = {}): Promise<{ result: ReadBenchResult; docs: { file: BenchFile; doc: Document }[] }> {
  const reps = options.reps ?? 5;
  const files = options.files ?? benchFiles();
  if (files.length === 0) throw new Error('no text PDFs found in ../shared/corpus or ../shared/corpus-real');
  const log = options.log ?? (() => {});
  // One pdfjs worker module serves both contenders (a thread keeps the first one it loads): pdfjs-dist's
  // own, as the bare baseline ships, so the ratio is what solieu's read side adds to the same reader.
  // The product runs the worker with TextState.clone fixed (src/read/pdf/pdfjs-worker.ts); what that saves
  // is measured by the ingest-cpu section, against both.
  await useShippedPdfjsWorker();
  const { stages, times } = timedStages(readSideStages());

  const docs: { file: BenchFile; doc: Document }[] = [];
  const info = new Map<BenchFile, { pages: number; chars: number }>();
  // warm-up: JIT, pdfjs fonts and CMaps, lexicons; keeps the segmented documents for the extract section
  for (const f of files) {
    info.set(f, await barePdfjs(f.bytes));
    docs.push({ file: f, doc: await runPipeline(stages, new SourceFile(f.path, f.bytes)) });
    if (options.breakdown) for (const [, o] of READ_VARIANTS) await readPdf(new SourceFile(f.path, f.bytes), o);
  }

  // Every pass runs each file through every contender, in a fresh seeded-random order: a contender
  // pays for the garbage its predecessor left (V8 collects it later), so a fixed rotation would
  // always bill the same contender for the same neighbour's garbage.
  const stageRuns: Record<string, number>[][] = files.map(() => []);
  const wall: number[][][] = [files.map(() => []), files.map(() => [])]; // bare, solieu: wall ms [file][pass]
  const contenders: { name: string; run: (f: BenchFile, i: number) => Promise<number> }[] = [
    {
      name: 'bare',
      run: async (f, i) => {
        const { ms, wallMs } = await measure(() => barePdfjs(f.bytes));
        wall[0][i].push(wallMs);
        return ms;
      },
    },
    {
      name: 'solieu',
      run: async (f, i) => {
        const file = new SourceFile(f.path, f.bytes);
        const { ms, wallMs } = await measure(() => runPipeline(stages, file));
        wall[1][i].push(wallMs);
        stageRuns[i].push({ ...times });
        return ms;
      },
    },
  ];
  if (options.breakdown) {
    for (const [name, o] of READ_VARIANTS) {
      contenders.push({
        name,
        run: async (f) => {
          const file = new SourceFile(f.path, f.bytes);
          return (await measure(() => readPdf(file, o))).ms;
        },
      });
    }
  }
  // ms[contender][file][pass]
  const ms: number[][][] = contenders.map(() => files.map(() => []));
  const random = seededRandom(1);
  for (let rep = 0; rep < reps; rep++) {
    log(`  read side: pass ${rep + 1}/${reps}`);
    for (let i = 0; i < files.length; i++) {
      for (const c of shuffled(contenders.length, random)) ms[c][i].push(await contenders[c].run(files[i], i));
    }
  }
  const [bare, ours] = ms;

  const stageNames = stages.map((s) => s.name);
  const perFile: ReadFileResult[] = files.map((f, i) => {
    const doc = docs[i].doc;
    const b = median(bare[i]);
    const o = median(ours[i]);
    return {
      file: f.name,
      set: f.set,
      pages: info.get(f)?.pages ?? doc.pages.length,
      pdfjsChars: info.get(f)?.chars ?? 0,
      textChars: doc.text.length,
      sections: doc.sections.length,
      status: doc.status,
      bareMs: round(b),
      solieuMs: round(o),
      ratio: round(o / b, 3),
      stageMs: Object.fromEntries(stageNames.map((s) => [s, round(median(stageRuns[i].map((r) => r[s] ?? 0)))])),
      warnings: doc.messages.filter((m) => m.severity !== 'info').map((m) => `${m.rule}: ${m.reason}`),
      passes: Object.fromEntries(contenders.map((c, k) => [c.name, ms[k][i].map((x) => round(x))])),
    };
  });
  // Totals are sums of per-file medians: a burst of load from other processes spoils one file's
  // run, not a whole pass. The median of the per-pass ratios is kept as a cross-check.
  const passTotals = (runs: number[][]) => Array.from({ length: reps }, (_, rep) => runs.reduce((n, r) => n + r[rep], 0));
  const sumOfMedians = (runs: number[][]) => runs.reduce((n, r) => n + median(r), 0);
  const bareTotals = passTotals(bare);
  const ourTotals = passTotals(ours);
  const bareMs = sumOfMedians(bare);
  const solieuMs = sumOfMedians(ours);
  const pages = perFile.reduce((n, f) => n + f.pages, 0);
  const stageMs = Object.fromEntries(stageNames.map((s) => [s, round(stageRuns.reduce((n, r) => n + median(r.map((x) => x[s] ?? 0)), 0))]));
  const params = pdfjsParams(new Uint8Array(0)) as Record<string, unknown>;
  delete params.data;

  const wallBare = sumOfMedians(wall[0]);
  const wallOurs = sumOfMedians(wall[1]);
  const result: ReadBenchResult = {
    clock: clockKind(),
    reps,
    files: perFile,
    pages,
    bareMs: round(bareMs),
    solieuMs: round(solieuMs),
    ratio: round(solieuMs / bareMs, 3),
    ratioPerPassMedian: round(median(ourTotals.map((o, i) => o / bareTotals[i])), 3),
    ratioPerPassRange: [round(Math.min(...ourTotals.map((o, i) => o / bareTotals[i])), 3), round(Math.max(...ourTotals.map((o, i) => o / bareTotals[i])), 3)],
    target: READ_TARGET,
    barePagesPerSecond: round(pages / (bareMs / 1000), 1),
    solieuPagesPerSecond: round(pages / (solieuMs / 1000), 1),
    wall: { bareMs: round(wallBare), solieuMs: round(wallOurs), ratio: round(wallOurs / wallBare, 3) },
    stageMs,
    getDocumentParams: params,
  };
  if (options.breakdown) {
    const rows: ReadBreakdownRow[] = [{ name: 'bare pdfjs getTextContent', ms: bareMs, ratioToBare: 1 }];
    READ_VARIANTS.forEach(([name], v) => {
      const t = sumOfMedians(ms[2 + v]);
      rows.push({ name, ms: t, ratioToBare: t / bareMs });
    });
    let sum = 0;
    for (const s of stageNames) {
      sum += stageMs[s] ?? 0;
      rows.push({ name: s === 'read' ? 'read stage (sniff + readPdf + OCR-need check)' : `+ ${s} stage`, ms: sum, ratioToBare: sum / bareMs });
    }
    result.breakdown = rows.map((r) => ({ ...r, ms: round(r.ms), ratioToBare: round(r.ratioToBare, 3) }));
    for (const [v, [name]] of READ_VARIANTS.entries()) {
      perFile.forEach((f, i) => ((f.variantsMs ??= {})[name] = round(median(ms[2 + v][i]))));
    }
  }
  if (options.profile) result.profile = await profileReadSide(files, stages);
  return { result, docs };
}

export interface ProfileEntry {
  name: string;
  selfMs: number;
  totalMs: number;
}

export interface ProfileDiffEntry {
  name: string;
  bareMs: number;
  solieuMs: number;
  extraMs: number;
}

export interface ProfileSummary {
  files: string[];
  passes: number;
  bareSampledMs: number;
  solieuSampledMs: number;
  /** Self time per module in solieu's passes, and the extra over bare pdfjs. */
  byModule: ProfileDiffEntry[];
  /** Functions whose self time grows most from bare pdfjs to solieu's read side. */
  extraByFunction: ProfileDiffEntry[];
  /** The project's own functions (src/, pipelines/) by self time and inclusive (synchronous) time. */
  project: ProfileEntry[];
}

interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  startTime: number;
  nodes: CpuProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * Profile `passes` passes of bare pdfjs and of solieu's read side under the V8 CPU profiler (in
 * process), interleaved file by file in random order like the timed passes, and attribute each
 * sample to the contender running at its timestamp (V8's profile clock and process.hrtime are both
 * CLOCK_MONOTONIC). Function by function, what solieu adds over bare pdfjs is where the ratio goes.
 * out/bench-read.cpuprofile opens in Chrome DevTools or speedscope (both contenders in one timeline).
 */
const SAMPLE_US = 250;

async function profileReadSide(files: BenchFile[], stages: NamedStage[], passes = 3): Promise<ProfileSummary> {
  const session = new Session();
  session.connect();
  const usNow = () => Number(process.hrtime.bigint() / 1000n);
  const spans: { who: 0 | 1; start: number; end: number }[] = [];
  const random = seededRandom(2);
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: SAMPLE_US });
    await session.post('Profiler.start');
    for (let p = 0; p < passes; p++) {
      for (const f of files) {
        for (const who of shuffled(2, random) as (0 | 1)[]) {
          const start = usNow();
          if (who === 0) await barePdfjs(f.bytes);
          else await runPipeline(stages, new SourceFile(f.path, f.bytes));
          spans.push({ who, start, end: usNow() });
        }
      }
    }
    const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: CpuProfile };
    mkdirSync('out', { recursive: true });
    const file = join('out', 'bench-read.cpuprofile');
    writeFileSync(file, JSON.stringify(profile));

    // whose sample is it: spans are in time order and do not overlap
    const owner: (0 | 1 | -1)[] = [];
    let t = profile.startTime;
    let k = 0;
    profile.samples.forEach((_, i) => {
      t += profile.timeDeltas[i] ?? 0;
      while (k < spans.length && spans[k].end < t) k++;
      owner.push(k < spans.length && spans[k].start <= t ? spans[k].who : -1);
    });
    const b = selfTimes(profile, (i) => owner[i] === 0, SAMPLE_US);
    const o = selfTimes(profile, (i) => owner[i] === 1, SAMPLE_US);
    const diff = (x: Map<string, number>, y: Map<string, number>): ProfileDiffEntry[] =>
      [...new Set([...x.keys(), ...y.keys()])]
        .map((name) => ({
          name,
          bareMs: round((x.get(name) ?? 0) / passes),
          solieuMs: round((y.get(name) ?? 0) / passes),
          extraMs: round(((y.get(name) ?? 0) - (x.get(name) ?? 0)) / passes),
        }))
        .sort((p, q) => q.extraMs - p.extraMs);
    const total = (m: Map<string, number>) => [...m.values()].reduce((n, v) => n + v, 0) / passes;
    return {
      files: [file],
      passes,
      bareSampledMs: round(total(b.byFunction)),
      solieuSampledMs: round(total(o.byFunction)),
      byModule: diff(b.byModule, o.byModule)
        .sort((p, q) => q.solieuMs - p.solieuMs)
        .slice(0, 15),
      extraByFunction: diff(b.byFunction, o.byFunction).slice(0, 25),
      project: o.project.slice(0, 25).map((e) => ({ ...e, selfMs: round(e.selfMs / passes), totalMs: round(e.totalMs / passes) })),
    };
  } finally {
    session.disconnect();
  }
}

function moduleOf(url: string): string {
  if (!url) return '(native)';
  const path = url.startsWith('file://') ? decodeURIComponent(new URL(url).pathname) : url;
  const nm = path.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = path.slice(nm + 'node_modules/'.length).split('/');
    const pkg = rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
    return `${pkg}/${rest[rest.length - 1]}`;
  }
  if (path.startsWith('node:')) return 'node';
  return relative(process.cwd(), path) || path;
}

/** Self time (ms) per function and per module, and the project's functions with inclusive time. */
/**
 * Every sample counts one sampling interval (`intervalUs`), not its wall-time delta: when another
 * process holds the core, the delta grows but no work is done, so deltas would bill the waiting.
 */
export function selfTimes(
  profile: CpuProfile,
  keep: (sample: number) => boolean = () => true,
  intervalUs = 250,
): { byFunction: Map<string, number>; byModule: Map<string, number>; project: ProfileEntry[] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    if (keep(i)) self.set(id, (self.get(id) ?? 0) + intervalUs / 1000);
  });
  const key = (n: CpuProfileNode) => {
    const mod = moduleOf(n.callFrame.url);
    // tsx-compiled project files report line 1; pdfjs functions need the line to tell them apart
    const line = mod.includes('/') && !mod.startsWith('src/') && !mod.startsWith('pipelines/') ? `:${n.callFrame.lineNumber + 1}` : '';
    return `${n.callFrame.functionName || '(anonymous)'} ${mod}${line}`;
  };
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byFunction = new Map<string, number>();
  const byModule = new Map<string, number>();
  const totalBy = new Map<string, number>();
  for (const [id, ms] of self) {
    const node = byId.get(id);
    if (!node || /^\((idle|program|root)\)$/.test(node.callFrame.functionName)) continue;
    byFunction.set(key(node), (byFunction.get(key(node)) ?? 0) + ms);
    const mod = node.callFrame.functionName === '(garbage collector)' ? '(garbage collector)' : moduleOf(node.callFrame.url);
    byModule.set(mod, (byModule.get(mod) ?? 0) + ms);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur);
      if (!n) break;
      const k = key(n);
      if (seen.has(k)) continue; // recursion: count once
      seen.add(k);
      totalBy.set(k, (totalBy.get(k) ?? 0) + ms);
    }
  }
  const project = [...totalBy.entries()]
    .filter(([k]) => / (src|pipelines|schemas)\//.test(k))
    .map(([name, totalMs]) => ({ name, selfMs: byFunction.get(name) ?? 0, totalMs }))
    .sort((p, q) => q.selfMs - p.selfMs);
  return { byFunction, byModule, project };
}

export function formatReadBench(r: ReadBenchResult): string {
  const verdict = r.ratio <= r.target ? 'within' : 'ABOVE';
  const lines = [
    `read side: read → normalize → segment (--ocr never) vs bare pdfjs getTextContent — ${r.files.length} text PDFs, ${r.pages} pages, ${r.reps} interleaved passes (sum of per-file medians)`,
    `  ms = ${r.clock === 'process-cpu' ? 'CPU time of this process (not billed for waiting on a busy machine); wall time alongside' : 'wall time'}`,
    table(
      ['', 'total ms', 'pages/s', 'ratio', 'wall ms', 'wall ratio'],
      [
        ['bare pdfjs-dist getTextContent', fixed(r.bareMs), fixed(r.barePagesPerSecond), '1.00×', fixed(r.wall.bareMs), '1.00×'],
        ['solieu read+normalize+segment', fixed(r.solieuMs), fixed(r.solieuPagesPerSecond), ratio(r.ratio), fixed(r.wall.solieuMs), ratio(r.wall.ratio)],
      ],
    ),
    `  ratio ${ratio(r.ratio)} — ${verdict} the ${r.target}× target (per-pass ratios: median ${ratio(r.ratioPerPassMedian)}, range ${ratio(r.ratioPerPassRange[0])}–${ratio(r.ratioPerPassRange[1])}; wall ${ratio(r.wall.ratio)})`,
    `  stages: ${Object.entries(r.stageMs)
      .map(([s, ms]) => `${s} ${fixed(ms)} ms (${ratio(ms / r.bareMs)} of bare)`)
      .join(', ')}`,
    '',
    '  per file (ms are medians; "font names" = readPdf minus readPdf without font-name learning, with --breakdown):',
    table(
      ['file', 'pages', 'bare ms', 'solieu ms', 'ratio', 'read', 'normalize', 'segment', 'font names', 'status'],
      r.files.map((f) => [
        f.file,
        f.pages,
        fixed(f.bareMs),
        fixed(f.solieuMs),
        ratio(f.ratio),
        fixed(f.stageMs.read),
        fixed(f.stageMs.normalize),
        fixed(f.stageMs.segment),
        f.variantsMs ? fixed(f.variantsMs[READ_VARIANTS[2][0]] - f.variantsMs[READ_VARIANTS[1][0]]) : null,
        f.status,
      ]),
      '    ',
    ),
  ];
  if (r.breakdown) {
    lines.push('', '  where the read side spends (cumulative; sums of per-file medians from the same interleaved passes):');
    lines.push(
      table(
        ['step', 'ms', '× bare'],
        r.breakdown.map((b) => [b.name, fixed(b.ms), ratio(b.ratioToBare)]),
        '    ',
      ),
    );
  }
  if (r.profile) {
    const p = r.profile;
    lines.push(
      '',
      `  CPU profile, ${p.passes} interleaved passes (per pass: bare ${fixed(p.bareSampledMs)} ms sampled, solieu ${fixed(p.solieuSampledMs)} ms = ${ratio(p.solieuSampledMs / p.bareSampledMs)}; ${p.files.join(', ')}):`,
    );
    lines.push(
      table(
        ['module (self time)', 'bare ms', 'solieu ms', 'extra ms'],
        p.byModule.slice(0, 12).map((m) => [m.name, fixed(m.bareMs), fixed(m.solieuMs), fixed(m.extraMs)]),
        '    ',
      ),
    );
    lines.push('', '    functions whose self time grows most from bare pdfjs to solieu:');
    lines.push(
      table(
        ['function', 'bare ms', 'solieu ms', 'extra ms'],
        p.extraByFunction.slice(0, 20).map((m) => [m.name, fixed(m.bareMs), fixed(m.solieuMs), fixed(m.extraMs)]),
        '    ',
      ),
    );
    lines.push('', '    project functions (self; inclusive = synchronous callees only):');
    lines.push(
      table(
        ['function', 'self ms', 'incl. ms'],
        p.project.slice(0, 15).map((f) => [f.name, fixed(f.selfMs), fixed(f.totalMs)]),
        '    ',
      ),
    );
  }
  return lines.join('\n');
}

export interface ExtractFileResult {
  file: string;
  pages: number;
  chars: number;
  facts: number;
  extractMs: number;
  resolveMs: number;
  charsPerSecond: number;
}

/** Totals over the files share the per-file fields (less the name). */
export interface ExtractBenchResult extends Omit<ExtractFileResult, 'file'> {
  clock: ClockKind;
  reps: number;
  files: ExtractFileResult[];
  pagesPerSecond: number;
  factsPerSecond: number;
  /** Whole pipeline (read → resolve, no store) on the same files: median ms per stage and share. */
  pipeline: { stage: string; ms: number; share: number }[];
  pipelineMs: number;
  pipelinePagesPerSecond: number;
  /** (extract + resolve) / whole pipeline. */
  extractShare: number;
}

export interface ExtractBenchOptions {
  reps?: number;
  /** Segmented documents from benchRead; segmented here when not given. */
  docs?: { file: BenchFile; doc: Document }[];
  files?: BenchFile[];
  log?: (line: string) => void;
}

/** Extract + resolve on segmented documents, and each stage's share of the whole pipeline. */
export async function benchExtract(options: ExtractBenchOptions = {}): Promise<ExtractBenchResult> {
  const reps = options.reps ?? 5;
  const log = options.log ?? (() => {});
  let docs = options.docs;
  if (!docs) {
    const stages = readSideStages();
    docs = [];
    for (const file of options.files ?? benchFiles()) docs.push({ file, doc: await runPipeline(stages, new SourceFile(file.path, file.bytes)) });
  }
  const full = fullStages();
  const extract = full.find((s) => s.name === 'extract');
  const resolveStage = full.find((s) => s.name === 'resolve');
  if (!extract || !resolveStage) throw new Error('the report pipeline has no extract/resolve stage');

  // isolated: extract then resolve on each segmented document (warm-up pass first)
  const ex: number[][] = docs.map(() => []);
  const rs: number[][] = docs.map(() => []);
  const factCounts: number[] = docs.map(() => 0);
  for (let rep = -1; rep < reps; rep++) {
    if (rep >= 0) log(`  extract: pass ${rep + 1}/${reps}`);
    for (let i = 0; i < docs.length; i++) {
      const { file: f, doc } = docs[i];
      const file = new SourceFile(f.path, f.bytes);
      const a = await measure(async () => extract.run(doc, file));
      const b = await measure(async () => resolveStage.run(a.value, file));
      factCounts[i] = b.value.facts.length;
      if (rep >= 0) {
        ex[i].push(a.ms);
        rs[i].push(b.ms);
      }
    }
  }
  const files: ExtractFileResult[] = docs.map(({ file, doc }, i) => {
    const e = median(ex[i]);
    const r = median(rs[i]);
    return {
      file: file.name,
      pages: doc.pages.length,
      chars: doc.text.length,
      facts: factCounts[i],
      extractMs: round(e),
      resolveMs: round(r),
      charsPerSecond: e > 0 ? Math.round(doc.text.length / (e / 1000)) : 0,
    };
  });
  // sums of per-file medians, as in the read section
  const extractMs = ex.reduce((n, r) => n + median(r), 0);
  const resolveMs = rs.reduce((n, r) => n + median(r), 0);
  const pages = files.reduce((n, f) => n + f.pages, 0);
  const chars = files.reduce((n, f) => n + f.chars, 0);
  const facts = files.reduce((n, f) => n + f.facts, 0);

  // whole pipeline with a stopwatch on each stage, same files
  const timed = timedStages(full);
  const runs: Record<string, number>[][] = docs.map(() => []); // [file][pass] → ms per stage
  for (let rep = -1; rep < reps; rep++) {
    if (rep >= 0) log(`  whole pipeline: pass ${rep + 1}/${reps}`);
    for (let i = 0; i < docs.length; i++) {
      const f = docs[i].file;
      await runPipeline(timed.stages, new SourceFile(f.path, f.bytes));
      if (rep >= 0) runs[i].push({ ...timed.times });
    }
  }
  const stageNames = full.map((s) => s.name);
  const stageMs = stageNames.map((s) => runs.reduce((n, r) => n + median(r.map((x) => x[s] ?? 0)), 0));
  const pipelineMs = runs.reduce((n, r) => n + median(r.map((x) => stageNames.reduce((m, s) => m + (x[s] ?? 0), 0))), 0);
  const stageSum = stageMs.reduce((a, b) => a + b, 0);
  const pipeline = stageNames.map((stage, i) => ({ stage, ms: round(stageMs[i]), share: round(stageMs[i] / stageSum, 3) }));
  const extractShare = (stageMs[stageNames.indexOf('extract')] + stageMs[stageNames.indexOf('resolve')]) / stageSum;

  return {
    clock: clockKind(),
    reps,
    files,
    pages,
    chars,
    facts,
    extractMs: round(extractMs),
    resolveMs: round(resolveMs),
    charsPerSecond: Math.round(chars / ((extractMs + resolveMs) / 1000)),
    pagesPerSecond: round(pages / ((extractMs + resolveMs) / 1000), 1),
    factsPerSecond: Math.round(facts / ((extractMs + resolveMs) / 1000)),
    pipeline,
    pipelineMs: round(pipelineMs),
    pipelinePagesPerSecond: round(pages / (pipelineMs / 1000), 1),
    extractShare: round(extractShare, 3),
  };
}

export function formatExtractBench(r: ExtractBenchResult): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  return [
    `extraction: extract + resolve on the segmented documents (one core, ${r.clock === 'process-cpu' ? 'process CPU time' : 'wall time'}, ${r.reps} passes, sum of per-file medians) — ${r.files.length} documents, ${r.pages} pages, ${r.chars} characters, ${r.facts} facts`,
    `  extract ${fixed(r.extractMs)} ms + resolve ${fixed(r.resolveMs)} ms → ${r.charsPerSecond.toLocaleString('en-US')} chars/s, ${fixed(r.pagesPerSecond)} pages/s, ${r.factsPerSecond.toLocaleString('en-US')} facts/s`,
    table(
      ['file', 'pages', 'chars', 'facts', 'extract ms', 'resolve ms', 'chars/s'],
      r.files.map((f) => [f.file, f.pages, f.chars, f.facts, fixed(f.extractMs), fixed(f.resolveMs), f.charsPerSecond]),
      '    ',
    ),
    '',
    `  whole pipeline (read → resolve, no store): ${fixed(r.pipelineMs)} ms, ${fixed(r.pipelinePagesPerSecond)} pages/s; extract + resolve share ${pct(r.extractShare)}`,
    table(
      ['stage', 'ms', 'share'],
      r.pipeline.map((p) => [p.stage, fixed(p.ms), pct(p.share)]),
      '    ',
    ),
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      reps: { type: 'string', default: '5' },
      breakdown: { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      wall: { type: 'boolean', default: false },
    },
  });
  if (values.wall) useClock('wall');
  const reps = Number(values.reps);
  const { result, docs } = await benchRead({ reps, breakdown: values.breakdown, profile: values.profile, log: (l) => console.error(l) });
  console.log(formatReadBench(result));
  console.log('');
  console.log(formatExtractBench(await benchExtract({ reps, docs, log: (l) => console.error(l) })));
}
