import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = process.cwd();
const BIN = join(ROOT, 'bin', 'solieu.js');

function newestMtime(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** The CLI runs from dist/ (worker threads need compiled JS): build it when sources are newer. */
export function ensureBuilt(): void {
  const stamp = join(ROOT, 'dist', 'src', 'cli', 'main.js');
  const newest = Math.max(...['src', 'schemas', 'pipelines'].map((d) => newestMtime(join(ROOT, d))));
  if (existsSync(stamp) && statSync(stamp).mtimeMs >= newest) return;
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe' });
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function solieu(args: string[], cwd = ROOT): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' }, timeout: 600_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Start the CLI in the background (for the kill -9 test). */
export function solieuBackground(args: string[]) {
  return spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
}
