import cliProgress from 'cli-progress';

export interface ProgressCounts {
  done: number;
  total: number;
  pages: number;
  /** Pages read by OCR so far. */
  ocrPages?: number;
  facts: number;
  failed: number;
  skipped: number;
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
        format: 'ingest [{bar}] {value}/{total} files | {pages} pages ({ocr} OCR) | {facts} facts | {failed} failed | {rate} files/s | ETA {eta_formatted} {file}',
        hideCursor: true,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(0, 0, { pages: 0, ocr: 0, facts: 0, failed: 0, rate: '0.0', file: '' });
    return {
      update(c, lastFile) {
        const rate = (c.done / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(1);
        bar.setTotal(c.total);
        bar.update(c.done, { pages: c.pages, ocr: c.ocrPages ?? 0, facts: c.facts, failed: c.failed, rate, file: lastFile ?? '' });
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
      const eta = rate > 0 ? Math.round((c.total - c.done) / rate) : 0;
      stream.write(
        `ingest: ${c.done}/${c.total} files, ${c.pages} pages${c.ocrPages ? ` (${c.ocrPages} OCR'd)` : ''}, ${c.facts} facts, ${c.failed} failed, ${c.skipped} skipped, ${rate.toFixed(1)} files/s, ETA ${eta}s${lastFile ? ` (${lastFile})` : ''}\n`,
      );
    },
    log(line) {
      stream.write(`${line}\n`);
    },
    stop() {},
  };
}
