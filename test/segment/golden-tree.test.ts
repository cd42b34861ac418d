import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { CORPUS, readGold, runText } from './text-pipeline.js';

/**
 * The section trees of 002/003/004 (path + title), read from `.source.txt`, equal the golden
 * files in fixtures/golden/, which were checked by hand against the source text. Other
 * renditions (PDF, DOCX, auto-numbered DOCX) are tested against the same files by their readers.
 * `UPDATE_GOLDEN=1 npm test -- test/segment/golden-tree` rewrites them and then fails on purpose.
 */

const UPDATE = process.env.UPDATE_GOLDEN === '1';
const KEYS = ['002', '003', '004'];
const goldenPath = (key: string): string => `fixtures/golden/${key}.sections.json`;

interface GoldenSection {
  path: string;
  title: string;
}

describe('golden section trees from .source.txt', () => {
  it.each(KEYS)('the tree of %s equals its golden file', async (key) => {
    const { doc } = await runText(`${CORPUS}/${key}.source.txt`);
    const tree: GoldenSection[] = doc.sections.map((s) => ({ path: s.path, title: s.title }));
    if (UPDATE) {
      writeFileSync(goldenPath(key), `${JSON.stringify(tree, null, 2)}\n`);
      throw new Error(`golden updated (${goldenPath(key)}); re-run without UPDATE_GOLDEN`);
    }
    expect(existsSync(goldenPath(key))).toBe(true);
    const golden = JSON.parse(readFileSync(goldenPath(key), 'utf8')) as GoldenSection[];
    expect(tree).toEqual(golden);
  });

  it.each(KEYS)('every section named in the gold facts of %s is a path of its golden tree', (key) => {
    const golden = JSON.parse(readFileSync(goldenPath(key), 'utf8')) as GoldenSection[];
    const paths = new Set(golden.map((s) => s.path));
    const named = [
      ...new Set(
        readGold(key)
          .map((f) => f.section)
          .filter((s) => s !== ''),
      ),
    ];
    expect(named.length).toBeGreaterThan(3);
    expect(named.filter((s) => !paths.has(s))).toEqual([]);
  });

  it('is not left in update mode', () => {
    expect(UPDATE).toBe(false);
  });
});
