import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startReviewServer, type ReviewServer } from '../../src/review/review-server.js';
import { resolveToken } from '../../src/cli/commands/review-command.js';
import { ensureBuilt, ROOT } from '../cli/cli-harness.js';
import { openDb } from '../../src/store/open-db.js';
import { ATTR_ATTACK, factId, reviewDb, SCRIPT_ATTACK } from './review-fixture.js';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: () => Record<string, unknown>;
}

/** A raw HTTP request with full control of the headers (Host, Origin, Cookie …). */
function http(url: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: opts.method ?? 'GET', headers: opts.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) as Record<string, unknown> });
      });
    });
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

let dir: string;
let dbPath: string;
let server: ReviewServer | undefined;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'solieu-review-'));
  dbPath = join(dir, 'review.db');
  await (await reviewDb(dbPath)).db.close();
});

afterEach(async () => {
  await server?.close();
  server = undefined;
  rmSync(dir, { recursive: true, force: true });
});

async function idOf(quote: string): Promise<number> {
  const db = await openDb(dbPath, { readonly: true });
  try {
    return await factId(db, quote);
  } finally {
    await db.close();
  }
}

async function csrfOf(s: ReviewServer, headers: Record<string, string> = {}): Promise<string> {
  const page = await http(`${s.origin}/`, { headers });
  const m = page.text.match(/<meta name="csrf-token" content="([0-9a-f]+)">/);
  if (!m) throw new Error(`no CSRF token in the page (status ${page.status})`);
  return m[1];
}

function decide(s: ReviewServer, id: number | string, csrf: string, body: unknown, extra: Record<string, string> = {}): Promise<Reply> {
  return http(`${s.origin}/api/facts/${id}/decision`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf, Origin: s.origin, 'Sec-Fetch-Site': 'same-origin', ...extra },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('review API', () => {
  test('the queue lists facts lowest confidence first with counts of what is left', async () => {
    server = await startReviewServer({ db: dbPath, port: 0 });
    const r = await http(`${server.origin}/api/queue`);
    expect(r.status).toBe(200);
    const body = r.json() as { facts: { quote: string; confidence: number }[]; counts: Record<string, number>; total: number };
    expect(body.facts.map((f) => f.quote).slice(0, 3)).toEqual(['1.234.567 thuê bao', '42 trạm', '87,5%']);
    expect(body.counts).toEqual({ auto: 5, accepted: 0, corrected: 0, rejected: 0 });
    const filtered = (await http(`${server.origin}/api/queue?metric=telecom-revenue&maxConfidence=0.9`)).json() as { facts: { quote: string }[] };
    expect(filtered.facts.map((f) => f.quote)).toEqual(['5%']);
  });

  test('two saves with the same expected version: the second gets 409 with the newer version and changes nothing', async () => {
    server = await startReviewServer({ db: dbPath, port: 0, reviewer: 'Lan' });
    const csrf = await csrfOf(server);
    const id = await idOf('42 trạm');
    const first = await decide(server, id, csrf, { expectedVersion: 1, action: 'correct', fields: { value: 43, base_value: 43 } });
    expect(first.status).toBe(200);
    const second = await decide(server, id, csrf, { expectedVersion: 1, action: 'reject', reviewer: 'Minh' });
    expect(second.status).toBe(409);
    expect(second.json()).toMatchObject({ current: { id, version: 2, value: 43, status: 'corrected' } });
    expect(String(second.json().error)).toMatch(/version 2/);
    const history = (await http(`${server.origin}/api/facts/${id}/history`)).json() as { corrections: { reviewer: string; action: string }[] };
    expect(history.corrections.map((c) => [c.reviewer, c.action])).toEqual([['Lan', 'correct']]);
  });

  test('bad input gets a 400 with a message, never a 500, and the server keeps answering', async () => {
    server = await startReviewServer({ db: dbPath, port: 0 });
    const csrf = await csrfOf(server);
    const id = await idOf('42 trạm');
    const cases: [string, Promise<Reply>, RegExp][] = [
      ['malformed JSON', decide(server, id, csrf, '{"expectedVersion": 1,'), /malformed JSON/],
      ['unknown action', decide(server, id, csrf, { expectedVersion: 1, action: 'delete' }), /action/],
      ['bad period', decide(server, id, csrf, { expectedVersion: 1, action: 'correct', fields: { period: 'tháng 8' } }), /period: not a period/],
      ['value as text', decide(server, id, csrf, { expectedVersion: 1, action: 'correct', fields: { value: '43' } }), /value/],
      ['unknown field', decide(server, id, csrf, { expectedVersion: 1, action: 'correct', fields: { status: 'accepted' } }), /status|unrecognized/i],
      ['no version', decide(server, id, csrf, { action: 'accept' }), /expectedVersion/],
      ['a JSON array', decide(server, id, csrf, '[1,2]'), /decision/],
      ['fields with accept', decide(server, id, csrf, { expectedVersion: 1, action: 'accept', fields: { value: 1 } }), /only \\"correct\\" changes fields/],
      ['undo with nothing to undo', decide(server, id, csrf, { expectedVersion: 1, action: 'undo' }), /no decision to undo/],
      ['fact id not a number', http(`${server.origin}/api/facts/abc`), /positive integer/],
      ['limit not a number', http(`${server.origin}/api/queue?limit=abc`), /limit/],
      ['confidence out of range', http(`${server.origin}/api/queue?minConfidence=7`), /between 0 and 1/],
      ['unknown status', http(`${server.origin}/api/queue?status=done`), /status/],
      ['unknown parameter', http(`${server.origin}/api/queue?drop=table`), /drop|unrecognized/i],
      ['parameter twice', http(`${server.origin}/api/queue?doc=a&doc=b`), /more than once/],
    ];
    for (const [name, pending, pattern] of cases) {
      const r = await pending;
      expect([name, r.status]).toEqual([name, 400]);
      expect([name, r.text]).toEqual([name, expect.stringMatching(pattern)]);
    }
    expect((await decide(server, 'x'.repeat(3), csrf, { expectedVersion: 1, action: 'accept' })).status).toBe(400);
    expect((await decide(server, 424242, csrf, { expectedVersion: 1, action: 'accept' })).status).toBe(404);
    expect((await decide(server, id, csrf, JSON.stringify({ expectedVersion: 1, action: 'accept', pad: 'x'.repeat(70_000) }))).status).toBe(413);
    expect((await http(`${server.origin}/api/facts/${id}/decision`)).status).toBe(405);
    expect((await http(`${server.origin}/nowhere`)).status).toBe(404);
    // Nothing was written, and the server still works.
    const after = await http(`${server.origin}/api/facts/${id}`);
    expect(after.status).toBe(200);
    expect(after.json()).toMatchObject({ fact: { version: 1, status: 'auto', value: 42 } });
    expect((await decide(server, id, csrf, { expectedVersion: 1, action: 'accept' })).status).toBe(200);
  });

  test('state changes need the CSRF header, a JSON body and the same origin', async () => {
    server = await startReviewServer({ db: dbPath, port: 0 });
    const csrf = await csrfOf(server);
    const id = await idOf('42 trạm');
    const accept = { expectedVersion: 1, action: 'accept' };
    const noHeader = await http(`${server.origin}/api/facts/${id}/decision`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: server.origin },
      body: JSON.stringify(accept),
    });
    expect(noHeader.status).toBe(403);
    expect(noHeader.text).toMatch(/X-CSRF-Token/);
    expect((await decide(server, id, 'f'.repeat(48), accept)).status).toBe(403);
    const foreign = await decide(server, id, csrf, accept, { Origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.text).toMatch(/cross-origin/);
    expect((await decide(server, id, csrf, accept, { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await decide(server, id, csrf, accept, { 'Content-Type': 'text/plain' })).status).toBe(415);
    expect((await http(`${server.origin}/api/facts/${id}`)).json()).toMatchObject({ fact: { version: 1, status: 'auto' } });
    // A page of another site reaching 127.0.0.1 by DNS rebinding carries a foreign Host.
    expect((await http(`${server.origin}/api/queue`, { headers: { Host: `evil.example:${new URL(server.origin).port}` } })).status).toBe(403);
    expect((await decide(server, id, csrf, accept)).status).toBe(200);
  });

  test('a non-loopback host needs a token, and then every request must carry it', async () => {
    await expect(startReviewServer({ db: dbPath, host: '0.0.0.0', port: 0 })).rejects.toThrow(/without a token; pass --token/);
    await expect(startReviewServer({ db: dbPath, host: '0.0.0.0', port: 0, token: 'short' })).rejects.toThrow(/at least 12/);
    const token = 'tok-3f9a1c77e2d54b8a';
    server = await startReviewServer({ db: dbPath, host: '0.0.0.0', port: 0, token });
    expect(server.url).toContain(`?token=${token}`);
    const base = `http://127.0.0.1:${new URL(server.origin).port}`;
    for (const path of ['/', '/app.js', '/api/queue', '/api/facts/1', '/api/metrics']) {
      expect([path, (await http(base + path)).status]).toEqual([path, 401]);
    }
    expect((await http(`${base}/api/queue`, { headers: { 'X-Review-Token': 'tok-wrong-wrong-wrong' } })).status).toBe(401);
    expect((await http(`${base}/api/queue`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(200);
    expect((await http(`${base}/?token=wrong-token-value`)).status).toBe(401);
    // First visit with ?token=: a cookie, and a redirect that drops the token from the address.
    const visit = await http(`${base}/?token=${token}`);
    expect(visit.status).toBe(303);
    expect(visit.headers.location).toBe('/');
    const setCookie = String(visit.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const cookie = setCookie.split(';')[0];
    expect((await http(`${base}/api/queue`, { headers: { Cookie: cookie } })).status).toBe(200);
    // With the token, a decision still needs the CSRF header.
    const csrf = await csrfOf(server, { Cookie: cookie });
    const id = await idOf('42 trạm');
    const body = JSON.stringify({ expectedVersion: 1, action: 'reject' });
    const noCsrf = await http(`${base}/api/facts/${id}/decision`, { method: 'POST', headers: { Cookie: cookie, 'Content-Type': 'application/json' }, body });
    expect(noCsrf.status).toBe(403);
    const noToken = await http(`${base}/api/facts/${id}/decision`, {
      method: 'POST',
      headers: { 'X-CSRF-Token': csrf, 'Content-Type': 'application/json' },
      body,
    });
    expect(noToken.status).toBe(401);
    const ok = await http(`${base}/api/facts/${id}/decision`, {
      method: 'POST',
      headers: { Cookie: cookie, 'X-CSRF-Token': csrf, 'Content-Type': 'application/json', Origin: base },
      body,
    });
    expect(ok.status).toBe(200);
  });

  test('a malformed token cookie gets a 400, not a 500 with a stack in the server log', async () => {
    const token = 'tok-3f9a1c77e2d54b8a';
    server = await startReviewServer({ db: dbPath, port: 0, token });
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      for (const cookie of ['solieu_review_token=%E0%A4%A', 'other=1; solieu_review_token=%']) {
        const r = await http(`${server.origin}/api/queue`, { headers: { Cookie: cookie } });
        expect([cookie, r.status]).toEqual([cookie, 400]);
        expect(r.json()).toEqual({ error: 'malformed solieu_review_token cookie: clear it and open the URL printed by `solieu review` again' });
        expect((await http(`${server.origin}/?token=${token}`, { headers: { Cookie: cookie } })).status).toBe(400);
      }
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
    expect((await http(`${server.origin}/api/queue`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(200);
  });

  test('with a token the Host header is checked too, and the printed link does not get round it', async () => {
    const token = 'tok-3f9a1c77e2d54b8a';
    server = await startReviewServer({ db: dbPath, host: '0.0.0.0', port: 0, token, allowHosts: ['review.office.example'] });
    const port = new URL(server.origin).port;
    const base = `http://127.0.0.1:${port}`;
    const bearer = { Authorization: `Bearer ${token}` };
    const foreign = await http(`${base}/api/queue`, { headers: { ...bearer, Host: `evil.example:${port}` } });
    expect(foreign.status).toBe(403);
    expect(foreign.json()).toEqual({ error: `unexpected Host header "evil.example:${port}" (name this server by another host with --allow-host)` });
    expect((await http(`${base}/?token=${token}`, { headers: { Host: `evil.example:${port}` } })).status).toBe(403);
    expect((await http(`${base}/api/queue`, { headers: { ...bearer, Host: `review.office.example:${port}` } })).status).toBe(200);
    expect((await http(`${base}/api/queue`, { headers: { ...bearer, Host: `${hostname()}:${port}` } })).status).toBe(200);
    expect((await http(`${base}/api/queue`, { headers: bearer })).status).toBe(200);
  });

  test("a correction's metric and units are length-limited", async () => {
    server = await startReviewServer({ db: dbPath, port: 0 });
    const csrf = await csrfOf(server);
    const id = await idOf('42 trạm');
    const long = await decide(server, id, csrf, { expectedVersion: 1, action: 'correct', fields: { metric: 'x'.repeat(60_000) } });
    expect(long.status).toBe(400);
    expect(long.json()).toEqual({ error: 'invalid decision', issues: ['fields.metric: metric: at most 500 characters'] });
    expect((await decide(server, id, csrf, { expectedVersion: 1, action: 'correct', fields: { unit: 'x'.repeat(101) } })).status).toBe(400);
    expect((await http(`${server.origin}/api/facts/${id}`)).json()).toMatchObject({ fact: { version: 1, status: 'auto' } });
    expect((await decide(server, id, csrf, { expectedVersion: 1, action: 'correct', fields: { metric: 'trạm BTS' } })).status).toBe(200);
  });

  test('document text never reaches the page as markup and JSON carries no raw angle brackets', async () => {
    server = await startReviewServer({ db: dbPath, port: 0, reviewer: '<b onmouseover="x">Lan</b>' });
    const page = await http(`${server.origin}/`);
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(page.headers['content-security-policy']).not.toMatch(/unsafe-inline/);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.text).not.toContain('<b onmouseover');
    expect(page.text).toContain('&lt;b onmouseover=&quot;x&quot;&gt;Lan&lt;/b&gt;');
    expect(page.text).not.toContain('alert(1)');
    const script = (await http(`${server.origin}/app.js`)).text;
    expect(script).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    const id = await idOf('42 trạm');
    for (const path of [`/api/facts/${id}`, '/api/queue']) {
      const r = await http(server.origin + path);
      expect(r.headers['content-type']).toMatch(/^application\/json/);
      expect(r.text).not.toMatch(/[<>]/);
      expect(JSON.stringify(r.json())).toContain(SCRIPT_ATTACK);
    }
    const detail = (await http(`${server.origin}/api/facts/${id}`)).json() as { sentence: { before: string; match: string } };
    expect(detail.sentence.before).toContain(ATTR_ATTACK);
    expect(detail.sentence.match).toBe('42 trạm');
  });
});

describe('review --token sources', () => {
  test('--token wins, then the first line of --token-file, then SOLIEU_REVIEW_TOKEN; an unreadable or empty file is named', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'solieu-token-')), 'token');
    writeFileSync(file, 'tok-from-file-0123456\nsecond line\n');
    expect(resolveToken('tok-from-flag-012345', file, 'tok-from-env-0123456')).toBe('tok-from-flag-012345');
    expect(resolveToken(undefined, file, 'tok-from-env-0123456')).toBe('tok-from-file-0123456');
    expect(resolveToken(undefined, undefined, 'tok-from-env-0123456')).toBe('tok-from-env-0123456');
    expect(resolveToken(undefined, undefined, undefined)).toBeUndefined();
    expect(() => resolveToken(undefined, `${file}.missing`, undefined)).toThrow(`cannot read --token-file ${file}.missing: ENOENT`);
    writeFileSync(file, '\n');
    expect(() => resolveToken(undefined, file, undefined)).toThrow(`--token-file ${file} is empty; put the token on its first line`);
  });

  test('solieu review takes the token from SOLIEU_REVIEW_TOKEN, off loopback, without it on the command line', async () => {
    ensureBuilt();
    const child = spawn(process.execPath, ['bin/solieu.js', 'review', '--db', dbPath, '--host', '0.0.0.0', '--port', '43179'], {
      cwd: ROOT,
      env: { ...process.env, SOLIEU_REVIEW_TOKEN: 'tok-env-3f9a1c77e2d5' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          if (out.includes('\n')) resolve(out);
        });
        child.on('exit', (code) => reject(new Error(`review exited ${code}`)));
      });
      expect(line).toBe('solieu review: open http://0.0.0.0:43179/?token=tok-env-3f9a1c77e2d5  (Ctrl+C to stop)\n');
      expect((await http('http://127.0.0.1:43179/api/queue')).status).toBe(401);
      expect((await http('http://127.0.0.1:43179/api/queue', { headers: { 'X-Review-Token': 'tok-env-3f9a1c77e2d5' } })).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
