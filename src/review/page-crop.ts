import { createCanvas, ImageData, loadImage } from '@napi-rs/canvas';
import { readSourceFile } from './page-image.js';
import { getDocument, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { pdfjsParams } from '../read/pdf/pdf-document.js';
import type { Db } from '../store/db.js';
import { DRAWN_ORIGINS, factDetail } from './fact-detail.js';

type RenderParameters = Parameters<PDFPageProxy['render']>[0];

/** pdfjs's canvas factory (it carries its own copy of @napi-rs/canvas; pixels cross as plain arrays). */
interface CanvasFactory {
  create(width: number, height: number): { canvas: unknown; context: PixelSource };
  destroy(entry: { canvas: unknown; context: PixelSource }): void;
}

interface PixelSource {
  fillStyle: unknown;
  fillRect(x: number, y: number, width: number, height: number): void;
  getImageData(x: number, y: number, width: number, height: number): { data: Uint8ClampedArray; width: number; height: number };
}

export type CropResult = { data: Buffer } | { status: number; error: string };

/** Render scale (pixels per PDF point) of the crop. */
const SCALE = 2;
/** Margin around the fact's box, in page units, horizontally and vertically. */
const MARGIN_X = 160;
const MARGIN_Y = 36;

const IMAGE_FILE = /\.(png|jpe?g|webp)$/i;

/**
 * The region of the page around a fact's box, as PNG, with the box outlined. PDF pages (text
 * layer or OCR'd) are drawn with pdfjs (boxes are in PDF points); image files are cut directly
 * (boxes in pixels). For every fact from a PDF or image page that carries a box.
 */
export async function renderFactCrop(db: Db, factId: number): Promise<CropResult> {
  const detail = await factDetail(db, factId);
  if (!detail) return { status: 404, error: `fact ${factId} not found` };
  const bbox = detail.fact.bbox;
  if (!bbox || !DRAWN_ORIGINS.includes(detail.pageOrigin ?? ''))
    return { status: 404, error: 'no page image for this fact (not a PDF or OCR fact with a box)' };
  const source = await readSourceFile(db, detail.document.doc_id);
  if ('error' in source) return source;
  const { path, bytes } = source;
  try {
    if (IMAGE_FILE.test(path)) return { data: await cropImage(bytes, bbox) };
    if (/\.pdf$/i.test(path)) return { data: await cropPdf(bytes, detail.fact.page, bbox) };
  } catch (e) {
    return { status: 422, error: `the page could not be drawn: ${(e as Error).message.split('\n')[0]}` };
  }
  return { status: 404, error: 'no page image for this kind of source file' };
}

function region(bbox: [number, number, number, number], width: number, height: number): [number, number, number, number] {
  const x0 = Math.max(0, Math.floor(bbox[0] - MARGIN_X));
  const y0 = Math.max(0, Math.floor(bbox[1] - MARGIN_Y));
  const x1 = Math.min(width, Math.ceil(bbox[2] + MARGIN_X));
  const y1 = Math.min(height, Math.ceil(bbox[3] + MARGIN_Y));
  if (x1 <= x0 || y1 <= y0) throw new Error('the box lies outside the page');
  return [x0, y0, x1, y1];
}

/** Paint pixels (RGBA) on a fresh canvas, outline the box (in the crop's pixels) and encode PNG. */
function toPng(rgba: Uint8ClampedArray, width: number, height: number, box: [number, number, number, number]): Buffer {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.putImageData(new ImageData(rgba, width, height), 0, 0);
  ctx.strokeStyle = '#d9480f';
  ctx.lineWidth = 3;
  ctx.strokeRect(box[0] - 3, box[1] - 3, box[2] - box[0] + 6, box[3] - box[1] + 6);
  return canvas.toBuffer('image/png');
}

async function cropImage(bytes: Buffer, bbox: [number, number, number, number]): Promise<Buffer> {
  const image = await loadImage(bytes);
  const [x0, y0, x1, y1] = region(bbox, image.width, image.height);
  const canvas = createCanvas(x1 - x0, y1 - y0);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, x0, y0, x1 - x0, y1 - y0, 0, 0, x1 - x0, y1 - y0);
  const pixels = ctx.getImageData(0, 0, x1 - x0, y1 - y0);
  return toPng(pixels.data, x1 - x0, y1 - y0, [bbox[0] - x0, bbox[1] - y0, bbox[2] - x0, bbox[3] - y0]);
}

async function cropPdf(bytes: Buffer, pageNumber: number, bbox: [number, number, number, number]): Promise<Buffer> {
  // the readers' parameters: standard fonts from node_modules, so text in a non-embedded font is drawn
  const pdf = await getDocument(pdfjsParams(new Uint8Array(bytes))).promise;
  try {
    const page = await pdf.getPage(pageNumber);
    const unit = page.getViewport({ scale: 1 });
    const [x0, y0, x1, y1] = region(bbox, unit.width, unit.height);
    // Draw the whole page at SCALE, then cut the region: simple, and pages are only a few MB.
    const viewport = page.getViewport({ scale: SCALE });
    const width = Math.ceil(viewport.width);
    const height = Math.ceil(viewport.height);
    const factory = pdf.canvasFactory as CanvasFactory;
    const entry = factory.create(width, height);
    try {
      entry.context.fillStyle = '#ffffff';
      entry.context.fillRect(0, 0, width, height);
      await page.render({ canvas: entry.canvas as RenderParameters['canvas'], viewport }).promise;
      const w = Math.max(1, Math.round((x1 - x0) * SCALE));
      const h = Math.max(1, Math.round((y1 - y0) * SCALE));
      const pixels = entry.context.getImageData(Math.round(x0 * SCALE), Math.round(y0 * SCALE), w, h);
      const box: [number, number, number, number] = [(bbox[0] - x0) * SCALE, (bbox[1] - y0) * SCALE, (bbox[2] - x0) * SCALE, (bbox[3] - y0) * SCALE];
      return toPng(new Uint8ClampedArray(pixels.data), w, h, box);
    } finally {
      factory.destroy(entry);
      page.cleanup();
    }
  } finally {
    await pdf.destroy();
  }
}
