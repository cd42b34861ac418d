/**
 * `npm run build`'s third step: what makes the compiled CLI start fast, written into dist/.
 * - The compiled re-export modules of Kysely and zod (dist/src/store/kysely.js,
 *   dist/schemas/zod.js) replaced by the library bundled into each. Node loads an ES module
 *   package file by file: Kysely's ~260 files took ~110 ms to load and zod's ~95 ~50 ms, against
 *   ~12 ms and ~30 ms as one file each — paid by every `solieu` process, and zod's by every
 *   worker thread. Nothing else is bundled: solieu's own modules, pdfjs-dist and the native and
 *   CommonJS packages load as they ship.
 * - The Vietnamese word list (src/text/viet-word-list.ts) as its prebuilt file, beside the
 *   compiled module: read in ~15 ms where building it from Viet74K takes ~70 ms.
 * - pdfjs-dist's worker with solieu's fixes (src/read/pdf/pdfjs-worker.ts) as a module file,
 *   compiled ~40 ms faster than from the `data:` URL it is otherwise loaded from; and as a script
 *   with V8's code cache of it, made by reading the fixture PDFs with it (`writeWorkerScript`).
 * - Last, the CLI's own modules bundled in place (`bundleCli` below).
 *   tsx scripts/build-startup.ts [distDir]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { build, type BuildOptions, type Metafile, type Plugin } from 'esbuild';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fixedWorkerSource, PREBUILT_WORKER, PREBUILT_WORKER_SCRIPT, prebuiltWorkerHeader } from '../src/read/pdf/pdfjs-worker.js';
import { workerScriptBody, workerScriptText } from '../src/read/pdf/pdfjs-worker-script.js';
import { mainModuleExports, mainScriptBody, mainScriptHeader, PDFJS_MAIN_MODULE, PREBUILT_MAIN_SCRIPT } from '../src/read/pdf/pdfjs-main-script.js';
import { viet74kLines, wordListFrom, wordListText } from '../src/text/viet-word-list.js';

/** The re-export modules, by their path under dist/, and the package each holds. */
const BUNDLED_LIBRARIES: readonly { file: string; library: string }[] = [
  { file: 'src/store/kysely.js', library: 'kysely' },
  { file: 'schemas/zod.js', library: 'zod' },
];

/**
 * The entry modules of the CLI and of its worker threads, under dist/, bundled in place; their chunks go to CHUNKS.
 * early-pdfjs-thread.js is one too: bin/solieu.js loads it before the CLI, to start the pdfjs thread sooner.
 */
const CLI_ENTRIES: readonly string[] = [
  'src/cli/main.js',
  'src/cli/ingest/early-pdfjs-thread.js',
  'src/cli/ingest/pipeline-worker.js',
  'src/read/pdf/pdfjs-thread-entry.js',
];
const CHUNKS = 'src/cli/chunks';
/** The PDFs (fixtures/reports/) read to make the worker script's code cache. */
const WARM_UP_PDFS: readonly string[] = ['bao-cao-nam-2024.pdf', 'bao-cao-thang-8-2021.pdf'];
/** What pdfjs-builtins.ts does first (it must run before pdfjs-dist is evaluated). */
const BUILTINS_MARK = '"__core-js_shared__" in globalThis';
/** What the bundle imports of pdfjs-dist's main module is (pdfjsMainFromScript below), and the first line of the module put in its place. */
const PDFJS_MAIN = 'pdfjs-dist/legacy/build/pdf.mjs';
const PDFJS_MAIN_MARK = '// solieu: pdfjs-dist/legacy/build/pdf.mjs from its script';
/** The first line of every file of the bundle. */
const BUNDLED_MARK = '// solieu: bundled by scripts/build-startup.ts';

const dist = process.argv[2] ?? join(process.cwd(), 'dist');
const say = (path: string, what: string) =>
  process.stdout.write(`${relative(process.cwd(), path)}: ${what} (${Math.round(readFileSync(path).length / 1024)} KB)\n`);
for (const { file, library } of BUNDLED_LIBRARIES) {
  const path = join(dist, file);
  if (!existsSync(path)) throw new Error(`build-startup: ${path} is not there; run tsc -p tsconfig.build.json first`);
  if (!readFileSync(path, 'utf8').includes(`from '${library}'`)) throw new Error(`build-startup: ${path} does not re-export ${library}`);
  await build({
    entryPoints: [path],
    outfile: path,
    allowOverwrite: true,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  });
  say(path, `${library} bundled`);
}
const words = join(dist, 'src', 'text', 'viet-words.txt');
mkdirSync(dirname(words), { recursive: true });
writeFileSync(words, wordListText(wordListFrom(viet74kLines())));
say(words, 'the Vietnamese word list');
const shipped = readFileSync(createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.worker.mjs'), 'utf8');
const fixed = fixedWorkerSource(shipped);
const worker = join(dist, 'src', 'read', 'pdf', basename(PREBUILT_WORKER));
if (fixed === undefined) process.stdout.write(`${relative(process.cwd(), worker)}: not written: the worker fixes do not apply to this pdfjs-dist\n`);
else {
  mkdirSync(dirname(worker), { recursive: true });
  writeFileSync(worker, `${prebuiltWorkerHeader()}\n${fixed}`);
  say(worker, "pdfjs-dist's worker with solieu's fixes");
  writeWorkerScript(dist, fixed);
}

const mainExports = writeMainScript(dist);

await bundleCli(dist, mainExports);

/**
 * The CLI's entry modules, bundled in place: each compiled entry file replaced by a bundle of the
 * solieu modules it loads (packages stay imports, as they ship), the modules that two entries
 * or a dynamic import share in chunks beside them. Node then loads a handful of files where it
 * loaded ~150 (`solieu ingest` of one PDF). What each `import()` loaded still loads only when it
 * is called (a chunk of its own). The worker threads' entries are bundled too, at the paths the
 * modules that start them look for them.
 *
 * A module's `import.meta.url` stays the URL of its compiled file, wherever its code lands:
 * the files it finds beside itself (the word list, pdfjs's fixed worker, the worker entries, the
 * review's web app) are where they were. esbuild runs twice: the first time to learn which output
 * holds each module, the second writing every `import.meta.url` as the module's own file seen
 * from there. The rest of dist/ is as tsc wrote it (the tests and scripts that import it); `tsc`
 * writes the entries unbundled again, and `npm run build` bundles them again.
 */
async function bundleCli(dist: string, pdfjsMainExports: string[] | undefined): Promise<void> {
  const entries = CLI_ENTRIES.map((file) => join(dist, file));
  const missing = entries.find((file) => !existsSync(file));
  if (missing) {
    process.stdout.write(`${relative(process.cwd(), missing)}: not there: the CLI is not bundled\n`);
    return;
  }
  const bundled = entries.find((file) => readFileSync(file, 'utf8').startsWith(BUNDLED_MARK));
  if (bundled) throw new Error(`build-startup: ${bundled} is bundled already; run tsc -p tsconfig.build.json first`);
  const chunks = join(dist, CHUNKS);
  rmSync(chunks, { recursive: true, force: true });
  const options: BuildOptions = {
    entryPoints: entries,
    outbase: dist,
    outdir: dist,
    chunkNames: `${CHUNKS}/[name]-[hash]`,
    allowOverwrite: true,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    banner: { js: BUNDLED_MARK },
    metafile: true,
    logLevel: 'warning',
  };
  // pdfjs-dist's main module from its script, when the build wrote one (in both passes: the same modules)
  const pdfjsMain = pdfjsMainExports ? [pdfjsMainFromScript(dist, pdfjsMainExports)] : [];
  const first = await build({ ...options, plugins: pdfjsMain, write: false });
  const place = outputDirs(first);
  const rewritten = new Map<string, string>();
  const moduleUrl: Plugin = {
    name: 'module-url',
    setup(b) {
      b.onLoad({ filter: /\.js$/ }, async ({ path }) => {
        const text = await readFile(path, 'utf8');
        if (!text.includes('import.meta.url')) return undefined;
        const dir = place.get(path);
        if (!dir) throw new Error(`build-startup: no output holds ${path}`);
        rewritten.set(path, dir);
        const own = relative(dir, path).split(sep).join('/');
        return { contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(own)}, import.meta.url).href`), loader: 'js' };
      });
    },
  };
  const second = await build({ ...options, plugins: [moduleUrl, ...pdfjsMain] });
  const placed = outputDirs(second);
  for (const [path, dir] of rewritten) {
    if (placed.get(path) !== dir) throw new Error(`build-startup: ${path} moved from ${dir} to ${placed.get(path)} between the two passes`);
  }
  const outputs = Object.keys(second.metafile?.outputs ?? {});
  // pdfjs-builtins.ts must run before pdfjs-dist: a file of the bundle holding both would evaluate pdfjs-dist (an import, hoisted) first
  for (const out of outputs) {
    const text = readFileSync(out, 'utf8');
    const pdfjsAt = text.indexOf('pdfjsMainFromScript()');
    if (text.includes(BUILTINS_MARK) && (/from "pdfjs-dist\//.test(text) || (pdfjsAt >= 0 && pdfjsAt < text.indexOf(BUILTINS_MARK))))
      throw new Error(
        `build-startup: ${out} holds pdfjs-builtins.ts and imports pdfjs-dist, which would run first; import the module that loads pdfjs-dist dynamically`,
      );
  }
  const inputs = new Set(Object.values(second.metafile?.outputs ?? {}).flatMap((o) => Object.keys(o.inputs)));
  process.stdout.write(
    `${relative(process.cwd(), join(dist, 'src', 'cli'))}: the CLI bundled in place: ${inputs.size} modules in ${outputs.length} files (${Math.round(
      outputs.reduce((n, o) => n + readFileSync(o).length, 0) / 1024,
    )} KB), ${rewritten.size} of them keeping their own import.meta.url\n`,
  );
}

/**
 * The bundle's imports of pdfjs-dist's main module made to take its exports from the script the
 * build wrote (src/read/pdf/pdfjs-main-script.ts), compiled with its code cache, or from the module
 * when the script is not there: a module of the bundle in the place of the package's.
 */
function pdfjsMainFromScript(dist: string, names: readonly string[]): Plugin {
  const loader = join(dist, 'src', 'read', 'pdf', 'pdfjs-main-script.js');
  // imported first, as pdf-document.ts does, and used (a bare import would be dropped: esbuild finds the module free of side effects):
  // whichever file of the bundle holds this module, pdfjs-builtins.ts runs before pdfjs does, and puts back what pdfjs replaced at once, as pdf-document.ts does
  const builtins = join(dist, 'src', 'read', 'pdf', 'pdfjs-builtins.js');
  return {
    name: 'pdfjs-main-from-script',
    setup(b) {
      b.onResolve({ filter: /^pdfjs-dist\/legacy\/build\/pdf\.mjs$/ }, (args) =>
        args.namespace === 'pdfjs-main' ? { path: PDFJS_MAIN, external: true } : { path: PDFJS_MAIN, namespace: 'pdfjs-main' },
      );
      b.onLoad({ filter: /.*/, namespace: 'pdfjs-main' }, () => ({
        contents: [
          PDFJS_MAIN_MARK,
          `import { restoreBuiltins } from ${JSON.stringify(builtins)};`,
          `import { pdfjsMainFromScript } from ${JSON.stringify(loader)};`,
          `const pdfjs = pdfjsMainFromScript() ?? (await import(${JSON.stringify(PDFJS_MAIN)}));`,
          'restoreBuiltins();',
          `export const { ${names.join(', ')} } = pdfjs;`,
        ].join('\n'),
        loader: 'js',
        resolveDir: dist,
      }));
    },
  };
}

/** Each input module (absolute path) and the folder of the output that holds its code. */
function outputDirs(result: { metafile?: Metafile }): Map<string, string> {
  if (!result.metafile) throw new Error('build-startup: esbuild gave no metafile');
  const dirs = new Map<string, string>();
  for (const [out, o] of Object.entries(result.metafile.outputs)) for (const input of Object.keys(o.inputs)) dirs.set(resolve(input), dirname(resolve(out)));
  return dirs;
}

/**
 * pdfjs-dist's main module as a script (src/read/pdf/pdfjs-main-script.ts) and its code cache, made
 * as the worker's are (a child process reads the fixture PDFs with it): the names it exports, for
 * the bundle; undefined when the module is not the one expected (nothing written: the CLI imports the module).
 */
function writeMainScript(dist: string): string[] | undefined {
  const files = {
    ...PREBUILT_MAIN_SCRIPT,
    script: join(dist, 'src', 'read', 'pdf', basename(PREBUILT_MAIN_SCRIPT.script)),
    cache: join(dist, 'src', 'read', 'pdf', basename(PREBUILT_MAIN_SCRIPT.cache)),
  };
  rmSync(files.script, { force: true });
  rmSync(files.cache, { force: true });
  const shipped = readFileSync(PDFJS_MAIN_MODULE, 'utf8');
  const body = mainScriptBody(shipped);
  if (body === undefined) {
    process.stdout.write(`${relative(process.cwd(), files.script)}: not written: pdf.mjs is not the module expected\n`);
    return undefined;
  }
  writeFileSync(files.script, workerScriptText(mainScriptHeader(), body));
  say(files.script, "pdfjs-dist's main module as a script");
  const fixtures = WARM_UP_PDFS.map((name) => fileURLToPath(new URL(`../fixtures/reports/${name}`, import.meta.url))).filter((p) => existsSync(p));
  if (fixtures.length === 0 || !existsSync(join(dist, 'src', 'read', 'pdf', 'pdfjs-main-script.js'))) {
    process.stdout.write(`${relative(process.cwd(), files.cache)}: not written: no fixture PDF or no compiled loader\n`);
    return mainModuleExports(shipped);
  }
  const compiled = (file: string) => pathToFileURL(join(dist, file)).href;
  // the reader's calls, on the script's exports: opening, text, operator lists (font names, drawn lines, widgets)
  const code = `
    import { readFileSync } from 'node:fs';
    const files = ${JSON.stringify(files)};
    const { loadMainScript } = await import(${JSON.stringify(compiled('src/read/pdf/pdfjs-main-script.js'))});
    const { writeWorkerScriptCache } = await import(${JSON.stringify(compiled('src/read/pdf/pdfjs-worker-script.js'))});
    const { useFixedPdfjsWorker } = await import(${JSON.stringify(compiled('src/read/pdf/pdfjs-worker.js'))});
    const { pdfjsParams } = await import(${JSON.stringify(compiled('src/read/pdf/pdf-document.js'))});
    const source = readFileSync(files.script, 'utf8');
    const { exports: pdfjs, script } = loadMainScript(files, source);
    await useFixedPdfjsWorker();
    for (const path of ${JSON.stringify(fixtures)}) {
      const pdf = await pdfjs.getDocument(pdfjsParams(new Uint8Array(readFileSync(path)), { maxImageSize: 1 })).promise;
      for (let n = 1; n <= pdf.numPages; n++) {
        const page = await pdf.getPage(n);
        await page.getTextContent();
        await page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE });
        await page.getAnnotations();
        page.cleanup();
      }
      await pdf.destroy();
    }
    writeWorkerScriptCache(files, script, source);
  `;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8', cwd: process.cwd() });
  if (run.status !== 0) throw new Error(`build-startup: the main module's code cache was not made: ${run.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  say(files.cache, `its code cache, from reading ${fixtures.length} fixture PDF(s)`);
  return mainModuleExports(shipped);
}

/**
 * The fixed worker as a script (src/read/pdf/pdfjs-worker-script.ts), beside the module file, and
 * its code cache: a child process (plain Node, as the CLI runs) loads the script from dist/, reads
 * the fixture PDFs with the compiled reader, and writes what V8 compiled. Without the fixtures (or
 * when the module is not the one expected) no cache or no script is written; the worker then loads as before.
 */
function writeWorkerScript(dist: string, fixed: string): void {
  const files = {
    script: join(dist, 'src', 'read', 'pdf', basename(PREBUILT_WORKER_SCRIPT.script)),
    cache: join(dist, 'src', 'read', 'pdf', basename(PREBUILT_WORKER_SCRIPT.cache)),
    module: join(dist, 'src', 'read', 'pdf', basename(PREBUILT_WORKER)),
  };
  rmSync(files.script, { force: true });
  rmSync(files.cache, { force: true });
  const body = workerScriptBody(fixed);
  if (body === undefined) {
    process.stdout.write(`${relative(process.cwd(), files.script)}: not written: pdf.worker.mjs is not the module expected\n`);
    return;
  }
  writeFileSync(files.script, workerScriptText(prebuiltWorkerHeader(), body));
  say(files.script, 'the same as a script');
  const fixtures = WARM_UP_PDFS.map((name) => fileURLToPath(new URL(`../fixtures/reports/${name}`, import.meta.url))).filter((p) => existsSync(p));
  const compiled = (file: string) => pathToFileURL(join(dist, file)).href;
  if (fixtures.length === 0 || !existsSync(join(dist, 'src', 'read', 'pdf', 'pdf-page-runs.js'))) {
    process.stdout.write(`${relative(process.cwd(), files.cache)}: not written: no fixture PDF or no compiled reader\n`);
    return;
  }
  const code = `
    import { readFileSync } from 'node:fs';
    const files = ${JSON.stringify(files)};
    const { loadWorkerScript, writeWorkerScriptCache } = await import(${JSON.stringify(compiled('src/read/pdf/pdfjs-worker-script.js'))});
    const source = readFileSync(files.script, 'utf8');
    const { WorkerMessageHandler, script } = loadWorkerScript(files, source);
    globalThis.pdfjsWorker = { WorkerMessageHandler };
    const { collectPageRuns } = await import(${JSON.stringify(compiled('src/read/pdf/pdf-page-runs.js'))});
    const { SourceFile } = await import(${JSON.stringify(compiled('src/core/source-file.js'))});
    for (const path of ${JSON.stringify(fixtures)}) await collectPageRuns(new SourceFile(path, readFileSync(path)), { fontNames: true, ruledTables: true });
    writeWorkerScriptCache(files, script, source);
  `;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8', cwd: process.cwd() });
  if (run.status !== 0) throw new Error(`build-startup: the worker's code cache was not made: ${run.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  say(files.cache, `its code cache, from reading ${fixtures.length} fixture PDF(s)`);
}
