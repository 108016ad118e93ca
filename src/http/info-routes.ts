// The pages the Teams manifest links to (website, privacy, terms), and their stylesheet.
import type { Server } from 'restify';
import { serveAssets } from './assets';
import { HTML, sendWith } from './respond';
import { INFO_PAGES } from './views/info-pages';

/**
 * This server's stylesheet only, and never framed: the manifest links to these as plain pages
 * (not as tabs), so no one has a reason to put them in a frame.
 */
export const INFO_PAGE_HEADERS: Record<string, string> = {
  'content-type': HTML,
  'content-security-policy': "default-src 'none'; style-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
};

export function registerInfoPages(server: Server): void {
  serveAssets(server, { '/info.css': 'info.css' });
  for (const [path, html] of Object.entries(INFO_PAGES)) server.get(path, async (_req, res) => sendWith(res, 200, html, INFO_PAGE_HEADERS));
}
