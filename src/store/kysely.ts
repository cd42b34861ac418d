/**
 * Kysely, as every module of solieu imports it. From the sources (tsx, jest) this is the package
 * itself; the build (`scripts/build-startup.ts`) replaces the compiled file with Kysely bundled
 * into it, one module instead of the package's ~260: loading them was a tenth of a one-file
 * `solieu ingest`. Importing `kysely` anywhere else in src/ would load a second copy in the
 * compiled CLI; the linter forbids it (biome.jsonc).
 */
export * from 'kysely';
