import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExportRow } from '../../schemas/fact.js';

/** Export rows built in memory: Vietnamese text, separators, quotes, newlines, formula-like text, nulls, negatives. */
export function trickyRows(): ExportRow[] {
  const base: ExportRow = {
    doc_id: 'a1b2c3d4e5f60718',
    file: 'bao-cao-thang-8.pdf',
    title: 'Báo cáo tình hình tháng 8',
    province: 'Nam Định',
    report_period: '2021-08',
    section: 'I/2',
    section_title: 'Bưu chính, viễn thông',
    metric: 'doanh thu dịch vụ viễn thông',
    metric_id: 'telecom-revenue',
    value: 1150.5,
    unit: 'tỷ đồng',
    base_value: 1150500000000,
    base_unit: 'VND',
    of: null,
    value_max: null,
    kind: 'money',
    aspect: 'level',
    direction: null,
    approx: 'estimate',
    period: '2021-08',
    quote: '1.150,5 tỷ đồng',
    page: 3,
    confidence: 0.87,
    status: 'auto',
    table_row: '',
    table_column: '',
  };
  return [
    base,
    {
      ...base,
      metric: 'thuê bao, "cố định" và di động',
      metric_id: null,
      value: 11,
      of: 63,
      unit: 'tỉnh',
      base_value: 11,
      base_unit: 'tỉnh',
      kind: 'ratio',
      quote: '11/63 tỉnh',
      status: 'accepted',
    },
    {
      ...base,
      section_title: 'dòng một\r\ndòng hai\nba',
      metric: '=HYPERLINK("http://x","y")',
      quote: '+5%',
      kind: 'percent',
      aspect: 'change',
      direction: 'down',
      value: -5,
      base_value: -5,
      unit: '%',
      base_unit: '%',
      approx: 'none',
      status: 'corrected',
    },
    {
      ...base,
      metric: '@SUM(A1)',
      title: '-tiêu đề',
      value_max: 95,
      value: 90,
      unit: '%',
      base_unit: '%',
      base_value: 90,
      kind: 'percent',
      aspect: 'share',
      quote: 'từ 90% đến 95%',
      page: 12,
      confidence: 0.5,
      status: 'rejected',
    },
    { ...base, metric: 'Đắk Nông, Thừa Thiên Huế; ước đạt', value: 0.000001, base_value: 1e21, quote: 'x', period: '', province: '' },
  ];
}

/** Export rows made from the gold facts in ../shared/gold (real report wording), read at test time. */
export function goldRows(): ExportRow[] {
  const rows: ExportRow[] = [];
  for (const doc of ['002', '003', '004']) {
    const lines = readFileSync(join(process.cwd(), '..', 'shared', 'gold', `${doc}.gold.jsonl`), 'utf8')
      .split('\n')
      .filter(Boolean);
    lines.forEach((line, i) => {
      const g = JSON.parse(line) as Record<string, unknown>;
      rows.push({
        doc_id: `gold-${doc}`,
        file: `${doc}.pdf`,
        title: `Báo cáo ${doc}`,
        province: doc === '002' ? 'Nam Định' : 'Ninh Thuận',
        report_period: '',
        section: String(g.section ?? ''),
        section_title: '',
        metric: String(g.metric),
        metric_id: null,
        value: Number(g.value),
        unit: String(g.unit),
        base_value: Number(g.base_value),
        base_unit: String(g.base_unit),
        of: typeof g.of === 'number' ? g.of : null,
        value_max: typeof g.value_max === 'number' ? g.value_max : null,
        kind: g.kind as ExportRow['kind'],
        aspect: g.aspect as ExportRow['aspect'],
        direction: (g.direction as ExportRow['direction']) ?? null,
        approx: g.approx as ExportRow['approx'],
        period: String(g.period ?? ''),
        quote: String(g.quote),
        page: 1 + (i % 20),
        confidence: 1,
        status: 'auto',
        table_row: String(g.row ?? ''),
        table_column: String(g.column ?? ''),
      });
    });
  }
  return rows;
}
