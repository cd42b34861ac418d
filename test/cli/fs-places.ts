import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface MountedPlace {
  dir: string;
  /** Make the place read-only (files already in it stay readable). */
  remountReadOnly(): void;
  unmount(): void;
}

/**
 * A tmpfs of `sizeKiB` mounted at `dir`, for tests of a read-only place and of a full disk.
 * Needs root with CAP_SYS_ADMIN (CI's container has it). When it cannot mount, returns the
 * reason: the test is then skipped with that reason in its name, and the skip reporter
 * (`test/skip-reporter.js`) lists it at the end of `npm test`.
 */
export function mountTmpfs(dir: string, sizeKiB: number): MountedPlace | string {
  mkdirSync(dir, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKiB}k`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (err) {
    const why = String((err as { stderr?: unknown }).stderr || (err as Error).message)
      .trim()
      .split('\n')[0];
    return `cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN): ${why}`;
  }
  return {
    dir,
    remountReadOnly: () => execFileSync('mount', ['-o', 'remount,ro', dir], { stdio: 'pipe' }),
    unmount: () => execFileSync('umount', ['-l', dir], { stdio: 'pipe' }),
  };
}

/**
 * Whether this process can mount a tmpfs: undefined when it can, else the reason (for the
 * `[needs …]` name of the skipped tests). Probes with a mount undone at once, so that a test
 * file whose tests are all filtered out leaves no mount behind; mount in `beforeAll`.
 */
export function cannotMount(): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'solieu-probe-'));
  const place = mountTmpfs(dir, 64);
  if (typeof place === 'string') {
    rmdirSync(dir);
    return place;
  }
  place.unmount();
  rmdirSync(dir);
  return undefined;
}
