import { runEval, type SetResult } from '../../scripts/eval/run-eval.js';
import { calibration } from '../../scripts/eval/calibration.js';
import { confidencePoints } from '../../scripts/eval/report.js';

/**
 * Regression guard on the gold sets (../shared/gold): the product pipeline, scored as the
 * maintainers' score.mjs scores. The floors are where the extractor stands now (they only go up);
 * `npm run eval` prints the details and out/eval-misses.txt lists every miss when one fails.
 */
describe('extraction on the gold sets', () => {
  let results: SetResult[];
  const set = (name: string): SetResult => {
    const r = results.find((x) => x.set.name === name);
    if (!r) throw new Error(`gold set ${name} was not run`);
    return r;
  };
  beforeAll(async () => {
    results = await runEval({ sets: ['dev/source.txt', 'dev/pdf', 'real', 'tables', 'blind', 'blind2'], outDir: 'out/test-eval' });
  }, 120_000);

  it('agrees with ../shared/tools/score.mjs on every set', () => {
    for (const r of results) expect({ set: r.set.name, disagreement: r.scorerDisagreement }).toEqual({ set: r.set.name, disagreement: null });
  });

  it('scores the three dev reports and the real and table gold', () => {
    expect(Object.keys(set('dev/source.txt').score.perDoc).sort()).toEqual(['002', '003', '004']);
    expect(Object.keys(set('real').score.perDoc).sort()).toEqual(['r341', 'r355', 'r577']);
    expect(Object.keys(set('tables').score.perDoc).sort()).toEqual(['t339', 't340']);
    expect(Object.keys(set('blind').score.perDoc).sort()).toEqual(['b01', 'b02', 'b03', 'b04', 'b05', 'b06']);
  });

  it.each(['dev/source.txt', 'dev/pdf'])('keeps F1, values, aspects and qualifiers on the dev reports (%s)', (name) => {
    const s = set(name).score;
    expect(s.f1).toBeGreaterThanOrEqual(0.98);
    expect(s.fieldAccuracy.base_value).toBeGreaterThanOrEqual(0.98);
    expect(s.fieldAccuracy.aspect).toBeGreaterThanOrEqual(0.95);
    expect(s.fieldAccuracy.approx).toBeGreaterThanOrEqual(0.95);
    expect(s.fieldAccuracy.period).toBeGreaterThanOrEqual(0.92);
  });

  it('keeps the metric phrase floor on the dev reports, the real documents and the tables', () => {
    expect(set('dev/source.txt').score.fieldAccuracy.metric).toBeGreaterThanOrEqual(0.85);
    expect(set('real').score.fieldAccuracy.metric).toBeGreaterThanOrEqual(0.85);
    expect(set('tables').score.fieldAccuracy.metric).toBeGreaterThanOrEqual(0.85);
  });

  it('keeps F1 on the real documents, the tables and the blind set', () => {
    expect(set('real').score.f1).toBeGreaterThanOrEqual(0.95);
    expect(set('tables').score.f1).toBeGreaterThanOrEqual(0.96);
    expect(set('blind').score.f1).toBeGreaterThanOrEqual(0.98);
    // blind set 2 (fixtures/blind2): first measured at 96.7% before its misses were read
    expect(set('blind2').score.f1).toBeGreaterThanOrEqual(0.97);
  });

  it('keeps the fields of issue 11 on the real documents, the tables and the blind set', () => {
    for (const name of ['real', 'tables', 'blind']) {
      const f = set(name).score.fieldAccuracy;
      expect({ name, metric: (f.metric ?? 0) >= 0.84, aspect: (f.aspect ?? 0) >= 0.95, approx: (f.approx ?? 0) >= 0.95 }).toEqual({
        name,
        metric: true,
        aspect: true,
        approx: true,
      });
    }
    expect(set('tables').score.fieldAccuracy.period).toBeGreaterThanOrEqual(0.95);
    expect(set('blind').score.fieldAccuracy.period).toBeGreaterThanOrEqual(0.95);
    expect(set('real').score.fieldAccuracy.period).toBeGreaterThanOrEqual(0.88);
    // blind set 2: period first measured at 62.5%, metric at 84.7%
    expect(set('blind2').score.fieldAccuracy.period).toBeGreaterThanOrEqual(0.85);
    expect(set('blind2').score.fieldAccuracy.metric).toBeGreaterThanOrEqual(0.85);
  });

  it('reports a calibration for every set', () => {
    for (const r of results) {
      const c = calibration(confidencePoints(r.score));
      expect(c.scored).toBeGreaterThan(0);
      expect(c.brier).toBeGreaterThanOrEqual(0);
      expect(c.bins.reduce((n, b) => n + b.n, 0)).toBe(c.scored);
    }
  });
});
