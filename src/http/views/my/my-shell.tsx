// The frame of every "My recognition" page: its own stylesheet, rendered as a whole page.
import type { ComponentChildren } from 'preact';
import { PageShell } from '../page-shell';
import { renderPage } from '../render';

export function myPage(options: { title: string; bodyClass: string; scripts?: string[] }, body: ComponentChildren): string {
  return renderPage(
    <PageShell {...options} stylesheet="/me/styles.css">
      {body}
    </PageShell>,
  );
}
