/** The one queue solieu uses: a job per document to read (its own module: `status` names it without loading pg-boss). */
export const DOCUMENT_QUEUE = 'solieu-document';
