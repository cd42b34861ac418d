import { describe, expect, it } from '@jest/globals';
import { type Job, type SlotBoss, type SlotQueue, startJobSlots } from '../../src/queue/job-slots.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A job as pg-boss's fetch gives it with its metadata; `expireInSeconds` comes as text, as from PostgreSQL. */
function jobOf(id: string, leaseSeconds = 60): Job {
  const interval = {
    seconds: leaseSeconds,
    toPostgres: () => `${leaseSeconds} seconds`,
    toISO: () => `PT${leaseSeconds}S`,
    toISOString: () => `PT${leaseSeconds}S`,
  };
  const now = new Date();
  return {
    id,
    name: 'q',
    data: {},
    expireInSeconds: `${leaseSeconds}.000000` as unknown as number,
    priority: 0,
    state: 'active',
    retryLimit: 0,
    retryCount: 0,
    retryDelay: 0,
    retryBackoff: false,
    startAfter: now,
    startedOn: now,
    singletonKey: null,
    singletonOn: null,
    expireIn: interval,
    createdOn: now,
    completedOn: null,
    keepUntil: now,
    deadLetter: '',
    policy: 'standard',
    output: {},
  };
}

/** pg-boss in memory: queues of jobs, and a log of what the slots asked of it and ran. */
class FakeBoss implements SlotBoss {
  readonly queues = new Map<string, Job[]>();
  readonly log: string[] = [];
  failComplete = 0;

  queue(name: string, ...ids: string[]): void {
    this.queues.set(name, [...(this.queues.get(name) ?? []), ...ids.map((id) => jobOf(id))]);
  }
  async fetch(name: string): Promise<Job[]> {
    const job = this.queues.get(name)?.shift();
    this.log.push(job ? `fetch ${name}: ${job.id}` : `fetch ${name}: none`);
    return job ? [job] : [];
  }
  async complete(_name: string, id: string): Promise<unknown> {
    if (this.failComplete > 0) {
      this.failComplete--;
      throw new Error('Connection terminated unexpectedly');
    }
    this.log.push(`complete ${id}`);
    return {};
  }
  async fail(_name: string, id: string, data: object): Promise<unknown> {
    this.log.push(`fail ${id}: ${data instanceof Error ? data.message : JSON.stringify(data)}`);
    return {};
  }
}

/** A queue whose jobs each take `ms`, logged as they start and end. */
function slowQueue(boss: FakeBoss, name: string, ms: number, then?: (job: Job) => void): SlotQueue {
  return {
    name,
    run: async (job) => {
      boss.log.push(`run ${job.id}`);
      await sleep(ms);
      then?.(job);
      boss.log.push(`end ${job.id}`);
    },
  };
}

/** Wait until `done` holds (the slots run on their own). */
async function until(done: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end) throw new Error('waited too long');
    await sleep(5);
  }
}

describe('job slots', () => {
  it('a slot fetches a job only when it is free, from the first queue that has one: pages queued by a document go before the next document', async () => {
    const boss = new FakeBoss();
    boss.queue('doc', 'd1', 'd2');
    const slots = startJobSlots(boss, {
      slots: 1,
      queues: [slowQueue(boss, 'page', 20), slowQueue(boss, 'doc', 20, (job) => (job.id === 'd1' ? boss.queue('page', 'p1', 'p2') : undefined))],
      pollSeconds: 0.01,
      report: (err) => boss.log.push(`report ${String(err)}`),
    });
    await until(() => boss.log.includes('complete d2'));
    await slots.stop(1000);
    const upTo = boss.log.slice(0, boss.log.indexOf('complete d2') + 1);
    expect(upTo).toEqual([
      'fetch page: none',
      'fetch doc: d1',
      'run d1',
      'end d1',
      'complete d1',
      'fetch page: p1',
      'run p1',
      'end p1',
      'complete p1',
      'fetch page: p2',
      'run p2',
      'end p2',
      'complete p2',
      'fetch page: none',
      'fetch doc: d2',
      'run d2',
      'end d2',
      'complete d2',
    ]);
    expect(slots.running()).toBe(0);
  });

  it('two slots run two jobs at once and fetch no third while both run', async () => {
    const boss = new FakeBoss();
    boss.queue('doc', 'd1', 'd2', 'd3');
    let most = 0;
    let now = 0;
    const queue: SlotQueue = {
      name: 'doc',
      run: async () => {
        most = Math.max(most, ++now);
        await sleep(30);
        now--;
      },
    };
    const slots = startJobSlots(boss, { slots: 2, queues: [queue], pollSeconds: 0.01, report: () => undefined });
    await until(() => boss.log.includes('complete d3'));
    await slots.stop(1000);
    expect(most).toBe(2);
    // the third job is fetched after one of the first two is completed
    expect(boss.log.indexOf('fetch doc: d3')).toBeGreaterThan(Math.min(boss.log.indexOf('complete d1'), boss.log.indexOf('complete d2')));
  });

  it('a job whose run throws is failed with the error', async () => {
    const boss = new FakeBoss();
    boss.queue('doc', 'd1');
    const queue: SlotQueue = {
      name: 'doc',
      run: async () => {
        throw new Error('the pipeline died');
      },
    };
    const slots = startJobSlots(boss, { slots: 1, queues: [queue], pollSeconds: 0.01, report: () => undefined });
    await until(() => boss.log.some((l) => l.startsWith('fail d1')));
    await slots.stop(1000);
    expect(boss.log.filter((l) => !l.startsWith('fetch'))).toEqual(['fail d1: the pipeline died']);
  });

  it('a run that outlasts its lease fails its job; the slot stays taken until the run ends', async () => {
    const boss = new FakeBoss();
    boss.queues.set('doc', [jobOf('d1', 1), jobOf('d2')]);
    const slots = startJobSlots(boss, { slots: 1, queues: [slowQueue(boss, 'doc', 1300)], pollSeconds: 0.01, report: () => undefined });
    await until(() => boss.log.includes('end d2'), 10_000);
    await slots.stop(1000);
    expect(boss.log.filter((l) => !l.startsWith('fetch doc: none'))).toEqual([
      'fetch doc: d1',
      'run d1',
      'fail d1: the job ran past its lease of 1 s (ingest --lease); failed, to be retried',
      'end d1',
      'fetch doc: d2',
      'run d2',
      'end d2',
      'complete d2',
    ]);
  }, 15_000);

  it('stop waits for the jobs running, fails those still running after the grace, and fetches no more', async () => {
    const boss = new FakeBoss();
    boss.queue('doc', 'quick', 'stuck', 'never');
    let release: () => void = () => undefined;
    const stuck = new Promise<void>((resolve) => (release = resolve));
    const queue: SlotQueue = {
      name: 'doc',
      run: async (job) => {
        boss.log.push(`run ${job.id}`);
        await (job.id === 'stuck' ? stuck : sleep(50));
        boss.log.push(`end ${job.id}`);
      },
    };
    const slots = startJobSlots(boss, { slots: 2, queues: [queue], pollSeconds: 0.01, report: () => undefined });
    await until(() => boss.log.includes('run stuck') && boss.log.includes('run quick'));
    expect(slots.running()).toBe(2);
    await slots.stop(300);
    expect(boss.log.filter((l) => !l.startsWith('fetch') && !l.startsWith('run'))).toEqual([
      'end quick',
      'complete quick',
      'fail stuck: the worker stopped while the job ran; to be retried',
    ]);
    release();
    await until(() => slots.running() === 0);
    // its run ended after it was failed: not completed as well; and the third job was never fetched
    expect(boss.log.filter((l) => l.includes('stuck')).slice(-2)).toEqual(['fail stuck: the worker stopped while the job ran; to be retried', 'end stuck']);
    expect(boss.log).not.toContain('fetch doc: never');
  });

  it('a complete that fails (the server gone) is reported, and the slot goes on with the next job', async () => {
    const boss = new FakeBoss();
    boss.queue('doc', 'd1', 'd2');
    boss.failComplete = 1;
    const reported: string[] = [];
    const slots = startJobSlots(boss, {
      slots: 1,
      queues: [slowQueue(boss, 'doc', 1)],
      pollSeconds: 0.01,
      report: (err) => reported.push(err instanceof Error ? err.message : String(err)),
    });
    await until(() => boss.log.includes('complete d2'));
    await slots.stop(1000);
    expect(reported).toEqual(['Connection terminated unexpectedly']);
    expect(boss.log.filter((l) => l.startsWith('complete'))).toEqual(['complete d2']);
  });
});
