import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ocrWorkersPerSlot } from '../../src/cli/ingest/pipeline-executor.js';
import { ensureBuilt, solieu, type CliResult } from './cli-harness.js';

/**
 * `solieu ingest` on a real two-page scan, in worker threads: the OCR'd pages show in the
 * progress lines (stderr is not a terminal here) and in the summary.
 */
const SCAN = '../shared/corpus-real/phutho_STTTT_275-STTTT-CNTT_2011_scan.pdf';
const dir = mkdtempSync(join(tmpdir(), 'solieu-ocr-progress-'));
let run: CliResult;

beforeAll(() => {
  ensureBuilt();
  run = solieu(['ingest', SCAN, '--db', join(dir, 'db.sqlite'), '--concurrency', '2']);
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ingest progress with OCR', () => {
  it('reports each OCR page as it is read, and the count in the summary', () => {
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/1 stored .* 2 pages \(2 read by OCR, (?:tesseract\.js|native tesseract)\)/u);
    // the last progress line counts them too
    const lines = run.stderr.split('\n').filter((l) => l.startsWith('ingest: '));
    expect(lines.at(-1)).toMatch(/1\/1 files, 2 pages \(2 OCR'd\)/u);
    // a line while the file is being read names the page just OCR'd (a 300 dpi page takes
    // seconds, more than the 2 s between progress lines); one file alone has its two pages read
    // at once on the two cores, so either may come first
    expect(lines.some((l) => /0\/1 files.*phutho_STTTT_275.*: OCR page [12] \(/u.test(l))).toBe(true);
  });
});

describe('OCR workers per pipeline slot', () => {
  it('shares the cores out: one file alone gets them all, a batch one per slot', () => {
    expect(ocrWorkersPerSlot(1, 2)).toBe(2);
    expect(ocrWorkersPerSlot(2, 2)).toBe(1);
    expect(ocrWorkersPerSlot(4, 2)).toBe(1);
    expect(ocrWorkersPerSlot(2, 8)).toBe(4);
  });
});
