import type { Command } from 'commander';
import { DB_HELP, dbLocation, openDb } from '../../store/open-db.js';
import { queryFacts } from '../../store/fact-query.js';
import { queryMetric } from '../../resolve/metric-matcher.js';
import { currentProvinceLabel } from '../../resolve/province-resolver.js';
import type { MetricDef } from '../../../schemas/metric-catalog.js';
import { compareMetric, type CompareOptions, type CompareRow } from '../../export/compare-report.js';
import { comparePhrase, type PhraseComparison } from '../../export/compare-phrases.js';
import { csvField } from '../../export/csv-writer.js';
import { formatNumber, neutralizeText } from '../../export/cell-safety.js';
import { printable } from '../printable.js';
import { compareChart } from '../../export/compare-series.js';

export function registerCompare(program: Command, exit: (code: number) => void): void {
  program
    .command('compare')
    .description('one indicator across every stored report: province, period, value in a common unit, source')
    .requiredOption('--metric <id or words>', 'canonical metric id (e.g. telecom-revenue) or words (e.g. "doanh thu viễn thông")')
    .option('--db <file|url>', DB_HELP)
    .option('--format <format>', 'table, csv or json', 'table')
    .option(
      '--province <mode>',
      'written: the province as the report names it; current: the province it belongs to now (after the 2025 merger of 63 into 34)',
      'written',
    )
    .option('--by-phrase', 'compare the facts whose metric phrase holds the words asked, even where a catalog metric exists')
    .option('--chart <file>', 'also draw the comparison as a chart: .svg or .png (a line per province over periods, or bars for one period)')
    .addHelpText(
      'after',
      '\nWords that name one catalog metric compare it; words that fit several list them to pick by id. Words that no catalog\n' +
        'metric holds are compared by phrase: facts whose metric phrase holds most of the words (diacritics and case aside),\n' +
        'in their commonest base unit, one value per report; the phrases grouped are listed under the table.',
    )
    .action(async (o: { metric: string; db?: string; format: string; province: string; byPhrase?: boolean; chart?: string }) => {
      if (!['table', 'csv', 'json'].includes(o.format)) throw new Error(`--format must be table, csv or json (got "${o.format}")`);
      if (o.chart !== undefined && !/\.(svg|png)$/i.test(o.chart)) throw new Error(`--chart writes .svg or .png (got "${o.chart}")`);
      if (o.province !== 'written' && o.province !== 'current') throw new Error(`--province must be written or current (got "${o.province}")`);
      const shown: CompareOptions = o.province === 'current' ? { province: currentProvinceLabel } : {};
      const { metric: def, candidates, byWords, byPhrase: grouping } = queryMetric(o.metric, { byPhrase: o.byPhrase });
      const db = await openDb(dbLocation(o.db), { readonly: true });
      try {
        if (def) {
          if (byWords && o.format === 'table') process.stderr.write(`"${o.metric}": catalog metric ${def.id} (${def.name})\n`);
          const rows = compareMetric(await queryFacts(db, { metricId: def.id }), def, shown);
          if (o.chart) await writeChart(o.chart, rows, def.name, def.base_unit);
          printCompare(def.id, def.name, rows, o.format);
          exit(0);
          return;
        }
        // several catalog metrics fit: the user picks
        if (!grouping) {
          process.stderr.write(`${noSingleMetric(o.metric, candidates)}or compare the facts whose metric phrase holds these words: --by-phrase\n`);
          exit(1);
          return;
        }
        const byPhrase = comparePhrase(await queryFacts(db), o.metric, shown);
        if (byPhrase.rows.length === 0) {
          process.stderr.write(
            `${noSingleMetric(o.metric, candidates).replace(/\n$/, '')}\nno stored fact has a metric phrase with the words "${o.metric}" either\n`,
          );
          exit(1);
          return;
        }
        if (o.chart) await writeChart(o.chart, byPhrase.rows, o.metric, byPhrase.baseUnit);
        printCompare('', `"${o.metric}" by phrase (${byPhrase.baseUnit})`, byPhrase.rows, o.format, byPhrase.phrases);
        exit(0);
      } finally {
        await db.close();
      }
    });
}

/** Write the comparison's chart as SVG or PNG (by the file's extension); ECharts and the canvas load only then. */
async function writeChart(file: string, rows: CompareRow[], title: string, baseUnit: string): Promise<void> {
  const chart = compareChart(rows, title, baseUnit);
  const { renderChartPng, renderChartSvg } = await import('../../export/compare-chart.js');
  const { writeFile } = await import('node:fs/promises');
  await writeFile(file, /\.png$/i.test(file) ? renderChartPng(chart) : renderChartSvg(chart));
}

/** The message when `--metric` names no single metric: the candidates, one per line, to pick by id. */
export function noSingleMetric(asked: string, candidates: readonly MetricDef[]): string {
  if (candidates.length === 0) return `solieu: no canonical metric matches "${asked}" (list them with: solieu metrics)\n`;
  const width = Math.max(...candidates.map((m) => m.id.length));
  const lines = candidates.map((m) => `  ${m.id.padEnd(width)}  ${m.name}`);
  const what = candidates.length === 1 ? 'one catalog metric is close' : `${candidates.length} catalog metrics could be meant`;
  return `solieu: "${asked}" names no single metric; ${what} — pick one with --metric <id>:\n${lines.join('\n')}\n`;
}

function printCompare(id: string, name: string, rows: CompareRow[], format: string, phrases?: PhraseComparison['phrases']): void {
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify({ metric_id: id || null, metric: name, rows, ...(phrases ? { phrases } : {}) }, null, 2)}\n`);
    return;
  }
  const cols: (keyof CompareRow)[] = ['province', 'report_period', 'value', 'unit', 'period', 'approx', 'file', 'page', 'quote'];
  if (format === 'csv') {
    process.stdout.write(`\uFEFF${cols.join(',')}\r\n`);
    const cell = (r: CompareRow, c: keyof CompareRow): string =>
      typeof r[c] === 'number' ? formatNumber(r[c]) : csvField(neutralizeText(String(r[c]), c === 'period' || c === 'report_period' ? c : undefined));
    for (const r of rows) process.stdout.write(`${cols.map((c) => cell(r, c)).join(',')}\r\n`);
    return;
  }
  process.stdout.write(id ? `${name} (${id})\n` : `${name}\n`);
  const cells = rows.map((r) =>
    cols.map((c) => (c === 'value' ? r.value.toLocaleString('vi-VN') : c === 'approx' ? (r.approx === 'none' ? '' : `~${r.approx}`) : printable(String(r[c])))),
  );
  const widths = cols.map((c, i) => Math.min(60, Math.max(c.length, ...cells.map((row) => row[i].length))));
  process.stdout.write(`${cols.map((c, i) => c.padEnd(widths[i])).join('  ')}\n`);
  for (const row of cells)
    process.stdout.write(`${row.map((v, i) => (v.length > widths[i] ? `${v.slice(0, widths[i] - 1)}…` : v.padEnd(widths[i]))).join('  ')}\n`);
  if (rows.length === 0) process.stdout.write('(no report has a value for this metric)\n');
  if (phrases) {
    process.stdout.write(`phrases grouped (${phrases.length}):\n`);
    for (const p of phrases.slice(0, 20)) process.stdout.write(`  ${String(p.facts).padStart(4)}  ${printable(p.phrase)}\n`);
    if (phrases.length > 20) process.stdout.write(`  … and ${phrases.length - 20} more (--format json lists them all)\n`);
  }
}
