// The stylesheets and browser scripts the pages load, built into dist/assets by
// src/tools/build-views.ts (`npm run build`; jest builds them in its global setup). They are
// read once, at startup, and served from this server, as the CSP requires.
import fs from 'node:fs';
import path from 'node:path';
import type { Server } from 'restify';
import { sendWith } from './respond';

/** The folder holding package.json: two levels up from src/http, three from dist/src/http. */
export function packageRoot(from = __dirname): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

export const ASSETS_DIR = path.join(packageRoot(), 'dist', 'assets');

const TYPES: Record<string, string> = { '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };

/** Reads a built asset; a missing one stops startup with what to do, rather than a page without its styles. */
export function readAsset(file: string): Buffer {
  const full = path.join(ASSETS_DIR, file);
  if (!fs.existsSync(full)) throw new Error(`${full} is missing: run \`npm run build\` to build the pages' styles and scripts.`);
  return fs.readFileSync(full);
}

/** Serves each built file at its route, `urlPath → file`, cached for an hour (they hold no one's data). */
export function serveAssets(server: Server, routes: Record<string, string>): void {
  for (const [urlPath, file] of Object.entries(routes)) {
    const body = readAsset(file);
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    server.get(urlPath, async (_req, res) =>
      sendWith(res, 200, body, { 'content-type': type, 'x-content-type-options': 'nosniff', 'cache-control': 'public, max-age=3600' }),
    );
  }
}
