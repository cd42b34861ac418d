import { readFileSync } from 'node:fs';
import type { Block } from '../../schemas/document.js';
import { extractFromBlock } from '../../src/extract/fact-extractor.js';
import { withoutRepeats } from '../../src/extract/metric-phrase.js';
import { metricOk, metricWords } from '../../scripts/eval/gold-scorer.js';

/**
 * Metric phrases on invented sentences of each structure (test/extract/specs/metrics.json). The
 * phrase must be right as GUIDELINES scores it (content-word F1 ≥ 0.5 against the expected phrase),
 * cut at word boundaries, and keep acronyms' case.
 */
interface Spec {
  rule: string;
  text: string;
  expect: { quote: string; metric: string }[];
}
const specs = JSON.parse(readFileSync(new URL('./specs/metrics.json', import.meta.url), 'utf8')) as Spec[];

function block(text: string): Block {
  return { id: 0, role: 'body', text, prov: { source: 'spec.txt', page: 1, start: 0, end: text.length }, section: '' };
}

const JOINING_WORDS = new Set(['tỷ', 'lệ', 'do', 'số', 'so', 'với', 'diện', 'tích', 'chiều', 'dài', 'thứ', 'hạng']);

describe('metric phrases (test/extract/specs/metrics.json)', () => {
  it.each(specs.map((s) => [s.rule, s] as const))('%s', (_rule, spec) => {
    const facts = extractFromBlock(block(spec.text), { source: 'spec.txt', reportPeriod: '2025-06' });
    for (const want of spec.expect) {
      const fact = facts.find((f) => f.quote === want.quote);
      expect({ quote: want.quote, found: !!fact }).toEqual({ quote: want.quote, found: true });
      const got = fact?.metric ?? '';
      expect({ got, right: metricOk(want.metric, got) }).toEqual({ got, right: true });
      // whole words only: every word of the phrase is a word of the sentence, or one the rules add to join them (`tỷ lệ …`, `người chết do …`, `số …`, `so với …`) or to name a dimension or a rank (`diện tích …`, `chiều dài …`, `thứ hạng …`)
      const sentenceWords = new Set([...spec.text.toLowerCase().matchAll(/[\p{L}\p{M}\p{N}]+/gu)].map((m) => m[0]));
      for (const w of got.toLowerCase().matchAll(/[\p{L}\p{M}\p{N}]+/gu)) if (!JOINING_WORDS.has(w[0])) expect(sentenceWords).toContain(w[0]);
    }
  });

  it('keeps acronyms in capitals', () => {
    const [f] = extractFromBlock(block('Chỉ số DTI của tỉnh xếp thứ 12/63 tỉnh, thành phố.'), { source: 'spec.txt' });
    expect(f.metric).toContain('DTI');
  });

  it('scores metric words the GUIDELINES way (folded, stop words and numbers dropped)', () => {
    expect([...metricWords('Số trạm 5G của Viettel')].sort()).toEqual(['5g', 'tram', 'viettel']);
    expect(metricOk('trạm 5G của Viettel phát triển trong năm', 'trạm')).toBe(false);
    expect(metricOk('trạm 5G của Viettel phát triển trong năm', 'số trạm 5G Viettel phát triển mới')).toBe(true);
  });
});

describe('a metric phrase put together from two places', () => {
  it('says a run of three words or more once (the later run goes), and leaves shorter runs, parallel ones and other phrases alone', () => {
    expect(withoutRepeats('vận động viên huấn luyện viên vận động viên đối tượng')).toBe('vận động viên huấn luyện viên đối tượng');
    expect(withoutRepeats('người thị trường Nhật Bản dẫn đầu Thị trường Nhật Bản dẫn đầu với người')).toBe('người thị trường Nhật Bản dẫn đầu với người');
    expect(withoutRepeats('nhà vệ sinh hợp vệ sinh')).toBe('nhà vệ sinh hợp vệ sinh');
    expect(withoutRepeats('số hộ nghèo và số hộ cận nghèo')).toBe('số hộ nghèo và số hộ cận nghèo');
    expect(withoutRepeats('doanh thu dịch vụ viễn thông')).toBe('doanh thu dịch vụ viễn thông');
  });
});
