import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createReportPipeline, parseReportPipelineOptions } from '../../pipelines/report-pipeline.js';
import { createReportRunner } from '../../pipelines/report-runner.js';
import { runPipeline, SourceFile } from '../../src/core/run-pipeline.js';

const T339 = join('..', 'shared', 'corpus-real', 'tables', 't339.pdf');
const names = (options: Parameters<typeof createReportPipeline>[0]) => createReportPipeline(options).map((s) => s.name);

describe('the report pipeline, assembled from one options object', () => {
  it('runs every stage by default, in order', () => {
    expect(names({})).toEqual(['read', 'normalize', 'segment', 'extract', 'resolve', 'locate', 'score']);
  });

  it('switches stages off by their section’s enabled flag, or false alone; without extract, nothing after it runs', () => {
    expect(names({ extract: false })).toEqual(['read', 'normalize', 'segment']);
    expect(names({ extract: { enabled: false, tables: false } })).toEqual(['read', 'normalize', 'segment']);
    expect(names({ score: false, resolve: { enabled: false } })).toEqual(['read', 'normalize', 'segment', 'extract', 'locate']);
  });

  it('fills every section with its stage’s defaults', () => {
    const o = parseReportPipelineOptions({ segment: { romanGap: 2 } });
    expect(o.segment).toMatchObject({ enabled: true, romanGap: 2 });
    expect(o.normalize).toMatchObject({ enabled: true, furniture: true, frontMatter: true });
    expect(o.extract).toMatchObject({ enabled: true, tables: true });
    expect(o.score).toMatchObject({ enabled: true, minConfidence: 0 });
    expect(o.read).toMatchObject({ ocr: 'auto', ocrEngine: 'auto' });
    expect(o.ocr).toEqual({ workers: 1 });
  });

  it('refuses an option its stage does not know, naming where it is', () => {
    expect(() => createReportPipeline({ segment: { romanGap: 9 } })).toThrow(/report-pipeline: invalid options — segment\.romanGap/);
    expect(() => createReportPipeline({ extract: { tabels: false } as never })).toThrow(/report-pipeline: invalid options — extract/);
    expect(() => createReportPipeline({ ocr: { workers: 0 } })).toThrow(/ocr\.workers/);
  });

  it('hands each stage its section: extract with tables off reads a table PDF’s cells as sentences (../shared t339)', async () => {
    const bytes = readFileSync(T339);
    const cells = await runPipeline(createReportPipeline({ read: { ocr: 'never' } }), new SourceFile(T339, bytes));
    const sentences = await runPipeline(createReportPipeline({ read: { ocr: 'never' }, extract: { tables: false } }), new SourceFile(T339, bytes));
    expect(cells.facts.filter((f) => f.row !== undefined).length).toBeGreaterThan(20);
    expect(sentences.facts.filter((f) => f.row !== undefined)).toEqual([]);
  });

  it('createReportRunner runs the same pipeline, its services built from the same options (../shared t339)', async () => {
    const bytes = readFileSync(T339);
    const runner = createReportRunner({ read: { ocr: 'never' } });
    try {
      const viaRunner = await runner.run(T339, bytes);
      const direct = await runPipeline(createReportPipeline({ read: { ocr: 'never' } }), new SourceFile(T339, bytes));
      expect(viaRunner.facts.length).toBeGreaterThan(50);
      expect(JSON.stringify(viaRunner)).toBe(JSON.stringify(direct));
    } finally {
      await runner.close();
    }
  });
});
