import { sql } from './kysely.js';
import { z } from '../../schemas/zod.js';
import type { Db } from './db.js';
import { parseRows } from './row-parser.js';

/** pg-boss's schema in a solieu database. */
export const QUEUE_SCHEMA = 'pgboss';

const StateCount = z.object({ state: z.string(), n: z.number().int().nonnegative() });
const FailedJob = z.object({
  id: z.string(),
  file: z.string().nullable(),
  retries: z.number().int(),
  reason: z.string().nullable(),
  at: z.string().nullable(),
});
export type FailedJob = z.infer<typeof FailedJob>;

/** What the queue holds, by job state (pg-boss: created, retry, active, completed, cancelled, failed). */
export interface QueueCounts {
  states: Record<string, number>;
  /** Jobs finished in the last `window` minutes (for the rate and the ETA). */
  finishedRecently: number;
  failed: FailedJob[];
}

/** Does this database hold a queue (pg-boss's tables)? */
export async function hasQueue(db: Db): Promise<boolean> {
  if (db.backend !== 'postgres') return false;
  const { rows } = await sql`SELECT to_regclass(${`${QUEUE_SCHEMA}.job`}) IS NOT NULL AS present`.execute(db.q);
  return z.object({ present: z.boolean() }).parse(rows[0]).present;
}

/** The queue's counts, the jobs finished in the last `windowMinutes`, and the failed jobs with their reasons (newest first). */
export async function queueCounts(db: Db, queue: string, windowMinutes: number): Promise<QueueCounts> {
  const job = sql.table(`${QUEUE_SCHEMA}.job`);
  const states = parseRows(
    StateCount,
    (await sql`SELECT state::text AS state, COUNT(*) AS n FROM ${job} WHERE name = ${queue} GROUP BY state`.execute(db.q)).rows,
    'job count',
  );
  const recent =
    await sql`SELECT COUNT(*) AS n FROM ${job} WHERE name = ${queue} AND state = 'completed' AND completed_on > now() - make_interval(mins => ${windowMinutes})`.execute(
      db.q,
    );
  const failed = parseRows(
    FailedJob,
    (
      await sql`SELECT id::text AS id, data->>'name' AS file, retry_count AS retries, COALESCE(output->>'message', output::text) AS reason,
          to_char(completed_on AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS at
        FROM ${job} WHERE name = ${queue} AND state = 'failed' ORDER BY completed_on DESC LIMIT 20`.execute(db.q)
    ).rows,
    'failed job',
  );
  return {
    states: Object.fromEntries(states.map((s) => [s.state, s.n])),
    finishedRecently: z.object({ n: z.number().int() }).parse(recent.rows[0]).n,
    failed,
  };
}
