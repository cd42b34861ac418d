import { Option, type Command } from 'commander';
import { availableParallelism } from 'node:os';
import { DB_HELP, dbLocation, isPostgresUrl } from '../../store/db-location.js';
import { collectInputs } from '../ingest/collect-inputs.js';
import { createProgressReporter } from '../ingest/progress-reporter.js';
import { parseMegabytes, parsePositiveInt } from '../option-parsers.js';
import { printable } from '../printable.js';
import { DEFAULT_INFLATE_LIMITS } from '../../read/inflate-limits.js';

/** How the summary names the OCR engine that ran. */
const ENGINE_NAME = { native: 'native tesseract', wasm: 'tesseract.js' } as const;

export function registerIngest(program: Command, exit: (code: number) => void): void {
  program
    .command('ingest')
    .description('read reports (.pdf .docx .doc .txt .md; folders recursively; globs) and store their sections and facts')
    .argument('<inputs...>', 'files, folders or glob patterns')
    .option('--db <file|url>', DB_HELP)
    .option('--concurrency <n>', 'files processed at once, each in its own worker thread', parsePositiveInt, Math.max(1, availableParallelism()))
    .option('--ocr <mode>', 'auto: OCR pages without a usable text layer; always; never', 'auto')
    .option(
      '--ocr-engine <engine>',
      'auto: native when the tesseract command is installed, else wasm; wasm: tesseract.js, nothing to install; native: the tesseract command (apt-get install tesseract-ocr) with the same Vietnamese model, 1.3-1.6x faster per page on CPUs with AVX2',
      'auto',
    )
    .option('--force', 're-process files already stored with the same content', false)
    .addOption(new Option('--max-size <MB>', 'refuse files larger than this many megabytes').argParser(parseMegabytes).default(200 * 1024 * 1024, '200'))
    .option('--quiet', 'no progress, only failures and the summary', false)
    .option('--queue', 'do not read here: store each file once and queue one job per document for `solieu worker` (needs --db postgres://…)', false)
    .option('--store <dir>', 'with --queue: keep the files in this shared folder (mounted at the same path on every worker) instead of in the database')
    .option('--retries <n>', 'with --queue: tries after the first before a document is failed for good', parseCount, 3)
    .option('--retry-delay <seconds>', 'with --queue: seconds before the first retry, doubled each time', parseCount, 30)
    .option(
      '--lease <seconds>',
      'with --queue: a document read longer than this is taken from its worker and given to another (a killed worker, a lost machine)',
      parsePositiveInt,
      1800,
    )
    .addHelpText(
      'after',
      `
Each document is committed in one transaction: re-running the same command after a crash
finishes the batch without duplicates. Files whose content is already stored are skipped.
Exit status: 0 when every file was stored (ok or partial), 1 when any failed.

Examples:
  solieu ingest reports/ --db archive.db
  solieu ingest "scans/**/*.pdf" --ocr always --concurrency 2
  solieu ingest scans/ --ocr-engine native                       (with tesseract-ocr installed)`,
    )
    .action(
      async (
        inputs: string[],
        o: {
          db?: string;
          concurrency: number;
          ocr: string;
          ocrEngine: string;
          force: boolean;
          maxSize: number;
          quiet: boolean;
          queue: boolean;
          store?: string;
          retries: number;
          retryDelay: number;
          lease: number;
        },
      ) => {
        if (!['auto', 'always', 'never'].includes(o.ocr)) throw new Error(`--ocr must be auto, always or never (got "${o.ocr}")`);
        if (!['auto', 'wasm', 'native'].includes(o.ocrEngine)) throw new Error(`--ocr-engine must be auto, wasm or native (got "${o.ocrEngine}")`);
        const engine = o.ocrEngine as 'auto' | 'wasm' | 'native';
        if (o.ocr !== 'never' && engine === 'native') {
          const { nativeTesseractVersion } = await import('../../read/ocr/ocr-native-engine.js');
          if (!nativeTesseractVersion())
            throw new Error('--ocr-engine native needs the tesseract command (Debian: apt-get install tesseract-ocr); or use --ocr-engine wasm');
        }
        const { files, problems } = await collectInputs(inputs);
        for (const p of problems) process.stderr.write(`solieu: ${p}\n`);
        if (files.length === 0) {
          // Nothing to read: no database is created and no progress is shown.
          process.stderr.write(`solieu: nothing to ingest; ${dbLocation(o.db)} was not touched\n`);
          exit(1);
          return;
        }
        if (o.store && !o.queue) throw new Error('--store is for --queue (the shared folder the workers read the files from)');
        if (o.queue) {
          exit(await enqueue(dbLocation(o.db), files, o, problems.length));
          return;
        }
        // One PDF, a core to spare: pdfjs reads it in a thread of its own, started now so that it reads while this one opens the database and loads the pipeline
        // (main.ts may have started it already, from the command line as typed: one it should not have is stopped)
        const pdfjsThread = await import('../../read/pdf/pdfjs-thread.js');
        if (files.length === 1 && o.concurrency > 1 && o.ocr !== 'always' && /\.pdf$/i.test(files[0]))
          pdfjsThread.startPdfjsThread({ path: files[0], maxBytes: o.maxSize, limits: DEFAULT_INFLATE_LIMITS });
        else await pdfjsThread.stopPdfjsThread();
        // the store (its driver, Kysely, the schemas) loads after the pdfjs thread started
        const { openDb } = await import('../../store/open-db.js');
        const db = await openDb(dbLocation(o.db));
        try {
          // Loaded here, not at start-up: the pipeline (pdfjs, jszip, tesseract.js) would slow every other command.
          const { ingestBatch } = await import('../ingest/ingest-batch.js');
          const summary = await ingestBatch(db, {
            files,
            // `auto` is decided where the first page to OCR is read (ocr-scheduler.ts): a PDF with its text runs no `tesseract --version`
            pipeline: { read: { ocr: o.ocr as 'auto' | 'always' | 'never', ocrEngine: engine, maxBytes: o.maxSize } },
            concurrency: Math.min(o.concurrency, Math.max(1, files.length)),
            force: o.force,
            maxBytes: o.maxSize,
            command: `ingest ${inputs.join(' ')}`,
            progress: createProgressReporter(process.stderr, o.quiet),
          });
          // the engine that read them: `auto` is asked again here, as the scheduler asked it, only when pages were OCR'd
          const ocrNote = summary.ocrPages
            ? ` (${summary.ocrPages} read by OCR, ${ENGINE_NAME[engine === 'auto' ? (await import('../../read/ocr/ocr-native-engine.js')).chooseOcrEngine('auto') : engine]})`
            : '';
          process.stdout.write(
            `ingested ${summary.seen} file(s): ${summary.stored} stored (${summary.partial} partial), ${summary.skipped} skipped (already stored), ${summary.failed} failed; ${summary.pages} pages${ocrNote}, ${summary.facts} facts → ${db.name}\n`,
          );
          for (const f of summary.failures) process.stdout.write(`  failed: ${printable(f.file)}: ${printable(f.reason)}\n`);
          if (summary.stopped) {
            process.stderr.write(
              `solieu: ingest stopped: ${db.name}: ${summary.stopped}; ${summary.notRead} file(s) not read — free space and run the same command again\n`,
            );
          }
          exit(summary.failed > 0 || summary.stopped || problems.length > 0 ? 1 : 0);
        } finally {
          await pdfjsThread.stopPdfjsThread();
          await db.close();
        }
      },
    );
}

/** `ingest --queue`: store the files and queue their jobs; the exit status. */
async function enqueue(
  location: string,
  files: string[],
  o: { force: boolean; maxSize: number; store?: string; quiet: boolean; retries: number; retryDelay: number; lease: number },
  problems: number,
): Promise<number> {
  if (!isPostgresUrl(location)) throw new Error(`--queue needs a PostgreSQL database for the queue and the workers: give --db postgres://… (got ${location})`);
  const { openDb } = await import('../../store/open-db.js');
  const db = await openDb(location);
  const { startQueue, QueuePolicy } = await import('../../queue/document-queue.js');
  const { enqueueFiles } = await import('../../queue/enqueue-files.js');
  const policy = QueuePolicy.parse({ retries: o.retries, retryDelaySeconds: o.retryDelay, leaseSeconds: o.lease });
  const boss = await startQueue(location, { supervise: false });
  try {
    const s = await enqueueFiles(db, boss, {
      files,
      force: o.force,
      maxBytes: o.maxSize,
      policy,
      ...(o.store ? { storeDir: o.store } : {}),
      log: (line) => {
        if (!o.quiet || line.startsWith('✗')) process.stderr.write(`${printable(line)}\n`);
      },
    });
    process.stdout.write(
      `queued ${s.queued} of ${s.seen} file(s), ${s.skipped} skipped (already stored or queued), ${s.failures.length} failed → ${db.name}; run: solieu worker --db …\n`,
    );
    for (const f of s.failures) process.stdout.write(`  failed: ${printable(f.file)}: ${printable(f.reason)}\n`);
    return s.failures.length > 0 || problems > 0 ? 1 : 0;
  } finally {
    await boss.stop({ graceful: false, wait: true, timeout: 5_000 });
    await db.close();
  }
}

/** A whole number ≥ 0 (`--retries 0`: no retry). */
function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`expected a whole number ≥ 0, got "${value}"`);
  return n;
}
