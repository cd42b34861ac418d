import { readFileSync } from 'node:fs';
import { SourceFile } from '../../../src/core/source-file.js';
import { readPdf } from '../../../src/read/pdf/pdf-reader.js';
import { restoreBuiltins } from '../../../src/read/pdf/pdfjs-builtins.js';

/** core-js's push throws when nothing is pushed onto an array whose length is read-only; V8's does not. */
function pushIsCoreJs(): boolean {
  try {
    Object.defineProperty([], 'length', { writable: false }).push();
    return false;
  } catch {
    return true;
  }
}

/** core-js's JSON.parse gives a reviver the source text of each value (a proposal V8 12.x / Node 20 lacks). */
function parseIsCoreJs(): boolean {
  return JSON.parse('1', (_key, value, context?: { source?: string }) => context?.source ?? value) === '1';
}

describe('the builtins pdfjs-dist replaces', () => {
  it('pdfjs-dist has been loaded and its polyfills ran (the case this guards against)', async () => {
    await import('pdfjs-dist/legacy/build/pdf.mjs');
    expect('__core-js_shared__' in globalThis).toBe(true);
  });

  it('after a PDF is read, push and JSON.parse are the engine’s own again', async () => {
    const file = new SourceFile('bao-cao-nam-2024.pdf', readFileSync('fixtures/reports/bao-cao-nam-2024.pdf'));
    const result = await readPdf(file);
    expect(result.raw.length).toBeGreaterThan(0);
    expect(pushIsCoreJs()).toBe(false);
    expect(parseIsCoreJs()).toBe(false);
    expect(JSON.stringify({ a: [1, '\ud800'] })).toBe('{"a":[1,"\\ud800"]}');
  });

  it('restoring again finds nothing to put back', () => {
    expect(restoreBuiltins()).toEqual([]);
  });
});
