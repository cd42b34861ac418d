import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeBombs } from '../../scripts/make-bombs.js';

/** What scripts/read-peak.ts prints for one file read alone in a fresh process. */
interface PeakReport {
  status: string;
  reason: string | null;
  rule: string | null;
  warnings: string[];
  peakMb: number;
  seconds: number;
}

function readAlone(path: string): PeakReport {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/read-peak.ts', path], { encoding: 'utf8', timeout: 240_000 });
  if (run.status !== 0) throw new Error(`read-peak ${path} ended ${run.status ?? run.signal}: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as PeakReport;
}

/** A worker reads one file at a time; what it may hold reading a bomb. */
const WORKER_BUDGET_MB = 1024;

describe('what a file may inflate to is bounded', () => {
  let dir: string;
  let bombs: Awaited<ReturnType<typeof makeBombs>>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'solieu-bombs-'));
    bombs = await makeBombs(dir);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a DOCX whose document.xml unpacks to 300 MB is refused with one line, memory bounded', () => {
    const r = readAlone(bombs.docx);
    process.stdout.write(`docx bomb: peak ${r.peakMb} MB, ${r.seconds} s\n`);
    expect(r).toMatchObject({ status: 'failed', rule: 'read:too-large-unpacked' });
    expect(r.reason).toBe('word/document.xml unpacks to more than 16 MB (limit 16 MB per XML part: a zip bomb, or far larger than any report)');
    expect(r.peakMb).toBeLessThan(WORKER_BUDGET_MB);
  }, 240_000);

  it('a PDF whose content stream inflates to 512 MB is refused with one line, memory bounded', () => {
    const r = readAlone(bombs.flate);
    process.stdout.write(`flate bomb: peak ${r.peakMb} MB, ${r.seconds} s\n`);
    expect(r).toMatchObject({ status: 'failed', rule: 'read:too-large-unpacked' });
    expect(r.reason).toMatch(
      /^a compressed stream inflates to more than 64 MB \(at byte \d+ of the file; a decompression bomb, or far larger than any report\)$/u,
    );
    expect(r.peakMb).toBeLessThan(WORKER_BUDGET_MB);
  }, 240_000);

  it('a PDF whose page is a 40000 × 40000 image is not drawn: the document fails saying why, memory bounded', () => {
    const r = readAlone(bombs.image);
    process.stdout.write(`image bomb: peak ${r.peakMb} MB, ${r.seconds} s\n`);
    expect(r).toMatchObject({ status: 'failed', rule: 'read:no-text' });
    expect(r.reason).toBe('the document has no text: 1 image(s) over 40 million pixels (40000×40000) are not drawn: OCR does not see them');
    expect(r.warnings).toContain('read:image-too-large: 1 image(s) over 40 million pixels (40000×40000) are not drawn: OCR does not see them');
    expect(r.peakMb).toBeLessThan(WORKER_BUDGET_MB);
  }, 240_000);
});
