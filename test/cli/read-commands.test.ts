import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { recordDecision } from '../../src/store/correction-log.js';
import { queryFacts } from '../../src/store/fact-query.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import { openDb } from '../../src/store/open-db.js';
import { ensureBuilt, solieu } from './cli-harness.js';
import { cannotMount, mountTmpfs, type MountedPlace } from './fs-places.js';
import { needs } from '../needs.js';

const FIXTURE = 'fixtures/reports/bao-cao-thang-8-2021.txt';

describe('solieu compare, facts and the other read commands', () => {
  const dir = mkdtempSync(join(tmpdir(), 'solieu-read-'));
  const db = join(dir, 'read.db');

  beforeAll(() => {
    ensureBuilt();
    const r = solieu(['ingest', FIXTURE, '--db', db, '--ocr', 'never']);
    if (r.code !== 0) throw new Error(`ingest of the fixture failed: ${r.stdout}${r.stderr}`);
  });

  it('compare --metric with words that one catalog metric holds compares that metric, and says which', () => {
    const r = solieu(['compare', '--metric', 'thanh toán trực tuyến', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('catalog metric online-payment-share');
    expect(r.stdout).toMatch(/^Tỷ lệ hồ sơ có thanh toán trực tuyến \(online-payment-share\)$/m);
  });

  it('compare --metric with words no catalog metric holds compares the facts by phrase and lists the phrases grouped', () => {
    const r = solieu(['compare', '--metric', 'thuê bao di động trả trước', '--by-phrase', '--db', db, '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { metric_id: null; rows: { value: number; unit: string }[]; phrases: { phrase: string; facts: number }[] };
    expect(out.metric_id).toBeNull();
    expect(out.rows.length).toBeGreaterThan(0);
    expect(new Set(out.rows.map((x) => x.unit)).size).toBe(1);
    expect(out.phrases.length).toBeGreaterThan(0);
    for (const p of out.phrases) expect(p.phrase.toLowerCase()).toContain('di động');
    const none = solieu(['compare', '--metric', 'xyz không có từ này', '--db', db]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('no stored fact has a metric phrase with the words');
  });

  it('compare --metric with words that fit several metrics lists them by id, and one of the ids then works', () => {
    const r = solieu(['compare', '--metric', 'thuê bao', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/"thuê bao" names no single metric; \d+ catalog metrics could be meant — pick one with --metric <id>/);
    expect(r.stderr).toMatch(/^ {2}mobile-subscribers +Thuê bao điện thoại di động$/m);
    const picked = solieu(['compare', '--metric', 'mobile-subscribers', '--db', db]);
    expect(picked.code).toBe(0);
    expect(picked.stdout.split('\n')[0]).toBe('Thuê bao điện thoại di động (mobile-subscribers)');
  });
});

describe('solieu facts', () => {
  const db = join(mkdtempSync(join(tmpdir(), 'solieu-facts-')), 'facts.db');
  beforeAll(() => {
    ensureBuilt();
    const r = solieu(['ingest', FIXTURE, '--db', db, '--ocr', 'never', '--quiet']);
    if (r.code !== 0) throw new Error(`ingest of the fixture failed: ${r.stdout}${r.stderr}`);
  });

  it('lists the lowest confidence first, as its --help says, in text and in --json', () => {
    expect(solieu(['facts', '--help']).stdout).toContain('lowest confidence first');
    const lines = solieu(['facts', '--db', db]).stdout.trimEnd().split('\n').slice(1);
    const conf = lines.map((l) => Number(l.slice(8, 12)));
    expect(conf.length).toBeGreaterThan(20);
    expect(new Set(conf).size).toBeGreaterThan(1);
    expect(conf).toEqual([...conf].sort((a, b) => a - b));
    const json = solieu(['facts', '--db', db, '--json'])
      .stdout.trimEnd()
      .split('\n')
      .map((l) => (JSON.parse(l) as { confidence: number }).confidence);
    expect(json).toEqual([...json].sort((a, b) => a - b));
    const docOrder = solieu(['facts', '--db', db, '--order', 'document', '--json'])
      .stdout.trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { quote: string });
    const text = readFileSync(FIXTURE, 'utf8');
    const positions = docOrder.map((f) => text.indexOf(f.quote));
    expect(positions.filter((p, i) => i > 0 && p < positions[i - 1]).length).toBeLessThan(3);
  });

  it('prints a header row naming the columns above the facts', () => {
    const out = solieu(['facts', '--db', db]).stdout.split('\n');
    expect(out[0]).toBe('    id  conf  status    section    value unit  [kind/aspect/direction/approx] period  metric → metric_id  «quote» file:page');
    expect(out[1]).toMatch(/^ {0,5}\d+ {2}[01]\.\d\d {2}\w+ +\S+ /);
  });

  it("--history prints a fact's corrections oldest first, with what changed, in text and in --json", async () => {
    const reviewed = join(dirname(db), 'reviewed.db');
    copyFileSync(db, reviewed);
    const store = await openDb(reviewed);
    const [fact] = await queryFacts(store, { limit: 1 });
    const unreviewed = solieu(['facts', '--db', reviewed, '--history', String(fact.id)]);
    expect(unreviewed.stdout).toBe(`fact ${fact.id} «${fact.quote}» has not been reviewed\n`);
    await recordDecision(store, { factId: fact.id, expectedVersion: 1, action: 'accept', reviewer: 'Lan' });
    await recordDecision(store, { factId: fact.id, expectedVersion: 2, action: 'correct', fields: { value: fact.value + 1 }, reviewer: 'Minh' });
    await store.close();
    const text = solieu(['facts', '--db', reviewed, '--history', String(fact.id)]);
    expect(text.code).toBe(0);
    const lines = text.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\S+ {2}Lan {2}accept: status "auto" → "accepted"$/);
    expect(lines[1]).toMatch(new RegExp(`^\\S+ {2}Minh {2}correct: value ${fact.value} → ${fact.value + 1}, status "accepted" → "corrected"$`));
    const json = solieu(['facts', '--db', reviewed, '--history', String(fact.id), '--json'])
      .stdout.trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { action: string; reviewer: string; before: { value: number }; after: { value: number; status: string } });
    expect(json.map((c) => [c.action, c.reviewer, c.before.value, c.after.value, c.after.status])).toEqual([
      ['accept', 'Lan', fact.value, fact.value, 'accepted'],
      ['correct', 'Minh', fact.value, fact.value + 1, 'corrected'],
    ]);
    const unknown = solieu(['facts', '--db', reviewed, '--history', '999999']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no fact with id 999999');
  });
});

describe('solieu commands on a missing, foreign or newer database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'solieu-dbs-'));
  const good = join(dir, 'good.db');

  beforeAll(() => {
    ensureBuilt();
    const r = solieu(['ingest', FIXTURE, '--db', good, '--ocr', 'never', '--quiet']);
    if (r.code !== 0) throw new Error(`ingest of the fixture failed: ${r.stdout}${r.stderr}`);
  });

  it('ingest of a missing file names it, exits 1, shows no progress and creates no database', () => {
    const db = join(dir, 'never.db');
    const r = solieu(['ingest', join(dir, 'missing.txt'), '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`solieu: ${join(dir, 'missing.txt')}: no such file or folder`);
    expect(r.stderr).toContain(`solieu: nothing to ingest; ${db} was not touched`);
    expect(r.stderr).not.toMatch(/0\/0/);
    expect(r.stdout).toBe('');
    expect(existsSync(db)).toBe(false);
  });

  it('facts on a missing database names the file and creates nothing', () => {
    const db = join(dir, 'absent.db');
    const r = solieu(['facts', '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`solieu: no database at ${db}: nothing has been ingested into it yet (solieu ingest <files> --db ${db})\n`);
    expect(existsSync(db)).toBe(false);
  });

  it('every command given a file that is not SQLite names the file', () => {
    const notDb = join(dir, 'notes.db');
    writeFileSync(notDb, 'Báo cáo tháng 8: đây là văn bản, không phải cơ sở dữ liệu.\n'.repeat(100));
    for (const args of [['facts'], ['status'], ['export', '--format', 'csv', '--out', join(dir, 'x.csv')], ['ingest', FIXTURE, '--quiet']]) {
      const r = solieu([...args, '--db', notDb]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(
        new RegExp(`^solieu: ${notDb.replace(/[.]/g, '\\.')} is not an SQLite database \\(SQLite says: file is not a database\\); check --db\\n$`),
      );
    }
  });

  it('every command refuses a database of a newer schema, naming it and both versions', () => {
    const newer = join(dir, 'newer.db');
    copyFileSync(good, newer);
    const sql = new Database(newer);
    sql.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'future', '2099-01-01')").run();
    sql.close();
    const commands = [
      ['facts'],
      ['status'],
      ['show', 'bao-cao-thang-8-2021.txt'],
      ['compare', '--metric', 'mobile-subscribers'],
      ['export', '--format', 'jsonl', '--out', join(dir, 'x.jsonl')],
      ['metrics', '--unmatched'],
      ['ingest', FIXTURE, '--quiet'],
    ];
    for (const args of commands) {
      const r = solieu([...args, '--db', newer]);
      expect({ args, code: r.code, stderr: r.stderr }).toEqual({
        args,
        code: 2,
        stderr: `solieu: ${newer}: database schema version 99 is newer than this solieu (${MIGRATIONS.at(-1)?.version}); upgrade solieu to read it\n`,
      });
    }
    expect(existsSync(join(dir, 'x.jsonl'))).toBe(false);
  });

  it('a read command upgrades a database of an older schema first, as ingest would, then reads it', () => {
    const older = join(dir, 'older.db');
    copyFileSync(good, older);
    const sql = new Database(older);
    const newest = MIGRATIONS.at(-1) as (typeof MIGRATIONS)[number];
    sql.prepare('DELETE FROM schema_migrations WHERE version = ?').run(newest.version);
    sql.exec('DROP INDEX IF EXISTS sections_doc_path');
    sql.close();
    const r = solieu(['facts', '--db', older]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^\d+ fact\(s\)\n$/);
    const after = new Database(older, { readonly: true });
    expect((after.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number }).v).toBe(newest.version);
    after.close();
  });

  it("ingest refuses to add its tables to an SQLite database that is not solieu's", () => {
    const foreign = join(dir, 'foreign.db');
    const sql = new Database(foreign);
    sql.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)');
    sql.close();
    const r = solieu(['ingest', FIXTURE, '--db', foreign, '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`solieu: ${foreign} is an SQLite database but not a solieu one (tables invoices); give --db a new file or a solieu database\n`);
    const facts = solieu(['facts', '--db', foreign]);
    expect(facts.stderr).toBe(`solieu: ${foreign} is an SQLite database but not a solieu one (it has no schema_migrations table); check --db\n`);
  });

  it('a --db in a place where no folder can be made fails at once, naming the folder', () => {
    const started = Date.now();
    const r = spawnSync(process.execPath, ['bin/solieu.js', 'ingest', FIXTURE, '--db', '/proc/self/x/y.db', '--quiet'], { encoding: 'utf8', timeout: 20_000 });
    expect(r.signal).toBeNull();
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^solieu: cannot create the folder \/proc\/self\/x for the database \/proc\/self\/x\/y\.db: /);
  });
});

const roDir = join(mkdtempSync(join(tmpdir(), 'solieu-ro-')), 'mnt');
const noMount = cannotMount();
(noMount ? describe.skip : describe)(`solieu on a read-only place${noMount ? ` ${needs(noMount)}` : ''}`, () => {
  let place: MountedPlace;
  const db = join(roDir, 'copy.db');

  beforeAll(() => {
    ensureBuilt();
    place = mountTmpfs(roDir, 4096) as MountedPlace;
    const src = join(mkdtempSync(join(tmpdir(), 'solieu-rosrc-')), 'src.db');
    const r = solieu(['ingest', FIXTURE, '--db', src, '--ocr', 'never', '--quiet']);
    if (r.code !== 0) throw new Error(`ingest of the fixture failed: ${r.stdout}${r.stderr}`);
    copyFileSync(src, db);
    place.remountReadOnly();
  });
  afterAll(() => place.unmount());

  it('a read command names the database, the read-only folder and what to do', () => {
    const r = solieu(['facts', '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `solieu: cannot open ${db}: its folder ${roDir} is read-only (the place is read-only), and a database in WAL mode needs its -shm file created beside it; copy the database to a writable place\n`,
    );
  });

  it('ingest into a new database there names the folder', () => {
    const r = solieu(['ingest', FIXTURE, '--db', join(roDir, 'new.db'), '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      new RegExp(
        `^solieu: cannot write the database ${join(roDir, 'new.db').replace(/[.]/g, '\\.')}: its folder ${roDir} cannot be written \\(the place is read-only\\)\\n$`,
      ),
    );
  });
});
