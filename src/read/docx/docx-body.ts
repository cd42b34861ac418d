import type { Element } from '@xmldom/xmldom';
import { children, isW, NS, wAttr, wChild, wToggle, wVal } from './docx-xml.js';
import { mergePara, readParaProps, readRunProps, type DocxStyles, type ParaProps, type RunProps } from './docx-styles.js';
import type { DocxNumbering } from './docx-numbering.js';
import type { Table } from '../../../schemas/table.js';

/**
 * Walks `w:body` into paragraphs with their runs: text only from `w:t` (plus tabs, breaks and
 * symbols), never from drawing positions or field codes; text boxes (`w:txbxContent` in
 * `w:drawing`/`w:pict`) become paragraphs of their own after the paragraph that anchors them;
 * `mc:AlternateContent` is read from its first `mc:Choice` only (its fallback repeats it).
 */

export interface DocxRun {
  text: string;
  font?: string;
  bold: boolean;
  italic: boolean;
  caps: boolean;
  size?: number;
}

export interface DocxParagraph {
  runs: DocxRun[];
  page: number;
  style?: string;
  label?: string;
  align?: ParaProps['align'];
  indent?: number;
  table?: { table: number; row: number; cell: number; col?: number };
  /** Inside a text box or drawing. */
  textBox: boolean;
}

type TableRef = DocxParagraph['table'];

/** Elements known to carry nothing the reader needs. */
const IGNORED = new Set([
  'pPr',
  'rPr',
  'sectPr',
  'bookmarkStart',
  'bookmarkEnd',
  'proofErr',
  'permStart',
  'permEnd',
  'commentRangeStart',
  'commentRangeEnd',
  'commentReference',
  'del',
  'moveFrom',
  'moveFromRangeStart',
  'moveFromRangeEnd',
  'moveToRangeStart',
  'moveToRangeEnd',
  'instrText',
  'delText',
  'fldChar',
  'footnoteReference',
  'endnoteReference',
  'annotationRef',
  'separator',
  'continuationSeparator',
  'lastRenderedPageBreak',
  'tblPr',
  'tblGrid',
  'trPr',
  'tcPr',
  'tblPrEx',
  'sdtPr',
  'sdtEndPr',
  'customXmlPr',
  'smartTagPr',
  'object',
  'fldData',
  'ptab',
  'dayLong',
  'monthLong',
  'yearLong',
  'footnoteRef',
  'endnoteRef',
  'contentPart',
  'oMath',
  'oMathPara',
  'rubyPr',
  'bidi',
]);

export class DocxBodyWalker {
  readonly paragraphs: DocxParagraph[] = [];
  /** Table grids (`w:gridSpan` merges across, `w:vMerge` down, `w:tblHeader` header rows); texts are filled by normalization. */
  readonly tables: Table[] = [];
  /** Unknown elements met (local names), for one warning. */
  readonly unknown = new Set<string>();
  private page = 1;
  private explicitBreakPending = false;
  private tables_ = 0;

  constructor(
    private readonly styles: DocxStyles,
    private readonly numbering: DocxNumbering,
    private readonly styleNumRef: (styleId: string | undefined) => { numId?: number; ilvl?: number } | undefined,
  ) {}

  get pages(): number {
    return this.page;
  }

  /** Block-level content: paragraphs, tables and their containers. */
  walkBlocks(container: Element, table: TableRef, textBox: boolean): void {
    for (const el of children(container)) {
      if (el.namespaceURI === NS.mc && el.localName === 'AlternateContent') {
        const choice = children(el).find((c) => c.localName === 'Choice');
        if (choice) this.walkBlocks(choice, table, textBox);
        continue;
      }
      if (el.namespaceURI !== NS.w) continue;
      switch (el.localName) {
        case 'p':
          this.paragraph(el, table, textBox);
          break;
        case 'tbl':
          this.table(el, textBox);
          break;
        case 'sdt':
          this.walkBlocks(wChild(el, 'sdtContent') ?? el, table, textBox);
          break;
        case 'customXml':
        case 'sdtContent':
        case 'ins':
        case 'moveTo':
          this.walkBlocks(el, table, textBox);
          break;
        default:
          if (!IGNORED.has(el.localName ?? '')) this.unknown.add(el.localName ?? '?');
      }
    }
  }

  private table(tbl: Element, textBox: boolean): void {
    const index = ++this.tables_;
    const grid: Table = { id: index, origin: 'docx', page: this.page, rows: 0, cols: 0, headerRows: 0, cells: [] };
    this.tables.push(grid);
    let row = 0;
    let header = true;
    const rows = (container: Element): Element[] =>
      children(container).flatMap((c) => (isW(c, 'tr') ? [c] : isW(c, 'sdt') || isW(c, 'customXml') ? rows(wChild(c, 'sdtContent') ?? c) : []));
    for (const tr of rows(tbl)) {
      row++;
      // leading rows marked "repeat as header row" are the header
      if (header && wToggle(wChild(tr, 'trPr'), 'tblHeader')) grid.headerRows = row;
      else header = false;
      let cell = 0;
      let col = Number(wVal(wChild(tr, 'trPr'), 'gridBefore') ?? 0) || 0;
      const cells = (container: Element): Element[] =>
        children(container).flatMap((c) => (isW(c, 'tc') ? [c] : isW(c, 'sdt') || isW(c, 'customXml') ? cells(wChild(c, 'sdtContent') ?? c) : []));
      for (const tc of cells(tr)) {
        cell++;
        const tcPr = wChild(tc, 'tcPr');
        const span = Math.max(1, Number(wVal(tcPr, 'gridSpan') ?? 1) || 1);
        const vMerge = wChild(tcPr, 'vMerge');
        const merge = vMerge ? (wAttr(vMerge, 'val') ?? 'continue') : undefined;
        const above = merge === 'continue' ? grid.cells.find((c) => c.col === col && c.row + c.rowSpan === row - 1) : undefined;
        if (above) above.rowSpan++;
        else grid.cells.push({ row: row - 1, col, rowSpan: 1, colSpan: span, text: '', page: this.page });
        this.walkBlocks(tc, { table: index, row, cell, col }, textBox);
        col += span;
      }
      grid.cols = Math.max(grid.cols, col);
    }
    grid.rows = row;
    if (grid.headerRows > 0) grid.headerDeclared = true;
  }

  private paragraph(p: Element, table: TableRef, textBox: boolean): void {
    const pPr = wChild(p, 'pPr');
    const styleId = this.styles.paragraphStyle(wVal(pPr, 'pStyle'));
    const props = this.styles.paraProps(styleId);
    mergePara(props, readParaProps(pPr));
    if (props.pageBreakBefore && !textBox) this.breakPage(true);

    const para: DocxParagraph = { runs: [], page: this.page, textBox };
    if (styleId) para.style = styleId;
    if (props.align) para.align = props.align;
    if (props.indent !== undefined) para.indent = props.indent;
    if (table) para.table = table;
    const label = this.label(props, styleId);
    if (label) para.label = label;

    const floating: Element[] = [];
    let started = false;
    const onText = (): void => {
      if (!started) {
        started = true;
        para.page = this.page;
      }
      if (!textBox) this.explicitBreakPending = false;
    };
    this.inline(p, para, styleId, floating, onText, textBox);
    if (!started) para.page = this.page;
    this.paragraphs.push(para);
    for (const box of floating) this.walkBlocks(box, table, true);

    // a section break in the paragraph properties starts a new page unless continuous
    const sect = wChild(pPr, 'sectPr');
    if (sect && !textBox) {
      const type = wVal(sect, 'type') ?? 'nextPage';
      if (type !== 'continuous') this.breakPage(true);
    }
  }

  private label(props: ParaProps, styleId: string | undefined): string | undefined {
    const styleRef = this.styleNumRef(styleId);
    const numId = props.num?.numId;
    if (numId === undefined || numId === 0) return undefined;
    let ilvl = props.num?.ilvl;
    if (ilvl === undefined && styleId) ilvl = this.numbering.levelForStyle(numId, styleId) ?? styleRef?.ilvl;
    return this.numbering.next(numId, ilvl ?? 0);
  }

  private breakPage(explicit: boolean): void {
    if (!explicit && this.explicitBreakPending) {
      this.explicitBreakPending = false;
      return;
    }
    this.page++;
    this.explicitBreakPending = explicit;
  }

  /** Inline content of a paragraph: runs and their containers. */
  private inline(container: Element, para: DocxParagraph, styleId: string | undefined, floating: Element[], onText: () => void, textBox: boolean): void {
    for (const el of children(container)) {
      if (el.namespaceURI === NS.mc && el.localName === 'AlternateContent') {
        const choice = children(el).find((c) => c.localName === 'Choice');
        if (choice) this.inline(choice, para, styleId, floating, onText, textBox);
        continue;
      }
      if (el.namespaceURI !== NS.w) continue;
      switch (el.localName) {
        case 'r':
          this.run(el, para, styleId, floating, onText, textBox);
          break;
        case 'hyperlink':
        case 'smartTag':
        case 'ins':
        case 'moveTo':
        case 'fldSimple':
        case 'customXml':
        case 'dir':
        case 'bdo':
          this.inline(el, para, styleId, floating, onText, textBox);
          break;
        case 'sdt':
          this.inline(wChild(el, 'sdtContent') ?? el, para, styleId, floating, onText, textBox);
          break;
        default:
          if (!IGNORED.has(el.localName ?? '')) this.unknown.add(el.localName ?? '?');
      }
    }
  }

  private run(r: Element, para: DocxParagraph, styleId: string | undefined, floating: Element[], onText: () => void, textBox: boolean): void {
    const rPr = wChild(r, 'rPr');
    if (wToggle(rPr, 'vanish') || wToggle(rPr, 'webHidden')) return;
    const props: RunProps = { ...this.styles.runProps(styleId, wVal(rPr, 'rStyle')), ...readRunProps(rPr) };
    let text = '';
    const flush = (): void => {
      if (text === '') return;
      if (text.trim() !== '') onText();
      para.runs.push({
        text,
        font: props.font,
        bold: props.bold === true,
        italic: props.italic === true,
        caps: props.caps === true,
        size: props.size,
      });
      text = '';
    };
    for (const el of children(r)) {
      if (el.namespaceURI === NS.mc && el.localName === 'AlternateContent') {
        const choice = children(el).find((c) => c.localName === 'Choice');
        if (choice) collectTextBoxes(choice, floating);
        continue;
      }
      if (el.namespaceURI !== NS.w) continue;
      switch (el.localName) {
        case 't':
          text += el.textContent ?? '';
          break;
        case 'tab':
          text += '\t';
          break;
        case 'br':
        case 'cr':
          if (wAttr(el, 'type') === 'page' && !textBox) {
            flush();
            this.breakPage(true);
          } else if (wAttr(el, 'type') !== 'column') text += '\n';
          break;
        case 'lastRenderedPageBreak':
          if (!textBox) {
            flush();
            this.breakPage(false);
          }
          break;
        case 'noBreakHyphen':
          text += '-';
          break;
        case 'softHyphen':
          break;
        case 'sym': {
          const code = Number.parseInt(wAttr(el, 'char') ?? '', 16);
          // symbol-font code points (F0xx) are glyphs, not text
          if (Number.isFinite(code) && (code < 0xe000 || code > 0xf8ff)) text += String.fromCharCode(code);
          break;
        }
        case 'drawing':
        case 'pict':
          collectTextBoxes(el, floating);
          break;
        default:
          if (!IGNORED.has(el.localName ?? '')) this.unknown.add(el.localName ?? '?');
      }
    }
    flush();
  }
}

/** The outermost `w:txbxContent` elements under a drawing (positions and other numbers are skipped). */
function collectTextBoxes(el: Element, out: Element[]): void {
  for (const c of children(el)) {
    if (c.namespaceURI === NS.mc && c.localName === 'Fallback') continue;
    if (isW(c, 'txbxContent')) out.push(c);
    else collectTextBoxes(c, out);
  }
}
