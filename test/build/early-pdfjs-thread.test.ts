import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { singlePdfToIngest } from '../../src/cli/ingest/early-pdfjs-thread.js';

/**
 * `solieu ingest one.pdf` starts its pdfjs thread from the command line as typed, before the
 * command loads (src/cli/ingest/early-pdfjs-thread.ts): only the plain case — one existing `.pdf`
 * file, a core to spare, nothing that changes what is read — and never a batch.
 */
const dir = mkdtempSync(join(tmpdir(), 'solieu-early-thread-'));
const pdf = join(dir, 'a.pdf');
writeFileSync(pdf, '%PDF-1.4\n');
writeFileSync(join(dir, 'b.PDF'), '%PDF-1.4\n');
writeFileSync(join(dir, 'c.docx'), 'PK');
mkdirSync(join(dir, 'folder.pdf'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const argv = (...args: string[]) => ['node', 'solieu', ...args];

describe('the one PDF of an ingest command line', () => {
  it.each([
    [['ingest', pdf], pdf],
    [['ingest', pdf, '--db', 'x.db', '--quiet'], pdf],
    [['ingest', '--db', 'x.pdf', pdf], pdf],
    [['ingest', '--db=x.pdf', pdf, '--ocr', 'never'], pdf],
    [['ingest', pdf, '--concurrency', '2'], pdf],
    [['ingest', '--', pdf], pdf],
    [['ingest', join(dir, 'b.PDF')], join(dir, 'b.PDF')],
  ])('%j: %s', (args, expected) => {
    expect(singlePdfToIngest(argv(...args), 2)).toBe(expected);
  });

  it.each([
    [['show', pdf]],
    [['ingest']],
    [['ingest', pdf, pdf]],
    [['ingest', pdf, join(dir, 'b.PDF')]],
    [['ingest', dir]],
    [['ingest', join(dir, 'folder.pdf')]],
    [['ingest', join(dir, 'c.docx')]],
    [['ingest', join(dir, 'missing.pdf')]],
    [['ingest', join(dir, '*.pdf')]],
    [['ingest', pdf, '--concurrency', '1']],
    [['ingest', pdf, '--concurrency=1']],
    [['ingest', pdf, '--queue', '--db', 'postgres://x']],
    [['ingest', pdf, '--max-size', '1']],
    [['ingest', pdf, '--ocr', 'always']],
    [['ingest', pdf, '--help']],
  ])('%j: none', (args) => {
    expect(singlePdfToIngest(argv(...args), 2)).toBeUndefined();
  });

  it('none on one core, unless --concurrency asks for more', () => {
    expect(singlePdfToIngest(argv('ingest', pdf), 1)).toBeUndefined();
    expect(singlePdfToIngest(argv('ingest', pdf, '--concurrency', '2'), 1)).toBe(pdf);
  });
});
