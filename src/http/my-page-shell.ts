// The frame every "My recognition" page shares: language, viewport (so 200% zoom reflows),
// one stylesheet from this server and scripts only from this server (the CSP allows nothing else).
import { esc } from './html';

export function pageShell(options: { title: string; bodyClass: string; body: string; scripts?: string[]; stylesheet?: string }): string {
  const scripts = (options.scripts ?? []).map((src) => `<script src="${esc(src)}" defer></script>`).join('');
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(options.title)} · Valued</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="${esc(options.stylesheet ?? '/me/styles.css')}">${scripts}
</head><body class="${esc(options.bodyClass)}">
${options.body}
</body></html>`;
}
