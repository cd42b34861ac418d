#!/usr/bin/env node
// The installed entry point: runs the compiled CLI (npm ci builds it via `prepare`).

// `solieu ingest one.pdf`: its pdfjs thread starts before the CLI loads (src/cli/ingest/early-pdfjs-thread.ts;
// main() asks again, and waits for it); a failure here leaves it to the command
const early =
  process.argv[2] === 'ingest' ? import('../dist/src/cli/ingest/early-pdfjs-thread.js').then((m) => m.startPdfjsThreadEarly(process.argv)) : undefined;
early?.catch(() => undefined);
const { main } = await import('../dist/src/cli/main.js');

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
