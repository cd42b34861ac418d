import type { BlockRole } from '../../schemas/document.js';

/**
 * Roles of the parts of a Vietnamese administrative document that are not body content:
 * the administrative header block (agency, `Số: …`, Quốc hiệu, tiêu ngữ, place and date), the
 * title (`BÁO CÁO` + subject line, or `V/v …` of a công văn), `Kính gửi`, and the closing
 * (`Nơi nhận`, signature block). Works on paragraph texts; furniture is already set aside.
 */

/** The words a document's title opens with, naming its kind (`THÔNG CÁO BÁO CHÍ`: a statistics office's press release; `BẢN TIN`: a bulletin). */
const DOC_TYPES =
  'BÁO CÁO|KẾ HOẠCH|TỜ TRÌNH|QUYẾT ĐỊNH|CHỈ THỊ|THÔNG BÁO|THÔNG CÁO|BẢN TIN|NGHỊ QUYẾT|HƯỚNG DẪN|CÔNG VĂN|ĐỀ ÁN|PHƯƠNG ÁN|CHƯƠNG TRÌNH|KẾT LUẬN';
export const DOC_TYPE_WORD = new RegExp(`^(${DOC_TYPES})(?=\\s|$|:)`, 'u');
/** A type word on a line of its own, perhaps with its kind (`BÁO CÁO CHUYÊN ĐỀ`, `KẾ HOẠCH HÀNH ĐỘNG`): the subject follows on the next lines. */
const TYPE_LINE_ALONE = new RegExp(
  `^(?:${DOC_TYPES})(?:\\s+(?:CHUYÊN ĐỀ|TÓM TẮT|TỔNG HỢP|SƠ KẾT|TỔNG KẾT|NHANH|ĐỊNH KỲ|THAM LUẬN|GIẢI TRÌNH|HÀNH ĐỘNG|KIỂM ĐIỂM|BÁO CHÍ))?$`,
  'u',
);
const AGENCY =
  /^(UBND|ỦY BAN|UỶ BAN|HĐND|HỘI ĐỒNG|SỞ|BỘ|BAN|TRUNG TÂM|CỤC|TỔNG CỤC|VĂN PHÒNG|PHÒNG|TRƯỜNG|TỈNH ỦY|TỈNH UỶ|CÔNG TY|TẬP ĐOÀN|VIỆN|CHI CỤC)(?![\p{L}\p{N}])/u;
/**
 * The national motto's lines. OCR may put a speck before them (`w=CỌNG HOÀ`, `„CỘNG`) and lose
 * the dot or hat of `Ộ`: still the motto.
 */
export const MOTTO = /^(?:[^\p{L}\p{N}\s]+|\p{Ll}{1,2}[^\p{L}\p{N}\s]+)?(?:C[ỘỌÔỐỒỔO]NG\s+H(?:ÒA|OÀ|OA)|Độc lập\s*[-–]\s*Tự do)/u;
export const PLACE_DATE = /^[\p{L} .-]{2,40},\s*ngày\b.*\bnăm\s+\d{4}/u;
const NUMBER_LINE = /^(Số|Số hiệu)\s*:/u;
const RULE_LINE = /^[-_–—=*.·\s]{3,}$/u;
const HEADING_START = /^(?:(?:Phần|PHẦN)\s+[IVX]+\b|[IVX]+[.)]\s|\d{1,2}(?:\.\d{1,2})*[.)]?\s+\p{Lu}|[a-zđ]\)\s)/u;
const ADDRESSEE = /^Kính\s+gửi\b/u;
const CLOSING_START = /^Nơi\s+nhận\b/u;
const SIGNATURE =
  /^(?:(?:KT|TM|TL|TUQ|Q|PKT)\.\s*\p{Lu}|(?:PHÓ\s+)?(?:GIÁM ĐỐC|CHỦ TỊCH|CHÁNH VĂN PHÒNG|TRƯỞNG PHÒNG|TRƯỞNG BAN|BỘ TRƯỞNG|THỦ TRƯỞNG|HIỆU TRƯỞNG)(?![\p{L}\p{N}]))/u;
const APPENDIX = /^(PHỤ LỤC|Phụ lục\s+[\dIVX])/u;

/** The subject line of a công văn: `V/v …` or written out, `Về việc …`. */
export const SUBJECT_LINE = /^(?:V\/v|Về việc)\b/u;

const STARTS_LOWER_CASE = /^\p{Ll}/u;

/** Whether a text is written in capitals (ignoring digits and punctuation). */
export function isUpperCase(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length > 0 && letters === letters.toLocaleUpperCase('vi');
}

/** A decorative rule line (`______`, `-----`): furniture wherever it is. */
function isRuleLine(text: string): boolean {
  return RULE_LINE.test(text);
}

/** A line of the admin header when there is no title to bound it: an agency (or its continuation), number, motto, place and date. */
function isAdminLine(text: string, afterAdmin: boolean): boolean {
  if (NUMBER_LINE.test(text) || MOTTO.test(text) || PLACE_DATE.test(text)) return true;
  if (HEADING_START.test(text) || DOC_TYPE_WORD.test(text)) return false;
  return isUpperCase(text) && text.length < 120 && (AGENCY.test(text) || afterAdmin);
}

export interface FrontMatterInput {
  text: string;
  bold?: boolean;
  /** Already decided (furniture): left alone. */
  fixed?: boolean;
  /** A cell of a table the reader found: never a line of the title. */
  table?: boolean;
}

/** Assign front-matter and closing roles; everything else is `body`. */
export function frontMatterRoles(paras: FrontMatterInput[]): BlockRole[] {
  const roles: BlockRole[] = paras.map((p) => (p.fixed ? 'furniture' : 'body'));
  const live = paras.map((_, i) => i).filter((i) => !paras[i].fixed);
  const head = live.slice(0, 25);

  // the title: a document-type word near the top (or `V/v …` of a công văn)
  let titleAt = head.findIndex((i) => DOC_TYPE_WORD.test(paras[i].text) && isUpperCase(paras[i].text.slice(0, 12)) && paras[i].text.length < 300);
  const subjectAt = head.findIndex((i) => SUBJECT_LINE.test(paras[i].text));
  // a letter's subject, then its salutation or text, then a type word: the type word is an annex's, the letter is the document
  const letterFirst =
    subjectAt >= 0 && titleAt > subjectAt && head.slice(subjectAt + 1, titleAt).some((i) => ADDRESSEE.test(paras[i].text) || paras[i].text.length >= 200);
  if (titleAt < 0 || letterFirst) titleAt = subjectAt;
  let bodyFrom = 0;
  if (titleAt >= 0) {
    for (let k = 0; k < titleAt; k++) roles[head[k]] = isRuleLine(paras[head[k]].text) ? 'furniture' : 'admin-header';
    roles[head[titleAt]] = 'title';
    let k = titleAt + 1;
    // the subject line(s): short lines after the type word, not headings, salutations or bases
    // (a type word may carry its kind: `BÁO CÁO CHUYÊN ĐỀ`, `BÁO CÁO NHANH`, `KẾ HOẠCH HÀNH ĐỘNG`)
    const alone = TYPE_LINE_ALONE.test(paras[head[titleAt]].text);
    // a công văn's subject (`V/v …`) wrapped onto lines of its own: they go on in lower case
    if (SUBJECT_LINE.test(paras[head[titleAt]].text)) {
      // (the place and date of the other column may come between them in the reading order)
      while (k < live.length && paras[live[k]].text.length < 200) {
        const t = paras[live[k]].text;
        let next = k + 1;
        while (next < live.length && PLACE_DATE.test(paras[live[next]].text)) next++;
        const beforeAddressee = next < live.length && ADDRESSEE.test(paras[live[next]].text) && !/[.;:]$/u.test(paras[live[k - 1]].text);
        if (PLACE_DATE.test(t)) roles[live[k]] = 'admin-header';
        else if (STARTS_LOWER_CASE.test(t) || beforeAddressee) roles[live[k]] = 'title';
        else break;
        k++;
      }
    }
    let subjectLines = 0;
    while (k < live.length && alone) {
      const t = paras[live[k]].text;
      if (isRuleLine(t)) {
        roles[live[k]] = 'furniture';
        k++;
        continue;
      }
      // a subject's further lines: bold like it, or a span or remark in brackets under it (`(từ ngày 01/7 đến ngày 20/12/2025)`)
      const bracketed = /^\([^()]*\)$/u.test(t) && t.length < 200;
      // … or the subject wrapped on: a short line opening with a bracket or in lower case under a line that did not end a sentence
      // (`(từ ngày 06/9 đến ngày 10/9/2025) và công tác khắc phục hậu quả`; a semicolon joins a title's members: `Kết quả … nhiệm kỳ
      // 2021-2026;` / `phương hướng, mục tiêu, nhiệm vụ nhiệm kỳ 2026-2031`)
      const wrapped = t.length < 200 && (t.startsWith('(') || STARTS_LOWER_CASE.test(t)) && !/[.:]$/u.test(paras[live[k - 1]].text);
      // … or, in plain text that says nothing of bold, a short line that ends no sentence under one that did not either
      // (`Tình hình hoạt động vận tải hành khách công cộng bằng xe buýt` / `9 tháng năm 2026 và nhiệm vụ quý IV năm 2026`):
      // a first paragraph of the body ends with its stop or colon
      const plainWrapped =
        t.length < 160 &&
        paras[live[k]].bold === undefined &&
        paras[live[k - 1]].bold === undefined &&
        !/[.:;!?]$/u.test(t) &&
        !/[.:;]$/u.test(paras[live[k - 1]].text) &&
        // (not a table's caption or cell under the title)
        !paras[live[k]].table &&
        !/^(?:Bảng|Biểu|Hình|Sơ đồ|Phụ lục)(?![\p{L}])/u.test(t);
      const subject =
        subjectLines === 0
          ? t.length < 400
          : bracketed || wrapped || plainWrapped || (t.length < 200 && paras[live[k]].bold === true && paras[live[k - 1]].bold === true);
      if (!subject || HEADING_START.test(t) || ADDRESSEE.test(t) || /^Căn cứ(?![\p{L}\p{N}])/u.test(t) || PLACE_DATE.test(t)) break;
      roles[live[k]] = 'title';
      subjectLines++;
      k++;
    }
    // admin lines placed after the title (place and date under the title in some layouts)
    while (k < live.length && (PLACE_DATE.test(paras[live[k]].text) || isRuleLine(paras[live[k]].text))) {
      roles[live[k]] = isRuleLine(paras[live[k]].text) ? 'furniture' : 'admin-header';
      k++;
    }
    bodyFrom = k;
  } else {
    // no title: only a leading run of recognisable admin lines is the header
    let k = 0;
    while (k < head.length && isAdminLine(paras[head[k]].text, k > 0)) roles[head[k++]] = 'admin-header';
    bodyFrom = k;
  }

  // Kính gửi (and its list of recipients)
  for (let k = bodyFrom; k < Math.min(live.length, bodyFrom + 4); k++) {
    const t = paras[live[k]].text;
    if (!ADDRESSEE.test(t)) continue;
    roles[live[k]] = 'addressee';
    let j = k + 1;
    if (/:\s*$/u.test(t)) {
      while (j < live.length && /^[-+•]\s*\S/u.test(paras[live[j]].text) && paras[live[j]].text.length < 150) roles[live[j++]] = 'addressee';
    }
    bodyFrom = j;
    break;
  }

  // the closing: from `Nơi nhận` or a signature title in the tail, to the end (or an appendix)
  const tail = live.slice(Math.max(bodyFrom, live.length - 20));
  const closingAt = tail.find(
    (i) => CLOSING_START.test(paras[i].text) || (SIGNATURE.test(paras[i].text) && isUpperCase(paras[i].text) && paras[i].text.length < 80),
  );
  if (closingAt !== undefined) {
    for (let i = closingAt; i < paras.length; i++) {
      if (paras[i].fixed) continue;
      if (APPENDIX.test(paras[i].text)) break;
      roles[i] = 'closing';
    }
  }
  for (const i of live) if (roles[i] === 'body' && isRuleLine(paras[i].text)) roles[i] = 'furniture';
  return roles;
}
