import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * The web app's entry module (browser TypeScript, `src/web/`), seen from this module in
 * `src/review/` (run by tsx or jest) or in `dist/src/review/` (the compiled CLI in a clone).
 */
const ENTRIES = ['../web/app-main.ts', '../../../src/web/app-main.ts'].map((rel) => fileURLToPath(new URL(rel, import.meta.url)));
const ENTRY = ENTRIES.find((p) => existsSync(p)) ?? ENTRIES[0];
/** Where `npm run build` puts the bundle: `dist/web/app.js`, beside the compiled `dist/src/`. */
const PREBUILT = fileURLToPath(new URL('../../web/app.js', import.meta.url));

/** esbuild's options for the browser bundle: one IIFE, ES2020, no source map, minified names kept readable. */
export const WEB_BUILD = {
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['es2020'],
  charset: 'utf8',
  legalComments: 'none',
  minifySyntax: true,
  minifyWhitespace: true,
} as const;

/** Bundle the web app with esbuild (a devDependency: present wherever the TypeScript sources are run). */
export async function buildWebApp(outfile?: string): Promise<string> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    ...WEB_BUILD,
    target: [...WEB_BUILD.target],
    entryPoints: [ENTRY],
    write: outfile !== undefined,
    ...(outfile ? { outfile } : {}),
    logLevel: 'silent',
  });
  if (outfile) return readFile(outfile, 'utf8');
  const out = result.outputFiles?.[0];
  if (!out) throw new Error('esbuild produced no bundle for the web app');
  return out.text;
}

let cached: Promise<string> | undefined;

/**
 * The web app's script, built once per server: from the TypeScript sources when they and
 * esbuild are at hand (a clone: never a stale bundle), else the bundle `npm run build` wrote
 * beside the compiled server (an install without the sources).
 */
export function webAppScript(): Promise<string> {
  cached ??= (async () => {
    const haveEsbuild = await import('esbuild').then(
      () => true,
      () => false, // a production install has no devDependencies: the prebuilt bundle
    );
    if (existsSync(ENTRY) && (haveEsbuild || !existsSync(PREBUILT))) return buildWebApp();
    return readFile(PREBUILT, 'utf8');
  })();
  return cached;
}

/** Apache ECharts' own browser build, served as /echarts.js (nothing is loaded from the network). */
export function echartsScript(): Promise<Buffer> {
  return readFile(createRequire(import.meta.url).resolve('echarts/dist/echarts.min.js'));
}
