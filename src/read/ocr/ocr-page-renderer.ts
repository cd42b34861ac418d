import { OPS, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

type RenderParameters = Parameters<PDFPageProxy['render']>[0];

/**
 * pdfjs's own canvas factory. In Node it makes canvases with the copy of `@napi-rs/canvas`
 * pdfjs resolves (pdfjs-dist may carry its own); drawing on a canvas from another copy fails
 * with "parameter 1 is not of type 'Path2D'".
 */
interface CanvasFactory {
  create(width: number, height: number): { canvas: unknown; context: ImageSource };
  destroy(entry: { canvas: unknown; context: ImageSource }): void;
}

interface ImageSource {
  fillStyle: unknown;
  fillRect(x: number, y: number, width: number, height: number): void;
  getImageData(x: number, y: number, width: number, height: number): { data: Uint8ClampedArray };
}

/**
 * A page as an 8-bit grayscale image, ready for OCR, with what is needed to map
 * image pixels back to PDF points (origin top-left, as in `BBox`).
 */
export interface PageImage {
  width: number;
  height: number;
  /** One byte per pixel, row-major, 0 = black. */
  gray: Uint8Array;
  /** Effective resolution of the image over the page, in dots per inch. */
  dpi: number;
  /** Page size in PDF points (after the page's /Rotate). */
  pageWidth: number;
  pageHeight: number;
  /** `embedded`: the page's single scanned image, taken as is; `rendered`: pdfjs drew the page. */
  source: 'embedded' | 'rendered';
  /** Image pixel → page point (origin top-left): `[scaleX, scaleY, offsetX, offsetY]`. */
  toPoints: [number, number, number, number];
}

/** Map a box in image pixels to PDF points (origin top-left), rounded to 0.1 pt. */
export function boxToPoints(image: PageImage, box: [number, number, number, number]): [number, number, number, number] {
  const [sx, sy, ox, oy] = image.toPoints;
  const r = (v: number): number => Math.round(v * 10) / 10;
  return [r(ox + box[0] * sx), r(oy + box[1] * sy), r(ox + box[2] * sx), r(oy + box[3] * sy)];
}

export interface RenderOptions {
  /** Resolution to render at when the page is drawn (default 300). */
  dpi?: number;
  /**
   * Take the scan image straight out of the page when the page is one image covering it
   * (default true). Faster than drawing, and no resampling of the scanner's pixels.
   */
  embedded?: boolean;
  /** Below this resolution an embedded image is not used and the page is drawn at `dpi` (default 150). */
  minEmbeddedDpi?: number;
  /** Draw the page on at most this many pixels, lowering the resolution to fit (default 40 million: a huge page box cannot take the memory). */
  maxPixels?: number;
}

/** pdfjs `ImageKind` values (decoded image pixel layouts). */
const GRAYSCALE_1BPP = 1;
const RGB_24BPP = 2;
const RGBA_32BPP = 3;

interface DecodedImage {
  width: number;
  height: number;
  kind?: number;
  data?: Uint8Array | Uint8ClampedArray;
}

function isDecodedImage(value: unknown): value is DecodedImage {
  return typeof value === 'object' && value !== null && 'width' in value && 'height' in value;
}

/** Draw or extract one page (1-based) as a grayscale image. */
export async function renderPageImage(pdf: PDFDocumentProxy, pageNumber: number, options: RenderOptions = {}): Promise<PageImage> {
  const page = await pdf.getPage(pageNumber);
  try {
    return await pageImage(pdf, page, options);
  } finally {
    page.cleanup();
  }
}

async function pageImage(pdf: PDFDocumentProxy, page: PDFPageProxy, options: RenderOptions): Promise<PageImage> {
  const dpi = options.dpi ?? 300;
  const viewport = page.getViewport({ scale: 1 });
  if (options.embedded !== false) {
    const image = await embeddedScan(page, viewport.width, viewport.height);
    if (image && image.dpi >= (options.minEmbeddedDpi ?? 150)) return image;
  }
  const maxPixels = options.maxPixels ?? 40_000_000;
  const pixels = (viewport.width * dpi * viewport.height * dpi) / (72 * 72);
  return drawPage(pdf, page, pixels > maxPixels ? Math.max(1, Math.floor(dpi * Math.sqrt(maxPixels / pixels))) : dpi);
}

/**
 * The page's scan image when the page is exactly one upright image covering the page
 * (what scanners and img2pdf write), else undefined.
 */
async function embeddedScan(page: PDFPageProxy, pageWidth: number, pageHeight: number): Promise<PageImage | undefined> {
  if (page.rotate % 360 !== 0) return undefined;
  const ops = await page.getOperatorList();
  const paints: number[] = [];
  let transform: number[] | undefined;
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    if (fn === OPS.paintImageXObject) paints.push(i);
    else if (fn === OPS.transform) transform = ops.argsArray[i] as number[];
    else if (fn === OPS.showText || fn === OPS.paintInlineImageXObject || fn === OPS.paintImageMaskXObject) return undefined;
  }
  if (paints.length !== 1 || !transform) return undefined;
  const [a, b, c, d, e, f] = transform;
  // Upright and covering at least 95% of the page in both directions.
  if (b !== 0 || c !== 0 || a < pageWidth * 0.95 || d < pageHeight * 0.95) return undefined;
  const name = (ops.argsArray[paints[0]] as unknown[])[0];
  if (typeof name !== 'string') return undefined;
  const decoded = await new Promise<unknown>((resolve) => page.objs.get(name, resolve));
  if (!isDecodedImage(decoded) || !decoded.data) return undefined;
  const gray = toGray(decoded);
  if (!gray) return undefined;
  return {
    width: decoded.width,
    height: decoded.height,
    gray,
    dpi: Math.round((decoded.width / pageWidth) * 72),
    pageWidth,
    pageHeight,
    source: 'embedded',
    // The image fills the unit square scaled by (a, d) and moved by (e, f), y up from the bottom.
    toPoints: [a / decoded.width, d / decoded.height, e, pageHeight - (f + d)],
  };
}

function toGray(image: DecodedImage): Uint8Array | undefined {
  const { width, height, kind, data } = image;
  if (!data) return undefined;
  const n = width * height;
  const gray = new Uint8Array(n);
  if (kind === RGB_24BPP || kind === RGBA_32BPP) {
    const step = kind === RGB_24BPP ? 3 : 4;
    if (data.length < n * step) return undefined;
    for (let i = 0, j = 0; i < n; i++, j += step) gray[i] = (data[j] * 77 + data[j + 1] * 150 + data[j + 2] * 29) >> 8;
    return gray;
  }
  if (kind === GRAYSCALE_1BPP) {
    // Rows padded to whole bytes; pdfjs decodes a set bit as white.
    const rowBytes = (width + 7) >> 3;
    if (data.length < rowBytes * height) return undefined;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const bit = data[y * rowBytes + (x >> 3)] & (0x80 >> (x & 7));
        gray[y * width + x] = bit ? 255 : 0;
      }
    }
    return gray;
  }
  return undefined;
}

async function drawPage(pdf: PDFDocumentProxy, page: PDFPageProxy, dpi: number): Promise<PageImage> {
  const viewport = page.getViewport({ scale: dpi / 72 });
  const width = Math.ceil(viewport.width);
  const height = Math.ceil(viewport.height);
  const factory = pdf.canvasFactory as CanvasFactory;
  const entry = factory.create(width, height);
  const { context } = entry;
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  let rgba: Uint8ClampedArray;
  try {
    await page.render({ canvas: entry.canvas as RenderParameters['canvas'], viewport }).promise;
    rgba = context.getImageData(0, 0, width, height).data;
  } finally {
    factory.destroy(entry);
  }
  const gray = toGray({ width, height, kind: RGBA_32BPP, data: rgba }) as Uint8Array;
  const unit = page.getViewport({ scale: 1 });
  const scale = 72 / dpi;
  return { width, height, gray, dpi, pageWidth: unit.width, pageHeight: unit.height, source: 'rendered', toPoints: [scale, scale, 0, 0] };
}

/** Encode as binary PGM (P5): the cheapest format tesseract's image reader accepts. */
export function toPgm(image: Pick<PageImage, 'width' | 'height' | 'gray'>): Buffer {
  const header = Buffer.from(`P5\n${image.width} ${image.height}\n255\n`, 'ascii');
  return Buffer.concat([header, Buffer.from(image.gray.buffer, image.gray.byteOffset, image.gray.byteLength)]);
}
