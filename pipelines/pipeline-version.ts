/**
 * Version of the extraction pipeline stored with every document and run. Bump it when a
 * change to any stage changes what is stored, so re-ingestion knows old results are stale.
 */
export const PIPELINE_VERSION = 'solieu-0.1.0/p365';
