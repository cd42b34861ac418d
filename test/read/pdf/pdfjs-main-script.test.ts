import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMainScript, mainModuleExports, mainScriptBody, PDFJS_MAIN_MODULE } from '../../../src/read/pdf/pdfjs-main-script.js';
import { workerScriptText } from '../../../src/read/pdf/pdfjs-worker-script.js';

/**
 * pdfjs-dist's main module as a script (src/read/pdf/pdfjs-main-script.ts): made only from the
 * module expected, exporting what the module exports, running strict with the module's URL.
 */
const SHIPPED = readFileSync(PDFJS_MAIN_MODULE, 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'solieu-main-script-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("pdfjs-dist's main module as a script", () => {
  it('is made from the shipped module, and its function returns every name the module exports', async () => {
    const body = mainScriptBody(SHIPPED);
    expect(body).toBeDefined();
    const files = { script: join(dir, 'pdf.script'), cache: join(dir, 'pdf.cache'), module: PDFJS_MAIN_MODULE };
    writeFileSync(files.script, workerScriptText('// header', body ?? ''));
    const { exports } = loadMainScript(files);
    const module = (await import('pdfjs-dist/legacy/build/pdf.mjs')) as Record<string, unknown>;
    expect(Object.keys(exports).sort()).toEqual(Object.keys(module).sort());
    expect(mainModuleExports(SHIPPED)?.sort()).toEqual(Object.keys(module).sort());
    expect(exports.version).toBe(module.version);
    expect(typeof exports.getDocument).toBe('function');
  });

  it('runs the code strict, with the URL of the module as import.meta.url and import() resolved from there', async () => {
    const code = [
      'const url = import.meta.url;',
      'const strict = (function () { return this === undefined; })();',
      // the module's two import()s: its worker's, and one in a string
      'const cdn = (url) => `await import("$' + '{url}");`;',
      'async function worker(src) { const w = await import(\n      /*webpackIgnore: true*/\n      src); return w; }',
      'export { cdn, strict, url, worker };',
    ].join('\n');
    const body = mainScriptBody(code);
    expect(body).toBeDefined();
    writeFileSync(join(dir, 'value.mjs'), 'export const value = 42;\n');
    const files = { script: join(dir, 'a.script'), cache: join(dir, 'a.cache'), module: join(dir, 'a.mjs') };
    writeFileSync(files.script, workerScriptText('// header', body ?? ''));
    const { exports } = loadMainScript(files);
    expect(exports.url).toBe(`file://${files.module}`);
    expect(exports.strict).toBe(true);
    expect(((await (exports.worker as (s: string) => Promise<{ value: number }>)('./value.mjs')) as { value: number }).value).toBe(42);
  });

  it('is not made from another module: no export list at the end, another import or export, another import()', () => {
    const last = SHIPPED.lastIndexOf('\nexport {');
    expect(mainScriptBody(SHIPPED.slice(0, last))).toBeUndefined();
    expect(mainScriptBody(`import fs from 'node:fs';\n${SHIPPED}`)).toBeUndefined();
    expect(mainScriptBody(SHIPPED.replace('\nexport {', '\nexport const more = 1;\nexport {'))).toBeUndefined();
    expect(mainScriptBody(`const x = () => import('a');\n${SHIPPED}`)).toBeUndefined();
    expect(mainScriptBody(SHIPPED.replace(/\nexport \{ (\w+),/, '\nexport { $1 as renamed,'))).toBeUndefined();
  });
});
