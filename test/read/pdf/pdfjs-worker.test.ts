import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { SourceFile } from '../../../src/core/source-file.js';
import { readPdf } from '../../../src/read/pdf/pdf-reader.js';
import { fixedWorkerSource, useFixedPdfjsWorker } from '../../../src/read/pdf/pdfjs-worker.js';

const workerFile = createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.worker.mjs');
const SHARED = join('..', 'shared');

/** bare pdfjs-dist getTextContent of the files in a fresh process (scripts/bench/bare-pdfjs.mjs), with or without the fix: its summary line with a digest of every item. */
function bareDigest(files: string[], fixed: boolean): string {
  const args = ['scripts/bench/bare-pdfjs.mjs', '--digest', ...(fixed ? ['--fixed-worker'] : []), ...files];
  return execFileSync(process.execPath, args, { encoding: 'utf8' }).trim();
}

describe('pdfjs-dist worker with the TextState.clone fix', () => {
  it('finds the line to fix exactly once in the installed pdfjs-dist (a new version must be looked at again)', () => {
    const source = readFileSync(workerFile, 'utf8');
    const fixed = fixedWorkerSource(source);
    expect(fixed).toBeDefined();
    expect(fixed?.length).toBe(source.length + 'Object.getPrototypeOf()'.length);
    expect(fixed).toContain('Object.assign(Object.create(Object.getPrototypeOf(this)), this)');
  });

  it('changes nothing in a source that lacks the line, or holds it twice', () => {
    expect(fixedWorkerSource('class TextState {}')).toBeUndefined();
    const line = 'const clone = Object.assign(Object.create(this), this);\n    clone.textMatrix = this.textMatrix.slice();';
    expect(fixedWorkerSource(`${line}\n${line}`)).toBeUndefined();
  });

  it('is the worker solieu reads PDFs with', async () => {
    const file = new SourceFile('bao-cao-nam-2024.pdf', readFileSync('fixtures/reports/bao-cao-nam-2024.pdf'));
    expect((await readPdf(file)).raw.length).toBeGreaterThan(0);
    expect(await useFixedPdfjsWorker()).toBe(true);
    expect(globalThis.pdfjsWorker?.WorkerMessageHandler).toBeDefined();
  });

  it('gives the same text content, item by item, as pdfjs-dist as it ships, on the corpus PDFs', () => {
    const files = [
      join(SHARED, 'corpus', '003.pdf'),
      join(SHARED, 'corpus-real', 'dongthap_SGDDT_355-BC-HDXTH_2026_signed.pdf'),
      join(SHARED, 'corpus-real', 'tables', 't339.pdf'),
      join(SHARED, 'corpus-real', 'text', 'r577.pdf'),
    ];
    const stock = bareDigest(files, false);
    expect(stock).toMatch(/^4 files, \d+ pages, \d+ characters, digest [0-9a-f]{64}$/);
    expect(bareDigest(files, true)).toBe(stock);
  });
});
