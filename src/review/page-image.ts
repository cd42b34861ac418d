import { loadImage, createCanvas } from '@napi-rs/canvas';
import { readFile } from 'node:fs/promises';
import { getDocument, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { pdfjsParams } from '../read/pdf/pdf-document.js';
import type { Db } from '../store/db.js';
import { documentSource } from '../store/document-query.js';
import { loadSourceFile } from '../store/source-file-store.js';

type RenderParameters = Parameters<PDFPageProxy['render']>[0];

interface CanvasEntry {
  canvas: { toBuffer?: (mime: 'image/png') => Buffer };
  context: { fillStyle: unknown; fillRect(x: number, y: number, w: number, h: number): void };
}
interface CanvasFactory {
  create(width: number, height: number): CanvasEntry;
  destroy(entry: CanvasEntry): void;
}

/** Pixels per PDF point of a page image in the document view (boxes are in points: the page divides by it). */
export const PAGE_SCALE = 1.5;
export const IMAGE_FILE = /\.(png|jpe?g|webp)$/i;

export type SourceBytes = { path: string; bytes: Buffer } | { status: number; error: string };

/**
 * A stored document's source file: at the path it was read from, else as `ingest --queue` stored
 * it by content hash (in the database or its shared folder) — a review server in another office
 * does not see the folder the files were queued from. Or the answer to give when it is gone
 * (404 with the reason).
 */
export async function readSourceFile(db: Db, docId: string): Promise<SourceBytes> {
  const doc = await documentSource(db, docId);
  if (!doc) return { status: 404, error: `document ${docId.slice(0, 80)} not found` };
  try {
    return { path: doc.path, bytes: await readFile(doc.path) };
  } catch (e) {
    const stored = await loadSourceFile(db, doc.sha256).catch(() => undefined);
    if (stored) return { path: doc.path, bytes: stored.bytes };
    return { status: 404, error: `the source file is not available: ${(e as NodeJS.ErrnoException).code ?? 'unreadable'}` };
  }
}

export type PageImage = { data: Buffer; scale: number } | { status: number; error: string };

/**
 * One page of a stored document as PNG: a PDF page drawn by pdfjs at PAGE_SCALE (text layer
 * and scans alike), an image file as it is drawn (scale 1: its boxes are in pixels).
 */
export async function renderPageImage(db: Db, docId: string, pageNumber: number): Promise<PageImage> {
  const source = await readSourceFile(db, docId);
  if ('error' in source) return source;
  const { path, bytes } = source;
  try {
    if (IMAGE_FILE.test(path)) {
      if (pageNumber !== 1) return { status: 404, error: `an image has one page, not ${pageNumber}` };
      const image = await loadImage(bytes);
      const canvas = createCanvas(image.width, image.height);
      canvas.getContext('2d').drawImage(image, 0, 0);
      return { data: canvas.toBuffer('image/png'), scale: 1 };
    }
    if (!/\.pdf$/i.test(path)) return { status: 404, error: 'no page image for this kind of source file (only PDF and images)' };
    const pdf = await getDocument(pdfjsParams(new Uint8Array(bytes))).promise;
    try {
      if (pageNumber > pdf.numPages) return { status: 404, error: `the document has ${pdf.numPages} page(s), not ${pageNumber}` };
      const page = await pdf.getPage(pageNumber);
      const viewport = page.getViewport({ scale: PAGE_SCALE });
      const factory = pdf.canvasFactory as CanvasFactory;
      const entry = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
      try {
        entry.context.fillStyle = '#ffffff';
        entry.context.fillRect(0, 0, Math.ceil(viewport.width), Math.ceil(viewport.height));
        await page.render({ canvas: entry.canvas as RenderParameters['canvas'], viewport }).promise;
        const png = entry.canvas.toBuffer?.('image/png');
        if (!png) throw new Error('the canvas cannot encode PNG');
        return { data: png, scale: PAGE_SCALE };
      } finally {
        factory.destroy(entry);
        page.cleanup();
      }
    } finally {
      await pdf.destroy();
    }
  } catch (e) {
    return { status: 422, error: `the page could not be drawn: ${(e as Error).message.split('\n')[0]}` };
  }
}
