import type { FactKind } from '../../schemas/fact.js';
import { QUALIFIERS } from './qualifier-lexicon.js';

/** Words that end a metric phrase on the left (verbs and linkers before the number). */
const TRAILING = [
  'ước đạt', 'ước thực hiện', 'ước tính', 'ước', 'đạt', 'là', 'có', 'được', 'chiếm', 'tăng', 'giảm', 'với',
  'khoảng', 'gần', 'hơn', 'trên', 'dưới', 'đến', 'lên', 'gồm', 'bằng', 'tổng', 'cho', 'của', 'đã', 'và',
  'xếp thứ', 'xếp hạng thứ', 'thứ',
  ...QUALIFIERS.map((q) => q.words),
].sort((a, b) => b.length - a.length);

const MAX_WORDS = 10;

function tidy(phrase: string): string {
  return phrase.replace(/\s+/g, ' ').replace(/^[\s,;:\-+.]+|[\s,;:\-+.]+$/g, '').trim();
}

function stripTrailing(phrase: string): string {
  let p = tidy(phrase);
  for (let changed = true; changed; ) {
    changed = false;
    for (const w of TRAILING) {
      if (p === w || p.endsWith(` ${w}`)) {
        p = tidy(p.slice(0, p.length - w.length));
        changed = true;
      }
    }
  }
  return p;
}

/**
 * The noun phrase naming what is measured, in the report's words: for a count, the counted noun
 * and what follows it in the clause (`thuê bao di động trả trước phát triển mới`); for money,
 * percentages and bare numbers, the phrase before the figure (`doanh thu dịch vụ viễn thông`).
 */
export function metricPhrase(text: string, clauseStart: number, start: number, unitStart: number, unitEnd: number, kind: FactKind): string {
  if ((kind === 'count' || kind === 'ratio') && unitEnd > unitStart) {
    const rest = text.slice(unitStart, Math.min(text.length, unitStart + 160));
    const stop = rest.search(/[,;:().]|\s\d|\s(?:và|tăng|giảm|so với)\s/u);
    const words = (stop >= 0 ? rest.slice(0, stop) : rest).split(/\s+/).slice(0, MAX_WORDS).join(' ');
    const phrase = tidy(words);
    if (phrase) return phrase.toLowerCase() === phrase ? phrase : phrase[0].toLowerCase() + phrase.slice(1);
  }
  const before = stripTrailing(text.slice(clauseStart, start));
  const words = before.split(/\s+/).filter(Boolean);
  const phrase = tidy(words.slice(-MAX_WORDS).join(' '));
  return phrase ? phrase[0].toLowerCase() + phrase.slice(1) : '';
}
