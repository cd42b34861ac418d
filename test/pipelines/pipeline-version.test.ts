import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PIPELINE_VERSION } from '../../pipelines/pipeline-version.js';
import { createReportPipeline } from '../../pipelines/report-pipeline.js';
import { runPipeline, SourceFile } from '../../src/core/run-pipeline.js';

/**
 * PIPELINE_VERSION is stored with every document, and `solieu ingest` reads a stored file again
 * only when its version differs: a change that alters what the pipeline stores without a new
 * version leaves every stored document stale for good. This test keeps, for the version, a
 * fingerprint of what the pipeline stores (status, metadata, sections, tables, facts, text — not
 * the wording of messages) for documents of every format: the blind sets, the corpus sources, a
 * .docx, a TCVN3 .docx, a .doc, a text PDF and a PDF of tables. When the fingerprint changes under
 * the same version, it fails and names the documents whose output changed.
 *
 * After bumping PIPELINE_VERSION (pipelines/pipeline-version.ts), record the new output with
 * `UPDATE_GOLDEN=1 node --experimental-vm-modules node_modules/jest/bin/jest.js test/pipelines/pipeline-version`,
 * which rewrites the golden file and then fails on purpose; run it again without UPDATE_GOLDEN.
 * The golden file is never rewritten under the version it already holds.
 */

const GOLDEN = join('test', 'pipelines', 'pipeline-version.golden.json');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

interface Golden {
  version: string;
  documents: Record<string, string>;
}

const txt = (dir: string, suffix = '.txt'): string[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith(suffix))
    .sort()
    .map((f) => join(dir, f));

const SHARED = join('..', 'shared');
const FILES = [
  ...txt(join('fixtures', 'blind')),
  ...txt(join('fixtures', 'blind2')),
  ...txt(join(SHARED, 'corpus'), '.source.txt'),
  ...txt(join(SHARED, 'corpus-real', 'text'), '.source.txt'),
  join(SHARED, 'corpus', '002.docx'),
  join(SHARED, 'corpus', '003.tcvn3.docx'),
  join(SHARED, 'corpus', '002.pdf'),
  join(SHARED, 'corpus-real', 'binhduong_UBND_09-2009-CT-UBND.doc'),
  join(SHARED, 'corpus-real', 'tables', 't339.pdf'),
];

/** What the store keeps of a document, hashed (16 hex digits are plenty to tell a change). */
async function fingerprints(): Promise<Record<string, string>> {
  const stages = createReportPipeline({ read: { ocr: 'never' } });
  const out: Record<string, string> = {};
  for (const path of FILES) {
    const doc = await runPipeline(stages, new SourceFile(path, readFileSync(path)));
    const stored = JSON.stringify([doc.status, doc.metadata, doc.sections, doc.tables ?? [], doc.facts, doc.text]);
    out[path.split('\\').join('/')] = createHash('sha256').update(stored).digest('hex').slice(0, 16);
  }
  return out;
}

describe('PIPELINE_VERSION', () => {
  let now: Record<string, string>;
  beforeAll(async () => {
    now = await fingerprints();
  }, 300_000);

  it('reads documents of every format for the fingerprint', () => {
    expect(FILES.every(existsSync)).toBe(true);
    expect(new Set(FILES.map((f) => f.slice(f.lastIndexOf('.'))))).toEqual(new Set(['.txt', '.docx', '.pdf', '.doc']));
    expect(Object.keys(now).length).toBeGreaterThanOrEqual(20);
  });

  it('is bumped whenever what the pipeline stores changes', () => {
    const golden: Golden | undefined = existsSync(GOLDEN) ? JSON.parse(readFileSync(GOLDEN, 'utf8')) : undefined;
    const changed = golden ? Object.keys({ ...golden.documents, ...now }).filter((k) => golden.documents[k] !== now[k]) : Object.keys(now);
    if (UPDATE) {
      if (golden?.version === PIPELINE_VERSION && changed.length > 0)
        throw new Error(`not rewritten: the output changed under the same PIPELINE_VERSION ${PIPELINE_VERSION}; bump it first (pipelines/pipeline-version.ts)`);
      writeFileSync(GOLDEN, `${JSON.stringify({ version: PIPELINE_VERSION, documents: now } satisfies Golden, null, 2)}\n`);
      throw new Error(`golden updated for ${PIPELINE_VERSION} (${GOLDEN}); re-run without UPDATE_GOLDEN`);
    }
    if (!golden) throw new Error(`no ${GOLDEN}: record it with UPDATE_GOLDEN=1`);
    if (golden.version !== PIPELINE_VERSION) {
      throw new Error(
        `PIPELINE_VERSION is ${PIPELINE_VERSION}, the golden output is ${golden.version}'s: record the new version's output with UPDATE_GOLDEN=1`,
      );
    }
    if (changed.length > 0) {
      throw new Error(
        `what the pipeline stores changed for ${changed.join(', ')} under the same PIPELINE_VERSION ${PIPELINE_VERSION}: ` +
          'bump it in pipelines/pipeline-version.ts (stored documents are read again only when it differs), then record the output with UPDATE_GOLDEN=1',
      );
    }
  });
});
