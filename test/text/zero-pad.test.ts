import { pad2 } from '../../src/text/zero-pad.js';

describe('pad2', () => {
  it('writes a month or day in two digits, from a number or from digits as read', () => {
    expect(pad2(8)).toBe('08');
    expect(pad2('8')).toBe('08');
    expect(pad2(12)).toBe('12');
    expect(pad2('05')).toBe('05');
  });
});
