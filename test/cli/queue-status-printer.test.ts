import { rateLine, readableDuration } from '../../src/cli/commands/queue-status-printer.js';

describe('the rate line of solieu status', () => {
  it('gives the time left for documents alone at their rate', () => {
    expect(rateLine({ documentsLeft: 30, documentRate: 10, pagesLeft: 0, pageRate: 0 })).toBe('rate: 10.0 document(s)/min over the last 10 min; ETA 3 min\n');
  });

  it('adds the time the pages of scans still take, at the page rate (workers share their slots)', () => {
    expect(rateLine({ documentsLeft: 30, documentRate: 10, pagesLeft: 120, pageRate: 4 })).toBe(
      'rate: 10.0 document(s)/min, 4.0 page(s)/min over the last 10 min; ETA 33 min\n',
    );
  });

  it('gives no ETA while scans have pages left and none has been read yet, rather than a short one', () => {
    expect(rateLine({ documentsLeft: 0, documentRate: 3, pagesLeft: 40, pageRate: 0 })).toBe(
      'rate: 3.0 document(s)/min, 0.0 page(s)/min over the last 10 min; no ETA (no page of a scan read yet)\n',
    );
  });

  it('asks whether workers run when nothing finished, and says nothing of an empty, idle queue', () => {
    expect(rateLine({ documentsLeft: 5, documentRate: 0, pagesLeft: 0, pageRate: 0 })).toBe(
      'rate: none finished over the last 10 min; no ETA (are workers running? solieu worker --db …)\n',
    );
    expect(rateLine({ documentsLeft: 0, documentRate: 0, pagesLeft: 0, pageRate: 0 })).toBe('');
    expect(rateLine({ documentsLeft: 0, documentRate: 2, pagesLeft: 0, pageRate: 0 })).toBe('rate: 2.0 document(s)/min over the last 10 min\n');
  });

  it('reads durations in the unit that suits them', () => {
    expect([45, 600, 7200, 3 * 86400].map(readableDuration)).toEqual(['45 s', '10 min', '2.0 h', '3.0 days']);
  });
});
