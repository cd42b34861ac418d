import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuilt, ROOT } from '../cli/cli-harness.js';

/**
 * The PDF reader's pdfjs work in a thread of its own (src/read/pdf/pdfjs-thread.ts), as `solieu
 * ingest` of one file runs it: the thread's entry exists only compiled, so the check runs the
 * built modules in a child process. The reader must read the same text, lines, tables and
 * messages as with pdfjs in the calling thread — from what the thread read ahead, or from the
 * bytes it is sent when they are not what it read ahead — a file pdfjs cannot open must fail
 * the same way, and a thread that dies must fail the file, not hang it.
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
      const used = thread.pdfjsThread();
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

  it('reads ahead the file it is started with, and reads the bytes it is sent when they differ from it', () => {
    const other = join(dir, 'other.pdf');
    writeFileSync(other, readFileSync(join(ROOT, 'fixtures', 'reports', 'bao-cao-nam-2024.pdf')));
    const out = runBuilt(`
      import { readFileSync, writeFileSync } from 'node:fs';
      const { readPdf } = await import('./dist/src/read/pdf/pdf-reader.js');
      const { SourceFile } = await import('./dist/src/core/source-file.js');
      const thread = await import('./dist/src/read/pdf/pdfjs-thread.js');
      const { DEFAULT_INFLATE_LIMITS } = await import('./dist/src/read/inflate-limits.js');
      const read = async (path, bytes) => { const f = new SourceFile(path, bytes); const r = await readPdf(f); return JSON.stringify([r, f.messages]); };
      const pdf = readFileSync(${JSON.stringify(PDF)});
      const other = readFileSync(${JSON.stringify(other)});
      const here = [await read(${JSON.stringify(PDF)}, pdf), await read(${JSON.stringify(other)}, other)];
      // read ahead: the file named; then the other file's bytes under the first one's path
      thread.startPdfjsThread({ path: ${JSON.stringify(PDF)}, maxBytes: 200 * 1024 * 1024, limits: DEFAULT_INFLATE_LIMITS });
      const ahead = await read(${JSON.stringify(PDF)}, pdf);
      await thread.stopPdfjsThread();
      thread.startPdfjsThread({ path: ${JSON.stringify(PDF)}, maxBytes: 200 * 1024 * 1024, limits: DEFAULT_INFLATE_LIMITS });
      const changed = await read(${JSON.stringify(other)}, other);
      await thread.stopPdfjsThread();
      console.log(JSON.stringify({ ahead: ahead === here[0], changed: changed === here[1], differ: here[0] !== here[1] }));
    `);
    expect(JSON.parse(out.trim().split('\n').pop() ?? '{}')).toEqual({ ahead: true, changed: true, differ: true });
  }, 60_000);

  it('fails a PDF pdfjs cannot open as the reader in the calling thread fails it: the same reason, rule and messages', () => {
    const out = runBuilt(`
      const { readPdf } = await import('./dist/src/read/pdf/pdf-reader.js');
      const { SourceFile } = await import('./dist/src/core/source-file.js');
      const thread = await import('./dist/src/read/pdf/pdfjs-thread.js');
      const read = async () => {
        const f = new SourceFile('broken.pdf', Buffer.from('%PDF-1.4\\n1 0 obj << /Type /Catalog >> endobj\\ntrailer << /Root 9 0 R >>\\n%%EOF\\n'));
        try { await readPdf(f); return 'read'; } catch (err) { return JSON.stringify([err.name, err.reason, err.rule, f.messages]); }
      };
      const here = await read();
      thread.startPdfjsThread();
      const there = await read();
      await thread.stopPdfjsThread();
      console.log(JSON.stringify({ here, same: here === there }));
    `);
    const r = JSON.parse(out.trim().split('\n').pop() ?? '{}') as { here: string; same: boolean };
    expect(r.same).toBe(true);
    expect(JSON.parse(r.here)).toEqual([
      'DocumentFailure',
      expect.stringMatching(/^not a readable PDF/),
      'read:corrupt',
      [expect.objectContaining({ severity: 'fail', rule: 'read:corrupt' })],
    ]);
  }, 60_000);

  it("loads pdfjs's fixed worker from the script the build wrote, with the code cache the build made for it", () => {
    const out = runBuilt(`
      const { PREBUILT_WORKER_SCRIPT } = await import('./dist/src/read/pdf/pdfjs-worker.js');
      const { loadWorkerScript } = await import('./dist/src/read/pdf/pdfjs-worker-script.js');
      const { WorkerMessageHandler, script } = loadWorkerScript(PREBUILT_WORKER_SCRIPT);
      console.log(JSON.stringify({ handler: typeof WorkerMessageHandler, rejected: script.cachedDataRejected }));
    `);
    expect(JSON.parse(out.trim().split('\n').pop() ?? '{}')).toEqual({ handler: 'function', rejected: false });
  }, 60_000);
  it("reads with pdfjs-dist's main module run from the build's script, pdfjs-builtins.ts having run first (the engine's push after a read)", () => {
    const out = runBuilt(`
      import { readdirSync, readFileSync } from 'node:fs';
      const dir = './dist/src/cli/chunks/';
      const files = readdirSync(new URL(dir)).filter((f) => f.endsWith('.js'));
      const holder = files.filter((f) => readFileSync(new URL(dir + f), 'utf8').includes('pdfjsMainFromScript()'));
      const runs = files.find((f) => f.startsWith('pdf-page-runs-'));
      const bundled = await import(dir + holder[0]);
      const { collectPageRuns } = await import(dir + runs);
      const { SourceFile } = await import('./dist/src/core/source-file.js');
      const pdf = ${JSON.stringify(PDF)};
      const read = await collectPageRuns(new SourceFile(pdf, readFileSync(pdf)), { fontNames: true, ruledTables: true });
      let push = 'engine';
      try { Object.defineProperty([], 'length', { writable: false }).push(); } catch { push = 'core-js'; }
      const shipped = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'node_modules', 'pdfjs-dist', 'legacy', 'build', 'pdf.mjs')).href)});
      console.log(JSON.stringify({ holders: holder.length, pages: read.pages.length, push, polyfilled: '__core-js_shared__' in globalThis, script: bundled.getDocument !== shipped.getDocument && typeof bundled.getDocument === 'function' }));
    `);
    expect(JSON.parse(out.trim().split('\n').pop() ?? '')).toEqual({ holders: 1, pages: 6, push: 'engine', polyfilled: true, script: true });
  }, 60_000);
});
