#!/usr/bin/env node
// The installed entry point: runs the compiled CLI (npm ci builds it via `prepare`).
import { main } from '../dist/src/cli/main.js';

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
