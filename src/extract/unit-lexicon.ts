// biome-ignore-all format: hand-laid word lists and tables, several entries a line, grouped by kind
/**
 * Units as data: money words, measure units and the nouns a count can count.
 * Everything is lower-case; matching is done on lower-cased text, longest entry first.
 */

/** Money words and the multiplier that turns them into đồng (scale words are the number parser's). */
export const MONEY_UNITS: Record<string, number> = {
  'đồng': 1,
  'đ': 1,
  'vnđ': 1,
  'vnd': 1,
};

/** Foreign currencies as written (lower-cased) → their ISO code, the base unit of such amounts (`2.315 triệu USD` → USD). */
export const FOREIGN_MONEY: Record<string, string> = {
  'usd': 'USD', 'đô la mỹ': 'USD', 'đôla mỹ': 'USD', 'đô la': 'USD', 'đôla': 'USD',
  'eur': 'EUR', 'euro': 'EUR',
};

/** Measures: written unit → base unit (the unit as written, lower-cased, unless it is an alias; `km2` stays as written, as the gold writes it). */
export const MEASURE_UNITS: Record<string, string> = {
  km: 'km',
  'km2': 'km2',
  'km²': 'km²',
  m: 'm',
  'm2': 'm2',
  'm²': 'm²',
  ha: 'ha',
  'héc-ta': 'ha',
  'hécta': 'ha',
  mm: 'mm',
  cm: 'cm',
  'm3': 'm3',
  'm³': 'm³',
  g: 'g',
  kg: 'kg',
  'yến': 'yến',
  'tạ': 'tạ',
  'tấn': 'tấn',
  'lít': 'lít',
  ml: 'ml',
  // temperatures (`26,1°C`, `0,5 ºC`, `30 độ C`): one base unit however the degree sign is written
  '°c': '°C', 'ºc': '°C', 'độ c': '°C',
  // concentrations and levels of environmental monitoring (`24,6 µg/m3`, `42 mg/l`, `78,4 dBA`, `12 NTU`), as written
  'mg/l': 'mg/l',
  'mg/m3': 'mg/m3',
  'g/m3': 'g/m3',
  'µg/m3': 'µg/m3',
  'μg/m3': 'μg/m3',
  ppm: 'ppm',
  dba: 'dba',
  ntu: 'ntu',
  // transport work: a load or a passenger carried over a distance (`368,5 triệu tấn.km`, `3.946 triệu hành khách.km`)
  'tấn.km': 'tấn.km',
  'tấn-km': 'tấn-km',
  'hành khách.km': 'hành khách.km',
  'hk.km': 'hk.km',
  'khách.km': 'khách.km',
  'người.km': 'người.km',
  // speeds and flows (`gió giật 38 m/s`, `lưu lượng 1.250 m3/s`)
  'm/s': 'm/s',
  'km/h': 'km/h',
  'km/giờ': 'km/giờ',
  'm3/s': 'm3/s',
  // per mille (birth and death rates, salinity)
  '‰': '‰',
  gb: 'gb',
  tb: 'tb',
  mb: 'mb',
  mbps: 'mbps',
  gbps: 'gbps',
  kbps: 'kbps',
  // data rates written with bit/s, power, energy, voltage, frequency, signal, latency
  'kbit/s': 'kbit/s',
  'mbit/s': 'mbit/s',
  'gbit/s': 'gbit/s',
  'mb/s': 'mb/s',
  'gb/s': 'gb/s',
  w: 'w',
  kw: 'kw',
  mw: 'mw',
  gw: 'gw',
  kwh: 'kwh',
  mwh: 'mwh',
  gwh: 'gwh',
  twh: 'twh',
  kwp: 'kwp',
  mwp: 'mwp',
  kv: 'kv',
  // apparent power of transformers and substations
  va: 'va',
  kva: 'kva',
  mva: 'mva',
  hz: 'hz',
  khz: 'khz',
  mhz: 'mhz',
  ghz: 'ghz',
  db: 'db',
  dbm: 'dbm',
  ms: 'ms',
  'giây': 'giây',
  'phút': 'phút',
  'giờ': 'giờ',
  'ngày': 'ngày',
  'tuần': 'tuần',
  'năm': 'năm',
  'tuổi': 'tuổi',
  'lần': 'lần',
};

/** Units after which a `/N noun` or `/noun` tail makes a rate or density (`27 phút/ngày`). */
export const RATE_DENOMINATORS = [
  'ngày', 'tháng', 'năm', 'giờ', 'tuần', 'dân', 'người', 'điểm', 'hộ', 'km', 'km2', 'km²', 'xã', 'ha', 'm2', 'm²', 'con',
  'đơn vị', 'thành phố', 'cơ sở', 'trường', 'huyện', 'tỉnh', 'doanh nghiệp', 'hộ gia đình', 'lớp', 'nhà', 'trường hợp', 'thôn', 'phường',
  'khách hàng',
  // (so many per course, shift, trip, sitting or case: `3,5 tháng/khóa`, `8 giờ/ca`, `45 phút/chuyến`)
  'khóa', 'khoá', 'ca', 'chuyến', 'lần', 'lượt', 'vụ', 'mẫu', 'xe', 'học sinh', 'học viên', 'bệnh nhân', 'lao động',
];

/**
 * Counted nouns (head nouns and classifiers). A count's base unit is the longest entry that the
 * text after the number starts with; modifiers after it are dropped (`trạm BTS` → `trạm`).
 */
export const COUNT_NOUNS: string[] = [
  // lots, containers, reservoirs (`538 lô`, `2.486 thùng`, `2.430 bồn, lu`, `186 hồ chứa`)
  'lô', 'lô đất', 'lô hàng', 'thùng', 'thùng rác', 'bồn', 'lu', 'hồ', 'hồ chứa',
  // markets, shops, bridges and works of water (`248 chợ`, `34 siêu thị`, `612 cầu`, `40 cống`)
  'chợ', 'siêu thị', 'cửa hàng', 'trung tâm thương mại', 'cầu', 'cống', 'đập', 'trạm bơm', 'bến', 'cảng',
  // titles, patents and awards (`22 bằng độc quyền sáng chế`, `15 bằng khen`), professions of the law
  'bằng độc quyền', 'bằng khen', 'giấy khen', 'cờ thi đua', 'huy chương', 'sáng kiến', 'đề tài', 'luật sư', 'công chứng viên',
  // sports and contests (`12 môn`, `26 nội dung`)
  'môn', 'môn thi', 'môn thi đấu', 'nội dung', 'nội dung thi đấu',
  // offices, institutes and centres (`24 Văn phòng công chứng`, `6 Viện kiểm sát nhân dân khu vực`), residents, doctors
  'văn phòng', 'viện', 'viện kiểm sát', 'trung tâm', 'dân', 'bác sĩ', 'dược sĩ', 'điều dưỡng', 'hộ lý', 'kỹ thuật viên',
  // the elderly, counted with their classifier (`131 cụ`), and meals (`4 bữa`)
  'cụ', 'bữa',
  // people and bodies
  'người', 'người dân', 'người dùng', 'lượt người', 'lượt', 'cán bộ', 'công chức', 'viên chức', 'đảng viên',
  'đoàn viên', 'công đoàn viên', 'hội viên', 'học viên', 'học sinh', 'sinh viên', 'đại biểu', 'phóng viên',
  'nhà báo', 'nhà giáo', 'nhà khoa học', 'công dân', 'cá nhân', 'tổ chức', 'tổ chức cá nhân', 'đơn vị', 'cơ quan', 'doanh nghiệp', 'sở',
  'ban', 'ngành', 'hộ', 'hộ gia đình', 'đối tượng', 'thành viên', 'lao động', 'đ/c', 'đồng chí', 'nhân dân',
  'văn phòng đại diện', 'nhà xuất bản', 'cơ sở', 'cơ sở in', 'đại lý', 'chi nhánh', 'hợp tác xã', 'trường',
  'trường học', 'bệnh viện', 'trạm y tế', 'em', 'trẻ', 'trẻ em', 'cháu', 'bệnh nhân', 'giáo viên', 'hộ nghèo',
  'hộ cận nghèo', 'gia đình', 'khách', 'lượt khách', 'du khách', 'thí điểm', 'nhà cung cấp', 'nhà mạng',
  'nhà máy', 'nhà đầu tư', 'quốc gia', 'vùng lãnh thổ', 'khu công nghiệp', 'cụm công nghiệp', 'làng nghề',
  // cases, animals, produce
  'ca', 'ca mắc', 'ca bệnh', 'ổ dịch', 'con', 'cây', 'gốc', 'ha', 'sản phẩm', 'mô hình', 'công trình',
  // places
  'tỉnh', 'thành phố', 'huyện', 'xã', 'phường', 'thị trấn', 'thôn', 'xóm', 'ấp', 'khóm', 'địa phương',
  'điểm', 'điểm phục vụ', 'điểm chuyên mạch', 'điểm truy nhập', 'vị trí', 'bưu cục', 'bưu điện văn hóa xã',
  'gian hàng', 'tàu', 'xe', 'phòng', 'tổ', 'trường hợp', 'thí sinh', 'bậc', 'căn', 'mẫu', 'nhà', 'cặp', 'ủy ban', 'hạt', 'giường bệnh', 'giường', 'bẫy', 'liên đoàn', 'vé', 'phiếu', 'hội', 'tòa án', 'thẩm phán', 'hội thẩm', 'hòa giải viên', 'bị cáo', 'bị can', 'đoàn', 'chi đoàn', 'liên đội', 'chi đội', 'chi bộ', 'đảng bộ', 'chi hội', 'đồng chí', 'đồng hồ', 'đồng bào', 'buồng', 'văn bằng', 'chủ đầu tư',
  'quả', 'liều', 'đội', 'chấp hành viên', 'tồn tại', 'thiếu sót', 'chuyến', 'tuyến', 'chiếc', 'bóng đèn', 'bóng',
  // telecom and IT things
  'thuê bao', 'trạm', 'cột', 'tuyến', 'máy', 'thiết bị', 'hệ thống', 'phần mềm', 'cơ sở dữ liệu',
  'bộ cơ sở dữ liệu', 'tài khoản', 'hộp thư', 'chữ ký số', 'chứng thư số', 'chứng thư', 'usb', 'sim pki',
  'sim', 'trang thông tin', 'trang mạng xã hội', 'trang', 'cổng', 'website', 'ứng dụng', 'nền tảng',
  'dịch vụ', 'dịch vụ công', 'dịch vụ công trực tuyến', 'cụm loa', 'loa', 'đài truyền thanh', 'đài',
  'camera', 'máy tính', 'bưu gửi', 'bưu phát', 'bưu phẩm', 'bưu kiện', 'nhóm', 'trụ cột', 'camera giám sát',
  // documents and procedures
  'văn bản', 'lượt văn bản', 'dự thảo văn bản', 'dự thảo', 'hồ sơ', 'giấy phép', 'giấy chứng nhận',
  'quyết định', 'kế hoạch', 'công văn', 'báo cáo', 'thông báo', 'tờ trình', 'đơn', 'đơn thư', 'thủ tục',
  'thủ tục hành chính', 'tthc', 'chỉ tiêu', 'tiêu chí', 'nhiệm vụ', 'dự án', 'đề án', 'chương trình',
  'chính sách', 'lịch làm việc', 'câu hỏi', 'ý kiến', 'kiến nghị', 'biên bản', 'vụ việc', 'vụ', 'việc',
  'chứng chỉ', 'thẻ',
  // media and events
  'tin', 'bài', 'tin bài', 'tin/bài', 'bài viết', 'phóng sự', 'chuyên mục', 'chuyên đề', 'tờ rơi', 'tờ gấp',
  'pa nô', 'băng rôn', 'áp phích', 'bản', 'bản sách', 'cuốn', 'ấn phẩm', 'số báo', 'audio', 'video', 'clip',
  'phim', 'tổng hợp tin', 'hội nghị', 'hội thảo', 'cuộc', 'cuộc kiểm tra', 'cuộc thanh tra', 'đợt', 'lớp',
  'buổi', 'phiên', 'sự kiện', 'hoạt động', 'cuộc thi', 'giải',
];

/** Nouns that may stand next to each other joined by commas as one unit: `tin, bài`, `xã, phường, thị trấn`. */
export const COORDINATED_NOUNS: string[] = [
  'tin', 'bài', 'văn bản', 'phóng sự', 'bài viết', 'cơ quan', 'đơn vị', 'xã', 'phường', 'thị trấn', 'tỉnh',
  'thành phố', 'cán bộ', 'nhân dân', 'phóng viên', 'nhà báo', 'tổ chức', 'cá nhân', 'công chức', 'viên chức',
  'người lao động', 'doanh nghiệp', 'hộ gia đình', 'gia đình', 'giáo viên', 'nhân viên', 'sở', 'ban', 'ngành', 'vụ', 'việc',
  'tài liệu', 'hiện vật', 'học sinh', 'sinh viên', 'hội viên', 'đoàn viên', 'hợp tác xã', 'tổ hợp tác', 'cơ sở',
  'thôn', 'bản', 'ấp', 'khóm', 'làng', 'khu phố', 'tổ dân phố', 'đặc khu', 'phụ nữ', 'thanh niên', 'thiếu nhi', 'nông dân', 'người dân',
];

/**
 * Words that can never be a counted noun: after a number they mean the number is a date part,
 * a name or an order, or the noun is missing.
 */
export const NOT_NOUNS: string[] = [
  'và', 'của', 'được', 'đã', 'là', 'có', 'với', 'trong', 'trên', 'dưới', 'theo', 'so', 'tại', 'cho', 'các',
  'những', 'này', 'đó', 'để', 'từ', 'đến', 'về', 'thì', 'mà', 'hoặc', 'hay', 'nhưng', 'năm', 'tháng', 'quý',
  'ngày', 'đạt', 'tăng', 'giảm', 'chiếm', 'bằng', 'khoảng', 'gần', 'hơn', 'trực', 'cấp', 'mức', 'mỗi',
];
