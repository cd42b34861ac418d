/**
 * Build a varied archive of N reports from the corpus, for the batch benchmark. By default a
 * third each of: text (a source report with its figures scaled by a seeded factor, its
 * province and report month changed, and a serial line), PDF and DOCX (the corpus renditions,
 * each made a distinct file by a serial: a PDF comment, bytes after the zip's end). So every
 * file is a distinct document, and the batch exercises pdfjs and the DOCX reader as a real archive
 * does. `--formats text` gives text only. Deterministic for a given N and seed.
 *
 *   npx tsx scripts/make-scale-corpus.ts --count 1000 --out out/scale-corpus [--formats text]
 */
import { appendFileSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { seededRandom } from './seeded-random.js';

const PROVINCES = ['Nam Định', 'Ninh Thuận', 'Trà Vinh', 'Phú Thọ', 'Đồng Tháp', 'Cao Bằng', 'Đắk Nông', 'Bình Dương', 'Hà Nam', 'Quảng Trị'];

/** Scale grouped figures like `1.600.000` and plain counts, keeping the Vietnamese format. */
function varyNumbers(text: string, factor: number): string {
  return text.replace(/(?<![\d/.,])(\d{1,3}(?:\.\d{3})+|\d{2,4})(?![\d/]|\.\d)/gu, (m) => {
    const n = Number(m.replace(/\./g, ''));
    if (n >= 1900 && n <= 2100) return m; // years stay
    const v = Math.max(1, Math.round(n * factor));
    return m.includes('.') ? v.toLocaleString('de-DE') : String(v);
  });
}

export type ScaleFormats = 'mixed' | 'text';

export function makeScaleCorpus(count: number, out: string, seed = 42, sources = ['002', '003', '004'], formats: ScaleFormats = 'mixed'): string[] {
  const texts = sources.map((k) => readFileSync(join('..', 'shared', 'corpus', `${k}.source.txt`), 'utf8'));
  mkdirSync(out, { recursive: true });
  const next = seededRandom(seed);
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const k = i % texts.length;
    const kind = formats === 'text' ? 'txt' : (['txt', 'pdf', 'docx'] as const)[Math.floor(i / texts.length) % 3];
    const province = PROVINCES[Math.floor(next() * PROVINCES.length)];
    const month = 1 + Math.floor(next() * 12);
    const factor = 0.6 + next() * 0.8;
    const file = join(out, `bao-cao-${String(i).padStart(5, '0')}.${kind}`);
    if (kind === 'txt') {
      let text = varyNumbers(texts[k], factor);
      text = text.replace(/(Nam Định|Ninh Thuận|Trà Vinh)/gu, province).replace(/tháng (\d{1,2})\/(\d{4})/u, `tháng ${String(month).padStart(2, '0')}/$2`);
      writeFileSync(file, `${text}\n\nBản lưu số ${i}.\n`);
    } else {
      copyFileSync(join('..', 'shared', 'corpus', `${sources[k]}.${kind}`), file);
      // a distinct file for the content hash: a comment after a PDF's end, padding after a zip's
      appendFileSync(file, kind === 'pdf' ? `\n%serial ${i}\n` : Buffer.from(`\0serial ${i}`));
    }
    files.push(file);
  }
  return files;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '1000' },
      out: { type: 'string', default: 'out/scale-corpus' },
      seed: { type: 'string', default: '42' },
      formats: { type: 'string', default: 'mixed' },
    },
  });
  if (values.formats !== 'mixed' && values.formats !== 'text') throw new Error(`--formats must be mixed or text (got "${values.formats}")`);
  const files = makeScaleCorpus(Number(values.count), values.out, Number(values.seed), undefined, values.formats);
  console.log(`wrote ${files.length} reports to ${values.out}`);
}
