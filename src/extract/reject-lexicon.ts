// biome-ignore-all format: hand-laid word lists and tables, several entries a line, grouped by kind
/** Words around a number that mark it as something other than a measure (data for reject-rules). */

/** Document types: a number right after one (with or without `số`) is an identifier (`Đề án 06`, `Kế hoạch số 143/KH-UBND`). */
export const DOCUMENT_TYPES = [
  'nghị định', 'nghị quyết', 'quyết định', 'thông tư', 'chỉ thị', 'kế hoạch', 'công văn', 'văn bản', 'báo cáo',
  'tờ trình', 'thông báo', 'hướng dẫn', 'đề án', 'chương trình', 'luật', 'công điện', 'kết luận', 'quy định',
  'thông tư liên tịch', 'điều', 'khoản', 'điểm', 'mục', 'phụ lục', 'biểu', 'biểu mẫu', 'mẫu', 'lệnh',
];

/** Words before a number that make it a time or an order, not a measure. */
export const TIME_WORDS_BEFORE = ['ngày', 'tháng', 'năm', 'quý', 'tuần', 'mùng', 'giai đoạn', 'nhiệm kỳ', 'khóa', 'khoá', 'quốc khánh', 'dịp lễ'];

/** Words before a number that make it part of a name: a level, a version, an area code. */
export const NAME_WORDS_BEFORE = [
  'mức độ', 'cấp độ', 'phiên bản', 'version', 'khu vực', 'vùng', 'tổ', 'đội', 'phòng', 'lô', 'đường',
  'quốc lộ', 'tỉnh lộ', 'chợ', 'cách mạng', 'công nghiệp', 'web', 'top', 'covid', 'lần thứ', 'thứ', 'hạng',
  'kỳ', 'khóa', 'tầng', 'lớp', 'phường', 'quận', 'ấp', 'khóm', 'thôn', 'xóm', 'tờ', 'trang', 'tập', 'số hiệu', 'hotline',
  'tổng đài', 'đầu số', 'điện thoại', 'ban chỉ đạo', 'bcđ', 'kv', 'ql', 'đt', 'tl',
  // a storm's, an alarm level's, a ring road's number (`bão số 11`, `mức báo động 3`, `vành đai 2`)
  'bão số', 'báo động', 'vành đai',
  // a dose's number (`tiêm từ mũi 2 trở lên`; `tiêm 3 mũi` counts doses), a circuit's (`đường dây 500 kV mạch 3`)
  'mũi', 'mạch',
  // labels of parts of a document (`bảng 2.3`, `Phụ lục 02`, `mục 3.1`)
  'bảng', 'biểu', 'biểu mẫu', 'hình', 'sơ đồ', 'phụ lục', 'mục', 'tiểu mục', 'điều', 'khoản', 'chương', 'phần',
];

/** Words after a number that make it a time, a tier or an anniversary. */
export const AFTER_MARKS_NOT_FACT: { re: RegExp; rule: string }[] = [
  { re: /^\s*năm\s+(?:ngày\s+)?(?:thành lập|truyền thống|kỷ niệm|ngày|xây dựng và phát triển|hình thành và phát triển|\p{Lu})/u, rule: 'reject:anniversary' },
  // a window of time looked back over (`thấp nhất trong 5 năm gần đây`), a growth of so many digits (`tăng trưởng hai con số`)
  { re: /^\s*năm\s+(?:gần\s+đây|trở\s+lại\s+đây|qua)(?!\p{L})/u, rule: 'reject:period' },
  { re: /^\s*con\s+số(?!\p{L})/u, rule: 'reject:vague' },
  { re: /^\s*tháng\s+(?:đầu|cuối)\s+năm/u, rule: 'reject:period' },
  { re: /^\s*tháng(?![\p{L}/])/u, rule: 'reject:period' },
  { re: /^\s*cấp(?!\p{L})(?!\s+(?:giấy|phép|mới|đổi|lại))/u, rule: 'reject:tier' },
  // a star rating names a tier (`sản phẩm OCOP từ 3 sao trở lên`, `khách sạn 5 sao`)
  { re: /^\s*sao(?!\p{L})/u, rule: 'reject:tier' },
  // how often (`hai năm một lần`, `3 tháng 1 lần`)
  { re: /^\s*(?:năm|tháng|quý|tuần|ngày)\s+(?:một|1)\s+lần(?!\p{L})/u, rule: 'reject:period' },
];
