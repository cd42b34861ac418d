import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Script } from 'node:vm';

/**
 * pdfjs-dist's fixed worker module (pdfjs-worker.ts) as a script compiled with V8's code cache.
 * Node 20 keeps no code cache for ES modules: every thread that reads a PDF compiles the 2.3 MB
 * worker module, and then each function it runs the first time. The build writes the module as a
 * script — a function, in strict mode as a module is, of the module's URL and of `import()`,
 * returning its export — and, after reading a PDF with it, V8's cache of what was compiled
 * (`Script.createCachedData`): a thread then loads the bytecode instead of compiling (~30 ms to
 * load it, ~20 ms in its first document, measured on a 6-page report).
 *
 * The script's second line names the build (a hash of the script); the cache is used only when
 * its first line names the same one, and V8 itself refuses a cache made by another V8 or with
 * other flags — the script is then compiled as usual. The same code runs either way.
 */

/** What the script's function is given: the module's URL (its `import.meta.url`) and `import()`; it returns the module's exports. */
type ModuleFactory = (moduleUrl: string, load: (specifier: string) => Promise<unknown>) => Record<string, unknown>;

const EXPORT = 'export { WorkerMessageHandler };';
const DYNAMIC_IMPORT = /\bimport\(/g;
const STATIC_IMPORT_OR_EXPORT = /^\s*(?:import|export)\s/m;

/**
 * The worker module's source as the body of the script's function, or undefined when it is not
 * the module expected (one export, that one; one dynamic import; no other import or export).
 */
export function workerScriptBody(moduleSource: string): string | undefined {
  if (moduleSource.split(EXPORT).length !== 2) return undefined;
  const body = moduleSource.replace(EXPORT, 'return { WorkerMessageHandler };');
  if (STATIC_IMPORT_OR_EXPORT.test(body) || (body.match(DYNAMIC_IMPORT) ?? []).length !== 1) return undefined;
  const script = body.replaceAll('import.meta.url', '__solieuModuleUrl').replace(DYNAMIC_IMPORT, '__solieuImport(');
  return `(function (__solieuModuleUrl, __solieuImport) {\n'use strict';\n${script}\n})`;
}

/** The script file's text: `header` (pdfjs-worker.ts's), the build's name, then the function. */
export function workerScriptText(header: string, body: string): string {
  return `${header}\n// build ${buildOf(body)}\n${body}\n`;
}

function buildOf(body: string): string {
  return createHash('sha256').update(body).digest('hex').slice(0, 16);
}

/** The build a script file names (its second line), from its first bytes. */
function buildNamed(firstBytes: string): string | undefined {
  return /^[^\n]*\n\/\/ build ([0-9a-f]{16})\n/.exec(firstBytes)?.[1];
}

/** The code cache's file: the build's name, a newline, V8's data. */
function cacheFor(path: string, build: string): Buffer | undefined {
  if (!existsSync(path)) return undefined;
  const bytes = readFileSync(path);
  const head = Buffer.from(`${build}\n`);
  return bytes.subarray(0, head.length).equals(head) ? bytes.subarray(head.length) : undefined;
}

export interface WorkerScriptFiles {
  /** The script (workerScriptText). */
  script: string;
  /** Its code cache. */
  cache: string;
  /** The module file the script was made from, whose URL it is given as its own. */
  module: string;
}

/** Compile the script (with its cache when it has a valid one) and run it: the worker module's exports, and the compiled script. */
export function loadWorkerScript(files: WorkerScriptFiles, source = readFileSync(files.script, 'utf8')): { WorkerMessageHandler: unknown; script: Script } {
  const { exports, script } = runModuleScript(files, source, (specifier) => import(specifier));
  return { WorkerMessageHandler: exports.WorkerMessageHandler, script };
}

/**
 * Compile a script made by `workerScriptText` (with its cache when it has a valid one) and call its
 * function with the module's URL and `load` as its `import()`: what it returns (the module's exports), and the compiled script.
 */
export function runModuleScript(
  files: WorkerScriptFiles,
  source: string,
  load: (specifier: string) => Promise<unknown>,
): { exports: Record<string, unknown>; script: Script } {
  const build = buildNamed(source.slice(0, 512));
  const cachedData = build ? cacheFor(files.cache, build) : undefined;
  const script = new Script(source, { filename: files.script, ...(cachedData ? { cachedData } : {}) });
  const factory = script.runInThisContext() as ModuleFactory;
  return { exports: factory(pathToFileURL(files.module).href, load), script };
}

/** Write the code cache of a script that has run (what it compiled so far is in it). */
export function writeWorkerScriptCache(files: WorkerScriptFiles, script: Script, source: string): void {
  const build = buildNamed(source.slice(0, 512));
  if (!build) throw new Error(`${files.script} names no build`);
  writeFileSync(files.cache, Buffer.concat([Buffer.from(`${build}\n`), script.createCachedData()]));
}
