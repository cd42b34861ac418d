import { runEval } from '../../scripts/eval/run-eval.js';

/**
 * Regression guard on the gold set (../shared/gold): the .source.txt renditions through the
 * pipeline must stay at the targets. `npm run eval` prints the details when this fails.
 */
describe('extraction on the gold documents (source.txt renditions)', () => {
  let result: Awaited<ReturnType<typeof runEval>>;
  beforeAll(async () => {
    result = await runEval({ renditions: ['source.txt'] });
  });

  it('scores all three gold documents', () => {
    expect(result.byRendition['source.txt']?.docs.sort()).toEqual(['002', '003', '004']);
  });

  it('keeps F1 at or above 0.95', () => {
    expect(result.byRendition['source.txt'].score.overall.f1).toBeGreaterThanOrEqual(0.95);
  });

  it('keeps base_value accuracy at or above 0.98 and aspect/approx at or above 0.95', () => {
    const fields = result.byRendition['source.txt'].score.fields;
    expect(fields.base_value.accuracy).toBeGreaterThanOrEqual(0.98);
    expect(fields.aspect.accuracy).toBeGreaterThanOrEqual(0.95);
    expect(fields.approx.accuracy).toBeGreaterThanOrEqual(0.95);
  });

  it('keeps period accuracy at or above 0.90', () => {
    expect(result.byRendition['source.txt'].score.fields.period.accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('keeps facts with confidence 0.9 or more at precision 0.98 or more', () => {
    const top = result.byRendition['source.txt'].score.buckets.find((b) => b.range.startsWith('0.9'));
    expect(top?.facts).toBeGreaterThan(0);
    expect(top?.precision).toBeGreaterThanOrEqual(0.98);
  });
});
