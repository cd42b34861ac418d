import { correctionsOf } from '../../store/correction-history.js';
import type { Db } from '../../store/db.js';

/** Print the corrections of one fact (matched by document, quote and position), oldest first. */
export async function printHistory(db: Db, factId: number, json: boolean): Promise<number> {
  const found = await correctionsOf(db, factId);
  if (!found) {
    process.stderr.write(`solieu: no fact with id ${factId}\n`);
    return 1;
  }
  const rows = found.corrections;
  for (const r of rows) {
    const before: Record<string, unknown> = r.before;
    const after: Record<string, unknown> = r.after;
    if (json) {
      process.stdout.write(`${JSON.stringify({ id: r.id, action: r.action, reviewer: r.reviewer, at: r.at, before, after })}\n`);
      continue;
    }
    const changed = Object.keys(after).filter((k) => JSON.stringify(after[k]) !== JSON.stringify(before[k]));
    process.stdout.write(
      `${r.at}  ${r.reviewer}  ${r.action}${changed.length ? `: ${changed.map((k) => `${k} ${JSON.stringify(before[k])} → ${JSON.stringify(after[k])}`).join(', ')}` : ''}\n`,
    );
  }
  if (!json && rows.length === 0) process.stdout.write(`fact ${factId} «${found.fact.quote}» has not been reviewed\n`);
  return 0;
}
