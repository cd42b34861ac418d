import type { Command } from 'commander';
import { DB_HELP, dbLocation, openDb } from '../../store/open-db.js';
import { queryFacts, toExportRow } from '../../store/fact-query.js';
import { findDocumentId } from '../../store/document-query.js';
import { jsonlRecord } from '../../export/jsonl-writer.js';
import { parseConfidence, parsePositiveInt } from '../option-parsers.js';
import { printHistory } from './history-printer.js';
import { printable } from '../printable.js';

/** The header of `facts`' text output: the first four columns aligned, the rest in the order each line gives them. */
export const FACTS_HEADER = `${'id'.padStart(6)}  ${'conf'}  ${'status'.padEnd(9)} ${'section'.padEnd(10)} value unit  [kind/aspect/direction/approx] period  metric → metric_id  «quote» file:page`;

export function registerFacts(program: Command, exit: (code: number) => void): void {
  program
    .command('facts')
    .description('list stored facts (reviewed values), lowest confidence first (as review shows them), or in document order')
    .option('--db <file|url>', DB_HELP)
    .option('--doc <doc>', 'only this document (id, file name or path)')
    .option('--metric <text>', 'metric phrase or canonical metric id contains this text')
    .option('--below <confidence>', 'only facts with confidence below this', parseConfidence)
    .option('--order <order>', 'confidence: lowest first, then by file and position; document: by file, then position (as export writes them)', 'confidence')
    .option('--limit <n>', 'at most this many facts', parsePositiveInt)
    .option('--json', 'one JSON object per line with the export columns', false)
    .option('--history <factId>', 'show the review history (corrections) of one fact')
    .action(async (o: { db?: string; doc?: string; metric?: string; below?: number; order: string; limit?: number; json: boolean; history?: string }) => {
      if (o.order !== 'confidence' && o.order !== 'document') throw new Error(`--order must be confidence or document (got "${o.order}")`);
      const db = await openDb(dbLocation(o.db), { readonly: true });
      try {
        if (o.history) {
          exit(await printHistory(db, Number(o.history), o.json));
          return;
        }
        const docId = o.doc ? await findDocumentId(db, o.doc) : undefined;
        if (o.doc && !docId) {
          process.stderr.write(`solieu: no document "${o.doc}" in ${db.name}\n`);
          exit(1);
          return;
        }
        const rows = await queryFacts(db, { docId, metric: o.metric, below: o.below, order: o.order, limit: o.limit });
        if (o.json) {
          for (const r of rows) process.stdout.write(`${jsonlRecord(toExportRow(r))}\n`);
          return;
        }
        if (rows.length > 0) process.stdout.write(`${FACTS_HEADER}\n`);
        for (const r of rows) {
          const value = r.of != null ? `${r.value}/${r.of}` : r.value_max != null ? `${r.value}–${r.value_max}` : `${r.value}`;
          process.stdout.write(
            `${String(r.id).padStart(6)}  ${r.confidence.toFixed(2)}  ${r.status.padEnd(9)} ${r.section.padEnd(10)} ${value} ${r.unit}  [${r.kind}/${r.aspect}${r.direction ? `/${r.direction}` : ''}${r.approx !== 'none' ? `/${r.approx}` : ''}] ${r.period || '—'}  ${r.metric}${r.metric_id ? ` → ${r.metric_id}` : ''}  «${r.quote}» ${printable(r.file)}:p${r.page}\n`,
          );
        }
        process.stderr.write(`${rows.length} fact(s)\n`);
      } finally {
        await db.close();
      }
    });
}
