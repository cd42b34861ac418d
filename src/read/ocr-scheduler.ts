import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { existsSync } from 'node:fs';
import Tesseract from 'tesseract.js';
import type { OcrPage } from '../../schemas/ocr-page.js';

/**
 * Which Vietnamese model of `@tesseract.js-data/vie`: `best_int` (the LSTM network only,
 * integer weights) or `legacy` (the `4.0.0` folder: the same LSTM plus the legacy engine's data,
 * 2.5× the download). The package has no `tessdata_fast` network (Debian's `tesseract-ocr-vie`).
 */
export type OcrModel = 'best_int' | 'legacy';

export interface OcrPageEvent {
  /** Label the caller gave the job (e.g. file name), and the page number. */
  source?: string;
  page?: number;
  seconds: number;
  /** Mean word confidence of the page in [0,1]. */
  confidence: number;
  /** Jobs finished and still waiting or running, over the scheduler's life. */
  done: number;
  pending: number;
}

export interface OcrSchedulerOptions {
  /** Number of tesseract workers (default: one per core, `os.availableParallelism()`). */
  workers?: number;
  model?: OcrModel;
  /** Tesseract parameters set on every worker once, over `DEFAULT_PARAMETERS` (e.g. `{ thresholding_method: '2' }` for Sauvola). */
  parameters?: Record<string, string>;
  /** Called after every OCR'd page. */
  onPage?: (event: OcrPageEvent) => void;
  /**
   * `wasm` (default): tesseract.js, tesseract compiled to WebAssembly, nothing to install.
   * `native`: the `tesseract` command (Debian `tesseract-ocr`), one process per page, with the
   * same model; 1.7–2× faster on a CPU with AVX2 (`npx tsx scripts/bench.ts --only ocr`).
   */
  engine?: OcrEngine;
}

export type OcrEngine = 'wasm' | 'native';

export interface RecognizeOptions {
  /** Resolution of the image, passed to tesseract (PGM carries none). */
  dpi?: number;
  /** Let tesseract straighten a skewed page before recognising it. */
  deskew?: boolean;
  source?: string;
  page?: number;
}

export interface OcrScheduler {
  readonly workers: number;
  readonly engine: OcrEngine;
  /** OCR one encoded image (PGM, PNG, JPEG, TIFF); resolves with its lines, words, boxes and confidences. */
  recognize(image: Buffer, options?: RecognizeOptions): Promise<OcrPage>;
  terminate(): Promise<void>;
}

const require = createRequire(import.meta.url);

/**
 * Page segmentation mode 6 (the page as one block of text, tesseract's API default; the
 * `tesseract` command defaults to 3, find blocks and columns). Measured on the corpus scans
 * (`scripts/eval-ocr.ts`, `npm run eval -- --rendition scan.pdf`): mode 3 has a lower CER
 * (0.96% vs 1.02%) and is ~8% faster, but extracts worse (F1 99.5% vs 99.8%) and puts OCR noise
 * in one more heading title; mode 6 merges a letter's two header columns into one line, which
 * the OCR reader splits again at the gutter.
 * `debug_file`: tesseract's own diagnostics (`Image too small to scale!!`) would print into the
 * user's terminal between progress lines; they go nowhere.
 */
export const DEFAULT_PARAMETERS: Record<string, string> = { tessedit_pageseg_mode: '6', debug_file: '/dev/null' };

/** The folder holding `vie.traineddata.gz` inside the installed `@tesseract.js-data/vie` package. */
export function vieModelPath(model: OcrModel = 'best_int'): string {
  const root = dirname(require.resolve('@tesseract.js-data/vie/package.json'));
  const folder = join(root, model === 'best_int' ? '4.0.0_best_int' : '4.0.0');
  if (!existsSync(join(folder, 'vie.traineddata.gz'))) {
    throw new Error(`The Vietnamese OCR model is missing at ${folder}; reinstall with \`npm install @tesseract.js-data/vie\`.`);
  }
  return folder;
}

/**
 * Options that make tesseract.js read everything from node_modules: the model from disk,
 * no cache written or read, and the wasm core that the Node worker `require`s locally.
 */
export function offlineWorkerOptions(model: OcrModel = 'best_int'): Partial<Tesseract.WorkerOptions> {
  return { langPath: vieModelPath(model), gzip: true, cacheMethod: 'none' };
}

/** tesseract.js job errors also reject the job's promise, where `recognize` reports them. */
function ignoreReportedElsewhere(): void {
  return undefined;
}

/** One engine instance: reads one page at a time. */
export interface EngineSlot {
  recognize(image: Buffer, options: RecognizeOptions): Promise<OcrPage>;
  terminate(): Promise<void>;
}

interface Job {
  image: Buffer;
  options: RecognizeOptions;
  resolve: (page: OcrPage) => void;
  reject: (error: unknown) => void;
}

/**
 * A pool of OCR engine instances created once and shared by every document of a batch:
 * jobs queue in order and go to the next free one.
 */
export async function createOcrScheduler(options: OcrSchedulerOptions = {}): Promise<OcrScheduler> {
  const count = options.workers ?? availableParallelism();
  if (!Number.isInteger(count) || count < 1) {
    throw new TypeError(`createOcrScheduler: workers must be a positive integer, got ${count}.`);
  }
  const parameters = { ...DEFAULT_PARAMETERS, ...options.parameters };
  const model = options.model ?? 'best_int';
  let slots: EngineSlot[];
  if (options.engine === 'native') {
    const { createNativeSlot, nativeModelDir } = await import('./ocr-native-engine.js');
    const dir = await nativeModelDir(model);
    slots = Array.from({ length: count }, () => createNativeSlot({ modelDir: dir, model, parameters }));
  } else {
    slots = await Promise.all(Array.from({ length: count }, () => createWasmSlot(model, parameters)));
  }
  const idle = [...slots];
  const queue: Job[] = [];
  let done = 0;
  let terminated = false;

  const pump = (): void => {
    while (idle.length > 0 && queue.length > 0) {
      const slot = idle.pop() as EngineSlot;
      const job = queue.shift() as Job;
      void run(slot, job).finally(() => {
        idle.push(slot);
        pump();
      });
    }
  };

  const run = async (slot: EngineSlot, job: Job): Promise<void> => {
    const started = performance.now();
    try {
      const page = await slot.recognize(job.image, job.options);
      done += 1;
      options.onPage?.({
        source: job.options.source,
        page: job.options.page,
        seconds: (performance.now() - started) / 1000,
        confidence: page.confidence / 100,
        done,
        pending: queue.length + (count - idle.length - 1),
      });
      job.resolve(page);
    } catch (error) {
      done += 1;
      job.reject(error);
    }
  };

  return {
    workers: count,
    engine: options.engine ?? 'wasm',
    recognize(image, recognizeOptions = {}) {
      if (terminated) throw new Error('OcrScheduler.recognize: the scheduler was terminated; create a new one.');
      return new Promise((resolve, reject) => {
        queue.push({ image, options: recognizeOptions, resolve, reject });
        pump();
      });
    },
    async terminate() {
      terminated = true;
      for (const job of queue.splice(0)) job.reject(new Error('OcrScheduler terminated before this page was read.'));
      await Promise.all(slots.map((slot) => slot.terminate()));
    },
  };
}

/** A tesseract.js worker (tesseract's WASM build in a worker thread) with the model from disk. */
async function createWasmSlot(model: OcrModel, parameters: Record<string, string>): Promise<EngineSlot> {
  const oem = model === 'legacy' ? Tesseract.OEM.DEFAULT : Tesseract.OEM.LSTM_ONLY;
  // Without an errorHandler tesseract.js rethrows a failed job (e.g. an unreadable image) as an
  // uncaught exception that ends the process; the job's promise rejects with the same error anyway.
  const worker = await Tesseract.createWorker('vie', oem, { ...offlineWorkerOptions(model), errorHandler: ignoreReportedElsewhere });
  await worker.setParameters(parameters);
  let dpi: number | undefined;
  return {
    async recognize(image, options) {
      if (options.dpi && options.dpi !== dpi) {
        await worker.setParameters({ user_defined_dpi: String(options.dpi) });
        dpi = options.dpi;
      }
      const result = await worker.recognize(image, { rotateAuto: options.deskew ?? false }, { text: true, blocks: true });
      return fromTesseractJs(result.data);
    },
    async terminate() {
      await worker.terminate();
    },
  };
}

/** tesseract.js's page (blocks, paragraphs, lines, words, symbols) as solieu's `OcrPage`. */
export function fromTesseractJs(page: Tesseract.Page): OcrPage {
  const box = (b: Tesseract.Bbox) => ({ x0: b.x0, y0: b.y0, x1: b.x1, y1: b.y1 });
  return {
    confidence: clampPercent(page.confidence),
    lines: (page.blocks ?? []).flatMap((block) =>
      block.paragraphs.flatMap((paragraph) =>
        paragraph.lines.map((line) => ({
          confidence: clampPercent(line.confidence),
          bbox: box(line.bbox),
          words: line.words.map((word) => ({ text: word.text, confidence: clampPercent(word.confidence), bbox: box(word.bbox) })),
        })),
      ),
    ),
  };
}

export function clampPercent(value: number): number {
  return Math.min(100, Math.max(0, value));
}
