import { availableParallelism } from 'node:os';
import type { OcrPage } from '../../../schemas/ocr-page.js';
import { DEFAULT_PARAMETERS, type EngineSlot, type OcrEngine, type OcrModel, type RecognizeOptions } from './ocr-engine.js';
import { createWasmSlot, tesseractJsVersion } from './ocr-wasm-engine.js';

export { DEFAULT_PARAMETERS, vieModelPath, type OcrEngine, type OcrModel, type RecognizeOptions } from './ocr-engine.js';
export { offlineWorkerOptions } from './ocr-wasm-engine.js';

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
   * `auto` (default): `native` when the `tesseract` command is installed, else `wasm`.
   * `wasm`: tesseract.js, tesseract compiled to WebAssembly, nothing to install.
   * `native`: the `tesseract` command (Debian `tesseract-ocr`), one process per page, with the
   * same model (`ocr-native-engine.ts`); 1.3–1.6× faster per page on a CPU with AVX2
   * (`npx tsx scripts/bench.ts --only ocr`).
   */
  engine?: OcrEngine | 'auto';
}

export interface OcrScheduler {
  readonly workers: number;
  readonly engine: OcrEngine;
  /** Which engine and model read the pages (`tesseract.js 7.0.0 (WebAssembly), model vie best_int …`), for the document's messages. */
  readonly description: string;
  /** OCR one encoded image (PGM, PNG, JPEG, TIFF); resolves with its lines, words, boxes and confidences. */
  recognize(image: Buffer, options?: RecognizeOptions): Promise<OcrPage>;
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
  let description: string;
  const engine: OcrEngine =
    options.engine === 'native' || options.engine === 'wasm' ? options.engine : (await import('./ocr-native-engine.js')).chooseOcrEngine('auto');
  if (engine === 'native') {
    const { createNativeSlot, nativeModelDir, nativeTesseractVersion } = await import('./ocr-native-engine.js');
    const dir = await nativeModelDir(model);
    slots = Array.from({ length: count }, () => createNativeSlot({ modelDir: dir, model, parameters }));
    description = `${nativeTesseractVersion() ?? 'tesseract'} (native command)`;
  } else {
    slots = await Promise.all(Array.from({ length: count }, () => createWasmSlot(model, parameters)));
    description = `tesseract.js ${tesseractJsVersion()} (WebAssembly)`;
  }
  description += `, model vie ${model} of @tesseract.js-data/vie`;
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
    engine,
    description,
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
