import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from '../../schemas/zod.js';
import type { Db } from './db.js';
import { parseOptionalRow } from './row-parser.js';

/** A file given to `ingest --queue`, as the workers find it. */
export interface QueuedFile {
  sha256: string;
  name: string;
  /** Where it was read from (kept as the document's path, as a plain ingest keeps it). */
  path: string;
  size: number;
}

const SourceFileRow = z.object({
  sha256: z.string(),
  name: z.string(),
  path: z.string(),
  size: z.number().int().nonnegative(),
  bytes: z.instanceof(Uint8Array).nullable(),
  store_dir: z.string().nullable(),
});

/** Where a shared folder keeps a file: `DIR/ab/abcdef…` by its hash. */
function storedPath(dir: string, sha256: string): string {
  return join(dir, sha256.slice(0, 2), sha256);
}

/**
 * The files of the queue, stored once by content hash: their bytes in the database (the
 * default: every worker that reaches the database reaches them) or in a shared folder
 * (`--store DIR`, mounted at the same place on every worker; the database then keeps only
 * the folder). Storing a file whose content is there already changes nothing.
 */
export async function storeSourceFile(db: Db, file: QueuedFile, bytes: Buffer, storeDir?: string): Promise<void> {
  if (storeDir) {
    const target = storedPath(storeDir, file.sha256);
    if (!existsSync(target)) {
      mkdirSync(join(storeDir, file.sha256.slice(0, 2)), { recursive: true });
      const partial = `${target}.${process.pid}.part`;
      writeFileSync(partial, bytes);
      renameSync(partial, target); // whole or absent: a worker never reads half a file
    }
  }
  await db.q
    .insertInto('source_files')
    .values({
      ...file,
      name: file.name || basename(file.path),
      bytes: storeDir ? null : bytes,
      store_dir: storeDir ?? null,
      stored_at: new Date().toISOString(),
    })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
}

/** A stored file and its bytes; undefined when no file with this hash was stored. */
export async function loadSourceFile(db: Db, sha256: string): Promise<{ file: QueuedFile; bytes: Buffer } | undefined> {
  const row = parseOptionalRow(
    SourceFileRow,
    await db.q.selectFrom('source_files').select(['sha256', 'name', 'path', 'size', 'bytes', 'store_dir']).where('sha256', '=', sha256).executeTakeFirst(),
    'source file',
  );
  if (!row) return undefined;
  const bytes = row.bytes ? Buffer.from(row.bytes) : row.store_dir ? readFileSync(storedPath(row.store_dir, sha256)) : undefined;
  if (!bytes) throw new Error(`the stored file ${row.name} (${sha256.slice(0, 12)}) has neither bytes nor a folder; the database was changed outside solieu`);
  return { file: { sha256: row.sha256, name: row.name, path: row.path, size: row.size }, bytes };
}
