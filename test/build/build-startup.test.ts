import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as kysely from '../../src/store/kysely.js';
import * as zod from '../../schemas/zod.js';
import { createRequire } from 'node:module';
import { fixedWorkerSource, prebuiltWorkerHeader } from '../../src/read/pdf/pdfjs-worker.js';
import { workerScriptBody, workerScriptText } from '../../src/read/pdf/pdfjs-worker-script.js';
import { parseWordListText, viet74kLines, wordListFrom } from '../../src/text/viet-word-list.js';

const ROOT = process.cwd();

describe("the build's start-up step (scripts/build-startup.ts)", () => {
  let dist = '';
  beforeAll(() => {
    // inside the clone, so that esbuild finds the packages in node_modules
    mkdirSync(join(ROOT, 'out'), { recursive: true });
    dist = mkdtempSync(join(ROOT, 'out', 'build-startup-'));
    for (const [file, library] of [
      ['src/store/kysely.js', 'kysely'],
      ['schemas/zod.js', 'zod'],
    ]) {
      mkdirSync(join(dist, file, '..'), { recursive: true });
      writeFileSync(join(dist, file), `export * from '${library}';\n`);
    }
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/build-startup.ts', dist], { cwd: ROOT, stdio: 'pipe' });
  }, 120_000);
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it.each([
    ['src/store/kysely.js', 'kysely', kysely],
    ['schemas/zod.js', 'zod', zod],
  ])('%s holds %s bundled: one module with the exports of the module it replaces, importing no part of the package', async (file, library, shipped) => {
    const text = readFileSync(join(dist, file), 'utf8');
    expect(text).not.toMatch(new RegExp(`^import .* from ["']${library}(/[^"']*)?["']`, 'm'));
    const bundled = (await import(pathToFileURL(join(dist, file)).href)) as Record<string, unknown>;
    expect(Object.keys(bundled).sort()).toEqual(Object.keys(shipped).sort());
  });

  it('writes the word list that, read back, is the list built from Viet74K', () => {
    const read = parseWordListText(readFileSync(join(dist, 'src', 'text', 'viet-words.txt'), 'utf8'));
    const built = wordListFrom(viet74kLines());
    expect(read?.longest).toBe(built.longest);
    expect(read?.words).toEqual(built.words);
  });

  it("writes pdfjs-dist's worker with the fixes, under a first line naming the version and the fixes, and it loads", async () => {
    const file = join(dist, 'src', 'read', 'pdf', 'pdf.worker.fixed.mjs');
    const text = readFileSync(file, 'utf8');
    const shipped = readFileSync(createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.worker.mjs'), 'utf8');
    expect(text.slice(0, text.indexOf('\n'))).toBe(prebuiltWorkerHeader());
    expect(text.slice(text.indexOf('\n') + 1) === fixedWorkerSource(shipped)).toBe(true);
    const module = (await import(pathToFileURL(file).href)) as { WorkerMessageHandler?: unknown };
    expect(typeof module.WorkerMessageHandler).toBe('function');
  });

  it('writes the same worker as a script: the first line the same, then the build it is, then the script made from the fixed worker', () => {
    const text = readFileSync(join(dist, 'src', 'read', 'pdf', 'pdf.worker.fixed.script'), 'utf8');
    const shipped = readFileSync(createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.worker.mjs'), 'utf8');
    const body = workerScriptBody(fixedWorkerSource(shipped) ?? '');
    expect(body).toBeDefined();
    expect(text === workerScriptText(prebuiltWorkerHeader(), body ?? '')).toBe(true);
  });
});
