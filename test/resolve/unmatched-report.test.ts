import { unmatchedPhrases } from '../../src/resolve/unmatched-report.js';

describe('unmatchedPhrases', () => {
  it('counts phrases without a metric id, groups case and spacing variants, and sorts by frequency', () => {
    const facts = [
      { metric: 'hội nghị tập huấn', metric_id: null },
      { metric: 'Hội nghị  tập huấn', metric_id: null },
      { metric: 'hội nghị tập huấn', metric_id: null },
      { metric: 'tờ rơi', metric_id: null },
      { metric: 'doanh thu viễn thông', metric_id: 'telecom-revenue' },
      { metric: 'doanh thu viễn thông', metric_id: 'telecom-revenue' },
      { metric: '   ', metric_id: null },
      { metric: 'an toàn', metric_id: null },
    ];
    expect(unmatchedPhrases(facts, 10)).toEqual([
      { phrase: 'hội nghị tập huấn', count: 3 },
      { phrase: 'an toàn', count: 1 },
      { phrase: 'tờ rơi', count: 1 },
    ]);
    expect(unmatchedPhrases(facts, 1)).toEqual([{ phrase: 'hội nghị tập huấn', count: 3 }]);
  });

  it('keeps words apart that differ only by their marks', () => {
    const facts = [
      { metric: 'bản tin', metric_id: null },
      { metric: 'bán tin', metric_id: null },
    ];
    expect(unmatchedPhrases(facts, 10)).toHaveLength(2);
  });
});
