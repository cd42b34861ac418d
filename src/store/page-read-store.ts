import { deflateSync, inflateSync } from 'node:zlib';
import { randomUUID } from 'node:crypto';
import { z } from '../../schemas/zod.js';
import { OcrPage } from '../../schemas/ocr-page.js';
import { PageReadOptions } from '../../schemas/page-job.js';
import { writeTransaction, type Db } from './db.js';
import { parseRow, parseRows } from './row-parser.js';

/** A page a page job has read: what the OCR engine read, or why it could not. */
export interface PageRead {
  page: number;
  result?: OcrPage;
  error?: string;
  /** Which engine and model read it (the scheduler's description, for the document's messages). */
  engine: string;
}

/** A page the read stage drew for OCR and a page job is to read. */
export interface WantedPage {
  page: number;
  /** The image exactly as the read stage would have given the OCR engine (PGM). */
  image: Buffer;
  options: PageReadOptions;
}

const ScanRow = z.object({
  sha256: z.string(),
  scan_id: z.string(),
  name: z.string(),
  force: z.number().int(),
  pages: z.number().int(),
  pages_left: z.number().int(),
  started_at: z.string(),
});

/** A scan whose pages are being read by page jobs. */
export interface Scan {
  sha256: string;
  /** Names the scan's page jobs and the job that assembles it (a new one for every scan, `--force` included). */
  scanId: string;
  name: string;
  force: boolean;
  pages: number;
  pagesLeft: number;
  startedAt: string;
}

const toScan = (r: z.infer<typeof ScanRow>): Scan => ({
  sha256: r.sha256,
  scanId: r.scan_id,
  name: r.name,
  force: r.force === 1,
  pages: r.pages,
  pagesLeft: r.pages_left,
  startedAt: r.started_at,
});

const ReadRow = z.object({ page: z.number().int(), result: z.string().nullable(), error: z.string().nullable(), engine: z.string().nullable() });
const WantedRow = z.object({ page: z.number().int(), image: z.instanceof(Uint8Array).nullable(), options: z.string(), done: z.number().int() });

/**
 * The state of the queue's page jobs (`page_scans`, `page_reads`, migration 7): a scan's pages
 * to read, each stored once by (document, page) whatever number of times its job runs, and the
 * count of pages left, decremented in the transaction that stores a page — so exactly one
 * page job sees the last page stored, and one killed after storing its page finds it stored
 * when it is run again.
 */
export class PageReadStore {
  constructor(private readonly db: Db) {}

  /** The pages of this content read so far, by page number. */
  async readPages(sha256: string): Promise<Map<number, PageRead>> {
    const rows = parseRows(
      ReadRow,
      await this.db.q
        .selectFrom('page_reads')
        .select(['page', 'result', 'error', 'engine'])
        .where('sha256', '=', sha256)
        .where((e) => e.or([e('result', 'is not', null), e('error', 'is not', null)]))
        .execute(),
      'page read',
    );
    return new Map(
      rows.map((r) => [
        r.page,
        { page: r.page, engine: r.engine ?? '', ...(r.result !== null ? { result: OcrPage.parse(JSON.parse(r.result)) } : { error: r.error ?? '' }) },
      ]),
    );
  }

  /** Keep a page to read (its image as drawn for OCR), once: a document job run again finds it kept. */
  async keep(sha256: string, wanted: WantedPage): Promise<void> {
    await this.db.q
      .insertInto('page_reads')
      .values({ sha256, page: wanted.page, image: deflateSync(wanted.image, { level: 1 }), options: JSON.stringify(PageReadOptions.parse(wanted.options)) })
      .onConflict((oc) => oc.columns(['sha256', 'page']).doNothing())
      .execute();
  }

  /**
   * Start a scan whose `pages` are kept (`keep`) and not read yet, or find the scan started
   * already (a document job run again): its row is inserted once, with the count of pages left.
   */
  async begin(sha256: string, name: string, force: boolean, pages: number): Promise<Scan> {
    await this.db.q
      .insertInto('page_scans')
      .values({ sha256, scan_id: randomUUID(), name, force: force ? 1 : 0, pages, pages_left: pages, started_at: new Date().toISOString() })
      .onConflict((oc) => oc.column('sha256').doNothing())
      .execute();
    const scan = await this.scan(sha256);
    if (!scan) throw new Error(`the scan of ${name} was ended while it was being started; queue the file again`);
    return scan;
  }

  /** The scan of this content in progress, if any. */
  async scan(sha256: string): Promise<Scan | undefined> {
    const row = await this.db.q.selectFrom('page_scans').selectAll().where('sha256', '=', sha256).executeTakeFirst();
    return row ? toScan(parseRow(ScanRow, row, 'scan')) : undefined;
  }

  /** A page to read: its image and how to read it (`done` when a run of its job stored it already), or undefined when its scan is over. */
  async wanted(sha256: string, page: number): Promise<(WantedPage & { done: false }) | { page: number; done: true } | undefined> {
    const row = await this.db.q
      .selectFrom('page_reads')
      .select((e) => [
        'page',
        'image',
        'options',
        e
          .case()
          .when(e.or([e('result', 'is not', null), e('error', 'is not', null)]))
          .then(1)
          .else(0)
          .end()
          .as('done'),
      ])
      .where('sha256', '=', sha256)
      .where('page', '=', page)
      .executeTakeFirst();
    if (!row) return undefined;
    const r = parseRow(WantedRow, row, 'page read');
    if (r.done === 1 || r.image === null) return { page, done: true };
    return { page, done: false, image: inflateSync(r.image), options: PageReadOptions.parse(JSON.parse(r.options)) };
  }

  /**
   * Store what OCR read on a page (or the engine's error) and count it off its scan, in one
   * transaction; a page stored already is not counted twice. Returns the scan after it, or
   * undefined when the scan is over (its document committed).
   */
  async store(sha256: string, page: number, outcome: { result: OcrPage } | { error: string }, engine: string): Promise<Scan | undefined> {
    return writeTransaction(this.db, async (tx) => {
      const updated = await tx.q
        .updateTable('page_reads')
        .set({
          result: 'result' in outcome ? JSON.stringify(outcome.result) : null,
          error: 'error' in outcome ? outcome.error : null,
          engine,
          image: null,
          read_at: new Date().toISOString(),
        })
        .where('sha256', '=', sha256)
        .where('page', '=', page)
        .where('result', 'is', null)
        .where('error', 'is', null)
        .executeTakeFirst();
      const row =
        Number(updated.numUpdatedRows) === 1
          ? await tx.q
              .updateTable('page_scans')
              .set((e) => ({ pages_left: e('pages_left', '-', 1) }))
              .where('sha256', '=', sha256)
              .returningAll()
              .executeTakeFirst()
          : await tx.q.selectFrom('page_scans').selectAll().where('sha256', '=', sha256).executeTakeFirst();
      return row ? toScan(parseRow(ScanRow, row, 'scan')) : undefined;
    });
  }

  /** The scan is over (its document committed): its rows go. */
  async clear(sha256: string): Promise<void> {
    await writeTransaction(this.db, async (tx) => {
      await tx.q.deleteFrom('page_reads').where('sha256', '=', sha256).execute();
      await tx.q.deleteFrom('page_scans').where('sha256', '=', sha256).execute();
    });
  }

  /** Scans in progress, oldest first (for `status`). */
  async inProgress(): Promise<Scan[]> {
    return parseRows(ScanRow, await this.db.q.selectFrom('page_scans').selectAll().orderBy('started_at').orderBy('name').execute(), 'scan').map(toScan);
  }
}
