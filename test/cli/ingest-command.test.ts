import { copyFileSync, mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import PDFDocument from 'pdfkit';
import { ensureBuilt, solieu } from './cli-harness.js';
import { EXPORT_COLUMNS } from '../../schemas/fact.js';

const CORPUS = '../shared/corpus';

function encryptedPdf(path: string): Promise<void> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ userPassword: 'secret', ownerPassword: 'owner' });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => {
      writeFileSync(path, Buffer.concat(chunks));
      resolve();
    });
    doc.text('Bao cao mat');
    doc.end();
  });
}

describe('solieu ingest on a batch with bad files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'solieu-ingest-'));
  const db = join(dir, 'test.db');
  let first: ReturnType<typeof solieu>;

  beforeAll(async () => {
    ensureBuilt();
    copyFileSync(`${CORPUS}/003.source.txt`, join(dir, '003.txt'));
    copyFileSync(`${CORPUS}/004.docx`, join(dir, '004.docx'));
    copyFileSync(`${CORPUS}/002.pdf`, join(dir, '002.pdf'));
    writeFileSync(join(dir, 'corrupt.pdf'), Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 7)]));
    writeFileSync(join(dir, 'not-a-zip.docx'), 'this is plain text pretending to be Word');
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'notes.xyz'), 'x');
    writeFileSync(join(dir, 'huge.txt'), 'Có 12 trạm.\n'.repeat(400_000));
    await encryptedPdf(join(dir, 'locked.pdf'));
    copyFileSync(`${CORPUS}/003.scan.pdf`, join(dir, 'scan.pdf'));
    first = solieu([
      'ingest',
      join(dir, '003.txt'),
      join(dir, '004.docx'),
      join(dir, '002.pdf'),
      join(dir, 'corrupt.pdf'),
      join(dir, 'not-a-zip.docx'),
      join(dir, 'empty.txt'),
      join(dir, 'notes.xyz'),
      join(dir, 'huge.txt'),
      join(dir, 'locked.pdf'),
      join(dir, 'scan.pdf'),
      '--db',
      db,
      '--max-size',
      '4',
      '--ocr',
      'never',
      '--concurrency',
      '2',
    ]);
  });

  it('exits non-zero and names every bad file with its reason on one line', () => {
    expect(first.code).toBe(1);
    const failed = first.stdout.split('\n').filter((l) => l.includes('failed: '));
    const reasonOf = (name: string) => failed.find((l) => l.includes(name)) ?? '';
    expect(reasonOf('corrupt.pdf')).toMatch(/corrupt|invalid|damaged/i);
    expect(reasonOf('not-a-zip.docx')).toMatch(/not a valid \.docx/);
    expect(reasonOf('empty.txt')).toMatch(/empty/);
    expect(reasonOf('notes.xyz')).toMatch(/unsupported file type/);
    expect(reasonOf('huge.txt')).toMatch(/too large/);
    expect(reasonOf('locked.pdf')).toMatch(/password|encrypted/i);
    expect(reasonOf('scan.pdf')).toMatch(/OCR/);
    expect(failed).toHaveLength(7);
  });

  it('still stores the good files of the batch, whole, with sections and facts', () => {
    const sql = new Database(db, { readonly: true });
    const docs = sql.prepare("SELECT name, status FROM documents WHERE status IN ('ok','partial') ORDER BY name").all();
    expect(docs).toEqual([
      { name: '002.pdf', status: 'ok' },
      { name: '003.txt', status: 'ok' },
      { name: '004.docx', status: 'ok' },
    ]);
    for (const name of ['002.pdf', '003.txt', '004.docx']) {
      const counts = sql
        .prepare(
          'SELECT (SELECT COUNT(*) FROM sections s WHERE s.doc_id = d.id) AS sections, (SELECT COUNT(*) FROM facts f WHERE f.doc_id = d.id) AS facts FROM documents d WHERE name = ?',
        )
        .get(name) as { sections: number; facts: number };
      expect(counts.sections).toBeGreaterThan(5);
      expect(counts.facts).toBeGreaterThan(20);
    }
    sql.close();
  });

  it('records the run with its failures, shown by solieu status', () => {
    const status = solieu(['status', '--db', db]);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/seen 10, stored 3, skipped 0, failed 7/);
    expect(status.stdout).toContain('locked.pdf');
  });

  it('re-ingesting the same files is a no-op, and --force re-processes them', () => {
    const good = [join(dir, '003.txt'), join(dir, '004.docx')];
    const again = solieu(['ingest', ...good, '--db', db, '--quiet']);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/0 stored .*2 skipped/);
    const forced = solieu(['ingest', ...good, '--db', db, '--quiet', '--force']);
    expect(forced.stdout).toMatch(/2 stored .*0 skipped/);
    const sql = new Database(db, { readonly: true });
    expect(sql.prepare("SELECT COUNT(*) n FROM documents WHERE name = '003.txt'").get()).toEqual({ n: 1 });
    sql.close();
  });

  it('show --json prints the contract shape with the heading tree', () => {
    const shown = solieu(['show', '003.txt', '--db', db, '--json']);
    expect(shown.code).toBe(0);
    const json = JSON.parse(shown.stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual([
      'doc_id',
      'file',
      'title',
      'province',
      'agency',
      'doc_number',
      'issue_date',
      'report_period',
      'report_type',
      'status',
      'sections',
      'messages',
      'tables',
    ]);
    expect(json).toMatchObject({ file: '003.txt', province: 'Ninh Thuận', report_period: '2021-01', status: 'ok' });
    // what the text view shows of the header is in the JSON too (issue 15)
    const text = solieu(['show', '003.txt', '--db', db]).stdout;
    const rows: Record<string, string> = { agency: 'agency', doc_number: 'number', issue_date: 'issued' };
    for (const [key, label] of Object.entries(rows)) {
      expect(key in json).toBe(true);
      expect(text).toMatch(new RegExp(`^${label} +${json[key] === null ? '—' : String(json[key])}$`, 'm'));
    }
    expect((json.sections as { path: string }[]).map((s) => s.path)).toContain('I/2/b');
    const missing = solieu(['show', 'nope.pdf', '--db', db]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no document "nope.pdf"/);
  });

  it('facts --json prints one export-shaped object per line, Vietnamese intact', () => {
    const out = solieu(['facts', '--db', db, '--doc', '003.txt', '--json']);
    const lines = out.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.length).toBeGreaterThan(20);
    expect(Object.keys(lines[0])[0]).toBe('doc_id');
    expect(Object.keys(lines[0])).toEqual(EXPORT_COLUMNS);
    // every gold fact is there: a stored quote inside the gold quote (gold quotes may carry modifiers) with the gold value
    const gold = readFileSync('../shared/gold/003.gold.jsonl', 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { quote: string; value: number; optional?: boolean });
    const required = gold.filter((g) => !g.optional);
    const found = required.filter((g) => lines.some((l) => l.value === g.value && g.quote.includes(String(l.quote))));
    expect(found.length / required.length).toBeGreaterThan(0.95);
    // Vietnamese intact: section titles and metric phrases keep their diacritics, NFC
    const titles = lines.map((l) => String(l.section_title));
    expect(titles).toContain('Lĩnh vực bưu chính, viễn thông');
    for (const l of lines) expect(String(l.quote)).toBe(String(l.quote).normalize('NFC'));
  });

  it('compare lines up one metric across reports, by the province as written or as it is after the 2025 merger', () => {
    const parse = (args: string[]) =>
      JSON.parse(solieu(['compare', '--metric', 'telecom-revenue', '--db', db, '--format', 'json', ...args]).stdout) as {
        metric_id: string;
        rows: { province: string; value: number; unit: string; report_period: string }[];
      };
    const written = parse([]);
    expect(written.metric_id).toBe('telecom-revenue');
    expect(written.rows.map((r) => r.province).sort()).toEqual(['Nam Định', 'Ninh Thuận']);
    for (const r of written.rows) expect(r.unit).toBe('VND');
    const current = parse(['--province', 'current']);
    expect(current.rows.map((r) => r.province)).toEqual(['Khánh Hòa (Ninh Thuận)', 'Ninh Bình (Nam Định)']);
    expect(current.rows.map((r) => r.value).sort()).toEqual(written.rows.map((r) => r.value).sort());
    const bad = solieu(['compare', '--metric', 'telecom-revenue', '--db', db, '--province', 'later']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/--province must be written or current/);
  });
});
