// Opening "My recognition" (/me) in the browser as the Playground's current user, and the
// storage behind an E2E stack, for the tab's walk-throughs to seed.
import type { Page } from 'playwright-core';
import { createTableRepositories } from '../../../src/storage/table/create-table-repositories';
import { TableStore } from '../../../src/storage/table/table-store';
import type { E2EStack } from './e2e-stack';

export function stackRepositories(e2e: E2EStack) {
  return createTableRepositories(
    new TableStore({ kind: 'connectionString', connectionString: e2e.stack.storageConnectionString as string, tablePrefix: 'valued' }),
  );
}

/** The tab with its slips and signed links loaded; `problems` collects console errors and failed scripts from then on. */
export async function openMyTab(e2e: E2EStack, width = 1100, height = 900): Promise<{ page: Page; problems: string[] }> {
  const context = await e2e.browser.newContext({ viewport: { width, height }, locale: 'en-GB' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${e2e.stack.botUrl}/me`, { waitUntil: 'domcontentloaded' });
  await page.locator('#slips .slip').first().waitFor({ timeout: 30_000 });
  await page.locator('#portfolio-link[href]').waitFor({ timeout: 30_000 });
  return { page, problems };
}
