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
 *   tsx scripts/build-startup.ts [distDir]
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { fixedWorkerSource, PREBUILT_WORKER, prebuiltWorkerHeader } from '../src/read/pdf/pdfjs-worker.js';
import { viet74kLines, wordListFrom, wordListText } from '../src/text/viet-word-list.js';

/** The re-export modules, by their path under dist/, and the package each holds. */
const BUNDLED_LIBRARIES: readonly { file: string; library: string }[] = [
  { file: 'src/store/kysely.js', library: 'kysely' },
  { file: 'schemas/zod.js', library: 'zod' },
];

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
