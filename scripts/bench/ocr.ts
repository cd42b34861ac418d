/**
 * Bench section: OCR seconds per page with tesseract.js (1 and 2 workers) and with the native
 * `tesseract` CLI on the same page images. Installs Debian's tesseract-ocr + tesseract-ocr-vie
 * when `tesseract` is missing and we are root.
 *
 * Standalone: `npx tsx scripts/bench/ocr.ts [--file ../shared/corpus/003.scan.pdf] [--pages 1-4] [--rounds 3]`
 * From scripts/bench.ts: `import { benchOcr } from './bench/ocr.js'` and print `formatOcrBench(await benchOcr())`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { renderPageImage, toPgm } from '../../src/read/ocr/ocr-page-renderer.js';
import { createOcrScheduler, DEFAULT_PARAMETERS, vieModelPath, type OcrEngine } from '../../src/read/ocr/ocr-scheduler.js';

export interface OcrBenchOptions {
  file?: string;
  /** 1-based pages (default 1–4). */
  pages?: number[];
  /** Times every setup is measured, interleaved (default 3); figures are medians. */
  rounds?: number;
}

export interface OcrBenchRun {
  name: string;
  /** Wall seconds divided by pages (throughput); worker start-up excluded and reported apart. */
  secondsPerPage: number | null;
  /** Lowest and highest of the rounds. */
  range?: [number, number];
  startupSeconds?: number;
  note?: string;
}

export interface OcrBenchResult {
  file: string;
  pages: number[];
  dpi: number;
  rounds: number;
  imageSecondsPerPage: number;
  runs: OcrBenchRun[];
  /**
   * tesseract.js over native tesseract, per page, at the same parallelism (1 worker vs 1 process,
   * 2 workers vs 2 processes). `sameModel`: native runs the model tesseract.js runs (the npm
   * package's best_int LSTM) — the engine's own overhead; `debianModel`: native runs Debian's
   * `tesseract-ocr-vie` (the smaller tessdata_fast network) — what a user of the CLI would get.
   * `sameModel128`: native with the same model held to 128-bit SIMD (`-c dotproduct=sse`), the
   * vector width WebAssembly has; near 1 means the gap to `sameModel` is AVX2's 256-bit lanes,
   * which a WASM build cannot use. Target ≤ 1.5.
   */
  ratios: { workers: number; sameModel: number | null; sameModel128: number | null; debianModel: number | null }[];
}

export async function benchOcr(options: OcrBenchOptions = {}): Promise<OcrBenchResult> {
  const file = resolve(options.file ?? '../shared/corpus/003.scan.pdf');
  const pages = options.pages ?? [1, 2, 3, 4];
  const dir = mkdtempSync(join(tmpdir(), 'solieu-bench-ocr-'));
  try {
    const pdf = await getDocument({ data: new Uint8Array(readFileSync(file)), isOffscreenCanvasSupported: false, verbosity: 0 }).promise;
    const images: Buffer[] = [];
    let dpi = 0;
    const imageStart = performance.now();
    for (const page of pages) {
      const image = await renderPageImage(pdf, page);
      dpi = image.dpi;
      images.push(toPgm(image));
    }
    const imageSecondsPerPage = seconds(imageStart) / pages.length;
    await pdf.destroy();
    const paths = images.map((image, i) => {
      const path = join(dir, `page-${pages[i]}.pgm`);
      writeFileSync(path, image);
      return path;
    });

    const sameModelDir = join(dir, 'tessdata');
    mkdirSync(sameModelDir);
    writeFileSync(join(sameModelDir, 'vie.traineddata'), gunzipSync(readFileSync(join(vieModelPath('best_int'), 'vie.traineddata.gz'))));
    // Rounds, each running every setup once in a rotated order: this machine's speed drifts by
    // ±20% from minute to minute, so a setup's figure is its median, and a ratio is the median of
    // the ratios within each round (paired, measured minutes apart at most).
    const groups: (() => Promise<OcrBenchRun[]>)[] = [
      async () => [await benchTesseractJs(images, dpi, 1)],
      async () => [await benchTesseractJs(images, dpi, 2)],
      async () => (hasNative() ? [await benchTesseractJs(images, dpi, 1, 'native'), await benchTesseractJs(images, dpi, 2, 'native')] : []),
      () => benchNative(paths, dpi, 'Debian vie'),
      () => benchNative(paths, dpi, 'same model', sameModelDir),
      () => benchNative(paths, dpi, SAME_MODEL_128, sameModelDir, ['-c', 'dotproduct=sse']),
    ];
    const rounds: OcrBenchRun[][] = [];
    for (let r = 0; r < (options.rounds ?? 3); r++) {
      const round: OcrBenchRun[] = [];
      for (let g = 0; g < groups.length; g++) round.push(...(await groups[(g + r) % groups.length]()));
      rounds.push(round);
    }
    const names = [...new Set(rounds.flat().map((run) => run.name))];
    const runs: OcrBenchRun[] = names.map((name) => {
      const all = rounds.flatMap((round) => round.filter((run) => run.name === name));
      const values = all.map((run) => run.secondsPerPage).filter((v): v is number => v !== null);
      const startups = all.map((run) => run.startupSeconds).filter((v): v is number => v !== undefined);
      return {
        name,
        secondsPerPage: values.length ? round2(median(values)) : null,
        range: values.length > 1 ? [Math.min(...values), Math.max(...values)] : undefined,
        startupSeconds: startups.length ? round2(median(startups)) : undefined,
        note: all.find((run) => run.note)?.note,
      };
    });
    const inRound = (round: OcrBenchRun[], name: string) => round.find((run) => run.name === name)?.secondsPerPage ?? null;
    const pairedRatio = (js: string, native: string): number | null => {
      const ratios = rounds
        .map((round) => [inRound(round, js), inRound(round, native)])
        .filter((p): p is [number, number] => p[0] !== null && p[1] !== null && p[1] > 0);
      return ratios.length ? round2(median(ratios.map(([a, b]) => a / b))) : null;
    };
    const ratios = [1, 2].map((n) => ({
      workers: n,
      sameModel: pairedRatio(jsName(n), nativeName('same model', n)),
      sameModel128: pairedRatio(jsName(n), nativeName(SAME_MODEL_128, n)),
      debianModel: pairedRatio(jsName(n), nativeName('Debian vie', n)),
    }));
    return { file, pages, dpi, rounds: rounds.length, imageSecondsPerPage: round2(imageSecondsPerPage), runs, ratios };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * solieu's OCR scheduler on the page images: tesseract.js workers, or (`native`) its native
 * engine, the tesseract command with the npm model, TSV out, one process per page.
 */
async function benchTesseractJs(images: Buffer[], dpi: number, workers: number, engine: OcrEngine = 'wasm'): Promise<OcrBenchRun> {
  const startup = performance.now();
  const scheduler = await createOcrScheduler({ workers, engine });
  const startupSeconds = seconds(startup);
  try {
    const start = performance.now();
    await Promise.all(images.map((image) => scheduler.recognize(image, { dpi })));
    const note = workers > availableParallelism() ? `only ${availableParallelism()} cores` : undefined;
    const name = engine === 'native' ? `solieu --ocr-engine native, ${workers} worker${workers > 1 ? 's' : ''}` : jsName(workers);
    return { name, secondsPerPage: round2(seconds(start) / images.length), startupSeconds: round2(startupSeconds), note };
  } finally {
    await scheduler.terminate();
  }
}

function jsName(workers: number): string {
  return `tesseract.js (npm best_int), ${workers} worker${workers > 1 ? 's' : ''}`;
}

/** Native tesseract held to SSE (128-bit) dot products and matrix products, as WASM SIMD. */
const SAME_MODEL_128 = 'same model, 128-bit SIMD';

function nativeName(model: string, processes: number): string {
  return `tesseract CLI (${model}), ${processes} process${processes > 1 ? 'es' : ''}`;
}

/**
 * Native tesseract on the page images: one process at a time, then two at once (one per core,
 * as the two tesseract.js workers), each single-threaded. `tessdata`: a folder holding the model
 * to use instead of Debian's; `extra`: more CLI arguments.
 */
async function benchNative(paths: string[], dpi: number, model: string, tessdata?: string, extra: string[] = []): Promise<OcrBenchRun[]> {
  const missing = ensureNativeTesseract();
  if (missing) return [{ name: nativeName(model, 1), secondsPerPage: null, note: missing }];
  // the page segmentation mode solieu's workers use (the CLI would otherwise start in mode 3)
  const psm = DEFAULT_PARAMETERS.tessedit_pageseg_mode;
  const args = (path: string) => [path, '-', '-l', 'vie', '--dpi', String(dpi), '--psm', psm, ...(tessdata ? ['--tessdata-dir', tessdata] : []), ...extra];
  const runs: OcrBenchRun[] = [];
  for (const processes of [1, 2]) {
    const queue = [...paths];
    const start = performance.now();
    const failures: string[] = [];
    await Promise.all(
      Array.from({ length: processes }, async () => {
        for (let path = queue.shift(); path; path = queue.shift()) {
          const failure = await runTesseract(args(path));
          if (failure) failures.push(failure);
        }
      }),
    );
    if (failures.length > 0) return [{ name: nativeName(model, processes), secondsPerPage: null, note: `tesseract failed: ${failures[0]}` }];
    runs.push({
      name: nativeName(model, processes),
      secondsPerPage: round2(seconds(start) / paths.length),
      note: processes === 1 ? nativeVersion() : undefined,
    });
  }
  return runs;
}

/** Run the tesseract CLI single-threaded; resolves with the last line of stderr on failure. */
function runTesseract(args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    const child = spawn('tesseract', args, { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve(code === 0 ? undefined : (stderr.trim().split('\n').pop() ?? `exit ${code}`)));
  });
}

/** Undefined when `tesseract` with the Vietnamese model is ready; else why it is not. */
function ensureNativeTesseract(): string | undefined {
  if (!hasVie()) {
    if (process.getuid?.() !== 0) return 'tesseract CLI with vie not installed (and not root to apt-get it)';
    const install = spawnSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tesseract-ocr tesseract-ocr-vie'], {
      encoding: 'utf8',
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    if (install.status !== 0) return `apt-get install tesseract-ocr tesseract-ocr-vie failed: ${install.stderr.trim().split('\n').pop()}`;
  }
  return hasVie() ? undefined : 'tesseract CLI installed but the vie language is missing';
}

/** Whether the tesseract command is installed (solieu's native engine needs no Debian model). */
function hasNative(): boolean {
  return spawnSync('tesseract', ['--version']).status === 0;
}

function hasVie(): boolean {
  const run = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' });
  return run.status === 0 && /^vie$/m.test(run.stdout);
}

function nativeVersion(): string {
  const run = spawnSync('tesseract', ['--version'], { encoding: 'utf8' });
  return (run.stdout || run.stderr).split('\n')[0].trim();
}

export function formatOcrBench(result: OcrBenchResult): string {
  const lines = [
    `OCR (${result.file.split('/').pop()}, pages ${result.pages.join(',')}, ${result.dpi} dpi; page image ${result.imageSecondsPerPage} s/page; medians of ${result.rounds} interleaved rounds)`,
    ...result.runs.map(
      (r) =>
        `  ${r.name.padEnd(56)} ${r.secondsPerPage === null ? '   n/a' : `${r.secondsPerPage.toFixed(2).padStart(6)} s/page`}` +
        `${r.range ? ` (${r.range[0].toFixed(2)}–${r.range[1].toFixed(2)})` : ''}` +
        `${r.startupSeconds !== undefined ? `  (start-up ${r.startupSeconds} s)` : ''}${r.note ? `  [${r.note}]` : ''}`,
    ),
    ...result.ratios.map(
      (r) =>
        `  tesseract.js ${r.workers} worker${r.workers > 1 ? 's' : ''} / native ${r.workers} process${r.workers > 1 ? 'es' : ''} (median of paired rounds): ` +
        `same model ${r.sameModel ?? 'n/a'}× (target ≤ 1.5×), Debian's smaller vie model ${r.debianModel ?? 'n/a'}×, ` +
        `same model held to 128-bit SIMD as WASM ${r.sameModel128 ?? 'n/a'}×`,
    ),
  ];
  return lines.join('\n');
}

function seconds(start: number): number {
  return (performance.now() - start) / 1000;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function parsePages(spec: string): number[] {
  return spec.split(',').flatMap((part) => {
    const [a, b] = part.split('-').map(Number);
    return b ? Array.from({ length: b - a + 1 }, (_, i) => a + i) : [a];
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: { file: { type: 'string' }, pages: { type: 'string' }, rounds: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const result = await benchOcr({
    file: values.file,
    pages: values.pages ? parsePages(values.pages) : undefined,
    rounds: values.rounds ? Number(values.rounds) : undefined,
  });
  console.log(values.json ? JSON.stringify(result, null, 2) : formatOcrBench(result));
}
