/**
 * `npm run eval`: run the product (the ingest executor's pipeline, the store, the export rows) on
 * every gold set in ../shared/gold — the dev reports in every rendition, the real documents, the
 * tables — and score it as the maintainers' `../shared/tools/score.mjs` does (it is also run, and
 * any disagreement is printed). Prints a summary per set; writes every miss, extra and field
 * difference to out/eval-misses.txt, the predictions to out/eval/<set>.jsonl, and out/eval.json.
 * Options: `--set NAME` (repeatable: `dev`, `dev/pdf`, `real`, `tables`, `blind`, `trees`), `--ocr` (also the
 * image-only scans: minutes), `--ocr-engine native`, `--misses` (print the misses too).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runEval, runTreeEval } from './eval/run-eval.js';
import { calibration } from './eval/calibration.js';
import { confidencePoints, renderMisses, renderSummary } from './eval/report.js';

function args(name: string): string[] {
  const out: string[] = [];
  process.argv.forEach((a, i) => {
    if (a === name && process.argv[i + 1]) out.push(process.argv[i + 1]);
  });
  return out;
}

async function peers(): Promise<string> {
  if (!existsSync(join(process.cwd(), 'scripts', 'eval-peer.ts'))) return 'peer scoring: scripts/eval-peer.ts missing (skipped)';
  const mod = (await import('./eval-peer.js')) as { scorePeers: () => unknown };
  const r = mod.scorePeers() as { files: { file: string; scored: number; correct: number }[] };
  return `number parser on the peers' corpora: ${r.files.map((f) => `${f.file} ${f.correct}/${f.scored}`).join(', ')}`;
}

async function main(): Promise<void> {
  const sets = [...args('--set'), ...args('--rendition').map((r) => `dev/${r}`)];
  const engine = args('--ocr-engine')[0] ?? 'wasm';
  if (engine !== 'wasm' && engine !== 'native') throw new Error(`--ocr-engine wants wasm or native, got "${engine}"`);
  const results = await runEval({ sets: sets.length ? sets : undefined, ocr: process.argv.includes('--ocr'), ocrEngine: engine });
  console.log(renderSummary(results));
  if (!sets.length || sets.includes('trees')) {
    const trees = await runTreeEval({ ocr: process.argv.includes('--ocr'), ocrEngine: engine });
    const exact = trees.filter((t) => t.exact).length;
    console.log(`heading trees of ../shared/corpus-real against fixtures/golden/real (exact: ${exact}/${trees.length}):`);
    for (const t of trees) {
      console.log(
        `  ${t.exact ? 'exact ' : 'differs'} ${t.file}: ${t.pathsFound}/${t.golden} golden paths, ${t.titlesEqual}/${t.golden} with the same title, ${t.extra} extra`,
      );
    }
    console.log('');
  }
  console.log(await peers());
  mkdirSync('out', { recursive: true });
  const misses = renderMisses(results);
  writeFileSync(join('out', 'eval-misses.txt'), misses);
  if (process.argv.includes('--misses')) console.log(`\n${misses}`);
  const json = results.map((r) => ({
    set: r.set.name,
    tp: r.score.tp,
    fp: r.score.fp,
    fn: r.score.fn,
    precision: r.score.precision,
    recall: r.score.recall,
    f1: r.score.f1,
    fieldAccuracy: r.score.fieldAccuracy,
    calibration: calibration(confidencePoints(r.score)),
    scorerDisagreement: r.scorerDisagreement,
    misses: r.score.misses,
    extras: r.score.extras,
    diffs: r.score.diffs,
  }));
  writeFileSync(join('out', 'eval.json'), JSON.stringify(json, null, 1));
  console.log('\nwrote out/eval.json, out/eval-misses.txt (every miss, extra and field difference), out/eval/*.jsonl');
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exitCode = 1;
});
