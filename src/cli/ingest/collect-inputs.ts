import { stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { glob } from 'tinyglobby';
import { SUPPORTED_EXTENSIONS } from '../../read/format-sniffer.js';

export interface CollectedInputs {
  files: string[];
  /** Arguments that matched nothing, one line each. */
  problems: string[];
}

const GLOB_CHARS = /[*?[\]{}]/;
const PATTERN = `**/*.{${Object.keys(SUPPORTED_EXTENSIONS).map((e) => e.slice(1)).join(',')}}`;

/**
 * Expand the `ingest` arguments: files as given (even with an unsupported extension — they
 * then fail with a reason), folders recursively (supported extensions only, any case), globs.
 */
export async function collectInputs(args: string[]): Promise<CollectedInputs> {
  const files = new Set<string>();
  const problems: string[] = [];
  for (const arg of args) {
    const info = await stat(arg).catch(() => undefined);
    if (info?.isDirectory()) {
      const found = await glob(PATTERN, { cwd: arg, absolute: true, caseSensitiveMatch: false, dot: false });
      if (found.length === 0) problems.push(`${arg}: no .pdf, .docx, .doc, .txt or .md files in this folder`);
      found.sort().forEach((f) => files.add(f));
    } else if (info?.isFile()) {
      files.add(resolve(arg));
    } else if (GLOB_CHARS.test(arg)) {
      const found = (await glob(arg, { absolute: true, caseSensitiveMatch: false })).filter((f) => extname(f).toLowerCase() in SUPPORTED_EXTENSIONS);
      if (found.length === 0) problems.push(`${arg}: the pattern matched no supported files`);
      found.sort().forEach((f) => files.add(f));
    } else {
      problems.push(`${arg}: no such file or folder`);
    }
  }
  return { files: [...files], problems };
}
