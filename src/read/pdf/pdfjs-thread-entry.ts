// first: it must see the engine's own builtins before pdfjs-dist's polyfills replace them (pdf-document.ts puts them back)
import './pdfjs-builtins.js';
import { readFile, stat } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { DocumentFailure, SourceFile } from '../../core/source-file.js';
import { sniffFormat } from '../format-sniffer.js';
import { checkPdfStreams } from './pdf-stream-check.js';
import type { PageRunsOptions } from './pdf-page-runs.js';
import type { PageRunsReply, PageRunsRequest, ReadAhead } from './pdfjs-thread.js';

/**
 * The pdfjs thread (pdfjs-thread.ts): reads the file it is given ahead, then answers each request
 * for a PDF's page runs — with what it read ahead when the bytes and options are the same.
 */

/** The options of the text reader as `solieu ingest` runs it (pdf-reader.ts's defaults): the only ones read ahead. */
const READ_AHEAD_OPTIONS: PageRunsOptions = { fontNames: true, ruledTables: true };

type Outcome = Omit<PageRunsReply, 'id'>;

// imported once pdfjs-builtins.ts has run: bundled (scripts/build-startup.ts), a static import could
// put pdf-document.ts in pdfjs-builtins.ts's file, and its pdfjs-dist would be evaluated first
const pageRuns = import('./pdf-page-runs.js');

/** Read the page runs of `file`, as the reader in the calling thread would; what it left on the file comes back as messages. */
async function outcome(file: SourceFile, options: PageRunsOptions): Promise<Outcome> {
  const from = file.messages.length;
  try {
    const runs = await (await pageRuns).collectPageRuns(file, options);
    return { runs, messages: file.messages.slice(from) };
  } catch (error) {
    const messages = file.messages.slice(from);
    if (error instanceof DocumentFailure) return { failure: { reason: error.reason, rule: error.rule }, messages };
    return { error: error instanceof Error ? error.message : String(error), messages };
  }
}

/** The file read ahead: its bytes and what reading them gives; undefined when it is not a PDF the read stage would hand to the reader. */
async function readAhead(ahead: ReadAhead): Promise<{ bytes: Buffer; outcome: Promise<Outcome> } | undefined> {
  try {
    const info = await stat(ahead.path);
    if (!info.isFile() || info.size === 0 || info.size > ahead.maxBytes) return undefined;
    const bytes = await readFile(ahead.path);
    if (bytes.length > ahead.maxBytes) return undefined;
    const file = new SourceFile(ahead.path, bytes);
    const sniffed = sniffFormat(ahead.path, bytes.subarray(0, 4096));
    if ('error' in sniffed || sniffed.format !== 'pdf') return undefined;
    // a PDF whose streams inflate too far is failed by the read stage before pdfjs sees it: never read here
    checkPdfStreams(file, ahead.limits);
    return { bytes, outcome: outcome(file, READ_AHEAD_OPTIONS) };
  } catch {
    return undefined;
  }
}

const { ahead } = workerData as { ahead?: ReadAhead };
let early = ahead ? readAhead(ahead) : undefined;

parentPort?.on('message', (request: PageRunsRequest) => {
  void answer(request).then((reply) => parentPort?.postMessage(reply));
});

async function answer(request: PageRunsRequest): Promise<PageRunsReply> {
  const bytes = Buffer.from(request.bytes.buffer, request.bytes.byteOffset, request.bytes.byteLength);
  const read = await early;
  early = undefined; // used once
  const options = request.options;
  const same = read?.bytes.equals(bytes) && options.fontNames === READ_AHEAD_OPTIONS.fontNames && options.ruledTables === READ_AHEAD_OPTIONS.ruledTables;
  const result = same && read ? await read.outcome : await outcome(new SourceFile(request.path, bytes), options);
  return { id: request.id, ...result };
}
