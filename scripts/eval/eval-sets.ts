import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The gold sets `npm run eval` scores, each a gold folder, the folder of the source texts its
 * quotes come from, and the files the product reads for it. What a set's README says is not
 * annotated is left out of the predictions before scoring (`coverage`).
 */
export interface EvalSet {
  /** `dev/pdf`, `real`, `tables` … */
  name: string;
  goldDir: string;
  textDir: string;
  /** Files to ingest (one per gold document). */
  files: string[];
  /** Only these gold documents (e.g. the TCVN3 rendition exists for one report). */
  docs?: string[];
  coverage?: Coverage[];
  /** Image-only renditions: read by OCR, minutes. */
  slow?: boolean;
}

/** A part of a gold document that its annotators left out (from the gold set's README). */
export interface Coverage {
  key: string;
  /** Predictions on later pages are not annotated. */
  lastPage?: number;
  /** Predictions whose quote sits only at or after this offset of the cleaned source text are not annotated. */
  endOffset?: number;
}

/** The renditions of the dev reports in ../shared/corpus, by file suffix. */
const DEV_RENDITIONS: { name: string; suffix: string; slow?: boolean }[] = [
  { name: 'source.txt', suffix: '.source.txt' },
  { name: 'pdf', suffix: '.pdf' },
  { name: 'docx', suffix: '.docx' },
  { name: 'autonum.docx', suffix: '.autonum.docx' },
  { name: 'tcvn3.docx', suffix: '.tcvn3.docx' },
  { name: 'scan.pdf', suffix: '.scan.pdf', slow: true },
];

function goldKeys(dir: string): string[] {
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((n) => n.endsWith('.gold.jsonl'))
        .map((n) => n.split('.')[0])
        .sort()
    : [];
}

/** Blind sets kept out of the confidence fit, to measure the model on documents it never saw (README, Measuring). */
export const HELD_OUT: readonly string[] = [
  'blind22',
  'blind23',
  'blind24',
  'blind25',
  'blind28',
  'blind29',
  'blind30',
  'blind31',
  'blind32',
  'blind33',
  'blind34',
  'blind35',
  'blind36',
  'blind37',
  'blind38',
  'blind39',
  // (blind41, blind45 and blind50: validation sets whose misses are kept unread; 40, 42–44, 46–49 and 51 were read after their
  // first look and are fit on)
  'blind41',
  'blind45',
  'blind50',
  'blind54',
  'blind58',
  'blind63',
  'blind67',
  'blind70',
  'blind74',
  'blind78',
  'blind81',
  'blind85',
  'blind90',
];

/** The blind sets, `fixtures/blind` and `fixtures/blind2` … `fixtures/blind91`. */
export const BLIND_SETS = ['blind', ...Array.from({ length: 90 }, (_, i) => `blind${i + 2}`)];

/** Every gold set present under `shared` (the dev reports per rendition, then real documents and tables). */
export function evalSets(shared: string): EvalSet[] {
  const sets: EvalSet[] = [];
  const devGold = join(shared, 'gold');
  const devKeys = goldKeys(devGold);
  for (const r of DEV_RENDITIONS) {
    const files = devKeys.map((k) => join(shared, 'corpus', `${k}${r.suffix}`)).filter(existsSync);
    if (!files.length) continue;
    const docs = files.map((f) => (f.split(/[\\/]/).pop() ?? '').split('.')[0]);
    sets.push({ name: `dev/${r.name}`, goldDir: devGold, textDir: join(shared, 'corpus'), files, docs, slow: r.slow });
  }
  // gold/real/README.md: r577 is annotated up to the caption of Bảng 2.5 (PDF page 8; offset 12,569 of the cleaned text).
  const real = join(shared, 'gold', 'real');
  const realText = join(shared, 'corpus-real', 'text');
  const realKeys = goldKeys(real).filter((k) => existsSync(join(realText, `${k}.pdf`)));
  if (realKeys.length) {
    sets.push({
      name: 'real',
      goldDir: real,
      textDir: realText,
      files: realKeys.map((k) => join(realText, `${k}.pdf`)),
      coverage: [{ key: 'r577', lastPage: 8, endOffset: 12569 }],
    });
  }
  // corpus-real/tables/README.md: t340 is annotated on pages 1–2 only.
  const tables = join(shared, 'gold', 'tables');
  const tableText = join(shared, 'corpus-real', 'tables');
  const tableKeys = goldKeys(tables).filter((k) => existsSync(join(tableText, `${k}.pdf`)));
  if (tableKeys.length) {
    sets.push({
      name: 'tables',
      goldDir: tables,
      textDir: tableText,
      files: tableKeys.map((k) => join(tableText, `${k}.pdf`)),
      coverage: [{ key: 't340', lastPage: 2 }],
    });
  }
  // fixtures/blind, blind2 … blind39: invented reports annotated without looking at the extractor (their README.md)
  for (const name of BLIND_SETS) {
    const dir = join('fixtures', name);
    const keys = goldKeys(join(dir, 'gold')).filter((k) => existsSync(join(dir, `${k}.txt`)));
    if (keys.length) sets.push({ name, goldDir: join(dir, 'gold'), textDir: join(dir, 'text'), files: keys.map((k) => join(dir, `${k}.txt`)) });
  }
  return sets;
}
