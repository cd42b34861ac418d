/** Words that give a figure its aspect (data for aspect-rules). */

/** Before the figure (at most a qualifier between): a change and its direction. */
// (not `tăng lên X`, `giảm xuống X`: risen or fallen to X, a level — `… tăng lên 2.868.178 tỷ đồng`)
export const CHANGE_WORDS: { words: string; direction: 'up' | 'down' }[] = [
  { words: 'tăng', direction: 'up' },
  { words: 'tăng thêm', direction: 'up' },
  { words: 'tăng trưởng', direction: 'up' },
  { words: 'tăng bình quân', direction: 'up' },
  { words: 'tăng trưởng bình quân', direction: 'up' },
  { words: 'tốc độ tăng', direction: 'up' },
  { words: 'tốc độ tăng bình quân', direction: 'up' },
  { words: 'tốc độ tăng trưởng', direction: 'up' },
  { words: 'tốc độ tăng trưởng bình quân', direction: 'up' },
  { words: 'giảm bình quân', direction: 'down' },
  // comparatives: `cao hơn 6 dB so với …`, `thấp hơn 5,5 điểm phần trăm`, `gấp 11 lần`
  { words: 'cao hơn', direction: 'up' },
  { words: 'lớn hơn', direction: 'up' },
  { words: 'nhiều hơn', direction: 'up' },
  { words: 'thấp hơn', direction: 'down' },
  { words: 'nhỏ hơn', direction: 'down' },
  { words: 'ít hơn', direction: 'down' },
  { words: 'dài hơn', direction: 'up' },
  { words: 'ngắn hơn', direction: 'down' },
  { words: 'nhanh hơn', direction: 'up' },
  { words: 'chậm hơn', direction: 'down' },
  { words: 'sớm hơn', direction: 'down' },
  { words: 'muộn hơn', direction: 'up' },
  { words: 'gấp', direction: 'up' },
  { words: 'gấp hơn', direction: 'up' },
  { words: 'giảm', direction: 'down' },
  { words: 'giảm đi', direction: 'down' },
  // a time or length cut or stretched by so much (`rút ngắn 8 ngày so với thời hạn quy định`)
  { words: 'rút ngắn', direction: 'down' },
  // a rank that fell (`tụt 6 bậc`)
  { words: 'tụt', direction: 'down' },
  { words: 'kéo dài thêm', direction: 'up' },
];

/** Before the figure: a rank (`xếp thứ 5/63`, `xếp hạng 10/63`, `đứng thứ 3`, `từ vị trí 30 xuống vị trí 36`). */
export const RANK_WORDS = ['xếp thứ', 'xếp hạng thứ', 'xếp hạng', 'đứng thứ', 'hạng', 'vị trí thứ', 'ở vị trí', 'xếp ở vị trí', 'vị trí', 'thứ hạng', 'top'];

/** After a percentage: attainment of a plan (`đạt 62% kế hoạch`, `98% so với KH`). */
export const PLAN_AFTER = /^\s*(?:so với\s+|của\s+)?(?:tổng\s+)?(?:kế hoạch|kh\b|chỉ tiêu|dự toán|mục tiêu)/u;

/**
 * In the clause before the figure: cumulative (`lũy kế`, `cộng dồn`, or `đến nay` right before it: `cấp đến nay 189
 * giấy phép`); not `từ đầu năm đến …` nor a lead `Đến nay, …` (what stands now is a level: GUIDELINES' `cumulative` is `lũy kế`).
 */
export const CUMULATIVE_BEFORE = /lũy kế|luỹ kế|cộng dồn|(?:^|\s)(?:cấp|thực hiện|đạt|tổng cộng|tổng số)?\s*(?:từ đầu năm\s+)?đến nay\s*(?:đạt|là|được)?\s*$/u;

/**
 * In the clause before a rate per period (`%/năm`): a growth rate, up or down, even when the
 * change word is not right before the figure (`tăng rất nhanh, đạt tốc độ tới 41,6%/năm`).
 */
export const GROWTH_IN_CLAUSE = /(?<![\p{L}])(tăng|giảm)(?![\p{L}])/gu;

/** Words that make a percentage a share, for evidence (a percentage is a share by default). */
export const SHARE_WORDS = /tỷ lệ|tỉ lệ|chiếm|tỷ trọng|tỉ trọng/u;
