import { foldedTokens } from './fold-text.js';

/**
 * The words of a metric phrase as every metric matching reads them — the catalog matcher
 * (`resolve/metric-matcher`), `compare --metric`'s candidates and compare by phrase: folded
 * (diacritics and case aside), the reports' abbreviations expanded, function words and years
 * dropped.
 */

/**
 * Function words, and words of place and time, that carry nothing about the indicator
 * (folded). `ky` (kỳ/ký), `so` (số/sở) and `ban` (bán/bản/ban) stay: they fold together
 * with words that matter (`ký số`, `bản tin`).
 */
const STOP = new Set(
  (
    'cac nhung cua va la cho voi tai tu den ve theo trong tren nay do duoc da bi thi ma khi de o hoac hon gan khoang uoc dat tang giam ' +
    'tinh huyen nam thang dia'
  ).split(' '),
);

/** A year used as time (`2023`) says nothing about the indicator. */
const YEAR = /^(19|20)\d\d$/;

/** Abbreviations of the reports, expanded on both sides of the match (folded). */
const ABBREVIATIONS: Record<string, string> = {
  tthc: 'thu tuc hanh chinh',
  dvc: 'dich vu cong',
  dvctt: 'dich vu cong truc tuyen',
  vtd: 'vo tuyen dien',
  cntt: 'cong nghe thong tin',
  attt: 'an toan thong tin',
  vphc: 'vi pham hanh chinh',
  ttdt: 'thong tin dien tu',
  cchc: 'cai cach hanh chinh',
  csdl: 'co so du lieu',
  bcvt: 'buu chinh vien thong',
  tmdt: 'thuong mai dien tu',
  cds: 'chuyen doi so',
  ntm: 'nong thon moi',
  tb: 'thue bao',
  email: 'thu dien tu',
  website: 'trang thong tin dien tu',
  // Spelling variants: tỉ/tỷ, kĩ/kỹ, qui/quy.
  ti: 'ty',
  ki: 'ky',
  qui: 'quy',
};

/** The words of a metric phrase, in order: folded, abbreviations expanded, function words and years dropped. */
export function metricWords(text: string): string[] {
  const out: string[] = [];
  for (const t of foldedTokens(text)) {
    const expanded = ABBREVIATIONS[t];
    for (const u of expanded ? expanded.split(' ') : [t]) if (!STOP.has(u) && !YEAR.test(u)) out.push(u);
  }
  return out;
}
