import type { Command } from 'commander';
import { DB_HELP, dbLocation, openDb } from '../../store/open-db.js';
import { findDocumentId, getDocumentSummary } from '../../store/document-query.js';
import { getDocumentTables } from '../../store/table-query.js';
import { renderTableGrid } from './table-grid-printer.js';

/** A heading the segmenter is less sure of than this is marked doubtful (issue 17). */
export const DOUBTFUL_SECTION = 0.6;

export function registerShow(program: Command, exit: (code: number) => void): void {
  program
    .command('show')
    .description("print a stored report's metadata, heading tree and tables")
    .argument('<doc>', 'document id (or prefix), file name or path')
    .option('--db <file|url>', DB_HELP)
    .option(
      '--json',
      'print JSON: {doc_id, file, title, province, agency, doc_number, issue_date, report_period, report_type, status, sections, messages, tables}',
      false,
    )
    .action(async (ref: string, o: { db?: string; json: boolean }) => {
      const db = await openDb(dbLocation(o.db), { readonly: true });
      try {
        const id = await findDocumentId(db, ref);
        const d = id ? await getDocumentSummary(db, id) : undefined;
        if (!d) {
          process.stderr.write(`solieu: no document "${ref}" in ${db.name} (try: solieu status --db ${db.name})\n`);
          exit(1);
          return;
        }
        const tables = id ? await getDocumentTables(db, id) : [];
        if (o.json) {
          const { doc_id, file, title, province, agency, doc_number, issue_date, report_period, report_type, status, messages } = d;
          const sections = d.sections.map(({ path, title: t, page }) => ({ path, title: t, page }));
          process.stdout.write(
            `${JSON.stringify({ doc_id, file, title, province, agency, doc_number, issue_date, report_period, report_type, status, sections, messages, tables }, null, 2)}\n`,
          );
          return;
        }
        const line = (k: string, v: string | number | null) => process.stdout.write(`${k.padEnd(14)}${v ?? '—'}\n`);
        line('document', `${d.doc_id}  ${d.file}`);
        line('status', d.status);
        line('title', d.title);
        line('type', d.report_type);
        line('province', d.province);
        line('agency', d.agency);
        line('number', d.doc_number);
        line('issued', d.issue_date);
        line('period', d.report_period);
        line('pages', d.pages);
        line('facts', d.facts);
        const doubtful = d.sections.filter((s) => s.confidence !== null && s.confidence < DOUBTFUL_SECTION);
        process.stdout.write(
          `\nsections (${d.sections.length}${doubtful.length ? `; ${doubtful.length} doubtful, marked ?: the segmenter's confidence below ${DOUBTFUL_SECTION}` : ''}):\n`,
        );
        for (const s of d.sections) {
          const mark = s.confidence !== null && s.confidence < DOUBTFUL_SECTION ? ` ? (${s.confidence.toFixed(2)})` : '';
          process.stdout.write(`${'  '.repeat(s.level + 1)}${s.path.padEnd(12)} ${s.title}  [p.${s.page}]${mark}\n`);
        }
        if (tables.length) {
          process.stdout.write(`\ntables (${tables.length}):\n`);
          for (const t of tables) process.stdout.write(`${renderTableGrid(t).join('\n')}\n\n`);
        }
        if (d.messages.length) {
          process.stdout.write(`\nmessages:\n`);
          for (const m of d.messages) process.stdout.write(`  ${m.severity.padEnd(5)} ${m.rule}: ${m.reason}${m.place?.page ? ` (p.${m.place.page})` : ''}\n`);
        }
      } finally {
        await db.close();
      }
    });
}
