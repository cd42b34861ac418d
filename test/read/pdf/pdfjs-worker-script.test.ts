import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fixedWorkerSource } from '../../../src/read/pdf/pdfjs-worker.js';
import { loadWorkerScript, workerScriptBody, workerScriptText, writeWorkerScriptCache } from '../../../src/read/pdf/pdfjs-worker-script.js';

/**
 * pdfjs's fixed worker module as a script with V8's code cache (src/read/pdf/pdfjs-worker-script.ts):
 * the script runs the module's code, as strict as the module, with the module's URL and `import()`;
 * only the module expected becomes a script; a cache is used only by the build it was made for.
 */
const MODULE = [
  'const url = import.meta.url;',
  'function strict() { return this === undefined; }',
  'class WorkerMessageHandler { static url = url; static strict = strict(); static load(path) { return import(/*webpackIgnore: true*/ path); } }',
  'export { WorkerMessageHandler };',
].join('\n');

interface Handler {
  url: string;
  strict: boolean;
  load(path: string): Promise<{ value: number }>;
}

const dir = mkdtempSync(join(tmpdir(), 'solieu-worker-script-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the worker module as a script', () => {
  it("runs the module's code in strict mode, with the module's URL as import.meta.url and import() as the module's", async () => {
    const body = workerScriptBody(MODULE);
    expect(body).toBeDefined();
    const files = { script: join(dir, 'a.script'), cache: join(dir, 'a.cache'), module: join(dir, 'a.mjs') };
    writeFileSync(files.script, workerScriptText('// header', body ?? ''));
    writeFileSync(join(dir, 'value.mjs'), 'export const value = 42;\n');
    const handler = loadWorkerScript(files).WorkerMessageHandler as Handler;
    expect(handler.url).toBe(`file://${files.module}`);
    expect(handler.strict).toBe(true);
    expect((await handler.load(`file://${join(dir, 'value.mjs')}`)).value).toBe(42);
  });

  it('is made only from the module expected: its one export, one dynamic import, no other import or export', () => {
    expect(workerScriptBody(MODULE.replace('export { WorkerMessageHandler };', 'export { WorkerMessageHandler as W };'))).toBeUndefined();
    expect(workerScriptBody(`${MODULE}\nexport { WorkerMessageHandler };`)).toBeUndefined();
    expect(workerScriptBody(`import fs from 'node:fs';\n${MODULE}`)).toBeUndefined();
    expect(workerScriptBody(`${MODULE}\nexport const more = 1;`)).toBeUndefined();
    expect(workerScriptBody(MODULE.replace('return import(', 'return ('))).toBeUndefined();
  });

  it("is made from pdfjs-dist's fixed worker", () => {
    const shipped = readFileSync(createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.worker.mjs'), 'utf8');
    const fixed = fixedWorkerSource(shipped);
    expect(fixed).toBeDefined();
    expect(workerScriptBody(fixed ?? '')).toBeDefined();
  });

  it('uses the code cache written for its build, and ignores one written for another', () => {
    const body = workerScriptBody(MODULE) ?? '';
    const files = { script: join(dir, 'b.script'), cache: join(dir, 'b.cache'), module: join(dir, 'b.mjs') };
    const source = workerScriptText('// header', body);
    writeFileSync(files.script, source);
    writeWorkerScriptCache(files, loadWorkerScript(files, source).script, source);
    expect(loadWorkerScript(files).script.cachedDataRejected).toBe(false);
    // another build: the cache is not given to V8 at all (nothing to reject)
    const other = workerScriptText('// header', body.replace('const url', 'const url2 = 1;\nconst url'));
    writeFileSync(files.script, other);
    expect(loadWorkerScript(files).script.cachedDataRejected).toBeUndefined();
  });
});
