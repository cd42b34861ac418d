import type Database from 'better-sqlite3';

interface HistoryRow {
  id: number;
  action: string;
  reviewer: string;
  at: string;
  before_json: string;
  after_json: string;
}

/** Print the corrections of one fact (matched by document, quote and position), oldest first. */
export async function printHistory(db: Database.Database, factId: number, json: boolean): Promise<number> {
  const fact = db.prepare('SELECT doc_id, start, quote FROM facts WHERE id = ?').get(factId) as { doc_id: string; start: number; quote: string } | undefined;
  if (!fact) {
    process.stderr.write(`solieu: no fact with id ${factId}\n`);
    return 1;
  }
  const rows = db
    .prepare('SELECT id, action, reviewer, at, before_json, after_json FROM corrections WHERE doc_id = ? AND quote = ? AND fact_start = ? ORDER BY id')
    .all(fact.doc_id, fact.quote, fact.start) as HistoryRow[];
  for (const r of rows) {
    const before = JSON.parse(r.before_json) as Record<string, unknown>;
    const after = JSON.parse(r.after_json) as Record<string, unknown>;
    if (json) {
      process.stdout.write(`${JSON.stringify({ id: r.id, action: r.action, reviewer: r.reviewer, at: r.at, before, after })}\n`);
      continue;
    }
    const changed = Object.keys(after).filter((k) => JSON.stringify(after[k]) !== JSON.stringify(before[k]));
    process.stdout.write(
      `${r.at}  ${r.reviewer}  ${r.action}${changed.length ? `: ${changed.map((k) => `${k} ${JSON.stringify(before[k])} → ${JSON.stringify(after[k])}`).join(', ')}` : ''}\n`,
    );
  }
  if (!json && rows.length === 0) process.stdout.write(`fact ${factId} «${fact.quote}» has not been reviewed\n`);
  return 0;
}
