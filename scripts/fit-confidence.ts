/**
 * Fit the confidence model (src/extract/confidence-model.ts): a logistic regression of "this fact is
 * right in every scored field" on the features of src/extract/confidence-features.ts, over the gold
 * sets (dev reports as PDF, real documents, tables, the blind set once it was measured). Reports leave-one-document-out cross-validated
 * figures — each document's facts scored by a model fit without that document — and writes the
 * weights fit on all documents to src/extract/confidence-weights.ts.
 *   npx tsx scripts/fit-confidence.ts [--dry-run] [--l2 24] (the penalty the shipped weights were fit with)
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { runEval } from './eval/run-eval.js';
import { BLIND_SETS, HELD_OUT } from './eval/eval-sets.js';
import { calibration, type Calibration } from './eval/calibration.js';
import { isRight } from './eval/gold-scorer.js';
import { confidenceFeatures, isWordFeature, MIN_WORD_COUNT } from '../src/extract/confidence-features.js';
import { probabilityOf } from '../src/extract/confidence-model.js';
import { fitLogistic, type Example } from './eval/logistic-fit.js';

/** The examples with the word features seen fewer than MIN_WORD_COUNT times among them left out (their weights would fit noise). */
function pruneRareWords<E extends Example>(examples: E[]): E[] {
  const seen = new Map<string, number>();
  for (const e of examples) for (const f of e.features) if (isWordFeature(f)) seen.set(f, (seen.get(f) ?? 0) + 1);
  return examples.map((e) => ({ ...e, features: e.features.filter((f) => !isWordFeature(f) || (seen.get(f) ?? 0) >= MIN_WORD_COUNT) }));
}

function fmt(c: Calibration): string {
  const p = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)}%`);
  return `right among ≥0.9 ${p(c.rightAtOrAbove09)} (${c.atOrAbove09} facts); errors in the lowest 10% ${p(c.errorsInLowest10pct)}; ECE ${c.ece.toFixed(3)}; Brier ${c.brier.toFixed(3)}; ${c.scored} facts, ${c.errors} wrong`;
}

async function main(): Promise<void> {
  const arg = (k: string) => (process.argv.includes(k) ? process.argv[process.argv.indexOf(k) + 1] : undefined);
  const l2 = Number(arg('--l2') ?? '24');
  const results = await runEval({
    // (blind sets 18 and 19 are kept out: measured once at the final rules and model of 2026-12-06, held out)
    sets: ['dev/pdf', 'real', 'tables', ...BLIND_SETS.filter((b) => !HELD_OUT.includes(b))],
    outDir: 'out/fit-confidence',
  });
  const examples: (Example & { doc: string; shipped: number; why: string; quote: string })[] = results.flatMap((r) =>
    r.score.verdicts
      .filter((v) => !v.optional)
      .map((v) => ({
        doc: v.doc,
        features: confidenceFeatures({ ...v.row, evidence: (v.row.evidence ?? []).filter((e) => !e.startsWith('model:')) }),
        right: isRight(v),
        shipped: v.row.confidence,
        why: v.matched ? v.wrong.join(',') : 'unmatched',
        quote: v.row.quote,
      })),
  );
  const docs = [...new Set(examples.map((e) => e.doc))].sort();
  console.log(`${examples.length} scored facts from ${docs.length} documents (${docs.join(', ')}); ${examples.filter((e) => !e.right).length} wrong; L2 ${l2}`);
  // leave one document out
  const heldOut: { confidence: number; right: boolean; doc: string }[] = [];
  for (const d of docs) {
    const model = fitLogistic(pruneRareWords(examples.filter((e) => e.doc !== d)), l2);
    for (const e of examples.filter((x) => x.doc === d)) {
      const confidence = probabilityOf(e.features, model);
      heldOut.push({ confidence, right: e.right, doc: d });
      if (process.argv.includes('--dump') && !e.right && confidence >= 0.9)
        console.log(`  wrong at ${confidence.toFixed(2)}: ${d} ${JSON.stringify(e.quote)} (${e.why}) ${e.features.join(' ')}`);
    }
  }
  const cv = calibration(heldOut);
  console.log(`held out (leave-one-document-out): ${fmt(cv)}`);
  for (const d of docs) console.log(`  ${d.padEnd(5)} ${fmt(calibration(heldOut.filter((h) => h.doc === d)))}`);
  console.log(
    `current confidences (in-sample for what they were fit on): ${fmt(calibration(examples.map((e) => ({ confidence: e.shipped, right: e.right }))))}`,
  );
  console.log('reliability (held out):');
  for (const b of cv.bins)
    if (b.n) console.log(`  [${b.range}] n ${String(b.n).padStart(4)}  mean confidence ${b.meanConfidence.toFixed(2)}  right ${(b.right * 100).toFixed(1)}%`);
  if (process.argv.includes('--dry-run')) return;
  const full = fitLogistic(pruneRareWords(examples), l2);
  // the weights' own fingerprint too: two fits on the same day and documents differ when the extractor did
  const fingerprint = createHash('sha256')
    .update(JSON.stringify([full.bias, full.weights]))
    .digest('hex')
    .slice(0, 6);
  const version = `lr-${new Date().toISOString().slice(0, 10)}-${docs.length}docs-l2-${l2}-${fingerprint}`;
  const data = {
    version,
    fitted: `${examples.length} facts of ${docs.join(', ')}; L2 ${l2}`,
    bias: full.bias,
    weights: full.weights,
    heldOut: { rightAtOrAbove09: cv.rightAtOrAbove09, atOrAbove09: cv.atOrAbove09, errorsInLowest10pct: cv.errorsInLowest10pct, ece: cv.ece, brier: cv.brier },
  };
  writeFileSync(
    'src/extract/confidence-weights.ts',
    `// Written by \`npx tsx scripts/fit-confidence.ts\`; do not edit by hand.\nexport const CONFIDENCE_WEIGHTS = ${JSON.stringify(data, null, 2)};\n`,
  );
  console.log(`wrote src/extract/confidence-weights.ts (${Object.keys(full.weights).length} weights, version ${version})`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exitCode = 1;
});
