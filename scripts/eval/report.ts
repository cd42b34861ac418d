import type { DocResult, EvalResult } from './run-eval.js';
import { FIELDS, type Score } from './score.js';

const pct = (x: number): string => (x * 100).toFixed(1).padStart(6);

function context(text: string, start: number, end: number): string {
  const a = Math.max(0, start - 60);
  const b = Math.min(text.length, end + 60);
  return `${text.slice(a, start)}[[${text.slice(start, end)}]]${text.slice(end, b)}`.replace(/\s+/g, ' ');
}

export function scoreTable(name: string, s: Score): string[] {
  const lines = [`${name}: P ${pct(s.overall.precision)}  R ${pct(s.overall.recall)}  F1 ${pct(s.overall.f1)}   (tp ${s.overall.tp}, fp ${s.overall.fp}, fn ${s.overall.fn})`];
  for (const [k, v] of Object.entries(s.byKind)) lines.push(`  kind ${k.padEnd(8)} P ${pct(v.precision)}  R ${pct(v.recall)}  F1 ${pct(v.f1)}   (tp ${v.tp}, fp ${v.fp}, fn ${v.fn})`);
  lines.push('  accuracy among matched: ' + FIELDS.map((f) => `${f} ${pct(s.fields[f].accuracy).trim()}%`).join(', '));
  lines.push('  precision by confidence: ' + s.buckets.map((b) => `[${b.range}] ${b.facts ? pct(b.precision).trim() + '%' : '–'} of ${b.facts}`).join('  '));
  lines.push(`  lowest-confidence fifth holds ${pct(s.lowestFifthErrorShare).trim()}% of the false positives`);
  return lines;
}

function fieldErrors(d: DocResult): string[] {
  const out: string[] = [];
  for (const p of d.matching.pairs) {
    const g = p.gold.gold as unknown as Record<string, unknown>;
    const f = p.fact as unknown as Record<string, unknown>;
    const wrong = FIELDS.filter((k) => {
      const gv = g[k] ?? null;
      const fv = f[k] ?? null;
      return k === 'base_unit' ? String(gv).toLowerCase() !== String(fv).toLowerCase() : gv !== fv;
    });
    if (wrong.length) out.push(`  ${d.doc} ${JSON.stringify(p.fact.quote)}: ${wrong.map((k) => `${k} ${JSON.stringify(f[k] ?? null)} ≠ gold ${JSON.stringify(g[k] ?? null)}`).join('; ')}`);
  }
  return out;
}

/** The whole human-readable report. */
export function renderReport(r: EvalResult, detailsFor = 'source.txt'): string {
  const lines: string[] = ['solieu extraction eval', ''];
  for (const note of r.notes) lines.push(`note: ${note}`);
  lines.push('');
  for (const [name, v] of Object.entries(r.byRendition)) {
    lines.push(...scoreTable(`${name}${v.fallback ? ' (stand-in pipeline)' : ''}`, v.score));
    const docs = r.docs.filter((d) => d.rendition === name && d.tree.golden);
    const equal = docs.filter((d) => d.tree.equal);
    const noisy = docs.filter((d) => !d.tree.equal && d.tree.pathsEqual).map((d) => `${d.doc} (title CER ≤ ${(d.tree.titleCer * 100).toFixed(1)}%)`);
    const wrong = docs.filter((d) => !d.tree.pathsEqual).map((d) => `${d.doc} (${d.tree.differing.slice(0, 5).join(', ')})`);
    lines.push(
      `  section trees equal to the golden tree: ${equal.length}/${docs.length}` +
        (noisy.length ? `; same paths, titles with OCR noise: ${noisy.join('; ')}` : '') +
        (wrong.length ? `; paths differ: ${wrong.join('; ')}` : ''),
      '',
    );
  }
  lines.push(...scoreTable('all renditions', r.overall), '');
  for (const d of r.docs.filter((x) => x.rendition === detailsFor)) {
    lines.push(`== ${d.doc}.${d.rendition}: misses (${d.matching.missed.length})`);
    for (const m of d.matching.missed) {
      lines.push(m.found ? `  MISS ${JSON.stringify(m.gold.quote)} value ${m.gold.value}: ${context(d.text, m.start, m.end)}` : `  MISS ${JSON.stringify(m.gold.quote)}: quote not found in the text`);
    }
    lines.push(`== ${d.doc}.${d.rendition}: false positives (${d.matching.falsePositives.length})`);
    for (const f of d.matching.falsePositives) lines.push(`  FP ${JSON.stringify(f.quote)} value ${f.value} conf ${f.confidence}: ${context(d.text, f.prov.start, f.prov.end)}`);
    lines.push(`== ${d.doc}.${d.rendition}: field errors among matched`);
    lines.push(...fieldErrors(d));
  }
  return lines.join('\n');
}
