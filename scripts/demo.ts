/**
 * `npm run demo`: ingest the bundled sample reports, then show what solieu is for — one
 * report's metadata and heading tree, a few of its facts, one indicator compared across the
 * reports — and the commands to go on with. Runs the real CLI (`bin/solieu.js`), so what it
 * prints is what a user gets.
 *
 *   npx tsx scripts/demo.ts [--db solieu.db]
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = process.cwd();
const args = process.argv.slice(2);
const dbAt = args.indexOf('--db');
const db = dbAt >= 0 && args[dbAt + 1] ? args[dbAt + 1] : 'solieu.db';
const REPORT = 'bao-cao-thang-8-2021.txt';
const METRIC = 'telecom-revenue';

function step(title: string, cliArgs: string[]): void {
  process.stdout.write(`\n── ${title}\n$ solieu ${cliArgs.join(' ')}\n`);
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'solieu.js'), ...cliArgs], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) {
    process.stderr.write(`demo: \`solieu ${cliArgs.join(' ')}\` failed (exit ${r.status ?? r.signal})\n`);
    process.exit(r.status ?? 1);
  }
}

step('Read the sample reports (text, Word, PDF) into a database', ['ingest', 'fixtures/reports', '--db', db, '--quiet']);
step('One report: its metadata and heading tree', ['show', REPORT, '--db', db]);
step('Its first facts: value, unit, kind/aspect, period, metric, the words they came from', [
  'facts',
  '--doc',
  REPORT,
  '--order',
  'document',
  '--limit',
  '8',
  '--db',
  db,
]);
step('One indicator across every report, in one unit', ['compare', '--metric', METRIC, '--db', db]);

const next: [string, string][] = [
  [`facts --db ${db} --below 0.7`, 'the facts the extractor is least sure of'],
  [`compare --metric "thuê bao" --db ${db}`, 'words that fit several metrics list them by id'],
  [`review --db ${db}`, 'accept / fix / reject facts in the browser'],
  [`export --format xlsx --out facts.xlsx --db ${db}`, 'Facts, Compare and Sources sheets'],
  [`ingest <your folder> --db ${db}`, 'your own reports (.pdf .docx .doc .txt .md, scans)'],
];
const width = Math.max(...next.map(([c]) => c.length));
process.stdout.write(`\n── Next (run as npx solieu … from this folder)\n${next.map(([c, what]) => `  solieu ${c.padEnd(width)}  ${what}`).join('\n')}\n`);
