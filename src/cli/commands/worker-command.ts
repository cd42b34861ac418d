import { Option, type Command } from 'commander';
import { isPostgresUrl } from '../../store/db.js';
import { DB_HELP, dbLocation, openDb } from '../../store/open-db.js';
import { parsePositiveInt } from '../option-parsers.js';
import { printable } from '../printable.js';

export function registerWorker(program: Command, exit: (code: number) => void): void {
  program
    .command('worker')
    .description(
      'read the documents queued by `ingest --queue` (PostgreSQL), on any number of machines, each committed in one transaction; a scan is read page by page by all the workers',
    )
    .option('--db <url>', DB_HELP)
    .option(
      '--concurrency <n>',
      'jobs run at once by this process: documents, and pages of scans to OCR (run one worker process per core)',
      parsePositiveInt,
      1,
    )
    .option('--drain', 'exit when no job is left (queued, waiting for a retry, or running elsewhere), for scripts and tests', false)
    .option('--ocr <mode>', 'auto: OCR pages without a usable text layer; always; never', 'auto')
    .addOption(new Option('--ocr-engine <engine>', 'auto, wasm or native (as ingest)').default('auto'))
    .option('--supervise-every <seconds>', "how often expired leases (a killed worker's documents) are looked for", parsePositiveInt, 60)
    .option('--quiet', 'only failures and the summary', false)
    .addHelpText(
      'after',
      `
Start as many workers as there are cores, on as many machines as reach the database:
  solieu ingest reports/ --queue --db postgres://solieu@db-host/solieu
  solieu worker --db postgres://solieu@db-host/solieu --concurrency 1
  solieu status --db postgres://solieu@db-host/solieu             queue depth, workers, rate, ETA`,
    )
    .action(async (o: { db?: string; concurrency: number; drain: boolean; ocr: string; ocrEngine: string; superviseEvery: number; quiet: boolean }) => {
      const location = dbLocation(o.db);
      if (!isPostgresUrl(location)) throw new Error(`solieu worker takes its jobs from a PostgreSQL database: give --db postgres://… (got ${location})`);
      if (!['auto', 'always', 'never'].includes(o.ocr)) throw new Error(`--ocr must be auto, always or never (got "${o.ocr}")`);
      if (!['auto', 'wasm', 'native'].includes(o.ocrEngine)) throw new Error(`--ocr-engine must be auto, wasm or native (got "${o.ocrEngine}")`);
      let engine: 'wasm' | 'native' = o.ocrEngine === 'native' ? 'native' : 'wasm';
      if (o.ocr !== 'never' && o.ocrEngine !== 'wasm') {
        const { chooseOcrEngine } = await import('../../read/ocr/ocr-native-engine.js');
        engine = chooseOcrEngine(o.ocrEngine as 'auto' | 'native');
      }
      const db = await openDb(location);
      const { startQueue } = await import('../../queue/document-queue.js');
      const { runWorker } = await import('../../queue/queue-worker.js');
      const { createDocumentReader } = await import('../../queue/document-reader.js');
      const { createQueueErrorReporter } = await import('../../queue/queue-errors.js');
      const report = createQueueErrorReporter((line) => process.stderr.write(`${printable(line)}\n`));
      const boss = await startQueue(location, { supervise: true, superviseSeconds: o.superviseEvery, onError: report });
      const reader = createDocumentReader({ read: { ocr: o.ocr as 'auto' | 'always' | 'never', ocrEngine: engine }, ocr: { workers: 1 } });
      const log = (line: string) => {
        if (!o.quiet || line.startsWith('✗')) process.stderr.write(`${printable(line)}\n`);
      };
      try {
        const s = await runWorker(db, boss, reader, {
          concurrency: o.concurrency,
          drain: o.drain,
          pollSeconds: 0.5,
          log,
          report,
          throwOn: process.env.SOLIEU_FAULT_THROW_ON || undefined,
        });
        process.stdout.write(`worker: ${s.documents} document(s) stored, ${s.failed} failed, ${s.pages} scan page(s) read → ${db.name}\n`);
        exit(0);
      } finally {
        await reader.close();
        await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
        await db.close();
      }
    });
}
