import type { Element } from '@xmldom/xmldom';
import { wAttr, wChild, wChildren, wInt, wToggle, wVal } from './docx-xml.js';

/** Run formatting the DOCX reader cares about; every field optional so levels can be merged. */
export interface RunProps {
  bold?: boolean;
  italic?: boolean;
  /** The font used for the text's characters (`w:hAnsi`, else `w:ascii`). */
  font?: string;
  /** Size in points. */
  size?: number;
  /** `w:caps`: the text is drawn in capitals. */
  caps?: boolean;
}

/** A numbering reference: `w:numPr` (`numId` 0 switches numbering off). */
export interface NumRef {
  numId?: number;
  ilvl?: number;
}

/** Paragraph formatting the DOCX reader cares about. */
export interface ParaProps {
  align?: 'left' | 'center' | 'right' | 'justify';
  num?: NumRef;
  /** First-line position in twips: left indent plus first-line indent, minus hanging. */
  indent?: number;
  pageBreakBefore?: boolean;
}

interface StyleDef {
  id: string;
  type: string;
  basedOn?: string;
  ppr: ParaProps;
  rpr: RunProps;
}

export function readRunProps(rPr: Element | undefined): RunProps {
  if (!rPr) return {};
  const fonts = wChild(rPr, 'rFonts');
  const font = wAttr(fonts, 'hAnsi') ?? wAttr(fonts, 'ascii');
  const sz = wInt(rPr, 'sz');
  const props: RunProps = {};
  const bold = wToggle(rPr, 'b');
  const italic = wToggle(rPr, 'i');
  const caps = wToggle(rPr, 'caps');
  if (bold !== undefined) props.bold = bold;
  if (italic !== undefined) props.italic = italic;
  if (caps !== undefined) props.caps = caps;
  if (font) props.font = font;
  if (sz !== undefined && sz > 0) props.size = sz / 2;
  return props;
}

const ALIGN: Record<string, ParaProps['align']> = {
  left: 'left',
  start: 'left',
  center: 'center',
  right: 'right',
  end: 'right',
  both: 'justify',
  distribute: 'justify',
};

export function readParaProps(pPr: Element | undefined): ParaProps {
  if (!pPr) return {};
  const props: ParaProps = {};
  const jc = wVal(pPr, 'jc');
  if (jc && ALIGN[jc]) props.align = ALIGN[jc];
  const numPr = wChild(pPr, 'numPr');
  if (numPr) {
    const num: NumRef = {};
    const numId = wInt(numPr, 'numId');
    const ilvl = wInt(numPr, 'ilvl');
    if (numId !== undefined) num.numId = numId;
    if (ilvl !== undefined) num.ilvl = ilvl;
    props.num = num;
  }
  const ind = wChild(pPr, 'ind');
  if (ind) {
    const n = (name: string) => Number.parseInt(wAttr(ind, name) ?? '0', 10) || 0;
    const left = n('left') || n('start');
    props.indent = left + n('firstLine') - n('hanging');
  }
  const pbb = wToggle(pPr, 'pageBreakBefore');
  if (pbb !== undefined) props.pageBreakBefore = pbb;
  return props;
}

/** The styles part: paragraph and character styles with `basedOn` inheritance, and the document defaults. */
export class DocxStyles {
  private readonly styles = new Map<string, StyleDef>();
  private readonly defaultRun: RunProps = {};
  private readonly defaultPara: ParaProps = {};
  private defaultParaStyle?: string;

  constructor(root?: Element) {
    if (!root) return;
    const defaults = wChild(root, 'docDefaults');
    Object.assign(this.defaultRun, readRunProps(wChild(wChild(defaults, 'rPrDefault'), 'rPr')));
    Object.assign(this.defaultPara, readParaProps(wChild(wChild(defaults, 'pPrDefault'), 'pPr')));
    for (const s of wChildren(root, 'style')) {
      const id = wAttr(s, 'styleId');
      if (!id) continue;
      const type = wAttr(s, 'type') ?? 'paragraph';
      this.styles.set(id, {
        id,
        type,
        basedOn: wVal(s, 'basedOn'),
        ppr: readParaProps(wChild(s, 'pPr')),
        rpr: readRunProps(wChild(s, 'rPr')),
      });
      if (type === 'paragraph' && wAttr(s, 'default') === '1') this.defaultParaStyle = id;
    }
  }

  /** The style chain from the most basic ancestor to the style itself (cycles cut). */
  private chain(id: string | undefined): StyleDef[] {
    const out: StyleDef[] = [];
    const seen = new Set<string>();
    let cur = id;
    while (cur && !seen.has(cur)) {
      seen.add(cur);
      const s = this.styles.get(cur);
      if (!s) break;
      out.unshift(s);
      cur = s.basedOn;
    }
    return out;
  }

  /** The paragraph style id in effect (the default paragraph style when none is given). */
  paragraphStyle(id: string | undefined): string | undefined {
    return id && this.styles.has(id) ? id : this.defaultParaStyle;
  }

  /** Paragraph properties of a paragraph style, inherited and merged over the defaults. */
  paraProps(styleId: string | undefined): ParaProps {
    const out: ParaProps = { ...this.defaultPara };
    for (const s of this.chain(this.paragraphStyle(styleId))) mergePara(out, s.ppr);
    return out;
  }

  /** Run properties from the defaults, the paragraph style and the run's character style. */
  runProps(paraStyleId: string | undefined, runStyleId: string | undefined): RunProps {
    const out: RunProps = { ...this.defaultRun };
    for (const s of this.chain(this.paragraphStyle(paraStyleId))) Object.assign(out, s.rpr);
    for (const s of this.chain(runStyleId)) Object.assign(out, s.rpr);
    return out;
  }
}

/** Merge paragraph properties (numbering references merge field by field). */
export function mergePara(into: ParaProps, from: ParaProps): void {
  const { num, ...rest } = from;
  Object.assign(into, rest);
  if (num) into.num = { ...into.num, ...num };
}
