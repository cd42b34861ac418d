import type { Document } from '../../schemas/document.js';
import type { Fact } from '../../schemas/fact.js';
import { createScoreStage } from '../../src/extract/score-stage.js';
import { confidenceOf, modelEvidence } from '../../src/extract/confidence-model.js';
import { SourceFile } from '../../src/core/source-file.js';
import { buildFact } from '../fixtures/fact-builder.js';

const fact = (over: Partial<Fact> = {}): Fact =>
  buildFact({ metric: 'trạm BTS phát triển mới', period: '2024-08', section: 'I/1', evidence: ['number:digits', 'unit:noun', 'metric:matched'], ...over });

function doc(facts: Fact[], reportPeriod?: string, ocr?: number): Document {
  return {
    id: 'x',
    source: { path: 'x.txt', name: 'x.txt', sha256: '0'.repeat(64), size: 1 },
    pages: [{ page: 1, origin: ocr === undefined ? 'text' : 'ocr', chars: 10, ...(ocr === undefined ? {} : { ocrConfidence: ocr }) }],
    raw: [],
    text: '',
    blocks: [],
    sections: [],
    metadata: reportPeriod ? { reportPeriod } : {},
    facts,
    messages: [],
    status: 'ok',
  };
}

describe('score stage', () => {
  const file = new SourceFile('x.txt', Buffer.from('x'));

  it('scores every fact with the model from all its evidence, and tags the model version', async () => {
    const out = await createScoreStage()(doc([fact()], '2024-08'), file);
    // the document's evidence: its type (no type here: other) and how crowded the fact's paragraph is (no blocks: one)
    expect(out.facts[0].evidence).toEqual(expect.arrayContaining(['doc:type-other', 'doc:crowd-1']));
    expect(out.facts[0].confidence).toBe(confidenceOf({ ...fact(), evidence: [...fact().evidence, 'doc:type-other', 'doc:crowd-1'] }));
    expect(out.facts[0].evidence).toContain(modelEvidence());
  });

  it('adds doc:undated to the facts of a document without a report period, which the model reads', async () => {
    const out = await createScoreStage()(doc([fact()]), file);
    expect(out.facts[0].evidence).toContain('doc:undated');
    expect(out.facts[0].confidence).toBe(confidenceOf({ ...fact(), evidence: [...fact().evidence, 'doc:undated', 'doc:type-other', 'doc:crowd-1'] }));
  });

  it('lowers the confidence of facts on a page OCR read with low confidence', async () => {
    const clean = await createScoreStage()(doc([fact()], '2024-08'), file);
    const scanned = await createScoreStage()(doc([fact()], '2024-08', 0.4), file);
    expect(scanned.facts[0].confidence).toBeLessThan(clean.facts[0].confidence);
  });

  it('drops the facts below the minimum confidence asked for, after scoring them', async () => {
    const scored = (await createScoreStage()(doc([fact()], '2024-08'), file)).facts[0].confidence;
    expect((await createScoreStage({ minConfidence: scored })(doc([fact()], '2024-08'), file)).facts).toHaveLength(1);
    expect((await createScoreStage({ minConfidence: Math.min(1, scored + 0.001) })(doc([fact()], '2024-08'), file)).facts).toHaveLength(0);
    expect(() => createScoreStage({ minConfidence: 2 })).toThrow(/score: invalid options/);
  });

  it('tells the model how many figures share the paragraph', async () => {
    const blocks = [{ id: 0, role: 'body' as const, text: 'x'.repeat(40), prov: { source: 'x.txt', page: 1, start: 0, end: 40 }, section: '' }];
    const many = [0, 8, 16, 24].map((start) => fact({ prov: { source: 'x.txt', page: 1, start, end: start + 7 } }));
    const out = await createScoreStage()({ ...doc(many, '2024-08'), blocks }, file);
    expect(out.facts.map((f) => f.evidence.find((e) => e.startsWith('doc:crowd')))).toEqual(Array(4).fill('doc:crowd-4-6'));
  });

  it('can be switched off', async () => {
    const d = doc([fact()]);
    expect(await createScoreStage({ enabled: false })(d, file)).toBe(d);
  });
});
