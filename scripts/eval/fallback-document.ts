import type { Block, Document, Section } from '../../schemas/document.js';
import { newDocument } from '../../src/core/new-document.js';
import type { SourceFile } from '../../src/core/source-file.js';
import { periodOfHeading } from '../../src/extract/period-mentions.js';

/**
 * A stand-in for read → normalize → segment on the markdown `*.source.txt` files, used by the
 * eval only while those stages are not in the tree: one block per line, markdown marks removed,
 * headings from their numbering. It is deliberately simple; the real stages replace it.
 */
const HEADING = /^(?:([IVX]+)\.|(\d+(?:\.\d+)+)\.?|(\d+)\.|([a-zđ])\))\s/u;

function level(label: string, kind: Section['kind']): number {
  if (kind === 'roman') return 0;
  if (kind === 'arabic') return 1;
  if (kind === 'multilevel') return label.split('.').length;
  return 9;
}

export function fallbackDocument(file: SourceFile, raw: string): Document {
  const doc = newDocument(file);
  const lines: string[] = [];
  for (const l of raw.split('\n').map((x) => x.replace(/\*\*/g, '').replace(/^#+\s*/, '').replace(/\s+$/, ''))) {
    // a line that starts in lower case continues the paragraph the source broke mid-sentence
    if (!l.trim()) continue;
    if (/^\p{Ll}/u.test(l) && lines.length) lines[lines.length - 1] += ` ${l}`;
    else lines.push(l);
  }
  let text = '';
  const blocks: Block[] = [];
  const sections: Section[] = [];
  const stack: { label: string; level: number }[] = [];
  let seenTitle = false;
  let reportPeriod: string | undefined;
  let titleNext = false;
  for (const line of lines) {
    if (!line.trim()) continue;
    const start = text.length;
    text += line + '\n';
    const prov = { source: file.name, page: 1, start, end: start + line.length };
    const m = HEADING.exec(line);
    let role: Block['role'] = 'body';
    if (!seenTitle && /^BÁO CÁO$/u.test(line.trim())) {
      seenTitle = true;
      titleNext = true;
      role = 'title';
    } else if (titleNext) {
      reportPeriod = periodOfHeading(line);
      titleNext = false;
      role = 'title';
    } else if (!seenTitle) role = 'admin-header';
    else if (m) {
      const kind: Section['kind'] = m[1] ? 'roman' : m[2] ? 'multilevel' : m[3] ? 'arabic' : 'letter';
      const label = m[1] ?? m[2] ?? m[3] ?? m[4];
      const lv = level(label, kind);
      while (stack.length && stack[stack.length - 1].level >= lv) stack.pop();
      stack.push({ label, level: lv });
      const path = stack.map((s) => s.label).join('/');
      const title = line.slice(m[0].length);
      const year = reportPeriod ? Number(reportPeriod.slice(0, 4)) : undefined;
      sections.push({ path, label, level: lv, kind, title, page: 1, prov, end: prov.end, period: periodOfHeading(title, year) });
      role = 'heading';
    } else if (/^[-+]\s/.test(line)) role = 'item';
    const path = stack.map((s) => s.label).join('/');
    blocks.push({ id: blocks.length, role, text: line, prov, section: path, ...(m && role === 'heading' ? { label: m[0].trim() } : {}) });
  }
  return { ...doc, text, blocks, sections, metadata: { reportPeriod } };
}
