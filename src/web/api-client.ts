/// <reference lib="dom" />
/** An answer of the server's JSON API: the HTTP status (0 when the server could not be reached) and the body. */
export interface ApiReply<T> {
  status: number;
  body: T;
}

/** The error body every refusal of the API carries. */
export interface ApiError {
  error?: string;
  issues?: string[];
}

function csrfToken(): string {
  return document.querySelector('meta[name="csrf-token"]')?.getAttribute('content') ?? '';
}

/**
 * Call the API: GET, or POST with a JSON body and the page's CSRF token. Never throws: a
 * network failure is status 0 with a message a person can read.
 */
export async function api<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<ApiReply<T & ApiError>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const init: RequestInit = { method, credentials: 'same-origin', headers };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    headers['X-CSRF-Token'] = csrfToken();
    init.body = JSON.stringify(body);
  }
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch (e) {
    return { status: 0, body: { error: `không kết nối được máy chủ: ${(e as Error).message}` } as T & ApiError };
  }
  try {
    return { status: res.status, body: (await res.json()) as T & ApiError };
  } catch {
    return { status: res.status, body: { error: `HTTP ${res.status}` } as T & ApiError };
  }
}

/** One line for a refusal: the error and its issues. */
export function describe(body: ApiError | null | undefined): string {
  let text = body?.error ? body.error : 'lỗi không rõ';
  if (body?.issues?.length) text += `: ${body.issues.join('; ')}`;
  return text;
}
