/**
 * zod, as every schema and module of solieu imports it. From the sources (tsx, jest) this is the
 * package itself; the build (`scripts/build-startup.ts`) replaces the compiled file with zod
 * bundled into it, one module instead of the package's ~95, loaded by the main thread and by every
 * worker thread. Importing `zod` anywhere else in src/, schemas/ or pipelines/ would load a second
 * copy in the compiled CLI; the linter forbids it (biome.jsonc).
 */
export * from 'zod';
