import { beforeAll, describe, expect, it } from '@jest/globals';
import { loadImage } from '@napi-rs/canvas';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, solieu } from './cli-harness.js';

const FIXTURE = 'fixtures/reports';

describe('solieu compare --chart', () => {
  const dir = mkdtempSync(join(tmpdir(), 'solieu-chart-'));
  const db = join(dir, 'chart.db');
  beforeAll(() => {
    ensureBuilt();
    const r = solieu(['ingest', FIXTURE, '--db', db, '--ocr', 'never', '--quiet']);
    if (r.code !== 0) throw new Error(`ingest of the fixtures failed: ${r.stdout}${r.stderr}`);
  });

  it('writes the comparison as an SVG chart: the metric, its readable unit, every province compared', () => {
    const out = join(dir, 'revenue.svg');
    const r = solieu(['compare', '--metric', 'telecom-revenue', '--db', db, '--format', 'json', '--chart', out]);
    expect(r.code).toBe(0);
    const rows = (JSON.parse(r.stdout) as { rows: { province: string }[] }).rows;
    const svg = readFileSync(out, 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('Doanh thu viễn thông');
    expect(svg).toContain('Đơn vị: tỷ đồng');
    for (const p of new Set(rows.map((x) => x.province))) expect(svg).toContain(p);
  });

  it('writes a PNG of the same chart, and refuses other extensions', async () => {
    const out = join(dir, 'revenue.png');
    expect(solieu(['compare', '--metric', 'telecom-revenue', '--db', db, '--chart', out, '--province', 'current']).code).toBe(0);
    const image = await loadImage(readFileSync(out));
    expect([image.width, image.height]).toEqual([1920, 1040]);
    const bad = solieu(['compare', '--metric', 'telecom-revenue', '--db', db, '--chart', join(dir, 'x.gif')]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--chart writes .svg or .png');
  });
});
