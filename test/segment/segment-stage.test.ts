import type { Document } from '../../schemas/document.js';
import type { RawBlock } from '../../schemas/raw-document.js';
import { createSegmentStage } from '../../src/segment/segment-stage.js';
import { CORPUS, nthIndex, readGold, runRaw, runText } from './text-pipeline.js';

const text = (lines: string[]): Buffer => Buffer.from(lines.join('\n\n'), 'utf8');
const paths = (doc: Document): string[] => doc.sections.map((s) => s.path);

const REPORT = [
  'BÁO CÁO',
  'Kết quả thực hiện nhiệm vụ tháng 8 năm 2021',
  'I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 8/2021',
  '1. Lĩnh vực bưu chính',
  '1.1. Hạ tầng bưu chính',
  'Toàn tỉnh có 102 điểm phục vụ.',
  '2.500 thuê bao phát sinh lưu lượng trong tháng.',
  '10 tháng đầu năm doanh thu tăng 5% so với cùng kỳ.',
  '03/02/1930 - 03/02/2021 kỷ niệm ngày thành lập.',
  '1.2. Doanh thu',
  'a) Bưu chính',
  '- Doanh thu ước đạt 14,96 tỷ đồng.',
  '+ Trong đó công ích ước đạt 145 triệu đồng.',
  'b) Viễn thông',
  'c) Công nghệ thông tin',
  'd) Báo chí, xuất bản',
  'đ) Thanh tra',
  'e) Khác',
  '2. Lĩnh vực viễn thông',
  'Tình hình chung', // an unnumbered line: not a section
  '2.1 Hạ tầng mạng',
  'II. NHIỆM VỤ TRỌNG TÂM THÁNG 9',
  '1. Tiếp tục triển khai công tác bảo đảm an toàn thông tin.',
  '2. Đôn đốc các doanh nghiệp viễn thông.',
  '5. Một câu đánh số lạc dãy.',
  '3. Tuyên truyền các ngày lễ lớn.',
  'Nơi nhận:',
  '- Như trên;',
  'GIÁM ĐỐC',
];

describe('segment stage', () => {
  it("gives a heading's year the window of the report's figures when the window ends in it", async () => {
    const lines = [
      'BÁO CÁO',
      'Kết quả công tác thanh tra năm 2025',
      'Số liệu báo cáo tính từ ngày 16/12/2024 đến ngày 15/12/2025.',
      'I. KẾT QUẢ NĂM 2025',
      'Tiến hành 14 cuộc thanh tra.',
      'II. NHIỆM VỤ NĂM 2026',
      'Tiến hành 16 cuộc thanh tra.',
    ];
    const report = await runText('report.txt', text(lines));
    expect(report.doc.sections.map((s) => [s.path, s.period ?? ''])).toEqual([
      ['I', '2024-12..2025-12'],
      ['II', '2026'],
    ]);
  });

  it("gives a heading's span of months the report's window when both end in the same month", async () => {
    const lines = [
      'BÁO CÁO',
      'Kết quả công tác 6 tháng đầu năm 2025',
      'Số liệu báo cáo tính từ ngày 16/12/2024 đến ngày 15/6/2025.',
      'I. KẾT QUẢ 6 THÁNG ĐẦU NĂM 2025',
      'Tiến hành 14 cuộc kiểm tra.',
      'II. NHIỆM VỤ 6 THÁNG CUỐI NĂM 2025',
      'Tiến hành 16 cuộc kiểm tra.',
    ];
    const report = await runText('report.txt', text(lines));
    expect(report.doc.sections.map((s) => [s.path, s.period ?? ''])).toEqual([
      ['I', '2024-12..2025-06'],
      ['II', '2025-07..2025-12'],
    ]);
  });

  it("gives a plan's heading the year of its horizon (Mục tiêu đến năm 2026), and a report's heading none", async () => {
    const plan = await runText(
      'plan.txt',
      text(['KẾ HOẠCH', 'Phát triển hạ tầng số đến năm 2028', 'I. MỤC TIÊU', '1. Mục tiêu đến năm 2026', '- Phủ sóng 5G 40 xã.']),
    );
    expect(plan.doc.sections.map((s) => [s.path, s.period ?? ''])).toEqual([
      ['I', ''],
      ['I/1', '2026'],
    ]);
    // (a scheme sets targets as a plan does)
    const scheme = await runText(
      'scheme.txt',
      text(['ĐỀ ÁN', 'Phát triển du lịch cộng đồng giai đoạn 2026-2030', 'I. MỤC TIÊU ĐẾN NĂM 2030', '- Đón 2,5 triệu lượt khách.']),
    );
    expect(scheme.doc.sections.map((s) => [s.path, s.period ?? ''])).toEqual([['I', '2030']]);
    const report = await runText(
      'report.txt',
      text(['BÁO CÁO', 'Tình hình tháng 5 năm 2025', 'I. KẾT QUẢ', '1. Triển khai Đề án đến năm 2030', '- Phủ sóng 5G 40 xã.']),
    );
    expect(report.doc.sections.map((s) => [s.path, s.period ?? ''])).toEqual([
      ['I', ''],
      ['I/1', ''],
    ]);
  });

  it("gives a heading of what is ahead (a forecast, tasks, recommendations) its horizon after the report's time, in any document; a horizon within it or a heading of results none", async () => {
    const study = await runText(
      'study.txt',
      text([
        'BÁO CÁO',
        'Tình hình phát triển nhà ở năm 2024',
        'I. KẾT QUẢ ĐẾN NĂM 2024',
        'Xây mới 40 căn nhà.',
        'II. DỰ BÁO NHU CẦU VÀ ĐỀ XUẤT ĐẾN NĂM 2030',
        'Cần thêm 900 căn nhà.',
        'III. NHIỆM VỤ ĐẾN NĂM 2024',
        'Xây thêm 10 căn nhà.',
      ]),
    );
    expect(study.doc.sections.map((s) => [s.path, s.period ?? ''])).toEqual([
      ['I', ''],
      ['II', '2030'],
      ['III', ''],
    ]);
  });

  it("gives a plan's (and a multi-year report's) span of years to its headings, its account of the present the month it was issued; a dated report's programme span none", async () => {
    const plan = await runText(
      'plan.txt',
      text([
        'ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN',
        'Điện Biên, ngày 15 tháng 11 năm 2025',
        'KẾ HOẠCH',
        'Phát triển du lịch cộng đồng giai đoạn 2026-2030',
        'I. THỰC TRẠNG',
        'Toàn tỉnh có 42 điểm du lịch cộng đồng.',
        'II. MỤC TIÊU GIAI ĐOẠN 2026 - 2030',
        'Đón 2 triệu lượt khách.',
      ]),
    );
    expect(plan.doc.metadata.reportPeriod).toBe('2026-01..2030-12');
    expect(plan.doc.sections.map((s) => [s.path, s.period ?? ''])).toEqual([
      ['I', '2025-11'],
      ['II', '2026-01..2030-12'],
    ]);
    // (an account of the present that opens with the moment of its figures: the year up to that moment)
    const dated = await runText(
      'dated.txt',
      text([
        'Hải Phòng, ngày 20 tháng 11 năm 2025',
        'KẾ HOẠCH',
        'Phát triển dịch vụ hỏa táng năm 2026',
        '1. THỰC TRẠNG',
        'Tính đến ngày 31/10/2025, toàn thành phố có 1.246 nghĩa trang.',
        '2. MỤC TIÊU NĂM 2026',
        'Thực hiện 7.500 ca hỏa táng.',
      ]),
    );
    expect(dated.doc.sections.map((s) => [s.path, s.period ?? ''])).toEqual([
      ['1', '2025-01..2025-10'],
      ['2', '2026'],
    ]);
    const report = await runText(
      'report.txt',
      text(['BÁO CÁO', 'Tình hình tháng 5 năm 2025', 'I. CHƯƠNG TRÌNH CHUYỂN ĐỔI SỐ GIAI ĐOẠN 2021-2025', '- Phủ sóng 5G 40 xã.']),
    );
    expect(report.doc.sections.map((s) => [s.path, s.period ?? ''])).toEqual([['I', '']]);
    // a report of a span of years: a heading's span is the time of what it holds
    const review = await runText(
      'review.txt',
      text([
        'BÁO CÁO',
        'Kết quả bảo vệ rừng giai đoạn 2021-2025',
        'I. KẾT QUẢ',
        '- Trồng 500 ha rừng.',
        'II. ĐỊNH HƯỚNG GIAI ĐOẠN 2026-2030',
        '- Trồng 800 ha rừng.',
      ]),
    );
    expect(review.doc.metadata.reportPeriod).toBe('2021-01..2025-12');
    expect(review.doc.sections.map((s) => [s.path, s.period ?? ''])).toEqual([
      ['I', ''],
      ['II', '2026-01..2030-12'],
    ]);
    // a report of a year whose title names a span of years too: a heading of that span is its time, of another none
    const both = await runText(
      'both.txt',
      text([
        'BÁO CÁO',
        'Kết quả xây dựng nông thôn mới giai đoạn 2026-2030, năm 2031 và kế hoạch năm 2032',
        'I. KẾT QUẢ GIAI ĐOẠN 2026-2030',
        '- Cứng hóa 48 km đường.',
        'II. CHƯƠNG TRÌNH GIAI ĐOẠN 2031-2035',
        '- Cứng hóa 12 km đường.',
      ]),
    );
    expect(both.doc.metadata.reportPeriod).toBe('2031');
    // a term of office bounded in months: a heading of the next term runs over the same months, five years on
    const term = await runText(
      'term.txt',
      text([
        'BÁO CÁO',
        'Kết quả thực hiện Nghị quyết Đại hội nhiệm kỳ 2027-2032',
        'Nhiệm kỳ 2027-2032 (từ tháng 7/2027 đến tháng 6/2032), Hội đã triển khai nhiều phong trào.',
        'I. KẾT QUẢ NHIỆM KỲ 2027-2032',
        '- Kết nạp 5.000 hội viên.',
        'II. MỤC TIÊU NHIỆM KỲ 2032-2037',
        '- Kết nạp 6.000 hội viên.',
      ]),
    );
    expect(term.doc.metadata.reportPeriod).toBe('2027-07..2032-06');
    expect(term.doc.sections.map((s) => [s.path, s.period ?? ''])).toEqual([
      ['I', '2027-07..2032-06'],
      ['II', '2032-07..2037-06'],
    ]);
    // a school term's report: a heading of the other term, without its year, is of the same school year
    const school = await runText(
      'school.txt',
      text([
        'BÁO CÁO',
        'Sơ kết học kỳ I năm học 2030-2031',
        'I. KẾT QUẢ HỌC KỲ I',
        '- Có 1.200 học sinh.',
        'II. NHIỆM VỤ HỌC KỲ II',
        '- Phấn đấu 90% học sinh khá, giỏi.',
      ]),
    );
    expect(school.doc.sections.map((s) => [s.path, s.period ?? ''])).toEqual([
      ['I', '2030-09..2030-12'],
      ['II', '2031-01..2031-05'],
    ]);
    expect(both.doc.sections.map((s) => [s.path, s.period ?? ''])).toEqual([
      ['I', '2026-01..2030-12'],
      ['II', ''],
    ]);
    // a season of work bounded in months by its first paragraph: a heading of the next season runs over the same months, a year on
    const season = await runText(
      'season.txt',
      text([
        'BÁO CÁO',
        'Tổng kết niên vụ mía đường 2030-2031 và kế hoạch niên vụ 2031-2032',
        'Niên vụ 2030-2031, nhà máy vào ép từ ngày 16/11/2030 và kết thúc ngày 10/4/2031.',
        'I. KẾT QUẢ NIÊN VỤ 2030-2031',
        '- Ép 800.000 tấn mía.',
        'II. KẾ HOẠCH NIÊN VỤ 2031-2032',
        '- Ép 850.000 tấn mía.',
      ]),
    );
    expect(season.doc.metadata.reportPeriod).toBe('2030-11..2031-04');
    expect(season.doc.sections.map((s) => [s.path, s.period ?? ''])).toEqual([
      ['I', '2030-11..2031-04'],
      ['II', '2031-11..2032-04'],
    ]);
    // a summer bounded in months the same way: the next summer's heading runs over the same months of its year
    const summer = await runText(
      'summer.txt',
      text([
        'BÁO CÁO',
        'Tổng kết hoạt động hè năm 2031',
        'Hoạt động hè năm 2031 được tổ chức từ ngày 03/6/2031 đến ngày 25/8/2031 theo kế hoạch.',
        '1. KẾT QUẢ',
        '- Mở 40 lớp năng khiếu.',
        '2. PHƯƠNG HƯỚNG HÈ NĂM 2032',
        '- Mở 45 lớp năng khiếu.',
      ]),
    );
    expect(summer.doc.metadata.reportPeriod).toBe('2031-06..2031-08');
    expect(summer.doc.sections.map((s) => [s.path, s.period ?? ''])).toEqual([
      ['1', ''],
      ['2', '2032-06..2032-08'],
    ]);
  });

  it('builds the heading tree from Roman, Arabic, multi-level and letter labels', async () => {
    const { doc } = await runText('report.txt', text(REPORT));
    expect(paths(doc)).toEqual([
      'I',
      'I/1',
      'I/1/1.1',
      'I/1/1.2',
      'I/1/1.2/a',
      'I/1/1.2/b',
      'I/1/1.2/c',
      'I/1/1.2/d',
      'I/1/1.2/đ',
      'I/1/1.2/e',
      'I/2',
      'I/2/2.1',
      'II',
      'II/1',
      'II/2',
      'II/3',
    ]);
    expect(doc.sections.map((s) => [s.kind, s.level]).slice(0, 5)).toEqual([
      ['roman', 0],
      ['arabic', 1],
      ['multilevel', 2],
      ['multilevel', 2],
      ['letter', 3],
    ]);
    expect(doc.sections[1]).toMatchObject({ label: '1', title: 'Lĩnh vực bưu chính', page: 1 });
  });

  it('is not fooled by numbers, counts and dates at the start of a paragraph, nor by a number out of sequence', async () => {
    const { doc } = await runText('report.txt', text(REPORT));
    for (const start of ['2.500 thuê bao', '10 tháng đầu năm', '03/02/1930', '5. Một câu']) {
      const block = doc.blocks.find((b) => b.text.startsWith(start));
      expect(block?.role).toBe('body');
    }
    expect(doc.blocks.find((b) => b.text.startsWith('2.500'))?.section).toBe('I/1/1.1');
    expect(doc.blocks.find((b) => b.text.startsWith('5. Một câu'))?.section).toBe('II/2');
    expect(doc.blocks.find((b) => b.text === 'Tình hình chung')).toMatchObject({ role: 'body', section: 'I/2' });
  });

  it('makes bullets items of their section and keeps the title and closing out of sections', async () => {
    const { doc } = await runText('report.txt', text(REPORT));
    expect(doc.blocks.find((b) => b.text.startsWith('- Doanh thu'))).toMatchObject({ role: 'item', section: 'I/1/1.2/a' });
    expect(doc.blocks.find((b) => b.text.startsWith('+ Trong đó'))).toMatchObject({ role: 'item', section: 'I/1/1.2/a' });
    expect(doc.blocks.filter((b) => ['title', 'closing'].includes(b.role)).map((b) => b.section)).toEqual(['', '', '', '', '']);
    expect(doc.blocks.filter((b) => b.role === 'heading').map((b) => b.label)).toContain('1.2.');
  });

  it('gives each section the span of its heading and the end of its last block', async () => {
    const { doc } = await runText('report.txt', text(REPORT));
    for (const s of doc.sections) {
      const heading = doc.text.slice(s.prov.start, s.prov.end);
      expect(heading.endsWith(s.title)).toBe(true);
      const inside = doc.blocks.filter((b) => b.section === s.path || b.section.startsWith(`${s.path}/`));
      expect(s.end).toBe(Math.max(...inside.map((b) => b.prov.end)));
    }
    const one = doc.sections.find((s) => s.path === 'I/1');
    expect(doc.text.slice(one?.prov.start, one?.end).endsWith('e) Khác')).toBe(true);
  });

  it('reads the period a heading names, completing a month from the report year', async () => {
    const { doc } = await runText('report.txt', text(REPORT));
    expect(doc.sections.filter((s) => s.period).map((s) => [s.path, s.period])).toEqual([
      ['I', '2021-08'],
      ['II', '2021-09'],
    ]);
  });

  it("dates an item of several clauses by its first: a time a later clause says is that clause's", async () => {
    const { doc } = await runText(
      'tasks.txt',
      text(['1. Tổ chức 8 lớp tập huấn nghiệp vụ; hoàn thành 100% hồ sơ trong quý I/2026.', '2. Triển khai kiểm tra chuyên đề trong tháng 3/2026.']),
    );
    expect(doc.sections.filter((s) => s.period).map((s) => [s.path, s.period])).toEqual([['2', '2026-03']]);
  });

  it('reports a gap in the numbering and still opens the section', async () => {
    const { doc, file } = await runText('gap.txt', text(['I. MỘT', 'Nội dung.', 'III. BA', '3.3. Ba chấm ba']));
    expect(paths(doc)).toEqual(['I', 'III']);
    expect(file.messages.filter((m) => m.rule === 'segment:numbering-gap').map((m) => m.reason)).toEqual(['numbering skips: III. follows I.']);
    const two = await runText('gap2.txt', text(['1. Một', '3. Ba', '3.3. Ba chấm ba']));
    expect(paths(two.doc)).toEqual(['1', '3', '3/3.3']);
  });

  it('does not take a wrapped line that starts with a number for a heading', async () => {
    const wrapped = [
      'I. KẾT QUẢ THỰC HIỆN',
      'Trong tháng các doanh nghiệp viễn thông đã phát triển mới được',
      '2. Đây là số trạm được đưa vào khai thác mà vẫn nằm trong dòng',
      'thứ hai của một đoạn văn bị ngắt dòng cứng như pdftotext.',
      '1. Lĩnh vực viễn thông',
      'Nội dung của mục một, dòng này đủ dài để không bị coi là ngắn.',
    ].join('\n');
    const { doc } = await runText('wrapped.txt', Buffer.from(wrapped));
    expect(paths(doc)).toEqual(['I', 'I/1']);
    expect(doc.blocks.find((b) => b.text.startsWith('Trong tháng'))?.text).toContain('mới được 2. Đây là số trạm');
  });

  it('gives the same tree when the labels come from Word numbering', async () => {
    const para = (t: string, label?: string): RawBlock => ({ text: t, page: 1, unit: 'paragraph', ...(label ? { label } : {}) });
    const { doc } = await runRaw(
      [para('KẾT QUẢ', 'I.'), para('Lĩnh vực bưu chính', '1.'), para('Hạ tầng', '1.1.'), para('Bưu chính', 'a)'), para('Văn bản.'), para('NHIỆM VỤ', 'II.')],
      'auto.docx',
    );
    expect(doc.sections.map((s) => [s.path, s.title])).toEqual([
      ['I', 'KẾT QUẢ'],
      ['I/1', 'Lĩnh vực bưu chính'],
      ['I/1/1.1', 'Hạ tầng'],
      ['I/1/1.1/a', 'Bưu chính'],
      ['II', 'NHIỆM VỤ'],
    ]);
  });

  it('rejects unknown options', () => {
    expect(() => createSegmentStage({ romanGaps: 3 } as never)).toThrow(/segment: invalid options/);
  });
});

describe('segment stage on the corpus source texts', () => {
  it.each(['002', '003', '004'])('puts every gold fact of %s in a block of its gold section', async (key) => {
    const { doc } = await runText(`${CORPUS}/${key}.source.txt`);
    const seen = new Map<string, number>();
    const wrong: string[] = [];
    for (const g of readGold(key)) {
      const k = seen.get(g.quote) ?? 0;
      seen.set(g.quote, k + 1);
      const at = nthIndex(doc.text, g.quote, k);
      const block = doc.blocks.find((b) => b.prov.start <= at && at < b.prov.end);
      if (block?.section !== g.section) wrong.push(`${g.quote}: ${block?.section} ≠ ${g.section}`);
    }
    expect(wrong).toEqual([]);
  });

  it('reads the periods the corpus headings name', async () => {
    const periods = async (key: string): Promise<[string, string | undefined][]> =>
      (await runText(`${CORPUS}/${key}.source.txt`)).doc.sections.filter((s) => s.kind === 'roman').map((s) => [s.path, s.period]);
    expect(await periods('002')).toEqual([
      ['I', '2024'],
      ['III', undefined],
      ['IV', '2025'],
    ]);
    expect(await periods('003')).toEqual([
      ['I', '2021-01'],
      ['II', '2021-02'],
    ]);
    expect(await periods('004')).toEqual([
      ['I', undefined],
      ['II', undefined],
      ['III', '2020-11'],
    ]);
  });

  it('does not make the unnumbered bold sub-headings of 003 sections', async () => {
    const { doc } = await runText(`${CORPUS}/003.source.txt`);
    const bold = doc.blocks.filter((b) => b.bold && b.role === 'body');
    expect(bold.length).toBeGreaterThan(2);
    expect(bold.every((b) => b.section === 'I/2/c' || b.section === 'I/2/d' || b.section === 'I/2/đ')).toBe(true);
  });
});
