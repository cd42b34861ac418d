import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { needs } from '../needs.js';

/** The `[needs …]` suffix of tests that need a PostgreSQL server (skipped, and listed, where it is not installed). */
export const NEEDS_POSTGRES = needs('PostgreSQL (initdb, pg_ctl under /usr/lib/postgresql/*/bin): bash scripts/install-postgres.sh');

/** The folder of Debian's PostgreSQL binaries (the newest version installed), or undefined. */
export function postgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')) && existsSync(join(root, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0], 'bin') : undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A throw-away PostgreSQL cluster for one test file: `initdb` into a temporary folder, the
 * server on a free loopback port (trust authentication, loopback only), stopped and removed by
 * `stop()`. The server refuses to run as root, so as root it runs as the `postgres` user.
 */
export class PgCluster {
  private dir = '';
  private port = 0;
  private databases = 0;
  private readonly bin: string;

  constructor() {
    const bin = postgresBin();
    if (!bin) throw new Error(`no PostgreSQL binaries; ${NEEDS_POSTGRES}`);
    this.bin = bin;
  }

  private run(tool: string, args: string[]): void {
    const asRoot = userInfo().uid === 0;
    const cmd = asRoot ? 'runuser' : join(this.bin, tool);
    const argv = asRoot ? ['-u', 'postgres', '--', join(this.bin, tool), ...args] : args;
    const r = spawnSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    if (r.status !== 0) throw new Error(`${tool} failed (${r.status}): ${r.stderr || r.stdout}`);
  }

  async start(): Promise<void> {
    this.dir = mkdtempSync(join(tmpdir(), 'solieu-pg-'));
    if (userInfo().uid === 0)
      chownSync(
        this.dir,
        Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })),
        Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })),
      );
    const data = join(this.dir, 'data');
    this.run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync']);
    for (let attempt = 0; ; attempt++) {
      this.port = await freePort();
      try {
        this.startServer();
        return;
      } catch (err) {
        if (attempt >= 2) throw err; // the port was taken between the probe and the start: try another
      }
    }
  }

  /** The URL of a database in the cluster (`postgres` exists from initdb). */
  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  /** A new, empty database in the cluster; its URL. */
  async freshDatabase(): Promise<string> {
    const name = `t${++this.databases}_${process.pid}`;
    const client = new pg.Client({ connectionString: this.url() });
    await client.connect();
    try {
      await client.query(`CREATE DATABASE ${name}`);
    } finally {
      await client.end();
    }
    return this.url(name);
  }

  /** Stop the server (`fast`: sessions are cut) and remove the cluster. */
  stop(): void {
    if (!this.dir) return;
    try {
      this.run('pg_ctl', ['-D', join(this.dir, 'data'), '-m', 'fast', '-w', 'stop']);
    } finally {
      rmSync(this.dir, { recursive: true, force: true });
      this.dir = '';
    }
  }

  /** Start the server of the cluster (made by `start`) on its port. */
  startServer(): void {
    this.run('pg_ctl', [
      '-D',
      join(this.dir, 'data'),
      '-l',
      join(this.dir, 'server.log'),
      '-w',
      '-t',
      '60',
      '-o',
      `-c listen_addresses=127.0.0.1 -p ${this.port} -c unix_socket_directories=${this.dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`,
      'start',
    ]);
  }

  /** Stop the server (`fast`: sessions are cut), keeping the cluster for `startServer` (the queue must survive it). */
  stopServer(): void {
    this.run('pg_ctl', ['-D', join(this.dir, 'data'), '-m', 'fast', '-w', 'stop']);
  }

  /** Restart the server on the same port (the queue must survive it). */
  restart(): void {
    this.run('pg_ctl', ['-D', join(this.dir, 'data'), '-m', 'fast', '-w', '-t', '60', 'restart']);
  }
}
