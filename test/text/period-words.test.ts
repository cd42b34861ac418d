import {
  bracketedMoment,
  firstPeriod,
  withoutComparisonBase,
  yearToDateHeading,
  fromNowPeriod,
  periodYear,
  planSpan,
  quarterNumber,
} from '../../src/text/period-words.js';

describe('firstPeriod', () => {
  it.each([
    ['Kết quả thực hiện nhiệm vụ năm 2024, nhiệm vụ trọng tâm năm 2025', '2024'],
    ['Tình hình thực hiện nhiệm vụ tháng 01/2021 và kế hoạch tháng 02/2021', '2021-01'],
    ['Công tác thông tin và truyền thông tháng 10/2020', '2020-10'],
    ['Báo cáo tháng 8 năm 2021', '2021-08'],
    ['I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 01/2021', '2021-01'],
    ['KẾT QUẢ 6 THÁNG ĐẦU NĂM 2023', '2023-01..2023-06'],
    ['Tình hình quý II năm 2022', '2022-04..2022-06'],
    ['Sơ kết quý 3/2022', '2022-07..2022-09'],
    // the base of a comparison is an earlier time, not the heading's (a target item written as a heading)
    ['đ) Kim ngạch xuất khẩu đạt 3.200 triệu USD, tăng 8% so với ước thực hiện năm 2025.', undefined],
    ['Doanh thu quý III/2025 tăng 6% so với quý III năm 2024', '2025-07..2025-09'],
    // a span bounded by two dates: the months they fall in (a quarter counted from the 15th, a subtitle in brackets)
    ['(Số liệu tính từ ngày 15/12/2023 đến ngày 14/3/2024)', '2023-12..2024-03'],
    ['Kết quả 5 tháng thực hiện (từ ngày 01 tháng 8 năm 2024 đến ngày 31 tháng 12 năm 2024)', '2024-08..2024-12'],
    ['Sơ kết đợt cao điểm (01/6/2024 - 30/6/2024)', '2024-06'],
    // a span of months, the first's year left to the second (a crop season bounded in its heading)
    ['1.1. Vụ Chiêm 2026 (từ tháng 02 đến tháng 6/2026)', '2026-02..2026-06'],
    ['2. Mùa khô (tháng 11/2025 - tháng 4/2026)', '2025-11..2026-04'],
    // a month's or a quarter's report with the year so far (which it marks: `lũy kế`, `9 tháng`): the month or quarter,
    // in the year written after it; a year-end report of the last quarter and the year: the year
    ['Chỉ số giá nông sản tháng 6 và năm 2027', '2027-06'],
    ['Tình hình xuất khẩu tháng 3 và cả năm 2024', '2024-03'],
    ['Tình hình kinh tế - xã hội tháng 11 và 11 tháng năm 2026', '2026-11'],
    ['Kết quả quý III và 9 tháng đầu năm 2025', '2025-07..2025-09'],
    ['Kết quả công tác quý IV và năm 2025', '2025'],
  ])('%s → %s', (text, period) => {
    expect(firstPeriod(text)).toBe(period);
  });

  // a report's title that says the moment its figures run to is of that moment; a heading's is left to its own words
  it.each([
    ['Tình hình thực hiện kế hoạch vốn năm 2026 đến ngày 30/9/2026 và giải pháp những tháng cuối năm', '@2026-09'],
    ['Kết quả tuyển sinh năm học 2026-2027 tính đến ngày 15/8/2026', '@2026-08'],
    ['Kết quả năm 2026 (số liệu tính từ ngày 15/12/2025 đến ngày 14/12/2026)', '2025-12..2026-12'],
    // a working year said in brackets with a short lead (`12 tháng, …`): its dates, not the round year
    ['Kết quả công tác năm 2026 (12 tháng, từ ngày 01/10/2025 đến ngày 30/9/2026)', '2025-10..2026-09'],
  ])('title %s → %s', (text, period) => {
    expect(firstPeriod(text, undefined, undefined, true)).toBe(period);
  });
  it('a heading of what is still to be done (từ nay đến …) spans from the month after now to the month it names', () => {
    expect(fromNowPeriod('IV. NHIỆM VỤ, GIẢI PHÁP TỪ NAY ĐẾN NGÀY 31/01/2027', '2026-10')).toBe('2026-11..2027-01');
    expect(fromNowPeriod('Nhiệm vụ từ nay đến cuối năm', '2026-09')).toBe('2026-10..2026-12');
    expect(fromNowPeriod('Nhiệm vụ từ nay đến hết tháng 11', '2026-10')).toBe('2026-11');
    expect(fromNowPeriod('Nhiệm vụ từ nay đến cuối năm', undefined)).toBeUndefined();
    expect(fromNowPeriod('Nhiệm vụ tháng 11/2026', '2026-10')).toBeUndefined();
  });
  it('a heading that names a date it runs to keeps its own period', () => {
    expect(firstPeriod('b) Dư nợ đến ngày 30/9/2026 của Ngân hàng Chính sách xã hội')).toBeUndefined();
  });

  it('completes a month without a year from the fallback year', () => {
    expect(firstPeriod('Phương hướng tháng 9', 2021)).toBe('2021-09');
    expect(firstPeriod('Phương hướng tháng 9')).toBeUndefined();
  });

  it('takes the window of the figures, bounded by dates in brackets or after `số liệu tính`, over the round year of the title', () => {
    expect(firstPeriod('Công tác tiếp công dân năm 2025 (Số liệu tính từ ngày 15/12/2024 đến ngày 14/12/2025)')).toBe('2024-12..2025-12');
    expect(firstPeriod('Báo cáo quý I năm 2026 (từ ngày 15/12/2025 đến ngày 14/3/2026)')).toBe('2025-12..2026-03');
    expect(firstPeriod('Kết quả năm 2025, kỳ báo cáo từ ngày 01/01/2025 đến ngày 30/11/2025')).toBe('2025-01..2025-11');
    // dates that bound something else, not the figures, leave the title's period
    expect(firstPeriod('Kết quả đợt kiểm tra năm 2025 từ ngày 01/3/2025 đến ngày 30/4/2025')).toBe('2025');
  });

  it('does not take a date or a horizon for a period', () => {
    expect(firstPeriod('Nam Định, ngày 26 tháng 01 năm 2021')).toBeUndefined();
    // a span of years is a programme's time as often as the figures' (metadata-reader takes a title's)
    expect(firstPeriod('Chuyển đổi số giai đoạn 2020 - 2025, tầm nhìn đến năm 2030')).toBeUndefined();
    expect(firstPeriod('Báo cáo ngày 15/3/2025')).toBeUndefined();
    // two dates out of order are no span
    expect(firstPeriod('từ ngày 20/12/2025 đến ngày 01/7/2025')).toBeUndefined();
    expect(firstPeriod('Lĩnh vực thông tin, tuyên truyền')).toBeUndefined();
    expect(firstPeriod('Phấn đấu giảm ít nhất 10% số ca mắc so với tháng 11')).toBeUndefined();
    expect(firstPeriod('Doanh thu tăng so với cùng kỳ năm 2023')).toBeUndefined();
  });

  it('reads the results part of a title that also names the plan for the next period, the one year serving both', () => {
    expect(firstPeriod('Kết quả thực hiện nhiệm vụ 9 tháng đầu năm và phương hướng, nhiệm vụ quý IV năm 2024')).toBe('2024-01..2024-09');
    expect(firstPeriod('Báo cáo công tác tháng 3 năm 2026 và phương hướng nhiệm vụ tháng 4')).toBe('2026-03');
    // no plan part: the month, the year written after the months to date serving both (blind26: the months to date are marked)
    expect(firstPeriod('Tình hình kinh tế - xã hội tháng 10 và 10 tháng năm 2024')).toBe('2024-10');
  });

  it('takes a second member naming the tasks or the plan for the plan part, and months closing their member as the months to date', () => {
    expect(firstPeriod('Kết quả công tác 8 tháng, nhiệm vụ trọng tâm tháng 9 năm 2027')).toBe('2027-01..2027-08');
    expect(firstPeriod('Tình hình thực hiện 6 tháng và kế hoạch 6 tháng cuối năm 2027')).toBe('2027-01..2027-06');
    expect(firstPeriod('Kết quả quý I và các giải pháp quý II năm 2027')).toBe('2027-01..2027-03');
    // results that write their own year are read as written, the plan's year lending itself to none of them
    expect(firstPeriod('Kết quả thu ngân sách tháng 5, 5 tháng năm 2027 và nhiệm vụ trọng tâm tháng 6')).toBe('2027-01..2027-05');
    // a plan that is the whole subject is no second member
    expect(firstPeriod('Báo cáo tình hình thực hiện kế hoạch năm 2027')).toBe('2027');
  });

  it('reads a school year as September to May', () => {
    expect(firstPeriod('Tổng kết năm học 2023-2024 và triển khai nhiệm vụ năm học 2024-2025')).toBe('2023-09..2024-05');
    expect(firstPeriod('Năm học 2023-2025')).toBeUndefined();
  });

  it("gives a plan's span of years (giai đoạn) apart from firstPeriod", () => {
    expect(planSpan('KẾ HOẠCH Phát triển du lịch giai đoạn 2026 - 2030, tầm nhìn đến năm 2045')).toBe('2026-01..2030-12');
    expect(planSpan('Kế hoạch năm 2026')).toBeUndefined();
  });

  it('gives the year of a period', () => {
    expect(periodYear('2021-01..2021-06')).toBe(2021);
    expect(periodYear(undefined)).toBeUndefined();
  });
});

describe('quarterNumber', () => {
  it('reads a quarter written in Roman numerals of either case or in digits', () => {
    expect(['I', 'ii', 'III', 'iv', '1', '4'].map(quarterNumber)).toEqual([1, 2, 3, 4, 1, 4]);
  });

  it('has no quarter V, 0 or 5', () => {
    expect(['V', 'v', '0', '5', 'IIII', ''].map(quarterNumber)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it('gives the quarter of a title through firstPeriod', () => {
    expect(firstPeriod('Báo cáo quý IV năm 2023')).toBe('2023-10..2023-12');
    expect(firstPeriod('Báo cáo quý iv/2023')).toBe('2023-10..2023-12');
  });
});

describe('bracketedMoment', () => {
  it('reads the moment a heading says its figures stand at, in brackets, as a stock’s month', () => {
    expect(bracketedMoment('1.2. Cơ cấu dư nợ theo ngành (tại ngày 31/10/2030)')).toBe('@2030-10');
    expect(bracketedMoment('2. Số hộ tham gia (tính đến ngày 15/6/2030)')).toBe('@2030-06');
    // not a date outside brackets, nor a span
    expect(bracketedMoment('2. Hội nghị ngày 15/6/2030')).toBeUndefined();
    expect(bracketedMoment('3. Kết quả (từ ngày 01/01/2030 đến ngày 30/6/2030)')).toBeUndefined();
  });
});

describe('yearToDateHeading', () => {
  it('reads a heading that is only a running total from the year’s start as January to now', () => {
    expect(yearToDateHeading('Lũy kế từ đầu năm', '2030-10')).toBe('2030-01..2030-10');
    expect(yearToDateHeading('Từ đầu năm đến nay', '2030-10')).toBe('2030-01..2030-10');
    expect(yearToDateHeading('Cộng dồn', '2030-01')).toBe('2030-01');
    // a heading that says more, or no month to run to
    expect(yearToDateHeading('Lũy kế vốn đầu tư', '2030-10')).toBeUndefined();
    expect(yearToDateHeading('Lũy kế từ đầu năm', undefined)).toBeUndefined();
  });
});

describe('the start or the end of a school year', () => {
  it('is a moment: what stands at the start (September) or the end (May)', () => {
    expect(firstPeriod('Báo cáo tình hình đội ngũ đầu năm học 2030-2031')).toBe('@2030-09');
    expect(firstPeriod('Số học sinh cuối năm học 2030-2031')).toBe('@2031-05');
    expect(firstPeriod('Tổng kết năm học 2030-2031')).toBe('2030-09..2031-05');
  });
});

describe('withoutComparisonBase', () => {
  it('blanks the time of a comparison base, a school year too, and keeps offsets', () => {
    const t = 'Cấp học bổng: trao 3.120 suất, tăng 210 suất so với năm học 2029-2030, gồm:';
    const out = withoutComparisonBase(t);
    expect(out).toHaveLength(t.length);
    expect(out).not.toMatch(/2029|2030|năm học/u);
    expect(withoutComparisonBase('Doanh thu tăng 8% So với cùng kỳ năm 2030.')).not.toMatch(/2030/u);
    // a time of the text's own stays
    expect(withoutComparisonBase('Kết quả năm học 2030-2031')).toBe('Kết quả năm học 2030-2031');
  });
});
