import type { Command } from 'commander';
import { DB_HELP, dbLocation, openDb } from '../../store/open-db.js';
import { queryFacts, toExportRow } from '../../store/fact-query.js';
import { FactStatus } from '../../../schemas/fact.js';
import { METRIC_CATALOG } from '../../../schemas/metric-catalog.js';
import { writeCsv } from '../../export/csv-writer.js';
import { writeJsonl } from '../../export/jsonl-writer.js';
import { buildCompareMatrix } from '../../export/compare-matrix.js';
import { sourceRows } from '../../store/source-query.js';
import { parseConfidence } from '../option-parsers.js';

export function registerExport(program: Command, exit: (code: number) => void): void {
  program
    .command('export')
    .description('write the fact table (reviewed values win) to CSV, XLSX or JSON Lines')
    .requiredOption('--format <format>', 'csv (UTF-8 with BOM, for Excel), xlsx (Facts, Compare, Sources sheets) or jsonl')
    .requiredOption('--out <file>', 'output file')
    .option('--db <file|url>', DB_HELP)
    .option('--min-confidence <x>', 'only facts with at least this confidence', parseConfidence)
    .option('--status <list>', 'only these review statuses, comma-separated (auto,accepted,corrected,rejected)')
    .action(async (o: { format: string; out: string; db?: string; minConfidence?: number; status?: string }) => {
      if (!['csv', 'xlsx', 'jsonl'].includes(o.format)) throw new Error(`--format must be csv, xlsx or jsonl (got "${o.format}")`);
      const status = o.status
        ?.split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const bad = status?.filter((s) => !FactStatus.safeParse(s).success) ?? [];
      if (bad.length) throw new Error(`--status: unknown status ${bad.join(', ')} (use auto, accepted, corrected, rejected)`);
      const db = await openDb(dbLocation(o.db), { readonly: true });
      try {
        const rows = (await queryFacts(db, { minConfidence: o.minConfidence, status: status as FactStatus[] | undefined })).map(toExportRow);
        let n: number;
        if (o.format === 'csv') n = await writeCsv(rows, o.out);
        else if (o.format === 'jsonl') n = await writeJsonl(rows, o.out);
        else
          n = await (await import('../../export/xlsx-writer.js')).writeXlsx(
            { rows, compare: buildCompareMatrix(rows, METRIC_CATALOG), sources: await sourceRows(db) },
            o.out,
          );
        process.stdout.write(`wrote ${n} fact(s) to ${o.out}\n`);
        exit(0);
      } finally {
        await db.close();
      }
    });
}
