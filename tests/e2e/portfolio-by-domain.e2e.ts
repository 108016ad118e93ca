// The portfolio by framework domain in a real browser: Amara (the Playground's current user, so
// the tab's development identity) tags a thank-you she received with a domain and writes a
// reflection, in place in "My recognition"; then opens her portfolio grouped by domain, where it
// appears under that domain with her reflection and every other domain invites evidence kindly.
import path from 'node:path';
import type { SlipHistoryEntry } from '../../src/domain/history';
import { EMPTY_DOMAIN_PROMPT } from '../../src/domain/portfolio-by-domain';
import { DOCS_DIR, axeViolations, openMyTab, readPretendTenant, stackRepositories, startE2EStack, type E2EStack } from './support';

let e2e: E2EStack;
const tenant = readPretendTenant();
const amara = tenant.currentUser;
const colleagues = tenant.people.filter((p) => p.aadObjectId !== amara.aadObjectId);

const THANKS: Array<[string, string[]]> = [
  ['Thank you for explaining the exercise plan to Mr Ahmed so patiently. He went home confident.', ['Above and beyond for patients']],
  ['Your handover notes on the stroke unit were so clear that I could pick up straight away.', ['Skill and expertise']],
  ['Thanks for showing the new starter how we set up the gym. She felt welcome from day one.', ['Including others']],
];

function seedSlips(now: number): SlipHistoryEntry[] {
  return THANKS.map(([message, values], i) => {
    const createdAt = new Date(now - (i * 6 + 1) * 86_400_000).toISOString();
    const from = colleagues[i % colleagues.length];
    return {
      kind: 'slip',
      slipId: `domain-seed-${i}`,
      teamId: tenant.team.id,
      month: createdAt.slice(0, 7),
      createdAt,
      sender: { id: from.aadObjectId, teamsId: from.id, name: from.name },
      message,
      values,
      visibility: 'team',
    };
  });
}

beforeAll(async () => {
  e2e = await startE2EStack();
  await stackRepositories(e2e).history.addSlips(amara.aadObjectId, seedSlips(Date.now()));
}, 150_000);

afterAll(async () => {
  await e2e?.close();
});

const REFLECTION = 'I used the teach-back method: I asked Mr Ahmed to show me each exercise, and I learned to slow down & check.';

test('Amara tags a thank-you in the tab, then finds it under its domain in her portfolio, which passes axe-core', async () => {
  const { page, problems } = await openMyTab(e2e, 1000, 1000);
  // The newest thank-you is the one about Mr Ahmed; open its form.
  const slip = page.locator('#slips .slip').first();
  await expect(slip.locator('.slip-message').textContent()).resolves.toContain('Mr Ahmed');
  const toggle = slip.getByRole('button', { name: 'Tag and reflect' });
  await toggle.click();
  expect(await toggle.getAttribute('aria-expanded')).toBe('true');
  // Focus moves into the form, to the first domain.
  expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('domains');

  const form = slip.locator('form.reflect');
  await expect(form.locator('legend').textContent()).resolves.toBe('What does this thank-you show about your work?');
  await form.getByLabel('4. Communication and information').check();
  await form.getByLabel('Your reflection (optional)').fill(REFLECTION);
  await expect(form.locator('[data-count]').textContent()).resolves.toBe(`${500 - REFLECTION.length} characters left`);
  expect(await axeViolations(page)).toEqual([]);
  await slip.screenshot({ path: path.join(DOCS_DIR, 'tag-and-reflect.png') });

  // A refusal from the server is shown in the form, kindly, with focus on the field at fault and
  // nothing the person typed lost. (The server's own refusals are tested in tests/protocol.)
  const refusal = 'Please keep your reflection to 500 characters (it is 501 now). Nothing was saved.';
  await page.route('**/api/me/slips/*/reflection', (route) =>
    route.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify({ message: refusal, field: 'reflection' }) }),
  );
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('alert').textContent()).resolves.toBe(refusal);
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('reflect-0-text');
  expect(await form.getByLabel('Your reflection (optional)').getAttribute('aria-invalid')).toBe('true');
  expect(await form.getByLabel('Your reflection (optional)').inputValue()).toBe(REFLECTION);
  expect(await slip.locator('.note-shows').isVisible()).toBe(false);
  await page.unroute('**/api/me/slips/*/reflection');
  problems.length = 0; // the browser logs the refused request itself

  await form.getByRole('button', { name: 'Save' }).click();
  await slip.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  expect(await form.isVisible()).toBe(false);
  await expect(slip.locator('.note-shows').textContent()).resolves.toBe('Shows: Communication and information');
  await expect(slip.locator('.note-reflection').textContent()).resolves.toBe(`Your reflection: ${REFLECTION}`);
  // Focus is back on the button, which now offers to change what was saved.
  await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Change tags and reflection');

  expect(await form.getByRole('alert').isVisible()).toBe(false);
  expect(await form.getByLabel('Your reflection (optional)').getAttribute('aria-invalid')).toBeNull();

  // Reloaded, the tab shows what the server kept.
  await page.reload({ waitUntil: 'domcontentloaded' });
  await page.locator('#slips .slip .note-shows:not([hidden])').first().waitFor({ timeout: 30_000 });
  await expect(page.locator('#slips .slip').first().locator('.note-reflection').textContent()).resolves.toContain('teach-back');
  await page.locator('#portfolio-link[href]').waitFor({ timeout: 30_000 });
  const href = (await page.locator('#portfolio-link').getAttribute('href')) as string;
  expect(problems).toEqual([]);

  // The portfolio, switched to grouping by framework domain.
  await page.goto(`${e2e.stack.botUrl}${href}`, { waitUntil: 'load' });
  await page.getByRole('link', { name: 'framework domain' }).click();
  await page.waitForURL(/by=domain/);
  await expect(page.getByRole('link', { name: 'framework domain' }).getAttribute('aria-current')).resolves.toBe('page');
  const communication = page.locator('section', { has: page.getByRole('heading', { name: /^4\. Communication and information/ }) });
  await expect(communication.locator('h2').textContent()).resolves.toBe('4. Communication and information (1)');
  await expect(communication.locator('.slip-message').textContent()).resolves.toContain('Mr Ahmed');
  await expect(communication.locator('.note-reflection').textContent()).resolves.toBe(`Your reflection: ${REFLECTION}`);
  expect(await page.locator('.domain-prompt', { hasText: EMPTY_DOMAIN_PROMPT }).count()).toBe(7);
  await expect(page.locator('#domain-untagged').textContent()).resolves.toBe('Not tagged with a domain yet (2)');
  expect(await page.getByRole('link', { name: 'Download as a spreadsheet (CSV)' }).getAttribute('href')).toMatch(
    /^\/me\/portfolio\.csv\?link=.+&by=domain$/,
  );
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(DOCS_DIR, 'portfolio-by-domain.png'), fullPage: true });
  await page.context().close();
});

test('at 200% zoom (half the width) the open form needs no sideways scrolling', async () => {
  const { page, problems } = await openMyTab(e2e, 550, 800);
  await page.locator('#slips .slip').first().locator('button[data-reflect]').click();
  await page.locator('#slips form.reflect').first().waitFor({ state: 'visible' });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  expect(problems).toEqual([]);
  await page.context().close();
});
