/**
 * The time a batch has left, from pages rather than files: files differ a hundredfold in pages,
 * and a scanned page takes seconds where a text page takes milliseconds, so a per-file rate
 * jumps with each file (149 s → 20 s → 60 s). The pages of the files not read yet are
 * estimated from their size, at the text and OCR pages per byte seen so far; a text page and an
 * OCR page each cost what they have cost so far (OCR pages report their own seconds).
 */
export interface EtaInput {
  /** Seconds since the batch started. */
  elapsed: number;
  /** Files read at once. */
  slots: number;
  /** Pages of the files read so far, and how many of them OCR read. */
  pages: number;
  ocrPages: number;
  /** Seconds OCR took on those pages (summed over engines working in parallel). */
  ocrSeconds: number;
  /** Bytes of the files read so far, and of the files left to read. */
  bytesDone: number;
  bytesLeft: number;
}

/** Seconds left, or undefined while nothing has been read to estimate from. */
export function pageEta(input: EtaInput): number | undefined {
  const { elapsed, slots, pages, ocrPages, ocrSeconds, bytesDone, bytesLeft } = input;
  if (bytesLeft <= 0) return 0;
  if (pages === 0 || bytesDone === 0) return undefined;
  const textPages = Math.max(0, pages - ocrPages);
  // busy time of all slots, less what OCR took: what the text pages (and the files around them) cost
  const busy = Math.max(elapsed * Math.max(1, slots), ocrSeconds);
  const perTextPage = textPages > 0 ? (busy - ocrSeconds) / textPages : 0;
  const perOcrPage = ocrPages > 0 ? ocrSeconds / ocrPages : 0;
  const textLeft = (textPages / bytesDone) * bytesLeft;
  const ocrLeft = (ocrPages / bytesDone) * bytesLeft;
  return Math.round((textLeft * perTextPage + ocrLeft * perOcrPage) / Math.max(1, slots));
}

/** `1 h 05 min`, `4 min 10 s`, `35 s`, or `…` when unknown. */
export function formatEta(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds)) return '…';
  const s = Math.max(0, Math.round(seconds));
  if (s >= 3600) return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
  if (s >= 60) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${s} s`;
}
