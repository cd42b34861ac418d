import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { DocumentFailure, type SourceFile } from '../../core/source-file.js';
import { learnFonts, oneLine, openPdf, type PdfFont } from './pdf-document.js';
import type { TextRun } from './pdf-lines.js';
import { alignToLines, widgetTextRuns, type AnnotationRun } from './pdf-annotation-text.js';
import { rulesOfPage } from './pdf-table-rules.js';
import { ruledGrids, type RuledGrid } from './pdf-table-grid.js';

/**
 * The PDF reader's conversation with pdfjs (pdf-reader.ts does the rest from what it returns):
 * open the document, then for each page its text runs (widget text aligned among them), the real
 * names of the fonts it brings, and its ruled grids. Plain data only, so that it can be done in a
 * thread of its own (pdfjs-thread.ts) and sent across.
 */

/** A run before legacy decoding: which pdfjs font drew it. */
export interface PageRun extends TextRun {
  font: string;
}

export interface PageText {
  page: number;
  width: number;
  height: number;
  runs: PageRun[];
  /** Ruled tables drawn on the page. */
  grids: RuledGrid[];
}

export interface PageRuns {
  pages: PageText[];
  /** Each pdfjs font id's name and style (learned from the operator lists). */
  fonts: Map<string, PdfFont>;
}

/** What is asked of pdfjs besides the text. */
export interface PageRunsOptions {
  /** Learn real font names from the operator list of pages that bring new fonts. */
  fontNames: boolean;
  /** Find ruled tables from the pages' drawn lines. */
  ruledTables: boolean;
}

/** The pages' runs, fonts and ruled grids of a PDF; bad input fails the file (pdf-document.ts's `openPdf`), a bad page is warned about and kept empty. */
export async function collectPageRuns(file: SourceFile, options: PageRunsOptions): Promise<PageRuns> {
  const pdf = await openPdf(file);
  try {
    return await collectRuns(pdf, file, options.fontNames, options.ruledTables);
  } finally {
    await pdf.destroy();
  }
}

async function collectRuns(pdf: PDFDocumentProxy, file: SourceFile, fontNames: boolean, findTables: boolean): Promise<PageRuns> {
  const pages: PageText[] = [];
  const fonts = new Map<string, PdfFont>();
  for (let n = 1; n <= pdf.numPages; n++) {
    try {
      const page = await pdf.getPage(n);
      const [x0, y0, x1, y1] = page.view;
      const content = await page.getTextContent();
      const runs: PageRun[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str.length === 0) continue;
        const run = toRun(item, x0, y1, content.styles[item.fontName]);
        if (run) runs.push(run);
      }
      runs.push(...alignToLines(await annotationRuns(page, file, n, x0, y1), runs));
      if (fontNames && runs.length > 0) {
        try {
          await learnFonts(page, Object.keys(content.styles), fonts);
        } catch (error) {
          if (error instanceof DocumentFailure) throw error;
          file.warn(`font names of page ${n} could not be read (${oneLine(error)}); bold/italic unknown there`, 'read:font-names', { page: n });
          for (const id of Object.keys(content.styles)) if (!fonts.has(id)) fonts.set(id, { name: '', bold: false, italic: false });
        }
      }
      let grids: RuledGrid[] = [];
      if (findTables && runs.length > 0) {
        try {
          grids = ruledGrids(await rulesOfPage(page));
        } catch (error) {
          if (error instanceof DocumentFailure) throw error;
          file.warn(`drawn lines of page ${n} could not be read (${oneLine(error)}); its tables are read as text`, 'read:table-rules', { page: n });
        }
      }
      page.cleanup();
      pages.push({ page: n, width: x1 - x0, height: y1 - y0, runs, grids });
    } catch (error) {
      if (error instanceof DocumentFailure) throw error;
      file.warn(`page ${n} could not be read: ${oneLine(error)}`, 'read:bad-page', { page: n });
      pages.push({ page: n, width: 0, height: 0, runs: [], grids: [] });
    }
  }
  return { pages, fonts };
}

/** The text drawn in the page's form and signature widgets (a signed letter's number and day); a page whose widgets cannot be read keeps its own text. */
async function annotationRuns(page: PDFPageProxy, file: SourceFile, n: number, originX: number, topY: number): Promise<AnnotationRun[]> {
  try {
    const runs = await widgetTextRuns(page, originX, topY);
    if (runs.length > 0)
      file.info(`page ${n}: text drawn in signature or form widgets read (${runs.map((r) => r.text.trim()).join(', ')})`, 'read:widget-text', { page: n });
    return runs;
  } catch (error) {
    if (error instanceof DocumentFailure) throw error;
    file.warn(`the widgets of page ${n} could not be read (${oneLine(error)}); text drawn in them is missing`, 'read:widget-text', { page: n });
    return [];
  }
}

function toRun(item: TextItem, originX: number, topY: number, style: { ascent?: number; descent?: number } | undefined): PageRun | undefined {
  const [a, b, c, d, e, f] = item.transform as number[];
  const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height;
  if (!(size > 0)) return undefined;
  const x0 = e - originX;
  const width = Math.max(item.width, 0);
  return {
    text: item.str,
    x0,
    x1: x0 + width,
    baseline: topY - f,
    size,
    ascent: style?.ascent ?? undefined,
    descent: style?.descent ?? undefined,
    font: item.fontName,
  };
}
