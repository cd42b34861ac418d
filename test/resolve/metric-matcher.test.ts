import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Aspect, FactKind } from '../../schemas/fact.js';
import { METRIC_CATALOG } from '../../schemas/metric-catalog.js';
import { lookupMetric, matchMetric, MATCH_THRESHOLD, queryMetric, type MatchContext } from '../../src/resolve/metric-matcher.js';

/** Invented phrasings (not copied from the corpus) and the metric each must map to. */
const SHOULD_MATCH: [string, MatchContext, string][] = [
  ['Doanh thu từ dịch vụ viễn thông trên địa bàn', { kind: 'money', unit: 'triệu đồng' }, 'telecom-revenue'],
  ['DOANH THU VIỄN THÔNG', { kind: 'money' }, 'telecom-revenue'],
  ['doanh thu vien thong', { kind: 'money' }, 'telecom-revenue'],
  ['doanh thu lĩnh vực bưu chính chuyển phát cả năm', { kind: 'money', unit: 'tỷ đồng' }, 'postal-revenue'],
  ['doanh thu bưu chính tăng so với cùng kỳ năm trước', { kind: 'percent', unit: '%', aspect: 'change' }, 'postal-revenue'],
  ['doanh thu phần mềm của các doanh nghiệp', { kind: 'money' }, 'software-revenue'],
  ['số thuê bao di động đang hoạt động', { kind: 'count', unit: 'thuê bao' }, 'mobile-subscribers'],
  ['số thuê bao di động phát triển mới trong kỳ', { kind: 'count', unit: 'thuê bao' }, 'mobile-subscribers-new'],
  ['thuê bao Internet băng rộng cố định (FTTH)', { kind: 'count', unit: 'thuê bao' }, 'fixed-broadband-subscribers'],
  ['tổng số thuê bao internet', { kind: 'count', unit: 'nghìn thuê bao' }, 'broadband-subscribers'],
  ['số trạm thu phát sóng BTS', { kind: 'count', unit: 'trạm' }, 'bts-stations'],
  ['trạm phát sóng 5G đã lắp đặt', { kind: 'count', unit: 'trạm' }, 'bts-5g-stations'],
  ['tỉ lệ hồ sơ giải quyết đúng hạn', { kind: 'percent', unit: '%', aspect: 'share' }, 'dossiers-on-time-share'],
  ['tỷ lệ hồ sơ TTHC nộp trực tuyến', { kind: 'percent', unit: '%', aspect: 'share' }, 'dossiers-online-share'],
  ['số DVC trực tuyến toàn trình', { kind: 'count', unit: 'dịch vụ' }, 'online-public-services-full'],
  ['số dịch vụ công trực tuyến mức độ 3 đã cung cấp', { kind: 'count' }, 'online-public-services-partial'],
  ['xếp hạng DTI của tỉnh năm 2023', { kind: 'rank' }, 'dti-rank'],
  ['chỉ số PAR INDEX xếp thứ', { kind: 'rank' }, 'par-index-rank'],
  ['chỉ số năng lực cạnh tranh cấp tỉnh (PCI)', { kind: 'rank' }, 'pci-rank'],
  ['giấy phép sử dụng tần số VTĐ được cấp mới', { kind: 'count', unit: 'giấy phép' }, 'frequency-licences'],
  ['giấy phép xuất bản bản tin được cấp', { kind: 'count', unit: 'giấy phép' }, 'press-licences'],
  ['tổng số tiền phạt vi phạm hành chính thu nộp ngân sách', { kind: 'money', unit: 'triệu đồng' }, 'fines-amount'],
  ['cuộc thanh tra, kiểm tra chuyên ngành thông tin và truyền thông', { kind: 'count', unit: 'cuộc' }, 'inspections'],
  ['chứng thư số được cấp mới cho cán bộ', { kind: 'count', unit: 'chứng thư số' }, 'digital-certificates-issued'],
  ['văn bản điện tử gửi, nhận trên môi trường mạng', { kind: 'count', unit: 'văn bản' }, 'e-documents'],
  ['cuộc tấn công mạng đã được ngăn chặn', { kind: 'count', unit: 'cuộc' }, 'cyber-attacks'],
  ['sự cố mất an toàn thông tin mạng', { kind: 'count', unit: 'sự cố' }, 'security-incidents'],
  ['tin, bài được đăng tải trên Cổng thông tin điện tử tỉnh', { kind: 'count', unit: 'tin, bài' }, 'news-articles'],
  ['trang thông tin điện tử tổng hợp được cấp phép', { kind: 'count', unit: 'trang' }, 'websites'],
  ['số điểm phục vụ bưu chính trên toàn tỉnh', { kind: 'count', unit: 'điểm' }, 'postal-service-points'],
  ['chiều dài cáp quang', { kind: 'measure', unit: 'km' }, 'fibre-length'],
  ['mật độ điện thoại trên 100 dân', { kind: 'measure', unit: 'thuê bao/100 dân' }, 'phone-density'],
  ['thuê bao di dông', { kind: 'count', unit: 'thuê bao' }, 'mobile-subscribers'],
  ['doanh thu vien thonq', { kind: 'money' }, 'telecom-revenue'],
  ['tổng sản phẩm trên địa bàn tỉnh theo giá hiện hành', { kind: 'money', unit: 'tỷ đồng' }, 'grdp'],
  ['tốc độ tăng trưởng GRDP so với cùng kỳ', { kind: 'percent', unit: '%', aspect: 'change' }, 'grdp-growth'],
  ['tổng thu ngân sách nhà nước trên địa bàn huyện', { kind: 'money', unit: 'triệu đồng' }, 'budget-revenue'],
  ['giải ngân vốn đầu tư công 9 tháng', { kind: 'money', unit: 'tỷ đồng' }, 'public-investment-disbursed'],
  ['số doanh nghiệp đăng ký thành lập mới trong kỳ', { kind: 'count', unit: 'doanh nghiệp' }, 'new-enterprises'],
  ['mật độ dân số toàn vùng', { kind: 'measure', unit: 'người/km2' }, 'population-density'],
  ['tỷ lệ hộ nghèo đa chiều của huyện', { kind: 'percent', unit: '%', aspect: 'share' }, 'poverty-rate'],
  ['xã được công nhận đạt chuẩn nông thôn mới', { kind: 'count', unit: 'xã' }, 'new-rural-communes'],
  ['lượt khách du lịch đến tham quan', { kind: 'count', unit: 'lượt khách' }, 'tourist-arrivals'],
  ['tổng công suất lắp đặt các nhà máy điện mặt trời', { kind: 'measure', unit: 'mw' }, 'power-capacity'],
  ['tốc độ tải xuống trung bình mạng 4G', { kind: 'measure', unit: 'mbit/s' }, 'mobile-download-speed'],
];

/** Phrases that must not get a canonical metric (or not the tempting wrong one). */
const MUST_NOT_MATCH: [string, MatchContext][] = [
  ['hội nghị tập huấn cho cán bộ', { kind: 'count', unit: 'hội nghị' }],
  ['tờ rơi tuyên truyền đã phát', { kind: 'count', unit: 'tờ rơi' }],
  ['doanh thu bán sách tại hội chợ', { kind: 'money' }],
  ['số tiền hỗ trợ mua điện thoại', { kind: 'money' }],
  ['dự án đầu tư công', { kind: 'count', unit: 'dự án' }],
  ['tỷ lệ hộ cận nghèo', { kind: 'percent', unit: '%', aspect: 'share' }],
  ['xã đạt chuẩn nông thôn mới nâng cao', { kind: 'count', unit: 'xã' }],
  ['mật độ dân số', { kind: 'count', unit: 'người' }],
  ['', {}],
  ['của các và', {}],
];

describe('matchMetric', () => {
  it.each(SHOULD_MATCH)('maps "%s" to the expected metric', (phrase, ctx, id) => {
    const m = matchMetric(phrase, ctx);
    expect(m?.metric_id).toBe(id);
    expect(m?.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(m?.score).toBeLessThanOrEqual(1);
  });

  it.each(MUST_NOT_MATCH)('finds no metric for "%s"', (phrase, ctx) => {
    expect(matchMetric(phrase, ctx)).toBeNull();
  });

  it('uses kind as a gate: a money phrase is not a count of subscribers, a count is not revenue', () => {
    expect(matchMetric('doanh thu viễn thông', { kind: 'count', unit: 'thuê bao' })).toBeNull();
    expect(matchMetric('thuê bao di động', { kind: 'money' })).toBeNull();
    expect(matchMetric('xếp hạng DTI', { kind: 'count', unit: 'tỉnh' })).toBeNull();
  });

  it('uses the unit as a gate for counts: stations are not subscribers', () => {
    expect(matchMetric('thuê bao di động', { kind: 'count', unit: 'trạm' })).toBeNull();
    expect(matchMetric('thuê bao di động', { kind: 'count', unit: 'triệu thuê bao' })?.metric_id).toBe('mobile-subscribers');
  });

  it('lets a percentage change belong to any metric but a bare percentage only to share metrics', () => {
    expect(matchMetric('doanh thu viễn thông', { kind: 'percent', aspect: 'change' })?.metric_id).toBe('telecom-revenue');
    expect(matchMetric('doanh thu viễn thông', { kind: 'percent', aspect: 'share' })).toBeNull();
  });

  it('keeps new and total subscribers apart', () => {
    expect(matchMetric('thuê bao điện thoại cố định', { kind: 'count' })?.metric_id).toBe('fixed-phone-subscribers');
    expect(matchMetric('thuê bao điện thoại phát triển mới', { kind: 'count' })?.metric_id).toBe('phone-subscribers-new');
  });

  it('reads a short phrase in the light of its section title', () => {
    expect(matchMetric('doanh thu', { kind: 'money' })).toBeNull();
    expect(matchMetric('doanh thu', { kind: 'money', section_title: 'Lĩnh vực bưu chính' })?.metric_id).toBe('postal-revenue');
    expect(matchMetric('doanh thu', { kind: 'money', section_title: 'Viễn thông, Internet' })?.metric_id).toBe('telecom-revenue');
  });

  it('maps every alias and every name of the catalog to its own metric', () => {
    const wrong: string[] = [];
    for (const m of METRIC_CATALOG) {
      for (const alias of [m.name, ...m.aliases]) {
        const got = matchMetric(alias, { kind: m.kind });
        if (got?.metric_id !== m.id) wrong.push(`${alias} → ${got?.metric_id ?? 'null'} (want ${m.id})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('maps the revenue and subscriber facts of the real gold reports to the right metrics', () => {
    const facts = ['002', '003'].flatMap((doc) =>
      readFileSync(join(process.cwd(), '..', 'shared', 'gold', `${doc}.gold.jsonl`), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { metric: string; kind: FactKind; unit: string; aspect: Aspect }),
    );
    const revenue = facts.filter((f) => f.kind === 'money' && /^(tổng )?doanh thu .*viễn thông/.test(f.metric));
    expect(revenue.length).toBeGreaterThanOrEqual(2);
    for (const f of revenue) expect(matchMetric(f.metric, f)?.metric_id).toBe('telecom-revenue');
    const postal = facts.filter((f) => f.kind === 'money' && /^doanh thu .*bưu chính, chuyển phát/.test(f.metric));
    expect(postal.length).toBeGreaterThanOrEqual(2);
    for (const f of postal) expect(matchMetric(f.metric, f)?.metric_id).toBe('postal-revenue');
    const matched = facts.filter((f) => matchMetric(f.metric, f) !== null).length;
    // Measured: 116 of 231 gold facts of 002+003 match (137 of 298 with 004); most of the rest are one-off activities.
    expect(matched / facts.length).toBeGreaterThan(0.4);
  });
});

describe('lookupMetric', () => {
  it('finds a metric by id or by words', () => {
    expect(lookupMetric('telecom-revenue')?.id).toBe('telecom-revenue');
    expect(lookupMetric('doanh thu viễn thông')?.id).toBe('telecom-revenue');
    expect(lookupMetric('không có gì')).toBeNull();
  });
});

describe('queryMetric', () => {
  it('offers every catalog metric whose wording holds all the words when the words name no single one', () => {
    const q = queryMetric('thuê bao');
    expect(q.metric).toBeNull();
    const ids = q.candidates.map((m) => m.id);
    expect(ids).toEqual(
      expect.arrayContaining(['phone-subscribers', 'mobile-subscribers', 'fixed-phone-subscribers', 'broadband-subscribers', 'mobile-broadband-subscribers']),
    );
    expect(ids.length).toBeGreaterThanOrEqual(10);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('resolves an id or unambiguous words to one metric, and offers nothing for words the catalog does not know', () => {
    expect(queryMetric('mobile-subscribers')).toEqual({ metric: expect.objectContaining({ id: 'mobile-subscribers' }), candidates: [] });
    expect(queryMetric('thuê bao di động').metric?.id).toBe('mobile-subscribers');
    expect(queryMetric('không có gì')).toEqual({ metric: null, candidates: [], byPhrase: true });
  });

  it('says when the words are to be compared by phrase: none or one candidate, or when asked — never with several to pick from', () => {
    expect(queryMetric('thuê bao').byPhrase).toBeUndefined();
    expect(queryMetric('thuê bao', { byPhrase: true })).toEqual({ metric: null, candidates: [], byPhrase: true });
    expect(queryMetric('mobile-subscribers', { byPhrase: true })).toEqual({ metric: null, candidates: [], byPhrase: true });
  });
});
