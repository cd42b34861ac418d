import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadWorkerScript, type WorkerScriptFiles } from './pdfjs-worker-script.js';

/**
 * pdfjs-dist's worker module (the part that parses PDFs; on Node it runs in this thread, as
 * pdfjs's "fake worker") with two fixes, for speed. The first: `TextState.clone()`, called by
 * `getTextContent` at every `q` (save) operator and every change of font, is
 * `Object.assign(Object.create(this), this)` — it makes each saved text state the *prototype*
 * of the next. Every state holds all its fields as own properties, so the copy needs nothing
 * from its prototype; but V8 turns each object used as a prototype into a prototype map and
 * gives every clone a map of its own, and that made `clone` alone more than half of bare
 * pdfjs-dist's `getTextContent` CPU time on the corpus PDFs (Word exports wrap every run of
 * text in q … Q). The fixed clone takes the class's own prototype: the same object, field for
 * field, without the prototype chain. (`EvalState.clone`, which does rely on its chain, is left
 * alone.)
 *
 * A second change, for the same reason: on Node (no FontFace API) pdfjs builds the outline of
 * every glyph an operator list shows, to draw text as paths, and posts each outline to the main
 * thread, where it is cloned; solieu's text reader asks for operator lists (drawn lines, font
 * names, widget text) but never draws, and says so by opening its documents with
 * `maxImageSize: NEVER_DRAWN` (no image is decoded either). For such a document the outlines are
 * not built; every other document (the OCR reader's and the review's page images, which draw)
 * gets them as before. Nothing else of an operator list changes: the glyphs it carries are the same.
 *
 * pdfjs looks for `globalThis.pdfjsWorker.WorkerMessageHandler` before it imports its worker
 * file, so the fixed module — the shipped file with those lines changed, evaluated from a
 * `data:` URL — is put there once, before the first `getDocument`. When a line is not found
 * exactly once (another pdfjs-dist version), nothing is put there and pdfjs loads its own worker,
 * unchanged: `test/read/pdf/pdfjs-worker.test.ts` fails then, so that the fixes are looked at again.
 * pdfjs keeps the worker it found first for the whole thread: a `getDocument` made before this
 * ran leaves the thread on the shipped worker — slower, same text (the text and OCR readers both put
 * it there first; the review's page images do not).
 */

/** The `maxImageSize` of a document that is never drawn: no image is decoded, and no glyph outline built. */
export const NEVER_DRAWN = 1;

/** The changes made to the shipped worker: each line as shipped and as run. */
export const WORKER_FIXES: readonly { shipped: string; fixed: string }[] = [
  {
    shipped: 'const clone = Object.assign(Object.create(this), this);\n    clone.textMatrix = this.textMatrix.slice();',
    fixed: 'const clone = Object.assign(Object.create(Object.getPrototypeOf(this)), this);\n    clone.textMatrix = this.textMatrix.slice();',
  },
  {
    shipped: '|| font.disableFontFace) {\n        PartialEvaluator.buildFontPaths(font, glyphs, this.handler, this.options);',
    fixed: `|| font.disableFontFace) {\n        if (this.options.maxImageSize !== ${NEVER_DRAWN}) PartialEvaluator.buildFontPaths(font, glyphs, this.handler, this.options);`,
  },
];

interface WorkerModule {
  WorkerMessageHandler: unknown;
}

declare global {
  var pdfjsWorker: WorkerModule | undefined;
}

/** The worker's source with the fixes, or undefined when the shipped file does not hold each line once. */
export function fixedWorkerSource(source: string): string | undefined {
  let out = source;
  for (const { shipped, fixed } of WORKER_FIXES) {
    const at = out.indexOf(shipped);
    if (at < 0 || out.indexOf(shipped, at + 1) >= 0) return undefined;
    out = out.slice(0, at) + fixed + out.slice(at + shipped.length);
  }
  return out;
}

let installed: Promise<boolean> | undefined;

/**
 * Put the fixed worker module where pdfjs looks for it (once per thread); resolves to whether it
 * is in use. A worker module put there by someone else is left as it is.
 */
export function useFixedPdfjsWorker(): Promise<boolean> {
  return (installed ??= install());
}

/**
 * The fixed worker as the build writes it beside the compiled module (`scripts/build-startup.ts`):
 * Node compiles a module file in about two thirds of the time of the same module from a `data:`
 * URL (~40 ms less, in every thread that reads a PDF). Its first line names the pdfjs-dist version
 * and the fixes it was made with; a file made for another version or other fixes is not used.
 */
export const PREBUILT_WORKER = fileURLToPath(new URL('./pdf.worker.fixed.mjs', import.meta.url));

/**
 * The same as a script, and V8's code cache of it, both written by the build
 * (pdfjs-worker-script.ts): loaded faster still than the module file, and its functions come compiled.
 */
export const PREBUILT_WORKER_SCRIPT: WorkerScriptFiles = {
  script: fileURLToPath(new URL('./pdf.worker.fixed.script', import.meta.url)),
  cache: fileURLToPath(new URL('./pdf.worker.fixed.script.cache', import.meta.url)),
  module: PREBUILT_WORKER,
};

/** The first line of the prebuilt worker made for this pdfjs-dist and these fixes. */
export function prebuiltWorkerHeader(): string {
  const require = createRequire(import.meta.url);
  const { version } = require('pdfjs-dist/package.json') as { version: string };
  const fixes = createHash('sha256').update(JSON.stringify(WORKER_FIXES)).digest('hex').slice(0, 16);
  return `// solieu: pdf.worker.mjs of pdfjs-dist ${version} with the fixes ${fixes} (src/read/pdf/pdfjs-worker.ts)`;
}

function firstBytes(path: string, n: number): string {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    return buf.subarray(0, readSync(fd, buf, 0, n, 0)).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** Where the fixed worker module comes from: the prebuilt file when it is the right one, else a `data:` URL of the fixed source. */
function fixedWorkerUrl(): string | undefined {
  if (existsSync(PREBUILT_WORKER) && firstBytes(PREBUILT_WORKER, 512).startsWith(`${prebuiltWorkerHeader()}\n`)) return pathToFileURL(PREBUILT_WORKER).href;
  const path = createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.worker.mjs');
  const fixed = fixedWorkerSource(readFileSync(path, 'utf8'));
  // From a data: URL the module has no folder of its own; it needs none: on Node its WebAssembly
  // decoders and font data are read by the main-thread side from the folders pdfjsParams gives.
  return fixed === undefined ? undefined : `data:text/javascript;base64,${Buffer.from(fixed).toString('base64')}`;
}

/** The fixed worker from its prebuilt script, when the build wrote it for this pdfjs-dist and these fixes (beside the module file it stands for). */
function scriptWorker(): WorkerModule | undefined {
  const files = PREBUILT_WORKER_SCRIPT;
  if (!existsSync(files.script) || !existsSync(files.module) || !firstBytes(files.script, 512).startsWith(`${prebuiltWorkerHeader()}\n`)) return undefined;
  return { WorkerMessageHandler: loadWorkerScript(files).WorkerMessageHandler };
}

async function install(): Promise<boolean> {
  if (globalThis.pdfjsWorker) return false;
  const script = scriptWorker();
  if (script) {
    globalThis.pdfjsWorker = script;
    return true;
  }
  const url = fixedWorkerUrl();
  if (!url) return false;
  const module = (await import(url)) as WorkerModule;
  globalThis.pdfjsWorker ??= { WorkerMessageHandler: module.WorkerMessageHandler };
  return true;
}

/**
 * Put pdfjs-dist's worker module as it ships where pdfjs looks for it, unless one is there: for a
 * bench or a check that compares solieu with bare pdfjs-dist in one thread (the thread keeps the
 * first worker it loads, so both then read with the shipped one).
 */
export async function useShippedPdfjsWorker(): Promise<void> {
  if (globalThis.pdfjsWorker) return;
  const path = createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.worker.mjs');
  const module = (await import(pathToFileURL(path).href)) as WorkerModule;
  globalThis.pdfjsWorker ??= { WorkerMessageHandler: module.WorkerMessageHandler };
}
