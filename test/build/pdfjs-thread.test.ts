import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuilt, ROOT } from '../cli/cli-harness.js';

/**
 * pdfjs's worker side in a thread of its own (src/read/pdf/pdfjs-thread.ts), as `solieu ingest`
 * of one file runs it: the thread's entry exists only compiled, so the check runs the built
 * modules in a child process. The reader must read the same text, lines, tables and messages as
 * with pdfjs in the calling thread, and a thread that dies must fail the file, not hang it.
 */
const PDF = join(ROOT, '..', 'shared', 'corpus', '003.pdf');

const dir = mkdtempSync(join(tmpdir(), 'solieu-pdfjs-thread-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Run an ES module script against dist/ (a file: a worker thread inherits `--input-type`, which `-e` would need). */
function runBuilt(script: string): string {
  const file = join(dir, `check-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(file, script.replaceAll("'./dist/", `'${pathToFileURL(join(ROOT, 'dist')).href}/`));
  return execFileSync(process.execPath, [file], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
}

beforeAll(() => ensureBuilt(), 120_000);

describe('the pdfjs thread', () => {
  it('reads a PDF as pdfjs in the calling thread reads it', () => {
    const out = runBuilt(`
      import { readFileSync } from 'node:fs';
      const { readPdf } = await import('./dist/src/read/pdf/pdf-reader.js');
      const { SourceFile } = await import('./dist/src/core/source-file.js');
      const thread = await import('./dist/src/read/pdf/pdfjs-thread.js');
      const read = async () => { const f = new SourceFile(${JSON.stringify(PDF)}, readFileSync(${JSON.stringify(PDF)})); const r = await readPdf(f); return JSON.stringify([r, f.messages]); };
      const here = await read();
      const started = thread.startPdfjsThread();
      const used = thread.pdfjsThread() !== undefined;
      const there = await read();
      await thread.stopPdfjsThread();
      console.log(JSON.stringify({ started, used, same: here === there, chars: here.length }));
    `);
    const r = JSON.parse(out.trim().split('\n').pop() ?? '{}') as { started: boolean; used: boolean; same: boolean; chars: number };
    expect(r).toEqual({ started: true, used: true, same: true, chars: expect.any(Number) });
    expect(r.chars).toBeGreaterThan(10_000);
  }, 60_000);

  it('fails the file when the thread dies while reading it', () => {
    const out = runBuilt(`
      import { readFileSync } from 'node:fs';
      const { readPdf } = await import('./dist/src/read/pdf/pdf-reader.js');
      const { SourceFile } = await import('./dist/src/core/source-file.js');
      const thread = await import('./dist/src/read/pdf/pdfjs-thread.js');
      thread.startPdfjsThread();
      const reading = readPdf(new SourceFile(${JSON.stringify(PDF)}, readFileSync(${JSON.stringify(PDF)})));
      // the thread ends while pdfjs owes the reader its answers, as running out of memory would end it
      await thread.stopPdfjsThread();
      try { await reading; console.log('read'); } catch (err) { console.log('failed: ' + err.message); }
    `);
    expect(out.trim()).toMatch(/^failed: the pdfjs thread ended/);
  }, 60_000);
});
