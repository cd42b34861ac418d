import * as m001 from './001-initial.js';
import * as m002 from './002-section-path-index.js';
import * as m003 from './003-table-cells.js';
import * as m004 from './004-claims.js';
import * as m005 from './005-queue.js';
import * as m006 from './006-section-confidence.js';
import * as m007 from './007-page-reads.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Every schema change, in order. Append only: never edit a migration that has shipped. */
export const MIGRATIONS: Migration[] = [
  { version: 1, name: 'initial', sql: m001.sql },
  { version: 2, name: 'section-path-index', sql: m002.sql },
  { version: 3, name: 'table-cells', sql: m003.sql },
  { version: 4, name: 'claims', sql: m004.sql },
  { version: 5, name: 'queue', sql: m005.sql },
  { version: 6, name: 'section-confidence', sql: m006.sql },
  { version: 7, name: 'page-reads', sql: m007.sql },
];
