import type { Block } from '../../schemas/document.js';
import { parseLabel } from './heading-label.js';

/**
 * A second document inside the file, after the first one's body has begun: an annex
 * (`Phụ lục I`, `PHỤ LỤC`, alone on its line or before its title in capitals) or a document of
 * its own — a type word alone in capitals (`QUYẾT ĐỊNH`, `KẾ HOẠCH` …) under the national motto
 * (`Độc lập - Tự do - Hạnh phúc`) a few paragraphs above. The enacting word of a decision
 * (`QUYẾT ĐỊNH:`) has its colon and is not one. A letter has no type word: a second letter starts
 * where its subject line (`V/v …`, `Về việc …`) follows its own motto and `Số:` line once the first
 * document's body has begun; its root is `CÔNG VĂN` and its title the subject. The second document
 * starts its own tree.
 */

export interface EmbeddedStart {
  /** Root path and label: `Phụ lục I`, `QUYẾT ĐỊNH`. */
  label: string;
  /** Its title: the capital words after `Phụ lục I`, else the next paragraph when it reads as a title. */
  title: string;
  /** The following blocks the title was taken from (0 or 1). */
  titleBlocks: number;
}

const ANNEX = /^([Pp]hụ\s+lục|PHỤ\s+LỤC)(?:\s+(số\s+)?([IVXLC]+|\d{1,2}))?\s*[.:–-]?\s*(.*)$/u;
const TYPE = /^(QUYẾT ĐỊNH|KẾ HOẠCH|BÁO CÁO|CHỈ THỊ|THÔNG BÁO|TỜ TRÌNH|NGHỊ QUYẾT|HƯỚNG DẪN|QUY CHẾ|QUY ĐỊNH|CÔNG VĂN|ĐỀ ÁN|CHƯƠNG TRÌNH)$/u;
const MOTTO = /Độc\s+lập\s*[-–—]\s*Tự\s+do\s*[-–—]\s*Hạnh\s+phúc/iu;
const LOOK_BACK = 8;
const SUBJECT = /^(?:V\/v|Về\s+việc)\s+\S/u;
const NUMBER_LINE = /^s[ốo]\s*[:.]?\s*\S/iu;
const SALUTATION = /^Kính\s+gửi/iu;
/** A body paragraph this long is the text of a document, not its header. */
const BODY_TEXT = 150;

function isCapitals(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length > 0 && letters === letters.toLocaleUpperCase('vi');
}

/** A title-like next paragraph: not a label, not the motto, not a long sentence. */
function nextTitle(next: Block | undefined): string | undefined {
  if (!next || next.cell || next.role !== 'body') return undefined;
  const t = next.text.trim();
  if (parseLabel(t) || MOTTO.test(t) || t.length > 400 || /^\(/u.test(t)) return undefined;
  return t;
}

export function embeddedStart(blocks: readonly Block[], at: number): EmbeddedStart | undefined {
  const b = blocks[at];
  if (b.role !== 'body' || b.cell) return undefined;
  const text = b.text.trim();
  const annex = ANNEX.exec(text);
  if (annex) {
    const rest = annex[4].trim();
    if (rest !== '' && !isCapitals(rest)) return undefined; // `Phụ lục kèm theo …` in a sentence
    const label = annex[3] ? `Phụ lục ${annex[3]}` : 'Phụ lục';
    if (rest) return { label, title: rest, titleBlocks: 0 };
    const title = nextTitle(blocks[at + 1]);
    return { label, title: title ?? '', titleBlocks: title !== undefined ? 1 : 0 };
  }
  const type = TYPE.exec(text);
  if (!type) return letterStart(blocks, at);
  const motto = blocks.slice(Math.max(0, at - LOOK_BACK), at).some((p) => MOTTO.test(p.text));
  if (!motto) return undefined;
  const title = nextTitle(blocks[at + 1]);
  return { label: type[1], title: title ?? '', titleBlocks: title !== undefined ? 1 : 0 };
}

/** A second letter: its subject line under its own motto and number, after the first one's body. */
function letterStart(blocks: readonly Block[], at: number): EmbeddedStart | undefined {
  const text = blocks[at].text.trim();
  if (!SUBJECT.test(text)) return undefined;
  const from = Math.max(0, at - LOOK_BACK);
  const motto = blocks.slice(from, at).findIndex((p) => MOTTO.test(p.text));
  if (motto < 0 || !blocks.slice(from + motto, at).some((p) => NUMBER_LINE.test(p.text.trim()))) return undefined;
  const bodyBegun = blocks.slice(0, from + motto).some((p) => p.role === 'body' && !p.cell && p.text.length >= BODY_TEXT);
  if (!bodyBegun) return undefined;
  // a subject wraps over a few short lines, up to the salutation
  const parts = [text];
  let next = at + 1;
  while (next < blocks.length && next - at <= 3) {
    const b = blocks[next];
    const t = b.text.trim();
    if (b.cell || b.role !== 'body' || SALUTATION.test(t) || parseLabel(t) || t.length > 120) break;
    parts.push(t);
    next++;
  }
  return { label: 'CÔNG VĂN', title: parts.join(' '), titleBlocks: next - at - 1 };
}
