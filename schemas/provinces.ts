import { z } from './zod.js';

/**
 * Province-level units of Viet Nam, before and after the 2025 reorganisation (data only;
 * the lookups live in src/resolve/province-resolver.ts).
 *
 * Sources (checked 2025, recorded here so the table can be re-verified):
 * - Resolution 202/2025/QH15 of the National Assembly (adopted 12 June 2025, in force
 *   1 July 2025): 63 province-level units → 34. The list of merged units below follows the
 *   plan annexed to Resolution 60-NQ/TW (12 April 2025) as enacted, cross-checked against
 *   bnews.vn "Tên gọi, trung tâm hành chính các đơn vị hành chính cấp tỉnh mới sau sáp nhập,
 *   hợp nhất", nghean24h.vn "34 tỉnh thành dự kiến hoạt động ngày từ ngày 1/7/2025",
 *   ai24hexpress.com (Mekong delta merges, citing VnExpress) and the table in
 *   github.com/tvanlam/bag_shop DANH_SACH_34_TINH_THANH.md (citing thuvienphapluat.vn).
 * - Resolution 175/2024/QH15 (in force 1 January 2025): Thừa Thiên Huế province became
 *   Huế, a centrally governed city (github.com/thanglequoc/vietnamese-provinces-database
 *   release notes v2.3.0).
 */

export const ProvinceKind = z.enum(['tỉnh', 'thành phố']);
export type ProvinceKind = z.infer<typeof ProvinceKind>;

/** One of the 63 province-level units in force from 2008 until 30 June 2025. */
export const ProvinceDef = z.object({
  /** Stable id: the diacritic-free name in kebab-case (`nam-dinh`). */
  id: z.string().regex(/^[a-z]+(-[a-z]+)*$/),
  /** Name without the `tỉnh` / `thành phố` prefix, as in official use. */
  name: z.string(),
  kind: ProvinceKind,
  /** Other spellings and abbreviations as written in reports (the resolver also folds diacritics). */
  aliases: z.array(z.string()),
});
export type ProvinceDef = z.infer<typeof ProvinceDef>;

/** One of the 34 province-level units from 1 July 2025 and the old units it was formed from. */
export const ProvinceUnit2025 = z.object({
  id: z.string().regex(/^[a-z]+(-[a-z]+)*$/),
  name: z.string(),
  kind: ProvinceKind,
  mergedFrom: z.array(z.string()).min(1),
});
export type ProvinceUnit2025 = z.infer<typeof ProvinceUnit2025>;

/** A renaming of an old unit before the reorganisation (`from` is an ISO date). */
export const ProvinceRename = z.object({ id: z.string(), from: z.string(), name: z.string(), kind: ProvinceKind });
export type ProvinceRename = z.infer<typeof ProvinceRename>;

/** Day the 34 units came into being (Resolution 202/2025/QH15). */
export const REORGANISATION_DATE = '2025-07-01';

const p = (id: string, name: string, kind: ProvinceKind, aliases: string[] = []): ProvinceDef => ({ id, name, kind, aliases });
const T: ProvinceKind = 'tỉnh';
const C: ProvinceKind = 'thành phố';

export const PROVINCES_2008: readonly ProvinceDef[] = [
  p('ha-noi', 'Hà Nội', C, ['HN', 'TP Hà Nội', 'TP. Hà Nội']),
  p('ho-chi-minh', 'Hồ Chí Minh', C, ['TP.HCM', 'TP HCM', 'TPHCM', 'HCM', 'TP. Hồ Chí Minh', 'Sài Gòn', 'Thành phố HCM']),
  p('hai-phong', 'Hải Phòng', C),
  p('da-nang', 'Đà Nẵng', C),
  p('can-tho', 'Cần Thơ', C),
  p('an-giang', 'An Giang', T),
  p('ba-ria-vung-tau', 'Bà Rịa - Vũng Tàu', T, ['Bà Rịa Vũng Tàu', 'Bà Rịa-Vũng Tàu', 'BR-VT', 'BRVT']),
  p('bac-giang', 'Bắc Giang', T),
  p('bac-kan', 'Bắc Kạn', T, ['Bắc Cạn']),
  p('bac-lieu', 'Bạc Liêu', T),
  p('bac-ninh', 'Bắc Ninh', T),
  p('ben-tre', 'Bến Tre', T),
  p('binh-dinh', 'Bình Định', T),
  p('binh-duong', 'Bình Dương', T),
  p('binh-phuoc', 'Bình Phước', T),
  p('binh-thuan', 'Bình Thuận', T),
  p('ca-mau', 'Cà Mau', T),
  p('cao-bang', 'Cao Bằng', T),
  p('dak-lak', 'Đắk Lắk', T, ['Đắc Lắc', 'Đăk Lăk', 'Daklak', 'Dak Lak']),
  p('dak-nong', 'Đắk Nông', T, ['Đăk Nông', 'Đắc Nông', 'Daknong']),
  p('dien-bien', 'Điện Biên', T),
  p('dong-nai', 'Đồng Nai', T),
  p('dong-thap', 'Đồng Tháp', T),
  p('gia-lai', 'Gia Lai', T),
  p('ha-giang', 'Hà Giang', T),
  p('ha-nam', 'Hà Nam', T),
  p('ha-tinh', 'Hà Tĩnh', T),
  p('hai-duong', 'Hải Dương', T),
  p('hau-giang', 'Hậu Giang', T),
  p('hoa-binh', 'Hòa Bình', T, ['Hoà Bình']),
  p('hung-yen', 'Hưng Yên', T),
  p('khanh-hoa', 'Khánh Hòa', T, ['Khánh Hoà']),
  p('kien-giang', 'Kiên Giang', T),
  p('kon-tum', 'Kon Tum', T, ['Kontum']),
  p('lai-chau', 'Lai Châu', T),
  p('lam-dong', 'Lâm Đồng', T),
  p('lang-son', 'Lạng Sơn', T),
  p('lao-cai', 'Lào Cai', T),
  p('long-an', 'Long An', T),
  p('nam-dinh', 'Nam Định', T),
  p('nghe-an', 'Nghệ An', T),
  p('ninh-binh', 'Ninh Bình', T),
  p('ninh-thuan', 'Ninh Thuận', T),
  p('phu-tho', 'Phú Thọ', T),
  p('phu-yen', 'Phú Yên', T),
  p('quang-binh', 'Quảng Bình', T),
  p('quang-nam', 'Quảng Nam', T),
  p('quang-ngai', 'Quảng Ngãi', T),
  p('quang-ninh', 'Quảng Ninh', T),
  p('quang-tri', 'Quảng Trị', T),
  p('soc-trang', 'Sóc Trăng', T),
  p('son-la', 'Sơn La', T),
  p('tay-ninh', 'Tây Ninh', T),
  p('thai-binh', 'Thái Bình', T),
  p('thai-nguyen', 'Thái Nguyên', T),
  p('thanh-hoa', 'Thanh Hóa', T, ['Thanh Hoá']),
  p('thua-thien-hue', 'Thừa Thiên Huế', T, ['Thừa Thiên - Huế', 'Thừa Thiên-Huế', 'TT-Huế', 'TT Huế', 'Huế']),
  p('tien-giang', 'Tiền Giang', T),
  p('tra-vinh', 'Trà Vinh', T),
  p('tuyen-quang', 'Tuyên Quang', T),
  p('vinh-long', 'Vĩnh Long', T),
  p('vinh-phuc', 'Vĩnh Phúc', T),
  p('yen-bai', 'Yên Bái', T),
];

/** Renamings between 2008 and the reorganisation. */
export const PROVINCE_RENAMES: readonly ProvinceRename[] = [
  // Resolution 175/2024/QH15: Thừa Thiên Huế province → Huế city (centrally governed).
  { id: 'thua-thien-hue', from: '2025-01-01', name: 'Huế', kind: C },
];

const u = (id: string, name: string, kind: ProvinceKind, mergedFrom: string[]): ProvinceUnit2025 => ({ id, name, kind, mergedFrom });

/** The 34 units from 1 July 2025 (Resolution 202/2025/QH15): 11 unchanged, 23 formed by merging. */
export const PROVINCES_2025: readonly ProvinceUnit2025[] = [
  // Unchanged.
  u('ha-noi', 'Hà Nội', C, ['ha-noi']),
  u('hue', 'Huế', C, ['thua-thien-hue']),
  u('cao-bang', 'Cao Bằng', T, ['cao-bang']),
  u('dien-bien', 'Điện Biên', T, ['dien-bien']),
  u('ha-tinh', 'Hà Tĩnh', T, ['ha-tinh']),
  u('lai-chau', 'Lai Châu', T, ['lai-chau']),
  u('lang-son', 'Lạng Sơn', T, ['lang-son']),
  u('nghe-an', 'Nghệ An', T, ['nghe-an']),
  u('quang-ninh', 'Quảng Ninh', T, ['quang-ninh']),
  u('thanh-hoa', 'Thanh Hóa', T, ['thanh-hoa']),
  u('son-la', 'Sơn La', T, ['son-la']),
  // Merged.
  u('tuyen-quang', 'Tuyên Quang', T, ['tuyen-quang', 'ha-giang']),
  u('lao-cai', 'Lào Cai', T, ['lao-cai', 'yen-bai']),
  u('thai-nguyen', 'Thái Nguyên', T, ['thai-nguyen', 'bac-kan']),
  u('phu-tho', 'Phú Thọ', T, ['phu-tho', 'vinh-phuc', 'hoa-binh']),
  u('bac-ninh', 'Bắc Ninh', T, ['bac-ninh', 'bac-giang']),
  u('hung-yen', 'Hưng Yên', T, ['hung-yen', 'thai-binh']),
  u('hai-phong', 'Hải Phòng', C, ['hai-phong', 'hai-duong']),
  u('ninh-binh', 'Ninh Bình', T, ['ninh-binh', 'ha-nam', 'nam-dinh']),
  u('quang-tri', 'Quảng Trị', T, ['quang-tri', 'quang-binh']),
  u('da-nang', 'Đà Nẵng', C, ['da-nang', 'quang-nam']),
  u('quang-ngai', 'Quảng Ngãi', T, ['quang-ngai', 'kon-tum']),
  u('gia-lai', 'Gia Lai', T, ['gia-lai', 'binh-dinh']),
  u('khanh-hoa', 'Khánh Hòa', T, ['khanh-hoa', 'ninh-thuan']),
  u('lam-dong', 'Lâm Đồng', T, ['lam-dong', 'dak-nong', 'binh-thuan']),
  u('dak-lak', 'Đắk Lắk', T, ['dak-lak', 'phu-yen']),
  u('ho-chi-minh', 'Hồ Chí Minh', C, ['ho-chi-minh', 'binh-duong', 'ba-ria-vung-tau']),
  u('dong-nai', 'Đồng Nai', T, ['dong-nai', 'binh-phuoc']),
  u('tay-ninh', 'Tây Ninh', T, ['tay-ninh', 'long-an']),
  u('can-tho', 'Cần Thơ', C, ['can-tho', 'soc-trang', 'hau-giang']),
  u('vinh-long', 'Vĩnh Long', T, ['vinh-long', 'ben-tre', 'tra-vinh']),
  u('dong-thap', 'Đồng Tháp', T, ['dong-thap', 'tien-giang']),
  u('ca-mau', 'Cà Mau', T, ['ca-mau', 'bac-lieu']),
  u('an-giang', 'An Giang', T, ['an-giang', 'kien-giang']),
];
