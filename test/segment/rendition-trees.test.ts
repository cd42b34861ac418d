import { existsSync, readFileSync } from 'node:fs';
import { createReportPipeline } from '../../pipelines/report-pipeline.js';
import { runPipeline, SourceFile } from '../../src/core/run-pipeline.js';

/**
 * The section tree (paths + titles) of 002/003/004 is the same from every rendition — plain
 * text, typed-number DOCX, Word auto-numbered DOCX, PDF text layer, TCVN3 DOCX — and equals
 * the golden file checked by hand against the source text (fixtures/golden/).
 */

const CORPUS = '../shared/corpus';
const RENDITIONS = ['source.txt', 'docx', 'autonum.docx', 'pdf', 'tcvn3.docx'];
const cases = ['002', '003', '004'].flatMap((key) => RENDITIONS.filter((r) => existsSync(`${CORPUS}/${key}.${r}`)).map((r) => [key, r] as const));

async function tree(path: string) {
  const stages = createReportPipeline({ read: { ocr: 'never' }, extract: false });
  const doc = await runPipeline(stages, new SourceFile(path, readFileSync(path)));
  return { doc, sections: doc.sections.map((s) => ({ path: s.path, title: s.title })) };
}

describe('section trees agree across renditions', () => {
  it('covers every rendition of the corpus, TCVN3 included', () => {
    expect(cases.length).toBeGreaterThanOrEqual(13);
    expect(cases).toContainEqual(['003', 'tcvn3.docx']);
  });

  it.each(cases)('%s.%s gives the golden tree', async (key, rendition) => {
    const golden = JSON.parse(readFileSync(`fixtures/golden/${key}.sections.json`, 'utf8')) as unknown[];
    const { doc, sections } = await tree(`${CORPUS}/${key}.${rendition}`);
    expect(doc.status).toBe('ok');
    expect(sections).toEqual(golden);
  });

  it.each(cases)('%s.%s: every section and block carries file, page and a span that points at its text', async (key, rendition) => {
    const { doc } = await tree(`${CORPUS}/${key}.${rendition}`);
    for (const b of doc.blocks) {
      expect(b.prov.source).toBe(`${CORPUS}/${key}.${rendition}`);
      expect(b.prov.page).toBeGreaterThanOrEqual(1);
      expect(doc.text.slice(b.prov.start, b.prov.end)).toBe(b.text);
    }
    for (const s of doc.sections) {
      expect(s.prov.page).toBeGreaterThanOrEqual(1);
      expect(doc.text.slice(s.prov.start, s.prov.end)).toContain(s.title.slice(0, 20));
    }
  });
});
