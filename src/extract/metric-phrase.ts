import type { Aspect, FactKind } from '../../schemas/fact.js';
import { LATIN_LETTERS } from '../text/letter-class.js';
import { COMPARATIVE_ONLY, COMPARATIVE_TAIL } from '../text/comparatives.js';
import { BOUND_AFTER, OVER_BEFORE } from './aspect-rules.js';
import { QUALIFIERS } from './qualifier-lexicon.js';
import { COORDINATED_NOUNS, COUNT_NOUNS, MEASURE_UNITS } from './unit-lexicon.js';
import { splitsWord, vietWordList } from '../text/viet-word-list.js';

/**
 * The metric phrase of a figure: what it measures, in the report's words, read from the structure
 * of the Vietnamese clause around it rather than from a window of words.
 *
 *   [adverbials,] [subject NP] [đã/được] [verb phrase] (ước đạt|là|:) NUMBER [unit noun] [modifiers]
 *
 * - A subject that names the measure before a linker (`Doanh thu dịch vụ viễn thông quý III ước
 *   đạt: 25.300 triệu đồng`) is the metric, without its time words (`doanh thu dịch vụ viễn thông`).
 * - A count is its counted noun with the modifiers after it and the verb phrase before it
 *   (`đã xây dựng và đưa vào phát sóng 52 trạm BTS` → `trạm BTS đã xây dựng và đưa vào phát sóng`).
 * - A share written before its noun (`100% văn bản đến được ký số`) is `tỷ lệ` + that noun phrase;
 *   a metric named after the number (`50% tỷ lệ dân số được phủ sóng`) is found there.
 * - A change or plan percentage measures what the value it compares measures (`Doanh thu … ước đạt
 *   357 tỷ đồng, tăng 8% so với cùng kỳ` → `doanh thu … so với cùng kỳ`).
 * Words are never cut (phrases end at word boundaries) and acronyms keep their case.
 */
export interface MetricInput {
  text: string;
  /** Start of the sentence holding the figure. */
  sentence: number;
  /** Where the words that may name this figure start: the sentence start, or the end of what the previous figure of the sentence used. */
  from: number;
  start: number;
  /** Offsets of the unit as read (equal when the figure has no unit of its own). */
  unitStart: number;
  unitEnd: number;
  kind: FactKind;
  aspect: Aspect;
  /** Counted noun of a count or ratio (`trạm`, `thuê bao`). */
  countedNoun?: string;
  /** Metric of the value a change or plan percentage compares (the previous figure of the sentence). */
  compared?: string;
  /** For a level or running total after a change or plan figure: the metric of the value before that one (the value it compared). */
  valueBefore?: string;
  /** Metric of the figure a bracket right after it splits (`1.652 chứng thư số (1.618 USB, 34 SIM)`). */
  parent?: string;
  /** The words before the previous figure, when this one is joined to it by `và` or a comma only. */
  shared?: string;
  /** The figure is a part after `trong đó` of the total whose metric is `parent` (`… 9.486 ha, trong đó lúa 3.120 ha`). */
  splits?: boolean;
  /** Counts earlier in the sentence: their counted noun and metric (`214 vụ` → `vụ`, `vụ tai nạn giao thông …`). */
  earlierCounts?: { noun: string; metric: string }[];
  /** Metric of the previous figure of the sentence when it is an amount or measure in the same unit (`kế hoạch trồng rừng là 9.500 ha; … đã trồng 8.874 ha`). */
  sameUnitBefore?: string;
  /** Metric of the last measure in the same unit in an earlier sentence of the paragraph. */
  earlierSameUnit?: string;
  /** Metric of the last count of the same noun in an earlier sentence of the paragraph. */
  earlierSameNoun?: string;
}

export interface MetricReading {
  metric: string;
  /** The words before the number this phrase used (a figure joined to this one shares them). */
  pre: string;
  /** End of the text this figure's phrase used after the number: the next figure's words start there. */
  usedEnd: number;
  evidence: string[];
}

const LETTER = LATIN_LETTERS;
const W = (s: string) => `(?<![${LETTER}])(?:${s})(?![${LETTER}])`;

/** Linkers and verbs of measuring that stand between a subject and its number; never part of the metric at its end. */
// biome-ignore format: a hand-laid word list, several entries a line
const LINKERS = [
  'ước đạt', 'ước thực hiện', 'ước tính', 'ước', 'đạt được', 'đạt', 'là', 'có', 'được', 'chiếm', 'chiếm tỷ lệ', 'với', 'bằng', 'gồm',
  'tăng', 'giảm', 'tăng thêm', 'giảm đi', 'tăng lên', 'giảm xuống', 'lên đến', 'lên tới', 'lên', 'xuống', 'đến', 'tới', 'còn', 'từ', 'khoảng', 'gần', 'hơn', 'trên', 'dưới', 'tổng', 'tổng cộng',
  'cho', 'của', 'đã', 'và', 'với tổng số', 'tổng số', 'số lượng', 'xếp thứ', 'xếp hạng thứ', 'đứng thứ', 'thứ', 'tại', 'trong', 'đạt tỷ lệ',
  'tương ứng', 'tương đương', 'mới', 'thêm', 'hiện', 'nay', 'chỉ', 'chỉ có', 'mỗi', 'ở mức', 'mức', 'khoảng chừng', 'lần lượt là', 'lần lượt', 'cụ thể',
  'nhưng', 'nhưng mới', 'nhưng chỉ', 'dự kiến', 'kéo giảm', 'kéo', 'thông qua', 'như sau',
  // (the agent's `do` before a count of those who did it: `… hiện vật do 15 cá nhân hiến tặng`)
  'do',
  ...QUALIFIERS.map((q) => q.words),
].sort((a, b) => b.length - a.length);

const NO_WORDS: ReadonlySet<string> = new Set();

/**
 * After the number, `mới` closing the noun phrase is its adjective (`45 xã đạt chuẩn nông thôn mới`,
 * `12 doanh nghiệp thành lập mới`), not a linker to a number still to come.
 */
const KEPT_AFTER: ReadonlySet<string> = new Set(['mới']);

/** Linkers that also end common words (`thực hiện`, `đổi mới`, `hiện nay`, `tổng cộng`). */
const WORD_TAILS = new Set(['hiện', 'mới', 'nay', 'thêm', 'chỉ', 'mỗi', 'còn', 'do']);
/** Words that end with the linker `bằng` or `tăng` (`giải phóng mặt bằng`, `vùng đồng bằng`, `văn bằng`, `thuế giá trị gia tăng`). */
const ENDS_IN_LINKER = /(?<![\p{L}])(?:(?:mặt|đồng|văn|công|cân|san|bình)\s+bằng|giá trị gia\s+tăng)$/u;

/** Discourse markers and adverbials that open a sentence but are not part of what it measures. */
const OPENERS = new RegExp(
  `^(?:[-+•*–]\\s*)?(?:${['kết quả', 'trong đó', 'bao gồm', 'gồm', 'tương ứng', 'tương đương', 'nâng', 'phấn đấu đạt', 'phấn đấu', 'đảm bảo', 'bảo đảm', 'mục tiêu', 'đặc biệt', 'ngoài ra', 'bên cạnh đó', 'cụ thể', 'theo đó', 'về', 'riêng', 'đồng thời', 'tuy nhiên', 'như vậy', 'tính chung', 'nhìn chung', 'hiện nay', 'đến nay', 'tính đến nay', 'trong năm', 'trong tháng', 'trong kỳ', 'trong quý', 'lũy kế', 'luỹ kế', 'chủ yếu do', 'do', 'vì', 'nhờ', 'bởi'].join('|')})(?![${LETTER}])\\s*[,:]?\\s*`,
  'iu',
);

/** Time words inside a phrase: a metric is compared across periods, so it does not name one. */
const TIME = new RegExp(
  [
    // a list of times said respectively (`các năm 2021, 2022 và 2023 lần lượt …`, `quý I, II và III/2026`)
    `(?:các\\s+)?(?:năm|quý|tháng)\\s+(?:(?:\\d{1,4}|[IVX]+)\\s*(?:,|và)\\s*)+(?:\\d{1,4}|[IVX]+)(?:\\s*/\\s*\\d{4}|\\s+năm\\s+\\d{4})?`,
    `(?:tính\\s+)?(?:đến|tới)\\s+(?:hết\\s+|cuối\\s+)?(?:ngày\\s+)?(?:nay|\\d{1,2}[/.-]\\d{1,2}(?:[/.-]\\d{2,4})?|tháng\\s+\\d{1,2}(?:[/.-]\\d{4})?|năm\\s+\\d{4}|quý\\s+[IVX\\d]+(?:[/.-]\\d{4})?)`,
    `(?:\\d+\\s+)?tháng\\s+(?:đầu|cuối)\\s+năm(?:\\s+\\d{4})?`,
    `(?:trong\\s+|sau\\s+)?\\d{1,2}\\s+tháng(?!\\s*[/.-]?\\s*\\d)`,
    `trong\\s+(?:tháng|kỳ|quý)(?!\\s*(?:\\d|[IVX]+\\b))`,
    `(?:trong\\s+|của\\s+|(?<!so\\s+với\\s+)(?:vào\\s+)?(?:cuối|đầu|giữa)\\s+)?(?:năm|tháng|quý)\\s+(?:[IVX]+|\\d{1,4})(?:\\s*[/.-]\\s*\\d{2,4})*(?:\\s+năm\\s+\\d{4})?`,
    `(?:(?:trong|cả|của)\\s+)?giai\\s+đoạn\\s+\\d{4}\\s*[-–]\\s*\\d{4}`,
    `(?:(?:đầu|cuối|giữa)\\s+)?(?:năm\\s+học|niên\\s+kh[óo]a|vụ\\s+(?:đông\\s+xuân|hè\\s+thu|thu\\s+đông|mùa))\\s+\\d{4}\\s*[-–]\\s*\\d{4}`,
    // a term of a school year (`học kỳ II`, `học kỳ I năm học 2026-2027`)
    `(?:trong\\s+)?học\\s+kỳ\\s+(?:I{1,2}|[12])(?:\\s+(?:của\\s+)?năm\\s+học\\s+\\d{4}\\s*[-–]\\s*\\d{4})?`,
    // the years of a season named with its crop or its weather (`vụ lúa Đông Xuân 2025-2026`, `mùa khô 2025-2026`): the season stays, its years go
    `(?<=(?:đông\\s+xuân|hè\\s+thu|thu\\s+đông|vụ\\s+mùa|mùa\\s+(?:khô|mưa))\\s+)\\d{4}\\s*[-–]\\s*\\d{4}`,
    // a span of dates or months (`Từ ngày 01/01/2025 đến 30/9/2025, …`): the bounds and their `từ … đến` go together
    `từ\\s+(?:ngày\\s+)?\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{4}\\s+(?:đến|tới)\\s+(?:hết\\s+)?(?:ngày\\s+)?\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{4}`,
    `từ\\s+tháng\\s+\\d{1,2}(?:[/.-]\\d{4})?\\s+(?:đến|tới)\\s+(?:hết\\s+)?tháng\\s+\\d{1,2}(?:[/.-]\\d{4})?`,
    // a span from a date, month or year to now (`từ tháng 3/2025 đến nay`): the `từ` goes with the rest
    `từ\\s+(?:ngày\\s+\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{4}|tháng\\s+\\d{1,2}(?:[/.-]\\d{4})?|năm\\s+\\d{4})\\s+(?:đến|tới)\\s+nay`,
    // (a stock at the start of the year, `số hộ nghèo đầu năm`, keeps it: it names which stock)
    `từ\\s+đầu\\s+năm(?:\\s+đến\\s+nay)?|đầu\\s+năm\\s+đến\\s+nay`,
    // (a comparison's base keeps its words: `so với cuối năm 2024`)
    `(?<!so\\s+với\\s+)(?:vào\\s+)?cuối\\s+(?:năm|tháng|quý|kỳ)(?![\\p{L}])`,
    `từ\\s+nay\\s+(?:đến|tới)\\s+(?:hết\\s+|cuối\\s+)?(?:năm(?:\\s+\\d{4})?|ngày\\s+\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{4}|tháng\\s+\\d{1,2}(?:[/.-]\\d{4})?)`,
    // the present period said relatively (`năm nay`, `tháng này`); not `cả năm`, which names a whole year's total against a part's
    `(?:trong\\s+)?(?:năm\\s+nay|tháng\\s+này|quý\\s+này|kỳ\\s+này|năm\\s+qua)`,
    `(?:(?:tại|vào)\\s+(?=ngày))?(?:ngày\\s+)?\\d{1,2}/\\d{1,2}/\\d{4}`,
    // a moment of a day (`lúc 14 giờ ngày 12/8`, `vào ngày 5/8`): when a reading was taken, not what was read
    `(?:vào\\s+)?lúc\\s+\\d{1,2}\\s*(?:giờ|h)(?:\\s*\\d{1,2}(?:\\s*phút)?)?(?:\\s+(?:vào\\s+)?ngày\\s+\\d{1,2}/\\d{1,2}(?:/\\d{4})?)?|(?:vào\\s+)?ngày\\s+\\d{1,2}/\\d{1,2}(?!/)`,
  ]
    .map(W)
    .join('|'),
  'giu',
);

/** A comparative opening the words before a change (`cao hơn mức bình quân chung …`, `thấp hơn cả nước`). */
const HIGHER_THAN = /^(?:(?:cao|thấp|nhiều|ít|lớn|nhỏ)\s+hơn|vượt)\s+(?:so với\s+)?(?=\S)/iu;

/** Words that name only a place (`ở nông thôn`, `tại khu vực miền núi`): a part of a parallel clause. */
const PLACE_ONLY = /^(?:ở|tại)\s+(?:\S+\s*){1,4}$/iu;

/** A compared metric without the base it was compared with (`… so với tháng trước` → `…`). */
function withoutBase(metric: string): string {
  return metric.replace(/\s+so với(?:\s.*)?$/u, '');
}

/** Words that say only how a change runs (`bình quân mỗi năm tăng`), not what changes. */
const RATE_ONLY = new RegExp(`^(?:\\s*${W('bình quân|trung bình|mỗi năm|hằng năm|hàng năm|mỗi tháng|hằng tháng|tăng|giảm|thêm|khoảng')}\\s*)+$`, 'iu');

/**
 * A comma ends the words after a number, but not one between nouns said as a pair or a list (`trạm y tế xã,
 * phường đã kết nối …`, `486 phản ánh, kiến nghị về trật tự đô thị`, `đơn thư khiếu nại, tố cáo của công dân`, people by their role
 * in `… viên`: `phóng viên, biên tập viên, kỹ thuật viên`).
 */
const PAIRED = `(?:${[...COORDINATED_NOUNS, 'phản ánh', 'kiến nghị', 'khiếu nại', 'tố cáo', 'đơn thư', 'tin báo', 'giao dịch', 'hợp đồng']
  .sort((a, b) => b.length - a.length)
  .join('|')}|(?:\\p{L}+\\s+){1,2}viên)`;
const COMMA_STOP = `(?<!(?<![\\p{L}])${PAIRED}),|,(?!\\s*${PAIRED}(?![\\p{L}]))`;
/** A number ahead (another figure's), but not a grade's (`học sinh lớp 12 đăng ký dự thi`), a time's (`trong năm 2025`) nor an age that bounds who is counted (`trẻ em dưới 1 tuổi được tiêm đủ`). */
const NUMBER_NEXT =
  '(?<!(?<![\\p{L}])(?:lớp|khối|năm|tháng|quý|ngày))\\s(?=\\d[\\d.,]*(?![\\d\\p{L}]))(?!\\s*\\d+(?:\\s*(?:[-–]|đến)\\s*\\d+)?\\s*tuổi(?!\\p{L}))';
/** Where the words after a number stop naming what it counts: punctuation, a verb of change or comparison, a cause or purpose (`giảm 5,8% do diện tích mía thu hẹp`). */
const POST_STOP_WORDS =
  'và(?=\\s+\\d)|và(?=\\s+(?:\\p{L}+\\s+){1,3}\\d)|(?<!gia\\s)tăng|giảm|so với|với|trên tổng|trên(?=\\s+\\d)|trong đó|(?<!(?:mặt|đồng|văn|công|cân|san|bình)\\s)bằng|tương ứng|tương đương|gồm|là|lần lượt|nâng|đưa|vì|nhờ|bởi|nhằm|chủ yếu|(?:làm|khiến)(?=\\s+(?:\\d|chết|bị thương|mất tích|thiệt mạng|tử vong))';
const POST_STOP = new RegExp(`[;:()\\[\\].!?]|${COMMA_STOP}|\\s[-–]\\s|${NUMBER_NEXT}|${W(`${POST_STOP_WORDS}|do`)}`, 'iu');
/**
 * After a count's noun, `do` and what follows go on naming them — who made, runs or gave them, or what caused them (`2.874 cơ sở do
 * tuyến tỉnh quản lý`, `1.057 tổ hợp tác do Hội vận động thành lập`, `12 vụ cháy do đốt nương rẫy`); after a change, `do` gives the
 * change's cause, no word of what changed (and before a count of its own, `… hiện vật do 15 cá nhân hiến tặng`, the agent is counted).
 */
const POST_STOP_COUNT = new RegExp(`[;:()\\[\\].!?]|${COMMA_STOP}|\\s[-–]\\s|${NUMBER_NEXT}|${W(`${POST_STOP_WORDS}|do(?=\\s+\\d)`)}`, 'iu');
/**
 * People counted just after events counted with what was done at them. After `cho` they were given the events' activity:
 * `mở 94 lớp tập huấn sơ cấp cứu cho 5.860 học viên` → `học viên được tập huấn sơ cấp cứu` (not the verb that held the
 * events). After `thu hút` or `với` they took part: `3.126 buổi tuyên truyền, thu hút 241.580 lượt hội viên` → `lượt hội viên
 * tham gia tuyên truyền`, `24 phiên giao dịch việc làm với 9.500 lượt người lao động` → `… tham gia phiên giao dịch việc làm`.
 */
const EVENT_PEOPLE = new RegExp(
  `\\d[\\d.,]*\\s+(${W('lớp(?:\\s+học)?|khóa|khoá|buổi|hội nghị|hội thảo|đợt|cuộc|phiên|sự kiện|hoạt động')})\\s+((?:[^\\d,;.()!?]|,(?!\\s))+?)\\s*(?:\\s(cho)|,?\\s+(thu hút|với)(?:\\s+sự\\s+tham\\s+(?:gia|dự)\\s+của)?)\\s+(?:${W('gần|hơn|khoảng|trên|dưới|tới|ít nhất|tổng số')}\\s+)?$`,
  'iu',
);
/** Who may take part in an event (after `với`, a count of things is the event's own: `6 cuộc đấu giá với 120 lô đất`). */
const PEOPLE_NOUNS =
  /^(?:lượt|người|đại biểu|hội viên|đoàn viên|học viên|học sinh|sinh viên|cán bộ|công chức|viên chức|doanh nghiệp|thương nhân|cử tri|nông dân|lao động|người lao động|vận động viên|luật sư|phụ nữ|thanh niên|khách|du khách|giáo viên|nhân viên|chiến sĩ|công nhân)(?![\p{L}])/iu;

/** What people counted after events were given or took part in (`EVENT_PEOPLE`), as the words that follow their noun. */
function eventPeople(text: string, sentence: number, start: number, noun: string): string | undefined {
  const hit = EVENT_PEOPLE.exec(text.slice(Math.max(sentence, start - 160), start));
  if (!hit) return undefined;
  const activity = hit[2]
    .replace(/["“”]/gu, ' ')
    .replace(/\/\s*(?:năm|tháng|quý|lớp|buổi|khóa|khoá|đợt)(?![\p{L}])/giu, ' ')
    .trim();
  if (!activity || !hasContent(activity)) return undefined;
  if (hit[3]) return `được ${tidy(activity)}`;
  if (hit[4].toLocaleLowerCase('vi') === 'với' && !PEOPLE_NOUNS.test(noun)) return undefined;
  // (the event's noun when it names the event, `phiên giao dịch việc làm`; not a mere count of sessions, `buổi tuyên truyền`)
  const event = /^(?:buổi|đợt|cuộc)$/iu.test(hit[1]) ? '' : `${hit[1].toLocaleLowerCase('vi')} `;
  return `tham gia ${event}${tidy(activity)}`;
}

/** Where the noun phrase of a share written before its noun ends: commas may join a list of nouns. */
const SHARE_STOP = new RegExp(
  `[;:()\\[\\].!?]|\\s[-–]\\s|${NUMBER_NEXT}|,\\s+(?=${['tăng', 'giảm', 'đạt', 'chiếm', 'so với', 'trong đó', 'tối thiểu', 'ít nhất', 'phấn đấu'].join('|')})|${W('tăng|giảm|so với|trong đó|tương ứng|tương đương|nhưng')}`,
  'iu',
);
const POST_MAX_WORDS = 12;
const PRE_MAX_WORDS = 14;

/** Nouns that name an amount (`số tiền`, `kinh phí`, `tổng công suất` …), as they follow `với`. */
const AMOUNT_NOUNS = 'số tiền|kinh phí|tổng vốn|vốn|giá trị|diện tích|chiều dài|công suất|tổng mức đầu tư';

/** `với` and a noun of amount right before the figure (`… với số tiền`, `… với tổng kinh phí`, `… với mức`). */
// (after a comma, also the money a count's events came to: `xử lý 57 trường hợp vi phạm …, phạt tiền 1.185 triệu đồng`,
// `cấp thuốc miễn phí cho 5.260 lượt người, trị giá khoảng 420 triệu đồng`)
const WITH_NOUN = new RegExp(`^(?:[\\s,]*${W('với')}\\s+|\\s*(,)\\s*)(?:tổng\\s+)?${W(`${AMOUNT_NOUNS}|mức|phạt tiền|xử phạt|trị giá|thiệt hại`)}`, 'iu');

/**
 * An amount that came with the figure before it: `với số tiền …`, or after a comma (`… cho 1.247 đối tượng, số tiền
 * 624,3 triệu đồng`) when that figure is not itself an amount in the same unit (a list of amounts names each its own).
 */
function withNoun(m: MetricInput): boolean {
  const lead = m.text.slice(m.from, m.start);
  const w = WITH_NOUN.exec(lead);
  if (!w) return false;
  // (after a comma, the noun right before the figure: `, diện tích đất trồng lúa còn 1.020 ha` is an item of its own)
  const nounThenFigure = /^\s*(?:(?:là|khoảng|gần|hơn|trên|dưới|ước|ước tính)\s*)*$/iu.test(lead.slice(w[0].length));
  return !w[1] || (!m.sameUnitBefore && !/mức\s*$/iu.test(w[0]) && nounThenFigure);
}

/** The same, closing a phrase (`… với tổng kinh phí`). */
const WITH_NOUN_TAIL = new RegExp(`\\s${W('với')}\\s+(?:tổng\\s+)?${W(AMOUNT_NOUNS)}\\s*$`, 'iu');

/** A plan named right before a bracket (`… mục tiêu của Đề án phát triển lâm nghiệp (`, `kế hoạch năm (`). */
const PLAN_BEFORE_BRACKET = new RegExp(`${W('kế hoạch|chỉ tiêu|mục tiêu|dự toán')}[^,;()\\d]*$`, 'iu');

/** A place the counted things are in, itself counted, right after the noun (`… tại 125 quốc gia`, `ở 12 huyện`). */
// (a share of them too: `37 thôn thuộc 11/92 xã, phường chưa có sóng`)
const NESTED_WHERE = /^\s+(tại|ở|trên|thuộc)\s+\d[\d.,]*(?:\/\d[\d.,]*)?\s+(?=\p{L})/u;

/** A phrase that is a verb of moving money and nothing else (`giải ngân`, `huy động thêm`, `đã chi`): it names no measure. */
const VERB_ONLY = new RegExp(
  `^\\s*(?:(?:đã|được|sẽ|dự kiến|phấn đấu|tiếp tục)\\s+)*${W('giải ngân|huy động|chi|chi trả|cấp|hỗ trợ|đầu tư|bố trí|phân bổ|cho vay|trích|thu|vận động|quyên góp|ủng hộ|tài trợ')}(?:\\s+(?:được|thêm|mới|trực tiếp))?\\s*$`,
  'iu',
);
/** A verb of producing or moving goods, whose quantity a report names once and then goes on with the verb alone. */
const QUANTITY_VERB =
  /^(?:khai thác|sản xuất|tiêu thụ|xuất khẩu|nhập khẩu|chế biến|thu hoạch|thu mua|vận chuyển|bốc xếp|cung cấp|sản xuất và tiêu thụ|bán ra|phát|xuất bán|nhập)$/u;
/** Is `pre` one verb (a particle or `lũy kế` aside) that the earlier metric says too (`khai thác` in `sản lượng đá khai thác`)? */
function sameVerbAgain(pre: string, earlier: string): boolean {
  const verb = tidy(pre)
    .toLocaleLowerCase('vi')
    .replace(/^(?:(?:lũy|luỹ)\s+kế|đã|được|ước|cả\s+năm|riêng)\s+/u, '')
    .replace(/\s+(?:được|đạt|ước đạt)$/u, '');
  if (!QUANTITY_VERB.test(verb)) return false;
  const said = ` ${earlier.toLocaleLowerCase('vi')} `;
  // (and one that names its measure, `sản lượng …`: `đá các loại tiêu thụ` says no more than the heading would)
  return said.includes(` ${verb} `) && /^(?:tổng\s+)?(?:sản lượng|khối lượng|lượng|công suất)(?![\p{L}])/u.test(said.trim());
}
/** What money was for, said after its amount: `cho` and a noun (`cho Chương trình`, `cho vay phục vụ sản xuất`). */
const FOR_WHAT = /^cho\s+\p{L}+(?:\s+\p{L}+)/u;
/** Nouns of money that name what an amount is when they follow its unit. */
const MONEY_NOUN = new RegExp(`^${W('vốn|kinh phí|tiền|ngân sách|doanh thu|giá trị|kim ngạch|nguồn vốn')}`, 'iu');

/** What a rank orders by, after it (and after where: `thứ 9 toàn quốc về …`). */
// (after the group it is among, too: `thứ 4/23 phường của thành phố về tỷ lệ …`, `thứ 6/21 công ty cao su khu vực Tây Nguyên và
// duyên hải miền Trung về năng suất vườn cây`)
const RANK_BY =
  /^\s*(?:(?:toàn quốc|cả nước|toàn vùng|trong (?:cả nước|khu vực|vùng)|của (?:cả nước|vùng))\s*|[^,;.()]{0,90}?\s)?,?\s*(về|theo)\s+([^,;.()]+)/iu;
/** A rank given by another body (`được Trung ương Hội xếp thứ`, `được Viện kiểm sát nhân dân tối cao xếp`). */
const RANKED_BY = /(?<![\p{L}])được\s+[^,;()]{2,60}?\s+(?:xếp|đánh giá|công nhận)(?:\s+(?:hạng|thứ|vị trí))?\s*$/u;
/** The group a rank is among, said after it: `trong Cụm thi đua các tỉnh Bắc Trung Bộ`, `trong toàn hệ thống`. */
const RANK_WITHIN = /^[^;.()]{0,40}?(trong\s+(?:(?:cụm|khối)\s+thi đua|toàn\s+(?:hệ thống|ngành|quốc))[^,;.()]{0,60})/iu;
/** A phrase that already says it is a rank. */
const RANK_HEAD = new RegExp(W('xếp hạng|thứ hạng|xếp thứ|vị trí|thứ tự|nhóm|dẫn đầu|top'), 'iu');

/** The noun a measure in these units is named by when its phrase gives none. */
/** Units of length (`m`, `km`): what a dimension's adjective measures. */
const LENGTH_UNIT = /^(?:m|km|cm|mm)$/iu;
/**
 * The words of a noun (one to three) and the adjective of a dimension right before a length: `đường trượt cao (từ)`, `tuyến đê dài`
 * — the noun whole: opening its sentence, clause or bracket, or counted (`Tuyến đê dài`, `(trong đó 9 đường trượt cao`).
 */
const DIMENSION_ADJECTIVE =
  /(?:^\s*|[(,;:]\s*|(?<![\p{L}])(?:trong đó|gồm|có)\s+|\d\s+)((?:\p{L}+\s+){0,2}\p{L}+)\s+(cao|dài|rộng|sâu|dày)\s+(?:(?:từ|khoảng|gần|trên|dưới|hơn|tới|đến)\s+)?$/iu;
const ADJECTIVE_DIMENSION: Readonly<Record<string, string>> = { cao: 'chiều cao', dài: 'chiều dài', rộng: 'chiều rộng', sâu: 'độ sâu', dày: 'độ dày' };
const DIMENSION_OF: Readonly<Record<string, string>> = {
  ha: 'diện tích',
  km2: 'diện tích',
  'km²': 'diện tích',
  m2: 'diện tích',
  'm²': 'diện tích',
  km: 'chiều dài',
};

/** Words that say a phrase names a measure of its own (a subject NP), not an action. */
const MEASURE_HEAD = new RegExp(
  W(
    'tỷ lệ|tỉ lệ|tỷ trọng|tỉ trọng|số lượng|tổng số|số|doanh thu|tổng mức|giá trị|chỉ số|mật độ|tốc độ|tổng|lượng|sản lượng|công suất|kim ngạch|thu nhập|nộp ngân sách|vốn|dân số|diện tích|chiều dài|thứ hạng|xếp hạng',
  ),
  'iu',
);

/** Heads of the names of bodies (`Sở …`, `Tòa án …`), written with a capital. */
const ORG_HEADS =
  'Ủy ban|UBND|Sở|Phòng|Ban|Hội|Tòa án|Viện|Công an|Trung tâm|Chi cục|Cục|Đoàn|Mặt trận|Hạt|Đội|Trạm|Bệnh viện|Trường|Kho bạc|Ngân hàng|Công ty|Chi nhánh|Cảng vụ|Kiểm toán|Thanh tra|Bộ|Tổng cục|Văn phòng|Hội đồng|Đảng bộ|Chi bộ|Liên đoàn|Lực lượng|Đồn|Bưu điện';
/** Lower-case words inside a body's name (`Tòa án nhân dân hai cấp`, `Ủy ban nhân dân tỉnh`, `Hội … các cấp`). */
const ORG_MODIFIERS = 'nhân dân|hai cấp|các cấp|cấp tỉnh|cấp huyện|cấp xã|cơ sở|tỉnh|huyện|xã|phường|thành phố|thị xã';

/** A clause that opens with a body's name (`các Hạt Kiểm lâm …`, `Tòa án nhân dân hai cấp …`, `các cấp Hội …`). */
const AGENT_HEAD = new RegExp(`^(?:(?:[Cc]ác|[Mm]ỗi)\\s+)?(?:cấp\\s+)?(?:${ORG_HEADS})(?![${LETTER}])`, 'u');
/** … or with the place it speaks of (`toàn tỉnh có …`). */
const PLACE_HEAD = new RegExp(`^(?:toàn|cả)\\s+(?:tỉnh|huyện|thành phố|thị xã|xã|phường|ngành|chi nhánh|hệ thống|đơn vị)(?![${LETTER}])`, 'u');
const ORG_MODIFIER = new RegExp(`^(?:${ORG_MODIFIERS})(?![${LETTER}])`, 'u');

/**
 * A count's clause without the body named as its doer (`các Hạt Kiểm lâm ban hành` → `ban hành`, `Tòa án nhân dân
 * hai cấp đã thụ lý` → `đã thụ lý`) or the place it opens with (`toàn tỉnh có`): who or where, not what is counted.
 * The name runs over words written with a capital — with the lower-case syllable that makes a word of one
 * (`Kiểm lâm`) — and over the lower-case words of names (`nhân dân`, `hai cấp`); what follows is kept.
 */
function withoutAgent(pre: string): string {
  const text = pre.trimStart();
  const place = PLACE_HEAD.exec(text);
  const head = place ?? AGENT_HEAD.exec(text);
  if (!head) return pre;
  let rest = text.slice(head[0].length);
  if (!place) {
    const list = vietWordList();
    for (;;) {
      // (`Sở Văn hóa, Thể thao và Du lịch`: a comma or `và` inside a name, before its next capital)
      const joined = /^\s*(?:,|và)(?=\s+\p{Lu})/u.exec(rest);
      if (joined) rest = rest.slice(joined[0].length);
      const next = /^\s+(\S+)/u.exec(rest);
      if (!next) break;
      const word = next[1];
      const modifier = ORG_MODIFIER.exec(rest.trimStart());
      if (/^\p{Lu}/u.test(word)) {
        rest = rest.slice(next[0].length);
        // (`Kiểm lâm`, `Nông dân`: a capital and the syllable that makes one word with it)
        const tail = /^\s+(\p{Ll}+)/u.exec(rest);
        if (tail && list.words.has(`${word.toLocaleLowerCase('vi')} ${tail[1]}`)) rest = rest.slice(tail[0].length);
      } else if (modifier) rest = rest.trimStart().slice(modifier[0].length);
      else break;
    }
  }
  return hasContent(rest) ? rest.trim() : pre;
}

/** The whole a share is of, said after it (`0,51% tổng dư nợ`, `… trên tổng số hộ`). */
const WHOLE_AFTER = new RegExp(`^(?:(?:trên|trong|so với)\\s+)?${W('tổng|toàn bộ')}`, 'iu');

/** The plan a plan percentage is of, right after it (`96% kế hoạch`, `87,7% so với dự toán`). */
// (with who set it, when the text says: `dự toán Trung ương giao`, `kế hoạch UBND tỉnh giao` — two plans of one figure told apart)
const PLAN_AFTER = new RegExp(
  `^\\s*(?:so với\\s+)?(${'kế hoạch|dự toán|chỉ tiêu|mục tiêu|KH'})(?![${LETTER}])(\\s+(?:[^\\s,;.()\\d]+\\s+){1,4}giao(?![${LETTER}]))?`,
  'u',
);
/** A phrase that names a plan already. */
const PLAN_NAMED = new RegExp(W('kế hoạch|dự toán|chỉ tiêu|mục tiêu|kh'), 'iu');

/** `, chiếm` (`chiếm khoảng`, `chiếm tỷ lệ`) right before a share: the share the value before it takes. */
const TAKES_SHARE = /^[\s,;]*chiếm(?:\s+(?:khoảng|gần|hơn|trên|dưới|tỷ lệ|tỉ lệ))?\s*$/iu;

/** Words that already say a phrase is a share (`tỷ lệ`, `tỷ trọng`, `cơ cấu`). */
const SHARE_NAMED = new RegExp(W('tỷ lệ|tỉ lệ|tỷ trọng|tỉ trọng|cơ cấu'), 'iu');

/**
 * A share's metric named as Vietnamese names a share — `tỷ lệ` and what it is of (`95% hộ dân dùng nước sạch`,
 * `chiếm 31% tổng doanh thu` → `tỷ lệ …`) — unless the phrase already says so.
 */
export function namedAsShare(metric: string): string {
  return SHARE_NAMED.test(metric) ? metric : tidy(`tỷ lệ ${metric}`);
}

/** A list item's label opening a text (`b) `, `2) `, `iv) `), with any bullet before it kept. */
const LIST_LABEL = /^(\s*(?:[-+•]\s*)?)(?:[a-zđ]|\d{1,2}|[ivx]{1,4})\)\s+/u;

function tidy(s: string): string {
  // (a word left opening with `/` is what is left of a code whose digits were a figure: `… số /NĐ-CP`)
  let t = s
    .replace(/(^|\s)\/[^\s]*/gu, '$1')
    .replace(/\s+/g, ' ')
    .replace(/\(\s*\)/g, '');
  for (let prev = ''; prev !== t; ) {
    prev = t;
    t = t.replace(/^[\s,;:\-–+.•*)]+|[\s,;:\-–+.(•*]+$/gu, '');
    // the label of a list item the paragraph opens with (`a) Toàn tỉnh xuống giống …`, `d) Tỷ lệ …`)
    t = t.replace(LIST_LABEL, '$1');
    // a closing bracket at the end whose opening is not in the phrase
    if (t.endsWith(')') && !t.includes('(')) t = t.slice(0, -1);
  }
  return t.trim();
}

function words(s: string): string[] {
  return s.split(/\s+/).filter(Boolean);
}

/** Drop linkers (and bare numbers) from the end of a phrase, repeatedly. */
function stripLinkers(phrase: string, keep: ReadonlySet<string> = NO_WORDS): string {
  let p = tidy(phrase);
  for (let changed = true; changed && p; ) {
    changed = false;
    const lower = p.toLowerCase();
    const hit = LINKERS.find((w) => lower === w || lower.endsWith(` ${w}`));
    if (hit && keep.has(hit)) break;
    // not the last syllable of a word (`thực hiện`, `đổi mới`): a word stays whole — for the few linkers
    // that end common words; `đạt`, `là`, `có` stay linkers whatever stands before them (`thông đạt` is
    // a word, but `viễn thông đạt` is not it)
    if (hit && WORD_TAILS.has(hit) && splitsWord(words(lower), words(lower).length - 1)) break;
    if ((hit === 'bằng' || hit === 'tăng') && ENDS_IN_LINKER.test(lower)) break;
    // (the end of a group's bound: `người từ 80 tuổi trở lên`)
    if ((hit === 'lên' || hit === 'xuống') && /(?<![\p{L}])trở\s+(?:lên|xuống)$/u.test(lower)) break;
    // (a negated `đạt` is what fails, an adjective of the noun: `tỷ lệ mẫu không đạt`, `số hồ sơ chưa đạt`)
    if ((hit === 'đạt' || hit === 'đạt được') && /(?<![\p{L}])(?:không|chưa)\s+đạt(?:\s+được)?$/u.test(lower)) break;
    if (hit) {
      p = tidy(p.slice(0, p.length - hit.length));
      changed = true;
    } else if (/(?:^|\s)[\d.,/%]+$/u.test(p)) {
      p = tidy(p.replace(/(?:^|\s)[\d.,/%]+$/u, ''));
      changed = true;
    }
  }
  return p;
}

/** Drop openers and leading linkers from the start of a phrase. */
function stripOpeners(phrase: string): string {
  let p = tidy(phrase);
  for (let changed = true; changed && p; ) {
    changed = false;
    const m = OPENERS.exec(p);
    if (m?.[0].length) {
      p = tidy(p.slice(m[0].length));
      changed = true;
      continue;
    }
    const lower = p.toLowerCase();
    const hit = ['và', 'của', 'với', 'trong đó', 'đã', 'được', 'còn lại', 'còn', 'riêng', 'là', 'có', 'nhưng'].find(
      (w) => lower === w || lower.startsWith(`${w} `),
    );
    if (hit) {
      p = tidy(p.slice(hit.length));
      changed = true;
    }
  }
  return p;
}

/** What every alternative of `TIME` holds: a digit or one of its few words (a cheap test before the long pattern). */
const TIME_HINT = /\d|nay|này|qua|học\s+kỳ|(?:năm|tháng|quý)\s+[ivx]|cả\s+năm|trong\s+(?:tháng|kỳ|quý|năm)|đầu\s+năm|cuối\s+(?:năm|tháng|quý|kỳ)/iu;

function withoutTime(s: string): string {
  return tidy((TIME_HINT.test(s) ? s.replace(TIME, ' ') : s).replace(/\s+/g, ' '));
}

/** The last `max` words of a phrase, starting after a comma when the phrase is long, never inside a word (`thanh | toán`). */
function lastWords(s: string, max: number): string {
  let p = s;
  while (words(p).length > max && p.includes(',')) p = p.slice(p.indexOf(',') + 1);
  const w = words(p);
  let from = Math.max(0, w.length - max);
  for (let k = 0; k < 3 && from > 0 && splitsWord(w, from); k++) from--;
  return tidy(w.slice(from).join(' '));
}

/** The first `max` words of a phrase, never ending inside a word. */
export function firstWords(s: string, max: number): string {
  const w = words(s);
  let to = Math.min(w.length, max);
  for (let k = 0; k < 3 && to < w.length && splitsWord(w, to); k++) to++;
  return tidy(w.slice(0, to).join(' '));
}

function contentWords(s: string): number {
  return words(s.toLowerCase()).filter((w) => /\p{L}/u.test(w) && !LINKERS.includes(w)).length;
}

/** Content words that are not parts of a proper name (those are written with a capital). */
function commonWords(s: string): number {
  return words(s).filter((w) => /^\p{Ll}/u.test(w) && !LINKERS.includes(w)).length;
}

/** Has the phrase a content word (a letter-word that is not a linker)? */
function hasContent(s: string): boolean {
  return contentWords(s) > 0;
}

/** What a plan percentage is of (`đạt 96% kế hoạch`, `so với dự toán`): not the thing measured. */
const PLAN_WORDS = new RegExp(`^(?:${W('kế hoạch|kh|chỉ tiêu|dự toán|cùng kỳ|mục tiêu')})`, 'iu');

/** A share's head said right before its figure (`… tỷ lệ 98% hồ sơ …`). */
const SHARE_HEAD_LAST = new RegExp(`(${W('tỷ lệ|tỉ lệ|tỷ trọng|tỉ trọng')})\\s*$`, 'iu');

/** Heads that need the thing they measure: `tỷ lệ` of what, `tổng số` of what. */
const RATIO_HEAD = new RegExp(W('tỷ lệ|tỉ lệ|tỷ trọng|tỉ trọng|tổng số|số lượng|tổng|tốc độ(?: tăng(?: trưởng)?)?'), 'giu');

/** A phrase that is only such a head (`tỷ lệ`, `tổng số`): it takes what the figure before it measures. */
function headOnly(s: string): boolean {
  return !!s && tidy(s.replace(RATIO_HEAD, ' ')).length === 0;
}

/** Offset of a bracket opened before `start` in the sentence and not closed, or -1. */
export function openBracket(text: string, sentence: number, start: number): number {
  let depth = 0;
  for (let p = start - 1; p >= sentence; p--) {
    if (text[p] === ')') depth++;
    else if (text[p] === '(') {
      if (depth === 0) return p;
      depth--;
    }
  }
  return -1;
}

/** A part that names the source of the figures (`Theo kết quả điều tra …`, `Căn cứ báo cáo …`). */
const SOURCE = new RegExp(`^(?:${W('theo|căn cứ|qua')})\\s`, 'iu');

/** A comparison opening a clause, before the subject it compares (`so với cùng kỳ năm trước số vụ …`). */
/** A base of comparison that opens a sentence, before its comma: `So với tháng 10/2026, …`, `So với cùng kỳ năm 2025, …`. */
const SENTENCE_BASE =
  /^\s*(so với\s+(?:cùng kỳ(?:\s+năm\s+(?:trước|\d{4}))?|(?:năm|tháng|quý|kỳ)\s+(?:trước|[IVX\d]+(?:\s*[/.-]\s*\d{2,4})*(?:\s+năm\s+\d{4})?)|đầu năm|cuối năm(?:\s+\d{4})?))\s*,/iu;
const LEADING_COMPARISON = /^\s*so với\s+(?:cùng kỳ|năm trước|tháng trước|quý trước|kỳ trước)(?:\s+năm\s+(?:trước|\d{4}))?\s+(?=\S)/iu;

/**
 * A list item that leaves out the head it shares with the item before (`luồng vàng` after `tỷ lệ tờ khai được
 * phân luồng xanh`): when its first word stands in the earlier phrase past that phrase's first two words and the
 * item has at most three words, the earlier phrase up to that word, then the item.
 */
function elliptic(own: string, earlier: string): string | undefined {
  const item = own.trim().split(/\s+/u);
  if (item.length === 0 || item.length > 3 || !/\p{L}/u.test(item[0] ?? '')) return undefined;
  const words = earlier.trim().split(/\s+/u);
  const first = (item[0] ?? '').toLocaleLowerCase('vi');
  // (an item that starts as the earlier phrase does — `thu thuế …; thu phí …` — is a sibling of the same head, not an ellipsis)
  if ((words[0] ?? '').toLocaleLowerCase('vi') === first) return undefined;
  const at = words.findIndex((w, i) => i >= 2 && w.toLocaleLowerCase('vi') === first);
  if (at < 0 || words.slice(at).join(' ').toLocaleLowerCase('vi') === own.trim().toLocaleLowerCase('vi')) return undefined;
  return tidy(`${words.slice(0, at).join(' ')} ${own.trim()}`);
}

/** A clause that opens with a verb of change, then its object (`Tăng doanh thu …`, `giảm tỷ lệ hộ nghèo …`). */
const VERB_FIRST = /^\s*(?:tăng(?!\s+trưởng)|giảm)(?![\p{L}])/iu;

/** Comma-separated parts that continue a previous clause rather than name this figure. */
// (not `tăng trưởng`, growth: `Tăng trưởng tín dụng đạt 12%` names its subject)
const CONTINUATION = new RegExp(`^(?:${W('so với|tăng(?!\\s+trưởng)|giảm|đạt|chiếm|bằng')})`, 'iu');

/**
 * The words between `from` and the number, as the clause's noun or verb phrase: bracketed asides,
 * other numbers and time words dropped; of comma-separated parts, the last one that says something
 * (two content words at least, growing leftwards until it does).
 */
/** A concession after a subject (`X tuy chỉ chiếm 29,3% …`, `X mặc dù …`): the subject ends before it, what follows is said of it. */
const CONCESSION = new RegExp(`\\s${W('tuy|mặc dù|dù')}\\s[^,;]*`, 'gu');

/** The bounds of a group said with `từ`: `từ 6 m đến dưới 12 m`, `từ 60 tuổi trở lên`, `từ 3 đến 5 sao`. */
const GROUP_BOUND = /(?<![\p{L}])từ\s+\d[\d.,]*\s*(?:[\p{L}/%²³]+\s+)?(?:(?:đến|tới)\s+(?:dưới\s+)?\d[\d.,]*(?:\s*[\p{L}/%²³]+)?|trở\s+(?:lên|xuống))/gu;

/** A class named by its number inside a phrase (`nhóm cơ sở 4-5 sao`, `xe 16 chỗ`, `nhà 5 tầng`, `đường 4 làn xe`): it names who is counted. */
const CLASS_NUMBER = /(?<![\p{L}\d.,])\d{1,2}(?:\s*[-–]\s*\d{1,2})?\s+(?:sao|chỗ|tầng|làn)(?![\p{L}])/gu;

/** Where a text's group bounds and numbered classes are, as [start, end) pairs. */
function groupBounds(text: string): [number, number][] {
  const bounds: [number, number][] = text.includes('từ') ? [...text.matchAll(GROUP_BOUND)].map((m) => [m.index, m.index + m[0].length]) : [];
  return [...bounds, ...[...text.matchAll(CLASS_NUMBER)].map((m): [number, number] => [m.index, m.index + m[0].length])];
}

function before(text: string, from: number, start: number): string {
  // the clause ends at a `;`: what stands before it is another item's
  const semi = text.lastIndexOf(';', start - 1);
  if (semi >= from) from = semi + 1;
  // (a list item's label the clause opens with — `b) 100% doanh nghiệp …` — says nothing of the figure)
  // (a bound the noun before it was given, `… của 216 cơ sở lưu trú từ 3 sao trở lên đạt 64,7%`, is that noun's, not this figure's)
  // (not one that opens its own clause: `…; từ 100 tuổi trở lên có 142 cụ` names who is counted)
  const afterNoun = /\p{L}\s*$/u.test(text.slice(Math.max(0, from - 3), from));
  const opensClause = from === 0 || /(?:^|[;:.!?\n])\s*$/u.test(text.slice(Math.max(0, from - 3), from));
  // (nor how a total is broken down, `Phân theo chiều dài: tàu …`, `Theo quý: quý I tiếp nhận …`: the part's words follow it)
  const labelled = text
    .slice(from, start)
    .replace(LIST_LABEL, '$1')
    .replace(/^\s*(?:(?:phân|chia)\s+(?:theo|ra)|theo)(?![\p{L}])[^:;.]{0,40}:\s*/iu, ' ');
  // (and the bound that closes the figure before, `đạt 62,8% trở lên, tăng …`, is that figure's)
  const window = (afterNoun ? labelled.replace(/^\s*(?:từ\s+)?\d[\d.,]*\s+\p{L}+\s+trở\s+(?:lên|xuống)(?!\p{L})/iu, ' ') : labelled).replace(
    /^\s*trở\s+(?:lên|xuống)(?!\p{L})/iu,
    ' ',
  );
  // (an aside in brackets goes, but not a short name: `… của cơ quan hành chính (SIPAS)` keeps `SIPAS`)
  const timeless = withoutTime(
    window
      // (the base a figure before was of is no word of what a later figure measures: `cao hơn mức tăng 8,9% của cùng kỳ năm
      // 2025 và đứng thứ 5/34`)
      .replace(/(?:^|(?<=\d\s*%?\s))\s*của\s+cùng kỳ(?:\s+năm\s+(?:trước|\d{4}))?(?![\p{L}])/giu, ' ')
      .replace(/\(([^()]*)\)/g, (_, inner: string) => (/^\s*\p{Lu}[\p{Lu}\d-]{1,9}\s*$/u.test(inner) ? ` ${inner.trim()} ` : ' ')),
  );
  const bounds = groupBounds(timeless);
  const pre = timeless.replace(
    /(?<![\p{L}\p{M}\d]|\p{L}\d+[.,]|(?<![\p{L}])(?:lớp|khối|bão số|con thứ|báo động|vành đai)\s)\d(?:[\d.,/]*\d)?%?(?![\p{L}\p{M}\d])/giu,
    (n, at: number) =>
      // (the bounds of a group stay: `tàu từ 6 m đến dưới 12 m`, `người từ 60 tuổi trở lên`)
      bounds.some(([a, b]) => at >= a && at < b) ? n : ' ',
  );
  // a source adverbial (`Theo kết quả đánh giá năm 2024, …`, `Theo báo cáo của …`) says where a figure comes from, not what it is
  const parts = pre
    // (a concession's `tuy`/`mặc dù` closes the subject it follows: `lĩnh vực công nghiệp tuy chỉ chiếm …`)
    .replace(CONCESSION, ',')
    // (not the decimal comma of a name's number: `PM2,5`)
    .split(/(?<!\d),|,(?!\d)/u)
    // `so với cùng kỳ năm trước số vụ giảm`: the comparison leads, the subject follows it
    .map((x) => stripOpeners(x.replace(LEADING_COMPARISON, '')))
    // (a clause that opens with its verb and names the verb's object — `Tăng doanh thu 12 tỷ đồng`, `Giảm tỷ lệ hộ nghèo 2,5
    // điểm phần trăm` — goes on no earlier clause: the object is what the figure measures)
    .filter(
      (x, i) =>
        x &&
        !(CONTINUATION.test(x) && !(i === 0 && opensClause && VERB_FIRST.test(x) && hasContent(x.replace(VERB_FIRST, '')))) &&
        !(SOURCE.test(x) && !/(?<![\p{L}])thì(?![\p{L}])/u.test(x)),
    );
  // grow leftwards until the phrase says something of its own: three common words (a list of proper
  // names `Giao Thủy, Hải Hậu, Vụ Bản` says only where), and the measure's head when the clause names one
  const headAt = parts.findIndex((x) => MEASURE_HEAD.test(x));
  let phrase = '';
  // (a label that opens its clause and ends with a colon right before the figure is whole, commas and all: `b) Hạ tầng khu,
  // cụm công nghiệp: 546,2 tỷ đồng`, `- Y tế, giáo dục, xã hội hóa: 318,7 tỷ đồng`)
  const wholeLabel = opensClause && parts.length > 1 && parts.length <= 4 && /^[^:;.()\d]{2,80}:\s*$/u.test(window.trim());
  if (wholeLabel) phrase = tidy(parts.join(', '));
  for (let i = parts.length - 1; i >= 0 && !wholeLabel; i--) {
    phrase = tidy(`${parts[i]}${phrase ? `, ${phrase}` : ''}`);
    if (commonWords(stripLinkers(withoutTime(phrase))) >= 3 && (headAt < 0 || i <= headAt || parts.length - i > 3)) break;
  }
  // a topic before a colon (`Cổng thông tin điện tử: đăng …`) stays as context, without the colon
  const clean = stripLinkers(withoutTime(stripOpeners(stripLinkers(phrase)))).replace(/\s*:\s*/g, ' ');
  // too long: a subject that opens with the measure's head (`Tổng số viên chức đủ tiêu chuẩn … năm
  // 2025:`) keeps its head and first modifiers; anything else its last words, nearest the number
  const head = MEASURE_HEAD.exec(clean);
  if (words(clean).length > PRE_MAX_WORDS && head && words(clean.slice(0, head.index)).length <= 2) {
    return stripLinkers(firstWords(clean.slice(head.index), PRE_MAX_WORDS));
  }
  return lastWords(clean, PRE_MAX_WORDS);
}

/** A norm a value is measured against (`bằng 131% TBNN`, `bằng 85% trung bình nhiều năm cùng thời kỳ`). */
const NORM = /^(?:tbnn|trung bình nhiều năm|mức trung bình nhiều năm)(?![\p{L}])/iu;

/** A figure's own words that say only that it contributes (`…, đóng góp 9,6 điểm phần trăm`). */
const CONTRIBUTION = /^\s*(?:ước\s+)?đóng góp\s*$/iu;

const GLOBAL = new WeakMap<RegExp, RegExp>();
/** Offset from `from` of the first match of `re` in the next `length` characters, its look-behinds seeing the text before `from`; -1 when none. */
function searchFrom(text: string, from: number, re: RegExp, length: number): number {
  let g = GLOBAL.get(re);
  if (!g) {
    g = new RegExp(re.source, `${re.flags}g`);
    GLOBAL.set(re, g);
  }
  const window = text.slice(0, Math.min(text.length, from + length));
  g.lastIndex = from;
  const m = g.exec(window);
  return m ? m.index - from : -1;
}

/** The words after the number's unit that qualify what it counts, and where they end. */
/** A number and its unit closed by `trở lên`/`trở xuống` (`1 tỷ đồng/năm trở lên`, `50 m trở lên`). */
const BOUND_CLOSED = /^\s*\d[\d.,]*\s*(?:[\p{L}/\d²]+\s*){0,3}trở\s+(?:lên|xuống)(?![\p{L}])/u;

function after(text: string, from: number, stops: RegExp = POST_STOP): { phrase: string; end: number } {
  // a bound written after the figure (`từ 40% trở lên số xã`) is no word of its noun
  const bound = BOUND_AFTER.exec(text.slice(from, from + 12));
  if (bound) from += bound[0].length;
  // a bracketed aside right after the unit (`318 công trình (chiếm 52%) hoạt động bền vững`): the noun's words go on after it
  const aside = /^\s*\([^()]{1,80}\)/u.exec(text.slice(from, from + 90));
  const next = aside ? text.slice(from + aside[0].length, from + aside[0].length + 20) : '';
  if (aside && /^\s+\p{Ll}/u.test(next) && next.trimStart().search(stops) !== 0) from += aside[0].length;
  const rest = text.slice(from, Math.min(text.length, from + 200));
  let stop = searchFrom(text, from, stops, 200);
  // (a bound that says which of them, `1.400 hộ có thu nhập từ 1 tỷ đồng/năm trở lên`, is the noun's: its number does not stop it)
  const group = stop > 0 && /(?<![\p{L}])từ\s*$/u.test(rest.slice(0, stop)) ? BOUND_CLOSED.exec(rest.slice(stop)) : null;
  if (group) {
    const further = searchFrom(text, from + stop + group[0].length, stops, 120);
    stop = further >= 0 ? stop + group[0].length + further : rest.length;
  }
  const raw = stop >= 0 ? rest.slice(0, stop) : rest;
  const all = [...raw.matchAll(/\S+/gu)];
  let n = Math.min(all.length, POST_MAX_WORDS);
  for (
    let k = 0;
    k < 3 &&
    n < all.length &&
    splitsWord(
      all.map((w) => w[0]),
      n,
    );
    k++
  )
    n++;
  const last = all[n - 1];
  const end = last ? from + (last.index ?? 0) + last[0].length : from;
  // (a time's head cut from its numbers by the stop is no word of the noun: `xuống 3,6% giai đoạn 2021-2025`)
  const phrase = withoutTime(text.slice(from, end)).replace(/(?:^|\s)(?:trong\s+)?(?:giai\s+đoạn|thời\s+kỳ)\s*$/iu, '');
  return { phrase: stripLinkers(phrase, KEPT_AFTER), end };
}

/**
 * Lower-case a sentence-initial capital (`Doanh thu …` → `doanh thu …`), but never an acronym
 * (`DTI`, `TTHC`) or a proper name, whose syllables are all capitalised (`Lạng Sơn`, `Việt Nam`).
 */
function caseOf(phrase: string): string {
  if (!phrase) return phrase;
  const [first, second] = phrase.split(/[\s,]+/);
  if (first.length > 1 && first === first.toUpperCase() && /\p{Lu}.*\p{Lu}/u.test(first)) return phrase;
  if (second && /^\p{Lu}/u.test(second) && /^\p{Lu}\p{Ll}/u.test(first)) return phrase;
  if (first.slice(1) !== first.slice(1).toLowerCase()) return phrase;
  return phrase[0].toLowerCase() + phrase.slice(1);
}

/** Does the phrase already name the counted noun (`tổng số thuê bao 2G …` for `thuê bao`)? */
function names(phrase: string, noun: string): boolean {
  // (a noun of a list names it too: `thôn, làng chưa có đảng viên` names `thôn`)
  return !!noun && ` ${phrase.toLocaleLowerCase('vi').replace(/[,;:()]/gu, ' ')} `.replace(/\s+/gu, ' ').includes(` ${noun.toLocaleLowerCase('vi')} `);
}

/** Are the words after a count's noun none, or only words the earlier count's phrase said (`mắc` of `người mắc …`)? */
function saysAgain(after: string, earlier: string): boolean {
  return !hasContent(after) || words(after).every((w) => words(earlier).includes(w));
}

/** The head of a share's metric (`tỷ lệ hộ nghèo` → `hộ nghèo`). */
const SHARE_HEAD = /^(?:tỷ|tỉ)\s+(?:lệ|trọng)\s+(?:(?:số|số lượng)\s+)?/iu;

/** Only `với` between the figure before and this one (`… 02 vụ ngộ độc với 37 người mắc`). */
const WITH_ONLY = /^[\s,]*với\s*$/u;

const HARM = 'chết|tử vong|bị thương(?:\\s+(?:nặng|nhẹ))?|mất tích|thiệt mạng|bị nạn|(?:phải\\s+)?(?:nhập|đi)\\s+viện|mắc|bị ngộ độc';
const CONSEQUENCE = new RegExp(`^(?:làm|khiến|gây)?\\s*(${HARM})$`, 'iu');
/** The verb alone (or nothing) before the figure, the harm after its noun: `… 251 vụ tai nạn làm 264 người bị nạn`, `…, 58 người bị thương nặng`. */
const CAUSED = /^(?:làm|khiến|gây)$/iu;
const HARM_FIRST = new RegExp(`^(${HARM})(?![\\p{L}])`, 'iu');
/** Where the name of an event stops: its place or its verb (`vụ tai nạn giao thông trên địa bàn tỉnh xảy ra`). */
const EVENT_END = /(?:^|\s)(?:trên|tại|ở|xảy|do|của|trong|làm)(?![\p{L}]).*$/u;

/** `làm chết`, `bị thương` after a count of events (`vụ …`): `chết do tai nạn giao thông`. */
function consequenceOf(own: string, earlier: MetricInput['earlierCounts'], post = ''): string | undefined {
  const c = CONSEQUENCE.exec(own.trim()) ?? (CAUSED.test(own.trim()) || !hasContent(own) ? HARM_FIRST.exec(post.trim()) : null);
  const events = earlier?.find((e) => e.noun === 'vụ');
  if (!c || !events) return undefined;
  const event = events.metric
    .replace(/^vụ\s+/iu, '')
    .replace(EVENT_END, '')
    .trim();
  return event ? `${c[1]} do ${event}` : c[1];
}

/** A phrase read after `là`, with the word kept: `là thanh thiếu niên`. */
function withCopula(read: { phrase: string; end: number }): { phrase: string; end: number } {
  return hasContent(read.phrase) ? { phrase: `là ${read.phrase}`, end: read.end } : read;
}

/** The phrase of the last earlier count of the same noun, when it says more than the noun and `post` is a short negation. */
function qualifiedAgain(post: string, noun: string, earlier: MetricInput['earlierCounts']): string | undefined {
  // (only a negation picks some of them out — `không đạt`, `chưa có`; other words name siblings: `27 ca sởi, 94 ca thủy đậu`)
  if (!/^(?:không|chưa)(?![\p{L}])/iu.test(post.trim()) || contentWords(post) > 2) return undefined;
  const same = [...(earlier ?? [])].reverse().find((e) => e.noun === noun);
  return same && contentWords(same.metric) > contentWords(noun) ? same.metric : undefined;
}

/** `số vụ`, `số người chết` said again of a noun counted earlier in the sentence: that count's fuller phrase. */
function sameCountAgain(own: string, noun: string, earlier: MetricInput['earlierCounts']): string | undefined {
  const rest = own
    .replace(/^(?:số|tổng số|số lượng)\s+/iu, '')
    .trim()
    .toLocaleLowerCase('vi');
  if (!rest.startsWith(noun.toLocaleLowerCase('vi'))) return undefined;
  const qualifier = rest.slice(noun.length).trim();
  const match = earlier?.find((e) => e.noun === noun && (qualifier === '' || e.metric.toLocaleLowerCase('vi').includes(qualifier)));
  return match && words(match.metric).length > words(rest).length ? `số ${match.metric}` : undefined;
}

/**
 * In a list after `gồm:` whose items carry their figures in brackets, the list's measure (from the head
 * the words before `gồm:` name: `tỷ lệ giải ngân`) with the item before the bracket; undefined elsewhere.
 */
function listItemMeasure(text: string, sentence: number, bracket: number): string | undefined {
  const lower = text.slice(sentence, bracket).toLocaleLowerCase('vi');
  const opening = lower.search(/(?<![\p{L}])(?:bao\s+)?gồm\s*:/u);
  if (opening < 0) return undefined;
  const head = MEASURE_HEAD.exec(text.slice(sentence, sentence + opening));
  if (!head) return undefined;
  const measure = firstWords(text.slice(sentence + head.index, sentence + opening), 6);
  const colon = text.indexOf(':', sentence + opening);
  const items = text.slice(colon + 1, bracket);
  const item = items.slice(Math.max(items.lastIndexOf(','), items.lastIndexOf(';'), items.lastIndexOf(')')) + 1).replace(/^\s*(?:và|hoặc)\s+/u, '');
  return hasContent(item) ? tidy(`${measure} ${item}`) : undefined;
}

/** The metric phrase of one figure. */
/**
 * A phrase put together from two places often says a run of words twice (`vận động viên huấn luyện viên vận động viên …`,
 * `thị trường Nhật Bản vẫn dẫn đầu Thị trường Nhật Bản vẫn dẫn đầu với …`): the later run goes, longest first, three words at least (two say things twice on purpose: `nhà vệ sinh hợp vệ sinh`)
 * (not a parallel run after `và`, `hoặc`, `với`).
 */
export function withoutRepeats(phrase: string): string {
  let w = phrase.split(/\s+/u).filter(Boolean);
  let keys = w.map((x) => x.toLocaleLowerCase('vi').replace(/[,;:]$/u, ''));
  // (most phrases say no word twice: nothing to look for)
  if (new Set(keys).size === keys.length) return w.join(' ').replace(/[,;:]$/u, '');
  const same = (a: number, b: number, n: number): boolean => {
    for (let k = 0; k < n; k++) if (keys[a + k] !== keys[b + k]) return false;
    return true;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (let n = Math.floor(w.length / 2); n >= 3 && !changed; n--) {
      for (let i = 0; i + n <= w.length && !changed; i++) {
        for (let j = i + n; j + n <= w.length; j++) {
          // (not a parallel one: `số hộ nghèo và số hộ cận nghèo`)
          if (same(i, j, n) && !keys.slice(i + n, j).some((x) => x === 'và' || x === 'hoặc' || x === 'với')) {
            w = [...w.slice(0, j), ...w.slice(j + n)];
            keys = [...keys.slice(0, j), ...keys.slice(j + n)];
            changed = true;
            break;
          }
        }
      }
    }
  }
  return w.join(' ').replace(/[,;:]$/u, '');
}

const COUNTED = new RegExp(`^(?:${[...new Set(COUNT_NOUNS)].sort((a, b) => b.length - a.length).join('|')})(?![\\p{L}])`, 'iu');
/** Does a phrase open with a counted noun of the lexicon (`hồ sơ đúng hạn`, `xã có sóng 4G`)? */
function startsWithCountNoun(phrase: string): boolean {
  return COUNTED.test(phrase.trim());
}

/** Words that say only over what time a figure runs, and maybe which way it went: `tính chung cả năm tăng`, `lũy kế`. */
const WHOLE_TIME_ONLY = /^(?:\s*(?:tính chung|cả năm|lũy kế|luỹ kế|riêng|ước|tăng|giảm|đạt)(?![\p{L}]))+\s*$/iu;

/** Verbs by which money is given or taken, the rate of which `mức` names (`mức hỗ trợ`, `mức phạt`). */
const MONEY_VERBS = 'hỗ trợ|trợ cấp|trợ giúp|chi trả|bồi thường|khen thưởng|thưởng|xử phạt|phạt|cho vay|đóng|thu|chi';
const MONEY_VERB = new RegExp(`(?<![\\p{L}])(${MONEY_VERBS})(?![\\p{L}])`, 'giu');
/** `mức` right before a rate, or before a list of rates each with the case it is for: `mức 60 triệu đồng/nhà xây mới và `. */
const RATE_LEAD = new RegExp(
  `(?<![\\p{L}])mức(?:\\s+(${MONEY_VERBS}))?\\s+(?:\\d[\\d.,]*\\s+[^\\d;:.()/]{1,30}\\/\\s*[\\p{L}\\d]+\\s+[^\\d;:.()]{1,40}?\\s*(?:,|và)\\s+)*$`,
  'iu',
);
/** The case a rate is for, said right after it: `… 30 triệu đồng/nhà sửa chữa`, `… 20 triệu đồng/hộ đối với sửa chữa`. */
const RATE_CASE = /^\s+((?:đối với|cho)\s+)?(\p{L}[^\d;:,.()]{1,50}?)(?=\s*(?:[,;.()]|\s(?:và|hoặc)\s|$))/u;

/**
 * `hỗ trợ xóa 23 nhà tạm với mức 60 triệu đồng/nhà xây mới và 30 triệu đồng/nhà sửa chữa`: a rate after `mức`, per a case
 * said after it, is the rate of the clause's giving for that case (`mức hỗ trợ sửa chữa`), each rate of the list its own.
 */
function rateForCase(m: MetricInput): { phrase: string; end: number } | undefined {
  if (m.kind !== 'money' || !m.text.slice(m.unitStart, m.unitEnd).includes('/')) return undefined;
  const lead = m.text.slice(m.sentence, m.start);
  const rate = RATE_LEAD.exec(lead);
  const tail = RATE_CASE.exec(m.text.slice(m.unitEnd, m.unitEnd + 80));
  if (!rate || !tail || !hasContent(tail[2]) || words(tail[2]).length > 6 || TIME_HINT.test(tail[2])) return undefined;
  const verb = rate[1] ?? [...lead.slice(0, rate.index).matchAll(MONEY_VERB)].pop()?.[1];
  return { phrase: tidy(`mức ${verb?.toLocaleLowerCase('vi') ?? ''} ${tail[1] ?? ''}${tail[2]}`), end: m.unitEnd + tail[0].length };
}

/** What says the figure after it is the one before it in another unit (`, tương đương 86.420 TEU`, `, quy đổi khoảng …`). */
const EQUIVALENT_LEAD = /^[\s,]*(?:tương đương(?:\s+với)?|quy đổi(?:\s+ra)?|tức là)\s*(?:(?:khoảng|gần|hơn|trên|dưới)\s*)?$/iu;

/** A comparison's base right before a bracket (`… so với cùng kỳ năm 2025 (`): the base's words. */
const BASE_BEFORE_BRACKET = /(?<![\p{L}])so với\s+((?:cùng kỳ|năm|tháng|quý|kỳ|đầu năm|cuối năm)[^(),;:]{0,30}?)\s*$/iu;

/** A purpose said right after an amount (`… 9,5 tỷ đồng để cải tạo kho lưu trữ`, `… nhằm hỗ trợ …`). */
const PURPOSE_AFTER = /^\s*,?\s*(?:để|nhằm)\s+([^;.()]{3,120}?)(?=\s*(?:[;.()]|,\s+(?:đạt|tăng|giảm|bằng|trong đó)|$))/u;
/** A phrase already headed by a noun of money (`tổng kinh phí`, `vốn`, `số tiền`). */
const MONEY_HEAD = /^(?:tổng\s+)?(?:kinh phí|vốn|số tiền|nguồn vốn|ngân sách|chi phí|dự toán)(?![\p{L}])/iu;

/** `…, nâng tổng số lên`, `…, nâng tổng số hợp tác xã lên`: a running total raised by the count before it. */
const RAISED_TOTAL = /(?<![\p{L}])nâng\s+(?:tổng\s+số|tổng|số)\s+lên\s*(?:(?:khoảng|gần|hơn|trên)\s*)?$/iu;

/**
 * The phrase of the earlier count of the same noun a raised total that names nothing itself (`nâng tổng số lên`) goes on
 * from, if the figure is one (`nâng số hợp tác xã do phụ nữ quản lý lên 163` names its own).
 */
function raisedTotal(m: MetricInput): string | undefined {
  if (!RAISED_TOTAL.test(m.text.slice(m.sentence, m.start))) return undefined;
  const earlier = [...(m.earlierCounts ?? [])].reverse().find((e) => e.noun === m.countedNoun);
  return earlier ? withoutBase(earlier.metric) : undefined;
}

export function metricPhrase(m: MetricInput): MetricReading {
  const bracket = openBracket(m.text, m.sentence, m.start);
  // (`6.215 người là thanh thiếu niên`, `38 đại biểu là người dân tộc thiểu số`: `là` right after a counted noun says
  // which of them — the words after it name the count, not a new clause)
  const copula = m.kind === 'count' && m.countedNoun ? /^\s+là\s+(?=\p{L})/u.exec(m.text.slice(m.unitEnd, m.unitEnd + 8)) : null;
  const stops = m.kind === 'count' && m.aspect !== 'change' && m.aspect !== 'plan' ? POST_STOP_COUNT : POST_STOP;
  const post = copula ? withCopula(after(m.text, m.unitEnd + copula[0].length, stops)) : after(m.text, m.unitEnd, stops);
  const shareWhole = m.kind === 'percent' ? after(m.text, m.unitEnd, SHARE_STOP) : post;
  const own = before(m.text, bracket >= 0 ? Math.max(m.from, bracket + 1) : m.from, m.start);
  // `đã rà soát và thẩm định … cho 40 xã và 03 huyện`: a figure joined to the one before it by `và`
  // or a comma shares that figure's verb or subject
  // (nor when its own words only say again what follows it: `17,5% GRDP vào năm 2029 và 20% GRDP vào năm 2030`)
  const echo = m.shared && words(own).every((w) => words(m.text.slice(m.unitEnd, m.unitEnd + 60)).includes(w));
  // (not a share that opens a `;` clause of its own and names its whole after it: `…; 99,96% học sinh tiểu học hoàn thành
  // chương trình lớp học`)
  // (nor one that names its own counted noun after it, after a figure of another measure: `… với số tiền 612,4 tỷ đồng, 100% hồ sơ đúng hạn`)
  const opensShare =
    m.kind === 'percent' &&
    hasContent(shareWhole.phrase) &&
    (/;\s*$/u.test(m.text.slice(Math.max(m.sentence, m.start - 4), m.start)) ||
      (m.aspect === 'share' && !m.sameUnitBefore && startsWithCountNoun(shareWhole.phrase)));
  // (nor when they only say over what time, `…; tính chung cả năm tăng 11,9%`: the whole year's, of the same subject)
  const timeOnly = m.shared && WHOLE_TIME_ONLY.test(own);
  const pre = (!hasContent(own) || echo || timeOnly) && m.shared && !opensShare ? m.shared : own;
  const ev: string[] = [];
  let metric = '';
  let usedAfter = 0;
  // (the harm said after people's noun, for a count of people the events before hurt; a change keeps its own words)
  const harmAfter = m.aspect === 'change' ? '' : post.phrase;
  // (past a bracket of a figure's aside, `tăng 10.259 tấn (1,3%) so với cùng vụ năm trước`; and from inside such a bracket,
  // `(1,3%) so với …`, for the figure it holds)
  const aside = /^\s*(?:\([^()]{1,40}\)|\))\s*(?=so với)/iu.exec(m.text.slice(m.unitEnd, m.unitEnd + 60));
  const comparedAt = m.unitEnd + (aside?.[0].length ?? 0);
  const compared = /^so với/iu.test(m.text.slice(comparedAt).trimStart()) ? comparisonPhrase(m.text, comparedAt) : undefined;
  const comparison = compared?.phrase ?? '';
  const planned =
    bracket >= 0 && /^\(\s*(?:khoảng|gần|hơn|trên|dưới)?\s*$/u.test(m.text.slice(bracket, m.start))
      ? PLAN_BEFORE_BRACKET.exec(m.text.slice(m.sentence, bracket))
      : null;
  const rated = rateForCase(m);
  // `… 1.214.800 tấn, tương đương 86.420 TEU`: the same quantity in another unit — the measure of the figure before it
  const converted = m.compared && m.aspect === 'level' && EQUIVALENT_LEAD.test(m.text.slice(m.from, m.start)) && !hasContent(post.phrase);
  if (rated) {
    metric = rated.phrase;
    usedAfter = rated.end;
    ev.push('metric:rate-for-case');
  } else if (converted && m.compared) {
    metric = tidy(`${withoutBase(m.compared)} ${m.kind === 'count' ? tidy(m.text.slice(m.unitStart, m.unitEnd)) : ''}`);
    ev.push('metric:equivalent');
  } else if (planned) {
    // `bằng 108,1% mục tiêu của Đề án … (45.000 ha)`, `đạt 87,7% kế hoạch năm (110.000 lao động)`: the figure a
    // bracket opens with after a plan names that plan's value — of the measure compared when the plan names none
    const plan = tidy(withoutTime(planned[0]));
    const named = plan.replace(PLAN_WORDS, '').replace(/(?<![\p{L}])(?:cả\s+)?năm(?![\p{L}])/giu, ' ');
    metric = contentWords(named) < 2 && m.compared ? tidy(`${plan} ${withoutBase(m.compared)}`) : plan;
    ev.push('metric:plan-in-brackets');
  } else if (m.kind === 'percent' && m.aspect === 'share' && m.compared && !hasContent(own) && NORM.test(post.phrase)) {
    // `Đông Hà 752,6 mm, bằng 131% TBNN`: the value before measured against the norm — that value's measure, compared
    metric = tidy(`${withoutBase(m.compared)} so với ${post.phrase}`);
    usedAfter = post.end;
    ev.push('metric:against-norm');
  } else if (
    (m.aspect === 'change' || m.aspect === 'plan') &&
    !hasContent(own) &&
    hasContent(post.phrase) &&
    !PLAN_WORDS.test(post.phrase) &&
    m.kind === 'percent'
  ) {
    // `giảm ít nhất 10% số ca mắc sốt xuất huyết so với tháng 11`: the change names its noun after it
    // (`tăng 18,4% về số dự án và tăng 32,7% về vốn so với cùng kỳ`: what it is `về`, compared where the clause says)
    const about = /^về\s+/iu.exec(post.phrase);
    const what = post.phrase.slice(about?.[0].length ?? 0);
    // (`tăng 7,9% về tấn và 8,7% về tấn.km`: a unit says which of the value before it changed)
    const inUnit =
      about && m.compared && Object.hasOwn(MEASURE_UNITS, what.toLowerCase()) ? `${withoutBase(m.compared).replace(/\s*\([^()]*\)$/u, '')} (${what})` : what;
    metric = tidy(`${inUnit} ${comparison || (about ? laterComparison(m.text, post.end) : '')}`);
    ev.push('metric:after');
  } else if (m.kind === 'percent' && m.aspect === 'share' && bracket >= 0 && m.parent && !hasContent(own) && !hasContent(post.phrase)) {
    // `3.915 hồ sơ trực tuyến (chiếm 80,5%)`: the share the figure before the bracket is of its whole
    metric = /^(?:tỷ|tỉ)\s+(?:lệ|trọng)(?!\p{L})/iu.test(m.parent) ? m.parent : `tỷ lệ ${m.parent}`;
    ev.push('metric:share-of-previous');
  } else if (
    (m.aspect === 'change' || m.aspect === 'plan') &&
    m.compared &&
    (!hasContent(own) || RATE_ONLY.test(own)) &&
    // (a count of another noun is a change of its own: `giảm 14 vụ (12,7%), giảm 9 người chết`)
    // (nor a change counted in a classifier that stands for any noun: `64 hội viên tổ chức, tăng 9 đơn vị`, `3 thí sinh bị
    // đình chỉ thi, giảm 5 trường hợp` — the same count)
    (!m.countedNoun ||
      /^(?:bậc|hạng|vị trí|điểm)$/u.test(m.countedNoun) ||
      ((names(m.compared, m.countedNoun) || (m.aspect === 'change' && /^(?:đơn vị|trường hợp)$/u.test(m.countedNoun))) && !hasContent(post.phrase)))
  ) {
    // `…, bình quân mỗi năm tăng 4,7 điểm phần trăm`: a rate of the value before it, said how; a change
    // after a change compares the same measure with its own base (`… so với tháng trước và tăng 13,5% so với cùng kỳ`)
    const measure = comparison ? withoutBase(m.compared) : m.compared;
    metric = tidy(`${measure} ${hasContent(own) ? own : ''} ${comparison}`);
    ev.push('metric:compared');
  } else if (m.aspect === 'level' && m.compared && hasContent(own) && RATE_ONLY.test(own) && !hasContent(post.phrase)) {
    // `… phát sóng 6.570 giờ, bình quân 18 giờ/ngày`: an average said of the value before it — that measure, on average
    metric = tidy(`${withoutBase(m.compared)} ${own}`);
    ev.push('metric:average-of-previous');
  } else if (m.compared && COMPARATIVE_ONLY.test(own.trim())) {
    // `…, gấp 2,2 lần khách nội địa`, `…, cao hơn 1,4 tạ/ha so với vụ trước`, `ngắn hơn 1,5 ngày so với quy
    // định`: the value before it, compared — the comparative word measures nothing itself
    const base = comparison || (hasContent(post.phrase) && /^gấp/iu.test(own.trim()) ? `so với ${post.phrase}` : '');
    if (!comparison && base) usedAfter = post.end;
    metric = tidy(`${withoutBase(m.compared)} ${base}`);
    ev.push('metric:compared');
  } else if (m.aspect === 'change' && m.compared && HIGHER_THAN.test(own)) {
    // `…, cao hơn mức bình quân chung của tỉnh 4,9 điểm phần trăm`: the value before it, compared with another base
    const base = own.replace(HIGHER_THAN, '').trim();
    metric = tidy(`${withoutBase(m.compared)} so với ${base}`);
    ev.push('metric:compared');
  } else if (m.compared && m.aspect !== 'change' && m.aspect !== 'plan' && PLACE_ONLY.test(own)) {
    // `… ở đô thị đạt 94%, ở nông thôn đạt 71%`: the same measure in another place
    metric = tidy(`${m.compared.replace(/\s+(?:ở|tại)\s.*$/u, '')} ${own}`);
    ev.push('metric:previous+place');
  } else if ((m.kind === 'count' || m.kind === 'ratio') && m.countedNoun && raisedTotal(m)) {
    // `có thêm 1.248 hộ kinh doanh chuyển sang …, nâng tổng số lên 9.705 hộ`: the running total of what the count before it added to
    metric = tidy(`tổng số ${raisedTotal(m) ?? ''}`);
    ev.push('metric:raised-total');
  } else if (
    (m.kind === 'count' || m.kind === 'ratio') &&
    m.countedNoun &&
    !hasContent(own) &&
    !hasContent(post.phrase) &&
    m.compared &&
    names(m.compared, m.countedNoun) &&
    !m.shared
  ) {
    // `9/11 nhóm hàng hóa và dịch vụ chính tăng giá …, 02 nhóm giảm giá`: the same noun again, said in short
    metric = tidy(withoutBase(m.compared));
    ev.push('metric:previous-noun');
  } else if ((m.kind === 'count' || m.kind === 'ratio') && m.countedNoun && WITH_ONLY.test(m.text.slice(m.from, m.start)) && m.earlierCounts?.length) {
    // `xảy ra 02 vụ ngộ độc thực phẩm với 37 người mắc`, `15 lớp tập huấn với 1.200 học viên`: those
    // the counted things before it held — the count is of them, named with that count's phrase
    const earlier = m.earlierCounts[m.earlierCounts.length - 1];
    metric = tidy(`${tidy(m.text.slice(m.unitStart, m.unitEnd))} ${post.phrase} ${earlier.metric}`);
    ev.push('metric:with-earlier');
  } else if ((m.kind === 'count' || m.kind === 'ratio') && m.countedNoun && consequenceOf(own, m.earlierCounts, harmAfter)) {
    // `xảy ra 214 vụ tai nạn giao thông, làm chết 131 người, bị thương 167 người`: people the events hurt (the harm
    // said after them too: `… 251 vụ tai nạn lao động làm 264 người bị nạn`)
    metric = tidy(`${tidy(m.text.slice(m.unitStart, m.unitEnd))} ${consequenceOf(own, m.earlierCounts, harmAfter)}`);
    if (!CONSEQUENCE.test(own.trim())) usedAfter = post.end;
    ev.push('metric:consequence');
  } else if (
    (m.kind === 'count' || m.kind === 'ratio') &&
    m.countedNoun &&
    !hasContent(own) &&
    m.aspect === 'change' &&
    m.earlierCounts?.some((e) => e.noun === m.countedNoun && words(e.metric).length > 1 && saysAgain(post.phrase, e.metric))
  ) {
    // `xảy ra 96 vụ tai nạn giao thông …; so với cùng kỳ giảm 14 vụ`: the noun alone again is the count named earlier
    // (with words of that count's again: `… với 137 người mắc; so với năm 2024 giảm 2 vụ và giảm 61 người mắc`)
    metric = [...(m.earlierCounts ?? [])].reverse().find((e) => e.noun === m.countedNoun && saysAgain(post.phrase, e.metric))?.metric ?? '';
    ev.push('metric:earlier-count');
  } else if ((m.kind === 'count' || m.kind === 'ratio') && m.countedNoun && !hasContent(own) && qualifiedAgain(post.phrase, m.countedNoun, m.earlierCounts)) {
    // `lấy 4.680 mẫu xét nghiệm nhanh, có 128 mẫu không đạt`: the noun counted earlier in the sentence, again, with a
    // negation that picks some of them out — those of the earlier count's phrase
    metric = tidy(`${qualifiedAgain(post.phrase, m.countedNoun, m.earlierCounts)} ${post.phrase}`);
    ev.push('metric:earlier-count-qualified');
  } else if ((m.kind === 'count' || m.kind === 'ratio') && m.countedNoun && sameCountAgain(own, m.countedNoun, m.earlierCounts)) {
    // `…, số vụ giảm 19 vụ`: the events counted earlier in the sentence, named in short
    metric = sameCountAgain(own, m.countedNoun, m.earlierCounts) ?? '';
    ev.push('metric:earlier-count');
  } else if (
    (m.kind === 'money' || m.kind === 'measure') &&
    m.sameUnitBefore &&
    !m.splits &&
    hasContent(pre) &&
    contentWords(pre) <= 2 &&
    !hasContent(post.phrase)
  ) {
    // `kế hoạch trồng rừng tập trung là 9.500 ha; … đã trồng 8.874 ha`, `tổng mức đầu tư 245 tỷ đồng; đã giải
    // ngân 61,3 tỷ đồng`: a verb alone before an amount in the unit of the one before it goes on about that
    // amount's subject — what was done with it — not about nothing
    const subject = tidy(m.sameUnitBefore.replace(PLAN_WORDS, ''));
    metric = subject.toLocaleLowerCase('vi').includes(tidy(pre).toLocaleLowerCase('vi')) ? subject : tidy(`${pre} ${subject}`);
    ev.push('metric:same-unit-before');
  } else if (
    (m.kind === 'count' || m.kind === 'ratio') &&
    m.countedNoun &&
    m.earlierSameNoun &&
    m.from === m.sentence &&
    !hasContent(own) &&
    !hasContent(post.phrase)
  ) {
    // `Trong tháng xảy ra 02 vụ va chạm giao thông … . Lũy kế 10 tháng 17 vụ`: a count that opens its sentence with no words but
    // its noun and a time goes on counting what an earlier sentence of the paragraph counted with that noun
    metric = tidy(withoutBase(m.earlierSameNoun));
    ev.push('metric:earlier-same-noun');
  } else if ((m.kind === 'count' || m.kind === 'ratio') && m.countedNoun) {
    const noun = tidy(m.text.slice(m.unitStart, m.unitEnd));
    // `có 386 nhà mạng tại 125 quốc gia tuyên bố đầu tư …`: where the counted things are, itself counted, stands
    // between the noun and what they did — the description goes on after it
    const nested =
      hasContent(post.phrase) && !/^(?:tại|ở|trên|thuộc)$/u.test(post.phrase.trim()) ? null : NESTED_WHERE.exec(m.text.slice(m.unitEnd, m.unitEnd + 40));
    const head = nested ? tidy(`${noun} ${nested[1]} ${after(m.text, m.unitEnd + nested[0].length).phrase}`) : tidy(`${noun} ${post.phrase}`);
    // (a subject that names the noun keeps it, with what the words after the figure add: `Danh sách … những người ứng
    // cử gồm 13 người ứng cử đại biểu Quốc hội, 107 …` — each item is told apart by them)
    const activity = m.kind === 'count' ? eventPeople(m.text, m.sentence, m.start, noun) : undefined;
    // (`… lượt người lao động tham gia`: the verb said after the noun is not said twice)
    if (activity) metric = tidy(`${head} ${/(?<!\p{L})tham\s+(?:gia|dự)$/iu.test(head) ? activity.replace(/^tham gia\s+/u, '') : activity}`);
    // (not a topic that names the noun before its colon, `b) Cấp thôn: Trong năm có thêm 9 thôn được công nhận …`: the words after
    // the noun say which)
    else if (names(pre, m.countedNoun) && !namedOnlyAsTopic(m.text.slice(m.from, m.start), m.countedNoun))
      metric = hasContent(post.phrase) && /(?<![\p{L}])gồm(?![\p{L}])/u.test(m.text.slice(m.sentence, m.start)) ? tidy(`${pre} ${post.phrase}`) : pre;
    else if (MEASURE_HEAD.test(pre)) metric = tidy(`${pre} ${head}`);
    else metric = tidy(`${head} ${caseOf(withoutAgent(pre))}`);
    ev.push(activity ? 'metric:noun-clause+beneficiary' : hasContent(pre) ? 'metric:noun-clause' : 'metric:noun');
  } else if (
    m.kind === 'percent' &&
    SHARE_HEAD_LAST.test(m.text.slice(m.from, m.start)) &&
    /^\s+\p{L}/u.test(m.text.slice(m.unitEnd, m.unitEnd + 3)) &&
    !HIGHER_THAN.test(shareWhole.phrase) &&
    // (`Nợ quá hạn 4,2 tỷ đồng, tỷ lệ 0,52% tổng dư nợ`: the share of the value before it, in the whole — below)
    !(m.compared && WHOLE_AFTER.test(post.phrase)) &&
    hasContent(shareWhole.phrase)
  ) {
    // `Tỷ lệ 98% hồ sơ được giải quyết đúng hạn`, `Duy trì tỷ lệ 100% hồ sơ …`: a share's head right before it, its
    // whole right after it (a verb before the head says what is done with the share, not what it is)
    metric = tidy(`${SHARE_HEAD_LAST.exec(m.text.slice(m.from, m.start))?.[1] ?? ''} ${shareWhole.phrase}`);
    usedAfter = shareWhole.end;
    ev.push('metric:share-head');
  } else if (headOnly(pre) && (m.compared || m.parent)) {
    // (`Nợ xấu 3,04 tỷ đồng, tỷ lệ 0,51% tổng dư nợ`: the whole a share is of, named after it, is part of it)
    const whole = m.kind === 'percent' && WHOLE_AFTER.test(post.phrase) ? post : undefined;
    if (whole) usedAfter = whole.end;
    metric = tidy(`${pre} ${m.compared ?? m.parent} ${whole?.phrase ?? ''}`);
    ev.push('metric:head+previous');
  } else if (hasContent(pre) && (m.kind === 'measure' || (m.kind === 'money' && MONEY_NOUN.test(post.phrase))) && hasContent(post.phrase)) {
    // `cứng hóa 12,4 km đường giao thông nông thôn`: a measure's noun follows its unit; so does the
    // money an amount is of (`thu hút khoảng 4,8 tỷ USD vốn đầu tư nước ngoài`)
    metric = tidy(`${post.phrase} ${caseOf(pre)}`);
    usedAfter = post.end;
    ev.push('metric:noun-clause');
  } else if (
    m.kind === 'measure' &&
    (m.aspect === 'level' || m.aspect === 'cumulative') &&
    !m.sameUnitBefore &&
    m.earlierSameUnit &&
    !hasContent(post.phrase) &&
    sameVerbAgain(pre, m.earlierSameUnit)
  ) {
    // `Quý III, sản lượng đá nguyên khai khai thác đạt 412.600 m3 … Lũy kế 9 tháng khai thác 1.186.300 m3`: a verb alone
    // before an amount in the unit of one an earlier sentence named with that verb goes on about that amount's subject
    metric = tidy(withoutBase(m.earlierSameUnit));
    ev.push('metric:earlier-same-verb');
  } else if (m.kind === 'money' && m.aspect !== 'change' && VERB_ONLY.test(withoutAgent(pre)) && FOR_WHAT.test(post.phrase)) {
    // `giải ngân 150 tỷ đồng cho vay phục vụ sản xuất`, `Huy động thêm 3.500 triệu đồng cho Chương trình`: money a verb
    // alone moved is told apart by what it was for, said after the amount
    metric = tidy(`${caseOf(withoutAgent(pre))} ${post.phrase}`);
    usedAfter = post.end;
    ev.push('metric:money-for');
  } else if (hasContent(pre) && m.compared && withNoun(m) && !m.countedNoun) {
    // `xử phạt vi phạm hành chính 36.915 trường hợp với số tiền 52.684 triệu đồng`, `xây dựng 02 trung tâm dữ
    // liệu với tổng công suất 4 MW`: the amount the figure before it came with — of what that figure counts
    metric = tidy(`${pre} ${m.compared}`);
    ev.push('metric:with-previous');
  } else if (hasContent(pre)) {
    // `xử phạt VPHC với số tiền 12,5 triệu đồng`: the amount named after `với` heads the phrase (`số tiền xử phạt VPHC`)
    const joined = WITH_NOUN_TAIL.exec(pre);
    metric = joined?.index ? tidy(`${pre.slice(joined.index).replace(/^\s*với\s+/iu, '')} ${pre.slice(0, joined.index)}`) : pre;
    // (not the next item of a list: `… luồng vàng 34,1% và luồng đỏ 7,5%`)
    const nextItem = /^\s*(?:và|hoặc)(?!\p{L})/iu.test(post.phrase);
    if (m.kind === 'percent' && m.aspect === 'share' && hasContent(post.phrase) && !MEASURE_HEAD.test(pre) && !nextItem) metric = tidy(`${pre} ${post.phrase}`);
    // `tỷ lệ tờ khai được phân luồng xanh là 58,4%, luồng vàng 34,1%`: a short item that repeats a word of the
    // figure before it, past its head, names the same measure with that part changed (the head is left out)
    const parallel = m.sameUnitBefore ? elliptic(pre, withoutBase(m.sameUnitBefore)) : undefined;
    if (parallel) {
      metric = parallel;
      ev.push('metric:parallel');
    }
    // (a change too: `CPI tăng 3,04% so với bình quân cùng kỳ` is compared with that base — the comparative that closes the
    // subject, `gấp hơn`, no part of it)
    if (comparison) metric = tidy(`${tidy(metric).replace(COMPARATIVE_TAIL, '')} ${comparison}`);
    ev.push('metric:subject');
  } else if (hasContent(post.phrase)) {
    // a share written before its noun names it after, lists and all (`100% thôn, tổ dân phố có sóng 4G`)
    const noun = m.kind === 'percent' ? after(m.text, m.unitEnd, SHARE_STOP) : post;
    // (`… 386,4 tỷ đồng, chiếm 31% tổng doanh thu`: the share the value before it takes of the whole named after)
    const partOf = m.kind === 'percent' && m.aspect === 'share' && m.compared && TAKES_SHARE.test(m.text.slice(m.from, m.start));
    if (partOf && m.compared) metric = tidy(`tỷ lệ ${withoutBase(m.compared)} ${noun.phrase}`);
    else metric = m.kind === 'percent' && !MEASURE_HEAD.test(noun.phrase) ? `tỷ lệ ${noun.phrase}` : noun.phrase;
    usedAfter = noun.end;
    ev.push('metric:after');
  } else if (m.compared) {
    // (a value after a change goes on from the value the change compared: `quý II đạt 48,93 triệu kWh, thấp hơn cùng kỳ
    // 17,2%; quý III đạt 89,72 triệu kWh`)
    metric = tidy(`${m.valueBefore ?? m.compared} ${comparison}`);
    ev.push('metric:compared');
  }
  const listed = bracket >= 0 && !planned ? listItemMeasure(m.text, m.sentence, bracket) : undefined;
  if (bracket >= 0 && m.parent && (m.kind === 'count' || m.kind === 'ratio') && SHARE_HEAD.test(m.parent) && !m.splits) {
    // `tỷ lệ hộ nghèo … còn 0,38% (3.960 hộ)`: the count behind a share is of the share's subject
    metric = m.parent.replace(SHARE_HEAD, '');
    ev.push('metric:count-of-share');
  } else if (listed) {
    // `Các đơn vị có tỷ lệ giải ngân thấp nhất gồm: Ban Quản lý … (đạt 31,7%), Sở Y tế (đạt 12,3%)`: a list's
    // measure, said once before `gồm:`, of the item the bracket follows
    metric = listed;
    ev.push('metric:list-item');
  } else if ((bracket >= 0 && !planned) || (m.splits && m.parent)) {
    // an aside in brackets, or a part after `trong đó`, splits or explains what the total names
    const context = m.parent ?? before(m.text, m.sentence, bracket);
    // (a part that names the total's measure itself — `tổng thu …, trong đó: thu tiền sử dụng đất 6.512,4 tỷ đồng` — is named
    // by its own words)
    // (not a count: its head is the counted noun, which the total shares — `cơ sở … trong đó: ngành Y tế quản lý 1.204 cơ sở`)
    const namesMeasure = m.splits && m.parent && bracket < 0 && (m.kind === 'money' || m.kind === 'measure') && sameHead(metric, m.parent);
    // (nor a count after `trong đó` that says which of them in words of its own — `trong đó 4 vụ buôn lậu, vận chuyển trái phép
    // hàng hóa qua biên giới` — beside its counted noun)
    const ownCount = m.splits && m.parent && bracket < 0 && m.kind === 'count' && !!m.countedNoun && contentWords(metric.replace(m.countedNoun, ' ')) >= 2;
    // (nor a count of another noun than the total's — `412 công chức, người lao động, trong đó 236 chấp hành viên`: a kind of
    // its own, not the total's words; not a classifier, `… trong đó 120 người là nữ`)
    const otherNoun =
      m.splits &&
      bracket < 0 &&
      m.kind === 'count' &&
      !!m.countedNoun &&
      !/^(?:người|lượt|con|cái|chiếc|em|cháu|trường hợp)$/u.test(m.countedNoun) &&
      !!m.parent &&
      !m.parent.toLocaleLowerCase('vi').includes(m.countedNoun.toLocaleLowerCase('vi'));
    if (context && !namesMeasure && !ownCount && !otherNoun && !saysNothingNew(context, metric)) metric = tidy(`${metric} ${context}`);
    ev.push('metric:bracket');
  }
  // `Đề nghị … bố trí 9,5 tỷ đồng để cải tạo, sửa chữa kho lưu trữ`: money given a purpose right after it is the money for
  // that purpose — named by it too (`kinh phí đề nghị … bố trí cải tạo, sửa chữa kho lưu trữ`)
  const purpose = m.kind === 'money' && m.aspect === 'level' ? PURPOSE_AFTER.exec(m.text.slice(m.unitEnd, m.unitEnd + 120)) : null;
  if (purpose && hasContent(purpose[1]) && !TIME_HINT.test(purpose[1])) {
    const what = firstWords(purpose[1], 10);
    metric = MONEY_HEAD.test(metric) ? tidy(`${metric} ${what}`) : tidy(`kinh phí ${caseOf(metric)} ${what}`);
    usedAfter = Math.max(usedAfter, m.unitEnd + purpose[0].length);
    ev.push('metric:purpose');
  }
  // `… 1.318 bẫy thú, tăng 26,4% so với cùng kỳ năm 2025 (1.043 bẫy)`: the base's own value in brackets is the measure at
  // the base — not its change (`bẫy thú … cùng kỳ năm 2025`, not `… tăng`)
  const base = bracket >= 0 && m.aspect === 'level' ? BASE_BEFORE_BRACKET.exec(m.text.slice(m.sentence, bracket)) : null;
  if (base && /^\(\s*(?:(?:khoảng|gần|hơn|trên|dưới|là|đạt)\s*)?$/u.test(m.text.slice(bracket, m.start)) && metric) {
    const measure = (m.compared ?? metric).replace(/\s+so(?:\s+với)?(?![\p{L}]).*$/u, '').replace(/(?:\s+(?:tăng|giảm))+$/u, '');
    metric = tidy(`${measure} ${base[1]}`);
    ev.push('metric:base-value');
  }
  // `ngành chế biến, chế tạo tăng 10,9%, đóng góp 9,6 điểm phần trăm vào mức tăng chung`: what a part adds to the growth of
  // the whole is named so — the contribution of the value before it, to what it says after `vào`
  // (in percentage points of growth, not money given: `nhân dân … đóng góp 1,18 tỷ đồng`)
  if (m.kind === 'percent' && m.compared && CONTRIBUTION.test(own)) {
    const into = /^\s*vào\s+([^,;.()]+)/iu.exec(m.text.slice(m.unitEnd, m.unitEnd + 80));
    const subject = withoutBase(m.compared).replace(/\s+(?:tăng|giảm)$/u, '');
    metric = tidy(`mức đóng góp của ${subject} ${into ? `vào ${firstWords(into[1], 8)}` : ''}`);
    ev.push('metric:contribution');
  }
  // a change in a sentence that opens with its base (`So với cùng kỳ năm 2025, giảm 9 vụ (18%)`) is against that base
  // (it replaces a base the phrase took from a figure before: the sentence says its own)
  // (or its `;` clause: `So với quý II/2026, số vụ giảm 12 vụ …; so với cùng kỳ năm 2025, giảm 9 vụ, giảm 10 người chết`)
  const clauseFrom = Math.max(m.sentence, m.text.lastIndexOf(';', m.start) + 1);
  const lead = m.aspect === 'change' ? (SENTENCE_BASE.exec(m.text.slice(clauseFrom, m.start)) ?? SENTENCE_BASE.exec(m.text.slice(m.sentence, m.start))) : null;
  if (lead) metric = tidy(`${metric.replace(/\s+so với(?![\p{L}]).*$/iu, '')} ${lead[1].toLocaleLowerCase('vi')}`);
  // (a change named from the figure before it says its own way: `… giảm 9 vụ. So với tháng 10/2026, tăng 2 vụ` is a rise)
  const ownWay =
    m.aspect === 'change' ? /(?<![\p{L}])(tăng|giảm)\s*$/u.exec(m.text.slice(Math.max(m.sentence, m.start - 8), m.start).toLocaleLowerCase('vi')) : null;
  const other = ownWay?.[1] === 'tăng' ? 'giảm' : 'tăng';
  if (ownWay) metric = metric.replace(new RegExp(`(?<![\\p{L}])${other}(?=(?:\\s+so với(?![\\p{L}]).*)?$)`, 'u'), ownWay[1]);
  // (`Số hộ … gấp hơn 3 lần`: the comparative that closes the subject says how, not what)
  metric = caseOf(tidy(metric.replace(COMPARATIVE_TAIL, '')));
  if (m.aspect === 'rank') {
    // `Tỉnh xếp thứ 9 toàn quốc về chỉ số PCI`, `Hàn Quốc đứng thứ hai về vốn đăng ký`: a rank is a place in
    // an order — of what, said after it with `về`/`theo`; named so (`thứ hạng …`) when the phrase does not say it
    const by = RANK_BY.exec(m.text.slice(m.unitEnd, m.unitEnd + 120));
    const what = by?.[2].replace(/\s(?:với|và|đạt|là|chỉ sau|sau)(?![\p{L}]).*$/u, '').replace(/[\d\s]+$/u, '');
    if (by && what && !metric.toLocaleLowerCase('vi').includes(what.toLocaleLowerCase('vi'))) metric = tidy(`${metric} ${by[1]} ${firstWords(what, 10)}`);
    // (`… được Trung ương Hội xếp thứ 2/5 tỉnh, thành Hội trong Cụm thi đua các tỉnh Bắc Trung Bộ`: who ranked it is no
    // part of what; the group it was ranked in is)
    const within = RANK_WITHIN.exec(m.text.slice(m.unitEnd, m.unitEnd + 120));
    if (within && RANKED_BY.test(m.text.slice(Math.max(m.sentence, m.start - 80), m.start))) metric = '';
    if (within && !metric.toLocaleLowerCase('vi').includes(within[1].toLocaleLowerCase('vi'))) metric = tidy(`${metric} ${within[1]}`);
    // (a rank in a result the sentence's lead names — `Theo Chỉ số chuyển đổi số cấp tỉnh (DTI) năm 2025, tỉnh xếp thứ
    // 18/34` — is a rank in that result; who was ranked is no part of it)
    const index = by ? undefined : resultIndex(m.text, m.sentence, m.start);
    if (index) {
      metric = tidy(`thứ hạng ${index}`);
      ev.push('metric:result-index');
    }
    if (!RANK_HEAD.test(metric)) metric = tidy(`thứ hạng ${metric}`);
    ev.push('metric:rank');
  }
  // `9 đường trượt cao từ 12 đến 18 m`, `tuyến đê dài 12,5 km`: a length said after the adjective of its dimension measures that
  // dimension of the noun before the adjective
  const adjective =
    m.kind === 'measure' && LENGTH_UNIT.test(m.text.slice(m.unitStart, m.unitEnd).trim()) ? DIMENSION_ADJECTIVE.exec(m.text.slice(m.sentence, m.start)) : null;
  // (not a verb's, `mở rộng 58,3 km`, `xâm nhập vào sâu 38 km`, nor over a phrase that names the dimension already)
  if (
    adjective &&
    !/(?<![\p{L}])(?:chiều|độ|mở|vào|ra|lên|xuống|được|đã|là|có|và|với)$/iu.test(adjective[1]) &&
    !/(?<![\p{L}])(?:chiều\s+(?:dài|cao|rộng|sâu)|độ\s+(?:sâu|dày|cao))(?![\p{L}])/iu.test(metric)
  ) {
    metric = tidy(`${ADJECTIVE_DIMENSION[adjective[2].toLocaleLowerCase('vi')]} ${caseOf(adjective[1])}`);
    ev.push('metric:dimension-adjective');
  }
  // `Toàn tỉnh xuống giống 231.640 ha`, `cứng hóa 12,4 km đường`: an area or a length done is the area
  // or the length of what was done — Vietnamese names it so (`diện tích xuống giống`, `chiều dài …`)
  const dimension = m.kind === 'measure' ? DIMENSION_OF[m.text.slice(m.unitStart, m.unitEnd).toLocaleLowerCase('vi').trim()] : undefined;
  // (a plan names its own: `kế hoạch nạo vét kênh mương là 42 km`)
  if (
    dimension &&
    !MEASURE_HEAD.test(metric) &&
    !PLAN_WORDS.test(metric) &&
    !/(?<![\p{L}])(?:quy mô|mức|khoảng cách|cự ly|bán kính|độ)(?![\p{L}])/iu.test(metric)
  ) {
    metric = tidy(`${dimension} ${metric}`);
    ev.push('metric:dimension');
  }
  // `đạt 96% kế hoạch`, `bằng 87,7% dự toán năm`: a plan percentage measures its value against that plan — said so
  // when the phrase does not (`doanh thu` → `doanh thu so với kế hoạch`)
  // (`vượt 2,6% dự toán`: how far it went over the plan — `thu ngân sách vượt dự toán`)
  const over = m.aspect === 'change' && m.kind === 'percent' && OVER_BEFORE.test(m.text.slice(Math.max(0, m.start - 10), m.start));
  const plan = (m.aspect === 'plan' || over) && m.kind === 'percent' ? PLAN_AFTER.exec(m.text.slice(m.unitEnd, m.unitEnd + 40)) : null;
  // (a plan said with who set it replaces the plan a metric taken from the figure before names: `… 94,7% dự toán Trung ương
  // giao và 81,9% dự toán HĐND tỉnh giao`)
  if (plan && (!PLAN_NAMED.test(metric) || plan[2])) {
    const subject = PLAN_NAMED.test(metric) ? withoutBase(metric) : metric;
    metric = tidy(`${subject} ${over ? 'vượt' : 'so với'} ${plan[1].toLocaleLowerCase('vi') === 'kh' ? 'kế hoạch' : plan[1]}${plan[2] ?? ''}`);
    // (who set the plan is this figure's, no word of the next one's)
    if (plan[2]) usedAfter = Math.max(usedAfter, m.unitEnd + plan[0].length);
    ev.push('metric:against-plan');
  }
  // a change says which way, as its verb before the figure does (`doanh thu tăng so với cùng kỳ`): the maintainers' gold
  // says so in 37 of its 51 changes
  if (m.aspect === 'change' && metric && !/(?<!\p{L})(?:tăng|giảm)(?!\p{L})/iu.test(metric)) {
    const verb = /(?<!\p{L})(tăng|giảm)(?!\p{L})[^,;]{0,20}$/iu.exec(m.text.slice(Math.max(m.sentence, m.start - 30), m.start));
    if (verb) {
      const way = verb[1].toLocaleLowerCase('vi');
      // (after a rate's head, `tốc độ tăng dư nợ`; before the base, `sản lượng cá tăng so với cùng kỳ`; else last)
      const head = /^(?:tốc độ|mức)(?!\p{L})/iu.exec(metric);
      const at = metric.search(/\s+so với(?!\p{L})/iu);
      metric = head ? `${head[0]} ${way}${metric.slice(head[0].length)}` : at > 0 ? `${metric.slice(0, at)} ${way}${metric.slice(at)}` : `${metric} ${way}`;
    }
  }
  // (`… hạt kiểm lâm phối hợp với Ủy ban nhân dân các xã tổ chức`, `lực lượng kiểm lâm chủ trì, phối hợp tổ chức lượt tuần
  // tra`: who worked with whom says nothing of what is measured — the verb that follows does)
  metric = tidy(metric.replace(COOPERATION, ' '));
  // (`buổi tuyên truyền tại thôn, bản … tổ chức`: that it was organised, closing a phrase with words of its own, says
  // nothing of what is measured)
  const light = LIGHT_TAIL.exec(metric);
  if (light && contentWords(metric.slice(0, light.index)) >= 2) metric = tidy(metric.slice(0, light.index));
  const once = withoutRepeats(metric);
  if (once !== metric) {
    metric = once;
    ev.push('metric:repeat-dropped');
  }
  if (!metric) ev.push('metric:none');
  const usedEnd = Math.max(usedAfter, m.kind === 'count' || m.kind === 'ratio' || !hasContent(pre) ? post.end : m.unitEnd);
  return { metric, pre, usedEnd: compared ? Math.max(usedEnd, compared.end) : usedEnd, evidence: ev };
}

/** `so với cùng kỳ năm 2023` → `so với cùng kỳ` (the comparison base, without its time), and where it ends. */
/** The comparison base said further on in the clause (`… và tăng 32,7% về vốn so với cùng kỳ năm 2024`), or ''. */
function laterComparison(text: string, from: number): string {
  const clause = text.slice(from, from + 160).split(/;|\.(?!\d)/u)[0] ?? '';
  const at = clause.search(/(?<![\p{L}])so với(?![\p{L}])/u);
  return at >= 0 ? comparisonPhrase(text, from + at).phrase : '';
}

function comparisonPhrase(text: string, from: number): { phrase: string; end: number } {
  const lead = text.slice(from).length - text.slice(from).trimStart().length;
  const rest = text.slice(from + lead, from + lead + 120);
  // (`so với tháng trước và tăng 13,5% …`: the next change starts at its verb)
  // (and a cause or a purpose after the base is not part of it: `so với cùng kỳ năm 2025 do tốc độ gió bình quân thấp`)
  const stop = rest
    .slice(7)
    .search(
      /[,;:().]|(?<!(?:năm|tháng|quý|ngày|kỳ))\s(?=\d[\d.,]*(?![\d\p{L}]))|\s(?:và\s+|,\s*)?(?:tăng|giảm)(?![\p{L}])|\s(?:chủ yếu\s+)?(?:do|vì|nhờ|bởi|để)(?![\p{L}])/u,
    );
  const raw = stop >= 0 ? rest.slice(0, 7 + stop) : rest;
  // (the base's time is what the change is against, and stays: `so với tháng 10/2026`, `so với cùng kỳ năm 2025`)
  const phrase = tidy(raw.trim().split(/\s+/u).slice(0, 8).join(' '));
  return { phrase: /^so với$/iu.test(phrase) ? '' : phrase, end: from + lead + raw.length };
}

/** Whether two phrases open with the same word, past `tổng`, `số`, `tổng số` (`thu tiền sử dụng đất` and `tổng thu ngân sách`). */
/** Whether a figure's words name its noun only in a topic before a colon (`Cấp thôn: Trong năm có thêm`). */
function namedOnlyAsTopic(words: string, noun: string): boolean {
  const colon = words.lastIndexOf(':');
  return colon >= 0 && names(words.slice(0, colon), noun) && !names(words.slice(colon + 1), noun);
}

/** Words that link a subject to its figure and add nothing to a metric that has the subject. */
const LINKING_WORDS: ReadonlySet<string> = new Set(['có', 'là', 'đạt', 'được', 'đã', 'và', 'của', 'với']);

/**
 * Whether every word of `context` but its linking words is already a word of `metric` (`Tiếp nhận đơn` after `đơn tiếp
 * nhận`, `Đàn trâu có con` after `con đàn trâu giảm`), in any order and case.
 */
function saysNothingNew(context: string, metric: string): boolean {
  const have = new Set(words(metric.toLocaleLowerCase('vi')));
  return words(context.toLocaleLowerCase('vi')).every((w) => have.has(w) || LINKING_WORDS.has(w));
}

function sameHead(a: string, b: string): boolean {
  const head = (x: string) =>
    x
      .toLocaleLowerCase('vi')
      .replace(/^(?:tổng\s+số|tổng|số)\s+/u, '')
      .split(/[\s,;()]+/u)[0];
  const h = head(a);
  return !!h && /\p{L}/u.test(h) && h === head(b);
}

/**
 * A published result a sentence's lead names with its year: `Theo kết quả khảo sát mức độ hài lòng của người nộp thuế năm
 * 2025 do Cục Thuế công bố …,` → `mức độ hài lòng của người nộp thuế`; `Theo Chỉ số chuyển đổi số cấp tỉnh (DTI) năm 2025
 * công bố tháng 6/2026,` → `Chỉ số chuyển đổi số cấp tỉnh (DTI)`; `Kết quả đo lường sự hài lòng của doanh nghiệp năm 2025,`.
 * Only a lead before the figure with no `;` between.
 */
function resultIndex(text: string, sentence: number, start: number): string | undefined {
  const rest = text.slice(sentence, start);
  const comma = rest.search(/,(?!\d)/u);
  if (comma < 0 || rest.slice(comma).includes(';')) return undefined;
  const lead = RESULT_LEAD.exec(rest.slice(0, comma));
  const index = lead?.[1].trim();
  return index && index.split(/\s+/u).length >= 2 ? index : undefined;
}
const RESULT_LEAD =
  /^\s*(?:theo\s+(?:kết quả\s+)?|kết quả\s+)(?:(?:khảo sát|đánh giá|đo lường|xếp hạng|công bố)\s+)?(.+?)\s+năm\s+\d{4}(?:\s+(?:do\s+[^,;]{1,40}\s+)?(?:được\s+)?công bố[^,;]{0,24})?\s*$/iu;

/** A verb of working together, before the verb of what was done: `chủ trì, phối hợp`, `phối hợp với`. */
const COOPERATION = /(?<![\p{L}])(?:chủ trì(?:\s*,\s*|\s+và\s+))?phối hợp(?:\s+với)?(?=\s+\p{L})/giu;

/** Last words that name no part of a measure: `(đã) tổ chức`. */
const LIGHT_TAIL = /\s+(?:(?:đã|hiện|đang)\s+)?tổ\s+chức$/iu;
