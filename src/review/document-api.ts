import { BBox } from '../../schemas/provenance.js';
import type { Db } from '../store/db.js';
import { documentFacts, listDocuments, viewDocument } from '../store/review-view-query.js';
import { DRAWN_ORIGINS } from './fact-detail.js';
import { IMAGE_FILE, PAGE_SCALE, renderPageImage, type PageImage } from './page-image.js';
import { notFound, type JsonReply } from './review-api.js';
import { sentenceAround } from './sentence-window.js';

export async function getDocuments(db: Db): Promise<JsonReply> {
  return { status: 200, body: { documents: await listDocuments(db) } };
}

/**
 * The document view: the document, whether its pages can be drawn (PDF, image), the scale of
 * the page images (pixels per box unit), and every fact with its page, box and sentence.
 */
export async function getDocumentView(db: Db, docId: string): Promise<JsonReply> {
  const doc = await viewDocument(db, docId);
  if (!doc) return notFound(`document ${docId.slice(0, 80)}`);
  const drawable = /\.pdf$/i.test(doc.path) || IMAGE_FILE.test(doc.path);
  const origins = new Map(doc.pages_json.map((p) => [p.page, p.origin ?? '']));
  const facts = (await documentFacts(db, docId)).map((f) => {
    const box = f.bbox ? BBox.safeParse(JSON.parse(f.bbox)) : undefined;
    const { bbox: _stored, ...rest } = f;
    return {
      ...rest,
      bbox: box?.success && DRAWN_ORIGINS.includes(origins.get(f.page) ?? '') ? box.data : null,
      sentence: sentenceAround(doc.text, f.start, f.end),
    };
  });
  return {
    status: 200,
    body: {
      document: { doc_id: doc.id, file: doc.name, title: doc.title, province: doc.province, report_period: doc.report_period, pages: doc.page_count },
      pageImages: drawable,
      pageScale: IMAGE_FILE.test(doc.path) ? 1 : PAGE_SCALE,
      facts,
    },
  };
}

export async function getPageImage(db: Db, docId: string, page: number): Promise<PageImage> {
  const doc = await viewDocument(db, docId);
  if (!doc) return { status: 404, error: `document ${docId.slice(0, 80)} not found` };
  return renderPageImage(db, doc.id, page);
}
