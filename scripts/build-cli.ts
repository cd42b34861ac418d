/**
 * `npm run build`'s last step: the compiled CLI (dist/src/cli/main.js, and the ingest worker
 * thread's entry, dist/src/cli/ingest/pipeline-worker.js) bundled with esbuild into
 * dist/bundle/cli/, which bin/solieu.js runs when it is there and not older than the compiled
 * modules (issue 13, start-up). Without it a process resolves, reads and links ~500 modules
 * (those of the stages, the store, zod and Kysely) before it reads a file; the bundle is a few
 * files, with what no command uses left out. Commands and stages still load when they are needed:
 * each dynamic import is a chunk of its own.
 *
 * The bundle sits two folders below dist/, as the compiled modules do (dist/src/<stage>/), so the
 * paths a module finds from its own URL (the review's web app, the worker entry beside the
 * executor) are the same. Packages with native code, data files or workers of their own, and
 * those only some commands load, stay in node_modules and are imported from there.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

/** Pure-JavaScript packages the ingest path loads at every start: bundled. Every other dependency is imported from node_modules. */
const BUNDLED = new Set(['zod', 'kysely', 'p-queue', 'commander', 'tinyglobby']);

const root = process.cwd();
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
const external = Object.keys(pkg.dependencies)
  .filter((name) => !BUNDLED.has(name))
  .flatMap((name) => [name, `${name}/*`]);

const out = join(root, 'dist', 'bundle', 'cli');
const result = await build({
  entryPoints: {
    main: join(root, 'dist', 'src', 'cli', 'main.js'),
    'pipeline-worker': join(root, 'dist', 'src', 'cli', 'ingest', 'pipeline-worker.js'),
  },
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  chunkNames: 'chunk-[hash]',
  // the CommonJS packages bundled (commander) require Node's builtins
  banner: { js: "import { createRequire as __solieuCreateRequire } from 'node:module'; const require = __solieuCreateRequire(import.meta.url);" },
  metafile: true,
  logLevel: 'warning',
});
const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
process.stdout.write(`cli bundle: ${out} (${Object.keys(result.metafile.outputs).length} files, ${Math.round(bytes / 1024)} KB)\n`);
