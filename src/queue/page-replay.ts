import type { OcrPage } from '../../schemas/ocr-page.js';
import { PageReadOptions } from '../../schemas/page-job.js';
import type { OcrScheduler, RecognizeOptions } from '../read/ocr/ocr-scheduler.js';
import type { PageRead, WantedPage } from '../store/page-read-store.js';

/** The OCR scheduler a queue worker's read stage gets for one document, and the pages it asked for that no page job has read yet. */
export interface PageReplay {
  scheduler: OcrScheduler;
  /** The pages asked for that no page job has read, in the order asked. */
  wanted: number[];
}

/** What a page not read yet reads as while its document is only being looked through for pages to OCR: nothing. */
const NOT_READ_YET: OcrPage = { confidence: 0, lines: [] };

/**
 * The read stage OCRs a scan's pages through this scheduler in a queue worker: the read stage
 * draws each page, finds its ruled tables and erases their borders as on the plain path, then
 * hands the image to `recognize`. A page a page job has read is answered with what OCR read on
 * it then (its error, if it failed), so every step after the engine — the stroke count of heading
 * labels, number and tone-mark repairs, tables, the whole pipeline — runs on it as `solieu
 * ingest` runs on what its own engine reads. A page not read yet is kept (the image exactly as
 * drawn, and the engine's options, handed to `keep` to store) for a page job, and reads as
 * blank meanwhile: the document
 * read with such pages is not stored.
 */
export function pageReplay(read: Map<number, PageRead>, keep: (page: WantedPage) => Promise<void>): PageReplay {
  const wanted: number[] = [];
  const engines = [...new Set([...read.values()].map((p) => p.engine))].filter((e) => e !== '');
  const scheduler: OcrScheduler = {
    workers: 1,
    engine: 'native',
    description: engines.length > 0 ? engines.join('; ') : 'page jobs (not read yet)',
    recognize(image: Buffer, options: RecognizeOptions = {}): Promise<OcrPage> {
      const page = options.page;
      if (page === undefined)
        throw new Error('pageReplay: the read stage asked for an image without its page number; page jobs need one (RecognizeOptions.page)');
      const done = read.get(page);
      // a copy: the reader corrects the result in place (heading labels by stroke count)
      if (done?.result) return Promise.resolve(structuredClone(done.result));
      if (done) return Promise.reject(new Error(done.error));
      if (wanted.includes(page)) return Promise.resolve(structuredClone(NOT_READ_YET));
      wanted.push(page);
      // stored as it comes (the read stage draws a few pages ahead at most): a long scan's images are never all in memory
      return keep({ page, image, options: PageReadOptions.parse({ ...options, page }) }).then(() => structuredClone(NOT_READ_YET));
    },
    terminate: () => Promise.resolve(),
  };
  return { scheduler, wanted };
}
