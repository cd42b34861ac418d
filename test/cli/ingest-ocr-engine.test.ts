import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chooseOcrEngine, nativeTesseractVersion } from '../../src/read/ocr/ocr-native-engine.js';
import { ensureBuilt, ROOT, solieu } from './cli-harness.js';
import { NEEDS_TESSERACT } from '../needs.js';

/** `solieu ingest --ocr-engine native`: the tesseract command with the npm model, or one clear error. */
const SCAN = '../shared/corpus-real/phutho_STTTT_275-STTTT-CNTT_2011_scan.pdf';
const dir = mkdtempSync(join(tmpdir(), 'solieu-ocr-engine-'));

beforeAll(() => ensureBuilt(), 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ingest --ocr-engine', () => {
  it('refuses an unknown engine, and native without the tesseract command, in one line before reading anything', () => {
    const unknown = solieu(['ingest', SCAN, '--db', join(dir, 'a.db'), '--ocr-engine', 'cuda']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim()).toBe('solieu: --ocr-engine must be auto, wasm or native (got "cuda")');
    // a PATH with node only
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    symlinkSync(process.execPath, join(bin, 'node'));
    const missing = spawnSync(process.execPath, [join(ROOT, 'bin', 'solieu.js'), 'ingest', SCAN, '--db', join(dir, 'b.db'), '--ocr-engine', 'native'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, PATH: bin },
    });
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim().split('\n')).toEqual([
      'solieu: --ocr-engine native needs the tesseract command (Debian: apt-get install tesseract-ocr); or use --ocr-engine wasm',
    ]);
  });

  it('auto, the default, runs the native command where it is installed and tesseract.js elsewhere, and the summary says which', () => {
    expect(chooseOcrEngine('auto', 'no-such-tesseract-command')).toBe('wasm');
    expect(chooseOcrEngine('auto')).toBe(nativeTesseractVersion() ? 'native' : 'wasm');
    expect(chooseOcrEngine('wasm')).toBe('wasm');
    expect(chooseOcrEngine('native', 'no-such-tesseract-command')).toBe('native');
    // a PATH with node only: auto falls back to tesseract.js and says so
    const bin = join(dir, 'bin-auto');
    mkdirSync(bin);
    symlinkSync(process.execPath, join(bin, 'node'));
    const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'solieu.js'), 'ingest', SCAN, '--db', join(dir, 'auto.db'), '--quiet'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, PATH: bin },
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/2 pages \(2 read by OCR, tesseract\.js\)/u);
  }, 300_000);

  (nativeTesseractVersion() ? it : it.skip)(
    `reads a real scan with the native engine${nativeTesseractVersion() ? '' : ` ${NEEDS_TESSERACT}`}`,
    () => {
      const db = join(dir, 'native.db');
      const run = solieu(['ingest', SCAN, '--db', db, '--ocr-engine', 'native', '--quiet']);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/1 stored .* 2 pages \(2 read by OCR, native tesseract\)/u);
      const shown = solieu(['show', SCAN.split('/').pop() as string, '--db', db]);
      // OCR of the two engines differs by a mark here and there on this hard page (`TRUYỆN`)
      expect(shown.stdout).toMatch(/agency\s+SỞ THÔNG TIN VÀ TRUY\S+N THÔNG/u);
      expect(shown.stdout).toMatch(/type\s+công văn/u);
    },
    300_000,
  );
});
