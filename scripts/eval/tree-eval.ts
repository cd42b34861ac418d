import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { inProcessExecutor } from '../../src/cli/ingest/pipeline-executor.js';

/** A document's heading tree against its hand-checked golden file. */
export interface TreeScore {
  file: string;
  /** Golden sections whose path the tree has, and whose title is the same too. */
  golden: number;
  pathsFound: number;
  titlesEqual: number;
  /** Sections the tree has that the golden file does not. */
  extra: number;
  exact: boolean;
}

/**
 * Tree accuracy per document of `../shared/corpus-real` that has a golden tree in
 * `fixtures/golden/real/<file>.sections.json` (the scans only when they are read with OCR): how many golden
 * paths the segmenter gives, how many with the same title, how many extra sections.
 */
export async function realTreeScores(shared: string, executor: ReturnType<typeof inProcessExecutor>, scans = false): Promise<TreeScore[]> {
  const dir = join('fixtures', 'golden', 'real');
  if (!existsSync(dir)) return [];
  const out: TreeScore[] = [];
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.sections.json'))
    .sort()) {
    const file = name.replace(/\.sections\.json$/, '');
    const path = join(shared, 'corpus-real', file);
    if (!existsSync(path) || (!scans && /_scan\.pdf$/u.test(file))) continue;
    const golden = JSON.parse(readFileSync(join(dir, name), 'utf8')) as { path: string; title: string }[];
    const doc = await executor.process(path);
    const got = new Map(doc.sections.map((s) => [s.path, s.title]));
    const want = new Set(golden.map((s) => s.path));
    const pathsFound = golden.filter((s) => got.has(s.path)).length;
    const titlesEqual = golden.filter((s) => got.get(s.path) === s.title).length;
    const extra = doc.sections.filter((s) => !want.has(s.path)).length;
    out.push({ file, golden: golden.length, pathsFound, titlesEqual, extra, exact: titlesEqual === golden.length && extra === 0 });
  }
  return out;
}
