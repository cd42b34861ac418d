import type { Command } from 'commander';
import { DB_HELP, dbLocation, openDb } from '../../store/open-db.js';
import { RunLog } from '../../store/run-log.js';
import { storeTotals } from '../../store/status-query.js';
import { printable } from '../printable.js';
import { printQueueStatus } from './queue-status-printer.js';
import { DOCUMENT_QUEUE } from '../../queue/queue-names.js';

export function registerStatus(program: Command): void {
  program
    .command('status')
    .description('the last ingest runs, their failures, and what the database holds')
    .option('--db <file|url>', DB_HELP)
    .option('--runs <n>', 'how many runs to show', '5')
    .action(async (o: { db?: string; runs: string }) => {
      const db = await openDb(dbLocation(o.db), { readonly: true });
      try {
        const { documents, facts, reviewed } = await storeTotals(db);
        process.stdout.write(`documents: ${documents.map((c) => `${c.n} ${c.status}`).join(', ') || 'none'}; facts: ${facts} (${reviewed} reviewed)\n`);
        await printQueueStatus(db, DOCUMENT_QUEUE, (text) => process.stdout.write(text));
        process.stdout.write('\n');
        for (const r of await new RunLog(db).recent(Number(o.runs) || 5)) {
          process.stdout.write(
            `run ${r.id}  ${r.started_at}${r.finished_at ? '' : '  (did not finish)'}  ${r.extractor_version}\n  ${printable(r.command)}\n  seen ${r.files_seen}, stored ${r.stored}, skipped ${r.skipped}, failed ${r.failed}\n`,
          );
          for (const f of r.failures) process.stdout.write(`    ✗ ${printable(f.file)}: ${printable(f.reason)}\n`);
        }
      } finally {
        await db.close();
      }
    });
}
