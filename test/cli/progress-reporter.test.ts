import { createProgressReporter } from '../../src/cli/ingest/progress-reporter.js';

/** A stderr stand-in that is not a terminal and keeps what is written. */
function sink(): NodeJS.WriteStream & { text: string } {
  const stream = {
    isTTY: false,
    text: '',
    write(chunk: string) {
      stream.text += chunk;
      return true;
    },
  };
  return stream as unknown as NodeJS.WriteStream & { text: string };
}

describe('createProgressReporter without a terminal', () => {
  it('prints plain lines with files, pages, OCR pages, facts and the file at hand', () => {
    const out = sink();
    const progress = createProgressReporter(out);
    progress.update({ done: 0, total: 2, pages: 0, ocrPages: 0, facts: 0, failed: 0, skipped: 0 });
    progress.update({ done: 2, total: 2, pages: 7, ocrPages: 3, facts: 41, failed: 1, skipped: 0 }, 'scan.pdf');
    const lines = out.text.trim().split('\n');
    expect(lines[0]).toMatch(/^ingest: 0\/2 files, 0 pages, 0 facts/);
    expect(lines[1]).toMatch(/^ingest: 2\/2 files, 7 pages \(3 OCR'd\), 41 facts, 1 failed, 0 skipped, .* \(scan\.pdf\)$/);
  });

  it('prints at most one line every 2 s until the batch is done', () => {
    const out = sink();
    const progress = createProgressReporter(out);
    for (let i = 0; i < 5; i++) progress.update({ done: i, total: 10, pages: i, facts: 0, failed: 0, skipped: 0 });
    expect(out.text.trim().split('\n')).toHaveLength(1);
  });

  it('prints nothing but failures when quiet', () => {
    const out = sink();
    const progress = createProgressReporter(out, true);
    progress.update({ done: 1, total: 1, pages: 1, facts: 1, failed: 0, skipped: 0 });
    progress.log('✗ a.pdf: not a readable PDF');
    expect(out.text).toBe('✗ a.pdf: not a readable PDF\n');
  });
});
