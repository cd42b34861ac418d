import { seasonCalendar, seasonMentions, seasonYearOf } from '../../src/text/crop-seasons.js';
import { firstPeriod } from '../../src/text/period-words.js';

describe('crop seasons', () => {
  it('dates a season from the sowing and harvest days a sentence gives it', () => {
    const text = [
      'Vụ Mùa 2023 gieo cấy từ ngày 05/7/2023 đến ngày 10/8/2023, thu hoạch xong trước ngày 15/11/2023.',
      'Vụ Chiêm Xuân 2023-2024 dự kiến gieo cấy trong tháng 1 và tháng 2/2024, thu hoạch tháng 5/2024.',
    ].join('\n');
    expect(seasonCalendar(text)).toEqual({ 'mùa 2023': '2023-07..2023-11', 'chiêm xuân 2023-2024': '2024-01..2024-05' });
  });

  it('leaves a season without dates, two seasons in one sentence, and dates without sowing or harvest undated', () => {
    expect(seasonCalendar('Vụ Hè Thu 2024 xuống giống 12.000 ha, đạt 98% kế hoạch.')).toEqual({});
    expect(seasonCalendar('Vụ Đông Xuân 2023-2024 và vụ Hè Thu 2024 xuống giống từ ngày 01/11/2023 đến ngày 30/5/2024.')).toEqual({});
    expect(seasonCalendar('Vụ Thu Đông 2024 được tổng kết ngày 20/12/2024 và ngày 05/01/2025.')).toEqual({});
  });

  it('leaves a season whose sentence gives only its sowing window undated: the season runs to its harvest', () => {
    expect(seasonCalendar('Vụ Hè Thu 2027 xuống giống từ ngày 05/4 đến ngày 10/6/2027, chia làm 3 đợt.')).toEqual({});
    expect(seasonCalendar('Vụ Hè Thu 2027 xuống giống từ ngày 05/4/2027, thu hoạch xong trong tháng 8/2027.')).toEqual({ 'hè thu 2027': '2027-04..2027-08' });
  });

  it("dates a title's undated season of one year by its year, and no other", () => {
    expect(seasonYearOf('Tổng kết sản xuất lúa vụ Hè Thu 2027 và kế hoạch vụ Thu Đông 2027', {})).toBe('2027');
    expect(seasonYearOf('Tổng kết vụ Đông Xuân 2026-2027', {})).toBeUndefined();
    expect(seasonYearOf('Tổng kết vụ Hè Thu 2027', { 'hè thu 2027': '2027-04..2027-08' })).toBeUndefined();
  });

  it('dates a season by the bounds given right after its name, when they fall in its own years', () => {
    expect(seasonCalendar('Vụ Đông Xuân 2029-2030 (từ ngày 20/12/2029 đến ngày 15/5/2030), Công ty phục vụ tưới 12.000 ha.')).toEqual({
      'đông xuân 2029-2030': '2029-12..2030-05',
    });
    expect(seasonCalendar('Vụ Hè Thu 2030 được tính từ ngày 01/5/2030 đến ngày 31/8/2030.')).toEqual({ 'hè thu 2030': '2030-05..2030-08' });
    // bounds outside the season's own years are another time's
    expect(seasonCalendar('Vụ Mùa 2030 (từ ngày 01/6/2029 đến ngày 30/11/2029) …')).toEqual({});
    const calendar = seasonCalendar('Vụ Đông Xuân 2029-2030 (từ ngày 20/12/2029 đến ngày 15/5/2030), Công ty phục vụ tưới 12.000 ha.');
    expect(firstPeriod('Tổng kết công tác phục vụ sản xuất vụ Đông Xuân 2029-2030 và nhiệm vụ vụ Mùa năm 2030', undefined, calendar, true)).toBe(
      '2029-12..2030-05',
    );
  });

  it('gives a heading or title that names a dated season its span; an undated one stays a name', () => {
    const calendar = seasonCalendar('Vụ Mùa 2023 gieo cấy từ ngày 05/7/2023 đến ngày 10/8/2023, thu hoạch xong trước ngày 15/11/2023.');
    expect(firstPeriod('II. KẾT QUẢ SẢN XUẤT VỤ MÙA 2023', undefined, calendar)).toBe('2023-07..2023-11');
    expect(firstPeriod('III. KẾ HOẠCH VỤ ĐÔNG 2023-2024', undefined, calendar)).toBeUndefined();
    expect(seasonMentions('tổng kết vụ mùa 2023', calendar)).toEqual([{ index: 9, length: 11, period: '2023-07..2023-11' }]);
  });
});

describe('a school year bounded in brackets', () => {
  it('takes the months the brackets give, as dates or as months, for every mention of that school year', () => {
    const byMonths = seasonCalendar('Báo cáo kết quả năm học 2026-2027 (từ tháng 9/2026 đến tháng 8/2027) như sau:');
    expect(seasonMentions('tuyển sinh năm học 2026-2027 đạt 98%', byMonths).map((m) => m.period)).toEqual(['2026-09..2027-08']);
    const byDates = seasonCalendar('Năm học 2026-2027 (từ ngày 05/9/2026 đến ngày 31/5/2027), toàn trường có 40 lớp.');
    expect(seasonMentions('năm học 2026-2027', byDates).map((m) => m.period)).toEqual(['2026-09..2027-05']);
  });
});

describe('a season of the weather bounded by dates', () => {
  it('dates the season a sentence bounds, the same season of other years over its months, and the one before or after', () => {
    const calendar = seasonCalendar('Mùa khô 2030-2031 trên địa bàn tỉnh được tính từ ngày 15/10/2030 đến ngày 31/5/2031. Báo cáo như sau:');
    expect(firstPeriod('Tổng kết công tác phòng cháy rừng mùa khô 2030-2031', undefined, calendar, true)).toBe('2030-10..2031-05');
    const found = seasonMentions('so với mùa khô 2029-2030 và mùa khô năm trước; mùa khô tới; mùa khô 2030', calendar).map((m) => m.period);
    expect(found).toEqual(['2029-10..2030-05', '2029-10..2030-05', '2031-10..2032-05']);
  });

  it('leaves a season whose bounds are not its own years, or that no sentence bounds, undated', () => {
    expect(seasonCalendar('Mùa mưa 2030 được tính từ ngày 01/5/2029 đến ngày 31/10/2029.')).toEqual({});
    expect(seasonCalendar('Mùa khô 2030-2031 dự báo nắng nóng kéo dài, từ ngày 01/3/2031 đến ngày 30/4/2031 nguy cơ cháy rất cao.')).toEqual({});
    expect(seasonMentions('mùa khô 2029-2030', seasonCalendar('Mùa khô năm nay đến sớm.'))).toEqual([]);
  });
});

describe('a school year bounded in brackets that open with tính từ', () => {
  it('takes the months the brackets give', () => {
    const calendar = seasonCalendar('Trường báo cáo kết quả năm học 2030-2031 (tính từ ngày 01/8/2030 đến ngày 31/7/2031) như sau:');
    expect(seasonMentions('năm học 2031-2032', calendar).map((m) => m.period)).toEqual(['2031-08..2032-07']);
  });
});
