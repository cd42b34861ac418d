import { createHash } from 'node:crypto';
import PgBoss from 'pg-boss';
import { z } from '../../schemas/zod.js';

import { DOCUMENT_QUEUE, PAGE_QUEUE } from './queue-names.js';

export { DOCUMENT_QUEUE, PAGE_QUEUE };

/** What a job carries: which stored file to read (the bytes are in `source_files` or its shared folder). */
export const DocumentJob = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), name: z.string(), force: z.boolean() });
export type DocumentJob = z.infer<typeof DocumentJob>;

/** How jobs are retried and leased (pg-boss's retry and expiration options). */
export const QueuePolicy = z.object({
  /** Tries after the first before a job is failed for good. */
  retries: z.number().int().min(0).default(3),
  /** Seconds before the first retry; doubled each time (pg-boss's exponential backoff). */
  retryDelaySeconds: z.number().int().min(0).default(30),
  /**
   * The lease: a job running longer than this is taken from its worker (killed, lost machine,
   * stuck) and given to another. Longer than the slowest document, a long scan included.
   */
  leaseSeconds: z
    .number()
    .int()
    .min(1)
    .default(30 * 60),
  /** How often pg-boss's maintenance (in the workers) looks for expired leases. */
  superviseSeconds: z.number().int().min(1).default(60),
});
export type QueuePolicy = z.infer<typeof QueuePolicy>;

/** The job id of a file's content: the same file queued twice is one job (until `--force`). */
export function jobIdOf(sha256: string, version: string): string {
  const h = createHash('sha256').update(`${sha256}\u0000${version}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * pg-boss on the solieu database: its own schema (`pgboss`), created and migrated by pg-boss
 * on start. `supervise` (expiring leases, retrying, archiving) may run in every worker: pg-boss
 * lets one of them do it at a time.
 */
export async function startQueue(url: string, options: { supervise: boolean; superviseSeconds?: number; onError?: (err: unknown) => void }): Promise<PgBoss> {
  const superviseSeconds = options.superviseSeconds ?? QueuePolicy.parse({}).superviseSeconds;
  const boss = new PgBoss({
    connectionString: url,
    max: 3,
    supervise: options.supervise,
    schedule: false,
    maintenanceIntervalSeconds: superviseSeconds,
    monitorStateIntervalSeconds: superviseSeconds,
  });
  // pg-boss reports a lost connection (a database restart) here and goes on; without a listener Node would exit
  boss.on('error', options.onError ?? ((err: Error) => process.stderr.write(`solieu: queue: ${err.message.split('\n')[0]}\n`)));
  await boss.start();
  for (const name of [DOCUMENT_QUEUE, PAGE_QUEUE])
    if (!(await boss.getQueue(name))) await boss.createQueue(name, { name, policy: 'standard', ...jobOptions(QueuePolicy.parse({})) });
  return boss;
}

/** pg-boss's options of a job: they are fixed when the job is queued (`ingest --queue --lease … --retries …`). */
export function jobOptions(policy: QueuePolicy): { retryLimit: number; retryDelay: number; retryBackoff: boolean; expireInSeconds: number } {
  return { retryLimit: policy.retries, retryDelay: policy.retryDelaySeconds, retryBackoff: true, expireInSeconds: policy.leaseSeconds };
}
