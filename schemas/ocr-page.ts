import { z } from './zod.js';

/**
 * What an OCR engine returns for one page image, whichever engine read it (tesseract.js's
 * WASM worker or the native `tesseract` command): lines in reading order with their words,
 * boxes in image pixels, confidences in percent (0–100) as tesseract reports them.
 */
export const OcrBox = z.object({ x0: z.number(), y0: z.number(), x1: z.number(), y1: z.number() });
export type OcrBox = z.infer<typeof OcrBox>;

export const OcrWord = z.object({ text: z.string(), confidence: z.number().min(0).max(100), bbox: OcrBox });
export type OcrWord = z.infer<typeof OcrWord>;

export const OcrLine = z.object({ words: z.array(OcrWord), confidence: z.number().min(0).max(100), bbox: OcrBox });
export type OcrLine = z.infer<typeof OcrLine>;

export const OcrPage = z.object({
  /** Mean word confidence of the page, 0–100. */
  confidence: z.number().min(0).max(100),
  lines: z.array(OcrLine),
});
export type OcrPage = z.infer<typeof OcrPage>;
