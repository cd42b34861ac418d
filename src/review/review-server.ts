import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname, networkInterfaces, userInfo } from 'node:os';
import { z } from '../../schemas/zod.js';
import { METRIC_CATALOG } from '../../schemas/metric-catalog.js';
import { openDb } from '../store/open-db.js';
import { getFact, getHistory, getQueue, postDecision, type JsonReply } from './review-api.js';
import { REVIEW_STYLE } from './assets/review-style.js';
import { reviewPage } from './assets/review-page.js';
import { renderFactCrop } from './page-crop.js';
import { echartsScript, webAppScript } from './web-bundle.js';
import { getCompare } from './compare-api.js';
import { getDocuments, getDocumentView, getPageImage } from './document-api.js';
import { checkAccess, checkCsrf, isLoopback, sameSecret, TOKEN_COOKIE, type GuardOptions } from './request-guard.js';

export const ReviewServerOptions = z
  .object({
    /** Path of the solieu database (created and migrated if needed). */
    db: z.string().min(1),
    host: z.string().min(1).default('127.0.0.1'),
    port: z.number().int().min(0).max(65535).default(4317),
    /** Access token; required for any host other than loopback. */
    token: z
      .string()
      .min(12, 'token: use at least 12 characters')
      .regex(/^[\x21-\x7e]+$/, 'token: printable ASCII without spaces')
      .optional(),
    /** Name recorded with decisions unless the page sends one. */
    reviewer: z.string().trim().min(1).max(100).optional(),
    /** More names (DNS names, addresses) clients may reach this server by, for the Host check. */
    allowHosts: z.array(z.string().trim().min(1).max(253)).default([]),
  })
  .strict();
export type ReviewServerOptions = z.input<typeof ReviewServerOptions>;

export interface ReviewServer {
  /** The address to open (with `?token=` when the server has a token). */
  url: string;
  /** `http://host:port`, without the token. */
  origin: string;
  close(): Promise<void>;
}

const MAX_BODY = 64 * 1024;

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, ...extra });
  res.end(body);
}

/** JSON with `<`, `>` and `&` as \u escapes: even a browser sniffing it as HTML finds no markup. */
export function safeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function sendJson(res: ServerResponse, reply: JsonReply): void {
  send(res, reply.status, 'application/json; charset=utf-8', safeJson(reply.body));
}

function error(res: ServerResponse, status: number, message: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', ...extra });
  res.end(safeJson({ error: message }));
}

/** Read a JSON body of at most MAX_BODY bytes: the value, or a refusal. */
function readJson(req: IncomingMessage): Promise<{ value: unknown } | { status: number; message: string }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) tooBig = true;
      else chunks.push(c);
    });
    req.on('error', () => resolve({ status: 400, message: 'request body could not be read' }));
    req.on('end', () => {
      if (tooBig) return resolve({ status: 413, message: `request body over ${MAX_BODY} bytes` });
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve({ value: JSON.parse(text) as unknown });
      } catch (e) {
        resolve({ status: 400, message: `malformed JSON body: ${(e as Error).message}` });
      }
    });
  });
}

function urlHost(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

/**
 * The names a server listening on every address (`0.0.0.0`, `::`) is reached by: this
 * machine's name and the addresses of its interfaces. Others (a DNS alias) come by `--allow-host`.
 */
function hostNames(bind: string): string[] {
  if (bind !== '0.0.0.0' && bind !== '::' && bind !== '[::]') return [];
  const addresses = Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((a) => urlHost(a.address.replace(/%.*$/, ''))));
  return [hostname(), ...addresses];
}

/**
 * Serve the review app: one static page and a JSON API over the database. Binds to 127.0.0.1
 * by default; any other host needs a token, which every request must then carry (header, or
 * the cookie set when the printed `?token=` URL is first opened). State changes only by POST
 * with the page's CSRF token and a same-origin check. A malformed request gets a 4xx answer
 * and the server goes on.
 */
export async function startReviewServer(options: ReviewServerOptions): Promise<ReviewServer> {
  const parsed = ReviewServerOptions.safeParse(options);
  if (!parsed.success) {
    throw new TypeError(`review: invalid options — ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const opts = parsed.data;
  if (!isLoopback(opts.host) && opts.token === undefined) {
    throw new Error(`review: refusing to listen on ${opts.host} without a token; pass --token <secret> (or keep the default host 127.0.0.1)`);
  }
  const db = await openDb(opts.db);
  const reviewer = opts.reviewer ?? (userInfo().username || 'reviewer');
  const csrfToken = randomBytes(24).toString('hex');
  const guard: GuardOptions = { ...(opts.token !== undefined ? { token: opts.token } : {}), allowedHosts: new Set(), csrfToken };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://review.invalid');
    const method = req.method ?? 'GET';
    const refusal = checkAccess(req, guard);
    if (refusal) {
      // Only a missing token may be given by the printed link; a foreign Host or a bad cookie stays refused.
      const fromLink =
        refusal.status === 401 && opts.token !== undefined && method === 'GET' && sameSecret(url.searchParams.get('token') ?? undefined, opts.token);
      if (!fromLink) return error(res, refusal.status, refusal.message);
      url.searchParams.delete('token');
      const cookie = `${TOKEN_COOKIE}=${encodeURIComponent(opts.token ?? '')}; HttpOnly; SameSite=Strict; Path=/`;
      return send(res, 303, 'text/plain; charset=utf-8', 'signed in\n', { Location: `${url.pathname}${url.search}`, 'Set-Cookie': cookie });
    }
    const path = url.pathname;
    if (path === '/' || path === '/index.html') {
      if (method !== 'GET' && method !== 'HEAD') return error(res, 405, 'use GET', { Allow: 'GET' });
      return send(res, 200, 'text/html; charset=utf-8', reviewPage({ csrfToken, reviewer }));
    }
    if (path === '/favicon.ico') return send(res, 204, 'image/x-icon', '');
    if (path === '/app.js') return send(res, 200, 'text/javascript; charset=utf-8', await webAppScript());
    if (path === '/echarts.js') return send(res, 200, 'text/javascript; charset=utf-8', await echartsScript());
    if (path === '/app.css') return send(res, 200, 'text/css; charset=utf-8', REVIEW_STYLE);
    if (path === '/api/queue') {
      if (method !== 'GET') return error(res, 405, 'use GET', { Allow: 'GET' });
      return sendJson(res, await getQueue(db, url.searchParams));
    }
    if (path === '/api/metrics') {
      if (method !== 'GET') return error(res, 405, 'use GET', { Allow: 'GET' });
      return sendJson(res, { status: 200, body: { metrics: METRIC_CATALOG.map((d) => ({ id: d.id, name: d.name, base_unit: d.base_unit })) } });
    }
    if (path === '/api/compare') {
      if (method !== 'GET') return error(res, 405, 'use GET', { Allow: 'GET' });
      return sendJson(res, await getCompare(db, url.searchParams));
    }
    if (path === '/api/documents') {
      if (method !== 'GET') return error(res, 405, 'use GET', { Allow: 'GET' });
      return sendJson(res, await getDocuments(db));
    }
    const doc = path.match(/^\/api\/documents\/([0-9a-f]{1,64})(?:\/pages\/([1-9]\d{0,5})\.png)?$/);
    if (doc) {
      if (method !== 'GET') return error(res, 405, 'use GET', { Allow: 'GET' });
      if (doc[2] === undefined) return sendJson(res, await getDocumentView(db, doc[1]));
      const png = await getPageImage(db, doc[1], Number(doc[2]));
      if ('error' in png) return error(res, png.status, png.error);
      return send(res, 200, 'image/png', png.data);
    }
    const m = path.match(/^\/api\/facts\/([^/]+)(?:\/(history|decision|crop\.png))?$/);
    if (!m) return error(res, 404, `no such page: ${path.slice(0, 200)}`);
    const id = /^[1-9]\d{0,14}$/.test(m[1]) ? Number(m[1]) : NaN;
    if (!Number.isSafeInteger(id))
      return sendJson(res, {
        status: 400,
        body: { error: 'invalid fact id', issues: [`id: expected a positive integer, got ${JSON.stringify(m[1].slice(0, 40))}`] },
      });
    const sub = m[2];
    if (sub === 'decision') {
      if (method !== 'POST') return error(res, 405, 'decisions are POSTed', { Allow: 'POST' });
      const csrf = checkCsrf(req, guard);
      if (csrf) {
        req.resume();
        return error(res, csrf.status, csrf.message);
      }
      const body = await readJson(req);
      if (!('value' in body)) return error(res, body.status, body.message);
      return sendJson(res, await postDecision(db, id, body.value, reviewer));
    }
    if (method !== 'GET') return error(res, 405, 'use GET', { Allow: 'GET' });
    if (sub === 'history') return sendJson(res, await getHistory(db, id));
    if (sub === 'crop.png') {
      const png = await renderFactCrop(db, id);
      if ('error' in png) return error(res, png.status, png.error);
      return send(res, 200, 'image/png', png.data);
    }
    return sendJson(res, await getFact(db, id));
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      // A bug, not bad input: answer 500 and keep serving; the cause goes to the terminal.
      console.error(`review: ${req.method} ${req.url}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      if (!res.headersSent) error(res, 500, 'internal error (see the server terminal)');
      else res.destroy();
    });
  });
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e) => {
      void db.close();
      reject(new Error(`review: cannot listen on ${opts.host}:${opts.port}: ${(e as Error).message}`));
    });
    server.listen(opts.port, opts.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://${urlHost(opts.host)}:${port}`;
  for (const h of [urlHost(opts.host), 'localhost', '127.0.0.1', '[::1]', ...hostNames(opts.host), ...opts.allowHosts.map(urlHost)]) {
    guard.allowedHosts.add(`${h.toLowerCase()}:${port}`);
  }
  return {
    url: `${origin}/${opts.token !== undefined ? `?token=${encodeURIComponent(opts.token)}` : ''}`,
    origin,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => {
          db.close().then(
            () => (e ? reject(e) : resolve()),
            (closing: unknown) => reject(e ?? closing),
          );
        });
        server.closeAllConnections();
      }),
  };
}
