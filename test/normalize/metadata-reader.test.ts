import { isNationalAgency, readMetadata } from '../../src/normalize/metadata-reader.js';
import type { BlockRole } from '../../schemas/document.js';

const para = (text: string, role: BlockRole = 'admin-header') => ({ text, role });

describe('readMetadata', () => {
  it('splits two header columns read as one line at `CỘNG HOÀ` (a word ending in a non-ASCII letter)', () => {
    const meta = readMetadata([
      para('SỞ THÔNG TIN VÀ TRUYỀN THÔNG CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM'),
      para('Số: 12/BC-STTTT'),
      para('Ninh Bình, ngày 5 tháng 3 năm 2024'),
      para('BÁO CÁO', 'title'),
    ]);
    expect(meta).toMatchObject({ agency: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG', docNumber: '12/BC-STTTT', issueDate: '2024-03-05', reportType: 'báo cáo' });
  });

  it('reads an OCR-mangled number line and a date with a stray dot', () => {
    const meta = readMetadata([para('BỘ GIÁO DỤC VÀ ĐÀO TẠO.'), para('Sô1849BGDĐT-GDPT'), para('Hà Nội, ngày. 10 tháng 4 năm 2026'), para('V/v khảo sát', 'title')]);
    expect(meta).toMatchObject({ agency: 'BỘ GIÁO DỤC VÀ ĐÀO TẠO', docNumber: '1849/BGDĐT-GDPT', issueDate: '2026-04-10', reportType: 'công văn' });
    // a ministry's place of issue is not its province
    expect(meta.province).toBeUndefined();
  });

  it('takes the place as the province of a provincial agency', () => {
    const meta = readMetadata([para('SỞ Y TẾ'), para('Lào Cai, ngày 1 tháng 2 năm 2023'), para('Về việc tiêm chủng', 'title')]);
    expect(meta).toMatchObject({ province: 'Lào Cai', reportType: 'công văn', title: 'Về việc tiêm chủng' });
  });
});

describe('isNationalAgency', () => {
  it('knows ministries and the government, not a provincial department', () => {
    expect(isNationalAgency('BỘ THÔNG TIN VÀ TRUYỀN THÔNG')).toBe(true);
    expect(isNationalAgency('CHÍNH PHỦ')).toBe(true);
    expect(isNationalAgency('BỘT GIẶT')).toBe(false);
    expect(isNationalAgency('SỞ THÔNG TIN VÀ TRUYỀN THÔNG')).toBe(false);
    expect(isNationalAgency(undefined)).toBe(false);
  });
});
