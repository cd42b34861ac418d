import { letterDistance, LETTERS, parseLabel } from '../../src/segment/heading-label.js';

describe('parseLabel', () => {
  it.each([
    ['I. KẾT QUẢ THỰC HIỆN', 'roman', 'I', 'I.', 'KẾT QUẢ THỰC HIỆN'],
    ['IV. MỘT SỐ NHIỆM VỤ', 'roman', 'IV', 'IV.', 'MỘT SỐ NHIỆM VỤ'],
    ['XII) Khác', 'roman', 'XII', 'XII)', 'Khác'],
    ['1. Lĩnh vực bưu chính', 'arabic', '1', '1.', 'Lĩnh vực bưu chính'],
    ['03. Công tác khác', 'arabic', '3', '03.', 'Công tác khác'],
    ['2) Tiếp tục triển khai', 'arabic', '2', '2)', 'Tiếp tục triển khai'],
    ['1.1. Công tác triển khai', 'multilevel', '1.1', '1.1.', 'Công tác triển khai'],
    ['2.3.1 Hạ tầng', 'multilevel', '2.3.1', '2.3.1', 'Hạ tầng'],
    ['3.3.Công tác phối hợp', 'multilevel', '3.3', '3.3.', 'Công tác phối hợp'],
    ['a) Công tác lãnh đạo', 'letter', 'a', 'a)', 'Công tác lãnh đạo'],
    ['đ) Công tác thanh tra', 'letter', 'đ', 'đ)', 'Công tác thanh tra'],
    ['b. Lĩnh vực khác', 'letter', 'b', 'b.', 'Lĩnh vực khác'],
    ['Phần I. TÌNH HÌNH CHUNG', 'part', 'Phần I', 'Phần I', 'TÌNH HÌNH CHUNG'],
    // a capital letter over Roman numerals, its title in capitals
    ['A. KẾT QUẢ THỰC HIỆN NĂM 2030', 'part', 'A', 'A.', 'KẾT QUẢ THỰC HIỆN NĂM 2030'],
    ['C. ĐỀ XUẤT, KIẾN NGHỊ', 'part', 'C', 'C.', 'ĐỀ XUẤT, KIẾN NGHỊ'],
  ])('%s is a %s label %s', (text, kind, label, written, rest) => {
    expect(parseLabel(text)).toMatchObject({ kind, label, written, rest });
  });

  it.each([
    ['2.500 thuê bao phát sinh lưu lượng', 'a thousands group'],
    ['10 tháng đầu năm doanh thu tăng', 'a count without a separator'],
    ['03/02/1930 - 03/02/2021 kỷ niệm', 'a date'],
    ['21/7/2021, Sở đã tổ chức', 'a date'],
    ['11.5% số hộ có cáp quang', 'a decimal percentage'],
    ['2021. Năm bản lề', 'a year'],
    ['c. công tác khác', 'a letter with a dot before lower case'],
    ['V/v báo cáo', 'a subject abbreviation'],
    ['100% TTHC đủ điều kiện', 'a percentage'],
    ['A. Nguyễn Văn An, Phó Giám đốc', 'an initial'],
  ])('%s is not a label (%s)', (text) => {
    expect(parseLabel(text)).toBeUndefined();
  });

  it('orders letters the Vietnamese way: đ after d, and g right after e', () => {
    expect(LETTERS.indexOf('đ')).toBe(LETTERS.indexOf('d') + 1);
    expect(letterDistance(LETTERS.indexOf('d'), LETTERS.indexOf('đ'))).toBe(1);
    expect(letterDistance(LETTERS.indexOf('e'), LETTERS.indexOf('g'))).toBe(1);
    expect(letterDistance(LETTERS.indexOf('a'), LETTERS.indexOf('c'))).toBe(2);
  });
});
