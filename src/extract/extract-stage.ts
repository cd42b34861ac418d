import { z } from '../../schemas/zod.js';
import { parseOptions, type Stage } from '../core/stage.js';
import { extractFacts } from './fact-extractor.js';
import { annotateCellFacts, extractTableFacts } from './table-facts.js';

export const ExtractOptions = z.object({
  enabled: z.boolean().default(true),
  /** Read table cells as cells (row and column labels); off: cells are read like sentences. */
  tables: z.boolean().default(true),
});
export type ExtractOptions = z.input<typeof ExtractOptions>;

/**
 * The extract stage: fills `doc.facts` from the segmented blocks. Figure cells of tables are read
 * by the table reader; every other block (running-text cells included) by the sentence extractor,
 * whose facts inside a table get the cell's row and column.
 */
export function createExtractStage(options?: ExtractOptions): Stage {
  const opts = parseOptions('extract', ExtractOptions, options);
  return (doc, file) => {
    if (!opts.enabled) return doc;
    const table = opts.tables ? extractTableFacts(doc) : { facts: [], handled: new Set<number>() };
    const rest = table.handled.size > 0 ? { ...doc, blocks: doc.blocks.filter((b) => !table.handled.has(b.id)) } : doc;
    const sentences = opts.tables ? annotateCellFacts(doc, extractFacts(rest)) : extractFacts(rest);
    // (every fact's confidence, table cells' and sentences' alike, comes from the score stage, once all evidence is in)
    const facts = [...table.facts, ...sentences].sort((a, b) => a.prov.start - b.prov.start || a.prov.end - b.prov.end);
    if (table.facts.length > 0) file.info(`${table.facts.length} fact(s) read from table cells`, 'extract:table-cells');
    if (doc.blocks.length > 0 && facts.length === 0) file.info('no numeric facts found', 'extract:no-facts');
    return { ...doc, facts };
  };
}
