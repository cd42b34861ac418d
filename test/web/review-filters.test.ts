import { describe, expect, test } from '@jest/globals';
import { filtersFromHash, hashOf, queueParams } from '../../src/web/review-filters.js';

describe('the queue filters kept in the address', () => {
  test('an empty address is the queue of facts left to review', () => {
    const { filters, fact } = filtersFromHash('');
    expect(fact).toBeUndefined();
    expect(queueParams(filters).toString()).toBe('status=auto');
  });

  test('filters and the selected fact survive a round trip through the hash', () => {
    const f = { doc: 'abc123', metric: ' doanh thu ', status: 'all', minConfidence: '0.2', maxConfidence: '' };
    const hash = hashOf(f, 42);
    expect(hash).toBe('#doc=abc123&metric=doanh+thu&status=all&minConfidence=0.2&fact=42');
    const back = filtersFromHash(hash);
    expect(back.fact).toBe(42);
    expect(queueParams(back.filters).toString()).toBe(queueParams(f).toString());
  });

  test('a fact id that is not a positive integer is ignored', () => {
    for (const bad of ['#fact=0', '#fact=-3', '#fact=1.5', '#fact=abc', '#fact=99999999999999999999']) expect(filtersFromHash(bad).fact).toBeUndefined();
  });
});
