/**
 * The baseline process of the ingest-cpu bench section: bare pdfjs-dist `getTextContent` over
 * every page of the PDFs given, one after the other, in one plain Node process (no tsx), with
 * the getDocument parameters of solieu's `pdfjsParams` (src/read/pdf/pdf-document.ts), written out
 * here: importing that module would also put back the builtins pdfjs-dist's polyfills replace
 * (src/read/pdf/pdfjs-builtins.ts), and the baseline is pdfjs-dist as it ships.
 * Prints `<files> files, <pages> pages, <chars> characters`.
 *
 * `--fixed-worker`: the same with pdfjs-dist's worker module carrying the one-line fix of
 * `TextState.clone` that solieu runs (src/read/pdf/pdfjs-worker.ts, written out here for the reason
 * above), to tell what that fix saves from what the rest of solieu costs. `--digest`: also print a
 * SHA-256 of every text item (string, transform, size, font) and style, so two runs can be shown
 * to read the same text.
 *
 *   node scripts/bench/bare-pdfjs.mjs [--fixed-worker] [--digest] a.pdf b.pdf …
 */
import { createHash } from 'node:crypto';
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
  standardFontDataUrl: `${join(dir, 'standard_fonts')}/`,
  cMapUrl: `${join(dir, 'cmaps')}/`,
  cMapPacked: true,
  wasmUrl: `${join(dir, 'wasm')}/`,
});

const flags = new Set(process.argv.slice(2).filter((a) => a.startsWith('--')));
const files = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (flags.has('--fixed-worker')) {
  const STOCK = 'const clone = Object.assign(Object.create(this), this);\n    clone.textMatrix';
  const FIXED = 'const clone = Object.assign(Object.create(Object.getPrototypeOf(this)), this);\n    clone.textMatrix';
  const source = readFileSync(join(dir, 'legacy', 'build', 'pdf.worker.mjs'), 'utf8');
  if (source.split(STOCK).length !== 2) throw new Error('bare-pdfjs --fixed-worker: the TextState.clone line is not in this pdfjs-dist');
  const module = await import(`data:text/javascript;base64,${Buffer.from(source.replace(STOCK, FIXED)).toString('base64')}`);
  globalThis.pdfjsWorker = { WorkerMessageHandler: module.WorkerMessageHandler };
}
const digest = flags.has('--digest') ? createHash('sha256') : undefined;

let pages = 0;
let chars = 0;
for (const path of files) {
  const pdf = await getDocument(pdfjsParams(new Uint8Array(readFileSync(path)))).promise;
  try {
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      for (const item of content.items) if ('str' in item) chars += item.str.length;
      digest?.update(JSON.stringify([content.items, content.styles]));
      page.cleanup();
    }
    pages += pdf.numPages;
  } finally {
    await pdf.destroy();
  }
}
console.log(`${files.length} files, ${pages} pages, ${chars} characters${digest ? `, digest ${digest.digest('hex')}` : ''}`);
