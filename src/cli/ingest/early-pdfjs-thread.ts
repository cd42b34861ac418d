import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { DEFAULT_INFLATE_LIMITS } from '../../read/inflate-limits.js';
import { startPdfjsThread } from '../../read/pdf/pdfjs-thread.js';

/**
 * `solieu ingest` of one PDF starts its pdfjs thread (src/read/pdf/pdfjs-thread.ts) before
 * anything else loads — the command line's parser, the command, the store — read from the
 * command line as typed. Only the plain case is recognised: one argument that names a `.pdf`
 * file, no `--queue`, no `--max-size`, no `--concurrency 1` (nor one core), no `--ocr always`, no help; anything
 * else is left to the command, which starts the thread itself when it should
 * (ingest-command.ts) and stops one started here that it does not use.
 *
 * bin/solieu.js calls it first, before it loads the CLI (the build makes this module an entry of
 * its own, sharing the pdfjs thread's module with the command: scripts/build-startup.ts), and
 * main.ts again (started once: the second call finds the thread running).
 */

/** The options of `ingest` that take a value (the next argument, or after `=`). */
const VALUE_OPTIONS = new Set(['--db', '--concurrency', '--ocr', '--ocr-engine', '--max-size', '--store', '--retries', '--retry-delay', '--lease']);
/** Options after which the thread is not started here. */
const NOT_HERE = new Set(['--queue', '--max-size', '--help', '-h']);

/** The one PDF of `solieu ingest <file.pdf> [options]`, as an absolute path, or undefined when the command line is anything else. */
export function singlePdfToIngest(argv: readonly string[], cores = availableParallelism()): string | undefined {
  if (argv[2] !== 'ingest') return undefined;
  const inputs: string[] = [];
  let concurrency = cores;
  for (let i = 3; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      inputs.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-')) {
      inputs.push(arg);
      continue;
    }
    const at = arg.indexOf('=');
    const name = at < 0 ? arg : arg.slice(0, at);
    if (NOT_HERE.has(name)) return undefined;
    if (!VALUE_OPTIONS.has(name)) continue;
    const value = at < 0 ? argv[++i] : arg.slice(at + 1);
    if (name === '--concurrency') concurrency = Number(value);
    // every page is OCR'd: the text reader does not run
    if (name === '--ocr' && value === 'always') return undefined;
  }
  if (inputs.length !== 1 || !(concurrency > 1) || !/\.pdf$/i.test(inputs[0])) return undefined;
  try {
    return statSync(inputs[0]).isFile() ? resolve(inputs[0]) : undefined;
  } catch {
    return undefined;
  }
}

/** Start the pdfjs thread now, reading ahead the one PDF of this command line; whether it was started (or runs already). */
export async function startPdfjsThreadEarly(argv: readonly string[]): Promise<boolean> {
  const path = singlePdfToIngest(argv);
  if (!path) return false;
  // the default --max-size (a command line with --max-size is not read ahead)
  return startPdfjsThread({ path, maxBytes: 200 * 1024 * 1024, limits: DEFAULT_INFLATE_LIMITS });
}
