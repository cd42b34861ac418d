import type { Generated } from './kysely.js';

/**
 * The stored tables as the query layer (Kysely) sees them, on SQLite and PostgreSQL alike.
 * Column types are what a query writes and reads; rows read back are still parsed with their
 * zod schemas (`row-parser.ts`). Created by the numbered migrations in `migrations/`.
 */
export interface Tables {
  schema_migrations: { version: number; name: string; applied_at: string };
  documents: {
    id: string;
    sha256: string;
    path: string;
    name: string;
    size: number;
    format: string | null;
    status: string;
    title: string | null;
    province: string | null;
    province_id: string | null;
    agency: string | null;
    doc_number: string | null;
    issue_date: string | null;
    report_type: string | null;
    report_period: string | null;
    page_count: Generated<number>;
    pages_json: Generated<string>;
    text: Generated<string>;
    extractor_version: string;
    ingested_at: string;
  };
  blocks: {
    doc_id: string;
    idx: number;
    role: string;
    section: string;
    label: string | null;
    page: number;
    page_end: number | null;
    start: number;
    end: number;
    ocr_confidence: number | null;
  };
  sections: {
    doc_id: string;
    idx: number;
    path: string;
    label: string;
    level: number;
    kind: string;
    title: string;
    page: number;
    start: number;
    end: number;
    section_end: number;
    period: string | null;
  };
  section_confidence: { doc_id: string; idx: number; confidence: number };
  facts: {
    id: Generated<number>;
    doc_id: string;
    idx: number;
    quote: string;
    also: string | null;
    start: number;
    end: number;
    page: number;
    bbox: string | null;
    section: string;
    value: number;
    unit: string;
    base_value: number;
    base_unit: string;
    of: number | null;
    value_max: number | null;
    kind: string;
    aspect: string;
    direction: string | null;
    approx: string;
    metric: string;
    metric_id: string | null;
    period: string;
    confidence: number;
    evidence: Generated<string>;
    status: Generated<string>;
    version: Generated<number>;
  };
  messages: {
    doc_id: string;
    idx: number;
    severity: string;
    rule: string;
    reason: string;
    page: number | null;
    start: number | null;
    end: number | null;
  };
  corrections: {
    id: Generated<number>;
    doc_id: string;
    fact_start: number;
    fact_end: number;
    quote: string;
    action: string;
    before_json: string;
    after_json: string;
    reviewer: string;
    at: string;
  };
  runs: {
    id: Generated<number>;
    started_at: string;
    finished_at: string | null;
    extractor_version: string;
    command: string;
    files_seen: Generated<number>;
    stored: Generated<number>;
    skipped: Generated<number>;
    failed: Generated<number>;
    failures_json: Generated<string>;
  };
  fact_cells: { doc_id: string; idx: number; table_row: string; table_column: string };
  document_tables: { doc_id: string; idx: number; page: number; start: number | null; end: number | null; table_json: string };
  claims: { sha256: string; pid: number; host: string; claimed_at: string };
  source_files: { sha256: string; name: string; path: string; size: number; bytes: Buffer | null; store_dir: string | null; stored_at: string };
  queue_workers: {
    id: string;
    host: string;
    pid: number;
    started_at: string;
    seen_at: string;
    documents: Generated<number>;
    failed: Generated<number>;
    stopped_at: string | null;
  };
  page_scans: { sha256: string; scan_id: string; name: string; force: number; pages: number; pages_left: number; started_at: string };
  page_reads: {
    sha256: string;
    page: number;
    image: Buffer | null;
    options: string;
    result: string | null;
    error: string | null;
    engine: string | null;
    read_at: string | null;
  };
}
