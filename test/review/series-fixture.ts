import type { Document } from '../../schemas/document.js';
import { moneyFact, placed, textDocument } from '../fixtures/fact-builder.js';

/** The province of the injected series (none of the bundled fixtures reports on it). */
export const SERIES_PROVINCE = 'Lào Cai';
/** Telecom revenue of five months, in tỷ đồng; the fourth is written ×1000 (a unit slip: the figure in triệu, the unit tỷ). */
export const SERIES = [
  { period: '2022-01', value: 102.4 },
  { period: '2022-02', value: 98.7 },
  { period: '2022-03', value: 105.1 },
  { period: '2022-04', value: 101_300 },
  { period: '2022-05', value: 107.9 },
] as const;
export const SLIP_QUOTE = `${SERIES[3].value.toLocaleString('vi-VN')} tỷ đồng`;

/** One monthly report of the series: one sentence, one telecom-revenue fact, confident (0.9), so only the outlier rule can put it first. */
export function seriesDocument(period: string, value: number): Document {
  const [year, month] = period.split('-');
  const quote = `${value.toLocaleString('vi-VN')} tỷ đồng`;
  const text = `BÁO CÁO THÁNG ${Number(month)} NĂM ${year}\nDoanh thu dịch vụ viễn thông tháng ${Number(month)} ước đạt ${quote}.`;
  const name = `lao-cai-${period}.txt`;
  const doc = textDocument(text, `/tmp/${name}`);
  doc.metadata = { title: `Báo cáo tháng ${Number(month)} năm ${year}`, province: SERIES_PROVINCE, reportPeriod: period };
  doc.facts = [
    placed(
      doc,
      moneyFact(value, { approx: 'estimate', metric: 'doanh thu dịch vụ viễn thông', metric_id: 'telecom-revenue', period, section: '', confidence: 0.9 }),
    ),
  ];
  doc.blocks = text.split('\n').map((line, i) => {
    const at = i === 0 ? 0 : text.indexOf(line);
    return { id: i, role: i === 0 ? 'title' : 'body', text: line, prov: { source: name, page: 1, start: at, end: at + line.length }, section: '' };
  });
  return doc;
}
