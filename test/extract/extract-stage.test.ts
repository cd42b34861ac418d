import { newDocument } from '../../src/core/new-document.js';
import { SourceFile } from '../../src/core/source-file.js';
import { createExtractStage } from '../../src/extract/extract-stage.js';
import type { Document } from '../../schemas/document.js';

function doc(file: SourceFile, text: string, role: Document['blocks'][number]['role'] = 'body'): Document {
  return {
    ...newDocument(file),
    text,
    blocks: [{ id: 0, role, text, prov: { source: file.name, page: 1, start: 0, end: text.length }, section: 'II' }],
    sections: [
      {
        path: 'II',
        label: 'II',
        level: 0,
        kind: 'roman',
        title: 'Kết quả tháng 3/2022',
        page: 1,
        prov: { source: file.name, page: 1, start: 0, end: 0 },
        end: text.length,
        period: '2022-03',
      },
    ],
    metadata: { reportPeriod: '2022-03' },
  };
}

/**
 * A document of these lines, one block each (a paragraph and the list items after it), in a report of 9 months unless
 * `reportPeriod` says; a line may name its section (`II/a`: an item the segmenter made a section), else `II`.
 */
async function extractLines(
  file: SourceFile,
  lines: readonly (readonly [string, 'body' | 'item' | 'heading', string?])[],
  reportPeriod = '2022-01..2022-09',
): Promise<Document> {
  let at = 0;
  const blocks = lines.map(([text, role, section = 'II'], id) => {
    const b = { id, role, text, prov: { source: file.name, page: 1, start: at, end: at + text.length }, section };
    at += text.length + 1;
    return b;
  });
  const base = doc(file, lines.map(([t]) => t).join('\n'));
  const paths = [...new Set(['II', ...blocks.map((b) => b.section)])];
  // (sections that name no time of their own: the report's is the one the lines are read in)
  const sections = paths.map((path) => ({ ...base.sections[0], path, label: path, title: '', period: undefined }));
  return createExtractStage()({ ...base, blocks, sections, metadata: { reportPeriod } }, file);
}

describe('extract stage', () => {
  it('names a measure its own words do not name by the last level in its unit before it in its section', async () => {
    const file = new SourceFile('r.txt', Buffer.from('x'));
    const lines = [
      ['a) Sản lượng điện phát lên lưới quý III/2022 đạt 52,84 triệu kWh.', 'item'],
      ['b) Lũy kế 9 tháng đạt 118,36 triệu kWh.', 'item'],
    ] as const;
    const out = await extractLines(file, lines);
    expect(out.facts.map((f) => [f.quote, f.metric])).toEqual([
      ['52,84 triệu kWh', 'sản lượng điện phát lên lưới'],
      ['118,36 triệu kWh', 'sản lượng điện phát lên lưới'],
    ]);
  });

  it('fills doc.facts with the period of the nearest heading that names one', async () => {
    const file = new SourceFile('r.txt', Buffer.from('x'));
    const out = await createExtractStage()(doc(file, 'Tiếp nhận 12 đơn thư.'), file);
    expect(out.facts.map((f) => [f.value, f.base_unit, f.period, f.section])).toEqual([[12, 'đơn thư', '2022-03', 'II']]);
  });

  it('makes the parts a list splits from a running total (Lũy kế …, trong đó:) running totals too, and only their first amount', async () => {
    const file = new SourceFile('r.txt', Buffer.from('x'));
    const lines = [
      ['Lũy kế 9 tháng, tổng chi ước đạt 820 tỷ đồng, bằng 70% dự toán (1.170 tỷ đồng). Trong đó:', 'body'],
      ['- Chi đầu tư phát triển 310 tỷ đồng, bằng 64% dự toán;', 'item'],
      ['- Chi thường xuyên 480 tỷ đồng, tăng 5%.', 'item'],
    ] as const;
    const out = await extractLines(file, lines);
    expect(out.facts.map((f) => [f.quote, f.aspect])).toEqual([
      ['820 tỷ đồng', 'cumulative'],
      ['70%', 'plan'],
      ['1.170 tỷ đồng', 'level'],
      ['310 tỷ đồng', 'cumulative'],
      ['64%', 'plan'],
      ['480 tỷ đồng', 'cumulative'],
      ['5%', 'change'],
    ]);
  });

  it('gives the parts a list splits from a stock (… có N …. Trong đó:) the stock’s moment', async () => {
    const file = new SourceFile('r.txt', Buffer.from('x'));
    const lines = [
      ['Tính đến ngày 30/9/2022, toàn tỉnh có 52.300 người tham gia bảo hiểm y tế tự nguyện, tăng 4,1%. Trong đó:', 'body'],
      ['- Hộ gia đình: 41.870 người;', 'item'],
      ['- Học sinh, sinh viên: 10.430 người.', 'item'],
    ] as const;
    const out = await extractLines(file, lines);
    expect(out.facts.map((f) => [f.quote, f.period])).toEqual([
      ['52.300 người', '@2022-09'],
      ['4,1%', '@2022-09'],
      ['41.870 người', '@2022-09'],
      ['10.430 người', '@2022-09'],
    ]);
  });

  it('gives labelled parts after a bare lead (… . Trong mức tăng chung:) the time of the sentence before the lead, and not after a lead of tasks', async () => {
    const file = new SourceFile('r.txt', Buffer.from('x'));
    const run = async (lead: string) => {
      const lines = [
        [`GRDP quý III/2022 tăng 6,1%. Tính chung 9 tháng năm 2022, GRDP tăng 7,2%. ${lead}`, 'body', 'II'],
        ['a) Khu vực dịch vụ tăng 8,4%, đóng góp 3,1 điểm phần trăm;', 'heading', 'II/a'],
        ['b) Khu vực công nghiệp tăng 9,9%.', 'heading', 'II/b'],
      ] as const;
      const out = await extractLines(file, lines, '2022-07..2022-09');
      return out.facts.map((f) => [f.quote, f.period]);
    };
    expect(await run('Trong mức tăng chung:')).toEqual([
      ['6,1%', '2022-07..2022-09'],
      ['7,2%', '2022-01..2022-09'],
      ['8,4%', '2022-01..2022-09'],
      ['3,1 điểm phần trăm', '2022-01..2022-09'],
      ['9,9%', '2022-01..2022-09'],
    ]);
    // a lead of what is to be done is no whole split into parts: the parts keep the report's time
    expect((await run('Để đạt mục tiêu, Sở đề nghị:')).slice(2)).toEqual([
      ['8,4%', '2022-07..2022-09'],
      ['3,1 điểm phần trăm', '2022-07..2022-09'],
      ['9,9%', '2022-07..2022-09'],
    ]);
  });

  it('gives the parts after `Trong đó:` the time of the total they split, not of the base a comparison gives in brackets', async () => {
    const file = new SourceFile('r.txt', Buffer.from('x'));
    const lines = [
      ['Cả năm 2022, tổng mức bán lẻ ước đạt 158.946 tỷ đồng, tăng 10,6% so với năm 2021 (143.712 tỷ đồng). Trong đó:', 'body'],
      ['- Doanh thu bán lẻ hàng hóa 109.518 tỷ đồng;', 'item'],
    ] as const;
    const out = await extractLines(file, lines);
    expect(out.facts.map((f) => [f.quote, f.period])).toEqual([
      ['158.946 tỷ đồng', '2022'],
      ['10,6%', '2022'],
      ['143.712 tỷ đồng', '2021'],
      ['109.518 tỷ đồng', '2022'],
    ]);
  });

  it('takes no facts from administrative header or closing blocks, and says so', async () => {
    const file = new SourceFile('r.txt', Buffer.from('x'));
    const out = await createExtractStage()(doc(file, 'Số: 15 văn bản', 'admin-header'), file);
    expect(out.facts).toEqual([]);
    expect(file.messages.map((m) => m.rule)).toEqual(['extract:no-facts']);
  });

  it('rejects invalid options with the fix in the message', () => {
    expect(() => createExtractStage({ tables: 'yes' as unknown as boolean })).toThrow(/extract: invalid options/);
  });
  it('names a one-word metric by its heading only when the heading names a subject, not an overview, shortcomings or goals', async () => {
    const file = new SourceFile('r.txt', Buffer.from('x'));
    const under = async (title: string, text: string) => {
      const base = doc(file, text);
      const out = await createExtractStage()({ ...base, sections: [{ ...base.sections[0], title, period: undefined }] }, file);
      return out.facts.map((f) => f.metric);
    };
    // a topical heading says what the bare `doanh thu` is of
    expect(await under('Dịch vụ vận tải hành khách', 'Doanh thu ước đạt 52 tỷ đồng.')).toEqual(['doanh thu — dịch vụ vận tải hành khách']);
    // a heading of several subjects: only its first (in capitals too)
    expect(await under('Chất lượng tín dụng và các tỷ lệ an toàn', 'Nợ xấu 1,02 tỷ đồng.')).toEqual(['nợ xấu — chất lượng tín dụng']);
    expect(await under('TÍN DỤNG VÀ HUY ĐỘNG VỐN', 'Nợ xấu 1,02 tỷ đồng.')).toEqual(['nợ xấu — TÍN DỤNG']);
    // a chapter's title in capitals names a field more than a subject: its first three syllables, the word they end in whole
    expect(await under('QUẢN LÝ NHÀ NƯỚC VỀ THƯƠNG MẠI ĐIỆN TỬ', 'Doanh thu ước đạt 52 tỷ đồng.')).toEqual(['doanh thu — QUẢN LÝ NHÀ NƯỚC']);
    // an overview, the state of things, shortcomings, goals: how the section is written, not what is measured
    for (const title of ['Khái quát chung', 'Thực trạng', 'Tồn tại, hạn chế', 'Mục tiêu tổng quát', 'Công tác chỉ đạo, điều hành'])
      expect(await under(title, 'Doanh thu ước đạt 52 tỷ đồng.')).toEqual(['doanh thu']);
    // a sentence that names only a time is about its heading's subject, the change after its figure too
    expect(await under('Sản lượng điện thương phẩm', 'Tháng 8/2022 ước đạt 410 triệu kWh, tăng 2,5% so với tháng trước.')).toEqual([
      'sản lượng điện thương phẩm',
      expect.stringMatching(/^sản lượng điện thương phẩm/u),
    ]);
  });
});
