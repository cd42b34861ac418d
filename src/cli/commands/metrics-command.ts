import type { Command } from 'commander';
import { DB_HELP, dbLocation, openDb } from '../../store/open-db.js';
import { factMetrics } from '../../store/fact-query.js';
import { METRIC_CATALOG } from '../../../schemas/metric-catalog.js';
import { unmatchedPhrases } from '../../resolve/unmatched-report.js';

export function registerMetrics(program: Command): void {
  program
    .command('metrics')
    .description('the canonical metric catalog, or (--unmatched) frequent metric phrases with no canonical metric')
    .option('--db <file|url>', DB_HELP)
    .option('--unmatched', 'list frequent metric phrases of stored facts that map to no canonical metric', false)
    .option('--limit <n>', 'how many phrases', '50')
    .action(async (o: { db?: string; unmatched: boolean; limit: string }) => {
      if (!o.unmatched) {
        for (const m of METRIC_CATALOG) process.stdout.write(`${m.id.padEnd(36)} ${m.kind.padEnd(8)} ${m.base_unit.padEnd(14)} ${m.name}\n`);
        return;
      }
      const db = await openDb(dbLocation(o.db), { readonly: true });
      try {
        for (const p of unmatchedPhrases(await factMetrics(db), Number(o.limit) || 50)) process.stdout.write(`${String(p.count).padStart(5)}  ${p.phrase}\n`);
      } finally {
        await db.close();
      }
    });
}
