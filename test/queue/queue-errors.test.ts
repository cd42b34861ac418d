import { describe, expect, it } from '@jest/globals';
import { createQueueErrorReporter } from '../../src/queue/queue-errors.js';

const error = (code: string | undefined, message: string) => Object.assign(new Error(message), code ? { code } : {});

describe("a worker's queue errors while the database is away", () => {
  it('a lost connection is said once, whether the socket was cut or then refused, and again after the interval', () => {
    const lines: string[] = [];
    let now = 1_000_000;
    const real = Date.now;
    Date.now = () => now;
    try {
      const report = createQueueErrorReporter((l) => lines.push(l), 60_000);
      report(error('57P01', 'terminating connection due to administrator command'));
      report(error('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'));
      report(error('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432 (Queue: solieu-document, Worker: 0b6f)'));
      expect(lines).toEqual([
        'solieu: queue: the connection to the database server was lost (PostgreSQL 57P01: terminating connection due to administrator command); going on, the queue reconnects when the server is back',
      ]);
      now += 60_000;
      report(error('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'));
      expect(lines).toHaveLength(2);
      expect(lines[1]).toMatch(/^solieu: queue: the connection to the database server was lost \(ECONNREFUSED: /);
    } finally {
      Date.now = real;
    }
  });

  it("another error is said as it is, without pg-boss's worker id, once for every polling loop that hits it", () => {
    const lines: string[] = [];
    const report = createQueueErrorReporter((l) => lines.push(l));
    report(error('42P01', 'relation "pgboss.job" does not exist (Queue: solieu-document, Worker: 1)'));
    report(error('42P01', 'relation "pgboss.job" does not exist (Queue: solieu-document, Worker: 2)'));
    expect(lines).toEqual(['solieu: queue: relation "pgboss.job" does not exist']);
  });
});
