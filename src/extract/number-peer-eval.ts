/**
 * Score the number parser on the peers' corpora in `../shared/peer/` (Duckling's Vietnamese
 * numerals/money/ordinals, NeMo's Vietnamese normalisation pairs). Each example is read by the
 * reader for its class (number, amount, fraction, ordinal); the gate counts the examples that
 * carry a `value` and must reach 98% per file. Range/interval examples (min/max) are scored too,
 * on both ends, but reported apart. Examples where we disagree with the peer are listed as
 * skips with the reason (`PEER_SKIPS`), not silently dropped.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findNumbers, parseNumber } from './number-parser.js';
import { readAmount } from './number-amount.js';
import { parseFraction } from './number-fraction.js';
import { parseOrdinal } from './number-ordinal.js';

export const PEER_THRESHOLD = 0.98;
export const PEER_FILES = ['duckling-vi.jsonl', 'nemo-vi.jsonl'] as const;

interface PeerRow {
  dim?: string;
  direction?: string;
  class?: string;
  text?: string;
  spoken?: string;
  written?: string;
  kind?: string;
  value: number | null;
  min?: number;
  max?: number;
  embedded?: boolean;
  fraction?: boolean;
}

export interface PeerCase {
  file: string;
  line: number;
  /** `numeral`, `amount-of-money`, `itn/cardinal`, `tn/money` … */
  group: string;
  input: string;
  expected: { value?: number; min?: number; max?: number };
  got: { value?: number | null; min?: number; max?: number };
  ok: boolean;
  reason?: string;
}

export interface PeerGroupScore {
  scored: number;
  correct: number;
}

export interface PeerFileScore {
  file: string;
  /** Examples with a value (the gate). */
  scored: number;
  correct: number;
  rate: number;
  pass: boolean;
  /** Range/interval/limit examples, both ends checked. */
  bounds: PeerGroupScore;
  byGroup: Record<string, PeerGroupScore>;
  misses: PeerCase[];
  skips: Array<{ line: number; input: string; reason: string }>;
  /** Examples with no value and no bounds (the peer gives none), not scored. */
  noValue: number;
}

export interface PeerReport {
  threshold: number;
  pass: boolean;
  files: PeerFileScore[];
}

/**
 * Examples we read differently from the peer, on purpose. Key: `file:input`.
 * (Empty reasons are not allowed: every skip says why.)
 */
export const PEER_SKIPS: ReadonlyMap<string, string> = new Map<string, string>([]);

const close = (a: number | null | undefined, b: number | undefined): boolean =>
  a !== null && a !== undefined && b !== undefined && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

/** The reader for an example's class, on the side of the pair that is the input. */
function read(row: PeerRow, input: string): { value?: number | null; min?: number; max?: number } {
  const group = row.dim ?? row.class ?? '';
  if (group === 'ordinal') return { value: parseOrdinal(input) };
  if (group === 'fraction' || (row.fraction && !/[\p{L}]{2}/u.test(input))) return { value: parseFraction(input) };
  if (group === 'numeral' || group === 'cardinal' || group === 'decimal') {
    const whole = parseNumber(input);
    if (whole !== null || !row.embedded) return { value: whole };
  }
  const amount = readAmount(input);
  if (!amount) return { value: null };
  if (row.embedded && group !== 'measure' && group !== 'money') {
    const first = findNumbers(input)[0];
    return { value: first ? first.value * first.scale : null };
  }
  return { value: amount.value, min: amount.min, max: amount.max };
}

function inputOf(row: PeerRow): string {
  if (row.text !== undefined) return row.text;
  return (row.direction === 'itn' ? row.spoken : row.written) ?? '';
}

function describe(v: { value?: number | null; min?: number; max?: number }): string {
  const parts: string[] = [];
  if (v.value !== undefined) parts.push(v.value === null ? 'nothing' : String(v.value));
  if (v.min !== undefined) parts.push(`min ${v.min}`);
  if (v.max !== undefined) parts.push(`max ${v.max}`);
  return parts.join(', ') || 'nothing';
}

/** Score one peer file. */
export function scorePeerFile(path: string, file: string): PeerFileScore {
  const rows = readFileSync(path, 'utf8')
    .split('\n')
    .map((l, i) => ({ l, line: i + 1 }))
    .filter((r) => r.l.trim());
  const out: PeerFileScore = {
    file,
    scored: 0,
    correct: 0,
    rate: 0,
    pass: false,
    bounds: { scored: 0, correct: 0 },
    byGroup: {},
    misses: [],
    skips: [],
    noValue: 0,
  };
  for (const { l, line } of rows) {
    const row = JSON.parse(l) as PeerRow;
    const input = inputOf(row);
    const group = row.dim ?? `${row.direction}/${row.class}`;
    const hasValue = row.value !== null && row.value !== undefined;
    const hasBounds = row.min !== undefined || row.max !== undefined;
    if (!hasValue && !hasBounds) {
      out.noValue++;
      continue;
    }
    const skip = PEER_SKIPS.get(`${file}:${input}`);
    if (skip) {
      out.skips.push({ line, input, reason: skip });
      continue;
    }
    const got = read(row, input);
    const expected = hasValue ? { value: row.value as number } : { min: row.min, max: row.max };
    let ok: boolean;
    if (hasValue) ok = close(got.value, row.value as number);
    else {
      // a limit carries one end: `dưới X` max X; an interval both
      const lo = row.min === undefined || close(got.min ?? got.value, row.min);
      const hi = row.max === undefined || close(got.max ?? got.value, row.max);
      ok = lo && hi;
    }
    const tally = hasValue ? out : out.bounds;
    tally.scored++;
    if (ok) tally.correct++;
    const g = (out.byGroup[hasValue ? group : `${group} (bounds)`] ??= { scored: 0, correct: 0 });
    g.scored++;
    if (ok) g.correct++;
    if (!ok) out.misses.push({ file, line, group, input, expected, got, ok, reason: `read ${describe(got)}, expected ${describe(expected)}` });
  }
  out.rate = out.scored ? out.correct / out.scored : 0;
  out.pass = out.rate >= PEER_THRESHOLD;
  return out;
}

/** Score the parser on every peer file; `peerDir` defaults to `../shared/peer` beside the checkout. */
export function scorePeers(peerDir = join(process.cwd(), '..', 'shared', 'peer')): PeerReport {
  const files = PEER_FILES.filter((f) => existsSync(join(peerDir, f))).map((f) => scorePeerFile(join(peerDir, f), f));
  return { threshold: PEER_THRESHOLD, pass: files.length === PEER_FILES.length && files.every((f) => f.pass), files };
}

/** The report as a table and a list of misses, for people. */
export function renderPeerReport(r: PeerReport): string {
  const pct = (a: number, b: number): string => (b ? `${((100 * a) / b).toFixed(1)}%` : '-');
  const lines: string[] = [`peer scoring (gate ${pct(r.threshold, 1)} of value-carrying examples per file): ${r.pass ? 'PASS' : 'FAIL'}`];
  for (const f of r.files) {
    lines.push(
      '',
      `${f.file}: ${f.correct}/${f.scored} = ${pct(f.correct, f.scored)} ${f.pass ? 'pass' : 'FAIL'}; bounds ${f.bounds.correct}/${f.bounds.scored}; skipped ${f.skips.length}; no value ${f.noValue}`,
    );
    lines.push(`  ${'group'.padEnd(28)} ${'ok'.padStart(5)} ${'of'.padStart(5)}  rate`);
    for (const [g, s] of Object.entries(f.byGroup))
      lines.push(`  ${g.padEnd(28)} ${String(s.correct).padStart(5)} ${String(s.scored).padStart(5)}  ${pct(s.correct, s.scored)}`);
    for (const m of f.misses) lines.push(`  MISS ${f.file}:${m.line} [${m.group}] ${JSON.stringify(m.input)}: ${m.reason}`);
    for (const s of f.skips) lines.push(`  SKIP ${f.file}:${s.line} ${JSON.stringify(s.input)}: ${s.reason}`);
  }
  return lines.join('\n');
}
