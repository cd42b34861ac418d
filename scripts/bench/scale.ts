/**
 * Bench section: batch ingestion and the read side at scale (issue 4).
 * - ingest 100 and 1,000 generated reports with the built CLI (worker threads, both cores):
 *   documents/min and peak RSS, to see that memory stays flat as the batch grows;
 * - `compare` and `export` on a database of 100,000 facts: milliseconds.
 *
 * Standalone: `npx tsx scripts/bench/scale.ts [--docs 1000] [--facts 100000]` (needs `npm run build`).
 * From scripts/bench.ts: `import { benchScale, formatScaleBench } from './bench/scale.js'`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { makeScaleCorpus } from '../make-scale-corpus.js';
import { openDb } from '../../src/store/open-db.js';
import { queryFacts, toExportRow } from '../../src/store/fact-query.js';
import { buildCompareMatrix } from '../../src/export/compare-matrix.js';
import { compareMetric } from '../../src/export/compare-report.js';
import { writeCsv } from '../../src/export/csv-writer.js';
import { writeXlsx } from '../../src/export/xlsx-writer.js';
import { sourceRows } from '../../src/store/source-query.js';
import { lookupMetric } from '../../src/resolve/metric-matcher.js';
import { METRIC_CATALOG } from '../../schemas/metric-catalog.js';

export interface IngestRun {
  docs: number;
  seconds: number;
  docsPerMinute: number;
  peakRssMb: number;
  rssAt100Mb: number | null;
  rssAtEndMb: number;
}

export interface ScaleBenchResult {
  ingest: IngestRun[];
  facts: number;
  /** First compare call in this process (cold caches, JIT), then the median of the next ones. */
  compareColdMs: number;
  compareMedianMs: number;
  compareCalls: number;
  /** `solieu compare` as a user runs it: a new process, start-up included. */
  compareCliMs: number;
  compareRows: number;
  exportCsvMs: number;
  exportXlsxMs: number;
}

interface IngestMeasure {
  seconds: number;
  peakRssMb: number;
  /** Resident memory when the database first held 100 documents, and when it first held them all. */
  rssAt100Mb: number | null;
  rssAtEndMb: number;
  code: number;
}

/**
 * Run the built CLI and sample, every 100 ms, its resident memory (/proc) and how many
 * documents the database holds (a WAL reader beside the writer), until it exits.
 */
function ingestMeasured(files: string, db: string): Promise<IngestMeasure> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['bin/solieu.js', 'ingest', files, '--db', db, '--quiet', '--concurrency', '2'], { stdio: 'ignore' });
    let peak = 0;
    let rss = 0;
    let rssAt100: number | null = null;
    let stored = 0;
    let rssAtEnd = 0;
    let reader: Database.Database | undefined;
    const timer = setInterval(() => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const resident = /VmRSS:\s+(\d+) kB/.exec(status);
        // an exited process not yet reaped has no memory lines: nothing to read
        if (!resident) return;
        peak = Math.max(peak, Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024);
        rss = Number(resident[1]) / 1024;
        if (existsSync(db)) {
          reader ??= new Database(db, { readonly: true, fileMustExist: true });
          const { n } = reader.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number };
          if (rssAt100 === null && n >= 100) rssAt100 = rss;
          // the reading when the last document was stored (not later, while the workers shut down)
          if (n > stored) [stored, rssAtEnd] = [n, rss];
        }
      } catch {
        // the process has just exited, or the schema is not there yet: keep the last reading
      }
    }, 100);
    child.on('exit', (code) => {
      clearInterval(timer);
      reader?.close();
      resolve({ seconds: (performance.now() - t0) / 1000, peakRssMb: peak, rssAt100Mb: rssAt100, rssAtEndMb: rssAtEnd, code: code ?? -1 });
    });
  });
}

/** Grow a database to `target` facts by cloning stored documents under new ids. */
async function growFacts(dbPath: string, target: number): Promise<number> {
  await (await openDb(dbPath)).close(); // the newest schema
  const db = new Database(dbPath); // the bench's own SQLite-only shortcut: rows cloned in SQL
  const have = () => (db.prepare('SELECT COUNT(*) n FROM facts').get() as { n: number }).n;
  const docs = db.prepare('SELECT id FROM documents').all() as { id: string }[];
  let copy = 0;
  while (have() < target) {
    for (const { id } of docs) {
      if (have() >= target) break;
      const nid = `${id.slice(0, 10)}c${String(copy).padStart(5, '0')}`;
      db.transaction(() => {
        db.prepare(
          `INSERT INTO documents SELECT @nid, @sha, path, name || '#' || @copy, size, format, status, title, province, province_id, agency, doc_number,
             issue_date, report_type, report_period, page_count, pages_json, '', extractor_version, ingested_at FROM documents WHERE id = @id`,
        ).run({ nid, sha: `${nid}${'0'.repeat(64 - nid.length)}`, copy, id });
        db.prepare(
          `INSERT INTO sections SELECT @nid, idx, path, label, level, kind, title, page, start, end, section_end, period FROM sections WHERE doc_id = @id`,
        ).run({ nid, id });
        db.prepare(
          `INSERT INTO facts (doc_id, idx, quote, also, start, end, page, bbox, section, value, unit, base_value, base_unit, of, value_max, kind, aspect,
             direction, approx, metric, metric_id, period, confidence, evidence, status, version)
           SELECT @nid, idx, quote, also, start, end, page, bbox, section, value, unit, base_value, base_unit, of, value_max, kind, aspect,
             direction, approx, metric, metric_id, period, confidence, evidence, status, version FROM facts WHERE doc_id = @id`,
        ).run({ nid, id });
      })();
    }
    copy++;
  }
  const n = have();
  db.close();
  return n;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Wall milliseconds of one run of the built CLI. */
function timeCli(args: string[]): number {
  const t0 = performance.now();
  const run = spawnSync(process.execPath, ['bin/solieu.js', ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`bench: solieu ${args.join(' ')} exited with ${run.status}: ${run.stderr.trim()}`);
  return performance.now() - t0;
}

export async function benchScale(opts: { docs?: number; facts?: number } = {}): Promise<ScaleBenchResult> {
  const docs = opts.docs ?? 1000;
  const work = join('out', 'bench-scale');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const ingest: IngestRun[] = [];
  for (const n of [Math.min(100, docs), docs].filter((v, i, a) => a.indexOf(v) === i)) {
    const dir = join(work, `corpus-${n}`);
    makeScaleCorpus(n, dir);
    const db = join(work, `ingest-${n}.db`);
    const r = await ingestMeasured(dir, db);
    if (r.code !== 0) throw new Error(`bench ingest of ${n} documents exited with ${r.code}`);
    ingest.push({
      docs: n,
      seconds: r.seconds,
      docsPerMinute: (n / r.seconds) * 60,
      peakRssMb: r.peakRssMb,
      rssAt100Mb: r.rssAt100Mb,
      rssAtEndMb: r.rssAtEndMb,
    });
  }
  const big = join(work, `ingest-${docs}.db`);
  const facts = await growFacts(big, opts.facts ?? 100_000);
  const db = await openDb(big);
  const def = lookupMetric('telecom-revenue') ?? METRIC_CATALOG[0];
  const calls: number[] = [];
  let compareRows = 0;
  for (let i = 0; i < 11; i++) {
    const t0 = performance.now();
    compareRows = compareMetric(await queryFacts(db, { metricId: def.id }), def).length;
    calls.push(performance.now() - t0);
  }
  const [compareColdMs, ...warm] = calls;
  const compareCliMs = timeCli(['compare', '--metric', def.id, '--db', big, '--format', 'json']);
  const t1 = performance.now();
  const all = (await queryFacts(db)).map(toExportRow);
  await writeCsv(all, join(work, 'facts.csv'));
  const exportCsvMs = performance.now() - t1;
  const t2 = performance.now();
  await writeXlsx({ rows: all, compare: buildCompareMatrix(all, METRIC_CATALOG), sources: await sourceRows(db) }, join(work, 'facts.xlsx'));
  const exportXlsxMs = performance.now() - t2;
  await db.close();
  return { ingest, facts, compareColdMs, compareMedianMs: median(warm), compareCalls: warm.length, compareCliMs, compareRows, exportCsvMs, exportXlsxMs };
}

export function formatScaleBench(r: ScaleBenchResult): string {
  const lines = ['batch ingestion (built CLI, --concurrency 2; generated reports, a third each .txt, .pdf, .docx):'];
  for (const i of r.ingest)
    lines.push(
      `  ${String(i.docs).padStart(5)} docs  ${i.seconds.toFixed(1)} s  ${i.docsPerMinute.toFixed(0)} docs/min  peak RSS ${i.peakRssMb.toFixed(0)} MB`,
    );
  const big = r.ingest.at(-1);
  if (big && big.rssAt100Mb !== null && big.docs > 100) {
    lines.push(
      `  in the ${big.docs}-document run: RSS ${big.rssAt100Mb.toFixed(0)} MB when 100 documents were stored, ${big.rssAtEndMb.toFixed(0)} MB when all were ` +
        `(×${(big.rssAtEndMb / big.rssAt100Mb).toFixed(2)}; flat is ≈1)`,
    );
  }
  if (r.ingest.length === 2)
    lines.push(`  peak RSS, ${r.ingest[0].docs}- vs ${r.ingest[1].docs}-document run: ×${(r.ingest[1].peakRssMb / r.ingest[0].peakRssMb).toFixed(2)}`);
  lines.push(
    `on ${r.facts} facts: compare (${r.compareRows} reports; target < 100 ms) first call ${r.compareColdMs.toFixed(1)} ms, ` +
      `median of the next ${r.compareCalls} ${r.compareMedianMs.toFixed(1)} ms; \`solieu compare\` as a new process ${r.compareCliMs.toFixed(0)} ms (Node start-up included)`,
  );
  lines.push(`  export CSV ${r.exportCsvMs.toFixed(0)} ms, XLSX ${r.exportXlsxMs.toFixed(0)} ms`);
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { docs: { type: 'string', default: '1000' }, facts: { type: 'string', default: '100000' } } });
  const r = await benchScale({ docs: Number(values.docs), facts: Number(values.facts) });
  console.log(formatScaleBench(r));
}
