import { confidenceFeatures } from '../../src/extract/confidence-features.js';
import { confidenceOf, confidenceWeights, modelEvidence, probabilityOf, withModelConfidence } from '../../src/extract/confidence-model.js';
import { fitLogistic } from '../../scripts/eval/logistic-fit.js';
import { calibration } from '../../scripts/eval/calibration.js';

const fact = {
  kind: 'count' as const,
  aspect: 'level' as const,
  approx: 'none' as const,
  metric: 'trạm BTS phát triển mới',
  period: '2024-08',
  evidence: ['number:digits', 'unit:noun', 'metric:noun-clause', 'period:month', 'model:old'],
};

describe('confidence model', () => {
  it('reads features from the evidence and the fields, never from the model tag', () => {
    const f = confidenceFeatures(fact);
    expect(f).toEqual(expect.arrayContaining(['ev:unit:noun', 'kind:count', 'aspect:level', 'metric-words:4-5', 'period:point', 'count&metric:noun-clause']));
    expect(f.some((x) => x.startsWith('ev:model'))).toBe(false);
  });

  it('reads the words of the metric phrase by kind, and its first and last word, for the fit to weigh', () => {
    const f = confidenceFeatures({ ...fact, metric: 'Tỷ lệ hộ dân được cấp điện' });
    expect(f).toEqual(expect.arrayContaining(['mw:count:tỷ', 'mw:count:hộ', 'mw:count:điện', 'mfirst:tỷ', 'mlast:điện']));
    expect(confidenceFeatures({ ...fact, kind: 'percent', metric: 'hộ' })).toEqual(expect.arrayContaining(['mw:percent:hộ', 'mfirst:hộ', 'mlast:hộ']));
    expect(confidenceFeatures({ ...fact, metric: '' }).some((x) => /^(mw|mfirst|mlast):/u.test(x))).toBe(false);
  });

  it('gives a confidence in [0.01, 0.99], lowered on a page read by OCR with low confidence', () => {
    const c = confidenceOf(fact);
    expect(c).toBeGreaterThanOrEqual(0.01);
    expect(c).toBeLessThanOrEqual(0.99);
    expect(confidenceOf(fact, 0.3)).toBeLessThan(c);
  });

  it('tags a fact with the version of the model that scored it', () => {
    const scored = withModelConfidence({ ...fact, confidence: 0 });
    expect(scored.evidence.filter((e) => e.startsWith('model:'))).toEqual([modelEvidence()]);
    expect(modelEvidence()).toBe(`model:${confidenceWeights().version}`);
  });

  it('ships weights fit by scripts/fit-confidence.ts, with held-out figures', () => {
    const w = confidenceWeights();
    expect(w.version).toMatch(/^lr-/);
    expect(Object.keys(w.weights).length).toBeGreaterThan(10);
    expect(w.heldOut?.ece).toBeGreaterThanOrEqual(0);
  });

  it('fits a logistic regression that separates a reliable feature from an unreliable one', () => {
    const examples = [
      ...Array.from({ length: 40 }, (_, i) => ({ features: ['good'], right: i % 10 !== 0 })),
      ...Array.from({ length: 40 }, (_, i) => ({ features: ['bad'], right: i % 10 === 0 })),
    ];
    const model = fitLogistic(examples, 1, 800);
    expect(probabilityOf(['good'], model)).toBeGreaterThan(0.8);
    expect(probabilityOf(['bad'], model)).toBeLessThan(0.2);
  });

  it('measures calibration: ECE, Brier, the share right among ≥ 0.9 and the errors in the lowest 10%', () => {
    const points = [
      ...Array.from({ length: 9 }, () => ({ confidence: 0.95, right: true })),
      { confidence: 0.95, right: false },
      ...Array.from({ length: 10 }, () => ({ confidence: 0.1, right: false })),
    ];
    const c = calibration(points);
    expect(c.rightAtOrAbove09).toBeCloseTo(0.9);
    expect(c.errorsInLowest10pct).toBeCloseTo(2 / 11);
    expect(c.ece).toBeCloseTo((10 / 20) * 0.05 + (10 / 20) * 0.1);
    expect(c.brier).toBeGreaterThan(0);
  });
});

describe('metric shape features', () => {
  const input = (metric: string) => ({ kind: 'count' as const, aspect: 'level' as const, approx: 'none' as const, metric, period: '2024', evidence: [] });
  it('marks a phrase run together from two places: a capitalised word inside, a word said twice', () => {
    expect(confidenceFeatures(input('trạm đã tắt sóng Các doanh nghiệp viễn thông'))).toContain('metric-shape:inner-capital');
    expect(confidenceFeatures(input('phục vụ bán kính phục vụ'))).toContain('metric-shape:repeats');
  });
  it('leaves names and acronyms alone', () => {
    const f = confidenceFeatures(input('doanh nghiệp tại tỉnh Lạng Sơn đăng ký mới TTHC'));
    expect(f).not.toContain('metric-shape:inner-capital');
    expect(f).not.toContain('metric-shape:repeats');
  });
});
