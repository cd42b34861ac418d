import { frontMatterRoles, MOTTO } from '../../src/normalize/front-matter.js';
import { firstPeriod } from '../../src/text/period-words.js';
import { joinLines } from '../../src/normalize/line-joiner.js';
import { readMetadata } from '../../src/normalize/metadata-reader.js';
import type { RawBlock } from '../../schemas/raw-document.js';
import type { BlockRole } from '../../schemas/document.js';

const para = (text: string, role: BlockRole = 'admin-header') => ({ text, role });

describe('readMetadata', () => {
  it("takes the title from a running header when the document has no title of its own, and a plan title's horizon as its period", () => {
    const meta = readMetadata([
      para('CỔNG DỮ LIỆU MẪU', 'furniture'),
      para('KH017', 'furniture'),
      para('KẾ HOẠCH PHÁT TRIỂN HẠ TẦNG', 'furniture'),
      para('Phiên bản: 2', 'furniture'),
      para('SỐ TỈNH LÀO CAI ĐẾN NĂM', 'furniture'),
      para('2030', 'furniture'),
      para('Căn cứ Nghị quyết của Tỉnh ủy về chuyển đổi số.', 'body'),
    ]);
    expect(meta.title).toBe('KẾ HOẠCH PHÁT TRIỂN HẠ TẦNG SỐ TỈNH LÀO CAI ĐẾN NĂM 2030');
    expect(meta.reportType).toBe('kế hoạch');
    expect(meta.reportPeriod).toBe('2030');
  });

  it('reads the subject under a typed title (`BÁO CÁO CHUYÊN ĐỀ`) and a bracketed span under the subject as the report period', () => {
    const lines = (texts: string[]) => {
      const roles = frontMatterRoles(texts.map((text) => ({ text })));
      return readMetadata(texts.map((text, i) => ({ text, role: roles[i] })));
    };
    const head = ['UBND TỈNH HÀ GIANG', 'SỞ Y TẾ', 'Số: 77/BC-SYT', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Hà Giang, ngày 05 tháng 7 năm 2024'];
    const study = lines([
      ...head,
      'BÁO CÁO CHUYÊN ĐỀ',
      'Tình hình bệnh sốt xuất huyết 6 tháng đầu năm 2024',
      '1. Tình hình chung',
      'Toàn tỉnh ghi nhận 120 ca.',
    ]);
    expect(study.title).toBe('BÁO CÁO CHUYÊN ĐỀ Tình hình bệnh sốt xuất huyết 6 tháng đầu năm 2024');
    expect(study.reportPeriod).toBe('2024-01..2024-06');
    const spanned = lines([
      ...head,
      'BÁO CÁO',
      'Kết quả đợt chiến dịch tiêm chủng',
      '(từ ngày 10/4/2024 đến ngày 25/6/2024)',
      'I. KẾT QUẢ',
      'Đã tiêm 3.200 mũi.',
    ]);
    expect(spanned.title).toBe('BÁO CÁO Kết quả đợt chiến dịch tiêm chủng (từ ngày 10/4/2024 đến ngày 25/6/2024)');
    expect(spanned.reportPeriod).toBe('2024-04..2024-06');
    // a statistics office's press release (`THÔNG CÁO BÁO CHÍ`) is titled like a report
    const release = lines([...head, 'THÔNG CÁO BÁO CHÍ', 'Tình hình giá cả thị trường', 'tháng 9 và năm 2024', '1. Giá lương thực', 'Giá gạo tăng 1,2%.']);
    expect(release.title).toBe('THÔNG CÁO BÁO CHÍ Tình hình giá cả thị trường tháng 9 và năm 2024');
    expect(release.reportPeriod).toBe('2024-09');
    // so is a bulletin (`BẢN TIN`)
    const bulletin = lines([...head, 'BẢN TIN', 'Tình hình dịch bệnh tháng 5 năm 2027', 'I. TÌNH HÌNH', 'Ghi nhận 32 ca.']);
    expect(bulletin.title).toBe('BẢN TIN Tình hình dịch bệnh tháng 5 năm 2027');
    expect(bulletin.reportPeriod).toBe('2027-05');
  });

  it("takes a title's span of years, when it names no shorter time, as the report period (a report of the span, not only a plan)", () => {
    const study = readMetadata([
      para('BÁO CÁO CHUYÊN ĐỀ', 'title'),
      para('Kết quả quản lý tài nguyên nước giai đoạn 2021-2025;', 'title'),
      para('định hướng giai đoạn 2026-2030', 'title'),
    ]);
    expect(study.reportPeriod).toBe('2021-01..2025-12');
    // a shorter time in the title is the period; the span is then a programme's
    const monthly = readMetadata([para('BÁO CÁO', 'title'), para('Tình hình tháng 5 năm 2025 của Chương trình giai đoạn 2021-2025', 'title')]);
    expect(monthly.reportPeriod).toBe('2025-05');
  });

  it('takes the window of the figures in brackets under the title over its round year', () => {
    const meta = readMetadata([
      para('BÁO CÁO', 'title'),
      para('Công tác tiếp công dân, giải quyết khiếu nại năm 2025', 'title'),
      para('(Số liệu tính từ ngày 15/12/2024 đến ngày 14/12/2025)', 'title'),
    ]);
    expect(meta.reportPeriod).toBe('2024-12..2025-12');
  });

  /** The period of a report with this title and, as its first body line, this one. */
  const windowed = (title: string, line: string) => readMetadata([para('BÁO CÁO', 'title'), para(title, 'title'), para(line, 'body')]).reportPeriod;
  /** The report period of a report written on `date` (`28 tháng 9 năm 2025`) under `title`, with a first paragraph if given. */
  const issuedAs = (title: string, date: string, body?: string) =>
    readMetadata([para(`Hà Nội, ngày ${date}`), para('BÁO CÁO', 'title'), para(title, 'title'), ...(body ? [para(body, 'body')] : [])]).reportPeriod;

  it("takes the window of the figures said on a line of its own under the title, when it ends in the title's year", () => {
    expect(windowed('Kết quả công tác thanh tra năm 2025', 'Số liệu báo cáo tính từ ngày 16/12/2024 đến ngày 15/12/2025.')).toBe('2024-12..2025-12');
    // a window of another year is not this report's
    expect(windowed('Kết quả công tác thanh tra năm 2025', 'Số liệu tính từ ngày 16/12/2023 đến ngày 15/12/2024.')).toBe('2025');
    // a year's report whose figures run from January to a month of it stands for the year its title names
    expect(windowed('Kết quả công tác năm 2027', 'Số liệu tính từ ngày 01/01/2027 đến ngày 30/11/2027.')).toBe('2027');
  });

  it('takes a window said as a sentence of the first paragraph, for a title of months that end where it does', () => {
    const line = 'Đơn vị quản lý 12 trạm kiểm soát. Số liệu trong báo cáo tính từ ngày 16/12/2024 đến ngày 15/6/2025.';
    expect(windowed('Kết quả công tác 6 tháng đầu năm 2025', line)).toBe('2024-12..2025-06');
  });

  it('takes the months to date of a quarter-and-months title when the first figure names them first, else the quarter', () => {
    const title = 'Kết quả công tác thuế quý III và 9 tháng năm 2031';
    expect(windowed(title, 'Tổng thu ngân sách 9 tháng năm 2031 đạt 31.846 tỷ đồng. Riêng quý III/2031 thu được 10.284 tỷ đồng.')).toBe('2031-01..2031-09');
    expect(windowed(title, 'Trong quý III/2031, thu ngân sách đạt 10.284 tỷ đồng; lũy kế 9 tháng đạt 31.846 tỷ đồng.')).toBe('2031-07..2031-09');
    // a month's report keeps its month
    expect(windowed('Tình hình kinh tế - xã hội tháng 10 và 10 tháng năm 2031', 'Lũy kế 10 tháng, thu ngân sách đạt 9.100 tỷ đồng.')).toBe('2031-10');
  });

  it('takes the span from the start of the year that the text gives a title of one moment (tính đến ngày …)', () => {
    const title = 'Tình hình dịch bệnh và kết quả phòng, chống dịch (tính đến ngày 20/8/2031)';
    expect(windowed(title, 'Từ đầu năm 2031 đến ngày 20/8/2031, dịch đã xảy ra tại 214 ổ dịch.')).toBe('2031-01..2031-08');
    // a span that ends elsewhere, or none: the moment
    expect(windowed(title, 'Từ đầu năm 2031 đến ngày 20/7/2031, dịch đã xảy ra tại 214 ổ dịch.')).toBe('@2031-08');
    expect(windowed(title, 'Hiện có 214 ổ dịch.')).toBe('@2031-08');
  });

  it('takes the week a bulletin reports (tuần qua (từ ngày … đến ngày …)) under a title that names only its year', () => {
    const line = 'Đài thông báo tình hình xâm nhập mặn tuần qua (từ ngày 13/02 đến ngày 19/02/2031) và dự báo trong thời gian tới như sau:';
    expect(windowed('Bản tin dự báo xâm nhập mặn mùa khô năm 2031 (Bản tin số 06)', line)).toBe('2031-02');
    // a title of months keeps its months
    expect(windowed('Kết quả công tác quý I năm 2031', line)).toBe('2031-01..2031-03');
  });

  it('takes a working window of as many months as the title, shifted by a month or two, and no window of another length', () => {
    const line = 'Viện kiểm sát báo cáo kết quả công tác 6 tháng đầu năm 2030 (số liệu từ ngày 01/12/2029 đến ngày 31/5/2030) như sau:';
    expect(windowed('Kết quả công tác kiểm sát 6 tháng đầu năm 2030', line)).toBe('2029-12..2030-05');
    const quarter = 'Số liệu từ ngày 01/12/2029 đến ngày 31/5/2030.';
    expect(windowed('Kết quả công tác quý I năm 2030', quarter)).toBe('2030-01..2030-03');
  });

  it.each([
    'Kỳ báo cáo: từ ngày 16/11/2024 đến ngày 15/11/2025.',
    '(Số liệu từ ngày 16/11/2024 đến ngày 15/11/2025)',
    'Thời gian lấy số liệu: từ ngày 16/11/2024 đến ngày 15/11/2025.',
  ])('reads the window of the figures however its line is worded: %s', (line) => {
    expect(windowed('Kết quả công tác năm 2025', line)).toBe('2024-11..2025-11');
  });

  it('reads a title wrapped onto a line that opens with its bracketed span, and a span whose first date leaves its year to the second', () => {
    const texts = [
      'UBND TỈNH QUẢNG BÌNH',
      'BAN CHỈ HUY PHÒNG, CHỐNG THIÊN TAI',
      'Số: 31/BC-BCH',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Quảng Bình, ngày 20 tháng 10 năm 2026',
      'BÁO CÁO',
      'Thiệt hại do mưa lũ',
      '(từ ngày 12/10 đến ngày 16/10/2026) và công tác khắc phục',
      'Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh, Ban Chỉ huy báo cáo như sau:',
      'I. THIỆT HẠI',
    ];
    const roles = frontMatterRoles(texts.map((text) => ({ text })));
    expect(roles[7]).toBe('title');
    expect(roles[8]).not.toBe('title');
    const meta = readMetadata(texts.map((text, i) => ({ text, role: roles[i] })));
    expect(meta.title).toBe('BÁO CÁO Thiệt hại do mưa lũ (từ ngày 12/10 đến ngày 16/10/2026) và công tác khắc phục');
    expect(meta.reportPeriod).toBe('2026-10');
  });

  it('takes a school year bounded in brackets in the first paragraph as the report period, and its months for every school year', () => {
    const meta = readMetadata([
      para('BÁO CÁO', 'title'),
      para('Tổng kết năm học 2025-2026 và phương hướng năm học 2026-2027', 'title'),
      para('Năm học 2025-2026 (từ ngày 01/9/2025 đến ngày 31/8/2026) là năm học thứ hai của Chiến lược.', 'body'),
    ]);
    expect(meta.reportPeriod).toBe('2025-09..2026-08');
    expect(firstPeriod('III. NHIỆM VỤ NĂM HỌC 2026-2027', undefined, meta.seasons)).toBe('2026-09..2027-08');
    // without bounds a school year is September to May
    expect(windowed('Tổng kết năm học 2025-2026', 'Nhà trường báo cáo như sau:')).toBe('2025-09..2026-05');
  });

  it('reads the window a first paragraph gives as `kỳ số liệu`, and a title moment `thời điểm` as of its month', () => {
    const line = 'Viện kiểm sát báo cáo kết quả công tác năm 2030 (kỳ số liệu từ ngày 01/12/2029 đến ngày 30/11/2030) như sau:';
    expect(windowed('Tổng kết công tác năm 2030 và phương hướng, nhiệm vụ năm 2031', line)).toBe('2029-12..2030-11');
    // (a supervision over a span of years its account cuts short: `Thời kỳ giám sát từ ngày … đến ngày 30/9/2030`)
    const supervised = 'Đoàn giám sát làm việc với 8 xã. Thời kỳ giám sát từ ngày 01/01/2028 đến ngày 30/9/2030.';
    expect(windowed('Kết quả giám sát việc thực hiện chính sách bảo hiểm y tế giai đoạn 2028 - 2030', supervised)).toBe('2028-01..2030-09');
    // (results a first paragraph says it reports over a span from an event its bracket dates — a quarter at least, not the days
    // an event took)
    const since = 'UBND phường báo cáo kết quả triển khai Đề án 06 từ khi vận hành chính quyền địa phương 2 cấp (ngày 01/7/2030) đến ngày 15/12/2030 như sau:';
    expect(windowed('Kết quả triển khai Đề án 06 năm 2030', since)).toBe('2030-07..2030-12');
    const event = 'Sở báo cáo kết quả tổ chức Hội chợ từ ngày 12/9/2030 đến ngày 16/9/2030 như sau:';
    expect(windowed('Kết quả công tác năm 2030', event)).toBe('2030');
    // (a title with no time over a sentence that says which figures it reports)
    const reported = 'Thực hiện Công văn số 12/SCT ngày 02/11/2030, Công ty báo cáo số liệu từ ngày 01/01/2030 đến ngày 31/10/2030 như sau:';
    expect(windowed('Hoạt động của sàn giao dịch thương mại điện tử trong việc hỗ trợ tiêu thụ sản phẩm', reported)).toBe('2030-01..2030-10');
    expect(windowed('Kết quả điều tra gia cầm thời điểm 01/4/2031 và nhiệm vụ quý II năm 2031', 'Sở báo cáo như sau:')).toBe('@2031-04');
    expect(windowed('Kết quả rà soát hộ nghèo tại thời điểm 31/12/2030', 'Ủy ban báo cáo như sau:')).toBe('@2030-12');
  });

  it('dates a report whose title names no time at the moment its first heading gives its figures', () => {
    const status = (line: string) =>
      readMetadata([
        para('Gia Lai, ngày 18 tháng 8 năm 2030'),
        para('BÁO CÁO CHUYÊN ĐỀ', 'title'),
        para('Về hiện trạng hạ tầng mạng di động', 'title'),
        para('Công ty báo cáo như sau:', 'body'),
        para(line, 'body'),
      ]).reportPeriod;
    expect(status('1. HIỆN TRẠNG HẠ TẦNG MẠNG LƯỚI (tính đến ngày 31/7/2030)')).toBe('@2030-07');
    // (not the end of a span, nor a moment after the report was written)
    expect(status('1. Kết quả triển khai từ ngày 01/3/2030 đến ngày 31/7/2030')).toBeUndefined();
    expect(status('1. Kế hoạch (tính đến ngày 31/12/2030)')).toBeUndefined();
  });

  it('takes the dates that bound the kind of time a title names, where the first paragraph names that kind again', () => {
    // an occasion, a term of office, a school term
    const holiday = 'Sở báo cáo kết quả phục vụ du khách trong kỳ nghỉ Tết Nguyên đán 7 ngày, từ ngày 20/01/2031 đến hết ngày 26/01/2031.';
    expect(windowed('Kết quả hoạt động du lịch dịp Tết Nguyên đán năm 2031', holiday)).toBe('2031-01');
    const term = 'Nhiệm kỳ 2027-2032 (từ tháng 10/2027 đến tháng 9/2032), Hội đã triển khai Nghị quyết Đại hội.';
    expect(windowed('Kết quả thực hiện Nghị quyết Đại hội nhiệm kỳ 2027-2032', term)).toBe('2027-10..2032-09');
    const school = 'Học kỳ I năm học 2030-2031 được thực hiện từ ngày 05/9/2030 đến ngày 16/01/2031 theo kế hoạch.';
    expect(windowed('Sơ kết học kỳ I năm học 2030-2031', school)).toBe('2030-09..2031-01');
    // a season, a campaign
    const season = 'Mùa du lịch biển năm 2031 được tổ chức từ ngày 20/4/2031 đến ngày 10/9/2031 trên toàn tuyến bãi biển.';
    expect(windowed('Tổng kết công tác quản lý bãi biển mùa du lịch năm 2031', season)).toBe('2031-04..2031-09');
    const drive = 'Đợt cao điểm tấn công trấn áp tội phạm diễn ra từ ngày 15/11/2031 đến ngày 15/01/2032.';
    expect(windowed('Kết quả đợt cao điểm tấn công trấn áp tội phạm dịp Tết Nguyên đán 2032', drive)).toBe('2031-11..2032-01');
    // a summer programme — not the pavement of `vỉa hè`
    const summer = 'Hoạt động hè năm 2031 diễn ra từ ngày 02/6/2031 đến ngày 20/8/2031 tại 40 điểm sinh hoạt.';
    expect(windowed('Tổng kết công tác hè năm 2031 của thiếu nhi thành phố', summer)).toBe('2031-06..2031-08');
    const pavement = 'Đợt ra quân lập lại trật tự vỉa hè diễn ra từ ngày 02/3/2031 đến ngày 30/4/2031.';
    expect(windowed('Kết quả lập lại trật tự vỉa hè năm 2031', pavement)).toBe('2031');
    // not dates of something else, nor of another time of the same kind
    expect(windowed('Kết quả công tác năm 2031', 'Chiến dịch diễn ra từ ngày 01/3/2031 đến ngày 30/4/2031.')).toBe('2031');
    const earlier = 'Học kỳ I năm học 2029-2030 (từ ngày 05/9/2029 đến ngày 15/01/2030) đã tổng kết.';
    expect(windowed('Sơ kết học kỳ I năm học 2030-2031', earlier)).toBe('2030-09..2030-12');
  });

  it('reads a term of a school year in a title: the first September to December, the second January to May', () => {
    expect(windowed('Sơ kết học kỳ I năm học 2030-2031', 'Nhà trường báo cáo như sau:')).toBe('2030-09..2030-12');
    expect(windowed('Sơ kết học kỳ II năm học 2030-2031', 'Nhà trường báo cáo như sau:')).toBe('2031-01..2031-05');
    // a year's report after its second term is the school year's
    expect(windowed('Tổng kết học kỳ II và năm học 2030-2031', 'Nhà trường báo cáo như sau:')).toBe('2030-09..2031-05');
  });

  it("joins a title's member after a semicolon, and reads a party-style document number (`146-BC/HPN`)", () => {
    const texts = [
      'HỘI NÔNG DÂN TỈNH MẪU',
      'Số: 88-BC/HND',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Mẫu, ngày 12 tháng 6 năm 2032',
      'BÁO CÁO',
      'Kết quả thực hiện Nghị quyết Đại hội nhiệm kỳ 2027-2032;',
      'phương hướng, nhiệm vụ nhiệm kỳ 2032-2037',
      'Nhiệm kỳ qua, Hội đã triển khai nhiều phong trào.',
    ];
    const roles = frontMatterRoles(texts.map((text) => ({ text })));
    expect(roles[6]).toBe('title');
    expect(roles[7]).toBe('body');
    const meta = readMetadata(texts.map((text, i) => ({ text, role: roles[i] })));
    expect(meta.docNumber).toBe('88-BC/HND');
    expect(meta.title).toBe('BÁO CÁO Kết quả thực hiện Nghị quyết Đại hội nhiệm kỳ 2027-2032; phương hướng, nhiệm vụ nhiệm kỳ 2032-2037');
  });

  it('cuts a title span of years at the moment the figures are said to run to in its last year', () => {
    expect(windowed('Kết quả giám sát việc thực hiện Nghị quyết giai đoạn 2021-2025', 'Số liệu trong báo cáo tính đến ngày 30/9/2025.')).toBe(
      '2021-01..2025-09',
    );
    // a moment in another year leaves the span whole
    expect(windowed('Kết quả giám sát việc thực hiện Nghị quyết giai đoạn 2021-2025', 'Số liệu tính đến ngày 30/9/2024.')).toBe('2021-01..2025-12');
  });

  it('dates a report of one event, whose title names no time, by the month its first paragraph says the event took place', () => {
    expect(
      windowed('Tổng kết cuộc bầu cử đại biểu Hội đồng nhân dân xã', 'Cuộc bầu cử đã diễn ra vào Chủ nhật, ngày 22/3/2026. Ủy ban bầu cử báo cáo như sau:'),
    ).toBe('2026-03');
    // (the event named with its date, before the verb)
    const named = 'Thực hiện Kế hoạch số 04/KH-UBBC ngày 10/12/2030, cuộc bầu cử ngày Chủ nhật 16/3/2031 trên địa bàn xã đã diễn ra an toàn.';
    expect(windowed('Kết quả bầu cử đại biểu Hội đồng nhân dân xã nhiệm kỳ 2031-2036', named)).toBe('2031-03');
    // a document's date is no event's
    expect(windowed('Tổng kết công tác bầu cử', 'Thực hiện Nghị quyết số 12/NQ-HĐND ngày 05/01/2026, Ủy ban báo cáo như sau:')).toBeUndefined();
  });

  it('dates a report whose title names no time by the window of dates its first paragraphs say the work ran over', () => {
    const dated = (date: string, body: string) => issuedAs('Kết quả tổ chức các đợt khám bệnh lưu động', date, body);
    expect(dated('20 tháng 11 năm 2025', 'Từ ngày 03/10/2025 đến ngày 14/11/2025, các đoàn đã khám cho 4.200 người.')).toBe('2025-10..2025-11');
    expect(dated('20 tháng 11 năm 2025', 'Từ ngày 03/11 đến ngày 14/11/2025, các đoàn đã khám cho 4.200 người.')).toBe('2025-11');
    // (a run of work the first sentence bounds with its start and its end: a mill's crushing season)
    const season = (body: string) => issuedAs('Tổng kết niên vụ mía đường 2030-2031', '15 tháng 5 năm 2031', body);
    expect(season('Niên vụ 2030-2031, Nhà máy vào ép từ ngày 20/11/2030 và kết thúc ngày 12/4/2031. Công ty báo cáo như sau:')).toBe('2030-11..2031-04');
    // a window still to come when the report was written is a plan's, not the report's
    expect(dated('20 tháng 11 năm 2025', 'Từ ngày 01/12/2025 đến ngày 31/12/2025, các đoàn sẽ khám cho 5.000 người.')).toBeUndefined();
  });

  it('dates an admission to a school year by the year it starts, not by the school year', () => {
    const titled = (title: string) => issuedAs(title, '15 tháng 7 năm 2026');
    expect(titled('Kết quả tuyển sinh vào lớp 6 năm học 2026-2027')).toBe('2026');
    expect(titled('Tổng kết năm học 2025-2026')).toBe('2025-09..2026-05');
  });

  it('dates a title that names a month or quarter but no year by the year it was issued, the year before for a time still to come', () => {
    const titled = issuedAs;
    expect(titled('Kết quả thực hiện nhiệm vụ tháng 9', '28 tháng 9 năm 2025')).toBe('2025-09');
    expect(titled('Tình hình thực hiện nhiệm vụ quý III', '05 tháng 10 năm 2025')).toBe('2025-07..2025-09');
    expect(titled('Tình hình thực hiện nhiệm vụ quý IV', '08 tháng 01 năm 2026')).toBe('2025-10..2025-12');
    expect(titled('Kết quả công tác phòng, chống thiên tai', '05 tháng 10 năm 2025')).toBeUndefined();
  });

  it('does not take the place a commune writes from for its province', () => {
    const meta = readMetadata([para('ỦY BAN NHÂN DÂN'), para('XÃ TÂN LẬP'), para('Tân Lập, ngày 02 tháng 10 năm 2025'), para('BÁO CÁO', 'title')]);
    expect(meta.agency).toBe('XÃ TÂN LẬP');
    expect(meta.province).toBeUndefined();
  });

  it('gives a report no period from a horizon in its title (only a plan is for its horizon)', () => {
    const meta = readMetadata([para('BÁO CÁO', 'title'), para('Tình hình triển khai Đề án đến năm 2030', 'title')]);
    expect(meta.reportPeriod).toBeUndefined();
  });

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
    const meta = readMetadata([
      para('BỘ GIÁO DỤC VÀ ĐÀO TẠO.'),
      para('Sô1849BGDĐT-GDPT'),
      para('Hà Nội, ngày. 10 tháng 4 năm 2026'),
      para('V/v khảo sát', 'title'),
    ]);
    expect(meta).toMatchObject({ agency: 'BỘ GIÁO DỤC VÀ ĐÀO TẠO', docNumber: '1849/BGDĐT-GDPT', issueDate: '2026-04-10', reportType: 'công văn' });
    // a ministry's place of issue is not its province
    expect(meta.province).toBeUndefined();
  });

  it('gives no number rather than a wrong one when OCR mangles a handwritten number (`2J§ /STTTT-CNTT`)', () => {
    const meta = readMetadata([para('UBND TỈNH PHÚ THỌ'), para('SỞ THÔNG TIN VÀ TRUYỀN THÔNG'), para('Số: 2J§ /STTTT-CNTT'), para('V/v hội thi', 'title')]);
    expect(meta.docNumber).toBeUndefined();
    expect(meta.agency).toBe('SỞ THÔNG TIN VÀ TRUYỀN THÔNG');
  });

  it('knows the motto behind an OCR speck and a lost hat (`w=CỌNG HOÀ`), so the agency column is not taken for it', () => {
    const meta = readMetadata([
      para('„UBNDTÍNHPHÚTHỌ'),
      para('w=CỌNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM'),
      para('SỞ THÔNG TIN VÀ TRUYỀN THÔNG'),
      para('Phú Thọ, ngày 12 tháng 12 năm 2011'),
      para('V/v hội thi', 'title'),
    ]);
    expect(meta).toMatchObject({ agency: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG', province: 'Phú Thọ', issueDate: '2011-12-12' });
  });

  it('reads the month of a document dated by its month alone (`Lào Cai, tháng 8 năm 2030`)', () => {
    const meta = readMetadata([
      para('SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH'),
      para('Lào Cai, tháng 8 năm 2030'),
      para('ĐỀ ÁN', 'title'),
      para('Phát triển du lịch cộng đồng giai đoạn 2031-2035', 'title'),
    ]);
    expect(meta.issueDate).toBe('2030-08');
  });

  it('takes the place as the province of a provincial agency', () => {
    const meta = readMetadata([para('SỞ Y TẾ'), para('Lào Cai, ngày 1 tháng 2 năm 2023'), para('Về việc tiêm chủng', 'title')]);
    expect(meta).toMatchObject({ province: 'Lào Cai', reportType: 'công văn', title: 'Về việc tiêm chủng' });
  });
});

describe('the national motto as OCR reads it', () => {
  it('is still the motto behind a speck and with a lost hat, and stands alone: the agency line below is not joined to it', () => {
    expect(MOTTO.test('w=CỌNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toBe(true);
    expect(MOTTO.test('„CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toBe(true);
    expect(MOTTO.test('Cộng tác viên')).toBe(false);
    // boxes as OCR gave them on the real scan 275/STTTT-CNTT: motto right, agency below left
    const raw: RawBlock[] = [
      { text: 'w=CỌNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM', page: 1, unit: 'line', bbox: [215, 43, 516, 59] },
      { text: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG', page: 1, unit: 'line', bbox: [13, 60, 241, 70] },
      { text: 'Độc lập - Tự do - Hạnh phúc', page: 1, unit: 'line', bbox: [308, 60, 469, 72] },
    ];
    const paragraphs = joinLines(
      raw,
      raw.map((b) => b.text),
      new Set(),
    );
    expect(paragraphs.map((p) => p.text)).toEqual(raw.map((b) => b.text));
  });
});

describe('readMetadata on a signed letter whose number is drawn in a signature widget', () => {
  it('keeps a document code standing alone, or joined onto the agency line, out of the agency', () => {
    const alone = readMetadata([para('SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG'), para('Số:'), para('STNMT-CCBVMT'), para('BÁO CÁO', 'title')]);
    expect(alone.agency).toBe('SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG');
    const joined = readMetadata([para('SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG STNMT-CCBVMT'), para('Số:'), para('BÁO CÁO', 'title')]);
    expect(joined.agency).toBe('SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG');
    const slash = readMetadata([para('SỞ GIÁO DỤC VÀ ĐÀO TẠO'), para('/BC-HĐXTH'), para('BÁO CÁO', 'title')]);
    expect(slash.agency).toBe('SỞ GIÁO DỤC VÀ ĐÀO TẠO');
  });
});
