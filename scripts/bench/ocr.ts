/**
 * Bench section: OCR seconds per page with tesseract.js (1 and 2 workers) and with the native
 * `tesseract` CLI on the same page images. Installs Debian's tesseract-ocr + tesseract-ocr-vie
 * when `tesseract` is missing and we are root.
 *
 * Standalone: `npx tsx scripts/bench/ocr.ts [--file ../shared/corpus/003.scan.pdf] [--pages 1-4]`
 * From scripts/bench.ts: `import { benchOcr } from './bench/ocr.js'` and print `formatOcrBench(await benchOcr())`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { renderPageImage, toPgm } from '../../src/read/ocr-page-renderer.js';
import { createOcrScheduler } from '../../src/read/ocr-scheduler.js';

export interface OcrBenchOptions {
  file?: string;
  /** 1-based pages (default 1–4). */
  pages?: number[];
}

export interface OcrBenchRun {
  name: string;
  /** Wall seconds divided by pages (throughput); worker start-up excluded and reported apart. */
  secondsPerPage: number | null;
  startupSeconds?: number;
  note?: string;
}

export interface OcrBenchResult {
  file: string;
  pages: number[];
  dpi: number;
  imageSecondsPerPage: number;
  runs: OcrBenchRun[];
  /** tesseract.js with 1 worker over native tesseract with 1 thread, per page. Target ≤ 1.5. */
  ratioToNative: number | null;
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

    const runs: OcrBenchRun[] = [];
    for (const workers of [1, 2]) runs.push(await benchTesseractJs(images, dpi, workers));
    runs.push(...benchNative(paths, dpi));
    const js = runs[0].secondsPerPage;
    const native = runs.find((r) => r.name === 'tesseract CLI, 1 thread')?.secondsPerPage ?? null;
    return { file, pages, dpi, imageSecondsPerPage: round(imageSecondsPerPage), runs, ratioToNative: js && native ? round(js / native) : null };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchTesseractJs(images: Buffer[], dpi: number, workers: number): Promise<OcrBenchRun> {
  const startup = performance.now();
  const scheduler = await createOcrScheduler({ workers });
  const startupSeconds = seconds(startup);
  try {
    const start = performance.now();
    await Promise.all(images.map((image) => scheduler.recognize(image, { dpi })));
    const note = workers > availableParallelism() ? `only ${availableParallelism()} cores` : undefined;
    return { name: `tesseract.js, ${workers} worker${workers > 1 ? 's' : ''}`, secondsPerPage: round(seconds(start) / images.length), startupSeconds: round(startupSeconds), note };
  } finally {
    await scheduler.terminate();
  }
}

function benchNative(paths: string[], dpi: number): OcrBenchRun[] {
  const missing = ensureNativeTesseract();
  if (missing) return [{ name: 'tesseract CLI, 1 thread', secondsPerPage: null, note: missing }];
  const runs: OcrBenchRun[] = [];
  for (const threads of [1, 2]) {
    const start = performance.now();
    for (const path of paths) {
      const run = spawnSync('tesseract', [path, '-', '-l', 'vie', '--dpi', String(dpi)], {
        encoding: 'utf8',
        env: { ...process.env, OMP_THREAD_LIMIT: String(threads) },
      });
      if (run.status !== 0) return [{ name: 'tesseract CLI, 1 thread', secondsPerPage: null, note: `tesseract failed: ${run.stderr.trim().split('\n').pop()}` }];
    }
    runs.push({ name: `tesseract CLI, ${threads} thread${threads > 1 ? 's' : ''}`, secondsPerPage: round(seconds(start) / paths.length), note: nativeVersion() });
  }
  return runs;
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
    `OCR (${result.file.split('/').pop()}, pages ${result.pages.join(',')}, ${result.dpi} dpi; page image ${result.imageSecondsPerPage} s/page)`,
    ...result.runs.map(
      (r) =>
        `  ${r.name.padEnd(26)} ${r.secondsPerPage === null ? '   n/a' : `${r.secondsPerPage.toFixed(2).padStart(6)} s/page`}` +
        `${r.startupSeconds !== undefined ? `  (start-up ${r.startupSeconds} s)` : ''}${r.note ? `  [${r.note}]` : ''}`,
    ),
    `  tesseract.js 1 worker / native 1 thread: ${result.ratioToNative === null ? 'n/a' : `${result.ratioToNative}× (target ≤ 1.5×)`}`,
  ];
  return lines.join('\n');
}

function seconds(start: number): number {
  return (performance.now() - start) / 1000;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function parsePages(spec: string): number[] {
  return spec.split(',').flatMap((part) => {
    const [a, b] = part.split('-').map(Number);
    return b ? Array.from({ length: b - a + 1 }, (_, i) => a + i) : [a];
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { file: { type: 'string' }, pages: { type: 'string' }, json: { type: 'boolean', default: false } } });
  const result = await benchOcr({ file: values.file, pages: values.pages ? parsePages(values.pages) : undefined });
  console.log(values.json ? JSON.stringify(result, null, 2) : formatOcrBench(result));
}
