import type { Dirent, Stats } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { glob } from 'tinyglobby';
import { SUPPORTED_EXTENSIONS } from '../../read/format-sniffer.js';
import { printable } from '../printable.js';

export interface CollectedInputs {
  files: string[];
  /** Arguments that matched nothing, and what was skipped (non-regular files, unreadable folders), one line each. */
  problems: string[];
}

const GLOB_CHARS = /[*?[\]{}]/;

const supported = (path: string): boolean => extname(path).toLowerCase() in SUPPORTED_EXTENSIONS;

/** What a non-regular file is, for the message that skips it. */
function kindOf(info: Stats | Dirent): string {
  if (info.isFIFO()) return 'a FIFO (named pipe)';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}

const skippedNotRegular = (path: string, info: Stats | Dirent) => `${printable(path)}: skipped, ${kindOf(info)}, not a regular file`;

/**
 * Expand the `ingest` arguments: files as given (even with an unsupported extension — they
 * then fail with a reason), folders recursively (supported extensions only, any case, no
 * dot-files; symbolic links followed once), globs. Only regular files are read: a FIFO, a
 * device or a socket (also behind a symbolic link named `.txt`) is skipped with a message, as
 * is a folder that cannot be read.
 */
export async function collectInputs(args: string[]): Promise<CollectedInputs> {
  const files = new Set<string>();
  const problems: string[] = [];
  for (const arg of args) {
    const info = await stat(arg).catch(() => undefined);
    if (info?.isDirectory()) {
      const found: string[] = [];
      await walk(resolve(arg), found, problems, new Set([await realpath(arg)]));
      if (found.length === 0) problems.push(`${printable(arg)}: no .pdf, .docx, .doc, .txt or .md files in this folder`);
      found.sort().forEach((f) => files.add(f));
    } else if (info?.isFile()) {
      files.add(resolve(arg));
    } else if (info) {
      problems.push(skippedNotRegular(arg, info));
    } else if (GLOB_CHARS.test(arg)) {
      const found: string[] = [];
      for (const f of (await glob(arg, { absolute: true, caseSensitiveMatch: false })).filter(supported)) {
        const s = await stat(f).catch(() => undefined);
        if (s?.isFile()) found.push(f);
        else if (s) problems.push(skippedNotRegular(f, s));
      }
      if (found.length === 0) problems.push(`${printable(arg)}: the pattern matched no supported files`);
      found.sort().forEach((f) => files.add(f));
    } else {
      problems.push(`${printable(arg)}: no such file or folder`);
    }
  }
  return { files: [...files], problems };
}

/** The supported regular files under `dir`; unreadable folders and non-regular files become problems. */
async function walk(dir: string, found: string[], problems: string[], seen: Set<string>): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    problems.push(
      `${printable(dir)}: cannot read this folder (${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code}); the files in it are skipped`,
    );
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const path = join(dir, e.name);
    let info: Stats | Dirent = e;
    if (e.isSymbolicLink()) {
      const target = await stat(path).catch(() => undefined);
      if (!target) {
        if (supported(path)) problems.push(`${printable(path)}: skipped, a symbolic link to nothing`);
        continue;
      }
      info = target;
    }
    if (info.isDirectory()) {
      const real = await realpath(path).catch(() => path);
      if (seen.has(real)) continue; // a link back up the tree
      seen.add(real);
      await walk(path, found, problems, seen);
    } else if (!supported(path)) {
    } else if (info.isFile()) {
      found.push(path);
    } else {
      problems.push(skippedNotRegular(path, info));
    }
  }
}
