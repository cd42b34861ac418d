import * as m001 from './001-initial.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Every schema change, in order. Append only: never edit a migration that has shipped. */
export const MIGRATIONS: Migration[] = [{ version: 1, name: 'initial', sql: m001.sql }];
