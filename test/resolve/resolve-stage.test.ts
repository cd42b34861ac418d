import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Document } from '../../schemas/document.js';
import type { Fact } from '../../schemas/fact.js';
import { newDocument } from '../../src/core/new-document.js';
import { SourceFile } from '../../src/core/source-file.js';
import { createResolveStage } from '../../src/resolve/resolve-stage.js';
import { moneyFact } from '../fixtures/fact-builder.js';

function fact(over: Partial<Fact>): Fact {
  return moneyFact(100, { metric: 'doanh thu dịch vụ viễn thông', period: '2021', section: 'I/1', confidence: 0.9, ...over });
}

function doc(facts: Fact[], province?: string): { doc: Document; file: SourceFile } {
  const file = new SourceFile('x.txt', Buffer.from('x'));
  const d = newDocument(file);
  d.facts = facts;
  d.metadata = province === undefined ? {} : { province };
  d.sections = [
    { path: 'I', label: 'I', level: 0, kind: 'roman', title: 'Lĩnh vực bưu chính', page: 1, prov: { source: 'x.txt', page: 1, start: 0, end: 5 }, end: 100 },
    { path: 'I/1', label: '1', level: 1, kind: 'arabic', title: 'Viễn thông', page: 1, prov: { source: 'x.txt', page: 1, start: 0, end: 5 }, end: 100 },
  ];
  return { doc: d, file };
}

describe('createResolveStage', () => {
  it('sets metric ids and records evidence, leaving confidence to the score stage', async () => {
    const { doc: d, file } = doc([
      fact({}),
      fact({ metric: 'doanh thu', section: 'I' }),
      fact({ metric: 'hội nghị tập huấn', kind: 'count', unit: 'hội nghị', base_unit: 'hội nghị' }),
      fact({ metric: 'thuê bao di động', metric_id: 'mobile-subscribers', kind: 'count', unit: 'thuê bao' }),
    ]);
    const out = await createResolveStage()(d, file);
    expect(out.facts.map((f) => f.metric_id)).toEqual(['telecom-revenue', 'postal-revenue', null, 'mobile-subscribers']);
    expect(out.facts.map((f) => f.confidence)).toEqual([0.9, 0.9, 0.9, 0.9]);
    expect(out.facts[0].evidence).toEqual(['metric:matched']);
    expect(out.facts[2].evidence).toEqual(['metric:unmatched']);
    expect(out.facts[3]).toBe(d.facts[3]);
    expect(d.facts[0].metric_id).toBeNull();
  });

  it('normalizes the province to its canonical name with its id, warning when it is unknown', async () => {
    const a = doc([], 'TỈNH NINH THUẬN');
    expect((await createResolveStage()(a.doc, a.file)).metadata).toEqual({ province: 'Ninh Thuận', provinceId: 'ninh-thuan' });
    expect(a.file.messages).toEqual([]);
    const b = doc([], 'Xứ Đoài');
    expect((await createResolveStage()(b.doc, b.file)).metadata).toEqual({ province: 'Xứ Đoài' });
    expect(b.file.messages).toEqual([expect.objectContaining({ severity: 'warn', rule: 'resolve:unknown-province' })]);
  });

  it('takes the province from the administrative header when the metadata has none', async () => {
    const { doc: d, file } = doc([]);
    const header = readFileSync(join(process.cwd(), '..', 'shared', 'corpus', '002.source.txt'), 'utf8')
      .split('\n')
      .slice(0, 12)
      .join(' ');
    d.blocks = [{ id: 0, role: 'admin-header', text: header, prov: { source: 'x', page: 1, start: 0, end: 1 }, section: '' }];
    const out = await createResolveStage()(d, file);
    expect(out.metadata).toEqual({ province: 'Nam Định', provinceId: 'nam-dinh' });
    expect(file.messages.map((m) => m.rule)).toEqual(['resolve:province-from-header']);
  });

  it('can be switched off by options and rejects bad options with the fix', async () => {
    const { doc: d, file } = doc([fact({})], 'nam dinh');
    const out = await createResolveStage({ metrics: false, provinces: false })(d, file);
    expect(out.facts[0].metric_id).toBeNull();
    expect(out.metadata).toEqual({ province: 'nam dinh' });
    expect(() => createResolveStage({ metrics: 'yes' } as never)).toThrow(/resolve: invalid options/);
  });
});
