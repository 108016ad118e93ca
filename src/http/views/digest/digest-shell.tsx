// The frame of every digest page: the digest's own stylesheet, rendered as a whole page.
import type { ComponentChildren } from 'preact';
import { PageShell } from '../page-shell';
import { renderPage } from '../render';

export function digestPage(options: { title: string; bodyClass: string; scripts?: string[] }, body: ComponentChildren): string {
  return renderPage(
    <PageShell {...options} stylesheet="/digest/styles.css">
      {body}
    </PageShell>,
  );
}
