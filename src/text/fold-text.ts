/**
 * Diacritic folding for matching Vietnamese text: NFD, combining marks removed, `đ`→`d`,
 * lower case, everything that is not a letter or digit turned into one space.
 * `Đắk Nông` and `Đăk Nông` both fold to `dak nong`; `Thừa Thiên - Huế` to `thua thien hue`.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The folded text split into tokens (Vietnamese syllables, digits). */
export function foldedTokens(text: string): string[] {
  const folded = foldVietnamese(text);
  return folded === '' ? [] : folded.split(' ');
}
