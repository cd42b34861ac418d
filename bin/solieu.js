#!/usr/bin/env node
// The installed entry point: runs the compiled CLI (npm ci builds it via `prepare`).
import { main } from '../dist/src/cli/main.js';

main(process.argv).then(
  (code) => { process.exitCode = code; },
  (err) => { console.error(`solieu: ${err instanceof Error ? err.message : String(err)}`); process.exitCode = 2; },
);
