/**
 * Builds the synthetic sample reports in `fixtures/reports/` — the files `npm run demo` ingests
 * and `test/fixtures/bundled-fixtures.test.ts` checks — so a fresh clone has something to run on
 * without the shared corpus. The reports are invented text written as data
 * (`scripts/fixtures/report-*.ts`); each is rendered as plain text and, where its spec asks, as
 * Word with typed heading numbers, Word with automatic numbering (numbering.xml) and a PDF with a
 * text layer. Beside them, `<name>.expected.json` holds the section tree, metadata, facts and
 * non-facts, generated from the same data.
 *
 * `npm run fixtures` (or `npx tsx scripts/build-fixtures.ts [dir]`) rewrites them. The output is
 * byte-for-byte the same on every run (fixed dates in the DOCX and PDF files).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expectedOf, formatExpected, layout, type Expected, type ReportSpec } from './fixtures/report-model.js';
import { renderText } from './fixtures/text-rendition.js';
import { renderDocx } from './fixtures/docx-rendition.js';
import { renderPdf } from './fixtures/pdf-rendition.js';
import { THANG_8_2021 } from './fixtures/report-thang-8-2021.js';
import { NAM_2024 } from './fixtures/report-nam-2024.js';
import { QUY_3_2023 } from './fixtures/report-quy-3-2023.js';

export const REPORTS: ReportSpec[] = [THANG_8_2021, NAM_2024, QUY_3_2023];
export const FIXTURE_DIR = 'fixtures/reports';

export interface BuiltReport {
  expected: Expected;
  /** File name → bytes, the expected JSON included. */
  files: Map<string, Buffer>;
}

/** The text rendition and the expected outputs of one report (fast, no DOCX/PDF). */
export function buildText(spec: ReportSpec): { text: string; expected: Expected; json: string } {
  const lines = layout(spec);
  const { text, starts } = renderText(lines);
  const expected = expectedOf(spec, lines, text, starts);
  return { text, expected, json: formatExpected(expected) };
}

/** Every file of one report. */
export async function buildReport(spec: ReportSpec): Promise<BuiltReport> {
  const { text, expected, json } = buildText(spec);
  const lines = layout(spec);
  const files = new Map<string, Buffer>();
  for (const r of spec.renditions) {
    const name = `${spec.name}.${r}`;
    if (r === 'txt') files.set(name, Buffer.from(text, 'utf8'));
    else if (r === 'docx') files.set(name, await renderDocx(spec, lines, { autoNumbering: false }));
    else if (r === 'autonum.docx') files.set(name, await renderDocx(spec, lines, { autoNumbering: true }));
    else files.set(name, await renderPdf(spec, lines));
  }
  files.set(`${spec.name}.expected.json`, Buffer.from(json, 'utf8'));
  return { expected, files };
}

async function main(): Promise<void> {
  const dir = resolve(process.argv[2] ?? FIXTURE_DIR);
  mkdirSync(dir, { recursive: true });
  let total = 0;
  for (const spec of REPORTS) {
    const { expected, files } = await buildReport(spec);
    for (const [name, bytes] of files) {
      writeFileSync(join(dir, name), bytes);
      total += bytes.length;
      console.log(`${join(dir, name)}  ${(bytes.length / 1024).toFixed(1)} KB`);
    }
    console.log(`  ${expected.sections.length} sections, ${expected.facts.length} facts, ${expected.non_facts.length} non-facts`);
  }
  console.log(`total ${(total / 1024).toFixed(1)} KB`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
