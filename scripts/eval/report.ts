import { calibration, type Calibration } from './calibration.js';
import { isRight, SCORED_FIELDS, type GoldScore } from './gold-scorer.js';
import type { SetResult } from './run-eval.js';
import { HELD_OUT } from './eval-sets.js';
import { confidenceWeights } from '../../src/extract/confidence-model.js';

const pct = (x: number | null): string => (x === null ? '   –  ' : (x * 100).toFixed(1).padStart(6));

/** Confidence points of a set as score.mjs counts them (optional matches left out). */
export function confidencePoints(score: GoldScore): { confidence: number; right: boolean }[] {
  return score.verdicts.filter((v) => !v.optional).map((v) => ({ confidence: v.row.confidence, right: isRight(v) }));
}

function calibrationLine(c: Calibration): string {
  return (
    `  confidence: right among ≥0.9 ${pct(c.rightAtOrAbove09).trim()}% (${c.atOrAbove09}); errors in the lowest 10% ${pct(c.errorsInLowest10pct).trim()}%; ` +
    `ECE ${c.ece.toFixed(3)}; Brier ${c.brier.toFixed(3)} (${c.scored} predictions, ${c.errors} wrong)`
  );
}

/** The summary table: one block per gold set. */
export function renderSummary(results: SetResult[]): string {
  const model = confidenceWeights();
  const h = model.heldOut;
  const lines: string[] = [
    'solieu eval — the product pipeline (ingest → store → export rows), scored as ../shared/tools/score.mjs scores',
    `confidence model ${model.version} (${model.fitted}): the confidence lines below are IN-SAMPLE for the sets it was fit on;`,
    h
      ? `  held out (leave-one-document-out, scripts/fit-confidence.ts): right among ≥0.9 ${pct(h.rightAtOrAbove09 ?? null).trim()}% (${h.atOrAbove09}); errors in the lowest 10% ${pct(h.errorsInLowest10pct ?? null).trim()}%; ECE ${(h.ece ?? 0).toFixed(3)}; Brier ${(h.brier ?? 0).toFixed(3)}`
      : '  no held-out figures recorded with the model',
    '',
  ];
  for (const r of results) {
    const s = r.score;
    lines.push(`${r.set.name.padEnd(16)} P ${pct(s.precision)}  R ${pct(s.recall)}  F1 ${pct(s.f1)}   (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`);
    lines.push(`  fields on matched: ${SCORED_FIELDS.map((f) => `${f} ${pct(s.fieldAccuracy[f]).trim()}`).join(', ')}`);
    lines.push(calibrationLine(calibration(confidencePoints(s))));
    if (r.trees.length) {
      const equal = r.trees.filter((t) => t.equal).length;
      const wrong = r.trees.filter((t) => !t.pathsEqual).map((t) => `${t.doc} (${t.differing.slice(0, 4).join(', ')})`);
      lines.push(`  section trees equal to the golden tree: ${equal}/${r.trees.length}${wrong.length ? `; paths differ: ${wrong.join('; ')}` : ''}`);
    }
    if (r.scorerDisagreement) lines.push(`  !! score.mjs disagrees: ${r.scorerDisagreement}`);
    for (const n of r.notes) lines.push(`  note: ${n}`);
    lines.push('');
  }
  // the sets kept out of the fit, pooled: the model's figures on documents it never saw
  const held = results.filter((r) => HELD_OUT.includes(r.set.name));
  if (held.length)
    lines.push(
      `held-out sets pooled (${held.map((r) => r.set.name.replace('blind', '')).join(', ')}; never in the fit):`,
      calibrationLine(calibration(held.flatMap((r) => confidencePoints(r.score)))),
      '',
    );
  return lines.join('\n');
}

/** Every miss, extra and field difference of every set (written to out/eval-misses.txt). */
export function renderMisses(results: SetResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    const s = r.score;
    lines.push(`== ${r.set.name}: misses (${s.misses.length})`);
    for (const m of s.misses) lines.push(`  MISS ${m.doc} ${JSON.stringify(m.quote)} (${m.kind})`);
    lines.push(`== ${r.set.name}: extras (${s.extras.length})`);
    for (const e of s.extras) lines.push(`  FP ${e.doc} ${JSON.stringify(e.quote)} conf ${e.confidence}`);
    lines.push(`== ${r.set.name}: field differences (${s.diffs.length})`);
    for (const d of s.diffs) lines.push(`  ${d.doc} ${d.field}: gold ${JSON.stringify(d.gold)} ≠ ${JSON.stringify(d.pred)} | ${d.quote}`);
    lines.push('');
  }
  return lines.join('\n');
}
