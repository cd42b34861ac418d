#!/usr/bin/env node
// The installed entry point: runs the compiled CLI (npm ci builds it via `prepare`): the bundle of
// scripts/build-cli.ts (a few files to load instead of ~500 modules) when it is there and not
// older than the compiled modules, else those modules.
import { statSync } from 'node:fs';

const mtime = (rel) => statSync(new URL(rel, import.meta.url), { throwIfNoEntry: false })?.mtimeMs;
const bundled = mtime('../dist/bundle/cli/main.js');
const compiled = mtime('../dist/src/cli/main.js');
const { main } = await import(
  bundled !== undefined && (compiled === undefined || bundled >= compiled) ? '../dist/bundle/cli/main.js' : '../dist/src/cli/main.js'
);

// `solieu facts --json | head`: a closed pipe ends the output quietly, not with a stack trace.
process.stdout.on('error', (err) => {
  if (err && err.code === 'EPIPE') process.exit(0);
  throw err;
});

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(`solieu: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 2;
  },
);
