import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { existsSync } from 'node:fs';
import type { OcrPage } from '../../../schemas/ocr-page.js';

/** What every OCR engine shares: the model, the parameters, one engine instance's interface. */

/**
 * Which Vietnamese model of `@tesseract.js-data/vie`: `best_int` (the LSTM network only,
 * integer weights) or `legacy` (the `4.0.0` folder: the same LSTM plus the legacy engine's data,
 * 2.5× the download). The package has no `tessdata_fast` network (Debian's `tesseract-ocr-vie`).
 */
export type OcrModel = 'best_int' | 'legacy';

/** `wasm`: tesseract.js (`ocr-wasm-engine.ts`); `native`: the `tesseract` command (`ocr-native-engine.ts`). */
export type OcrEngine = 'wasm' | 'native';

export interface RecognizeOptions {
  /** Resolution of the image, passed to tesseract (PGM carries none). */
  dpi?: number;
  /** Let tesseract straighten a skewed page before recognising it. */
  deskew?: boolean;
  source?: string;
  page?: number;
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

/** One engine instance: reads one page at a time. */
export interface EngineSlot {
  recognize(image: Buffer, options: RecognizeOptions): Promise<OcrPage>;
  terminate(): Promise<void>;
}

/** A confidence held to tesseract's 0–100. */
export function clampPercent(value: number): number {
  return Math.min(100, Math.max(0, value));
}
