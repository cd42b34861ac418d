import type PgBoss from 'pg-boss';

/** A job as fetched with its metadata (`retryCount`, `retryLimit`, … and its lease, `expireInSeconds`). */
export type Job = PgBoss.JobWithMetadata<unknown>;

/** A queue a free slot takes jobs from, and what runs its jobs (a job whose run throws is failed, and retried by pg-boss). */
export interface SlotQueue {
  name: string;
  run: (job: Job) => Promise<void>;
}

export interface JobSlotsOptions {
  /** Jobs run at once. */
  slots: number;
  /** The queues in the order a free slot asks them: it takes the first job it is given. */
  queues: SlotQueue[];
  /** Seconds a slot waits before asking again when every queue was empty. */
  pollSeconds: number;
  /** Where a failed fetch, complete or fail goes (a lost connection: the job stays active until its lease expires). */
  report: (err: unknown) => void;
}

export interface JobSlots {
  /** Jobs fetched by a slot whose run has not ended. */
  running(): number;
  /**
   * Stop fetching; wait up to `graceMs` for the jobs running, then fail those still running
   * (pg-boss retries them, here or on another worker) and resolve.
   */
  stop(graceMs: number): Promise<void>;
}

/** What the slots use of pg-boss (`PgBoss` is one; the tests give a fake). */
export interface SlotBoss {
  fetch(name: string, options: { batchSize: number; includeMetadata: true }): Promise<Job[]>;
  complete(name: string, id: string): Promise<unknown>;
  fail(name: string, id: string, data: object): Promise<unknown>;
}

type Outcome = { ok: true } | { ok: false; error: unknown };

/** A job a slot holds: `settled` once it is completed or failed (its run may go on after a lease ran out). */
interface Held {
  queue: string;
  job: Job;
  settled: boolean;
  lease?: NodeJS.Timeout;
}

/** setTimeout's longest delay: a longer lease would fire at once. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/**
 * `slots` loops, each of which fetches a job only when it is free: it asks the queues in order
 * (`boss.fetch`, one job with its metadata), runs the job and completes or fails it, then asks
 * again; when every queue is empty it waits `pollSeconds`. A fetched job never waits for a slot,
 * so its lease (pg-boss's `expireInSeconds`, counted from the fetch) is the time it runs.
 *
 * As pg-boss's own `work()` does, a run that outlasts its lease fails its job (pg-boss retries
 * it); the slot stays taken until that run ends, so no more than `slots` jobs run at once.
 */
export function startJobSlots(boss: SlotBoss, opts: JobSlotsOptions): JobSlots {
  const held = new Set<Held>();
  const sleepers = new Set<() => void>();
  let stopping = false;

  const settle = async (h: Held, outcome: Outcome): Promise<void> => {
    if (h.settled) return;
    h.settled = true;
    clearTimeout(h.lease);
    try {
      if (outcome.ok) await boss.complete(h.queue, h.job.id);
      else await boss.fail(h.queue, h.job.id, outcome.error instanceof Error ? outcome.error : { value: String(outcome.error) });
    } catch (err) {
      opts.report(err); // the job stays active until its lease expires; then pg-boss retries it
    }
  };

  const run = async (queue: SlotQueue, job: Job): Promise<void> => {
    const h: Held = { queue: queue.name, job, settled: false };
    held.add(h);
    try {
      const ran = queue.run(job).then(
        (): Outcome => ({ ok: true }),
        (error: unknown): Outcome => ({ ok: false, error }),
      );
      const seconds = Math.max(1, Number(job.expireInSeconds) || 1);
      const expired = new Promise<'expired'>((resolve) => {
        h.lease = setTimeout(() => resolve('expired'), Math.min(seconds * 1000, LONGEST_TIMER_MS));
      });
      const first = await Promise.race([ran, expired]);
      if (first === 'expired') {
        await settle(h, { ok: false, error: new Error(`the job ran past its lease of ${seconds} s (ingest --lease); failed, to be retried`) });
        await ran; // the slot stays taken while the run goes on
      } else await settle(h, first);
    } finally {
      clearTimeout(h.lease);
      held.delete(h);
    }
  };

  const next = async (): Promise<[SlotQueue, Job] | undefined> => {
    for (const queue of opts.queues) {
      const [job] = await boss.fetch(queue.name, { batchSize: 1, includeMetadata: true });
      if (job) return [queue, job];
    }
    return undefined;
  };

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      sleepers.add(wake);
    });

  const slot = async (): Promise<void> => {
    while (!stopping) {
      let taken: [SlotQueue, Job] | undefined;
      try {
        taken = await next();
      } catch (err) {
        opts.report(err);
      }
      if (taken) await run(...taken);
      else await pause(opts.pollSeconds * 1000);
    }
  };

  const loops = Array.from({ length: opts.slots }, () => slot().catch(opts.report));

  return {
    running: () => held.size,
    async stop(graceMs) {
      stopping = true;
      for (const wake of [...sleepers]) wake();
      let timer: NodeJS.Timeout | undefined;
      const ended = await Promise.race([
        Promise.all(loops).then(() => true),
        new Promise<false>((resolve) => {
          timer = setTimeout(() => resolve(false), graceMs);
        }),
      ]);
      clearTimeout(timer);
      if (ended) return;
      const error = new Error('the worker stopped while the job ran; to be retried');
      await Promise.all([...held].map((h) => settle(h, { ok: false, error })));
    },
  };
}
