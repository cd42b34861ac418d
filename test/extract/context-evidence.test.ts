import { describe, expect, it } from '@jest/globals';
import type { Document } from '../../schemas/document.js';
import type { Fact } from '../../schemas/fact.js';
import { contextEvidence } from '../../src/extract/context-evidence.js';
import { buildFact } from '../fixtures/fact-builder.js';

/** A fact whose quote is the first occurrence of `quote` in `text`. */
function fact(text: string, quote: string, metric: string, evidence: string[] = []): Fact {
  const start = text.indexOf(quote);
  return buildFact({ quote, metric, evidence, prov: { source: 't.txt', page: 1, start, end: start + quote.length } });
}

function doc(text: string, facts: Fact[], title = 'Kết quả'): Pick<Document, 'text' | 'facts' | 'sections'> {
  return {
    text,
    facts,
    sections: [{ path: 'I', label: 'I', level: 0, kind: 'roman', title, page: 1, prov: { source: 't.txt', page: 1, start: 0, end: 0 }, end: text.length }],
  };
}

describe('context evidence for the confidence model', () => {
  it('says how long the sentence is, where the figure stands in it, and how much of the metric the sentence holds', () => {
    const text = 'Năm nay cấp mới 12 giấy phép, thu hồi 3 giấy phép. Doanh thu đạt 5 tỷ đồng.';
    const facts = [
      fact(text, '12 giấy phép', 'giấy phép cấp mới'),
      fact(text, '3 giấy phép', 'giấy phép thu hồi'),
      fact(text, '5 tỷ đồng', 'doanh thu dịch vụ bưu chính'),
    ];
    const [a, b, c] = contextEvidence(doc(text, facts, 'Dịch vụ bưu chính'));
    expect(a).toEqual(expect.arrayContaining(['ctx:sentence-words-12', 'ctx:figure-first', 'ctx:figures-2-3', 'ctx:metric-in-sentence-all']));
    expect(b).toEqual(expect.arrayContaining(['ctx:figure-second', 'ctx:metric-in-sentence-all']));
    // the second sentence holds one figure; its metric's `dịch vụ bưu chính` comes from the heading, not the sentence
    expect(c).toEqual(expect.arrayContaining(['ctx:figure-first', 'ctx:figures-1', 'ctx:metric-in-sentence-little', 'ctx:heading-most']));
  });

  it('marks a figure whose long lead the metric leaves out', () => {
    const text = 'Trung tâm phục vụ hành chính công tiếp nhận và giải quyết đúng hạn hồ sơ đất đai của người dân 120 hồ sơ.';
    const [covered] = contextEvidence(
      doc(text, [fact(text, '120 hồ sơ', 'hồ sơ đất đai trung tâm phục vụ hành chính công tiếp nhận giải quyết đúng hạn người dân')]),
    );
    const [left] = contextEvidence(doc(text, [fact(text, '120 hồ sơ', 'hồ sơ')]));
    expect(covered).toContain('ctx:lead-long-covered');
    expect(left).toContain('ctx:lead-long-little');
  });

  it('gives table cells one mark and nothing about sentences', () => {
    const text = 'Dân số\t1.200';
    expect(contextEvidence(doc(text, [fact(text, '1.200', 'dân số', ['table:cell'])]))).toEqual([['ctx:table']]);
  });
});
