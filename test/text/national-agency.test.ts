import { isNationalAgency } from '../../src/text/national-agency.js';

describe('isNationalAgency', () => {
  it('knows ministries and the government, not a provincial department', () => {
    expect(isNationalAgency('BỘ THÔNG TIN VÀ TRUYỀN THÔNG')).toBe(true);
    expect(isNationalAgency('CHÍNH PHỦ')).toBe(true);
    expect(isNationalAgency('BỘT GIẶT')).toBe(false);
    expect(isNationalAgency('SỞ THÔNG TIN VÀ TRUYỀN THÔNG')).toBe(false);
    expect(isNationalAgency(undefined)).toBe(false);
  });
});
