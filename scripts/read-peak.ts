/**
 * Read one file through the report pipeline in this process and print, as one JSON line, how
 * it ended and the process's peak resident memory: `npx tsx scripts/read-peak.ts <file>`. Run
 * once per file (the peak is the process's), as the bomb test does; an ingest worker is one such
 * pipeline at a time.
 */
import { readFile } from 'node:fs/promises';
import { createReportPipeline } from '../pipelines/report-pipeline.js';
import { runPipeline, SourceFile } from '../src/core/run-pipeline.js';

async function main(path: string): Promise<void> {
  const started = Date.now();
  const doc = await runPipeline(createReportPipeline(), new SourceFile(path, await readFile(path)));
  const fail = doc.messages.find((m) => m.severity === 'fail');
  const warnings = doc.messages.filter((m) => m.severity === 'warn').map((m) => `${m.rule}: ${m.reason}`);
  const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(
    JSON.stringify({
      file: path,
      status: doc.status,
      reason: fail?.reason ?? null,
      rule: fail?.rule ?? null,
      warnings,
      peakMb,
      seconds: (Date.now() - started) / 1000,
    }),
  );
}

const path = process.argv[2];
if (!path) {
  console.error('usage: npx tsx scripts/read-peak.ts <file>');
  process.exit(2);
}
main(path).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
