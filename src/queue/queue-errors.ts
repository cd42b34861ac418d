import { storageFailure } from '../store/storage-failure.js';

/**
 * Where a worker's database errors go while the server is away (a restart, a lost network):
 * pg-boss's polling loops, the drain check and the heartbeat each fail every half second, so the
 * same reason is said once a minute, not once a poll. The worker goes on; pg-boss reconnects by
 * itself (its pool opens new connections) once the server is back.
 */
export function createQueueErrorReporter(log: (line: string) => void, everyMs = 60_000): (err: unknown) => void {
  const said = new Map<string, number>();
  return (err) => {
    const message = typeof err === 'object' && err !== null && 'message' in err ? String(err.message) : String(err);
    // pg-boss appends its worker's id to a polling loop's error: the same failure in every loop
    const failure = storageFailure(err);
    const reason = failure ?? message.split('\n')[0].replace(/ \(Queue: [^)]*, Worker: [^)]*\)$/, '');
    // one line for a lost connection, whether the socket was cut (57P01) or then refused (ECONNREFUSED)
    const kind = failure ? failure.slice(0, failure.indexOf(' (')) : reason;
    const now = Date.now();
    const last = said.get(kind);
    if (last !== undefined && now - last < everyMs) return;
    said.set(kind, now);
    log(`solieu: queue: ${reason}${failure ? '; going on, the queue reconnects when the server is back' : ''}`);
  };
}

/**
 * A worker's own jobs are completed and failed by its slots, which await the query and report a
 * failure (job-slots.ts); but pg-boss 10 runs loops of its own (maintenance, monitoring, and
 * `work()`'s `onFetch`, which completes without awaiting) whose queries, with the server gone,
 * reject where nobody listens, and Node would end the process. While a worker runs, such a
 * rejection that is a lost connection (or another storage failure) is reported and the worker
 * goes on — a job left active is retried once its lease expires; any other unhandled rejection
 * still ends the process, as it would without this.
 * Returns the function that removes the listener.
 */
export function surviveLostConnections(report: (err: unknown) => void): () => void {
  const listener = (reason: unknown) => {
    if (storageFailure(reason) === undefined) throw reason;
    report(reason);
  };
  process.on('unhandledRejection', listener);
  return () => process.off('unhandledRejection', listener);
}
