import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/**
 * pdfjs-dist's worker module (the part that parses PDFs; on Node it runs in this thread, as
 * pdfjs's "fake worker") with one fix, for speed: `TextState.clone()`, called by
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
 * pdfjs looks for `globalThis.pdfjsWorker.WorkerMessageHandler` before it imports its worker
 * file, so the fixed module — the shipped file with that one line changed, evaluated from a
 * `data:` URL — is put there once, before the first `getDocument`. When the line is not found
 * (another pdfjs-dist version), nothing is put there and pdfjs loads its own worker, unchanged:
 * `test/read/pdfjs-worker.test.ts` fails then, so that the fix is looked at again. pdfjs keeps
 * the worker it found first for the whole thread: a `getDocument` made before this ran (the OCR
 * reader's, with `--ocr always`) leaves the thread on the shipped worker — slower, same text.
 */

const STOCK = 'const clone = Object.assign(Object.create(this), this);\n    clone.textMatrix = this.textMatrix.slice();';
const FIXED = 'const clone = Object.assign(Object.create(Object.getPrototypeOf(this)), this);\n    clone.textMatrix = this.textMatrix.slice();';

interface WorkerModule {
  WorkerMessageHandler: unknown;
}

declare global {
  var pdfjsWorker: WorkerModule | undefined;
}

/** The worker's source with the fix, or undefined when the shipped file does not hold the line once. */
export function fixedWorkerSource(source: string): string | undefined {
  const at = source.indexOf(STOCK);
  if (at < 0 || source.indexOf(STOCK, at + 1) >= 0) return undefined;
  return source.slice(0, at) + FIXED + source.slice(at + STOCK.length);
}

let installed: Promise<boolean> | undefined;

/**
 * Put the fixed worker module where pdfjs looks for it (once per thread); resolves to whether it
 * is in use. A worker module put there by someone else is left as it is.
 */
export function useFixedPdfjsWorker(): Promise<boolean> {
  return (installed ??= install());
}

async function install(): Promise<boolean> {
  if (globalThis.pdfjsWorker) return false;
  const path = createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.worker.mjs');
  const fixed = fixedWorkerSource(readFileSync(path, 'utf8'));
  if (!fixed) return false;
  // From a data: URL the module has no folder of its own; it needs none: on Node its WebAssembly
  // decoders and font data are read by the main-thread side from the folders pdfjsParams gives.
  const module = (await import(`data:text/javascript;base64,${Buffer.from(fixed).toString('base64')}`)) as WorkerModule;
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
