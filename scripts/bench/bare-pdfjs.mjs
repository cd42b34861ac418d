/**
 * The baseline process of the ingest-cpu bench section: bare pdfjs-dist `getTextContent` over
 * every page of the PDFs given, one after the other, in one plain Node process (no tsx), with
 * the getDocument parameters of solieu's `pdfjsParams` (src/read/pdf-document.ts), written out
 * here: importing that module would also put back the builtins pdfjs-dist's polyfills replace
 * (src/read/pdfjs-builtins.ts), and the baseline is pdfjs-dist as it ships.
 * Prints `<files> files, <pages> pages, <chars> characters`.
 *
 *   node scripts/bench/bare-pdfjs.mjs a.pdf b.pdf …
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const dir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const pdfjsParams = (data) => ({
  data,
  isEvalSupported: false,
  useSystemFonts: false,
  isOffscreenCanvasSupported: false,
  verbosity: 0,
  maxImageSize: 40_000_000,
  standardFontDataUrl: join(dir, 'standard_fonts') + '/',
  cMapUrl: join(dir, 'cmaps') + '/',
  cMapPacked: true,
  wasmUrl: join(dir, 'wasm') + '/',
});

let pages = 0;
let chars = 0;
const files = process.argv.slice(2);
for (const path of files) {
  const pdf = await getDocument(pdfjsParams(new Uint8Array(readFileSync(path)))).promise;
  try {
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      for (const item of content.items) if ('str' in item) chars += item.str.length;
      page.cleanup();
    }
    pages += pdf.numPages;
  } finally {
    await pdf.destroy();
  }
}
console.log(`${files.length} files, ${pages} pages, ${chars} characters`);
