import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Message } from '../../../schemas/message.js';
import { DocumentFailure, type SourceFile } from '../../core/source-file.js';
import type { InflateLimits } from '../inflate-limits.js';
import type { PageRuns, PageRunsOptions } from './pdf-page-runs.js';

/**
 * The PDF reader's pdfjs work (pdf-page-runs.ts: open the document, each page's text, font names
 * and drawn lines) in a thread of its own, for a process that reads one file with a core to spare
 * — `solieu ingest` of a single file. The thread is started before anything else is loaded and
 * given the file's path: it loads pdfjs and reads the file at once, page after page, while the
 * main thread loads the store and the pipeline's modules and opens the database, and never loads
 * pdfjs itself. When the read stage reaches the file it sends its bytes and options; the thread
 * answers with the pages' runs (plain data) and the messages it left, which the reader adds to
 * the file in their place. What was read ahead is used only for the same bytes and the reader's
 * default options; anything else is read again from what was sent.
 *
 * Only where a core would otherwise stay idle: in a batch every core already reads its own files.
 * The text read is the same (the same module, in another thread: pdfjs-thread-entry.ts).
 */

/** The file to read ahead, given to the thread when it starts. */
export interface ReadAhead {
  path: string;
  /** A larger file is not read ahead (the read stage refuses it). */
  maxBytes: number;
  /** A PDF whose streams inflate past these is not read ahead (pdf-stream-check.ts; the read stage fails it). */
  limits: InflateLimits;
}

/** Asked of the thread: the page runs of these bytes. */
export interface PageRunsRequest {
  id: number;
  path: string;
  bytes: Uint8Array;
  options: PageRunsOptions;
}

/** The thread's answer: the runs, or the failure (`SourceFile.fail`) or error that ended the read; the messages left on the file either way. */
export interface PageRunsReply {
  id: number;
  messages: Message[];
  runs?: PageRuns;
  failure?: { reason: string; rule: string };
  error?: string;
}

interface PdfjsThread {
  worker: Worker;
  /** Rejects when the thread ends while it is in use (out of memory on a huge file, say). */
  died: Promise<never>;
  waiting: Map<number, (reply: PageRunsReply) => void>;
}

let thread: PdfjsThread | undefined;
let nextId = 1;

/** The compiled entry of the thread (absent when running from the TypeScript sources: then pdfjs runs in the calling thread). */
function threadEntry(): string | undefined {
  const path = fileURLToPath(new URL('./pdfjs-thread-entry.js', import.meta.url));
  return existsSync(path) ? path : undefined;
}

/** Start the pdfjs thread (once per process), reading `ahead` at once if given; whether it runs. PDFs read afterwards in this thread are read there. */
export function startPdfjsThread(ahead?: ReadAhead): boolean {
  if (thread) return true;
  const entry = threadEntry();
  if (!entry) return false;
  const worker = new Worker(entry, { workerData: { ahead } });
  const waiting = new Map<number, (reply: PageRunsReply) => void>();
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
  worker.on('message', (reply: PageRunsReply) => {
    const done = waiting.get(reply.id);
    waiting.delete(reply.id);
    done?.(reply);
  });
  worker.unref();
  thread = { worker, died, waiting };
  return true;
}

/** Whether the pdfjs thread runs. */
export function pdfjsThread(): boolean {
  return thread !== undefined;
}

/**
 * The page runs of `file`, read in the pdfjs thread; its messages are added to `file` as the
 * read in this thread would have added them, and a failure there fails the file here. Rejects
 * if the thread ends before it answers.
 */
export async function pageRunsInThread(file: SourceFile, options: PageRunsOptions): Promise<PageRuns> {
  const t = thread;
  if (!t) throw new Error('the pdfjs thread is not running');
  const id = nextId++;
  const answer = new Promise<PageRunsReply>((resolve) => t.waiting.set(id, resolve));
  const request: PageRunsRequest = { id, path: file.path, bytes: file.bytes, options };
  // held while it owes an answer: an unref'd thread would let the process end before it came
  t.worker.ref();
  t.worker.postMessage(request);
  try {
    const reply = await Promise.race([answer, t.died]);
    file.messages.push(...reply.messages);
    if (reply.failure) throw new DocumentFailure(reply.failure.reason, reply.failure.rule);
    if (reply.error !== undefined || !reply.runs) throw new Error(reply.error ?? 'the pdfjs thread gave no pages');
    return reply.runs;
  } finally {
    t.waiting.delete(id);
    if (t.waiting.size === 0) t.worker.unref();
  }
}

/** Stop the pdfjs thread if it runs (nothing may be read through it afterwards). */
export async function stopPdfjsThread(): Promise<void> {
  const t = thread;
  if (!t) return;
  thread = undefined;
  await t.worker.terminate();
}
