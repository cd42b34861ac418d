import type { Section } from '../../schemas/document.js';
import { romanValue } from '../text/roman-numerals.js';

/**
 * Heading labels at the start of a paragraph: `Phần I`, `Chương II`, `Mục 1`, `Điều 3.`, Roman `I.`, Arabic `1.`/`1)`,
 * multi-level `1.1.`/`2.3.1` and letters `a)`…`đ)` in Vietnamese alphabet order. Only the
 * shape is read here; whether a label really opens a section is decided by the sequence
 * (heading-segmenter). Shapes that are numbers, not labels, do not parse: `2.500 thuê bao`
 * (a thousands group), `10 tháng đầu năm` (no separator), `03/02/1930` (a date), `11.5%`.
 */

export type LabelKind = Section['kind'];

export interface HeadingLabel {
  kind: LabelKind;
  /** Normalized label used in paths: `I`, `2`, `2.1`, `b`, `Phần I`. */
  label: string;
  /** The label as written, with its punctuation: `I.`, `2.1.`, `b)`. */
  written: string;
  /** Position in its sequence: Roman/Arabic value, letter index (a = 1); multi-level: the last part. */
  value: number;
  /** Multi-level: the parts (`2.3.1` → [2, 3, 1]). */
  parts?: number[];
  /** The text after the label. */
  rest: string;
  /** The punctuation after the number (`.`, `)`, or '' when none): `1.` and `1)` are different sequences. */
  sep: string;
}

/** Vietnamese list letters in order (no ă â ê ô ơ ư, which are not used as labels); f j w z as some writers use them. */
export const LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z'];
/** Letters a writer may skip without it being a gap in the sequence. */
const OPTIONAL_LETTERS = new Set(['f', 'j', 'w', 'z']);

/** Steps from one letter to the next, not counting letters Vietnamese lists skip (`e` → `g`). */
export function letterDistance(from: number, to: number): number {
  let d = 0;
  for (let i = from + 1; i <= to; i++) if (i === to || !OPTIONAL_LETTERS.has(LETTERS[i])) d++;
  return d;
}

const PART = /^(Phần|PHẦN)\s+(thứ\s+\p{L}+|THỨ\s+\p{L}+|[IVXLC]+|\d{1,2})\s*[.:–-]?\s*(.*)$/u;
/** `Chương I`, `Mục 2`, `Điều 3.`: the levels of legal texts, a number after the word. */
const LEGAL = /^(Chương|CHƯƠNG|Mục|MỤC|Điều|ĐIỀU)\s+([IVXLC]+|\d{1,3})(?![\p{L}\d])\s*([.:–-]?)\s*(.*)$/u;
const LEGAL_KIND: Record<string, LabelKind> = { chương: 'chapter', mục: 'division', điều: 'article' };
const ROMAN = /^([IVXLC]{1,7})\s*[.)]\s*(\S.*)$/u;
const MULTI = /^(\d{1,2}(?:\.\d{1,2}){1,4})(?!\d)(\.?)(?:\s+|(?=\p{Lu}))(\S.*)$/u;
const ARABIC = /^(\d{1,2})\s*([.)])\s*([\p{L}"“(].*)$/u;
const LETTER = /^([a-zđ])\s*([).])\s+(\S.*)$/u;
const CAPITALS = ['A', 'B', 'C', 'D', 'Đ', 'E', 'G', 'H'];
const CAPITAL_PART = /^([A-EĐGH])\.\s+(\p{Lu}{2,}(?:[\s,]+\p{Lu}{1,}){2,}.*)$/u;
const PART_WORDS: Record<string, number> = { nhất: 1, một: 1, hai: 2, ba: 3, tư: 4, bốn: 4, năm: 5, sáu: 6 };

/** Read the label at the start of a paragraph, if it has the shape of one. */
export function parseLabel(text: string): HeadingLabel | undefined {
  const t = text.trim();
  let m = PART.exec(t);
  if (m) {
    const token = m[2];
    const word = /^thứ\s+(\p{L}+)$/iu.exec(token);
    const value = word ? PART_WORDS[word[1].toLocaleLowerCase('vi')] : /^\d+$/.test(token) ? Number(token) : romanValue(token);
    if (value) return { kind: 'part', label: `Phần ${token}`, written: `${m[1]} ${token}`, value, rest: m[3], sep: '' };
  }
  m = LEGAL.exec(t);
  if (m) {
    const word = m[1].toLocaleLowerCase('vi');
    const value = /^\d+$/.test(m[2]) ? Number(m[2]) : romanValue(m[2]);
    const name = word.charAt(0).toLocaleUpperCase('vi') + word.slice(1);
    // `Điều 5 của Luật …` in a sentence is a reference, not a label: an article label has its
    // punctuation or stands alone; a chapter or division may be followed by its title directly
    const standsAlone = m[3] !== '' || m[4] === '' || word !== 'điều';
    if (value && standsAlone) return { kind: LEGAL_KIND[word], label: `${name} ${m[2]}`, written: `${m[1]} ${m[2]}${m[3]}`, value, rest: m[4], sep: m[3] };
  }
  // `A. KẾT QUẢ …`, `B. PHƯƠNG HƯỚNG …`: a capital letter over Roman numerals, its title in capitals — a part (`C.` too, never
  // the Roman 100)
  m = CAPITAL_PART.exec(t);
  if (m && m[2].slice(0, 24) === m[2].slice(0, 24).toLocaleUpperCase('vi'))
    return { kind: 'part', label: m[1], written: `${m[1]}.`, value: CAPITALS.indexOf(m[1]) + 1, rest: m[2], sep: '.' };
  m = ROMAN.exec(t);
  if (m) {
    const value = romanValue(m[1]);
    if (value) {
      const written = t.slice(0, t.length - m[2].length).trim();
      return { kind: 'roman', label: m[1], written, value, rest: m[2], sep: written.slice(-1) };
    }
  }
  m = MULTI.exec(t);
  if (m) {
    const parts = m[1].split('.').map(Number);
    if (parts.every((p) => p > 0))
      return { kind: 'multilevel', label: m[1], written: m[1] + m[2], value: parts[parts.length - 1], parts, rest: m[3], sep: m[2] };
  }
  m = ARABIC.exec(t);
  if (m && Number(m[1]) > 0) return { kind: 'arabic', label: String(Number(m[1])), written: `${m[1]}${m[2]}`, value: Number(m[1]), rest: m[3], sep: m[2] };
  m = LETTER.exec(t);
  if (m) {
    // `a.` is a label only before a capital (`a. Kết quả`); `a)` before anything
    if (m[2] === '.' && !/^\p{Lu}/u.test(m[3])) return undefined;
    return { kind: 'letter', label: m[1], written: `${m[1]}${m[2]}`, value: LETTERS.indexOf(m[1]) + 1, rest: m[3], sep: m[2] };
  }
  return undefined;
}
