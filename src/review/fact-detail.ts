import { BBox } from '../../schemas/provenance.js';
import type { FactState } from '../../schemas/stored-fact.js';
import type { Db } from '../store/db.js';
import { factRecord } from '../store/review-query.js';
import { sentenceAround, type SentenceWindow } from './sentence-window.js';

/** Page origins whose facts carry a box in the page's own units (PDF points; image pixels): the crop can be drawn. */
export const DRAWN_ORIGINS: readonly string[] = ['text-layer', 'ocr'];

export interface FactDetail {
  fact: FactState & {
    page: number;
    bbox: BBox | null;
    section: string;
    confidence: number;
    evidence: string[];
  };
  document: { doc_id: string; file: string; title: string; province: string; report_period: string; pages: number };
  /** The section and its ancestors, outermost first (`I`, `I/2`, `I/2/b`). */
  sections: { path: string; title: string }[];
  sentence: SentenceWindow;
  /** How the page's text was obtained (facts on `text-layer` and `ocr` pages may have an image crop). */
  pageOrigin: string | null;
  /** Whether `GET /api/facts/:id/crop.png` can render the region of this fact. */
  cropAvailable: boolean;
}

/** Everything the fact panel shows about one fact; undefined for an unknown id. */
export async function factDetail(db: Db, factId: number): Promise<FactDetail | undefined> {
  const record = await factRecord(db, factId);
  if (!record) return undefined;
  const { state, place, document: d, sections } = record;
  const bbox = place.bbox ? BBox.safeParse(JSON.parse(place.bbox)) : undefined;
  const pageOrigin = d.pages_json.find((p) => p.page === place.page)?.origin ?? null;
  const drawable = /\.(pdf|png|jpe?g|webp)$/i.test(d.path);
  return {
    fact: {
      ...state,
      page: place.page,
      bbox: bbox?.success ? bbox.data : null,
      section: place.section,
      confidence: place.confidence,
      evidence: place.evidence,
    },
    document: { doc_id: d.id, file: d.name, title: d.title, province: d.province, report_period: d.report_period, pages: d.page_count },
    sections,
    sentence: sentenceAround(d.text, state.start, state.end),
    pageOrigin,
    cropAvailable: drawable && DRAWN_ORIGINS.includes(pageOrigin ?? '') && bbox?.success === true,
  };
}
