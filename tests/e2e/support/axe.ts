// An axe-core scan of the page as it stands, at WCAG 2.2 AA. The pages' CSP allows only our own
// scripts, so axe is run through the DevTools protocol (page.evaluate), which the CSP does not
// govern, rather than added as a script tag.
import fs from 'node:fs';
import type { Page } from 'playwright-core';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact?: string;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

/** The violations on the page, one line each ("rule (impact): help — where"); none is a pass. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(
    (tags) =>
      (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe
        .run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
        .then((r) => r.violations),
    AXE_TAGS,
  );
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
