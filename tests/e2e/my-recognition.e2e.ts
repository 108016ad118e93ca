// "My recognition" in a real browser: the personal tab (local mode, so the Playground's
// current user, Amara, is the development identity) and her printable recognition portfolio.
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { SlipHistoryEntry } from '../../src/domain/history';
import { DOCS_DIR, axeViolations, openMyTab, readPretendTenant, stackRepositories, startE2EStack, type E2EStack } from './support';

let e2e: E2EStack;
const tenant = readPretendTenant();
const amara = tenant.currentUser;
const colleagues = tenant.people.filter((p) => p.aadObjectId !== amara.aadObjectId);

const THANKS: Array<[string, string[]]> = [
  [
    'Thank you for staying with Mrs Jones until her daughter arrived. You made a frightening day calmer.',
    ['Above and beyond for patients'],
  ],
  ['Your handover notes on the stroke unit were so clear that I could pick up straight away.', ['Skill and expertise']],
  ['Thanks for covering my clinic at short notice on Friday.', ['Team player']],
  ['You noticed the new starter was on her own at lunch and asked her to join us. That mattered.', ['Including others']],
  ['Great work leading the falls group today: the patients loved it.', ['Skill and expertise', 'Trusted with responsibility']],
  ['Thank you for learning the new hoist so quickly and showing the rest of us.', ['Learning and growing']],
  ['You spotted that the wheelchair cushion was wrong before anyone else did.', ['Skill and expertise']],
  ['Thanks for running the ward exercise class on your own while we were short.', ['Trusted with responsibility', 'Team player']],
];

function seedSlips(now: number): SlipHistoryEntry[] {
  return Array.from({ length: 26 }, (_, i) => {
    const createdAt = new Date(now - (i * 13 + (i % 3)) * 86_400_000 - i * 3_600_000).toISOString();
    const from = colleagues[i % colleagues.length];
    const [message, values] = THANKS[i % THANKS.length];
    return {
      kind: 'slip',
      slipId: `seed-${i}`,
      teamId: tenant.team.id,
      month: createdAt.slice(0, 7),
      createdAt,
      sender: { id: from.aadObjectId, teamsId: from.id, name: from.name },
      message,
      values,
      visibility: i % 9 === 4 ? 'private' : 'team',
    };
  });
}

beforeAll(async () => {
  e2e = await startE2EStack();
  const repos = stackRepositories(e2e);
  const now = Date.now();
  await repos.history.addSlips(amara.aadObjectId, seedSlips(now));
  await repos.profiles.put({
    personId: amara.aadObjectId,
    preferredTitle: 'Therapy support worker',
    profession: 'Therapies',
    band: 'Band 3',
    updatedAt: new Date(now).toISOString(),
  });
  const lastMonth = new Date(now - 40 * 86_400_000).toISOString().slice(0, 7);
  await repos.history.addAward(amara.aadObjectId, {
    kind: 'award',
    teamId: tenant.team.id,
    teamName: tenant.team.name,
    month: lastMonth,
    result: 'winner',
    citation: 'For the calm and kindness she brings to every patient, every day.',
    values: ['Above and beyond for patients'],
    announcedAt: new Date(now - 10 * 86_400_000).toISOString(),
  });
  await repos.history.addNomination(amara.aadObjectId, colleagues[2].aadObjectId, {
    kind: 'nomination',
    teamId: tenant.team.id,
    month: lastMonth,
    createdAt: new Date(now - 45 * 86_400_000).toISOString(),
    nominator: { id: colleagues[2].aadObjectId, teamsId: colleagues[2].id, name: colleagues[2].name },
    reason: 'Amara set up the ward exercise class and now runs it with confidence.',
    values: ['Trusted with responsibility'],
  });
}, 150_000);

afterAll(async () => {
  await e2e?.close();
});

async function openTab(width = 1100, height = 900): Promise<Page> {
  const { page, problems } = await openMyTab(e2e, width, height);
  // Nothing is blocked by the CSP and no script fails.
  expect(problems).toEqual([]);
  return page;
}

test('the tab shows Amara’s totals, charts and slips, and pages Older and Newer', async () => {
  const page = await openTab();
  await expect(page.locator('h1').textContent()).resolves.toBe('My recognition');
  await expect(page.locator('.lead').textContent()).resolves.toContain('Hello Amara.');
  await expect(page.locator('.total-number').allTextContents()).resolves.toEqual(expect.arrayContaining(['26']));
  expect(await page.locator('svg.chart[role=img]').count()).toBe(2);
  expect(await page.locator('#slips .slip').count()).toBe(10);
  const firstPage = await page.locator('#slips .slip-message').first().textContent();

  await page.getByRole('button', { name: 'Older →' }).click();
  await page.getByRole('button', { name: '← Newer' }).waitFor();
  expect(await page.locator('#slips .slip-message').first().textContent()).not.toBe(firstPage);
  await page.getByRole('button', { name: '← Newer' }).click();
  await page.getByRole('button', { name: '← Newer' }).waitFor({ state: 'detached' });
  expect(await page.locator('#slips .slip-message').first().textContent()).toBe(firstPage);

  await page.selectOption('#filter-value', 'Team player');
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll('#slips .badges')).every((b) => b.textContent?.includes('Team player')),
  );
  await page.selectOption('#filter-value', '');
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await page.locator('#slips .slip >> nth=9').waitFor();

  await page.screenshot({ path: path.join(DOCS_DIR, 'my-recognition-tab.png'), fullPage: true });
  await page.context().close();
});

test('at 200% zoom (half the width) nothing needs sideways scrolling', async () => {
  const page = await openTab(550, 800);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.context().close();
});

test('the portfolio opens from the tab, prints without its controls, and is only for Amara', async () => {
  const tab = await openTab();
  const href = (await tab.locator('#portfolio-link').getAttribute('href')) as string;
  await tab.context().close();

  const context = await e2e.browser.newContext({ viewport: { width: 1000, height: 1000 }, locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(`${e2e.stack.botUrl}${href}`);
  await expect(page.locator('h1').textContent()).resolves.toBe('Recognition portfolio');
  await expect(page.locator('.person-name').textContent()).resolves.toBe('Amara Okafor');
  await expect(page.locator('.details').textContent()).resolves.toContain('Therapy support worker');
  expect(await page.getByRole('button', { name: 'Print or save as PDF' }).isVisible()).toBe(true);
  await page.screenshot({ path: path.join(DOCS_DIR, 'recognition-portfolio.png'), fullPage: false });

  // The period form keeps the link and narrows the page.
  const from = new Date(Date.now() - 60 * 86_400_000).toISOString().slice(0, 10);
  await page.fill('#from', from);
  await page.getByRole('button', { name: 'Show this period' }).click();
  await page.waitForURL(/from=/);
  const summary = await page.locator('.overview p').first().textContent();
  expect(summary).toMatch(/^\d+ thank-yous? from/);
  expect(Number(summary?.split(' ')[0])).toBeLessThan(26);

  await page.emulateMedia({ media: 'print' });
  expect(await page.locator('form.period').isVisible()).toBe(false);
  expect(await page.getByRole('button', { name: 'Print or save as PDF' }).isVisible()).toBe(false);

  // A changed link is refused kindly.
  await page.emulateMedia({ media: 'screen' });
  await page.goto(`${e2e.stack.botUrl}${href.slice(0, -3)}abc`);
  await expect(page.locator('h1').textContent()).resolves.toBe('This link can’t be opened');
  await context.close();
});

test('the tab, the portfolio, the refusal and the pages the manifest links to pass axe-core at WCAG 2.2 AA', async () => {
  const tab = await openTab();
  for (const summary of await tab.locator('details summary').all()) await summary.click();
  expect(await axeViolations(tab)).toEqual([]);
  const href = (await tab.locator('#portfolio-link').getAttribute('href')) as string;

  const page = await tab.context().newPage();
  for (const path of [href, `${href.slice(0, -3)}abc`, '/', '/privacy', '/terms']) {
    await page.goto(`${e2e.stack.botUrl}${path}`, { waitUntil: 'load' });
    expect({ path, violations: await axeViolations(page) }).toEqual({ path, violations: [] });
  }
  await tab.context().close();
});
