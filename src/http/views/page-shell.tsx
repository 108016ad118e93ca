// The frame every page shares: language, viewport (so 200% zoom reflows), one stylesheet from
// this server and scripts only from this server (the CSP allows nothing else).
import type { ComponentChildren } from 'preact';

export interface ShellProps {
  title: string;
  bodyClass?: string;
  stylesheet: string;
  /** An empty icon, so the browser does not ask for /favicon.ico; off where the CSP allows no images. */
  icon?: boolean;
  scripts?: string[];
  children: ComponentChildren;
}

export function PageShell({ title, bodyClass, stylesheet, icon = true, scripts = [], children }: ShellProps) {
  return (
    <html lang="en-GB">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · Valued`}</title>
        {icon ? <link rel="icon" href="data:," /> : null}
        <link rel="stylesheet" href={stylesheet} />
        {scripts.map((src) => (
          <script src={src} defer />
        ))}
      </head>
      <body class={bodyClass}>{children}</body>
    </html>
  );
}
