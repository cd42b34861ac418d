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
 *   compiled ~40 ms faster than from the `data:` URL it is otherwise loaded from.
 * - Last, the CLI's own modules bundled in place (`bundleCli` below).
 *   tsx scripts/build-startup.ts [distDir]
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { build, type BuildOptions, type Metafile, type Plugin } from 'esbuild';
import { createRequire } from 'node:module';
import { fixedWorkerSource, PREBUILT_WORKER, prebuiltWorkerHeader } from '../src/read/pdf/pdfjs-worker.js';
import { viet74kLines, wordListFrom, wordListText } from '../src/text/viet-word-list.js';

/** The re-export modules, by their path under dist/, and the package each holds. */
const BUNDLED_LIBRARIES: readonly { file: string; library: string }[] = [
  { file: 'src/store/kysely.js', library: 'kysely' },
  { file: 'schemas/zod.js', library: 'zod' },
];

/** The entry modules of the CLI and of its worker threads, under dist/, bundled in place; their chunks go to CHUNKS. */
const CLI_ENTRIES: readonly string[] = ['src/cli/main.js', 'src/cli/ingest/pipeline-worker.js', 'src/read/pdf/pdfjs-thread-entry.js'];
const CHUNKS = 'src/cli/chunks';
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
}

await bundleCli(dist);

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
async function bundleCli(dist: string): Promise<void> {
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
  const first = await build({ ...options, write: false });
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
  const second = await build({ ...options, plugins: [moduleUrl] });
  const placed = outputDirs(second);
  for (const [path, dir] of rewritten) {
    if (placed.get(path) !== dir) throw new Error(`build-startup: ${path} moved from ${dir} to ${placed.get(path)} between the two passes`);
  }
  const outputs = Object.keys(second.metafile?.outputs ?? {});
  const inputs = new Set(Object.values(second.metafile?.outputs ?? {}).flatMap((o) => Object.keys(o.inputs)));
  process.stdout.write(
    `${relative(process.cwd(), join(dist, 'src', 'cli'))}: the CLI bundled in place: ${inputs.size} modules in ${outputs.length} files (${Math.round(
      outputs.reduce((n, o) => n + readFileSync(o).length, 0) / 1024,
    )} KB), ${rewritten.size} of them keeping their own import.meta.url\n`,
  );
}

/** Each input module (absolute path) and the folder of the output that holds its code. */
function outputDirs(result: { metafile?: Metafile }): Map<string, string> {
  if (!result.metafile) throw new Error('build-startup: esbuild gave no metafile');
  const dirs = new Map<string, string>();
  for (const [out, o] of Object.entries(result.metafile.outputs)) for (const input of Object.keys(o.inputs)) dirs.set(resolve(input), dirname(resolve(out)));
  return dirs;
}
