import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { SourceFile } from '../../../src/core/source-file.js';
import { readPdf } from '../../../src/read/pdf/pdf-reader.js';
import { AnnotationMode, getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { pdfjsParams } from '../../../src/read/pdf/pdf-document.js';
import { fixedWorkerSource, NEVER_DRAWN, useFixedPdfjsWorker, WORKER_FIXES } from '../../../src/read/pdf/pdfjs-worker.js';

const workerFile = createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.worker.mjs');
const SHARED = join('..', 'shared');

/** bare pdfjs-dist getTextContent of the files in a fresh process (scripts/bench/bare-pdfjs.mjs), with or without the fix: its summary line with a digest of every item. */
function bareDigest(files: string[], fixed: boolean): string {
  const args = ['scripts/bench/bare-pdfjs.mjs', '--digest', ...(fixed ? ['--fixed-worker'] : []), ...files];
  return execFileSync(process.execPath, args, { encoding: 'utf8' }).trim();
}

describe('pdfjs-dist worker with the TextState.clone fix and no glyph outlines for documents never drawn', () => {
  it('finds each line to fix exactly once in the installed pdfjs-dist (a new version must be looked at again)', () => {
    const source = readFileSync(workerFile, 'utf8');
    const fixed = fixedWorkerSource(source);
    expect(fixed).toBeDefined();
    expect(fixed?.length).toBe(source.length + 'Object.getPrototypeOf()'.length + `if (this.options.maxImageSize !== ${NEVER_DRAWN}) `.length);
    expect(fixed).toContain('Object.assign(Object.create(Object.getPrototypeOf(this)), this)');
    expect(fixed).toContain(`if (this.options.maxImageSize !== ${NEVER_DRAWN}) PartialEvaluator.buildFontPaths(`);
  });

  it('changes nothing in a source that lacks a line, or holds one twice', () => {
    const all = WORKER_FIXES.map((f) => f.shipped).join('\n');
    expect(fixedWorkerSource(all)).toBe(WORKER_FIXES.map((f) => f.fixed).join('\n'));
    expect(fixedWorkerSource('class TextState {}')).toBeUndefined();
    expect(fixedWorkerSource(WORKER_FIXES[0].shipped)).toBeUndefined();
    expect(fixedWorkerSource(`${all}\n${WORKER_FIXES[1].shipped}`)).toBeUndefined();
  });

  it('builds no glyph outlines for a document opened as never drawn, and the same operator list', async () => {
    await useFixedPdfjsWorker();
    const bytes = readFileSync(join(SHARED, 'corpus', '003.pdf'));
    const ops = async (extra: { maxImageSize?: number }) => {
      const pdf = await getDocument(pdfjsParams(new Uint8Array(bytes), extra)).promise;
      try {
        const page = await pdf.getPage(1);
        const list = await page.getOperatorList({ annotationMode: AnnotationMode.DISABLE });
        const outlines = [...(page.commonObjs as unknown as Iterable<[string, unknown]>)].filter(([id]) => id.includes('_path_')).length;
        // font ids name the document (g_d0_f1, g_d1_f1): left out
        return { outlines, fn: list.fnArray.length, digest: JSON.stringify([list.fnArray, list.argsArray]).replace(/g_d\d+_/g, 'g_d_') };
      } finally {
        await pdf.destroy();
      }
    };
    const drawn = await ops({});
    const never = await ops({ maxImageSize: NEVER_DRAWN });
    expect(drawn.outlines).toBeGreaterThan(20);
    expect(never.outlines).toBe(0);
    expect(never.fn).toBeGreaterThan(100);
    expect(never.digest === drawn.digest).toBe(true);
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
