import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { OcrPage, type OcrLine } from '../../../schemas/ocr-page.js';
import { clampPercent, vieModelPath, type EngineSlot, type OcrModel } from './ocr-engine.js';

/**
 * The native OCR engine: Debian's `tesseract` command (package `tesseract-ocr`), one process
 * per page, reading the page image on stdin and writing TSV (words with boxes and confidences)
 * on stdout. It runs the same Vietnamese model as tesseract.js — the `@tesseract.js-data/vie`
 * file, unpacked once into a cache folder — so the two engines read a page the same way; the
 * native one is faster because it uses the CPU's 256-bit vector units (AVX2), which WebAssembly
 * cannot (`npx tsx scripts/bench.ts --only ocr`). Nothing is downloaded: only the command must
 * be installed (`apt-get install tesseract-ocr`; `tesseract-ocr-vie` is not needed).
 */

export interface NativeSlotOptions {
  /** Folder holding `vie.traineddata` (see `nativeModelDir`). */
  modelDir: string;
  model: OcrModel;
  /** Tesseract parameters, passed as `-c name=value`. */
  parameters: Record<string, string>;
  /** The command to run (default `tesseract` on the PATH). */
  command?: string;
}

const versions = new Map<string, string | undefined>();

/** `tesseract --version`'s first line, or undefined when the command is not installed (asked once per command). */
/** `auto` as the engine that runs: the native command when it is installed, tesseract.js otherwise. */
export function chooseOcrEngine(engine: 'auto' | 'wasm' | 'native', command = 'tesseract'): 'wasm' | 'native' {
  if (engine !== 'auto') return engine;
  return nativeTesseractVersion(command) ? 'native' : 'wasm';
}

export function nativeTesseractVersion(command = 'tesseract'): string | undefined {
  if (!versions.has(command)) {
    const run = spawnSync(command, ['--version'], { encoding: 'utf8' });
    versions.set(command, run.error || run.status !== 0 ? undefined : (run.stdout || run.stderr).split('\n')[0].trim() || undefined);
  }
  return versions.get(command);
}

/**
 * The folder of the unpacked model for the native engine: `vie.traineddata` gunzipped from
 * `@tesseract.js-data/vie` into the system's temporary folder, once per package version (written
 * to a temporary name and renamed, so concurrent workers never read half a file).
 */
export async function nativeModelDir(model: OcrModel): Promise<string> {
  const source = join(vieModelPath(model), 'vie.traineddata.gz');
  const require = createRequire(import.meta.url);
  const { version } = JSON.parse(await readFile(require.resolve('@tesseract.js-data/vie/package.json'), 'utf8')) as { version: string };
  const dir = join(tmpdir(), 'solieu-tessdata', `vie-${version}-${model}`);
  const target = join(dir, 'vie.traineddata');
  if (!existsSync(target)) {
    await mkdir(dir, { recursive: true });
    const partial = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    await writeFile(partial, gunzipSync(await readFile(source)));
    await rename(partial, target);
  }
  return dir;
}

/** One native engine slot: each `recognize` runs one single-threaded `tesseract` process. */
export function createNativeSlot(options: NativeSlotOptions): EngineSlot {
  const command = options.command ?? 'tesseract';
  const version = nativeTesseractVersion(command);
  if (!version) {
    throw new Error(`the native OCR engine needs the \`${command}\` command (Debian: apt-get install tesseract-ocr); or use --ocr-engine wasm`);
  }
  const oem = options.model === 'legacy' ? '3' : '1';
  // The page segmentation mode goes as `--psm`: the command puts its own default (3) over a
  // `-c tessedit_pageseg_mode=6`, since 6 is the library default it takes for "not set".
  const settings = Object.entries(options.parameters).flatMap(([name, value]) =>
    name === 'tessedit_pageseg_mode' ? ['--psm', value] : ['-c', `${name}=${value}`],
  );
  return {
    recognize(image, recognizeOptions) {
      if (recognizeOptions.deskew) return Promise.reject(new Error('deskew is not available with the native OCR engine'));
      const dpi = recognizeOptions.dpi ? ['--dpi', String(recognizeOptions.dpi)] : [];
      // TSV asked for by parameter: the `tsv` config file lives in Debian's tessdata, not in ours
      const output = ['-c', 'tessedit_create_txt=0', '-c', 'tessedit_create_tsv=1'];
      const args = ['stdin', 'stdout', '--tessdata-dir', options.modelDir, '-l', 'vie', '--oem', oem, ...dpi, ...settings, ...output];
      return runTesseract(command, args, image).then(parseTesseractTsv);
    },
    terminate: () => Promise.resolve(),
  };
}

/** Run tesseract with the image on stdin; resolves with stdout, rejects with stderr's last line. */
function runTesseract(command: string, args: string[], image: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    // OpenMP off: one core per page, as one tesseract.js worker; the scheduler runs one per core
    const child = spawn(command, args, { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else reject(new Error(`tesseract exited with ${code}: ${err.trim().split('\n').pop() ?? ''}`));
    });
    // an unreadable image makes tesseract exit before reading it all
    child.stdin.on('error', () => undefined);
    child.stdin.end(image);
  });
}

/** TSV columns: level page block paragraph line word left top width height conf text. */
const WORD_LEVEL = 5;
const LINE_LEVEL = 4;

/**
 * Tesseract's TSV output as an `OcrPage`: words grouped into their lines in output order, line
 * boxes from the line rows, line and page confidences the mean of their words' (as tesseract's
 * own `MeanTextConf`). Empty words (conf -1) are left out.
 */
export function parseTesseractTsv(tsv: string): OcrPage {
  const lines = new Map<string, OcrLine>();
  const all: number[] = [];
  for (const row of tsv.split('\n').slice(1)) {
    const cells = row.split('\t');
    if (cells.length < 12) continue;
    const [level, , block, paragraph, line, , left, top, width, height, conf] = cells.slice(0, 11).map(Number);
    const text = cells.slice(11).join('\t');
    const key = `${block}.${paragraph}.${line}`;
    const bbox = { x0: left, y0: top, x1: left + width, y1: top + height };
    if (level === LINE_LEVEL) {
      lines.set(key, { words: [], confidence: 0, bbox });
    } else if (level === WORD_LEVEL && conf >= 0 && text.trim() !== '') {
      const owner = lines.get(key) ?? { words: [], confidence: 0, bbox };
      lines.set(key, owner);
      owner.words.push({ text, confidence: clampPercent(conf), bbox });
      all.push(conf);
    }
  }
  const kept = [...lines.values()].filter((l) => l.words.length > 0);
  for (const line of kept) line.confidence = clampPercent(mean(line.words.map((w) => w.confidence)));
  return OcrPage.parse({ confidence: clampPercent(mean(all)), lines: kept });
}

function mean(values: number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}
