import type { NumberMatch } from './number-parser.js';
import { FRACTION_AFTER, FRACTION_DENOMINATORS } from './number-words.js';
import { isLetter, skipSpaces, skipSpacesBack, wordBefore } from './text-window.js';

/**
 * A figure: one number, or numbers that belong together (`11/63` a ratio, `từ 90% đến 95%` a
 * range), before its unit is read. Offsets are into the block text, half-open.
 */
export interface Figure {
  start: number;
  /** End of the number(s) and scale word; the unit is read from here. */
  end: number;
  /** The number as written (`14,96` of `14,96 tỷ` → 14.96). */
  value: number;
  /** Scale-word multiplier (1 when none). */
  scale: number;
  scaleWord?: string;
  of: number | null;
  valueMax: number | null;
  shape: 'single' | 'ratio' | 'range';
  form: NumberMatch['form'];
  numbers: NumberMatch[];
  evidence: string[];
  /** Why this figure is not a fact (a `reject:*` rule), if it is not. */
  rejected?: string;
}

/** Is the text between two offsets just a slash (with spaces)? */
function slashBetween(text: string, a: number, b: number): boolean {
  return /^\s*\/\s*$/.test(text.slice(a, b));
}

/** Words and numbers as written: the matched text minus a trailing scale word. */
function writtenValue(m: NumberMatch): { value: number; scale: number } {
  if (m.form === 'digits' || m.form === 'mixed') return { value: m.value, scale: m.scale || 1 };
  // number words: the scale word is part of the number (`một trăm nghìn` → 100000)
  return { value: m.value * (m.scale || 1), scale: 1 };
}

function single(m: NumberMatch, evidence: string[] = []): Figure {
  const { value, scale } = writtenValue(m);
  return {
    start: m.start,
    end: m.end,
    value,
    scale,
    scaleWord: m.form === 'words' ? undefined : m.scaleWord,
    of: null,
    valueMax: null,
    shape: 'single',
    form: m.form,
    numbers: [m],
    evidence: [`number:${m.form}`, ...evidence],
  };
}

/** A chain `a/b/c` or `a/b/2020/NĐ-CP`: date or document number. */
function slashChain(text: string, ms: NumberMatch[], i: number): number {
  let j = i;
  while (j + 1 < ms.length && slashBetween(text, ms[j].end, ms[j + 1].start)) j++;
  return j;
}

/** After the last number of a chain: `/KH-UBND`, `-NQ/TU`, `/BTTTT-VP` make it an identifier. */
function identifierTail(text: string, end: number): boolean {
  return /^\s?[/-]\s?\p{Lu}/u.test(text.slice(end, end + 4));
}

function looksLikeDate(text: string, a: NumberMatch, b: NumberMatch): boolean {
  if (a.form !== 'digits' || b.form !== 'digits') return false;
  const dayMonth = a.value >= 1 && a.value <= 31 && Number.isInteger(a.value) && b.value >= 1 && b.value <= 12;
  const monthYear = a.value >= 1 && a.value <= 12 && b.value >= 1900 && b.value <= 2100;
  if (monthYear) return true;
  if (!dayMonth) return false;
  const before = text.slice(0, a.start).toLowerCase();
  if (/(ngày|hôm|sáng|chiều|tối|đêm|từ|đến|đường|lễ)\s*\(?$/u.test(before)) return true;
  // a ratio names what it counts or is a percentage; a bare d/m in brackets or at a clause end is a day
  const after = text.slice(b.end, b.end + 3);
  // (so is one after a day named by what happened on it, `ngày cao điểm 01/6 đón hơn 9.000 lượt`, `ngày khai giảng 05/9`
  // — not a ratio said of a day, `trong ngày có 3/5 xã`)
  const namedDay = /(?<![\p{L}])ngày((?:\s+\p{Ll}+){1,2})\s*$/u.exec(before);
  if (namedDay && !/(?<![\p{L}])(?:có|đạt|là|được|còn|chỉ|mới|đã|gồm|chiếm|thì)(?![\p{L}])/u.test(namedDay[1]) && !/^\s*%/u.test(after)) return true;
  // (a rank among bodies named with capitals, `xếp thứ 2/9 Tòa án nhân dân khu vực`, and all of them, `kiểm tra 10/10 Đội
  // Quản lý thị trường`, name what they count too)
  if (/^\s*\p{Lu}\p{Ll}/u.test(after) && (/(?<!\p{L})thứ\s*$/u.test(before) || a.value === b.value)) return false;
  return !/^\s*(%|\p{Ll})/u.test(after) || a.value > b.value;
}

/** A figure of so many (`m`) of so many (`over`, whose scale it takes), over the numbers written for it. */
function ratioFigure(m: NumberMatch, over: NumberMatch, numbers: NumberMatch[], evidence: string[]): Figure {
  return { ...single(m, evidence), end: over.end, of: writtenValue(over).value, shape: 'ratio', numbers, scaleWord: over.scaleWord, scale: over.scale || 1 };
}

/** Group the parser's numbers into figures: ratios, ranges, and singles; mark date/id chains rejected. */
export function groupFigures(text: string, numbers: NumberMatch[]): Figure[] {
  const ms = numbers.filter((m) => Number.isFinite(m.value));
  const out: Figure[] = [];
  for (let i = 0; i < ms.length; i++) {
    const m = ms[i];
    const last = slashChain(text, ms, i);
    if (last > i) {
      const chain = ms.slice(i, last + 1);
      if (chain.length >= 3 || identifierTail(text, ms[last].end)) {
        for (const c of chain)
          out.push({ ...single(c), rejected: chain.length >= 3 && !identifierTail(text, ms[last].end) ? 'reject:date' : 'reject:identifier' });
      } else if (looksLikeDate(text, m, ms[last])) {
        for (const c of chain) out.push({ ...single(c), rejected: 'reject:date' });
      } else {
        out.push(ratioFigure(m, ms[last], chain, ['shape:ratio']));
      }
      i = last;
      continue;
    }
    // a fraction in words (`một phần ba số hộ`, `ba phần tư`, `một nửa`): a ratio of that denominator
    const part = m.form === 'words' ? FRACTION_AFTER.exec(text.slice(m.end, m.end + 16)) : null;
    if (part) {
      // (`một nửa`: a half)
      const of = part[2] ? 2 : FRACTION_DENOMINATORS[part[1].toLowerCase()];
      const a = single(m, ['shape:ratio', 'number:fraction-words']);
      out.push({ ...a, end: m.end + part[0].length, of, shape: 'ratio' });
      while (ms[i + 1] && ms[i + 1].start < m.end + part[0].length) i++;
      continue;
    }
    // `3 trên 5 chỉ tiêu`, `12 trên 15 xã`: so many of so many, when a noun follows the second number
    const over = ms[i + 1];
    if (
      over &&
      m.form === 'digits' &&
      over.form === 'digits' &&
      Number.isInteger(m.value) &&
      m.value <= over.value &&
      /^\s+trên\s+$/u.test(text.slice(m.end, over.start)) &&
      /^\s+\p{Ll}/u.test(text.slice(over.end, over.end + 3)) &&
      !/^\s+(?:tổng|mỗi|một)(?!\p{L})/u.test(text.slice(over.end, over.end + 8))
    ) {
      out.push(ratioFigure(m, over, [m, over], ['shape:ratio', 'shape:ratio-trên']));
      i++;
      continue;
    }
    if (identifierTail(text, m.end) && m.form === 'digits' && !/^\s?-\s?\d/.test(text.slice(m.end))) {
      out.push({ ...single(m), rejected: 'reject:identifier' });
      continue;
    }
    const next = ms[i + 1];
    if (next && isRange(text, m, next)) {
      const a = single(m, ['shape:range']);
      const unitBetween = text.slice(m.end, next.start).trim();
      out.push({
        ...a,
        end: next.end,
        valueMax: writtenValue(next).value,
        shape: 'range',
        numbers: [m, next],
        scaleWord: next.scaleWord ?? m.scaleWord,
        scale: next.scale || m.scale || 1,
        evidence: [...a.evidence, ...(unitBetween.startsWith('%') ? ['range:unit-both'] : [])],
      });
      i++;
      continue;
    }
    out.push(single(m));
  }
  return out;
}

/** `từ 90% đến 95%`, `90 - 95%`, `từ 3 đến 5 ngày`. */
function isRange(text: string, a: NumberMatch, b: NumberMatch): boolean {
  const between = text.slice(a.end, b.start);
  if (/^\s*%?\s*(đến|tới)\s*(?:dưới\s+|trên\s+|hơn\s+)?$/u.test(between)) {
    // `từ` and the character before it, lowercased: a window of three, not the whole block per pair.
    const end = skipSpacesBack(text, a.start);
    const lower = text.slice(Math.max(0, end - 3), end).toLowerCase();
    if (wordBefore(lower, lower.length, 'từ')) return true;
    // `khoảng 40 đến 45 nhiệm vụ`: an approximate low and high end, in the unit after the second
    const near = text.slice(Math.max(0, end - 10), end).toLowerCase();
    return /(?<!\p{L})(?:khoảng|chừng|dao động|xấp xỉ)$/u.test(near) && a.value < b.value && /^\s?[\p{L}%]/u.test(text.slice(b.end, b.end + 2));
  }
  // `từ 250 mm đến 400 mm`, `từ 3 triệu đồng đến 5 triệu đồng`: the unit said at both ends
  const unitThen = /^\s*([^\s\d(),;:]{1,12}(?:\s[^\s\d(),;:]{1,12})?)\s+(?:đến|tới)(?:\s+(?:dưới|trên|hơn))?\s*$/u.exec(between);
  // (not clock times: `từ 8 giờ đến 21 giờ`)
  if (unitThen && a.value < b.value && !/^(?:giờ|h|phút)$/iu.test(unitThen[1])) {
    const unit = unitThen[1].toLowerCase();
    const afterB = text.slice(b.end).trimStart().toLowerCase();
    const sameUnit = afterB.startsWith(unit) && !/^[\p{L}\d]/u.test(afterB.slice(unit.length));
    const end = skipSpacesBack(text, a.start);
    const lower = text.slice(Math.max(0, end - 3), end).toLowerCase();
    const moved = /(?<!\p{L})(?:tăng|giảm|nâng|hạ|lên|xuống)\s+từ\s*$/u.test(text.slice(Math.max(0, a.start - 14), a.start).toLowerCase());
    if (sameUnit && !moved && wordBefore(lower, lower.length, 'từ')) return true;
  }
  if (/^\s*%?\s*[-–÷]\s*$/u.test(between)) {
    // 2015-2020 is a span of years, not a range of measures
    const years = [a, b].every((n) => n.value >= 1900 && n.value <= 2100 && n.form === 'digits');
    if (years) return false;
    if (/^\s*%/.test(text.slice(b.end))) return true;
    // `10-20 cơ sở`, `200-250m`, `4 ÷ 5 ngày`: a low and a high end in the same unit, which follows
    return a.value * (a.scale || 1) < b.value * (b.scale || 1) && /^\s?[\p{L}°º]/u.test(text.slice(b.end, b.end + 2));
  }
  return false;
}

/** Is the number glued to letters (`4G`, `KV5`, `Covid-19`, `25b`)? Units glued to digits are allowed. */
export function gluedToName(text: string, f: Figure): boolean {
  const before = text[f.start - 1];
  if (isLetter(before)) return true;
  if (before === '-' && isLetter(text[f.start - 2])) return true;
  // the decimals of a name's number (`PM2.5`, `PM2,5`)
  if ((before === '.' || before === ',') && /\p{L}\d+$/u.test(text.slice(Math.max(0, f.start - 12), f.start - 1))) return true;
  const after = text.slice(f.end);
  if (/^[\p{L}]/u.test(after)) {
    return !/^(?:đ|km²?|km2|m²?|m2|kg|ha|tr|k|gb|mb|tb|kbps|mbps|gbps|[kmg]bit\/s|[kmg]b\/s|ms|[kmg]?w(?:h|p)?|[kmg]hz|db[m]?|kv)(?![\p{L}\d])/iu.test(after);
  }
  return /^[-.]\d|^-\p{L}/u.test(after) && f.shape === 'single' && skipSpaces(text, f.end) === f.end;
}
