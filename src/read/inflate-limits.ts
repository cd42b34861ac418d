/**
 * Bounds on what a file may inflate to while it is read, so a small hostile file (a zip or
 * flate bomb, a huge image) cannot take a worker's memory: the limit on the file's size on disk
 * (`--max-size`) says nothing about what its compressed parts unpack to. Measured: xmldom holds
 * about 45 bytes per byte of DOCX XML, so a 16 MB part peaks near 750 MB.
 */
export interface InflateLimits {
  /** A DOCX XML part (`word/document.xml`, styles, numbering) may unpack to this many bytes. */
  xmlBytes: number;
  /** A PDF stream that is not an image (page content, fonts, object streams) may inflate to this many bytes. */
  streamBytes: number;
  /** A PDF image larger than this many pixels is not decoded or drawn. */
  imagePixels: number;
  /** A page is drawn for OCR on at most this many pixels (the resolution is lowered to fit). */
  renderPixels: number;
}

export const DEFAULT_INFLATE_LIMITS: InflateLimits = {
  xmlBytes: 16 * 1024 * 1024,
  streamBytes: 64 * 1024 * 1024,
  // a 600-dpi A4 scan is 35 million pixels
  imagePixels: 40_000_000,
  renderPixels: 40_000_000,
};

export function megabytes(n: number): string {
  return `${Math.round(n / 1024 / 1024)} MB`;
}
