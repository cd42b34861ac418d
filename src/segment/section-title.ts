/**
 * How a section title is written in `Section.title`, the same for every rendition of a report
 * (text, PDF, DOCX, auto-numbered DOCX): the text after the label, Unicode NFC, whitespace
 * collapsed, trimmed, and one trailing `:` removed (`1. Công tác tham mưu …:` → `Công tác
 * tham mưu …`). Case and other punctuation are kept as written.
 */
export function normalizeTitle(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim().replace(/\s*:$/u, '').trim();
}
