/**
 * The bench's stopwatch. By default it reads the CPU time of this process (`process.cpuUsage()`,
 * user + system, microseconds): time spent waiting for a core that another process holds is not
 * counted, so a busy machine shifts the figures much less than wall time would. pdfjs runs on the
 * main thread in Node (its "fake worker"), so both contenders' work is counted; so is the work of
 * V8's helper threads (background compiler, concurrent GC), which belongs to the code measured.
 * (The main thread's own CPU time from /proc/…/schedstat was tried: it only advances at scheduler
 * ticks, 4 ms steps, too coarse for one small document.) `useClock('wall')` switches to wall time.
 */
export type ClockKind = 'process-cpu' | 'wall';

let kind: ClockKind = 'process-cpu';

export function useClock(k: ClockKind): ClockKind {
  kind = k;
  return kind;
}

export function clockKind(): ClockKind {
  return kind;
}

/** Milliseconds on the chosen clock. */
export function now(): number {
  if (kind === 'wall') return performance.now();
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
