import cliProgress from 'cli-progress';
import { formatEta, pageEta } from './page-eta.js';

export interface ProgressCounts {
  done: number;
  total: number;
  pages: number;
  /** Pages read by OCR so far. */
  ocrPages?: number;
  facts: number;
  failed: number;
  skipped: number;
  /** For the time left, from pages (page-eta.ts): seconds OCR took so far, bytes of the files read and left, files read at once. */
  ocrSeconds?: number;
  bytesDone?: number;
  bytesLeft?: number;
  slots?: number;
}

/** Seconds left from pages when the batch gives bytes, else from files (as before). */
function secondsLeft(c: ProgressCounts, elapsed: number): number | undefined {
  if (c.bytesDone !== undefined && c.bytesLeft !== undefined) {
    return pageEta({
      elapsed,
      slots: c.slots ?? 1,
      pages: c.pages,
      ocrPages: c.ocrPages ?? 0,
      ocrSeconds: c.ocrSeconds ?? 0,
      bytesDone: c.bytesDone,
      bytesLeft: c.bytesLeft,
    });
  }
  const rate = c.done / Math.max(0.001, elapsed);
  return rate > 0 ? Math.round((c.total - c.done) / rate) : undefined;
}

export interface ProgressReporter {
  update(counts: ProgressCounts, lastFile?: string): void;
  /** A line that must not be lost under the bar (a failure). */
  log(line: string): void;
  stop(): void;
}

/**
 * A progress bar on a terminal (files, pages, facts, failures, rate, ETA); plain progress
 * lines every few seconds when stderr is not a terminal (logs, CI).
 */
export function createProgressReporter(stream: NodeJS.WriteStream = process.stderr, quiet = false): ProgressReporter {
  const started = Date.now();
  if (quiet) return { update() {}, log: (l) => stream.write(`${l}\n`), stop() {} };
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream,
        format: 'ingest [{bar}] {value}/{total} files | {pages} pages ({ocr} OCR) | {facts} facts | {failed} failed | {rate} files/s | ETA {left} {file}',
        hideCursor: true,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(0, 0, { pages: 0, ocr: 0, facts: 0, failed: 0, rate: '0.0', left: formatEta(undefined), file: '' });
    return {
      update(c, lastFile) {
        const rate = (c.done / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(1);
        bar.setTotal(c.total);
        const left = formatEta(secondsLeft(c, (Date.now() - started) / 1000));
        bar.update(c.done, { pages: c.pages, ocr: c.ocrPages ?? 0, facts: c.facts, failed: c.failed, rate, left, file: lastFile ?? '' });
      },
      log(line) {
        stream.write(`\r\x1b[K${line}\n`);
      },
      stop() {
        bar.stop();
      },
    };
  }
  let lastLine = 0;
  return {
    update(c, lastFile) {
      const now = Date.now();
      if (now - lastLine < 2000 && c.done < c.total) return;
      lastLine = now;
      const secs = (now - started) / 1000;
      const rate = c.done / Math.max(0.001, secs);
      const eta = formatEta(secondsLeft(c, secs));
      stream.write(
        `ingest: ${c.done}/${c.total} files, ${c.pages} pages${c.ocrPages ? ` (${c.ocrPages} OCR'd)` : ''}, ${c.facts} facts, ${c.failed} failed, ${c.skipped} skipped, ${rate.toFixed(1)} files/s, ETA ${eta}${lastFile ? ` (${lastFile})` : ''}\n`,
      );
    },
    log(line) {
      stream.write(`${line}\n`);
    },
    stop() {},
  };
}
