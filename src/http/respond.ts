// How the web routes answer: the headers every personal page carries, and one way to send.
import type { Response } from 'restify';

// Only this server's own files; Teams may frame the tab. Links carry signed tokens, so no
// Referer ever leaves the page, and personal pages are never cached.
const FRAME_ANCESTORS =
  "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.cloud.microsoft https://*.office.com https://*.microsoft365.com";
export const PAGE_CSP = `default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; ${FRAME_ANCESTORS}`;

/** The personal pages and the digest: our own files only, nothing cached, no Referer. */
export const PRIVATE_HEADERS: Record<string, string> = {
  'content-security-policy': PAGE_CSP,
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
};

export const HTML = 'text/html; charset=utf-8';
export const JSON_TYPE = 'application/json; charset=utf-8';

export function sendWith(res: Response, status: number, body: string | Buffer, headers: Record<string, string>): void {
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  res.sendRaw(status, body);
}

/** A personal or digest page (or its data) with PRIVATE_HEADERS; `headers` add to or override them. */
export function sendPrivate(
  res: Response,
  status: number,
  type: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): void {
  sendWith(res, status, body, { ...PRIVATE_HEADERS, 'content-type': type, ...headers });
}

/** JSON for a machine caller: never cached, never sniffed as anything else. */
export function sendJson(res: Response, status: number, body: unknown, headers: Record<string, string> = {}): void {
  sendWith(res, status, JSON.stringify(body), {
    'content-type': JSON_TYPE,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
}
