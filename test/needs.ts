/**
 * Name suffixes of tests skipped for lack of a tool on this machine. The skip reporter
 * (`test/skip-reporter.js`) lists every skipped test whose name carries `[needs …]` at the end
 * of `npm test`, so such a skip is never silent.
 */
export const NEEDS_TESSERACT = '[needs the tesseract command: apt-get install tesseract-ocr, or bash scripts/install-tesseract.sh]';
export const NEEDS_CHROMIUM = '[needs Chromium at /usr/bin/chromium: bash scripts/install-chromium.sh]';

/** The `[needs …]` suffix for another reason (a mount, a file of ../shared). */
export function needs(what: string): string {
  return `[needs ${what.replace(/[[\]]/g, '')}]`;
}
