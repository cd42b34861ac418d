import { DocumentStore } from '../../src/store/document-store.js';
import { openDb } from '../../src/store/open-db.js';
import type { Db } from '../../src/store/db.js';
import type { Document } from '../../schemas/document.js';
import type { Fact } from '../../schemas/fact.js';
import { buildFact, placed, spanOf, textDocument } from '../fixtures/fact-builder.js';

/** Hostile text the page and the API must never let run. */
export const SCRIPT_ATTACK = '<script>alert(1)</script>';
export const ATTR_ATTACK = '"><img src=x onerror=alert(1)>';

interface FactSpec {
  quote: string;
  /** Which occurrence of the quote in the text (0 = first). */
  nth?: number;
  fields: Partial<Fact>;
}

/**
 * A small report built by hand (not by the readers or the extractor): Vietnamese text in two
 * sections, a long metric phrase, hostile markup in the text and in a metric, and facts of
 * different confidences — the first three lowest so a review queue has a known order.
 */
export function reviewDocument(name = 'bao-cao-thu-nghiem.txt', variant = ''): Document {
  const text = [
    'BÁO CÁO TÌNH HÌNH THÁNG 8 NĂM 2021',
    'I. Bưu chính, viễn thông',
    `Doanh thu dịch vụ viễn thông ước đạt 1.150,5 tỷ đồng, tăng 5% so với cùng kỳ.${variant}`,
    `Tổng số thuê bao di động đạt 1.234.567 thuê bao. Ghi chú: ${SCRIPT_ATTACK} ${ATTR_ATTACK} có 42 trạm.`,
    'II. Công nghệ thông tin',
    'Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận, xử lý trực tuyến toàn trình trên Cổng dịch vụ công quốc gia và Hệ thống thông tin giải quyết thủ tục hành chính cấp tỉnh đạt 87,5%.',
  ].join('\n');
  const doc = textDocument(text, `/tmp/${name}`, Buffer.from(text + name, 'utf8'));
  doc.metadata = { title: 'Báo cáo tình hình tháng 8 năm 2021', province: 'Nam Định', reportPeriod: '2021-08' };
  const heading1 = spanOf(text, 'I. Bưu chính, viễn thông');
  const heading2 = spanOf(text, 'II. Công nghệ thông tin');
  doc.sections = [
    {
      path: 'I',
      label: 'I',
      level: 0,
      kind: 'roman',
      title: 'Bưu chính, viễn thông',
      page: 1,
      prov: { source: name, page: 1, ...heading1 },
      end: heading2.start,
    },
    { path: 'II', label: 'II', level: 0, kind: 'roman', title: 'Công nghệ thông tin', page: 1, prov: { source: name, page: 1, ...heading2 }, end: text.length },
  ];
  const specs: FactSpec[] = [
    {
      quote: '1.234.567 thuê bao',
      fields: {
        value: 1234567,
        unit: 'thuê bao',
        base_value: 1234567,
        base_unit: 'thuê bao',
        metric: 'tổng số thuê bao di động',
        metric_id: 'mobile-subscribers',
        period: '@2021-08',
        confidence: 0.41,
      },
    },
    {
      quote: '42 trạm',
      fields: { value: 42, unit: 'trạm', base_value: 42, base_unit: 'trạm', metric: `trạm ${SCRIPT_ATTACK} ${ATTR_ATTACK}`, confidence: 0.45 },
    },
    {
      quote: '87,5%',
      fields: {
        value: 87.5,
        unit: '%',
        base_value: 87.5,
        base_unit: '%',
        kind: 'percent',
        aspect: 'share',
        section: 'II',
        metric:
          'tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận, xử lý trực tuyến toàn trình trên Cổng dịch vụ công quốc gia và Hệ thống thông tin giải quyết thủ tục hành chính cấp tỉnh',
        confidence: 0.5,
      },
    },
    {
      quote: '1.150,5 tỷ đồng',
      fields: {
        value: 1150.5,
        unit: 'tỷ đồng',
        base_value: 1150500000000,
        base_unit: 'VND',
        kind: 'money',
        approx: 'estimate',
        metric: 'doanh thu dịch vụ viễn thông',
        metric_id: 'telecom-revenue',
        confidence: 0.95,
      },
    },
    {
      quote: '5%',
      fields: {
        value: 5,
        unit: '%',
        base_value: 5,
        base_unit: '%',
        kind: 'percent',
        aspect: 'change',
        direction: 'up',
        metric: 'doanh thu dịch vụ viễn thông',
        metric_id: 'telecom-revenue',
        confidence: 0.8,
      },
    },
  ];
  doc.facts = specs.map((s) => placed(doc, buildFact({ ...s.fields, quote: s.quote }), s.nth));
  doc.blocks = text.split('\n').map((line, i, all) => {
    const start = all.slice(0, i).reduce((n, l) => n + l.length + 1, 0);
    return {
      id: i,
      role: i === 0 ? 'title' : line.startsWith('I') ? 'heading' : 'body',
      text: line,
      prov: { source: name, page: 1, start, end: start + line.length },
      section: i < 4 ? (i === 0 ? '' : 'I') : 'II',
    };
  });
  return doc;
}

/** A migrated database (file or `:memory:`) holding the review document. */
export async function reviewDb(path = ':memory:'): Promise<{ db: Db; doc: Document }> {
  const db = await openDb(path);
  const doc = reviewDocument();
  await new DocumentStore(db).save(doc, 'test-1');
  return { db, doc };
}

/** Row id of the stored fact with this quote. */
export async function factId(db: Db, quote: string): Promise<number> {
  const row = await db.q.selectFrom('facts').select('id').where('quote', '=', quote).executeTakeFirst();
  if (!row) throw new Error(`no stored fact with quote ${quote}`);
  return row.id;
}
