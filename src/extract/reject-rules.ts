import type { Figure } from './figure-finder.js';
import { gluedToName } from './figure-finder.js';
import { AFTER_MARKS_NOT_FACT, DOCUMENT_TYPES, NAME_WORDS_BEFORE, TIME_WORDS_BEFORE } from './reject-lexicon.js';
import { skipSpacesBack, wordBefore } from './text-window.js';
import { vietWordList } from '../text/viet-word-list.js';
import { readUnit } from './unit-reader.js';

const byLength = (a: string, b: string): number => b.length - a.length;
const DOCS = [...DOCUMENT_TYPES].sort(byLength);
const NAMES = [...NAME_WORDS_BEFORE].sort(byLength);
const TIMES = [...TIME_WORDS_BEFORE].sort(byLength);
/** The largest number a time word names (`tháng 12`, `quý IV`, `ngày 31`, `tuần 53`). */
const CALENDAR_MAX: Readonly<Record<string, number>> = { tháng: 12, quý: 4, ngày: 31, tuần: 53, mùng: 31 };

/** A heading or list label: `1.` / `2)` at the start of a block, or `(3)` standing alone. */
function listLabel(text: string, f: Figure): boolean {
  if (f.shape !== 'single' || f.form !== 'digits') return false;
  const before = text.slice(0, f.start);
  const after = text.slice(f.end, f.end + 2);
  if (/^[\s\-+*•(]*$/.test(before) && /^[.)](\s|$|\d)/.test(after)) return true;
  // a multi-level heading label at the start of a block (`3.1 Tổ chức …`, `2.4.1. Kết quả`): dotted
  // groups that are not thousands (a group of other than three digits), then a capital
  const label = f.numbers[0]?.text.trim() ?? '';
  if (/^[\s\-+*•(]*$/.test(before) && /^\d{1,2}(?:\.\d{1,2})+\.?$/.test(label) && /^\.?\s+\p{Lu}/u.test(text.slice(f.end, f.end + 4))) return true;
  return text[f.start - 1] === '(' && text[f.end] === ')';
}

/**
 * A document identifier: a document type right before the number, written with a capital
 * (`Đề án 06`, `Thông tư 42`) or followed by `số` (`kế hoạch số 143`); `hướng dẫn 05 đài` is a verb.
 */
function documentIdentifier(text: string, lower: string, pos: number): boolean {
  const hasSo = wordBefore(lower, pos, 'số');
  const end = hasSo ? skipSpacesBack(lower, pos - 3) : pos;
  const doc = DOCS.find((w) => wordBefore(lower, end, w));
  if (!doc) return false;
  return hasSo || /\p{Lu}/u.test(text[end - doc.length]);
}

/** A year written as a bare four-digit number (`2021`, `2021-2025`). */
function bareYear(_text: string, f: Figure): boolean {
  const n = f.numbers[0];
  return f.shape !== 'ratio' && n.form === 'digits' && /^\d{4}$/.test(n.text.trim()) && n.value >= 1900 && n.value <= 2100;
}

/** Is the number followed by a counted noun or a measure of the lexicon (not a time word)? */
function countedAfter(text: string, lower: string, f: Figure): boolean {
  const u = readUnit(text, lower, f.end);
  return !!u && (u.evidence.includes('unit:noun') || u.kind === 'measure' || u.kind === 'money') && !/^(?:năm|tháng|ngày|tuần|quý|giờ)/u.test(u.baseUnit);
}

/**
 * Is a name word the last syllable of a longer word (`danh mục`, `cổ phần`, `đại biểu`, `mô hình`)?
 * Then it does not name a part or a level: `danh mục 386 TTHC` counts procedures.
 */
function tailOfWord(lower: string, at: number, word: string): boolean {
  if (word.includes(' ')) return false;
  const prev = /([\p{L}\p{M}]+)\s+$/u.exec(lower.slice(Math.max(0, at - 12), at))?.[1];
  return !!prev && vietWordList().words.has(`${prev} ${word}`);
}

/**
 * A time of day: `lúc 14 giờ 00 phút`, `14 giờ 30`, `từ 7h30 đến 11h`, `00 phút` after a clock hour
 * — never a duration (`trong 24 giờ`, `08 giờ/ngày`).
 */
function clockTime(lower: string, f: Figure): boolean {
  const before = lower.slice(Math.max(0, f.start - 16), f.start);
  const after = lower.slice(f.end, f.end + 16);
  if (/(?<![\p{L}])(?:lúc|vào lúc|từ lúc)\s+$/u.test(before) && /^\s*(?:giờ|h)(?![\p{L}])/u.test(after)) return true;
  if (/^\s*giờ\s+\d{1,2}(?:\s*phút)?(?![\d/])/u.test(after)) return true;
  if (/(?<![\p{L}])\d{1,2}\s*(?:giờ|h)\s*$/u.test(before) && /^\s*(?:phút)?(?![\p{L}/])/u.test(after) && f.value < 60) return true;
  // an hour put to a day or a part of one (`Khoảng 04 giờ ngày 07/9/2025`, `đến 17 giờ ngày 14/9`, `22 giờ đêm 08/9`), a day of the
  // week too (`từ 17 giờ ngày thứ Sáu đến 12 giờ ngày Chủ nhật`)
  const toDay =
    /^\s*(?:giờ|h)(?:\s*\d{1,2}(?:\s*phút)?)?(?:\s*,)?\s+(?:(?:sáng|trưa|chiều|tối|đêm)(?![\p{L}])|(?:ngày|hôm)\s+\d|(?:ngày\s+)?(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật)(?![\p{L}\d]))/u;
  if (f.value <= 24 && toDay.test(lower.slice(f.end, f.end + 30))) return true;
  // `từ 7 giờ 30 đến 22 giờ`: both ends of a span of clock times
  const clockSpanAfter = /^\s*(?:giờ|h)(?:\s*\d{1,2}(?:\s*phút)?)?\s+(?:đến|tới)\s+\d{1,2}\s*(?:giờ|h)(?![\p{L}])/u;
  if (/(?<![\p{L}])từ\s+$/u.test(before) && f.value <= 24 && clockSpanAfter.test(lower.slice(f.end, f.end + 40))) return true;
  if (/(?<![\p{L}])(?:đến|tới)\s+$/u.test(before) && /^\s*(?:giờ|h)(?![\p{L}])/u.test(after) && f.value <= 24) {
    if (/(?<![\p{L}])từ\s+\d{1,2}\s*(?:giờ|h)(?:\s*\d{1,2}(?:\s*phút)?)?\s+(?:đến|tới)\s+$/u.test(lower.slice(Math.max(0, f.start - 40), f.start))) return true;
  }
  // an hour of the evening or afternoon after `sau`/`trước` (`giảm công suất 30-50% sau 23 giờ`, `trước 17 giờ hằng ngày`):
  // a duration of 13 to 23 hours is rare, a clock time common
  if (
    f.value >= 13 &&
    f.value <= 23 &&
    Number.isInteger(f.value) &&
    /(?<![\p{L}])(?:sau|trước)\s+$/u.test(before) &&
    /^\s*giờ(?![\p{L}])(?!\s+kể\s+từ)/u.test(after)
  )
    return true;
  return /^h\d{2}(?![\d])/u.test(after) || /\d{1,2}h$/u.test(before);
}

/**
 * The number a proper name ends with after `số` (`Phòng Giao dịch số 5 còn thiếu …`, `Trường Mầm non số 2`): a small whole
 * number after two capitalised words, with no known counted noun or unit after it (`Tổng số 12 đơn vị` counts).
 */
function numberOfName(text: string, lower: string, f: Figure, pos: number): boolean {
  if (!wordBefore(lower, pos, 'số') || !Number.isInteger(f.value) || f.value >= 100 || f.form !== 'digits') return false;
  const before = text.slice(Math.max(0, pos - 2 - 40), pos - 2);
  if ((before.match(/(?<![\p{L}])\p{Lu}\p{Ll}*/gu)?.length ?? 0) < 2 || !/(?<![\p{L}])\p{Lu}[\p{L}]*(?:\s+[\p{L}]+){0,2}\s*$/u.test(before)) return false;
  const unit = readUnit(text, lower, f.end, undefined);
  return !unit || unit.evidence.includes('unit:guessed');
}

/** A thing numbered with `số` (`kho … số 5`, `dây chuyền … số 2`, `phòng số 3`): the number is its name. */
const NUMBERED_THING =
  /(?<![\p{L}])(?:kho|dây chuyền|nhà máy|phân xưởng|xưởng|tổ|đội|lò|lô|khu|bến|trạm|cổng|cửa|phòng|hầm|giếng|mỏ|bể|ngõ|hẻm|ngách|kiệt|tòa|cụm|sân|bãi|đường|tuyến|cầu|cống|đập|hồ|tàu|xe|máy)(?:\s+\p{Ll}+){0,3}\s+số\s+$/u;

/** Words that may open a phrase with a capital mid-sentence and still be followed by a count (`Tổng 5 …`, `Trên 10 …`). */
const NOT_A_NAME_HEAD = /^(?:Tổng|Trên|Hơn|Khoảng|Gần|Dưới|Có|Đạt|Với|Và|Các|Những|Mỗi|Năm|Tháng|Quý|Ngày|Tuần|Kỳ|Đợt|Lần|Giai|Tỷ|Tỉ)$/u;

/**
 * The number of a name written with a capital in the middle of a sentence (`cả hai dây chuyền (Dây chuyền 1 và Dây chuyền
 * 2)`, `… giao cho Tổ công tác 3 …`, `… tại Khu vực 1`): a small whole number right after a capitalised word and at most
 * two more, the capital not opening the sentence, with nothing after it but the end of the name.
 */
function labelOfName(text: string, f: Figure): boolean {
  if (!Number.isInteger(f.value) || f.value >= 100 || f.form !== 'digits') return false;
  const lead = /(^|[^\s])(\s*)(\p{Lu}\p{Ll}*)((?:\s+\p{Ll}+){0,2})\s+$/u.exec(text.slice(Math.max(0, f.start - 40), f.start));
  if (
    !lead ||
    f.of !== null ||
    NOT_A_NAME_HEAD.test(lead[3]) ||
    /(?<![\p{L}])(?:thứ|xếp|đứng|hạng|có|đạt|là|được|gồm|với|tăng|giảm|còn|lên|xuống)(?![\p{L}])/u.test(lead[4])
  )
    return false;
  // (the capital opens a sentence or a line: it may be any word)
  if (lead[1] === '' || /[.!?:;\n]/u.test(lead[1]) || (!lead[2] && lead[1] !== '(')) return false;
  // (and nothing after it but the end of the name: `)`, a comma, `và` and the next name)
  return /^\s*(?:[),;.]|và\s+\p{Lu}|$)/u.test(text.slice(f.end, f.end + 8));
}

/**
 * Why a figure is not a fact (a `reject:*` rule), or undefined when it may be one. Rules run
 * before the unit is read; `rank` figures skip the name rules (`xếp thứ 5`).
 */
/** Is the figure inside a bracket of words only that follows an amount of money (the amount said in words)? */
function amountInWords(lower: string, f: Figure): boolean {
  const open = lower.lastIndexOf('(', f.start);
  if (open < 0 || lower.slice(open, f.start).includes(')')) return false;
  const close = lower.indexOf(')', f.end);
  if (close < 0) return false;
  const inside = lower.slice(open + 1, close);
  // (a rate too: `3.000.000 đồng/suất (Ba triệu đồng)`)
  return (
    /(?:đồng|usd)(?:\s*\/\s*[\p{L}]+(?:\s[\p{L}]+)?)*\s*$/u.test(lower.slice(Math.max(0, open - 30), open)) &&
    !/\d/u.test(inside) &&
    /^\s*(?:bằng chữ\s*:?\s*)?[\p{L}\s,]+$/u.test(inside)
  );
}

/** Name words that may also end the phrase before a count (`tuyến quốc lộ`, `cách mạng`, `công nghiệp`, `một phần`). */
const WEAK_NAMES: ReadonlySet<string> = new Set(['cách mạng', 'công nghiệp', 'phần', 'quốc lộ', 'tỉnh lộ', 'ql', 'tl', 'đt', 'đường', 'chợ', 'covid']);

/** Who an age after the figure bounds: a range, a bound word or a person noun before it, or `trở lên`/`trở xuống` after. */
const AGE_BOUND_BEFORE =
  /(?<![\p{L}])(?:dưới|từ|trên|đủ|đến|tới|độ tuổi|trẻ em|trẻ|người|phụ nữ|nam|nữ|thanh niên|thiếu niên|công dân|học sinh|lao động|đối tượng|cụ|ông|bà)\s*$/u;
function ageBound(lower: string, f: Figure): boolean {
  if (f.shape === 'range') return true;
  if (/^\s*tuổi\s+trở\s+(?:lên|xuống)/u.test(lower.slice(f.end, f.end + 24))) return true;
  return AGE_BOUND_BEFORE.test(lower.slice(Math.max(0, f.start - 16), f.start));
}

export function rejectReason(text: string, lower: string, f: Figure, rank: boolean): string | undefined {
  if (f.rejected) return f.rejected;
  if (gluedToName(text, f)) return 'reject:name';
  if (listLabel(text, f)) return 'reject:list-label';
  const pos = skipSpacesBack(lower, f.start);
  // (a number written with a thousands separator is never a year, month or day: `lũy kế từ đầu năm 2.054 ca`)
  // (nor one no calendar has: `Lượng bốc hơi tháng 52-68 mm`, `trong tháng 18-22 ngày` — `tháng` there is the month's, not which)
  if (
    // (nor one with decimals: `giải ngân 6 tháng 8,96 tỷ đồng`, `ước thực hiện cả năm 398,1 tỷ đồng` — years, months and days are whole)
    TIMES.some((w) => wordBefore(lower, pos, w) && !(f.value > (CALENDAR_MAX[w] ?? Number.POSITIVE_INFINITY)) && Number.isInteger(f.value)) &&
    !/\d\.\d{3}(?!\d)/u.test(text.slice(f.start, f.end))
  )
    return 'reject:time';
  // the year of a quarter or month (`quý III/2025`, `tháng 9/2025`) or of a named kind of year (`năm công tác 2027`)
  if (
    /(?:(?<![\p{L}])(?:quý\s+[ivx\d]+|tháng\s+\d{1,2})\s*[/-]\s*|(?<![\p{L}])năm\s+(?:công tác|tài chính|ngân sách|kế hoạch)\s+)$/u.test(
      lower.slice(Math.max(0, f.start - 24), f.start),
    )
  )
    return 'reject:time';
  if (clockTime(lower, f)) return 'reject:time-of-day';
  // `2000 thiết bị/thành phố`: a four-digit number before a counted noun or a measure counts; a year does not take one
  if (bareYear(text, f) && !countedAfter(text, lower, f)) return 'reject:year';
  // (`hàng trăm`, `vài nghìn`: only before a number in words — `đặt hàng 3,44 tỷ đồng` is goods ordered)
  const vague = /(?<![\p{L}])(hàng|vài|mấy|dăm|nhiều)\s+$/u.exec(lower.slice(Math.max(0, f.start - 8), f.start));
  if (vague && !(vague[1] === 'hàng' && f.form === 'digits')) return 'reject:vague';
  // (`Hướng dẫn 58 cơ sở đưa sản phẩm …`: a verb at the sentence's start, then a count; a document's number takes no noun)
  if (documentIdentifier(text, lower, pos) && !(countedAfter(text, lower, f) && !wordBefore(lower, pos, 'số'))) return 'reject:identifier';
  if (/^\s*(?:Ngày|Năm)(?![\p{L}])/u.test(text.slice(f.end, f.end + 8))) return 'reject:anniversary';
  // (a decimal is never a name's number: `đường thôn, xóm 706,9 km`; nor a number in thousands before a counted noun:
  // `biên mục 215.400 văn bản`)
  const written = text.slice(f.start, f.end);
  const thousands = /^\d{1,3}(?:\.\d{3})+$/u.test(written.trim()) && countedAfter(text, lower, f);
  // (nor after a word that names only roads, eras or parts, when a counted noun follows: `trên các tuyến quốc lộ 41 vụ`,
  // `người có công với cách mạng 46 người`, `tố cáo đúng một phần 54 đơn`)
  const counted = countedAfter(text, lower, f);
  // (`mỗi lớp 5 ngày`, `mỗi tổ 10 người`: so many for each, not a name's number)
  const nameBefore = NAMES.find(
    (w) =>
      wordBefore(lower, pos, w) &&
      !tailOfWord(lower, pos - w.length, w) &&
      !/(?<![\p{L}])mỗi\s+$/u.test(lower.slice(Math.max(0, pos - w.length - 6), pos - w.length)),
  );
  if (!rank && !thousands && !/\d,\d/u.test(written) && nameBefore && !(WEAK_NAMES.has(nameBefore) && counted)) return 'reject:name';
  if (numberOfName(text, lower, f, pos) || labelOfName(text, f)) return 'reject:name';
  // a body's number in its name (`Phòng Công chứng số 1 tỉnh …`, `Khu dân cư số 2`), not `Tổng số 5 …`
  const lead = text.slice(Math.max(0, f.start - 40), f.start);
  const named = /(\p{L}+)\s+số\s+$/u.exec(lead);
  if (named && !/^(?:tổng|có|các|được|là|với|trong|của)$/iu.test(named[1]) && /\p{Lu}\p{Ll}*(?:\s+\p{L}+){0,3}\s+số\s+$/u.test(lead)) return 'reject:name';
  // (and a thing's number after `số`, the thing written small: `kho ngoại quan số 5 diện tích 12.000 m2`, `dây chuyền chiết lon
  // số 2 vào vận hành`, `Tổ số 3`; an address, `địa chỉ: số 28 đường …`)
  if (Number.isInteger(f.value) && f.value < 1000 && f.form === 'digits' && NUMBERED_THING.test(lower.slice(Math.max(0, f.start - 48), f.start))) {
    if (!countedAfter(text, lower, f)) return 'reject:name';
  }
  if (/(?<![\p{L}])địa\s+chỉ\s*:?\s*(?:tại\s+)?(?:số\s+)?$/u.test(lower.slice(Math.max(0, f.start - 24), f.start))) return 'reject:identifier';
  // a thing's number as the label of what a colon gives of it (`142 giường (cơ sở 1: 86 giường; cơ sở 2: 56 giường)`, `Tổ 3: 12 hộ`)
  if (
    Number.isInteger(f.value) &&
    f.value < 100 &&
    f.form === 'digits' &&
    /^\s*:\s*\S/u.test(text.slice(f.end, f.end + 4)) &&
    /(?:^|[(;,\n]\s*)\p{L}+(?:\s+\p{L}+){0,2}\s+$/u.test(text.slice(Math.max(0, f.start - 30), f.start)) &&
    !/(?<![\p{L}])(?:năm|tháng|quý|ngày|tuần|lần|có|là|đạt|gồm|được)\s+$/iu.test(lower.slice(Math.max(0, f.start - 8), f.start))
  )
    return 'reject:name';
  // a duration that names a measure (`lượng mưa 24 giờ lớn nhất đạt 486 mm`, `lượng mưa 3 ngày`): part of its name
  if (
    /(?<![\p{L}])lượng\s+mưa\s+$/u.test(lower.slice(Math.max(0, f.start - 12), f.start)) &&
    /^\s*(?:giờ|ngày|h)(?![\p{L}])/u.test(lower.slice(f.end, f.end + 6))
  )
    return 'reject:name';
  // a grade named by its number (`cấp độ rủi ro thiên tai cấp 4)`, `cấp độ 3,`): which level, with nothing counted after it
  if (
    Number.isInteger(f.value) &&
    f.value <= 10 &&
    /(?<![\p{L}])cấp(?:\s+độ)?\s+$/u.test(lower.slice(Math.max(0, f.start - 10), f.start)) &&
    /^\s*(?:[),.;:]|$)/u.test(lower.slice(f.end, f.end + 3))
  )
    return 'reject:name';
  // a product named by its parts (`vắc xin 5 trong 1`), a hotline (`1900.6769`, `1800 1234`)
  if (/^\s*trong\s+1(?!\d)/u.test(lower.slice(f.end, f.end + 10)) || /(?<!\d)\d\s+trong\s+$/u.test(lower.slice(Math.max(0, f.start - 10), f.start)))
    return 'reject:name';
  if (/^(?:1900|1800)[.\s]?\d{3,4}$/u.test(written.trim())) return 'reject:identifier';
  // the fineness of gold (`vàng nhẫn tròn trơn 9999`, `vàng 999,9`): a grade's name
  if (/^(?:9999|999[.,]9|99[.,]99)$/u.test(written.trim()) && /(?<![\p{L}])vàng(?:\s+[\p{L}]+){0,4}\s*$/u.test(lower.slice(Math.max(0, f.start - 40), f.start)))
    return 'reject:name';
  // a stretch of years or months the sentence frames itself with (`Trong 5 năm, tỉnh cấp mới …`, `Cũng trong 5 năm, có …`)
  if (
    /(?:^|[.;:\n]\s*)(?:cũng\s+)?trong\s+$/iu.test(lower.slice(Math.max(0, f.start - 14), f.start)) &&
    /^\s*(?:năm|tháng|quý)\s*(?:qua\s*)?,/u.test(lower.slice(f.end, f.end + 12))
  )
    return 'reject:period';
  // the last group of a phone number (`đường dây nóng 0263 3822 461 tiếp nhận …`), a birth order (`sinh con thứ 3 trở lên`)
  if (/(?<![\d.,])0\d{2,3}[\s.]\d{3,4}[\s.]$/u.test(lower.slice(Math.max(0, f.start - 12), f.start))) return 'reject:identifier';
  if (/(?<![\p{L}])con\s+thứ\s*$/u.test(lower.slice(Math.max(0, f.start - 10), f.start))) return 'reject:name';
  const after = text.slice(f.end, f.end + 40);
  // an age that bounds a group (`trẻ em dưới 6 tuổi`, `phụ nữ 15-49 tuổi`, `từ 15 tuổi trở lên`): who is counted, not a figure
  if (/^\s*tuổi(?!\s*(?:thọ|đời|nghề|đảng|đoàn))(?!\p{L})/u.test(after) && ageBound(lower, f)) return 'reject:age-bound';
  // the provinces or units merged, as background (`sau khi hợp nhất hai tỉnh`, `của hai tỉnh cũ`), and what stands between two (`giữa hai vụ`)
  // (a few, as such a sentence names them — `sáp nhập 1.246 thôn, tổ dân phố` counts what was merged)
  if (
    (f.form === 'words' || f.value < 10) &&
    (/(?<![\p{L}])(?:hợp nhất|sáp nhập|giữa)\s+$/u.test(lower.slice(Math.max(0, f.start - 12), f.start)) || /^\s*\p{L}+\s+cũ(?!\p{L})/u.test(after))
  )
    return 'reject:background';
  // an amount said again in words in brackets after it (`3.138.400.000 đồng (Bằng chữ: Ba tỷ, một trăm ba mươi tám triệu,
  // bốn trăm nghìn đồng)`): the parts of the words are no facts of their own
  if (f.form === 'words' && amountInWords(lower, f)) return 'reject:in-words';
  // a product's specification right after its noun (`xe 4 chỗ`, `gạch 2 lỗ`, `container 40 feet`, `ngói 22 viên/m2`, `tivi 55 inch`):
  // which kind of it, not a count — a count stands before its noun
  if (
    /^\s*(?:chỗ(?:\s+ngồi)?|lỗ|feet|ft|inch|viên\s*\/\s*m2)(?![\p{L}\d])/u.test(lower.slice(f.end, f.end + 12)) &&
    /(?<![\p{L}\d])(?!(?:có|gồm|là|đạt|với|được|bán|mua|thêm|tăng|giảm|còn|và|khoảng|gần|hơn|trên|dưới|từ|đến|chứa|mỗi|quân|đa|thiểu|lên|xuống|bố trí|trí)\s)\p{Ll}+\s+$/u.test(
      lower.slice(Math.max(0, f.start - 16), f.start),
    ) &&
    Number.isInteger(f.value) &&
    f.value < 100
  )
    return 'reject:name';
  // a prize or a class named by its rank in words (`01 giải Ba`, `giải Tư`, `hạng Ba`): its name
  if (f.form === 'words' && /^\p{Lu}/u.test(written.trim()) && /(?<![\p{L}])(?:giải|hạng)\s+$/iu.test(lower.slice(Math.max(0, f.start - 8), f.start)))
    return 'reject:name';
  // `hai bên` (both sides, the two parties), `hai chiều` (two-way), `hai mặt`: a way of speaking, in words, no count
  if (f.form === 'words' && /^hai$/iu.test(written.trim()) && /^\s*(?:bên|chiều|mặt)(?!\p{L})/u.test(after)) return 'reject:idiom';
  // round the clock (`trực 24/24 giờ`, `tiếp nhận 24/7`): a manner, not a ratio
  if (/^24\s*\/\s*(?:24|7)$/u.test(written.trim())) return 'reject:idiom';
  // the base of a rate written after its slash (`99,3 nam/100 nữ`, `14 trẻ/1.000 dân`): part of the unit before it
  // (a power of ten: `1.684 vụ/2.573 bị can` are two counts)
  if (/^(?:10|100|1\.?000|10\.?000|100\.?000)$/u.test(written.trim()) && /\p{L}\s?\/\s?$/u.test(lower.slice(Math.max(0, f.start - 3), f.start)))
    return 'reject:per-unit';
  // the one of a per-unit measure (`thu nhập bình quân 1 người 1 tháng`), not a count
  if (
    written.trim() === '1' &&
    (/(?:bình quân|trung bình)\s+$/u.test(lower.slice(Math.max(0, f.start - 14), f.start)) || /^\s+\p{L}+\s+1\s+\p{L}/u.test(after))
  )
    return 'reject:per-unit';
  const mark = AFTER_MARKS_NOT_FACT.find((m) => m.re.test(after));
  // (a length of months that is measured, not a span of the year: one with decimals — `thời gian hưởng bình quân 3,4 tháng`)
  const measuredMonths = mark?.rule === 'reject:period' && /^\s*tháng(?![\p{L}/])/u.test(after) && !Number.isInteger(f.value);
  if (mark && !measuredMonths) return mark.rule;
  if (/kỷ niệm\s*$/u.test(lower.slice(Math.max(0, pos - 12), pos))) return 'reject:anniversary';
  // a badge's class (`Huy hiệu 30 năm tuổi Đảng`, `Huy hiệu 55, 60 và 65 năm tuổi Đảng`): a name, not a length of time
  if (/huy hiệu(?:\s+\d{1,3}\s*(?:,|và))*\s*$/u.test(lower.slice(Math.max(0, pos - 40), pos))) return 'reject:name';
  return undefined;
}
