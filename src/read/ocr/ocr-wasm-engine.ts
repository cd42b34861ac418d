import { createRequire } from 'node:module';
import Tesseract from 'tesseract.js';
import type { OcrPage } from '../../../schemas/ocr-page.js';
import { clampPercent, vieModelPath, type EngineSlot, type OcrModel } from './ocr-engine.js';

/**
 * Options that make tesseract.js read everything from node_modules: the model from disk,
 * no cache written or read, and the wasm core that the Node worker `require`s locally.
 */
export function offlineWorkerOptions(model: OcrModel = 'best_int'): Partial<Tesseract.WorkerOptions> {
  return { langPath: vieModelPath(model), gzip: true, cacheMethod: 'none' };
}

/** The installed tesseract.js version. */
export function tesseractJsVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('tesseract.js/package.json') as { version: string }).version;
}

/** tesseract.js job errors also reject the job's promise, where `recognize` reports them. */
function ignoreReportedElsewhere(): void {}

/** A tesseract.js worker (tesseract's WASM build in a worker thread) with the model from disk. */
export async function createWasmSlot(model: OcrModel, parameters: Record<string, string>): Promise<EngineSlot> {
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
