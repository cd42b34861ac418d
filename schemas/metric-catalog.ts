import { z } from './zod.js';
import { Aspect, FactKind } from './fact.js';

/**
 * A canonical metric: one indicator that recurs across Vietnamese provincial
 * information-and-communications reports, so that the same figure lines up across
 * provinces and periods. The matcher (src/resolve/metric-matcher.ts) folds diacritics
 * and expands the usual abbreviations (TTHC, DVC, VTĐ, CNTT …) on both sides, so aliases
 * are written once, in ordinary spelling.
 */
export const MetricDef = z.object({
  /** Stable id in kebab-case: `telecom-revenue`. */
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  /** Name in Vietnamese, for tables and the Compare sheet. */
  name: z.string().min(1),
  /** Ways reports word the indicator (noun phrases; the name is matched too). */
  aliases: z.array(z.string().min(1)).min(1),
  /** Kind of a level value of this metric (a change % of any metric is also accepted). */
  kind: FactKind,
  /** `VND`, `%`, `km`, `thuê bao/100 dân`, or the counted noun (`thuê bao`, `trạm`). */
  base_unit: z.string().min(1),
  aspect: Aspect.default('level'),
  /**
   * Other counted nouns a report may use for this metric (`tin`, `bài`, `bài viết` for news
   * items). A count/measure fact whose unit is neither `base_unit` nor one of these is not
   * matched to the metric.
   */
  units: z.array(z.string()).default([]),
  /** Words that rule the metric out when the phrase contains them (`công ích`, `mới`). */
  excludes: z.array(z.string()).default([]),
  notes: z.string().optional(),
});
export type MetricDef = z.infer<typeof MetricDef>;
export type MetricDefInput = z.input<typeof MetricDef>;

const NEW = ['mới', 'phát triển', 'mật độ'];
const SUBSCRIBER_UNITS = ['thuê bao', 'tb', 'máy'];
const ENTITY_UNITS = ['đối tượng', 'đơn vị', 'tổ chức', 'cá nhân', 'tổ chức cá nhân', 'cơ sở', 'doanh nghiệp', 'trường hợp', 'cơ quan'];

// biome-ignore format: the catalog is laid out by hand, one metric per block, its short fields on one line
const DEFINITIONS: MetricDefInput[] = [
  // ---- Postal ----
  {
    id: 'postal-revenue', name: 'Doanh thu bưu chính', kind: 'money', base_unit: 'VND',
    aliases: ['doanh thu bưu chính', 'doanh thu bưu chính, chuyển phát', 'doanh thu dịch vụ bưu chính', 'doanh thu lĩnh vực bưu chính'],
    excludes: ['công ích'],
  },
  {
    id: 'postal-public-service-revenue', name: 'Doanh thu dịch vụ bưu chính công ích', kind: 'money', base_unit: 'VND',
    aliases: ['doanh thu dịch vụ bưu chính công ích', 'doanh thu bưu chính công ích'],
  },
  {
    id: 'postal-items', name: 'Sản lượng bưu gửi', kind: 'count', base_unit: 'bưu gửi',
    aliases: ['sản lượng bưu gửi', 'sản lượng dịch vụ bưu chính', 'số bưu gửi', 'sản lượng bưu phẩm, bưu kiện'],
    units: ['bưu phẩm', 'bưu kiện', 'bưu phát', 'sản phẩm', 'lượt'], excludes: ['công ích'],
  },
  {
    id: 'postal-public-service-items', name: 'Sản lượng bưu gửi dịch vụ bưu chính công ích', kind: 'count', base_unit: 'bưu gửi',
    aliases: ['sản lượng bưu gửi dịch vụ bưu chính công ích', 'sản lượng dịch vụ bưu chính công ích', 'bưu gửi bưu chính công ích'],
    units: ['bưu phẩm', 'bưu kiện', 'bưu phát', 'sản phẩm', 'lượt'], excludes: ['doanh thu'],
  },
  {
    id: 'postal-service-points', name: 'Điểm phục vụ bưu chính', kind: 'count', base_unit: 'điểm phục vụ',
    aliases: ['điểm phục vụ bưu chính', 'mạng lưới điểm phục vụ bưu chính', 'số điểm phục vụ'],
    units: ['điểm'], excludes: ['bán kính', 'người'],
  },
  {
    id: 'post-offices', name: 'Bưu cục', kind: 'count', base_unit: 'bưu cục',
    aliases: ['bưu cục', 'bưu cục cấp 1, cấp 2, cấp 3', 'số bưu cục'],
  },
  {
    id: 'commune-post-offices', name: 'Điểm bưu điện văn hóa xã', kind: 'count', base_unit: 'bưu điện văn hóa xã',
    aliases: ['bưu điện văn hóa xã', 'điểm bưu điện văn hóa xã'], units: ['điểm'],
  },
  {
    id: 'postal-enterprises', name: 'Doanh nghiệp bưu chính', kind: 'count', base_unit: 'doanh nghiệp',
    aliases: ['doanh nghiệp bưu chính', 'doanh nghiệp hoạt động bưu chính, chuyển phát', 'doanh nghiệp cung ứng dịch vụ bưu chính'],
    units: ['đơn vị'],
  },
  {
    id: 'postal-service-radius', name: 'Bán kính phục vụ bình quân của một điểm phục vụ bưu chính', kind: 'measure', base_unit: 'km',
    aliases: ['bán kính phục vụ bưu chính', 'bán kính phục vụ bình quân một điểm phục vụ'],
  },
  // ---- Telecommunications ----
  {
    id: 'telecom-revenue', name: 'Doanh thu viễn thông', kind: 'money', base_unit: 'VND',
    aliases: ['doanh thu viễn thông', 'doanh thu dịch vụ viễn thông', 'doanh thu sản xuất, kinh doanh dịch vụ viễn thông', 'doanh thu lĩnh vực viễn thông'],
  },
  {
    id: 'telecom-enterprises', name: 'Doanh nghiệp viễn thông', kind: 'count', base_unit: 'doanh nghiệp',
    aliases: ['doanh nghiệp viễn thông', 'doanh nghiệp cung cấp dịch vụ viễn thông, internet', 'doanh nghiệp hạ tầng viễn thông'],
    units: ['đơn vị', 'nhà mạng'],
  },
  {
    id: 'phone-subscribers', name: 'Tổng số thuê bao điện thoại', kind: 'count', base_unit: 'thuê bao',
    aliases: ['tổng số thuê bao điện thoại', 'thuê bao điện thoại cố định và di động', 'thuê bao điện thoại hiện có'],
    units: SUBSCRIBER_UNITS, excludes: [...NEW, 'internet', 'băng rộng', 'chuyển', '2G'],
    notes: 'fixed plus mobile, a stock at the end of the period',
  },
  {
    id: 'fixed-phone-subscribers', name: 'Thuê bao điện thoại cố định', kind: 'count', base_unit: 'thuê bao',
    aliases: ['thuê bao điện thoại cố định', 'thuê bao cố định', 'máy điện thoại cố định'],
    units: SUBSCRIBER_UNITS, excludes: [...NEW, 'internet', 'băng rộng', 'di động'],
  },
  {
    id: 'mobile-subscribers', name: 'Thuê bao điện thoại di động', kind: 'count', base_unit: 'thuê bao',
    aliases: ['thuê bao di động', 'thuê bao điện thoại di động', 'thuê bao di động trả trước và trả sau'],
    units: SUBSCRIBER_UNITS, excludes: [...NEW, 'internet', 'băng rộng', 'cố định', 'chuyển', '2G'],
  },
  {
    id: 'phone-subscribers-new', name: 'Thuê bao điện thoại phát triển mới', kind: 'count', base_unit: 'thuê bao',
    aliases: ['thuê bao điện thoại phát triển mới', 'thuê bao điện thoại mới', 'phát triển mới thuê bao điện thoại'],
    units: SUBSCRIBER_UNITS, excludes: ['internet', 'băng rộng', 'di động'],
  },
  {
    id: 'mobile-subscribers-new', name: 'Thuê bao di động phát triển mới', kind: 'count', base_unit: 'thuê bao',
    aliases: ['thuê bao di động phát triển mới', 'thuê bao di động mới', 'phát triển mới thuê bao di động'],
    units: SUBSCRIBER_UNITS, excludes: ['internet', 'băng rộng', 'chuyển'],
  },
  {
    id: 'broadband-subscribers', name: 'Tổng số thuê bao internet băng rộng', kind: 'count', base_unit: 'thuê bao',
    aliases: ['thuê bao internet băng rộng', 'tổng số thuê bao internet', 'thuê bao truy nhập internet'],
    units: SUBSCRIBER_UNITS, excludes: [...NEW, 'cố định', 'di động', 'quy đổi', 'hộ gia đình'],
  },
  {
    id: 'fixed-broadband-subscribers', name: 'Thuê bao internet băng rộng cố định', kind: 'count', base_unit: 'thuê bao',
    aliases: ['thuê bao internet băng rộng cố định', 'thuê bao internet cố định', 'thuê bao truy nhập internet băng rộng cố định', 'thuê bao internet cáp quang FTTH'],
    units: SUBSCRIBER_UNITS, excludes: [...NEW, 'quy đổi'],
  },
  {
    id: 'mobile-broadband-subscribers', name: 'Thuê bao internet băng rộng di động', kind: 'count', base_unit: 'thuê bao',
    aliases: ['thuê bao internet băng rộng di động', 'thuê bao internet di động', 'thuê bao 3G, 4G truy nhập internet'],
    units: SUBSCRIBER_UNITS, excludes: NEW,
  },
  {
    id: 'broadband-subscribers-new', name: 'Thuê bao internet phát triển mới', kind: 'count', base_unit: 'thuê bao',
    aliases: ['thuê bao internet phát triển mới', 'thuê bao internet băng rộng phát triển mới', 'thuê bao internet mới'],
    units: SUBSCRIBER_UNITS,
  },
  {
    id: 'phone-density', name: 'Mật độ thuê bao điện thoại', kind: 'measure', base_unit: 'thuê bao/100 dân',
    aliases: ['mật độ thuê bao điện thoại', 'mật độ điện thoại', 'số thuê bao điện thoại trên 100 dân'],
    excludes: ['internet'],
  },
  {
    id: 'internet-density', name: 'Mật độ thuê bao internet', kind: 'measure', base_unit: 'thuê bao/100 dân',
    aliases: ['mật độ internet', 'mật độ thuê bao internet', 'thuê bao internet trên 100 dân'],
  },
  {
    id: 'bts-stations', name: 'Trạm thu phát sóng di động (BTS)', kind: 'count', base_unit: 'trạm',
    aliases: ['trạm BTS', 'trạm thu phát sóng thông tin di động', 'trạm phát sóng di động', 'trạm thu phát sóng'],
    units: ['trạm BTS'], excludes: ['5G', 'vị trí', 'BSC', 'tắt sóng', 'truyền thanh'],
  },
  {
    id: 'bts-5g-stations', name: 'Trạm phát sóng 5G', kind: 'count', base_unit: 'trạm',
    aliases: ['trạm 5G', 'trạm BTS 5G', 'trạm phát sóng 5G'],
  },
  {
    id: 'fibre-length', name: 'Chiều dài tuyến cáp quang', kind: 'measure', base_unit: 'km',
    aliases: ['chiều dài tuyến cáp quang', 'tổng chiều dài cáp quang', 'tuyến cáp quang'],
    excludes: ['cáp đồng', 'chỉnh trang', 'hạ ngầm'],
  },
  {
    id: 'fibre-coverage-households', name: 'Tỷ lệ hộ gia đình được phủ mạng băng rộng cáp quang', kind: 'percent', base_unit: '%', aspect: 'share',
    aliases: ['tỷ lệ hộ gia đình được phủ mạng băng rộng cáp quang', 'hộ gia đình có khả năng kết nối cáp quang'],
  },
  {
    id: 'fibre-coverage-villages', name: 'Tỷ lệ thôn, xã được phủ cáp quang', kind: 'percent', base_unit: '%', aspect: 'share',
    aliases: ['tỷ lệ thôn được phủ hạ tầng cáp quang', 'thôn có dân cư được phủ mạng cáp quang', 'tỷ lệ xã được phủ hạ tầng mạng băng rộng cáp quang'],
    excludes: ['hộ gia đình'],
  },
  {
    id: 'mobile-coverage-share', name: 'Tỷ lệ dân số được phủ sóng di động băng rộng', kind: 'percent', base_unit: '%', aspect: 'share',
    aliases: ['tỷ lệ dân số được phủ sóng di động', 'tỷ lệ phủ sóng 4G', 'dân số được phủ sóng di động băng rộng'],
  },
  {
    id: 'smartphone-share', name: 'Tỷ lệ dân số trưởng thành có điện thoại thông minh', kind: 'percent', base_unit: '%', aspect: 'share',
    aliases: ['tỷ lệ dân số có điện thoại thông minh', 'tỷ lệ dân số trưởng thành có điện thoại thông minh', 'người dân sử dụng điện thoại thông minh'],
  },
  // ---- IT industry and digital economy ----
  {
    id: 'it-revenue', name: 'Doanh thu công nghệ thông tin', kind: 'money', base_unit: 'VND',
    aliases: ['doanh thu công nghệ thông tin', 'doanh thu công nghiệp công nghệ thông tin', 'doanh thu dịch vụ công nghệ thông tin', 'doanh thu công nghiệp phần cứng, điện tử'],
    excludes: ['phần mềm'],
  },
  {
    id: 'software-revenue', name: 'Doanh thu phần mềm', kind: 'money', base_unit: 'VND',
    aliases: ['doanh thu phần mềm', 'doanh thu công nghiệp phần mềm', 'doanh thu phần mềm, nội dung số'],
  },
  {
    id: 'it-enterprises', name: 'Doanh nghiệp công nghệ thông tin, công nghệ số', kind: 'count', base_unit: 'doanh nghiệp',
    aliases: ['doanh nghiệp công nghệ thông tin', 'doanh nghiệp công nghệ số', 'doanh nghiệp phần mềm'],
    units: ['đơn vị'],
  },
  {
    id: 'digital-economy-share', name: 'Tỷ trọng kinh tế số trong GRDP', kind: 'percent', base_unit: '%', aspect: 'share',
    aliases: ['tỷ trọng kinh tế số trong GRDP', 'giá trị tăng thêm của kinh tế số trong GRDP', 'kinh tế số chiếm tỷ trọng GRDP'],
  },
  {
    id: 'ecommerce-share', name: 'Tỷ trọng thương mại điện tử trong tổng mức bán lẻ', kind: 'percent', base_unit: '%', aspect: 'share',
    aliases: ['tỷ trọng thương mại điện tử trong tổng mức bán lẻ', 'doanh thu thương mại điện tử trong tổng mức bán lẻ hàng hóa'],
  },
  {
    id: 'e-payment-account-share', name: 'Tỷ lệ dân số có tài khoản thanh toán điện tử', kind: 'percent', base_unit: '%', aspect: 'share',
    aliases: ['tỷ lệ dân số có tài khoản thanh toán điện tử', 'người dân có tài khoản thanh toán điện tử'],
  },
  {
    id: 'enterprises-digital-platform-share', name: 'Tỷ lệ doanh nghiệp sử dụng nền tảng số', kind: 'percent', base_unit: '%', aspect: 'share',
    aliases: ['tỷ lệ doanh nghiệp sử dụng nền tảng số', 'doanh nghiệp nhỏ và vừa sử dụng nền tảng số'],
  },
  {
    id: 'digital-skills-trained', name: 'Người được tập huấn, đào tạo kỹ năng số', kind: 'count', base_unit: 'người',
    aliases: ['người được tập huấn kỹ năng số', 'lượt người được đào tạo kỹ năng số', 'người dân được đào tạo kỹ năng số cơ bản', 'cán bộ được bồi dưỡng chuyển đổi số'],
    units: ['lượt người', 'lượt', 'học viên', 'cán bộ', 'người dân', 'đại biểu', 'công chức'],
  },
  {
    id: 'community-digital-teams', name: 'Tổ công nghệ số cộng đồng', kind: 'count', base_unit: 'tổ',
    aliases: ['tổ công nghệ số cộng đồng', 'tổ công nghệ số'], units: ['tổ'],
  },
  {
    id: 'vneid-accounts', name: 'Tài khoản định danh điện tử được kích hoạt', kind: 'count', base_unit: 'tài khoản',
    aliases: ['tài khoản định danh điện tử', 'tài khoản định danh điện tử được kích hoạt', 'tài khoản VNeID'],
  },
  // ---- E-government: online public services and dossiers ----
  {
    id: 'online-public-services', name: 'Dịch vụ công trực tuyến được cung cấp', kind: 'count', base_unit: 'dịch vụ công trực tuyến',
    aliases: ['dịch vụ công trực tuyến', 'dịch vụ công trực tuyến được cung cấp', 'thủ tục hành chính được cung cấp trực tuyến'],
    units: ['dịch vụ công', 'dịch vụ', 'DVC', 'thủ tục', 'thủ tục hành chính'],
    excludes: ['mức độ', 'toàn trình', 'một phần', 'hồ sơ'],
  },
  {
    id: 'online-public-services-partial', name: 'Dịch vụ công trực tuyến mức độ 3 (một phần)', kind: 'count', base_unit: 'dịch vụ công trực tuyến',
    aliases: ['dịch vụ công trực tuyến mức độ 3', 'dịch vụ công trực tuyến một phần', 'thủ tục hành chính cung cấp trực tuyến một phần'],
    units: ['dịch vụ công', 'dịch vụ', 'DVC', 'thủ tục', 'thủ tục hành chính'],
    excludes: ['hồ sơ', 'mức độ 4', 'toàn trình'],
  },
  {
    id: 'online-public-services-full', name: 'Dịch vụ công trực tuyến mức độ 4 (toàn trình)', kind: 'count', base_unit: 'dịch vụ công trực tuyến',
    aliases: ['dịch vụ công trực tuyến mức độ 4', 'dịch vụ công trực tuyến toàn trình', 'thủ tục hành chính cung cấp trực tuyến toàn trình'],
    units: ['dịch vụ công', 'dịch vụ', 'DVC', 'thủ tục', 'thủ tục hành chính'],
    excludes: ['hồ sơ', 'mức độ 3', 'một phần'],
  },
  {
    id: 'online-public-services-share', name: 'Tỷ lệ thủ tục hành chính cung cấp dịch vụ công trực tuyến', kind: 'percent', base_unit: '%', aspect: 'share',
    aliases: ['tỷ lệ dịch vụ công trực tuyến', 'tỷ lệ thủ tục hành chính cung cấp trực tuyến', 'tỷ lệ thủ tục hành chính đủ điều kiện cung cấp dịch vụ công trực tuyến toàn trình'],
    excludes: ['hồ sơ', 'mức độ'],
  },
  {
    id: 'online-services-with-dossiers-share', name: 'Tỷ lệ dịch vụ công trực tuyến phát sinh hồ sơ', kind: 'percent', base_unit: '%', aspect: 'share',
    aliases: ['tỷ lệ dịch vụ công trực tuyến phát sinh hồ sơ', 'dịch vụ công trực tuyến có phát sinh hồ sơ'],
  },
  {
    id: 'dossiers-received', name: 'Hồ sơ thủ tục hành chính tiếp nhận', kind: 'count', base_unit: 'hồ sơ',
    aliases: ['hồ sơ tiếp nhận', 'số hồ sơ thủ tục hành chính tiếp nhận', 'hồ sơ được tiếp nhận', 'tổng số hồ sơ tiếp nhận'],
    excludes: ['trực tuyến', 'trực tiếp', 'mức độ', 'bưu chính công ích', 'giấy phép'],
  },
  {
    id: 'dossiers-received-online', name: 'Hồ sơ tiếp nhận trực tuyến', kind: 'count', base_unit: 'hồ sơ',
    aliases: ['hồ sơ tiếp nhận trực tuyến', 'hồ sơ nộp trực tuyến', 'hồ sơ trực tuyến'],
    excludes: ['mức độ', 'giấy phép', 'trực tiếp'],
  },
  {
    id: 'dossiers-resolved', name: 'Hồ sơ thủ tục hành chính đã giải quyết', kind: 'count', base_unit: 'hồ sơ',
    aliases: ['hồ sơ đã giải quyết', 'hồ sơ được giải quyết', 'số hồ sơ thủ tục hành chính đã giải quyết'],
    excludes: ['đúng hạn', 'trước hạn', 'quá hạn', 'trễ hạn'],
  },
  {
    id: 'dossiers-on-time-share', name: 'Tỷ lệ hồ sơ giải quyết đúng hạn', kind: 'percent', base_unit: '%', aspect: 'share',
    aliases: ['tỷ lệ hồ sơ giải quyết đúng hạn', 'tỷ lệ hồ sơ giải quyết đúng và trước hạn', 'hồ sơ được giải quyết đúng hạn'],
  },
  {
    id: 'dossiers-online-share', name: 'Tỷ lệ hồ sơ thủ tục hành chính thực hiện trực tuyến', kind: 'percent', base_unit: '%', aspect: 'share',
    aliases: ['tỷ lệ hồ sơ trực tuyến', 'tỷ lệ hồ sơ thủ tục hành chính được thực hiện trực tuyến', 'tỷ lệ hồ sơ tiếp nhận trực tuyến', 'tỷ lệ hồ sơ thực hiện trực tuyến toàn trình'],
    excludes: ['thanh toán', 'số hóa', 'mức độ'],
  },
  {
    id: 'online-payment-share', name: 'Tỷ lệ hồ sơ có thanh toán trực tuyến', kind: 'percent', base_unit: '%', aspect: 'share',
    aliases: ['tỷ lệ hồ sơ thanh toán trực tuyến', 'hồ sơ thủ tục hành chính có phát sinh thanh toán trực tuyến', 'thanh toán trực tuyến phí, lệ phí'],
  },
  {
    id: 'dossier-digitisation-share', name: 'Tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính', kind: 'percent', base_unit: '%', aspect: 'share',
    aliases: ['tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính', 'kết quả giải quyết thủ tục hành chính được số hóa', 'tỷ lệ hồ sơ được số hóa', 'tỷ lệ kết quả thủ tục hành chính được số hóa'],
  },
  // ---- E-government: documents, signatures, mail ----
  {
    id: 'e-documents-share', name: 'Tỷ lệ văn bản trao đổi dưới dạng điện tử', kind: 'percent', base_unit: '%', aspect: 'share',
    aliases: ['tỷ lệ văn bản điện tử', 'tỷ lệ văn bản đi, đến được trao đổi dưới dạng điện tử', 'văn bản được trao đổi liên thông điện tử', 'văn bản điện tử giữa các cơ quan nhà nước'],
    excludes: ['ký số', 'số hóa'],
  },
  {
    id: 'e-documents', name: 'Văn bản điện tử gửi, nhận qua hệ thống quản lý văn bản', kind: 'count', base_unit: 'văn bản',
    aliases: ['văn bản điện tử', 'văn bản điện tử gửi, nhận', 'văn bản đi, đến trên hệ thống quản lý văn bản và điều hành', 'văn bản gửi nhận qua môi trường mạng'],
    units: ['lượt văn bản'], excludes: ['ký số', 'chỉ đạo', 'hướng dẫn', 'đăng'],
  },
  {
    id: 'signed-documents', name: 'Văn bản đi được ký số', kind: 'count', base_unit: 'văn bản',
    aliases: ['văn bản đi được ký số', 'văn bản được ký số', 'văn bản ký số'],
  },
  {
    id: 'signed-documents-share', name: 'Tỷ lệ văn bản đi được ký số', kind: 'percent', base_unit: '%', aspect: 'share',
    aliases: ['tỷ lệ văn bản đi được ký số', 'tỷ lệ văn bản ký số'],
  },
  {
    id: 'digital-certificates-issued', name: 'Chứng thư số, chữ ký số được cấp mới', kind: 'count', base_unit: 'chứng thư số',
    aliases: ['chứng thư số cấp mới', 'chứng thư số chuyên dùng được cấp', 'chữ ký số được cấp', 'cấp mới chứng thư số', 'chữ ký số cấp cho cán bộ'],
    units: ['chữ ký số', 'chứng thư', 'thiết bị', 'usb', 'sim pki'], excludes: ['thu hồi', 'gia hạn', 'tổng số'],
  },
  {
    id: 'digital-certificates-total', name: 'Tổng số chứng thư số chuyên dùng', kind: 'count', base_unit: 'chứng thư số',
    aliases: ['tổng số chứng thư số', 'tổng số chứng thư số chuyên dùng', 'chứng thư số đang sử dụng'],
    units: ['chữ ký số', 'chứng thư'], excludes: ['thu hồi', 'cấp mới'],
  },
  {
    id: 'official-email-accounts', name: 'Hộp thư điện tử công vụ', kind: 'count', base_unit: 'hộp thư',
    aliases: ['hộp thư điện tử công vụ', 'tài khoản thư điện tử công vụ', 'thư điện tử công vụ'],
    units: ['tài khoản', 'địa chỉ'],
  },
  // ---- Indices and rankings ----
  {
    id: 'dti-rank', name: 'Xếp hạng chỉ số chuyển đổi số cấp tỉnh (DTI)', kind: 'rank', base_unit: 'tỉnh', aspect: 'rank',
    aliases: ['xếp hạng chỉ số chuyển đổi số DTI', 'chỉ số chuyển đổi số cấp tỉnh', 'DTI Index', 'xếp hạng DTI', 'xếp hạng chuyển đổi số'],
  },
  {
    id: 'ict-index-rank', name: 'Xếp hạng chỉ số sẵn sàng ứng dụng CNTT (Vietnam ICT Index)', kind: 'rank', base_unit: 'tỉnh', aspect: 'rank',
    aliases: ['Vietnam ICT Index', 'xếp hạng ICT Index', 'chỉ số sẵn sàng cho phát triển và ứng dụng công nghệ thông tin'],
  },
  {
    id: 'par-index-rank', name: 'Xếp hạng chỉ số cải cách hành chính (PAR Index)', kind: 'rank', base_unit: 'tỉnh', aspect: 'rank',
    aliases: ['chỉ số cải cách hành chính PAR Index', 'xếp hạng PAR Index', 'chỉ số cải cách hành chính'],
  },
  {
    id: 'pci-rank', name: 'Xếp hạng chỉ số năng lực cạnh tranh cấp tỉnh (PCI)', kind: 'rank', base_unit: 'tỉnh', aspect: 'rank',
    aliases: ['chỉ số năng lực cạnh tranh cấp tỉnh PCI', 'xếp hạng PCI', 'năng lực cạnh tranh cấp tỉnh'],
  },
  {
    id: 'sipas-rank', name: 'Xếp hạng chỉ số hài lòng về sự phục vụ hành chính (SIPAS)', kind: 'rank', base_unit: 'tỉnh', aspect: 'rank',
    aliases: ['chỉ số hài lòng về sự phục vụ hành chính SIPAS', 'sự hài lòng của người dân, doanh nghiệp', 'chỉ số hài lòng SIPAS'],
  },
  {
    id: 'papi-rank', name: 'Xếp hạng chỉ số hiệu quả quản trị và hành chính công (PAPI)', kind: 'rank', base_unit: 'tỉnh', aspect: 'rank',
    aliases: ['chỉ số hiệu quả quản trị và hành chính công cấp tỉnh PAPI', 'xếp hạng PAPI'],
  },
  // ---- Licences, inspections, fines, complaints ----
  {
    id: 'press-licences', name: 'Giấy phép báo chí, bản tin, họp báo được cấp', kind: 'count', base_unit: 'giấy phép',
    aliases: ['giấy phép hoạt động báo chí', 'giấy phép xuất bản bản tin', 'giấy phép họp báo', 'cấp phép báo chí'],
    units: ['văn bản chấp thuận'], excludes: ['tần số', 'tài liệu'],
  },
  {
    id: 'publishing-licences', name: 'Giấy phép xuất bản tài liệu không kinh doanh', kind: 'count', base_unit: 'giấy phép',
    aliases: ['giấy phép xuất bản tài liệu không kinh doanh', 'cấp phép xuất bản tài liệu', 'giấy phép xuất bản'],
    units: ['xuất bản phẩm', 'tài liệu'], excludes: ['bản tin', 'trực tuyến', 'trực tiếp'],
  },
  {
    id: 'frequency-licences', name: 'Giấy phép sử dụng tần số vô tuyến điện', kind: 'count', base_unit: 'giấy phép',
    aliases: ['giấy phép sử dụng tần số vô tuyến điện', 'cấp phép tần số vô tuyến điện', 'giấy phép tần số'],
  },
  {
    id: 'inspections', name: 'Cuộc thanh tra, kiểm tra', kind: 'count', base_unit: 'cuộc',
    aliases: ['cuộc thanh tra, kiểm tra', 'cuộc thanh tra', 'cuộc kiểm tra', 'đoàn thanh tra, kiểm tra'],
    units: ['cuộc thanh tra', 'cuộc kiểm tra', 'đợt', 'đoàn', 'lần'],
  },
  {
    id: 'inspected-entities', name: 'Đối tượng được thanh tra, kiểm tra', kind: 'count', base_unit: 'đối tượng',
    aliases: ['đối tượng được thanh tra, kiểm tra', 'đơn vị được kiểm tra', 'tổ chức, cá nhân được thanh tra', 'cơ sở được kiểm tra', 'đối tượng thanh tra'],
    units: ENTITY_UNITS, excludes: ['xử phạt', 'vi phạm', 'xử lý'],
  },
  {
    id: 'sanctioned-entities', name: 'Tổ chức, cá nhân bị xử phạt vi phạm hành chính', kind: 'count', base_unit: 'tổ chức, cá nhân',
    aliases: ['tổ chức, cá nhân bị xử phạt vi phạm hành chính', 'trường hợp bị xử phạt', 'đơn vị bị xử phạt', 'cá nhân bị xử lý vi phạm'],
    units: [...ENTITY_UNITS, 'phóng viên', 'nhà báo', 'phóng viên, nhà báo'],
  },
  {
    id: 'fines-amount', name: 'Số tiền xử phạt vi phạm hành chính', kind: 'money', base_unit: 'VND',
    aliases: ['số tiền xử phạt vi phạm hành chính', 'tiền phạt vi phạm hành chính', 'phạt tiền', 'số tiền xử lý vi phạm'],
  },
  {
    id: 'complaints-received', name: 'Đơn thư khiếu nại, tố cáo, phản ánh, kiến nghị tiếp nhận', kind: 'count', base_unit: 'đơn',
    aliases: ['đơn thư khiếu nại, tố cáo', 'đơn thư tiếp nhận', 'đơn khiếu nại', 'đơn tố cáo', 'đơn phản ánh, kiến nghị'],
    units: ['đơn thư', 'vụ việc', 'lượt'], excludes: ['giải quyết', 'tồn', 'chuyển sang'],
  },
  {
    id: 'complaints-resolved', name: 'Đơn thư khiếu nại, tố cáo, phản ánh, kiến nghị đã giải quyết', kind: 'count', base_unit: 'đơn',
    aliases: ['đơn thư đã giải quyết', 'đơn khiếu nại, tố cáo được giải quyết', 'đơn tố cáo được giải quyết', 'đơn khiếu nại được giải quyết', 'đơn phản ánh, kiến nghị được giải quyết', 'giải quyết đơn thư'],
    units: ['đơn thư', 'vụ việc', 'lượt'],
  },
  // ---- Press, information, broadcasting ----
  {
    id: 'news-articles', name: 'Tin, bài được đăng tải', kind: 'count', base_unit: 'tin bài',
    aliases: ['tin bài', 'tin, bài đăng tải', 'tin, bài, phóng sự tuyên truyền', 'tin bài trên cổng thông tin điện tử', 'bài viết'],
    units: ['tin', 'bài', 'tin/bài', 'tin, bài', 'bài viết', 'phóng sự', 'tin, bài, văn bản', 'phóng sự, bài viết', 'tác phẩm'],
    excludes: ['tờ rơi', 'tin nhắn'],
  },
  {
    id: 'press-agencies', name: 'Cơ quan báo chí', kind: 'count', base_unit: 'cơ quan báo chí',
    aliases: ['cơ quan báo chí', 'cơ quan báo chí hoạt động trên địa bàn', 'văn phòng đại diện, phóng viên thường trú của cơ quan báo chí'],
    units: ['cơ quan', 'đơn vị'], excludes: ['hội nghị', 'giao ban', 'mời'],
  },
  {
    id: 'websites', name: 'Trang thông tin điện tử', kind: 'count', base_unit: 'trang thông tin điện tử',
    aliases: ['trang thông tin điện tử', 'website', 'trang thông tin điện tử tổng hợp', 'trang thông tin thành phần', 'cổng, trang thông tin điện tử'],
    units: ['trang', 'trang thông tin', 'website', 'trang TTĐT', 'cổng thông tin', 'trang tin'],
    excludes: ['tin bài', 'bài viết', 'mạng xã hội', 'đăng'],
  },
  {
    id: 'commune-radio-stations', name: 'Đài truyền thanh cấp xã', kind: 'count', base_unit: 'đài truyền thanh',
    aliases: ['đài truyền thanh cơ sở', 'đài truyền thanh cấp xã', 'đài truyền thanh ứng dụng công nghệ thông tin - viễn thông', 'trạm truyền thanh xã'],
    units: ['đài', 'trạm', 'trạm truyền thanh', 'xã', 'xã, phường, thị trấn'],
    excludes: ['cụm loa', 'tần số'],
  },
  // ---- Information security ----
  {
    id: 'cyber-attacks', name: 'Tấn công mạng được phát hiện, ngăn chặn', kind: 'count', base_unit: 'cuộc tấn công',
    aliases: ['tấn công mạng được ngăn chặn', 'cuộc tấn công mạng', 'lượt tấn công', 'mã độc được phát hiện, xử lý', 'cảnh báo tấn công mạng'],
    units: ['cuộc', 'lượt', 'lượt tấn công', 'vụ', 'mã độc', 'cảnh báo', 'sự kiện'],
  },
  {
    id: 'security-incidents', name: 'Sự cố an toàn thông tin mạng', kind: 'count', base_unit: 'sự cố',
    aliases: ['sự cố an toàn thông tin mạng', 'sự cố mất an toàn thông tin', 'sự cố an toàn thông tin được xử lý'],
    units: ['vụ', 'trường hợp'],
  },
  {
    id: 'security-level-approved-share', name: 'Tỷ lệ hệ thống thông tin được phê duyệt cấp độ an toàn thông tin', kind: 'percent', base_unit: '%', aspect: 'share',
    aliases: ['tỷ lệ hệ thống thông tin được phê duyệt hồ sơ cấp độ an toàn thông tin', 'hệ thống thông tin được phê duyệt cấp độ'],
  },
  // Socio-economic indicators that provincial and district reports, plans and studies share
  // (grown from `solieu metrics --unmatched` on plans, studies and reports of other sectors).
  {
    id: 'grdp', name: 'Tổng sản phẩm trên địa bàn (GRDP)', kind: 'money', base_unit: 'VND',
    aliases: ['GRDP', 'tổng sản phẩm trên địa bàn', 'quy mô GRDP', 'quy mô nền kinh tế'],
    excludes: ['bình quân', 'đầu người', 'tốc độ', 'tăng trưởng', 'tỷ trọng'],
  },
  {
    id: 'grdp-growth', name: 'Tốc độ tăng trưởng GRDP', kind: 'percent', base_unit: '%', aspect: 'change',
    aliases: ['tốc độ tăng trưởng GRDP', 'tăng trưởng kinh tế', 'tốc độ tăng trưởng kinh tế'],
    excludes: ['tỷ trọng', 'chiếm', 'quy mô', 'tổng'],
  },
  {
    id: 'grdp-per-capita', name: 'GRDP bình quân đầu người', kind: 'money', base_unit: 'VND',
    aliases: ['GRDP bình quân đầu người', 'thu nhập bình quân đầu người', 'GRDP đầu người'],
  },
  {
    id: 'budget-revenue', name: 'Thu ngân sách nhà nước trên địa bàn', kind: 'money', base_unit: 'VND',
    aliases: ['thu ngân sách nhà nước', 'tổng thu ngân sách', 'thu ngân sách trên địa bàn', 'thu nội địa', 'nộp ngân sách nhà nước'],
    excludes: ['chi'],
  },
  {
    id: 'budget-expenditure', name: 'Chi ngân sách địa phương', kind: 'money', base_unit: 'VND',
    aliases: ['chi ngân sách địa phương', 'tổng chi ngân sách', 'chi ngân sách nhà nước'],
  },
  {
    id: 'public-investment-disbursed', name: 'Giải ngân vốn đầu tư công', kind: 'money', base_unit: 'VND',
    aliases: ['giải ngân vốn đầu tư công', 'vốn đầu tư công đã giải ngân', 'thanh toán vốn đầu tư công', 'giá trị giải ngân'],
  },
  {
    id: 'public-investment-disbursement-share', name: 'Tỷ lệ giải ngân vốn đầu tư công', kind: 'percent', base_unit: '%', aspect: 'share',
    aliases: ['tỷ lệ giải ngân vốn đầu tư công', 'tỷ lệ giải ngân', 'giải ngân đạt kế hoạch vốn'],
  },
  {
    id: 'retail-sales', name: 'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng', kind: 'money', base_unit: 'VND',
    aliases: ['tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng', 'tổng mức bán lẻ hàng hóa', 'tổng mức bán lẻ'],
  },
  {
    id: 'new-enterprises', name: 'Doanh nghiệp thành lập mới', kind: 'count', base_unit: 'doanh nghiệp',
    aliases: ['doanh nghiệp thành lập mới', 'doanh nghiệp đăng ký thành lập mới', 'doanh nghiệp được cấp giấy chứng nhận đăng ký doanh nghiệp'],
  },
  {
    id: 'active-enterprises', name: 'Doanh nghiệp đang hoạt động', kind: 'count', base_unit: 'doanh nghiệp',
    aliases: ['doanh nghiệp đang hoạt động', 'doanh nghiệp hoạt động có kết quả sản xuất kinh doanh'],
  },
  {
    id: 'population', name: 'Dân số', kind: 'count', base_unit: 'người',
    aliases: ['dân số', 'tổng số dân', 'quy mô dân số', 'dân số trung bình'],
    units: ['nhân khẩu', 'dân'],
    excludes: ['mật độ', 'tỷ lệ', 'tỷ trọng', 'thành thị', 'nông thôn', 'tăng'],
  },
  {
    id: 'population-density', name: 'Mật độ dân số', kind: 'measure', base_unit: 'người/km²',
    aliases: ['mật độ dân số'],
    units: ['người/km2', 'người/km²', 'người/ km2'],
  },
  {
    id: 'poverty-rate', name: 'Tỷ lệ hộ nghèo', kind: 'percent', base_unit: '%', aspect: 'share',
    aliases: ['tỷ lệ hộ nghèo', 'tỷ lệ hộ nghèo đa chiều', 'hộ nghèo giảm còn'],
    excludes: ['cận nghèo'],
  },
  {
    id: 'unemployment-rate', name: 'Tỷ lệ thất nghiệp', kind: 'percent', base_unit: '%', aspect: 'share',
    aliases: ['tỷ lệ thất nghiệp', 'tỷ lệ thất nghiệp khu vực thành thị'],
  },
  {
    id: 'trained-labour-share', name: 'Tỷ lệ lao động qua đào tạo', kind: 'percent', base_unit: '%', aspect: 'share',
    aliases: ['tỷ lệ lao động qua đào tạo', 'lao động qua đào tạo đạt'],
  },
  {
    id: 'jobs-created', name: 'Lao động được giải quyết việc làm', kind: 'count', base_unit: 'lao động',
    aliases: ['giải quyết việc làm', 'lao động được giải quyết việc làm', 'tạo việc làm mới'],
    units: ['người', 'lượt lao động'],
  },
  {
    id: 'health-insurance-coverage', name: 'Tỷ lệ dân số tham gia bảo hiểm y tế', kind: 'percent', base_unit: '%', aspect: 'share',
    aliases: ['tỷ lệ dân số tham gia bảo hiểm y tế', 'tỷ lệ bao phủ bảo hiểm y tế', 'tỷ lệ người dân tham gia BHYT'],
  },
  {
    id: 'new-rural-communes', name: 'Xã đạt chuẩn nông thôn mới', kind: 'count', base_unit: 'xã',
    aliases: ['xã đạt chuẩn nông thôn mới', 'xã đạt chuẩn NTM', 'xã được công nhận đạt chuẩn nông thôn mới'],
    excludes: ['nâng cao', 'kiểu mẫu'],
  },
  {
    id: 'standard-schools', name: 'Trường đạt chuẩn quốc gia', kind: 'count', base_unit: 'trường',
    aliases: ['trường đạt chuẩn quốc gia', 'trường học đạt chuẩn quốc gia', 'trường được công nhận đạt chuẩn quốc gia'],
  },
  {
    id: 'tourist-arrivals', name: 'Lượt khách du lịch', kind: 'count', base_unit: 'lượt khách',
    aliases: ['lượt khách du lịch', 'khách du lịch', 'lượt khách đến tham quan, du lịch'],
    units: ['lượt', 'lượt khách', 'lượt người', 'khách'],
  },
  {
    id: 'tourism-revenue', name: 'Doanh thu du lịch', kind: 'money', base_unit: 'VND',
    aliases: ['doanh thu du lịch', 'tổng thu từ du lịch', 'doanh thu từ hoạt động du lịch'],
  },
  {
    id: 'rice-output', name: 'Sản lượng lúa', kind: 'measure', base_unit: 'tấn',
    aliases: ['sản lượng lúa', 'sản lượng lương thực có hạt', 'sản lượng lương thực'],
  },
  {
    id: 'power-capacity', name: 'Công suất lắp đặt nguồn điện', kind: 'measure', base_unit: 'mw',
    aliases: ['công suất lắp đặt', 'tổng công suất', 'công suất đặt', 'công suất nhà máy điện'],
    units: ['kw', 'gw', 'mwp', 'kwp'],
  },
  {
    id: 'electricity-output', name: 'Sản lượng điện', kind: 'measure', base_unit: 'kwh',
    aliases: ['sản lượng điện', 'sản lượng điện sản xuất', 'điện sản xuất', 'sản lượng điện thương phẩm'],
    units: ['kwh/năm', 'mwh', 'gwh', 'mwh/năm', 'gwh/năm'],
  },
  {
    id: 'mobile-download-speed', name: 'Tốc độ tải xuống trung bình (di động)', kind: 'measure', base_unit: 'mbit/s',
    aliases: ['tốc độ tải xuống trung bình', 'tốc độ tải xuống', 'tốc độ tải dữ liệu trung bình'],
    units: ['mbps', 'mb/s', 'kbit/s', 'kbps', 'gbit/s', 'gbps'],
  },
];

function buildCatalog(defs: MetricDefInput[]): MetricDef[] {
  const catalog = z.array(MetricDef).parse(defs);
  const seen = new Set<string>();
  for (const m of catalog) {
    if (seen.has(m.id)) throw new Error(`metric-catalog: duplicate metric id "${m.id}"`);
    seen.add(m.id);
  }
  return catalog;
}

/** The canonical metrics, validated at load. */
export const METRIC_CATALOG: readonly MetricDef[] = buildCatalog(DEFINITIONS);
