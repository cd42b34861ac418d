// first: it must see the engine's own builtins before pdfjs-dist's polyfills replace them
import { restoreBuiltins } from './pdfjs-builtins.js';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AnnotationMode, getDocument, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { SourceFile } from '../../core/source-file.js';
import { DEFAULT_INFLATE_LIMITS } from '../inflate-limits.js';
import { NEVER_DRAWN, useFixedPdfjsWorker } from './pdfjs-worker.js';

restoreBuiltins();

const require = createRequire(import.meta.url);
/** pdfjs-dist's own data folders: standard fonts and CMaps load from node_modules, never from the network. */
const PDFJS_DIR = dirname(require.resolve('pdfjs-dist/package.json'));
export const PDFJS_DATA = {
  standardFontDataUrl: `${join(PDFJS_DIR, 'standard_fonts')}/`,
  cMapUrl: `${join(PDFJS_DIR, 'cmaps')}/`,
  cMapPacked: true,
  wasmUrl: `${join(PDFJS_DIR, 'wasm')}/`,
} as const;

/** Errors only: pdfjs's warnings (`Image exceeded maximum allowed size …`) would print between the progress lines. */
const PDFJS_VERBOSITY = 0;

/** The getDocument parameters every solieu PDF reader uses (no eval, no system fonts, local data). */
export function pdfjsParams(data: Uint8Array, extra: { maxImageSize?: number } = {}): Parameters<typeof getDocument>[0] {
  // images over the pixel limit are never decoded (a 40k × 40k image would take gigabytes)
  return {
    data,
    isEvalSupported: false,
    useSystemFonts: false,
    isOffscreenCanvasSupported: false,
    verbosity: PDFJS_VERBOSITY,
    maxImageSize: DEFAULT_INFLATE_LIMITS.imagePixels,
    ...PDFJS_DATA,
    ...extra,
  };
}

/**
 * Open a PDF with pdfjs-dist. Bad input ends the document with one clear line:
 * `read:empty`, `read:encrypted` (pdfjs PasswordException) or `read:corrupt`.
 */
export async function openPdf(file: SourceFile): Promise<PDFDocumentProxy> {
  if (file.bytes.length === 0) file.fail('file is empty', 'read:empty');
  await useFixedPdfjsWorker();
  // pdfjs takes ownership of (and detaches) the buffer it is given: hand it a copy. This reader
  // never draws, so images are not decoded (the operator lists asked for font names would decode
  // them), nor glyph outlines built (pdfjs-worker.ts).
  const task = getDocument(pdfjsParams(new Uint8Array(file.bytes), { maxImageSize: NEVER_DRAWN }));
  try {
    return await task.promise;
  } catch (error) {
    await task.destroy();
    const name = error instanceof Error ? error.name : '';
    if (name === 'PasswordException') return file.fail('the PDF is password-protected (encrypted); cannot read it without the password', 'read:encrypted');
    return file.fail(`not a readable PDF: ${oneLine(error)}`, 'read:corrupt');
  } finally {
    // the first document loads pdfjs's worker module, whose polyfills replace the builtins again
    restoreBuiltins();
  }
}

/** A font as the reader needs it: its PDF name and the style its name declares. */
export interface PdfFont {
  name: string;
  bold: boolean;
  italic: boolean;
}

const BOLD = /bold|black|heavy|semibold|demibold|demi\b|,b$/i;
const ITALIC = /italic|oblique|,i$|,bi$/i;

/** Style from a PDF font name (`ABCDEF+TimesNewRomanPS-BoldItalicMT`, `Arial,Bold`). */
export function fontFromName(name: string): PdfFont {
  const bare = name.replace(/^[A-Z]{6}\+/, '');
  return { name: bare, bold: BOLD.test(bare), italic: ITALIC.test(bare) };
}

/**
 * Learn the real names of the fonts a page uses. getTextContent only names fonts by pdfjs ids
 * (`g_d0_f1`); their PDF names reach the main thread with the page's operator list, so it is
 * asked for only on pages that bring a font not seen before (usually one or two per document).
 */
export async function learnFonts(page: PDFPageProxy, ids: string[], fonts: Map<string, PdfFont>): Promise<void> {
  const unknown = ids.filter((id) => !fonts.has(id));
  if (unknown.length === 0) return;
  await page.getOperatorList({ annotationMode: AnnotationMode.DISABLE });
  for (const id of unknown) {
    const obj: unknown = page.commonObjs.has(id) ? page.commonObjs.get(id) : undefined;
    const name = obj && typeof obj === 'object' && 'name' in obj && typeof obj.name === 'string' ? obj.name : '';
    fonts.set(id, fontFromName(name));
  }
}

export function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, ' ').trim() || 'unknown error';
}
