/**
 * The baseline process of the ingest-cpu bench section: bare pdfjs-dist `getTextContent` over
 * every page of the PDFs given, one after the other, in one plain Node process (no tsx), with
 * the getDocument parameters solieu's PDF reader uses (`pdfjsParams` of the built
 * src/read/pdf-document.ts). Prints `<files> files, <pages> pages, <chars> characters`.
 *
 *   node scripts/bench/bare-pdfjs.mjs a.pdf b.pdf …      (needs `npm run build`)
 */
import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { pdfjsParams } from '../../dist/src/read/pdf-document.js';

let pages = 0;
let chars = 0;
const files = process.argv.slice(2);
for (const path of files) {
  const pdf = await getDocument(pdfjsParams(new Uint8Array(readFileSync(path)))).promise;
  try {
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      for (const item of content.items) if ('str' in item) chars += item.str.length;
      page.cleanup();
    }
    pages += pdf.numPages;
  } finally {
    await pdf.destroy();
  }
}
console.log(`${files.length} files, ${pages} pages, ${chars} characters`);
