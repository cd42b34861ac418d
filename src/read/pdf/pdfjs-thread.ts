import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, type MessagePort, Worker } from 'node:worker_threads';

/**
 * pdfjs-dist's worker side (the part that parses a PDF: `pdf.worker.mjs`) in a thread of its
 * own, for a process that reads one file with a core to spare — `solieu ingest` of a single
 * file. On Node pdfjs runs its worker side in the calling thread ("fake worker"); here it runs
 * in a worker thread and talks to pdfjs's main side through a `MessagePort`, the same messages,
 * structured-cloned as pdfjs's own loopback port clones them. The thread is started before
 * anything else is loaded, so it compiles pdfjs's 2.3 MB worker module while the main thread
 * loads the store and the pipeline's modules and opens the database; then it parses the PDF
 * while the main thread turns the text of each page into lines.
 *
 * Only where a core would otherwise stay idle: in a batch every core already reads its own files.
 * The text read is the same (the same worker module, solieu's fixes included: pdfjs-thread-entry.ts).
 */

interface PdfjsThread {
  worker: Worker;
  port: MessagePort;
  /** Rejects when the thread ends while it is in use (out of memory on a huge file, say). */
  died: Promise<never>;
}

let thread: PdfjsThread | undefined;

/** The compiled entry of the thread (absent when running from the TypeScript sources: then pdfjs runs in the calling thread). */
function threadEntry(): string | undefined {
  const path = fileURLToPath(new URL('./pdfjs-thread-entry.js', import.meta.url));
  return existsSync(path) ? path : undefined;
}

/** Start the pdfjs thread (once per process); whether it runs. Documents opened afterwards in this thread are parsed there. */
export function startPdfjsThread(): boolean {
  if (thread) return true;
  const entry = threadEntry();
  if (!entry) return false;
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(entry, { workerData: { port: port2 }, transferList: [port2] });
  const died = new Promise<never>((_, reject) => {
    const end = (why: string) => {
      if (thread?.worker === worker) thread = undefined;
      reject(new Error(`the pdfjs thread ended: ${why}`));
    };
    worker.on('error', (err) => end(err.message));
    worker.on('exit', (code) => end(`exit code ${code}`));
  });
  // nobody may be waiting: an unhandled rejection would end the process
  died.catch(() => undefined);
  worker.unref();
  thread = { worker, port: port1, died };
  return true;
}

/** The port of the running pdfjs thread, for pdfjs's `PDFWorker`, and the promise that rejects if the thread ends; undefined without a thread. */
export function pdfjsThread(): { port: MessagePort; died: Promise<never> } | undefined {
  return thread && { port: thread.port, died: thread.died };
}

/** Stop the pdfjs thread if it runs (nothing may be read through it afterwards). */
export async function stopPdfjsThread(): Promise<void> {
  const t = thread;
  if (!t) return;
  thread = undefined;
  t.port.close();
  await t.worker.terminate();
}
