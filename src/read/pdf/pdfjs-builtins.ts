/**
 * pdfjs-dist's legacy build bundles core-js, which on Node 20 replaces three of the engine's own
 * functions for the whole process, not just for pdfjs: `Array.prototype.push` (a JavaScript loop,
 * because V8 does not throw the spec's error when pushing onto an array whose length was made
 * read-only), and `JSON.parse` / `JSON.stringify` (JavaScript wrappers for the `JSON.rawJSON` and
 * parse-source proposals). Every push of every stage, and every JSON the store writes, then runs
 * through them: `push` alone was ~9% of `solieu ingest`'s CPU time. Neither pdfjs nor solieu uses
 * what the replacements add, so the engine's own functions are put back.
 *
 * This module must be evaluated before pdfjs-dist (and its worker module) is: it is the first
 * import of `pdf-document.ts`, and it keeps what it saw at that moment only when core-js had not
 * run yet. `restoreBuiltins()` is called after the pdfjs modules load (the worker module is loaded
 * by the first `getDocument`, and re-applies its polyfills then).
 */
interface Builtins {
  push: typeof Array.prototype.push;
  parse: typeof JSON.parse;
  stringify: typeof JSON.stringify;
}

/** The engine's own functions, when this module ran before core-js did; otherwise nothing to restore. */
const NATIVE: Builtins | undefined =
  '__core-js_shared__' in globalThis ? undefined : { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify };

/** Put back the engine's own push, JSON.parse and JSON.stringify if a polyfill replaced them; returns the names put back. */
export function restoreBuiltins(): string[] {
  if (!NATIVE) return [];
  const restored: string[] = [];
  if (Array.prototype.push !== NATIVE.push) {
    Object.defineProperty(Array.prototype, 'push', { value: NATIVE.push, writable: true, configurable: true, enumerable: false });
    restored.push('Array.prototype.push');
  }
  if (JSON.parse !== NATIVE.parse) {
    Object.defineProperty(JSON, 'parse', { value: NATIVE.parse, writable: true, configurable: true, enumerable: false });
    restored.push('JSON.parse');
  }
  if (JSON.stringify !== NATIVE.stringify) {
    Object.defineProperty(JSON, 'stringify', { value: NATIVE.stringify, writable: true, configurable: true, enumerable: false });
    restored.push('JSON.stringify');
  }
  return restored;
}
