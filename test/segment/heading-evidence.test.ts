import type { Document } from '../../schemas/document.js';
import type { RawBlock } from '../../schemas/raw-document.js';
import { parseLabel } from '../../src/segment/heading-label.js';
import { HeadingSegmenter, type HeadingInput } from '../../src/segment/heading-segmenter.js';
import { runRaw, runText } from './text-pipeline.js';

const text = (lines: string[]): Buffer => Buffer.from(lines.join('\n\n'), 'utf8');
const tree = (doc: Document): string[][] => doc.sections.map((s) => [s.path, s.title]);

function decide(inputs: HeadingInput[]): (string | undefined)[] {
  const seg = new HeadingSegmenter();
  return inputs.map((input) => seg.consider(input)?.path);
}

describe('headings decided from evidence', () => {
  it('closes a list of 1)…4) when the next 1.-numbered heading comes (2. after 4) is a sibling of 1.)', () => {
    const plain = (t: string): HeadingInput => ({ text: t });
    expect(decide(['1. Thực trạng', '1) Người dân', '2) Thu nhập', '3) Giá', '4) Kỹ thuật', '2. Chính sách', '3. Khảo sát'].map(plain))).toEqual([
      '1',
      '1/1',
      '1/2',
      '1/3',
      '1/4',
      '2',
      '3',
    ]);
  });

  it('takes a new 1) list in plain type under a bold heading, after a lead ending in ":", as list items where the reader gives typography', () => {
    const inputs: HeadingInput[] = [
      { text: '1. Thực trạng tiêu dùng', bold: true, typography: true },
      { text: '1) Người dân chưa được tiếp cận', bold: false, typography: true, afterLead: true },
      { text: '2) Thu nhập còn thấp', bold: false, typography: true },
      { text: '2. Thực trạng chính sách', bold: true, typography: true },
    ];
    expect(decide(inputs)).toEqual(['1', undefined, undefined, '2']);
    // without typography (a .doc, plain text) the same labels stay sections, as in the reports' task lists
    expect(decide(inputs.map((i) => ({ text: i.text, afterLead: i.afterLead })))).toEqual(['1', '1/1', '1/2', '2']);
  });

  it('opens a short 2. under a Roman section that has no 1. with a gap and a low confidence, but not a sentence', () => {
    const seg = new HeadingSegmenter();
    seg.consider({ text: 'I. MỤC ĐÍCH' });
    expect(seg.consider({ text: 'II. PHƯƠNG ÁN TRIỂN KHAI' })?.path).toBe('II');
    const d = seg.consider({ text: '2. Hướng dẫn sử dụng' });
    expect(d).toMatchObject({ path: 'II/2', gap: '2. opens II. without 1.' });
    expect(d?.confidence).toBeLessThan(0.6);
    const other = new HeadingSegmenter();
    other.consider({ text: 'I. MỤC ĐÍCH' });
    other.consider({ text: 'II. PHƯƠNG ÁN' });
    expect(other.consider({ text: '2. Đơn vị đã hoàn thành việc cài đặt.' })).toBeUndefined();
  });

  it('never takes a table cell for a heading', () => {
    expect(decide([{ text: 'I. KẾT QUẢ' }, { text: '1. Trường tiểu học', cell: true }])).toEqual(['I', undefined]);
  });

  it('gives a higher confidence to a bold heading that continues its sequence than to a plain one under a bold parent', () => {
    const seg = new HeadingSegmenter();
    seg.consider({ text: 'I. KẾT QUẢ', bold: true, typography: true });
    const bold = seg.consider({ text: '1. Bưu chính', bold: true, typography: true });
    const plain = seg.consider({ text: '2. Viễn thông', bold: false, typography: true });
    expect(bold?.confidence).toBeGreaterThan(plain?.confidence ?? 1);
  });

  it.each([
    ['Chương II. QUY ĐỊNH CHUNG', 'chapter', 'Chương II', 'QUY ĐỊNH CHUNG'],
    ['Mục 1. Phạm vi', 'division', 'Mục 1', 'Phạm vi'],
    ['Điều 3. Hiệu lực thi hành', 'article', 'Điều 3', 'Hiệu lực thi hành'],
    ['Điều 2', 'article', 'Điều 2', ''],
  ])('reads %s as a %s label', (t, kind, label, rest) => {
    expect(parseLabel(t)).toMatchObject({ kind, label, rest });
  });

  it('does not read a reference in a sentence (Điều 5 của Luật …) or a word (Mục tiêu) as a label', () => {
    expect(parseLabel('Điều 5 của Luật Viễn thông quy định')).toBeUndefined();
    expect(parseLabel('Mục tiêu đến năm 2025')).toBeUndefined();
  });
});

describe('segment stage: titles, parts and second documents', () => {
  it('takes the title of a Phần alone on its line from the next line', async () => {
    const { doc } = await runText(
      'plan.txt',
      text(['KẾ HOẠCH', 'Khảo sát hiện trạng', 'Phần I', 'THÔNG TIN CHUNG', '1. Tên nhiệm vụ:', 'Khảo sát.', 'Phần II', 'NỘI DUNG', '1. Mục tiêu:', 'Làm rõ.']),
    );
    expect(tree(doc)).toEqual([
      ['Phần I', 'THÔNG TIN CHUNG'],
      ['Phần I/1', 'Tên nhiệm vụ'],
      ['Phần II', 'NỘI DUNG'],
      ['Phần II/1', 'Mục tiêu'],
    ]);
  });

  it('starts a new tree for a decision annexed under the national motto, with its articles, and says so', async () => {
    const { doc, file } = await runText(
      'plan.txt',
      text([
        'KẾ HOẠCH',
        'Khảo sát hiện trạng',
        'I. MỤC TIÊU',
        '1. Mục tiêu chung',
        'Làm rõ hiện trạng.',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'QUYẾT ĐỊNH',
        'Về việc phê duyệt kế hoạch khảo sát',
        'Căn cứ Nghị định số 102/2009/NĐ-CP;',
        'QUYẾT ĐỊNH:',
        'Điều 1. Phê duyệt kế hoạch khảo sát như sau:',
        '1. Mục tiêu khảo sát:',
        'Làm rõ hiện trạng.',
        'Điều 2. Trách nhiệm thi hành',
        'Các đơn vị chịu trách nhiệm thi hành.',
      ]),
    );
    expect(tree(doc)).toEqual([
      ['I', 'MỤC TIÊU'],
      ['I/1', 'Mục tiêu chung'],
      ['QUYẾT ĐỊNH', 'Về việc phê duyệt kế hoạch khảo sát'],
      ['QUYẾT ĐỊNH/Điều 1', 'Phê duyệt kế hoạch khảo sát như sau'],
      ['QUYẾT ĐỊNH/Điều 1/1', 'Mục tiêu khảo sát'],
      ['QUYẾT ĐỊNH/Điều 2', 'Trách nhiệm thi hành'],
    ]);
    expect(doc.sections.find((s) => s.path === 'QUYẾT ĐỊNH')?.kind).toBe('document');
    expect(file.messages.map((m) => m.rule)).toContain('segment:embedded-document');
  });

  it('starts a tree for a second letter bound into the file (its own motto, number and V/v subject), not for the first', async () => {
    const body =
      'Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh về việc rà soát thủ tục hành chính năm 2024, Sở đề nghị các cơ quan, đơn vị khẩn trương xây dựng kế hoạch và gửi về Sở trước ngày 15/01/2025 để tổng hợp.';
    const { doc } = await runText(
      'letters.txt',
      text([
        'ỦY BAN NHÂN DÂN TỈNH LAI CHÂU',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'Số: 112/UBND-KSTT',
        'V/v rà soát thủ tục hành chính',
        'Kính gửi: Các sở, ban, ngành.',
        body,
        'SỞ NỘI VỤ',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'Số: 45/SNV-CCHC',
        'Về việc hướng dẫn xây dựng',
        'kế hoạch rà soát năm 2025',
        'Kính gửi: Các phòng chuyên môn.',
        body,
        'I. NỘI DUNG RÀ SOÁT',
        '1. Mục tiêu',
        'Cắt giảm thủ tục.',
      ]),
    );
    expect(tree(doc)).toEqual([
      ['CÔNG VĂN', 'Về việc hướng dẫn xây dựng kế hoạch rà soát năm 2025'],
      ['CÔNG VĂN/I', 'NỘI DUNG RÀ SOÁT'],
      ['CÔNG VĂN/I/1', 'Mục tiêu'],
    ]);
  });

  it('keeps a report form under its annex (Phụ lục 2 — ĐỀ CƯƠNG, then a motto and BÁO CÁO): the form is the annex, not a document beside it', async () => {
    const { doc } = await runText(
      'letter.txt',
      text([
        'BỘ Y TẾ',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'Số: 210/BYT-CNTT',
        'V/v báo cáo hồ sơ sức khỏe điện tử',
        'Kính gửi: Các Sở Y tế',
        'Thực hiện kế hoạch năm 2025, Bộ đề nghị các Sở báo cáo tình hình triển khai theo đề cương kèm theo trước ngày 30/6/2025 để tổng hợp, báo cáo Thủ tướng Chính phủ.',
        '1. Nội dung',
        'Đánh giá thực trạng.',
        'Phụ lục 2',
        'ĐỀ CƯƠNG BÁO CÁO',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'BÁO CÁO',
        'Tình hình triển khai hồ sơ sức khỏe điện tử',
        'I. KẾT QUẢ TRIỂN KHAI',
        '1. Về hạ tầng',
        'Số trạm y tế có kết nối.',
      ]),
    );
    expect(tree(doc)).toEqual([
      ['1', 'Nội dung'],
      ['Phụ lục 2', 'ĐỀ CƯƠNG BÁO CÁO'],
      ['Phụ lục 2/I', 'KẾT QUẢ TRIỂN KHAI'],
      ['Phụ lục 2/I/1', 'Về hạ tầng'],
    ]);
    // the form's `BÁO CÁO` is not the letter's type: the subject line before it is the title
    expect(doc.metadata).toMatchObject({ reportType: 'công văn', title: 'V/v báo cáo hồ sơ sức khỏe điện tử' });
  });

  it('starts a tree for an annex (Phụ lục I with its title on the next line)', async () => {
    const { doc } = await runText(
      'plan.txt',
      text(['KẾ HOẠCH', 'Đón đoàn kiểm tra', 'I. MỤC ĐÍCH', 'Nội dung.', 'Phụ lục I', 'DANH SÁCH CÁC TRƯỜNG', 'Có 09 trường.']),
    );
    expect(tree(doc)).toEqual([
      ['I', 'MỤC ĐÍCH'],
      ['Phụ lục I', 'DANH SÁCH CÁC TRƯỜNG'],
    ]);
  });

  it('warns that the tree should be checked when a heading is decided on weak evidence', async () => {
    const { file } = await runText(
      'plan.txt',
      text(['KẾ HOẠCH', 'Triển khai phần mềm', 'I. MỤC ĐÍCH', 'Nội dung.', 'II. PHƯƠNG ÁN', 'Cài đặt', '2. Hướng dẫn sử dụng', 'a) Khai mạc', 'b) Đào tạo']),
    );
    const warn = file.messages.find((m) => m.rule === 'segment:doubtful-tree');
    expect(warn?.severity).toBe('warn');
    expect(warn?.reason).toContain('II/2');
  });

  it('joins a PDF heading wrapped onto the next line in the same type, and leaves a subheading set apart', async () => {
    const line = (t: string, y: number, bold: boolean, x = 99): RawBlock => ({
      text: t,
      page: 1,
      unit: 'line',
      bold,
      fontSize: 13,
      indent: x,
      bbox: [x, y, 520, y + 14.35],
    });
    const raw: RawBlock[] = [
      line('1. Các yếu tố tự nhiên, kinh tế - xã hội ảnh hưởng đến phát triển thị', 100, true),
      line('trường sản phẩm năng lượng vùng Trung du', 116.4, true, 127),
      line('Tổng quan về điều kiện tự nhiên', 140, true, 171),
      line('Vùng có diện tích lớn và địa hình phức tạp, nhiều tỉnh có tiềm năng năng lượng.', 170, false),
      line('2. Thực trạng phát triển nguồn cung', 200, true),
    ];
    const { doc } = await runRaw(raw);
    expect(tree(doc)).toEqual([
      ['1', 'Các yếu tố tự nhiên, kinh tế - xã hội ảnh hưởng đến phát triển thị trường sản phẩm năng lượng vùng Trung du'],
      ['2', 'Thực trạng phát triển nguồn cung'],
    ]);
  });
});
