import { readFileSync } from 'node:fs';
import type { Document } from '../../schemas/document.js';
import type { RawBlock } from '../../schemas/raw-document.js';
import { newDocument } from '../../src/core/new-document.js';
import { SourceFile } from '../../src/core/source-file.js';
import { readText } from '../../src/read/text-reader.js';
import { createNormalizeStage } from '../../src/normalize/normalize-stage.js';
import { createSegmentStage } from '../../src/segment/segment-stage.js';

/** Test helper: read → normalize → segment on a text file or an in-memory text. */
export async function runText(path: string, bytes?: Buffer): Promise<{ doc: Document; file: SourceFile }> {
  const file = new SourceFile(path, bytes ?? readFileSync(path));
  const read = await readText(file);
  let doc: Document = { ...newDocument(file), raw: read.raw, pages: read.pages };
  doc.source.format = read.format;
  doc = await createNormalizeStage()(doc, file);
  doc = await createSegmentStage()(doc, file);
  return { doc, file };
}

/** Test helper: normalize → segment on raw blocks built in memory. */
export async function runRaw(raw: RawBlock[], name = 'mem.pdf'): Promise<{ doc: Document; file: SourceFile }> {
  const file = new SourceFile(name, Buffer.from(JSON.stringify(raw)));
  const pages = [...new Set(raw.map((b) => b.page))].map((page) => ({ page, origin: 'text-layer' as const, chars: 0, width: 595, height: 842 }));
  let doc: Document = { ...newDocument(file), raw, pages };
  doc = await createNormalizeStage()(doc, file);
  doc = await createSegmentStage()(doc, file);
  return { doc, file };
}

export const CORPUS = '../shared/corpus';
const GOLD = '../shared/gold';

export interface GoldFact {
  quote: string;
  section: string;
}

export function readGold(key: string): GoldFact[] {
  return readFileSync(`${GOLD}/${key}.gold.jsonl`, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as GoldFact);
}

/** Offset of the k-th occurrence (0-based) of a quote, per the gold convention. */
export function nthIndex(text: string, quote: string, k: number): number {
  let at = -1;
  for (let i = 0; i <= k; i++) {
    at = text.indexOf(quote, at + 1);
    if (at < 0) return -1;
  }
  return at;
}
