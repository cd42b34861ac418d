/** The queues solieu uses (their own module: `status` names them without loading pg-boss). */
/** A job per document to read. */
export const DOCUMENT_QUEUE = 'solieu-document';
/** A scan's page jobs (one page to OCR each) and, when its last page is read, the job that assembles and commits it. */
export const PAGE_QUEUE = 'solieu-page';
