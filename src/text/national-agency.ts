/**
 * A ministry, the government or the national assembly writes from Hà Nội about the whole
 * country: neither its place of issue nor the provinces its body names are its province.
 */
export function isNationalAgency(agency: string | undefined): boolean {
  return /^(BỘ|CHÍNH PHỦ|THỦ TƯỚNG|VĂN PHÒNG CHÍNH PHỦ|QUỐC HỘI)(?!\p{L})/u.test(agency ?? '');
}
