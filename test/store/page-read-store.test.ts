import { openDb } from '../../src/store/open-db.js';
import { PageReadStore } from '../../src/store/page-read-store.js';
import type { OcrPage } from '../../schemas/ocr-page.js';
import { onEachBackend } from './backends.js';

const SHA = 'a'.repeat(64);
/** A page image as the read stage draws it (any bytes will do: the store keeps them as given). */
const image = (page: number) => Buffer.from(`P5\n4 2\n255\n${String(page).repeat(8)}`);
const read = (text: string): OcrPage => ({
  confidence: 91,
  lines: [{ confidence: 91, bbox: { x0: 1, y0: 2, x1: 30, y1: 12 }, words: [{ text, confidence: 91, bbox: { x0: 1, y0: 2, x1: 30, y1: 12 } }] }],
});

onEachBackend((backend) => {
  describe('the state of a scan read by page jobs', () => {
    it('keeps each page once, counts a page off once however often it is stored, and ends with the scan', async () => {
      const db = await openDb(await backend.fresh());
      const pages = new PageReadStore(db);
      try {
        for (const p of [1, 2, 3]) await pages.keep(SHA, { page: p, image: image(p), options: { page: p, dpi: 200, source: 'x.scan.pdf' } });
        await pages.keep(SHA, { page: 2, image: image(9), options: { page: 2 } }); // a document job run again: the page is kept already
        const scan = await pages.begin(SHA, 'x.scan.pdf', false, 3);
        expect(scan).toMatchObject({ name: 'x.scan.pdf', force: false, pages: 3, pagesLeft: 3 });
        expect(await pages.begin(SHA, 'x.scan.pdf', false, 2)).toEqual(scan); // started already: the same scan
        expect(await pages.wanted(SHA, 2)).toEqual({ page: 2, done: false, image: image(2), options: { page: 2, dpi: 200, source: 'x.scan.pdf' } });
        expect(await pages.store(SHA, 2, { result: read('hai') }, 'engine A')).toMatchObject({ pagesLeft: 2 });
        // the same page again (its job run twice): stored once, not counted again
        expect(await pages.store(SHA, 2, { result: read('other') }, 'engine B')).toMatchObject({ pagesLeft: 2 });
        expect(await pages.wanted(SHA, 2)).toEqual({ page: 2, done: true });
        expect(await pages.store(SHA, 1, { error: 'tesseract died' }, 'engine A')).toMatchObject({ pagesLeft: 1 });
        expect([...(await pages.readPages(SHA)).values()]).toEqual([
          { page: 1, engine: 'engine A', error: 'tesseract died' },
          { page: 2, engine: 'engine A', result: read('hai') },
        ]);
        expect((await pages.inProgress()).map((s) => [s.name, s.pagesLeft])).toEqual([['x.scan.pdf', 1]]);
        expect(await pages.store(SHA, 3, { result: read('ba') }, 'engine A')).toMatchObject({ pagesLeft: 0 });
        await pages.clear(SHA);
        expect(await pages.scan(SHA)).toBeUndefined();
        expect(await pages.wanted(SHA, 3)).toBeUndefined();
        expect(await pages.readPages(SHA)).toEqual(new Map());
      } finally {
        await db.close();
      }
    });

    // page jobs run on PostgreSQL only (the queue is pg-boss), so the race is a PostgreSQL case: SQLite's
    // connections in one process cannot wait for each other (no test is registered for it there, rather than one skipped)
    if (backend.name === 'postgres')
      it('pages stored at the same moment by different workers: exactly one of them sees none left', async () => {
        const url = await backend.fresh();
        const db = await openDb(url);
        const n = 8;
        try {
          const setup = new PageReadStore(db);
          for (let p = 1; p <= n; p++) await setup.keep(SHA, { page: p, image: image(p), options: { page: p } });
          await setup.begin(SHA, 'x.scan.pdf', false, n);
        } finally {
          await db.close();
        }
        // one connection pool per "worker", all storing at once
        const workers = [];
        for (let i = 0; i < n; i++) workers.push(await openDb(url));
        try {
          const left = await Promise.all(workers.map((w, i) => new PageReadStore(w).store(SHA, i + 1, { result: read(`p${i + 1}`) }, 'engine')));
          expect(left.map((s) => s?.pagesLeft).sort()).toEqual(Array.from({ length: n }, (_, i) => i));
        } finally {
          await Promise.all(workers.map((w) => w.close()));
        }
      });
  });
});
