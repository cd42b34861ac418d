import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Document } from '../../schemas/document.js';
import type { Fact } from '../../schemas/fact.js';
import { loadGold } from './gold-set.js';
import { characterErrorRate } from '../../src/read/ocr-error-rate.js';
import { matchFacts, placeGold, type Matching, type PlacedGold } from './matcher.js';
import { loadPipeline, runPipeline, type RenditionFormat } from './pipeline-runner.js';
import type { OcrEngine } from '../../src/read/ocr-scheduler.js';
import { score, type Score } from './score.js';

/** The renditions of each gold document, by file suffix. */
export const RENDITIONS: { name: string; suffix: string; format: RenditionFormat; slow?: boolean }[] = [
  { name: 'source.txt', suffix: '.source.txt', format: 'text' },
  { name: 'pdf', suffix: '.pdf', format: 'pdf' },
  { name: 'docx', suffix: '.docx', format: 'docx' },
  { name: 'autonum.docx', suffix: '.autonum.docx', format: 'docx' },
  { name: 'tcvn3.docx', suffix: '.tcvn3.docx', format: 'docx' },
  // OCR of the image-only scans: minutes, so only when asked for (`--ocr` or `--rendition scan.pdf`).
  { name: 'scan.pdf', suffix: '.scan.pdf', format: 'ocr', slow: true },
];

export interface DocResult {
  doc: string;
  rendition: string;
  text: string;
  matching: Matching;
  placed: PlacedGold[];
  facts: Fact[];
  fallback: boolean;
  /**
   * The document's section tree against the hand-checked golden tree in fixtures/golden/: `equal`
   * when paths and titles are identical; `pathsEqual` when the paths are, with `titleCer` the
   * largest character error rate of a title (OCR noise in titles, `quý 1/2020` for `quý I/2020`).
   */
  tree: { golden: boolean; equal: boolean; pathsEqual: boolean; titleCer: number; differing: string[] };
}

export interface EvalResult {
  byRendition: Record<string, { score: Score; docs: string[]; fallback: boolean }>;
  overall: Score;
  docs: DocResult[];
  notes: string[];
}

export interface EvalOptions {
  shared?: string;
  renditions?: string[];
  /** Include the slow renditions (OCR of scans) when no rendition list is given. */
  ocr?: boolean;
  /** Which OCR engine reads the scans (default wasm, tesseract.js). */
  ocrEngine?: OcrEngine;
}

/** Run the pipeline on every rendition of every gold document and score it. */
export async function runEval(options: EvalOptions = {}): Promise<EvalResult> {
  const shared = resolve(options.shared ?? join(process.cwd(), '..', 'shared'));
  const gold = loadGold(join(shared, 'gold'));
  const pipeline = await loadPipeline(options.ocrEngine);
  const notes = [...pipeline.notes];
  const docs: DocResult[] = [];
  const wanted = RENDITIONS.filter((r) => (options.renditions ? options.renditions.includes(r.name) : !r.slow || options.ocr));
  for (const r of wanted) {
    for (const [key, goldFacts] of gold) {
      const path = join(shared, 'corpus', `${key}${r.suffix}`);
      if (!existsSync(path)) continue;
      const run = await runPipeline(pipeline, path, r.format);
      if (run.note) notes.push(`${key}${r.suffix}: ${run.note}`);
      if (!run.doc) continue;
      docs.push(evaluateDoc(key, r.name, run.doc, goldFacts, run.fallback ?? false));
    }
  }
  await pipeline.close();
  const byRendition: EvalResult['byRendition'] = {};
  for (const r of wanted) {
    const rs = docs.filter((d) => d.rendition === r.name);
    if (rs.length) byRendition[r.name] = { score: score(rs.map((d) => d.matching)), docs: rs.map((d) => d.doc), fallback: rs.some((d) => d.fallback) };
  }
  return { byRendition, overall: score(docs.map((d) => d.matching)), docs, notes: [...new Set(notes)] };
}

function evaluateDoc(key: string, rendition: string, doc: Document, goldFacts: ReturnType<typeof loadGold> extends Map<string, infer G> ? G : never, fallback: boolean): DocResult {
  const placed = placeGold(doc.text, goldFacts);
  const matching = matchFacts(placed, doc.facts, (f) => f.prov);
  return { doc: key, rendition, text: doc.text, matching, placed, facts: doc.facts, fallback, tree: compareTree(key, doc) };
}

/** Compare a document's section tree with its golden file: the paths whose title differs or that are missing/extra. */
function compareTree(key: string, doc: Document): DocResult['tree'] {
  const path = join('fixtures', 'golden', `${key}.sections.json`);
  if (!existsSync(path)) return { golden: false, equal: false, pathsEqual: false, titleCer: 1, differing: [] };
  const golden = JSON.parse(readFileSync(path, 'utf8')) as { path: string; title: string }[];
  const got = new Map(doc.sections.map((s) => [s.path, s.title]));
  const want = new Map(golden.map((s) => [s.path, s.title]));
  const differing = [...new Set([...want.keys(), ...got.keys()])].filter((p) => want.get(p) !== got.get(p));
  const pathsEqual = golden.map((s) => s.path).join('|') === doc.sections.map((s) => s.path).join('|');
  const titleCer = pathsEqual ? Math.max(0, ...golden.map((s) => characterErrorRate(s.title, got.get(s.path) ?? '').cer)) : 1;
  return { golden: true, equal: differing.length === 0 && golden.length === doc.sections.length, pathsEqual, titleCer, differing };
}
