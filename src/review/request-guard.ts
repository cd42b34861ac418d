import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_COOKIE = 'solieu_review_token';

/** A refused request: HTTP status and a one-line reason for the client. */
export interface Refusal {
  status: number;
  message: string;
}

/** Constant-time comparison of a presented secret with the expected one. */
export function sameSecret(presented: string | undefined, expected: string): boolean {
  if (presented === undefined) return false;
  const a = Buffer.from(presented, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** True for host names that only this machine can reach. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** A cookie's value; `null` when it is there but not valid percent-encoding (`%E0%A4%A`). */
function cookie(req: IncomingMessage, name: string): string | undefined | null {
  const raw = header(req, 'cookie');
  if (!raw) return undefined;
  for (const part of raw.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        // URIError: malformed percent-encoding, the client's fault (answered 400 by checkAccess)
        return null;
      }
    }
  }
  return undefined;
}

/**
 * The access token a request carries: `Authorization: Bearer`, `X-Review-Token` or the cookie;
 * `null` when the only one is a cookie that cannot be decoded.
 */
export function presentedToken(req: IncomingMessage): string | undefined | null {
  const auth = header(req, 'authorization');
  const bearer = auth?.match(/^Bearer\s+(\S+)$/i)?.[1];
  return bearer ?? header(req, 'x-review-token') ?? cookie(req, TOKEN_COOKIE);
}

export interface GuardOptions {
  /** Access token; when set every request must carry it. */
  token?: string;
  /** `host:port` values a loopback server answers to (DNS-rebinding defence). */
  allowedHosts: Set<string>;
  csrfToken: string;
}

/**
 * Access check for every request: the Host header must name this server, so a web page on
 * another origin cannot reach the API through DNS rebinding (with a token too); with a token,
 * the request must also carry it (401 without; 400 for a token cookie that cannot be decoded).
 */
export function checkAccess(req: IncomingMessage, opts: GuardOptions): Refusal | undefined {
  const host = (header(req, 'host') ?? '').toLowerCase();
  if (!opts.allowedHosts.has(host)) {
    const hint = opts.token !== undefined ? ' (name this server by another host with --allow-host)' : '';
    return { status: 403, message: `unexpected Host header ${JSON.stringify(host.slice(0, 200))}${hint}` };
  }
  if (opts.token === undefined) return undefined;
  const presented = presentedToken(req);
  if (presented === null) return { status: 400, message: `malformed ${TOKEN_COOKIE} cookie: clear it and open the URL printed by \`solieu review\` again` };
  return sameSecret(presented, opts.token)
    ? undefined
    : { status: 401, message: 'access token required: open the URL printed by `solieu review` (it carries ?token=…)' };
}

/**
 * CSRF defence for state changes (POST only): a JSON body, the per-server token the page
 * carries in `X-CSRF-Token`, and — when the browser says where the request comes from —
 * the same origin (`Origin` equal to this server, `Sec-Fetch-Site: same-origin`).
 */
export function checkCsrf(req: IncomingMessage, opts: GuardOptions): Refusal | undefined {
  const type = header(req, 'content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) return { status: 415, message: 'state changes need Content-Type: application/json' };
  if (!sameSecret(header(req, 'x-csrf-token'), opts.csrfToken)) {
    return { status: 403, message: 'missing or wrong X-CSRF-Token header (reload the review page)' };
  }
  const origin = header(req, 'origin');
  const host = header(req, 'host') ?? '';
  if (origin !== undefined && origin !== `http://${host}`) return { status: 403, message: `cross-origin request refused (Origin ${origin})` };
  const site = header(req, 'sec-fetch-site');
  if (site !== undefined && site !== 'same-origin') return { status: 403, message: `cross-site request refused (Sec-Fetch-Site ${site})` };
  return undefined;
}
