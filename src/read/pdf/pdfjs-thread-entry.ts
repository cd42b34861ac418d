// first: it must see the engine's own builtins before pdfjs-dist's polyfills replace them
import { restoreBuiltins } from './pdfjs-builtins.js';
import type { MessagePort } from 'node:worker_threads';
import { workerData } from 'node:worker_threads';
import { useFixedPdfjsWorker, useShippedPdfjsWorker } from './pdfjs-worker.js';

/**
 * The pdfjs thread (pdfjs-thread.ts): pdfjs-dist's worker module with solieu's fixes (or as it
 * ships, when the fixes do not apply to this pdfjs-dist), answering pdfjs's main side on the port
 * it is given, as a browser's web worker would.
 */
interface PortHandler {
  initializeFromPort(port: MessagePort): void;
}

const { port } = workerData as { port: MessagePort };
if (!(await useFixedPdfjsWorker())) await useShippedPdfjsWorker();
// the worker module's polyfills replaced them in this thread, as they do in the thread of a fake worker
restoreBuiltins();
const handler = globalThis.pdfjsWorker?.WorkerMessageHandler as PortHandler | undefined;
if (!handler) throw new Error("pdfjs-dist's worker module did not load");
handler.initializeFromPort(port);
