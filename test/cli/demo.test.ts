import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, ROOT } from './cli-harness.js';

describe('npm run demo', () => {
  it('is scripts/demo.ts', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.demo).toBe('tsx scripts/demo.ts --db solieu.db');
  });

  it('shows a report, a few of its facts, one metric compared, and the commands to go on with', () => {
    ensureBuilt();
    const db = join(mkdtempSync(join(tmpdir(), 'solieu-demo-')), 'demo.db');
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/demo.ts', '--db', db], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.stderr).toMatch(/^8 fact\(s\)\n$/);
    expect(r.status).toBe(0);
    const out = r.stdout;
    expect(out).toMatch(/ingested 8 file\(s\): 8 stored/);
    expect(out).toMatch(/sections \(\d+\):/);
    const facts = out.slice(out.indexOf('$ solieu facts'), out.indexOf('$ solieu compare'));
    expect(facts).toContain('    id  conf  status    section    value unit');
    expect(facts.split('\n').filter((l) => /«.+» bao-cao-thang-8-2021\.txt:p1$/.test(l))).toHaveLength(8);
    expect(out).toMatch(/^Doanh thu viễn thông \(telecom-revenue\)$/m);
    const next = out.slice(out.indexOf('── Next'));
    for (const command of ['facts', 'compare', 'review', 'export'])
      expect(next).toMatch(new RegExp(`^  solieu ${command} .*--db ${db.replace(/[.]/g, '\\.')}`, 'm'));
  });
});
