import { seasonCalendar, seasonMentions } from '../../src/text/crop-seasons.js';
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
