import type { Document } from '../../schemas/document.js';
import type { RawBlock } from '../../schemas/raw-document.js';
import { newDocument } from '../../src/core/new-document.js';
import { SourceFile } from '../../src/core/source-file.js';
import { createNormalizeStage } from '../../src/normalize/normalize-stage.js';
import { CORPUS, nthIndex, readGold, runText } from '../segment/text-pipeline.js';
import { pdfPages } from './synthetic-pages.js';

async function normalize(raw: RawBlock[], name = 'mem.pdf'): Promise<{ doc: Document; file: SourceFile }> {
  const file = new SourceFile(name, Buffer.from(JSON.stringify(raw)));
  const pages = [...new Set(raw.map((b) => b.page))].map((page) => ({ page, origin: 'text-layer' as const, chars: 1, width: 595, height: 842 }));
  const doc = await createNormalizeStage()({ ...newDocument(file), raw, pages }, file);
  return { doc, file };
}

function expectSpans(doc: Document): void {
  for (const b of doc.blocks) expect(doc.text.slice(b.prov.start, b.prov.end)).toBe(b.text);
  expect(doc.blocks.map((b) => b.text).join('\n\n')).toBe(doc.text);
}

describe('normalize stage on PDF-like lines', () => {
  const raw = pdfPages([
    [
      { text: 'BÁO CÁO', bold: true, align: 'center' },
      { text: 'Tình hình hoạt động tháng 8 năm 2021', bold: true, align: 'center' },
      { text: 'I. KẾT QUẢ THỰC HIỆN', bold: true, short: true },
      { text: 'Trong tháng, các doanh nghiệp viễn thông đã phát triển mới được', indent: true },
      { text: '2.500 thuê bao di động, nâng tổng số thuê bao trên địa bàn lên' },
      { text: '10 tháng đầu năm đạt mức cao nhất từ trước đến nay.', short: true },
      { text: 'Doanh thu dịch vụ viễn thông ước đạt 61,74 tỷ đồng, tăng 4% so', indent: true },
      { text: 'với cùng kỳ năm trước và đạt 8,3% kế hoạch của năm, trong đó' },
    ],
    [
      { text: 'doanh thu dịch vụ di động chiếm phần lớn.', short: true },
      { text: '1. Lĩnh vực bưu chính', bold: true, short: true },
      { text: 'Sản lượng bưu gửi ước đạt 266.557 bưu gửi.', indent: true, short: true },
    ],
    [{ text: '- Có 102 điểm phục vụ bưu chính.', indent: true, short: true }],
  ]);

  it('marks running headers and page numbers as furniture and keeps them out of paragraphs', async () => {
    const { doc, file } = await normalize(raw);
    const furniture = doc.blocks.filter((b) => b.role === 'furniture').map((b) => b.text);
    expect(furniture.filter((t) => t === 'HỆ THỐNG QUẢN LÝ CHẤT LƯỢNG TD007')).toHaveLength(3);
    expect(furniture.filter((t) => t === 'Lần ban hành: 1')).toHaveLength(3);
    expect(furniture.filter((t) => /^\d$/.test(t)).sort()).toEqual(['1', '2', '3']);
    expect(doc.blocks.filter((b) => b.role !== 'furniture' && /TD007|Lần ban hành/.test(b.text))).toEqual([]);
    expect(file.messages.find((m) => m.rule === 'normalize:furniture')?.reason).toMatch(/9 furniture block\(s\).*3 page number/);
  });

  it('joins wrapped lines into paragraphs; a line starting with a number continues the sentence', async () => {
    const { doc } = await normalize(raw);
    const body = doc.blocks.filter((b) => b.role === 'body').map((b) => b.text);
    expect(body[0]).toBe('I. KẾT QUẢ THỰC HIỆN');
    expect(body[1]).toBe(
      'Trong tháng, các doanh nghiệp viễn thông đã phát triển mới được 2.500 thuê bao di động, nâng tổng số thuê bao trên địa bàn lên 10 tháng đầu năm đạt mức cao nhất từ trước đến nay.',
    );
    expect(body).toContain('1. Lĩnh vực bưu chính');
    expect(body).toContain('- Có 102 điểm phục vụ bưu chính.');
  });

  it('joins a paragraph across a page break and records the page it ends on', async () => {
    const { doc } = await normalize(raw);
    const crossing = doc.blocks.find((b) => b.text.startsWith('Doanh thu dịch vụ viễn thông'));
    expect(crossing?.text.endsWith('trong đó doanh thu dịch vụ di động chiếm phần lớn.')).toBe(true);
    expect(crossing?.prov.page).toBe(1);
    expect(crossing?.pageEnd).toBe(2);
    expectSpans(doc);
  });

  it('gives the title its role and reads the report period and type from it', async () => {
    const { doc } = await normalize(raw);
    expect(doc.blocks.filter((b) => b.role === 'title').map((b) => b.text)).toEqual(['BÁO CÁO', 'Tình hình hoạt động tháng 8 năm 2021']);
    expect(doc.metadata).toMatchObject({ reportType: 'báo cáo', reportPeriod: '2021-08' });
  });

  it('finds no furniture in a single-page document', async () => {
    const { doc } = await normalize(
      pdfPages(
        [
          [
            { text: '1', short: true },
            { text: 'Nội dung.', short: true },
          ],
        ],
        { header: false, pageNumbers: false },
      ),
    );
    expect(doc.blocks.filter((b) => b.role === 'furniture')).toEqual([]);
  });

  it('keeps OCR confidence as the mean over the joined lines', async () => {
    const lines = pdfPages(
      [[{ text: 'Doanh thu ước đạt 145 triệu đồng, tăng 7% so với cùng kỳ, trong' }, { text: 'đó bưu chính công ích chiếm phần lớn.', short: true }]],
      {
        header: false,
        pageNumbers: false,
      },
    );
    lines[0].ocr = { confidence: 0.9 };
    lines[1].ocr = { confidence: 0.7 };
    const { doc } = await normalize(lines);
    expect(doc.blocks).toHaveLength(1);
    expect(doc.blocks[0].ocrConfidence).toBeCloseTo(0.8);
  });
});

describe('normalize stage on Word-like paragraphs', () => {
  const para = (text: string, extra: Partial<RawBlock> = {}): RawBlock => ({ text, page: 1, unit: 'paragraph', ...extra });
  const cell = (text: string, c: number): RawBlock => para(text, { table: { table: 0, row: 0, cell: c } });
  const raw: RawBlock[] = [
    cell('UBND TỈNH TRÀ VINH', 0),
    cell('SỞ THÔNG TIN VÀ', 0),
    cell('TRUYỀN THÔNG', 0),
    cell('Số: 262/BC-STTTT', 0),
    cell('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 1),
    cell('Độc lập - Tự do - Hạnh phúc', 1),
    cell('Trà Vinh, ngày 23 tháng 10 năm 2020', 1),
    para('BÁO CÁO', { bold: true }),
    para('Công tác   thông tin tháng 10/2020 và kế hoạch tháng 11/2020', { bold: true }),
    para('Kính gửi: Bộ Thông tin và Truyền thông'),
    para('KẾT QUẢ THỰC HIỆN', { label: 'I.', style: 'Heading1' }),
    para('Trong tháng\u00A0đã cấp 31 giấy phép.'),
    para('Nơi nhận:'),
    para('- Như trên;'),
    para('KT. GIÁM ĐỐC'),
    para('Nguyễn Văn A'),
  ];

  it('recognises the admin header, title, addressee and closing', async () => {
    const { doc } = await normalize(raw, 'mem.docx');
    expect(doc.blocks.map((b) => b.role)).toEqual([
      ...Array(7).fill('admin-header'),
      'title',
      'title',
      'addressee',
      'body',
      'body',
      'closing',
      'closing',
      'closing',
      'closing',
    ]);
  });

  it('reads province, agency, number, issue date, type and period', async () => {
    const { doc } = await normalize(raw, 'mem.docx');
    expect(doc.metadata).toEqual({
      province: 'Trà Vinh',
      agency: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
      docNumber: '262/BC-STTTT',
      issueDate: '2020-10-23',
      reportType: 'báo cáo',
      reportPeriod: '2020-10',
      title: 'BÁO CÁO Công tác thông tin tháng 10/2020 và kế hoạch tháng 11/2020',
    });
  });

  it('puts a Word numbering label in front of the text and keeps it on the block', async () => {
    const { doc } = await normalize(raw, 'mem.docx');
    const heading = doc.blocks.find((b) => b.label === 'I.');
    expect(heading?.text).toBe('I. KẾT QUẢ THỰC HIỆN');
    expect(doc.blocks.find((b) => b.text.startsWith('Trong tháng'))?.text).toBe('Trong tháng đã cấp 31 giấy phép.');
    expectSpans(doc);
  });

  it('rejects unknown options with the fix in the message', () => {
    expect(() => createNormalizeStage({ furnitur: false } as never)).toThrow(/normalize: invalid options/);
  });
});

describe('normalize stage on a plain-text title wrapped onto a second line', () => {
  // (invented: a text file says nothing of bold; the subject's second line opens with a figure or a capital)
  const text = (second: string, opening: string) =>
    [
      'CÔNG TY CỔ PHẦN VẬN TẢI SÔNG HỒNG',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      '',
      'Số: 88/BC-VTSH',
      'Hưng Yên, ngày 05 tháng 10 năm 2031',
      '',
      'BÁO CÁO',
      'Tình hình hoạt động vận tải hành khách bằng đường thủy',
      second,
      '',
      opening,
      '',
      'I. KẾT QUẢ HOẠT ĐỘNG',
      // (a paragraph of the body on one long line, as a text file gives one: short lines are then lines of their own)
      'Trong kỳ, Công ty vận chuyển 412.000 lượt khách trên 14 tuyến đường thủy nội địa, tăng 6,2% so với cùng kỳ năm trước; doanh thu vận tải ước đạt 38,6 tỷ đồng, bằng 76,4% kế hoạch năm, trong đó doanh thu tuyến du lịch chiếm khoảng 41%.',
    ].join('\n');

  it.each([
    ['9 tháng năm 2031 và nhiệm vụ quý IV năm 2031', '2031-01..2031-09'],
    ['Quý III năm 2031', '2031-07..2031-09'],
  ])('reads the period from the second line %s', async (second, period) => {
    const { doc } = await runText('mem.txt', Buffer.from(text(second, 'Kính gửi: Sở Xây dựng tỉnh Hưng Yên.')));
    expect(
      doc.blocks
        .filter((b) => b.role === 'title')
        .map((b) => b.text)
        .join(' '),
    ).toBe(`BÁO CÁO Tình hình hoạt động vận tải hành khách bằng đường thủy ${second}`);
    expect(doc.metadata.reportPeriod).toBe(period);
  });

  it('leaves a first paragraph that ends with its stop in the body', async () => {
    const { doc } = await runText('mem.txt', Buffer.from(text('9 tháng năm 2031', 'Năm 2031 là năm đầu Công ty khai thác tuyến mới.')));
    expect(doc.blocks.find((b) => b.text.startsWith('Năm 2031 là năm'))?.role).toBe('body');
  });
});

describe('normalize stage on the corpus source texts', () => {
  it.each([
    ['002', { province: 'Nam Định', reportPeriod: '2024', reportType: 'báo cáo', issueDate: '2025-01', docNumber: '/BC-STTTT' }],
    ['003', { province: 'Ninh Thuận', reportPeriod: '2021-01', reportType: 'báo cáo' }],
    ['004', { province: 'Trà Vinh', reportPeriod: '2020-10', reportType: 'báo cáo' }],
  ])('reads the metadata of %s', async (key, expected) => {
    const { doc } = await runText(`${CORPUS}/${key}.source.txt`);
    expect(doc.metadata).toMatchObject(expected);
  });

  it.each(['002', '003', '004'])('gives every block of %s a span that points at its text', async (key) => {
    const { doc } = await runText(`${CORPUS}/${key}.source.txt`);
    expect(doc.blocks.length).toBeGreaterThan(40);
    expectSpans(doc);
    for (const b of doc.blocks) expect(b.prov.source).toBe(`${CORPUS}/${key}.source.txt`);
    expect(doc.text).not.toMatch(/\*\*|^#/m);
  });

  it.each(['002', '003', '004'])('keeps every gold quote of %s findable, in a body block', async (key) => {
    const { doc } = await runText(`${CORPUS}/${key}.source.txt`);
    const seen = new Map<string, number>();
    const lost: string[] = [];
    for (const g of readGold(key)) {
      const k = seen.get(g.quote) ?? 0;
      seen.set(g.quote, k + 1);
      const at = nthIndex(doc.text, g.quote, k);
      const block = doc.blocks.find((b) => b.prov.start <= at && at < b.prov.end);
      if (at < 0 || !block || !['body', 'item', 'heading'].includes(block.role)) lost.push(g.quote);
    }
    expect(lost).toEqual([]);
  });

  it('re-joins the paragraphs 004 breaks in mid-sentence and says so', async () => {
    const { doc, file } = await runText(`${CORPUS}/004.source.txt`);
    expect(doc.blocks.filter((b) => /^\p{Ll}/u.test(b.text))).toEqual([]);
    expect(file.messages.find((m) => m.rule === 'normalize:rejoined')?.reason).toMatch(/^4 paragraph/);
  });
});
