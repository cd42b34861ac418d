/**
 * Does a PDF page's text layer carry usable text, or must the page be OCR'd?
 * A page needs OCR when it has (almost) no text, when its text is mostly characters no
 * Vietnamese report contains (replacement, private-use and control characters, other
 * scripts — what broken font maps produce), or when its words are not Vietnamese-looking
 * (a font map that shifts letters). Text in a legacy 8-bit Vietnamese encoding (TCVN3/VNI
 * read as Latin-1) does not need OCR: the normalize stage decodes it.
 */

export interface OcrNeed {
  needs: boolean;
  /** One line saying why, for messages (`no text layer`, `garbled text: 64% unexpected characters`). */
  reason: string;
}

/** Fewer non-space characters than this is no text layer (page numbers, a stray mark). */
const MIN_CHARS = 20;
/** Share of unexpected characters above which the layer is garbage. */
const MAX_UNEXPECTED = 0.15;
/** Share of Vietnamese-looking words below which the layer is garbage (given enough words). */
const MIN_SYLLABLES = 0.6;
const MIN_WORDS_FOR_SYLLABLE_TEST = 20;

/**
 * Characters a Vietnamese report's text is made of: Latin letters with Vietnamese (and
 * other Latin) diacritics, combining marks, digits, punctuation, symbols in common use.
 */
const EXPECTED = /[\p{Script=Latin}\p{Mn}\p{N}\p{P}\s$%+<=>^`|~°±×÷€№§©®™•·¤]/u;

/** Letters that TCVN3 / VNI text read as Latin-1 or cp1252 is full of, and Vietnamese Unicode text never uses. */
const LEGACY_MARKERS = /[¸¹µ¶·¨©ª«¬®¯°±²³´ºÒÓÔÕÖ×ØÙÚÛÜÝÞßñòóôõö÷øùúûüýþ¢£¤¥¦§]/gu;

const VOWELS = 'aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ';
/** A Vietnamese syllable: optional onset, a vowel nucleus, optional coda. */
const SYLLABLE = new RegExp(`^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?[${VOWELS}]{1,3}(ch|ng|nh|[cmnptiouy])?$`, 'u');

export function pageNeedsOcr(text: string): OcrNeed {
  const chars = [...text.normalize('NFC').replace(/\s+/gu, '')];
  if (chars.length < MIN_CHARS) {
    return { needs: true, reason: chars.length === 0 ? 'no text layer' : `almost no text (${chars.length} characters)` };
  }
  const unexpected = chars.filter((c) => !EXPECTED.test(c)).length / chars.length;
  if (unexpected > MAX_UNEXPECTED) {
    return { needs: true, reason: `garbled text layer: ${percent(unexpected)} unexpected characters` };
  }
  const legacy = (text.match(LEGACY_MARKERS) ?? []).length / chars.length;
  if (legacy > 0.03) {
    return { needs: false, reason: `legacy 8-bit Vietnamese encoding (${percent(legacy)} marker characters), decoded by normalize` };
  }
  const words = text
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((w) => w.length > 0);
  if (words.length >= MIN_WORDS_FOR_SYLLABLE_TEST) {
    const syllables = words.filter((w) => SYLLABLE.test(w)).length / words.length;
    if (syllables < MIN_SYLLABLES) {
      return { needs: true, reason: `garbled text layer: only ${percent(syllables)} of words look Vietnamese` };
    }
  }
  return { needs: false, reason: 'usable text layer' };
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
