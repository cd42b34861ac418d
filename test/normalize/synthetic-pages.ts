import type { RawBlock } from '../../schemas/raw-document.js';

/**
 * Builds PDF-like raw lines in memory: a running header of two lines and a page number on every
 * page, body lines on a 18-point step with a 36-point first-line indent. Text is invented.
 */
export interface LineSpec {
  text: string;
  /** Ends well before the right margin (the last line of a paragraph). */
  short?: boolean;
  /** First-line indent. */
  indent?: boolean;
  bold?: boolean;
  align?: 'center';
}

const MARGIN = 85;
const RIGHT = 540;

export function pdfPages(pages: LineSpec[][], opts: { header?: boolean; pageNumbers?: boolean } = {}): RawBlock[] {
  const raw: RawBlock[] = [];
  pages.forEach((lines, p) => {
    const page = p + 1;
    if (opts.header ?? true) {
      raw.push({ text: 'HỆ THỐNG QUẢN LÝ CHẤT LƯỢNG TD007', page, unit: 'line', fontSize: 10, bbox: [200, 30, 400, 40] });
      raw.push({ text: 'Lần ban hành: 1', page, unit: 'line', fontSize: 10, bbox: [420, 45, 500, 55] });
    }
    let y = 100;
    for (const l of lines) {
      const x0 = l.align === 'center' ? 200 : l.indent ? MARGIN + 36 : MARGIN;
      const x1 = l.align === 'center' ? 400 : l.short ? 300 : RIGHT;
      const b: RawBlock = { text: l.text, page, unit: 'line', fontSize: 13, bbox: [x0, y, x1, y + 13], indent: x0 };
      if (l.bold) b.bold = true;
      if (l.align) b.align = l.align;
      raw.push(b);
      y += 18;
    }
    if (opts.pageNumbers ?? true) raw.push({ text: String(page), page, unit: 'line', fontSize: 12, bbox: [290, 800, 300, 812] });
  });
  return raw;
}
