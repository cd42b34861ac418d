/**
 * OCR accuracy and speed on the corpus scans: character error rate of `ocrPdf` against the
 * matching `.source.txt`, and seconds per page. Writes out/eval-ocr.json.
 *
 *   npx tsx scripts/eval-ocr.ts                      # 002, 003, 004 with the defaults
 *   npx tsx scripts/eval-ocr.ts --docs 003 --deskew  # one document, one variant
 *   npx tsx scripts/eval-ocr.ts --docs 003 --no-embedded --dpi 300 --out out/eval-ocr-300.json
 *   npx tsx scripts/eval-ocr.ts --param tessedit_do_invert=1  # a tesseract parameter on every page
 *   npx tsx scripts/eval-ocr.ts --no-diacritics      # tone marks as OCR read them (no dictionary repair)
 *   npx tsx scripts/eval-ocr.ts --engine native      # the tesseract command instead of tesseract.js
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SourceFile } from '../src/core/source-file.js';
import { characterErrorRate } from '../src/read/ocr/ocr-error-rate.js';
import { ocrPdf } from '../src/read/ocr/ocr-reader.js';
import { createOcrScheduler, type OcrModel } from '../src/read/ocr/ocr-scheduler.js';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '002,003,004' },
    corpus: { type: 'string', default: '../shared/corpus' },
    dpi: { type: 'string', default: '300' },
    'no-embedded': { type: 'boolean', default: false },
    deskew: { type: 'boolean', default: false },
    'no-repair': { type: 'boolean', default: false },
    /** Leave OCR's tone marks as read (no dictionary repair). */
    'no-diacritics': { type: 'boolean', default: false },
    model: { type: 'string', default: 'best_int' },
    threshold: { type: 'string' },
    /** A tesseract parameter for every page, `name=value`; repeatable (e.g. --param tessedit_do_invert=1). */
    param: { type: 'string', multiple: true, default: [] },
    workers: { type: 'string' },
    /** wasm (tesseract.js, default) or native (the tesseract command with the same model). */
    engine: { type: 'string', default: 'wasm' },
    out: { type: 'string', default: 'out/eval-ocr.json' },
  },
});

interface DocScore {
  doc: string;
  pages: number;
  seconds: number;
  secondsPerPage: number;
  cer: number;
  cerMissed: number;
  referenceChars: number;
  hypothesisChars: number;
  meanConfidence: number;
  repairs: number;
}

async function main(): Promise<void> {
  const corpus = resolve(values.corpus);
  const settings = {
    engine: values.engine,
    dpi: Number(values.dpi),
    embedded: !values['no-embedded'],
    deskew: values.deskew,
    repairNumbers: !values['no-repair'],
    repairDiacritics: !values['no-diacritics'],
    model: values.model as OcrModel,
    thresholdingMethod: values.threshold,
    parameters: values.param,
  };
  const parameters: Record<string, string> = {};
  if (values.threshold) parameters.thresholding_method = values.threshold;
  for (const spec of values.param) {
    const [name, value] = spec.split('=');
    if (!name || value === undefined) throw new Error(`--param wants name=value, got "${spec}"`);
    parameters[name] = value;
  }
  if (values.engine !== 'wasm' && values.engine !== 'native') throw new Error(`--engine wants wasm or native, got "${values.engine}"`);
  const scheduler = await createOcrScheduler({
    engine: values.engine,
    workers: values.workers ? Number(values.workers) : undefined,
    model: settings.model,
    parameters,
    onPage: (e) => process.stderr.write(`  ${e.source} p${e.page}: ${e.seconds.toFixed(1)} s, confidence ${e.confidence.toFixed(2)}\n`),
  });
  const scores: DocScore[] = [];
  try {
    for (const doc of values.docs.split(',')) {
      const path = join(corpus, `${doc}.scan.pdf`);
      const file = new SourceFile(path, await readFile(path));
      const reference = await readFile(join(corpus, `${doc}.source.txt`), 'utf8');
      const started = performance.now();
      const result = await ocrPdf(file, { ...settings, scheduler });
      const seconds = (performance.now() - started) / 1000;
      const text = result.raw.map((b) => b.text).join('\n');
      const rate = characterErrorRate(reference, text);
      const confidences = result.pages.map((p) => p.ocrConfidence ?? 0);
      const score: DocScore = {
        doc,
        pages: result.pages.length,
        seconds: round(seconds),
        secondsPerPage: round(seconds / result.pages.length),
        cer: round(rate.cer, 4),
        cerMissed: round(rate.cerMissed, 4),
        referenceChars: rate.referenceChars,
        hypothesisChars: rate.hypothesisChars,
        meanConfidence: round(confidences.reduce((a, b) => a + b, 0) / Math.max(1, confidences.length), 3),
        repairs: result.repairs.length,
      };
      scores.push(score);
      console.log(
        `${doc}: ${score.pages} pages, ${score.secondsPerPage} s/page (${scheduler.workers} workers), CER ${pct(score.cer)} (missed ${pct(score.cerMissed)}), confidence ${score.meanConfidence}, ${score.repairs} number repairs`,
      );
    }
  } finally {
    await scheduler.terminate();
  }
  const pages = scores.reduce((a, s) => a + s.pages, 0);
  const chars = scores.reduce((a, s) => a + s.referenceChars, 0);
  const summary = {
    pages,
    secondsPerPage: round(scores.reduce((a, s) => a + s.seconds, 0) / Math.max(1, pages)),
    cer: round(scores.reduce((a, s) => a + s.cer * s.referenceChars, 0) / Math.max(1, chars), 4),
    cerMissed: round(scores.reduce((a, s) => a + s.cerMissed * s.referenceChars, 0) / Math.max(1, chars), 4),
  };
  console.log(`all: ${summary.pages} pages, ${summary.secondsPerPage} s/page, CER ${pct(summary.cer)} (missed ${pct(summary.cerMissed)})`);
  await mkdir(dirname(values.out), { recursive: true });
  const report = { date: new Date().toISOString(), workers: scheduler.workers, settings, summary, documents: scores };
  await writeFile(values.out, `${JSON.stringify(report, null, 2)}\n`);
}

function round(value: number, digits = 2): number {
  return Math.round(value * 10 ** digits) / 10 ** digits;
}

function pct(value: number): string {
  return `${(value * 100).toFixed(2)}%`;
}

await main();
