/**
 * Vietnamese syllable shape: onset + rhyme (vowel nucleus + coda), at most one tone mark.
 * Used to tell a real syllable from a fragment of one (`ĐIỀ`, `ng`) when rebuilding words that a
 * PDF text layer split around diacritics.
 */

// biome-ignore format: one list of onsets, read as one line
const ONSETS = ['ngh', 'ng', 'nh', 'ch', 'gh', 'gi', 'kh', 'ph', 'th', 'tr', 'qu', 'b', 'c', 'd', 'đ', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'x', ''];

const RHYMES = new Set(
  `a ai ao au ay ac ach am an ang anh ap at
   ă ăc ăm ăn ăng ăp ăt
   â âc âm ân âng âp ât âu ây
   e eo ec em en eng ep et
   ê êch ênh êm ên êp êt êu
   i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu
   o oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt oe oen oeo oet oc oi om on ong ooc oong op ot
   ô ôc ôi ôm ôn ông ôp ôt
   ơ ơi ơm ơn ơp ơt
   u ua uân uâng uât uây uc ui um un ung up ut uê uênh uêch uy uya uych uyên uyêt uynh uyt uyu uôc uôi uôm uôn uông uôt uơ uyn
   ư ưa ưc ưi ưm ưn ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu
   y yêm yên yêt yêu`.split(/\s+/),
);

/** The five tone marks (combining): grave, acute, tilde, hook above, dot below. */
export const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/gu;
/** Marks that change a vowel's quality: circumflex, breve, horn. */
export const QUALITY_MARKS = /[\u0302\u0306\u031b]/u;

/** Whether a word (any case) is one well-formed Vietnamese syllable. */
export function isSyllable(word: string): boolean {
  const nfd = word.toLowerCase().normalize('NFD');
  const tones = nfd.match(TONE_MARKS)?.length ?? 0;
  if (tones > 1) return false;
  const bare = nfd.replace(TONE_MARKS, '').normalize('NFC');
  if (!/^[a-zđăâêôơư]+$/u.test(bare)) return false;
  for (const onset of ONSETS) {
    if (!bare.startsWith(onset)) continue;
    const rhyme = bare.slice(onset.length);
    if (RHYMES.has(rhyme)) return true;
    // `gi` + rhyme starting with i (gìn = g + in) is covered by onset g; `gi` alone is g + i.
  }
  return false;
}

/** Whether a string has a letter outside ASCII (a letter with a diacritic, đ). */
export function hasVietLetter(text: string): boolean {
  return /[^\x00-\x7f]/u.test(text);
}
