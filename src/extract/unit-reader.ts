import type { FactKind } from '../../schemas/fact.js';
import { vietWordList } from '../text/viet-word-list.js';
import { COORDINATED_NOUNS, COUNT_NOUNS, FOREIGN_MONEY, MEASURE_UNITS, MONEY_UNITS, NOT_NOUNS, RATE_DENOMINATORS } from './unit-lexicon.js';
import { isLetter, skipSpaces, wordAt } from './text-window.js';
import { splitsWord } from '../text/viet-word-list.js';

/** The unit read after a figure. */
export interface UnitReading {
  /** Unit as written, lower-cased, with the scale word (`tỷ đồng`, `triệu tài khoản`, `%`). */
  unit: string;
  baseUnit: string;
  kind: Extract<FactKind, 'money' | 'percent' | 'measure' | 'count'>;
  /** Where the unit ends in the block text (the quote ends here). */
  end: number;
  evidence: string[];
}

const byLength = (a: string, b: string): number => b.length - a.length;
const NOUNS = [...new Set(COUNT_NOUNS)].sort(byLength);
const COORD = [...new Set(COORDINATED_NOUNS)].sort(byLength);
const MEASURES = Object.keys(MEASURE_UNITS).sort(byLength);
const MONEY = Object.keys(MONEY_UNITS).sort(byLength);
/** Words that open with the money word but count people or things (`58 đồng chí`, `2.186 đồng hồ nước`). */
const NOT_MONEY = /^đồng\s+(?:chí|hồ|bào|nghiệp|đội)(?![\p{L}])/u;
const FOREIGN = Object.keys(FOREIGN_MONEY).sort(byLength);

/** The longest lexicon entry at `pos` as a whole word. */
export function longestAt(lower: string, pos: number, entries: string[]): string | undefined {
  return entries.find((e) => wordAt(lower, pos, e));
}

/** `/100 dân`, `/1 điểm`, `/ngày`: the tail of a rate or density, or undefined. */
function rateTail(lower: string, pos: number): number | undefined {
  // (a denominator of two syllables first: `người/đơn vị`, `thiết bị/thành phố`)
  const two = /^\/\s?([\p{L}]+ [\p{L}]+)(?![\p{L}\d])/u.exec(lower.slice(pos, pos + 24));
  if (two && RATE_DENOMINATORS.includes(two[1])) return rateTail(lower, pos + two[0].length) ?? pos + two[0].length;
  const m = /^\/\s?(?:(\d+)\s?)?([\p{L}]+[2²]?)/u.exec(lower.slice(pos, pos + 24));
  if (!m || !RATE_DENOMINATORS.includes(m[2])) return undefined;
  // a rate of two denominators (`lít/người/ngày`); `ngày đêm` is one day
  const end = pos + m[0].length + (m[2] === 'ngày' && /^ đêm(?!\p{L})/u.test(lower.slice(pos + m[0].length, pos + m[0].length + 5)) ? 4 : 0);
  return rateTail(lower, end) ?? end;
}

/** A counted loanword (`47 module`, `05 laptop`, `19 hotspot`): one lower-case ASCII word of four letters or more. */
function loanNoun(text: string, lower: string, pos: number): string | undefined {
  const m = /^([a-z]{4,})(?![\p{L}\d])/u.exec(text.slice(pos, pos + 20));
  return m && !NOT_NOUNS.includes(m[1]) ? lower.slice(pos, pos + m[1].length) : undefined;
}

/** A general rule for nouns outside the lexicon: an acronym, or one or two plain syllables. */
function guessNoun(text: string, lower: string, pos: number): string | undefined {
  const acronym = /^\p{Lu}{2,}(?:\s\p{Lu}{2,})?(?![\p{L}\d])/u.exec(text.slice(pos, pos + 16));
  if (acronym) return lower.slice(pos, pos + acronym[0].length);
  const words = /^([\p{Ll}]+(?:-[\p{Ll}]+)?)(?:\s([\p{Ll}]+))?(?:\s([\p{Ll}]+))?/u.exec(lower.slice(pos, pos + 40));
  if (!words || text[pos] !== lower[pos] || NOT_NOUNS.includes(words[1])) return undefined;
  // a person named by what they do, with the suffix `viên` (`cộng tác viên`, `tình nguyện viên`, `kiểm soát viên`): the three syllables
  if (words[2] && words[3] === 'viên' && !NOT_NOUNS.includes(words[2])) return `${words[1]} ${words[2]} viên`;
  // never two syllables that cut a word in half (`vùng kinh | tế`): then the first alone
  if (words[2] && words[3] && splitsWord([words[1], words[2], words[3]], 2)) return words[1];
  if (words[2] && PREDICATE_START.has(words[2])) return words[1];
  if (words[2] && !NOT_NOUNS.includes(words[2])) return `${words[1]} ${words[2]}`;
  // one syllable that a clause's end or a function word closes (`ước cả năm đạt 3.880 đám.`, `2.150 suất cho học sinh`,
  // `nhà lưu giữ tro cốt với 1.500 ô.`, a bracket after it too: `486/1.342 tủ (36,2%)`): the counted noun alone
  const closed = words[2] ? NOT_NOUNS.includes(words[2]) : /^\s*(?:[,.;:()]|$)/u.test(lower.slice(pos + words[1].length, pos + words[1].length + 3));
  if (closed && !SINGLE_NOT_COUNTED.has(words[1])) return words[1];
  return undefined;
}

/** Syllables that follow a figure without being what it counts (a verb, a time word, an adverb). */
const SINGLE_NOT_COUNTED = new Set([
  'chỉ',
  'đều',
  'cũng',
  'vẫn',
  'đang',
  'sẽ',
  'không',
  'chưa',
  'bị',
  'mới',
  'nay',
  'rồi',
  'qua',
  'tới',
  'trước',
  'sau',
  'lại',
  'thêm',
  'nữa',
  'xong',
  'hết',
  'còn',
  'ra',
  'vào',
  'lên',
  'xuống',
  'đi',
  'nhất',
  'trở',
  'liên',
  'tục',
  'kể',
  'liền',
  'ngoài',
  'trong',
  'đầu',
  'cuối',
  'giữa',
]);

/**
 * Words that open a predicate — negation, tense and voice particles, `đạt`, `có`: after one plain
 * syllable they close it as the counted noun (`5 mẫu không đạt`, `3 tổ chưa có`), never join it.
 */
const PREDICATE_START = new Set(['không', 'chưa', 'chẳng', 'đã', 'đang', 'sẽ', 'được', 'bị', 'vẫn', 'cũng', 'đều', 'đạt', 'có']);

/** Extend a counted noun over coordinated nouns: `tin, bài`, `xã, phường, thị trấn`. */
function coordinate(lower: string, noun: string, pos: number): { noun: string; end: number } {
  let end = pos + noun.length;
  let out = noun;
  if (!COORD.includes(noun)) return { noun: out, end };
  for (;;) {
    const m = /^,\s?/.exec(lower.slice(end, end + 3));
    if (!m) break;
    const next = longestAt(lower, end + m[0].length, COORD);
    if (!next) break;
    // (not the first syllable of a longer word: `20 cán bộ, ban hành …`)
    const following = /^\s+(\p{L}+)/u.exec(lower.slice(end + m[0].length + next.length, end + m[0].length + next.length + 12));
    if (following && vietWordList().words.has(`${next.split(' ').pop()} ${following[1]}`)) break;
    out += `, ${next}`;
    end += m[0].length + next.length;
  }
  return { noun: out, end };
}

/**
 * The `/unit` after an amount of money (`đồng/m3`, `triệu đồng/người/năm`, `USD/dự án`): what the amount is per — a
 * measure, a rate's denominator or a counted noun — with a second `/năm|tháng|ngày`; undefined when none.
 */
function moneyPer(lower: string, at: number): { over: string; length: number } | undefined {
  const tail = lower.slice(at, at + 32);
  const slash = /^\/\s?/u.exec(tail);
  if (!slash) return undefined;
  const from = slash[0].length;
  const word = /^([\p{L}]+[23²³]?)(?![\p{L}\d])/u.exec(tail.slice(from));
  const noun = longestAt(tail, from, NOUNS);
  const two = /^([\p{L}]+ [\p{L}]+)(?![\p{L}\d])/u.exec(tail.slice(from));
  const over =
    two && RATE_DENOMINATORS.includes(two[1])
      ? two[1]
      : word && (MEASURE_UNITS[word[1]] !== undefined || RATE_DENOMINATORS.includes(word[1])) && !(noun && noun.length > word[1].length)
        ? word[1]
        : noun;
  if (!over) return undefined;
  const second = /^\/\s?(năm|tháng|ngày)(?![\p{L}\d])/u.exec(tail.slice(from + over.length));
  return second ? { over: `${over}/${second[1]}`, length: from + over.length + second[0].length } : { over, length: from + over.length };
}

/** One or two words and the conversion they are counted in (`viên quy tiêu chuẩn`, `xe con quy đổi`). */
const CONVERTED = /^(\p{Ll}+(?:\s+\p{Ll}+)?)\s+quy\s+(?:tiêu\s+chuẩn|chuẩn|đổi)(?![\p{L}])/u;

/** Read the unit that follows a figure ending at `end` (after its scale word, if any). */
export function readUnit(text: string, lower: string, end: number, scaleWord?: string): UnitReading | undefined {
  const scale = scaleWord ? `${scaleWord.toLowerCase()} ` : '';
  let pos = skipSpaces(text, end);
  // the scale word belongs to the number; skip it if the parser's span stopped before it
  if (scaleWord && wordAt(lower, pos, scaleWord.toLowerCase())) pos = skipSpaces(text, pos + scaleWord.length);
  // a time right after the figure (`thứ 27/63 năm 2024`, `12 xã năm 2024`) is its time, not its unit
  if (/^(?:năm|tháng|quý)\s+(?:\d{1,2}[/.-])?\d{4}(?!\d)|^(?:tháng|quý)\s+(?:\d{1,2}|[ivx]+)(?![\p{L}\d])/u.test(lower.slice(pos, pos + 16))) return undefined;
  // a length of months that is measured (`thời gian hưởng bình quân 3,4 tháng`): one with decimals — most `N tháng` after a
  // figure are a span of the year (`CPI bình quân 8 tháng`), no unit of it
  if (/^tháng(?![\p{L}\d/])/u.test(lower.slice(pos, pos + 6)) && /\d,\d+\s*$/u.test(lower.slice(Math.max(0, end - 8), end)))
    return { unit: `${scale}tháng`, baseUnit: 'tháng', kind: 'measure', end: pos + 5, evidence: ['unit:measure'] };
  // (and so many months for each of something, `3,5 tháng/khóa`, `6 tháng/lần`: a rate)
  const monthsPer = /^tháng(?=\/)/u.test(lower.slice(pos, pos + 6)) ? rateTail(lower, pos + 5) : undefined;
  if (monthsPer) {
    const unit = lower.slice(pos, monthsPer).replace(/\s+/g, ' ');
    return { unit: scale + unit, baseUnit: unit, kind: 'measure', end: monthsPer, evidence: ['unit:rate'] };
  }
  // (nor `lần lượt`, `respectively`: `… 2024, 2025 lần lượt là 46, 58 bài`)
  if (/^lần\s+lượt(?![\p{L}])/u.test(lower.slice(pos, pos + 10))) return undefined;
  if (text[pos] === '%') {
    // a rate per period (`tăng bình quân 12,2%/năm`)
    const per = /^\/\s?(năm|tháng|quý)(?![\p{L}])/u.exec(lower.slice(pos + 1, pos + 8));
    if (per)
      return { unit: `%/${per[1]}`, baseUnit: `%/${per[1]}`, kind: 'percent', end: pos + 1 + per[0].length, evidence: ['unit:percent', 'unit:percent-rate'] };
    return { unit: '%', baseUnit: '%', kind: 'percent', end: pos + 1, evidence: ['unit:percent'] };
  }
  if (lower.startsWith('phần trăm', pos)) return { unit: 'phần trăm', baseUnit: '%', kind: 'percent', end: pos + 9, evidence: ['unit:percent'] };
  // percentage points (`thấp hơn 5,5 điểm phần trăm`): a difference of percentages, not a count of points
  if (lower.startsWith('điểm phần trăm', pos))
    return { unit: 'điểm phần trăm', baseUnit: 'điểm phần trăm', kind: 'percent', end: pos + 14, evidence: ['unit:percent', 'unit:percentage-points'] };
  if (!lower.startsWith('đ/c', pos)) {
    const money = MONEY.find((w) => lower.startsWith(w, pos) && !isLetter(lower[pos + w.length]) && !NOT_MONEY.test(lower.slice(pos, pos + 16)));
    if (money) {
      // a price per unit (`9.800 đồng/m3`, `45.000 đồng/kg`, `112 triệu đồng/dự án`): money per that unit
      const per = moneyPer(lower, pos + money.length);
      if (per)
        return {
          unit: `${scale}${money}/${per.over}`,
          baseUnit: `VND/${per.over}`,
          kind: 'money',
          end: pos + money.length + per.length,
          evidence: ['unit:money', 'unit:money-rate'],
        };
      return { unit: scale + money, baseUnit: 'VND', kind: 'money', end: pos + money.length, evidence: ['unit:money'] };
    }
  }
  // `2.315 triệu USD`, `1,2 tỷ đô la`: an amount in a foreign currency, in that currency
  const foreign = FOREIGN.find((w) => lower.startsWith(w, pos) && !isLetter(lower[pos + w.length]));
  if (foreign) {
    // (per unit too: `11,9 triệu USD/dự án`)
    const per = moneyPer(lower, pos + foreign.length);
    return {
      unit: per ? `${scale}${foreign}/${per.over}` : scale + foreign,
      baseUnit: per ? `${FOREIGN_MONEY[foreign]}/${per.over}` : FOREIGN_MONEY[foreign],
      kind: 'money',
      end: pos + foreign.length + (per?.length ?? 0),
      evidence: per ? ['unit:money', 'unit:foreign-money', 'unit:money-rate'] : ['unit:money', 'unit:foreign-money'],
    };
  }
  // a noun counted in a conversion (`24,6 triệu viên quy tiêu chuẩn`, `14.250 xe con quy đổi/ngày`): that noun, and the rate
  // a time after the conversion makes of it
  const converted = CONVERTED.exec(lower.slice(pos, pos + 40));
  if (converted) {
    const cut = converted[0].length - converted[1].length;
    const noQualifier = (s: string): string => s.slice(0, pos + converted[1].length) + s.slice(pos + converted[0].length);
    const read = readUnit(noQualifier(text), noQualifier(lower), pos);
    if (read && read.end >= pos + converted[1].length)
      return { ...read, unit: scale + read.unit, end: read.end + cut, evidence: [...read.evidence, 'unit:converted'] };
  }
  const noun = longestAt(lower, pos, NOUNS);
  const measure = longestAt(lower, pos, MEASURES);
  const head = noun && (!measure || noun.length >= measure.length) ? noun : measure;
  if (head) {
    const rate = rateTail(lower, pos + head.length);
    if (rate) {
      const unit = lower.slice(pos, rate).replace(/\s+/g, ' ');
      return { unit: scale + unit, baseUnit: unit, kind: 'measure', end: rate, evidence: ['unit:rate'] };
    }
  }
  if (measure && head === measure) {
    return { unit: scale + measure, baseUnit: MEASURE_UNITS[measure], kind: 'measure', end: pos + measure.length, evidence: ['unit:measure'] };
  }
  if (noun) {
    const { noun: full, end: nounEnd } = coordinate(lower, noun, pos);
    return { unit: scale + full, baseUnit: full, kind: 'count', end: nounEnd, evidence: ['unit:noun'] };
  }
  // a rate of a noun outside the lexicon (`1,8 tỷ viên/năm`, `12 triệu lọ/năm`): one plain syllable right before the slash
  const perNoun = /^\p{Ll}+(?=\/)/u.exec(text.slice(pos, pos + 12));
  const perEnd = perNoun && !NOT_NOUNS.includes(perNoun[0]) ? rateTail(lower, pos + perNoun[0].length) : undefined;
  if (perEnd) {
    const unit = lower.slice(pos, perEnd).replace(/\s+/g, ' ');
    return { unit: scale + unit, baseUnit: unit, kind: 'measure', end: perEnd, evidence: ['unit:rate'] };
  }
  const guess = guessNoun(text, lower, pos) ?? loanNoun(text, lower, pos);
  if (guess) return { unit: scale + guess, baseUnit: guess, kind: 'count', end: pos + guess.length, evidence: ['unit:guessed'] };
  return undefined;
}

/**
 * For a bare number (`tổng số người dùng trên hệ thống là 6.909`), the noun named before it in
 * its sentence after `số`/`tổng số`/`tổng`.
 */
export function nounNamedBefore(lower: string, sentenceStart: number, pos: number): string | undefined {
  const before = lower.slice(sentenceStart, pos);
  const re = /(?:tổng số|tổng|số)\s+/gu;
  let found: string | undefined;
  let m: RegExpExecArray | null;
  while ((m = re.exec(before))) {
    const noun = longestAt(lower, sentenceStart + m.index + m[0].length, NOUNS);
    if (noun) found = noun;
  }
  return found;
}
