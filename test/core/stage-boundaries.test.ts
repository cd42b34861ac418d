import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';

/**
 * Stages import shapes and shared helpers, never each other (../shared/STYLE.md, rule 1): this
 * reads the import lines of every file under src/ and checks them against the rules below.
 */

const ROOT = process.cwd();

/** Where a relative import lands: `schemas`, a folder of src/ (`read`, `store` …), or elsewhere (`pipelines`). */
function target(fromFile: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined; // a package or node: builtin
  const to = posix.normalize(posix.join(posix.dirname(fromFile), spec));
  const parts = to.split('/');
  if (parts[0] === 'schemas') return 'schemas';
  if (parts[0] === 'src' && parts.length > 2) return parts[1];
  return parts[0];
}

/** The module specifiers a source file imports: static imports, re-exports and dynamic `import()`. */
function importsOf(source: string): string[] {
  const specs: string[] = [];
  for (const m of source.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s*['"]([^'"]+)['"]/gms)) specs.push(m[1]);
  for (const m of source.matchAll(/^import\s*['"]([^'"]+)['"]/gm)) specs.push(m[1]);
  for (const m of source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) specs.push(m[1]);
  return specs;
}

const STAGES = ['read', 'normalize', 'segment', 'extract', 'resolve', 'locate'];
const SHARED = ['schemas', 'core', 'text'];

/** What each folder of src/ may import besides itself and packages; folders not listed are not checked. */
const ALLOWED: Record<string, readonly string[]> = {
  ...Object.fromEntries(STAGES.map((s) => [s, SHARED])),
  store: SHARED,
  export: SHARED,
  core: ['schemas', 'text'],
  text: ['schemas'],
};

/** The imports of `file` (a path like `src/read/pdf-reader.ts`) that break the rules, as `file → spec (folder)`. */
function violations(file: string, source: string): string[] {
  const from = file.split('/')[1];
  const allowed = ALLOWED[from];
  if (!allowed) return [];
  return importsOf(source)
    .map((spec) => ({ spec, to: target(file, spec) }))
    .filter(({ to }) => to !== undefined && to !== from && !allowed.includes(to))
    .map(({ spec, to }) => `${file} → ${spec} (${to})`);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(e.name) ? [relative(ROOT, path).split(sep).join('/')] : [];
  });
}

/**
 * Whether a source file talks SQL: prepares or runs a statement, writes one (`SELECT … FROM`,
 * `INSERT INTO` …) or builds one with the query layer (`db.q.selectFrom(…)`, Kysely's `sql` tag).
 */
function speaksSql(source: string): boolean {
  return /\.prepare\(|\.exec\(\s*[`'"]|\bSELECT\b[^;`]*\bFROM\b|\bINSERT\s+INTO\b|\bDELETE\s+FROM\b|\bUPDATE\s+\w+\s+SET\b|\.(?:selectFrom|insertInto|updateTable|deleteFrom)\(|\bsql`/.test(
    source,
  );
}

describe('stage boundaries', () => {
  it('find the imports of a file: static, type-only, multi-line, re-exports, side effects and dynamic', () => {
    const source = [
      "import { a } from '../normalize/a.js';",
      "import type { B } from '../../schemas/b.js';",
      'import {',
      '  c,',
      '  d,',
      "} from '../text/c.js';",
      "export { e } from './e.js';",
      "import 'node:fs';",
      "const f = await import('../store/f.js');",
    ].join('\n');
    expect(importsOf(source)).toEqual(['../normalize/a.js', '../../schemas/b.js', '../text/c.js', './e.js', 'node:fs', '../store/f.js']);
  });

  it('tell a stage importing another stage, the store or export from one importing shapes and shared helpers', () => {
    const source = [
      "import { x } from '../normalize/legacy-encoding.js';",
      "import { y } from '../text/legacy-encoding.js';",
      "import { z } from '../../schemas/document.js';",
      "import { w } from './stage.js';",
      "import { v } from './pdf-lines.js';",
      "import { u } from '../store/open-db.js';",
      "import { t } from '../../pipelines/report-pipeline.js';",
      "import { getDocument } from 'pdfjs-dist';",
    ].join('\n');
    expect(violations('src/read/pdf-reader.ts', source)).toEqual([
      'src/read/pdf-reader.ts → ../normalize/legacy-encoding.js (normalize)',
      'src/read/pdf-reader.ts → ../store/open-db.js (store)',
      'src/read/pdf-reader.ts → ../../pipelines/report-pipeline.js (pipelines)',
    ]);
    expect(
      violations('src/store/document-store.ts', "import { r } from '../resolve/province-resolver.js';\nimport { s } from '../export/export-shapes.js';"),
    ).toEqual(['src/store/document-store.ts → ../resolve/province-resolver.js (resolve)', 'src/store/document-store.ts → ../export/export-shapes.js (export)']);
    expect(violations('src/cli/commands/compare-command.ts', "import { q } from '../../store/fact-query.js';")).toEqual([]);
  });

  it('hold in src/: no stage imports another stage, and store and export import only schemas/, core and text helpers', () => {
    const files = sourceFiles(join(ROOT, 'src'));
    expect(files.length).toBeGreaterThan(100);
    const broken = files.flatMap((file) => violations(file, readFileSync(join(ROOT, file), 'utf8')));
    expect(broken).toEqual([]);
    // every checked folder exists, so a rename cannot make a rule silently check nothing
    const folders = new Set(files.map((f) => f.split('/')[1]));
    for (const folder of Object.keys(ALLOWED)) expect(folders).toContain(folder);
  });

  it('keep SQL in src/store/: no other file prepares, runs or writes a statement', () => {
    expect(speaksSql("const n = db.prepare('SELECT COUNT(*) AS n FROM facts').get();")).toBe(true);
    expect(speaksSql('const sql = `SELECT f.id\n FROM facts f`;')).toBe(true);
    expect(speaksSql("const row = await db.q.selectFrom('facts').select('id').executeTakeFirst();")).toBe(true);
    expect(speaksSql("await db.q\n  .updateTable('facts')\n  .set({ status })")).toBe(true);
    expect(speaksSql('const rows = await sql`SELECT 1`.execute(db.q);')).toBe(true);
    expect(speaksSql("if (tag === 'INPUT' || tag === 'SELECT') return;")).toBe(false);
    expect(speaksSql('const label = select.value + " from " + list;')).toBe(false);
    const files = sourceFiles(join(ROOT, 'src')).filter((f) => !f.startsWith('src/store/'));
    expect(files.filter((file) => speaksSql(readFileSync(join(ROOT, file), 'utf8')))).toEqual([]);
  });
});
