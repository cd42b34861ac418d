import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Document } from '../../schemas/document.js';
import { PIPELINE_VERSION } from '../../pipelines/report-pipeline.js';
import { inProcessExecutor } from '../../src/cli/ingest/pipeline-executor.js';
import { DocumentStore } from '../../src/store/document-store.js';
import { openDb } from '../../src/store/open-db.js';
import { queryFacts, toExportRow } from '../../src/store/fact-query.js';
import { jsonlRecord } from '../../src/export/jsonl-writer.js';
import { characterErrorRate } from '../../src/read/ocr/ocr-error-rate.js';
import type { OcrEngine } from '../../src/read/ocr/ocr-scheduler.js';
import { evalSets, type EvalSet } from './eval-sets.js';
import { realTreeScores, type TreeScore } from './tree-eval.js';
import { keyOf, loadGoldSet, predictionSpans, scoreGold, SCORED_FIELDS, type GoldScore, type ScoredRow } from './gold-scorer.js';

export interface SetResult {
  set: EvalSet;
  score: GoldScore;
  /** The scored predictions (export rows with their evidence), after the coverage filter. */
  rows: ScoredRow[];
  /** The maintainers' score.mjs on the same predictions: null when it agrees, else what differs. */
  scorerDisagreement: string | null;
  trees: { doc: string; equal: boolean; pathsEqual: boolean; titleCer: number; differing: string[] }[];
  notes: string[];
}

export interface EvalOptions {
  shared?: string;
  /** Only the sets with these names (`dev/pdf`, `real`, `tables`) or name prefixes (`dev`). */
  sets?: string[];
  /** Include the slow sets (OCR of the scans) when no set list is given. */
  ocr?: boolean;
  ocrEngine?: OcrEngine;
  /** Where the predictions are written (JSON Lines, the export contract), for score.mjs. */
  outDir?: string;
}

/**
 * Run the product on every gold set exactly as `solieu ingest` + `solieu export --format jsonl`
 * would — the ingest executor's pipeline, the store, the export rows — and score the predictions
 * against the gold with the maintainers' rules.
 */
export async function runEval(options: EvalOptions = {}): Promise<SetResult[]> {
  const shared = resolve(options.shared ?? join(process.cwd(), '..', 'shared'));
  const outDir = options.outDir ?? join('out', 'eval');
  mkdirSync(outDir, { recursive: true });
  const wanted = evalSets(shared).filter((s) => (options.sets ? options.sets.some((w) => s.name === w || s.name.startsWith(`${w}/`)) : !s.slow || options.ocr));
  const executor = inProcessExecutor({ read: { ocr: 'auto', ocrEngine: options.ocrEngine ?? 'wasm' } });
  const results: SetResult[] = [];
  try {
    for (const set of wanted) results.push(await runSet(set, executor, outDir, shared));
  } finally {
    await executor.close();
  }
  return results;
}

async function runSet(set: EvalSet, executor: ReturnType<typeof inProcessExecutor>, outDir: string, shared: string): Promise<SetResult> {
  const db = await openDb(':memory:');
  const store = new DocumentStore(db);
  const notes: string[] = [];
  const trees: SetResult['trees'] = [];
  for (const file of set.files) {
    const doc = await executor.process(file);
    if (doc.status === 'failed') notes.push(`${file}: ${doc.messages.find((m) => m.severity === 'fail')?.reason ?? 'failed'}`);
    await store.save(doc, PIPELINE_VERSION);
    const tree = compareTree(keyOf(file), doc);
    if (tree) trees.push(tree);
  }
  const { gold, texts } = loadGoldSet(set.goldDir, set.textDir, set.docs);
  const rows = (await queryFacts(db))
    .map((r): ScoredRow => ({ ...toExportRow(r), evidence: r.evidence }))
    .filter((r) => covered(set, r, texts.get(keyOf(r.file)) ?? ''));
  await db.close();
  const jsonl = join(outDir, `${set.name.replace(/\//g, '-')}.jsonl`);
  writeFileSync(jsonl, rows.map((r) => `${jsonlRecord(r)}\n`).join(''));
  const score = scoreGold(gold, texts, rows);
  return { set, score, rows, scorerDisagreement: checkAgainstScoreMjs(shared, set, jsonl, score), trees, notes };
}

/** Is this prediction inside what the gold set's annotators covered? */
function covered(set: EvalSet, row: ScoredRow, text: string): boolean {
  const c = set.coverage?.find((x) => x.key === keyOf(row.file));
  if (!c) return true;
  if (c.lastPage !== undefined && row.page > c.lastPage) return false;
  const end = c.endOffset;
  if (end !== undefined && row.page === c.lastPage) {
    const spans = predictionSpans(text, row.quote);
    return spans.length === 0 || spans.some(([s]) => s < end);
  }
  return true;
}

/** Run ../shared/tools/score.mjs on the same file; say what differs from the port (null when all agrees). */
function checkAgainstScoreMjs(shared: string, set: EvalSet, jsonl: string, mine: GoldScore): string | null {
  const scorer = join(shared, 'tools', 'score.mjs');
  if (!existsSync(scorer)) return 'score.mjs not found: the figures are the port only';
  const args = [scorer, set.goldDir, jsonl, '--text', set.textDir, '--json', ...(set.docs ? ['--docs', set.docs.join(',')] : [])];
  const out = JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 26 })) as {
    tp: number;
    fp: number;
    fn: number;
    fieldAccuracy: Record<string, number | null>;
  };
  const diffs: string[] = [];
  for (const k of ['tp', 'fp', 'fn'] as const) if (out[k] !== mine[k]) diffs.push(`${k} ${mine[k]} vs score.mjs ${out[k]}`);
  for (const f of SCORED_FIELDS) {
    const a = mine.fieldAccuracy[f];
    const b = out.fieldAccuracy[f];
    if ((a === null) !== (b === null) || (a !== null && b !== null && Math.abs(a - b) > 1e-12)) diffs.push(`${f} ${a} vs score.mjs ${b}`);
  }
  return diffs.length ? diffs.join('; ') : null;
}

/** Compare a document's section tree with its hand-checked golden file in fixtures/golden/, if there is one. */
function compareTree(key: string, doc: Document): SetResult['trees'][number] | undefined {
  const path = join('fixtures', 'golden', `${key}.sections.json`);
  if (!existsSync(path)) return undefined;
  const golden = JSON.parse(readFileSync(path, 'utf8')) as { path: string; title: string }[];
  const got = new Map(doc.sections.map((s) => [s.path, s.title]));
  const want = new Map(golden.map((s) => [s.path, s.title]));
  const differing = [...new Set([...want.keys(), ...got.keys()])].filter((p) => want.get(p) !== got.get(p));
  const pathsEqual = golden.map((s) => s.path).join('|') === doc.sections.map((s) => s.path).join('|');
  const titleCer = pathsEqual ? Math.max(0, ...golden.map((s) => characterErrorRate(s.title, got.get(s.path) ?? '').cer)) : 1;
  return { doc: key, equal: differing.length === 0 && golden.length === doc.sections.length, pathsEqual, titleCer, differing };
}

/** Heading-tree accuracy on the real corpus, per document (`fixtures/golden/real`). */
export async function runTreeEval(options: Pick<EvalOptions, 'shared' | 'ocr' | 'ocrEngine'> = {}): Promise<TreeScore[]> {
  const shared = resolve(options.shared ?? join(process.cwd(), '..', 'shared'));
  // the scans' trees need OCR (minutes): only with --ocr
  const executor = inProcessExecutor({ read: options.ocr ? { ocr: 'auto', ocrEngine: options.ocrEngine ?? 'wasm' } : { ocr: 'never' } });
  try {
    return await realTreeScores(shared, executor, options.ocr === true);
  } finally {
    await executor.close();
  }
}
