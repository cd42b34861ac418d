import { decodeByFont, decodeLegacy, detectLegacyEncoding, encodeLegacy, encodingFromFontName, textFitsLegacy } from '../../src/text/legacy-encoding.js';

/** Every Vietnamese letter: the base vowels with their 5 tones, đ, and the plain letters. */
function vietnameseLetters(): string[] {
  const bases = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
  const tones = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
  const letters = ['đ'];
  for (const base of bases) for (const tone of tones) letters.push((base + tone).normalize('NFC'));
  return letters;
}

const SENTENCE =
  'Sở Thông tin và Truyền thông tổ chức hội nghị tổng kết năm; người dân được hướng dẫn sử dụng dịch vụ công trực tuyến mức độ 3, 4 đạt 95% kế hoạch.';

describe('decodeLegacy', () => {
  test('TCVN3 codes written as Windows-1252 characters decode to Unicode', () => {
    expect(decodeLegacy('Th«ng tin vµ TruyÒn th«ng', 'tcvn3')).toBe('Thông tin và Truyền thông');
    expect(decodeLegacy('ng\u00adêi d©n', 'tcvn3')).toBe('người dân');
    expect(decodeLegacy('§éc lËp - Tù do - H¹nh phóc', 'tcvn3')).toBe('Độc lập - Tự do - Hạnh phúc');
  });

  test('a TCVN3 capitals font draws the lower-case codes as capitals', () => {
    expect(decodeLegacy('céng hoµ x· héi chñ nghÜa viÖt nam', 'tcvn3', { capitals: true })).toBe('CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  });

  test('TCVN3 keeps Windows-1252 punctuation such as dashes and curly quotes', () => {
    expect(decodeLegacy('\u201cabc\u201d \u2013 d', 'tcvn3')).toBe('\u201cabc\u201d \u2013 d');
  });

  test('every small Vietnamese letter and the seven base capitals round-trip through TCVN3', () => {
    const letters = [...vietnameseLetters(), 'Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ'];
    for (const letter of letters) {
      const encoded = encodeLegacy(letter, 'tcvn3');
      expect([...encoded].every((ch) => ch.charCodeAt(0) < 0x100)).toBe(true);
      expect(decodeLegacy(encoded, 'tcvn3')).toBe(letter);
    }
  });

  test('every capital letter round-trips through a TCVN3 capitals font', () => {
    const upper = vietnameseLetters().map((l) => l.toUpperCase());
    const encoded = encodeLegacy(upper.join(' '), 'tcvn3', { capitals: true });
    expect(decodeLegacy(encoded, 'tcvn3', { capitals: true })).toBe(upper.join(' '));
  });

  test('every Vietnamese letter in both cases round-trips through VNI', () => {
    const letters = vietnameseLetters();
    const all = [...letters, ...letters.map((l) => l.toUpperCase())].join(' ');
    const encoded = encodeLegacy(all, 'vni');
    expect(encoded).not.toBe(all);
    expect(decodeLegacy(encoded, 'vni')).toBe(all);
  });

  test('a VNI sentence built here decodes, with marks as separate following bytes', () => {
    // VNI-Windows: "Vieät Nam" = Việt Nam, "ñöôïc" = được, "Ñoäc laäp" = Độc lập
    expect(decodeLegacy('Vieät Nam', 'vni')).toBe('Việt Nam');
    expect(decodeLegacy('ñöôïc', 'vni')).toBe('được');
    expect(decodeLegacy('Ñoäc laäp - Töï do - Haïnh phuùc', 'vni')).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(decodeLegacy(encodeLegacy(SENTENCE, 'vni'), 'vni')).toBe(SENTENCE);
  });
});

describe('encodingFromFontName', () => {
  test.each([
    ['.VnTime', { encoding: 'tcvn3', capitals: false }],
    ['.VnTimeH', { encoding: 'tcvn3', capitals: true }],
    ['.VnArial', { encoding: 'tcvn3', capitals: false }],
    ['.VnArial NarrowH', { encoding: 'tcvn3', capitals: true }],
    ['ABCDEF+.VnTimeH,Bold', { encoding: 'tcvn3', capitals: true }],
    ['VnTime-Italic', { encoding: 'tcvn3', capitals: false }],
    ['VNI-Times', { encoding: 'vni', capitals: false }],
    ['VNI-Helve', { encoding: 'vni', capitals: false }],
    ['Times New Roman', null],
    ['Arial', null],
  ])('font %s declares %j', (font, expected) => {
    expect(encodingFromFontName(font)).toEqual(expected);
  });
});

describe('detectLegacyEncoding', () => {
  test('Unicode Vietnamese text is not legacy', () => {
    expect(detectLegacyEncoding(SENTENCE)).toBeNull();
    expect(detectLegacyEncoding('Toàn bộ hoàn thành, quá trình «khoá» đã xong')).toBeNull();
    expect(detectLegacyEncoding('plain ASCII text 123')).toBeNull();
  });

  test('TCVN3 and VNI text are recognised from their codes', () => {
    expect(detectLegacyEncoding(encodeLegacy(SENTENCE, 'tcvn3'))).toBe('tcvn3');
    expect(detectLegacyEncoding(encodeLegacy(SENTENCE, 'vni'))).toBe('vni');
  });

  test('a run in a legacy font with Unicode-only letters is left alone', () => {
    expect(textFitsLegacy('Thông tin và Truyền thông')).toBe(false);
    expect(decodeByFont('Thông tin và Truyền thông', '.VnTime')).toEqual({ text: 'Thông tin và Truyền thông', encoding: null });
    expect(decodeByFont('Th«ng tin', '.VnTime')).toEqual({ text: 'Thông tin', encoding: 'tcvn3' });
    expect(decodeByFont('Th«ng tin', 'Times New Roman')).toEqual({ text: 'Th«ng tin', encoding: null });
  });
});
