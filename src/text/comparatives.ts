/**
 * Words that compare one value with another. A comparative adjective before `hơn` and a figure
 * (`cao hơn 1,4 tạ/ha`, `ngắn hơn 1,5 ngày`) states a difference; `gấp N lần` a multiple; and what
 * follows a multiple (`gấp 1,2 lần năm 2025`) is its base, not the figure's time.
 */
export const ADJECTIVES = 'cao|thấp|nhiều|ít|lớn|nhỏ|dài|ngắn|nhanh|chậm|sớm|muộn|rộng|hẹp';

/** `cao hơn`, `ngắn hơn`, `tăng hơn` at the end of a text (before a figure): `hơn` there is a difference, not "more than". */
export const DIFFERENCE_BEFORE = new RegExp(`(?<!\\p{L})(?:${ADJECTIVES}|tăng|giảm)\\s+hơn$`, 'u');

/** A comparative with nothing else (`gấp`, `cao hơn`, `ngắn`): it says how a value compares, not what it measures. */
export const COMPARATIVE_ONLY = new RegExp(
  `^(?:(?:${ADJECTIVES})(?:\\s+hơn)?|rút ngắn|kéo dài thêm|(?:(?:gần|khoảng|hơn|trên|xấp xỉ)\\s+)?(?:tăng\\s+|bằng\\s+)?gấp(?:\\s+(?:hơn|gần|khoảng|trên))?)$`,
  'iu',
);

/** A comparative that closes a subject (`Số hộ … gấp hơn`). */
export const COMPARATIVE_TAIL = new RegExp(`\\s+(?:(?:${ADJECTIVES})\\s+hơn|(?:(?:gần|khoảng|xấp xỉ)\\s+)?gấp(?:\\s+(?:hơn|gần|khoảng|trên))?)$`, 'iu');

/** A multiple just said before a text (`gấp 1,2 lần `, `bằng 1,5 lần `): what follows is its base. */
export const MULTIPLE_BEFORE = /(?<!\p{L})(?:(?:gấp|bằng)\s+(?:hơn\s+|gần\s+|khoảng\s+)?[\d.,]+\s+lần|gấp\s+(?:đôi|rưỡi|ba|bốn|năm))\s+$/u;
