import { readFileSync } from 'node:fs';
import { Fact } from '../../schemas/fact.js';
import type { Block, Document } from '../../schemas/document.js';
import { extractFacts, extractFromBlock, sectionPeriodOf } from '../../src/extract/fact-extractor.js';
import type { Section } from '../../schemas/document.js';

interface Spec {
  rule: string;
  text: string;
  reportPeriod?: string;
  /** The month the report was issued (`YYYY-MM`). */
  issued?: string;
  /** The period of the section the text sits in (a heading's, `Nhiệm vụ quý IV năm 2030` → `2030-10..2030-12`). */
  sectionPeriod?: string;
  expect: Record<string, unknown>[];
  skip?: string;
}

const specs = JSON.parse(readFileSync(new URL('./specs/facts.json', import.meta.url), 'utf8')) as Spec[];

function block(text: string): Block {
  return { id: 0, role: 'body', text, prov: { source: 'spec.txt', page: 1, start: 100, end: 100 + text.length }, section: 'I/1' };
}

/** The facts of a report given as its paragraphs, through the text pipeline (read, normalize, segment) and the extractor. */
async function reportFacts(paragraphs: string[]): Promise<{ doc: Document; facts: Fact[] }> {
  const { runText } = await import('../segment/text-pipeline.js');
  const { doc } = await runText('report.txt', Buffer.from(paragraphs.join('\n\n'), 'utf8'));
  return { doc, facts: extractFacts(doc) };
}

describe('fact extractor spec table (test/extract/specs/facts.json)', () => {
  for (const spec of specs) {
    const run = spec.skip ? it.skip : it;
    run(`${spec.rule}${spec.skip ? ` — skipped: ${spec.skip}` : ''}`, () => {
      const facts = extractFromBlock(block(spec.text), {
        source: 'spec.txt',
        reportPeriod: spec.reportPeriod,
        issued: spec.issued,
        sectionPeriod: spec.sectionPeriod,
      });
      expect(facts.map((f) => Object.fromEntries(Object.keys(spec.expect[facts.indexOf(f)] ?? {}).map((k) => [k, f[k as keyof Fact]])))).toEqual(spec.expect);
    });
  }
});

describe('fact extractor output', () => {
  it('gives facts that validate against the Fact schema, with quotes placed in the document text', () => {
    const text = 'Phát triển mới 1.200 thuê bao, đạt 96% kế hoạch.';
    const b = block(text);
    const docText = ' '.repeat(100) + text;
    const facts = extractFromBlock(b, { source: 'spec.txt', reportPeriod: '2021-05' });
    expect(facts).toHaveLength(2);
    for (const f of facts) {
      expect(Fact.safeParse(f).success).toBe(true);
      expect(docText.slice(f.prov.start, f.prov.end)).toBe(f.quote);
      expect(f.metric_id).toBeNull();
      expect(f.section).toBe('I/1');
      // (the score stage gives the confidence, once all evidence is in)
      expect(f.confidence).toBe(0);
      expect(f.evidence.some((e) => e.startsWith('model:'))).toBe(false);
    }
  });
});

describe('sectionPeriodOf', () => {
  const section = (path: string, period?: string): Section =>
    ({
      path,
      label: path,
      level: path.split('/').length - 1,
      kind: 'arabic',
      title: path,
      page: 1,
      start: 0,
      end: 0,
      sectionEnd: 0,
      period,
    }) as unknown as Section;
  it('takes the nearest heading period up the path', () => {
    expect(sectionPeriodOf([section('I', '2023-07..2023-09'), section('I/1', '2023-08')], 'I/1')).toBe('2023-08');
    expect(sectionPeriodOf([section('I', '2023-07..2023-09'), section('I/1')], 'I/1')).toBe('2023-07..2023-09');
  });
  it('lets a bare year give way to a finer period of that year above it, not to another year', () => {
    expect(sectionPeriodOf([section('II', '2023-10..2023-12'), section('II/1', '2023')], 'II/1')).toBe('2023-10..2023-12');
    expect(sectionPeriodOf([section('II', '2024-01..2024-03'), section('II/1', '2023')], 'II/1')).toBe('2023');
    expect(sectionPeriodOf([section('II/1', '2023')], 'II/1')).toBe('2023');
  });
});

describe('items of a list inherit the time of the sentence that introduces it', () => {
  it('dates items after `…, tính đến cuối tháng 3/2024, … trong đó:` to that month, and stops at the next paragraph', async () => {
    const { extractFacts } = await import('../../src/extract/fact-extractor.js');
    const texts: [Block['role'], string][] = [
      ['body', 'Theo thống kê, tính đến cuối tháng 3/2024, cả nước có 120 doanh nghiệp cung cấp dịch vụ, trong đó:'],
      ['item', '- 45 doanh nghiệp cung cấp dịch vụ di động;'],
      ['item', '- 30 doanh nghiệp cung cấp dịch vụ cố định.'],
      ['body', 'Ngoài ra có 12 doanh nghiệp mới đăng ký.'],
    ];
    let at = 0;
    const blocks: Block[] = texts.map(([role, text], id) => {
      const b: Block = { id, role, text, prov: { source: 'spec.txt', page: 1, start: at, end: at + text.length }, section: '1' };
      at += text.length + 2;
      return b;
    });
    const doc = { source: { name: 'spec.txt' }, metadata: { reportPeriod: '2024-06' }, sections: [], blocks } as unknown as Parameters<typeof extractFacts>[0];
    const facts = extractFacts(doc);
    expect(facts.map((f) => [f.quote, f.period])).toEqual([
      ['120 doanh nghiệp', '@2024-03'],
      ['45 doanh nghiệp', '@2024-03'],
      ['30 doanh nghiệp', '@2024-03'],
      ['12 doanh nghiệp', '2024-06'],
    ]);
  });
});

describe('an undated study: the time a paragraph sets in a sentence lead holds for the next paragraph', () => {
  const run = async (texts: [Block['role'], string][]) => {
    const { extractFacts } = await import('../../src/extract/fact-extractor.js');
    let at = 0;
    const blocks: Block[] = texts.map(([role, text], id) => {
      const b: Block = { id, role, text, prov: { source: 'study.txt', page: 1, start: at, end: at + text.length }, section: '1' };
      at += text.length + 2;
      return b;
    });
    const doc = { source: { name: 'study.txt' }, metadata: {}, sections: [], blocks } as unknown as Parameters<typeof extractFacts>[0];
    return extractFacts(doc).map((f) => [f.quote, f.period]);
  };

  it('carries `Năm 2018, …` into the next paragraph, not the one after', async () => {
    expect(
      await run([
        ['body', 'Năm 2018, dân số toàn vùng là 4,2 triệu người.'],
        ['body', 'Mật độ dân số toàn vùng là 96 người/km2.'],
        ['body', 'Vùng có 320 km đường sắt.'],
      ]),
    ).toEqual([
      ['4,2 triệu người', '2018'],
      ['96 người/km2', '@2018-12'],
      ['320 km', ''],
    ]);
  });

  it('does not carry past a heading or into a paragraph that speaks of now', async () => {
    expect(
      await run([
        ['body', 'Năm 2018, dân số toàn vùng là 4,2 triệu người.'],
        ['body', 'Hiện cả vùng có 12 nhà máy điện.'],
      ]),
    ).toEqual([
      ['4,2 triệu người', '2018'],
      ['12 nhà máy', ''],
    ]);
    expect(
      await run([
        ['body', 'Năm 2018, dân số toàn vùng là 4,2 triệu người.'],
        ['heading', '2. Giao thông'],
        ['body', 'Vùng có 320 km đường sắt.'],
      ]),
    ).toEqual([
      ['4,2 triệu người', '2018'],
      ['320 km', ''],
    ]);
  });
});

describe("a report's window shifted from the calendar", () => {
  it('shifts the other calendar halves its text names the same way (`6 tháng cuối năm` over June to November)', async () => {
    const { doc, facts } = await reportFacts([
      'BÁO CÁO',
      'Kết quả công tác kiểm sát 6 tháng đầu năm 2027',
      '(Số liệu từ ngày 01/12/2026 đến ngày 31/5/2027)',
      'I. KẾT QUẢ',
      'Thụ lý 1.240 vụ án.',
      'II. PHƯƠNG HƯỚNG 6 THÁNG CUỐI NĂM 2027',
      'Phấn đấu giải quyết trên 85% số vụ án.',
    ]);
    expect(doc.metadata.reportPeriod).toBe('2026-12..2027-05');
    expect(facts.find((f) => f.quote.startsWith('1.240'))?.period).toBe('2026-12..2027-05');
    expect(facts.find((f) => f.quote.startsWith('85%'))?.period).toBe('2027-06..2027-11');
  });

  it("dates the report's own year, said in a sentence, as its shifted window; the plan's next year stays a calendar year", async () => {
    const { doc, facts } = await reportFacts([
      'BÁO CÁO',
      'Tổng kết công tác kiểm sát năm 2030 và phương hướng năm 2031',
      'Viện kiểm sát báo cáo kết quả công tác năm 2030 (kỳ số liệu từ ngày 01/12/2029 đến ngày 30/11/2030) như sau:',
      'I. KẾT QUẢ',
      'Năm 2030, toàn ngành ban hành 300 kiến nghị.',
      'II. PHƯƠNG HƯỚNG NĂM 2031',
      'Phấn đấu giải quyết trên 90% số vụ án.',
    ]);
    expect(doc.metadata.reportPeriod).toBe('2029-12..2030-11');
    expect(facts.find((f) => f.quote.startsWith('300'))?.period).toBe('2029-12..2030-11');
    expect(facts.find((f) => f.quote.startsWith('90%'))?.period).toBe('2031');
  });

  it('reads a working month from the middle of the month before: `trong tháng` and the months its text names run so too', async () => {
    const { doc, facts } = await reportFacts([
      'BÁO CÁO',
      'Kết quả công tác bảo đảm trật tự tháng 3/2031',
      '(Số liệu tính từ ngày 15/02/2031 đến ngày 14/3/2031)',
      'I. KẾT QUẢ',
      'Trong tháng xảy ra 06 vụ trộm cắp tài sản, giảm 40% so với cùng kỳ (10 vụ).',
      'II. NHIỆM VỤ THÁNG 4/2031',
      'Phấn đấu điều tra làm rõ trên 80% số vụ.',
    ]);
    expect(doc.metadata.reportPeriod).toBe('2031-02..2031-03');
    const period = (q: string) => facts.find((f) => f.quote.startsWith(q))?.period;
    expect(period('06 vụ')).toBe('2031-02..2031-03');
    // (the base `cùng kỳ` gives in brackets is the same window a year earlier)
    expect(period('10 vụ')).toBe('2030-02..2030-03');
    expect(period('80%')).toBe('2031-03..2031-04');
  });
});

describe('a thin metric takes its heading subject', () => {
  it('adds the heading to a metric of one or two content words, not to a full one, nor from a generic heading', async () => {
    const { facts } = await reportFacts([
      'BÁO CÁO',
      'Tình hình kinh tế - xã hội 9 tháng năm 2024',
      'I. GIẢI NGÂN VỐN ĐẦU TƯ CÔNG',
      'Toàn huyện giải ngân 71,35 tỷ đồng. Tỷ lệ hộ nghèo đa chiều giảm còn 2,1%.',
      'II. KẾT QUẢ THỰC HIỆN',
      'Toàn huyện giải ngân 12 tỷ đồng.',
    ]);
    const metric = (q: string, n = 0) => facts.filter((f) => f.quote === q)[n]?.metric;
    // (a title in capitals lends its first three syllables, the word they end in whole)
    expect(metric('71,35 tỷ đồng')).toBe('toàn huyện giải ngân — GIẢI NGÂN VỐN');
    expect(metric('2,1%')).toBe('tỷ lệ hộ nghèo đa chiều');
    expect(metric('12 tỷ đồng')).toBe('toàn huyện giải ngân');
  });
});

describe('a share in the text is named `tỷ lệ` + what it is of', () => {
  const metrics = async (text: string) => {
    const { extractFacts } = await import('../../src/extract/fact-extractor.js');
    const blocks: Block[] = [{ id: 0, role: 'body', text, prov: { source: 'spec.txt', page: 1, start: 0, end: text.length }, section: '1' }];
    const doc = { source: { name: 'spec.txt' }, metadata: { reportPeriod: '2025' }, sections: [], blocks } as unknown as Parameters<typeof extractFacts>[0];
    return extractFacts(doc).map((f) => [f.quote, f.aspect, f.metric]);
  };

  it('prefixes `tỷ lệ` to a share whose phrase does not say it is one, and leaves a change a change (`tăng so với`)', async () => {
    expect(await metrics('Doanh thu dịch vụ logistics đạt 512,4 tỷ đồng, chiếm 27,5% tổng doanh thu, tăng 9,2% so với năm trước.')).toEqual([
      ['512,4 tỷ đồng', 'level', 'doanh thu dịch vụ logistics'],
      ['27,5%', 'share', 'tỷ lệ doanh thu dịch vụ logistics tổng doanh thu'],
      ['9,2%', 'change', 'doanh thu dịch vụ logistics tăng so với năm trước'],
    ]);
  });

  it('keeps a phrase that names the share already (`tỷ trọng`, `tỷ lệ`)', async () => {
    expect(await metrics('Tỷ trọng hàng chế biến trong xuất khẩu chiếm 64,1%.')).toEqual([['64,1%', 'share', 'tỷ trọng hàng chế biến trong xuất khẩu']]);
    expect(await metrics('Có 96,2% hộ dân nông thôn sử dụng nước hợp vệ sinh.').then((r) => r[0][2])).toBe('tỷ lệ hộ dân nông thôn sử dụng nước hợp vệ sinh');
  });
});

describe('a list after a bare lead splits the total of the sentence before it, not a part it singled out', () => {
  it('dates the items by the whole, not by a `riêng …` clause of the sentence before (`riêng tháng 12 đạt …`)', async () => {
    const { facts } = await reportFacts([
      'BÁO CÁO',
      'Kết quả hoạt động năm 2030',
      'I. KẾT QUẢ',
      'Cả năm cấp 9.400 giấy phép lái xe, tăng 6% so với năm 2029; riêng tháng 12 cấp 1.120 giấy phép. Phân theo hạng:',
      '- Hạng B: 7.050 giấy phép;',
      '- Hạng C: 2.350 giấy phép.',
    ]);
    expect(facts.find((f) => f.quote.startsWith('1.120'))?.period).toBe('2030-12');
    expect(facts.filter((f) => /^(?:7\.050|2\.350)/.test(f.quote)).map((f) => f.period)).toEqual(['2030', '2030']);
  });

  it('passes over a whole sentence that singles out a part (`Riêng quý III/2031 …`) and over `còn lại là` (the rest, not a stock)', async () => {
    const { facts } = await reportFacts([
      'BÁO CÁO',
      'Kết quả sản xuất 9 tháng đầu năm 2031',
      'I. KẾT QUẢ',
      'Sản lượng thủy sản 9 tháng đạt 52.400 tấn, trong đó khai thác 31.200 tấn, còn lại là nuôi trồng (khoảng 21.200 tấn). Riêng quý III/2031 sản lượng đạt 19.800 tấn, tăng 4% so với quý II. Cơ cấu theo loài như sau:',
      'a) Cá tra: 12.300 tấn, tăng 5,1%.',
      'b) Tôm: 8.900 tấn.',
    ]);
    expect(facts.find((f) => f.quote.includes('21.200'))?.period).toBe('2031-01..2031-09');
    expect(facts.find((f) => f.quote.startsWith('19.800'))?.period).toBe('2031-07..2031-09');
    expect(facts.filter((f) => /^(?:12\.300|8\.900)/.test(f.quote)).map((f) => f.period)).toEqual(['2031-01..2031-09', '2031-01..2031-09']);
  });
});

describe('a paragraph that opens by splitting the stock the paragraph before it gave is of that stock’s moment', () => {
  it('dates `Phân theo …:` parts by the stock before them, not by the report’s span', async () => {
    const { facts } = await reportFacts([
      'BÁO CÁO',
      'Kết quả công tác 9 tháng năm 2030',
      'I. TÌNH HÌNH',
      'Tính đến ngày 30/9/2030, toàn huyện có 1.240 hộ chăn nuôi quy mô lớn.',
      'Phân theo vật nuôi: chăn nuôi lợn 715 hộ; chăn nuôi gia cầm 525 hộ.',
      'Trong 9 tháng cấp 88 giấy chứng nhận.',
      'Phân theo loại: cấp mới 60 giấy chứng nhận, cấp lại 28 giấy chứng nhận.',
    ]);
    expect(facts.filter((f) => /^(?:715|525)/.test(f.quote)).map((f) => f.period)).toEqual(['@2030-09', '@2030-09']);
    // (a flow's parts are not moved: the report's span holds)
    expect(facts.find((f) => f.quote.startsWith('60'))?.period).toBe('2030-01..2030-09');
  });
});

describe('a list after `Cơ cấu …:` splits the stock before it', () => {
  it('dates the items as of the stock’s moment', async () => {
    const { facts } = await reportFacts([
      'BÁO CÁO',
      'Kết quả sản xuất 9 tháng năm 2030',
      'I. DIỆN TÍCH',
      'Tính đến ngày 30/9/2030, tổng diện tích cây ăn quả toàn huyện là 7.128 ha, tăng 5,3%. Cơ cấu theo loại cây:',
      '- Cam 4.692 ha;',
      '- Bưởi 1.236 ha.',
    ]);
    expect(facts.filter((f) => /^(?:4\.692|1\.236)/.test(f.quote)).map((f) => f.period)).toEqual(['@2030-09', '@2030-09']);
  });
});
