import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runModuleScript, type WorkerScriptFiles } from './pdfjs-worker-script.js';

/**
 * pdfjs-dist's main module (`pdfjs-dist/legacy/build/pdf.mjs`, ~1 MB) as a script compiled with
 * V8's code cache, as pdfjs-worker-script.ts does for its worker: Node 20 keeps no code cache for
 * ES modules, so every thread that reads a PDF compiled it (~95 ms to load in a fresh worker
 * thread, ~60 ms with the cache, measured alone). The build writes the script beside the compiled
 * modules (`scripts/build-startup.ts`) and bundles the CLI so that its imports of the module get
 * the script's exports (`pdfjsMainFromScript`), or the module itself when the script is not
 * there or not made for this pdfjs-dist. The script runs the module's own code: strict, with the
 * module's URL as `import.meta.url` and its one `import()` (of the worker file, when no worker
 * was put in `globalThis.pdfjsWorker`) resolved from there.
 */

const require = createRequire(import.meta.url);

/** The shipped module: the file whose URL the script is given as its own. */
export const PDFJS_MAIN_MODULE = require.resolve('pdfjs-dist/legacy/build/pdf.mjs');

/** The script and its cache, beside the compiled module. */
export const PREBUILT_MAIN_SCRIPT: WorkerScriptFiles = {
  script: fileURLToPath(new URL('./pdf.main.script', import.meta.url)),
  cache: fileURLToPath(new URL('./pdf.main.script.cache', import.meta.url)),
  module: PDFJS_MAIN_MODULE,
};

/** The module's last statement: `export { a, b, … };`, plain names only. */
const EXPORT_LIST = /\nexport \{([\w$,\s]+)\};\s*(?:\/\/# sourceMappingURL=\S+\s*)?$/;
/** The module's one `import()`, of its worker file (webpack's and vite's markers after it). */
const WORKER_IMPORT = 'await import(\n      /*webpackIgnore: true*/';
/** Its other `import(`, inside a string: the wrapper of a worker loaded from a CDN (browsers only). */
const CDN_WRAPPER = '`await import("$' + '{url}");`';

/** The names the module exports, or undefined when it does not end with one plain export list. */
export function mainModuleExports(source: string): string[] | undefined {
  const list = EXPORT_LIST.exec(source)?.[1];
  const names = list
    ?.split(',')
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
  // `a as b` is not a plain name
  return names?.every((name) => /^[\w$]+$/.test(name)) ? names : undefined;
}

/**
 * The main module's source as the body of the script's function (workerScriptText writes the
 * file), or undefined when it is not the module expected: one export list at its end, no other
 * import or export, its `import()`s the two known.
 */
export function mainScriptBody(source: string): string | undefined {
  const at = source.search(EXPORT_LIST);
  const names = mainModuleExports(source);
  if (at < 0 || !names || names.length === 0) return undefined;
  const code = source.slice(0, at);
  if (/^\s*(?:import|export)\s/m.test(code)) return undefined;
  if ((code.match(/\bimport\(/g) ?? []).length !== 2 || code.split(WORKER_IMPORT).length !== 2 || code.split(CDN_WRAPPER).length !== 2) return undefined;
  const body = code.replace(WORKER_IMPORT, 'await __solieuImport(\n      /*webpackIgnore: true*/').replaceAll('import.meta.url', '__solieuModuleUrl');
  return `(function (__solieuModuleUrl, __solieuImport) {\n'use strict';\n${body}\nreturn { ${names.join(', ')} };\n})`;
}

/** Run the script (with its cache when valid): the module's exports and the compiled script. */
export function loadMainScript(files: WorkerScriptFiles, source = readFileSync(files.script, 'utf8')): ReturnType<typeof runModuleScript> {
  const base = pathToFileURL(files.module);
  return runModuleScript(files, source, (specifier) => import(new URL(specifier, base).href));
}

/**
 * pdfjs's main module from the prebuilt script when the build wrote it for this pdfjs-dist, else
 * undefined (the caller imports the module).
 */
export function pdfjsMainFromScript(files: WorkerScriptFiles = PREBUILT_MAIN_SCRIPT): Record<string, unknown> | undefined {
  if (!existsSync(files.script)) return undefined;
  const source = readFileSync(files.script, 'utf8');
  if (!source.startsWith(`${mainScriptHeader()}\n`)) return undefined;
  return loadMainScript(files, source).exports;
}

/** The first line of the script made for this pdfjs-dist. */
export function mainScriptHeader(): string {
  const { version } = require('pdfjs-dist/package.json') as { version: string };
  return `// solieu: pdf.mjs of pdfjs-dist ${version} as a script (src/read/pdf/pdfjs-main-script.ts)`;
}
