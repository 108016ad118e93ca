// The governance digest's read-out and printable page in a real browser, as a lead would open
// them from the digest card: the app (with Azurite) from the test harness, a month of slips
// seeded, and Chromium stepping through the read-out with the keyboard and the buttons.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Profile, StaffGroup } from '../../src/domain/person';
import type { Slip } from '../../src/domain/slip';
import { LinkSigner } from '../../src/services/link-signer';
import { startHarness, type Harness } from '../support/harness';
import { CHANNEL, TEAM, TENANT, crowd, message, people, type TestPerson } from '../support/teams';
import { DOCS_DIR, axeViolations, launchChromium } from './support';

const LINK_SECRET = 'an-e2e-secret-for-signed-digest-links-0123456789';
const NOW = new Date('2025-06-10T09:00:00Z');
const MONTH = '2025-05';
const TREND = [3, 5, 4, 7, 6, 9, 5, 8, 10, 7, 11]; // June 2024 to April 2025

const { amara, sam, jo, ola, priya } = people;
const lead = jo;
const others = crowd(10);
const everyone = [amara, sam, jo, ola, priya, ...others];
const ref = (p: TestPerson) => ({ id: p.aadObjectId, teamsId: p.id, name: p.name });

// May's thank-yous, oldest first. Ola asked for no read-out; one is private.
const MAY: Array<{ from: TestPerson; to: TestPerson[]; message: string; values: string[]; private?: boolean; cosigners?: TestPerson[] }> = [
  {
    from: sam,
    to: [amara],
    message: 'Thank you for staying with Mrs Jones until her daughter arrived. You made a frightening day calmer for all of us.',
    values: ['Above and beyond for patients'],
    cosigners: [priya, jo, others[0]],
  },
  {
    from: priya,
    to: [others[1]],
    message: 'Your handover notes on the stroke unit were so clear that I could pick up straight away.',
    values: ['Skill and expertise'],
  },
  { from: others[2], to: [amara, priya], message: 'Thanks for covering my clinic at short notice on Friday.', values: ['Team player'] },
  { from: jo, to: [ola], message: 'Thank you for running the falls group on your own.', values: ['Trusted with responsibility'] },
  {
    from: amara,
    to: [sam],
    message: 'You noticed the new starter was on her own at lunch and asked her to join us. That mattered.',
    values: ['Including others'],
    cosigners: [others[3]],
  },
  {
    from: others[4],
    to: [amara],
    message: 'A private note: thank you for listening on a hard day.',
    values: ['Team player'],
    private: true,
  },
  {
    from: others[5],
    to: [others[6]],
    message: 'Thank you for learning the new hoist so quickly and showing the rest of us.',
    values: ['Learning and growing', 'Skill and expertise'],
  },
  {
    from: sam,
    to: [priya],
    message: 'Great work leading the exercise class today: the patients loved it.',
    values: ['Skill and expertise', 'Trusted with responsibility'],
    cosigners: [amara],
  },
];

const GROUPS: Record<string, StaffGroup> = Object.fromEntries([
  [amara.aadObjectId, 'support worker'],
  ...others.slice(0, 5).map((p) => [p.aadObjectId, 'support worker']),
  [sam.aadObjectId, 'registered professional'],
  [priya.aadObjectId, 'registered professional'],
  ...others.slice(5).map((p) => [p.aadObjectId, 'registered professional']),
]);

let h: Harness;
let browser: Browser;
let link: string;
const readOutOrder: string[] = [];

function slip(id: string, month: string, day: number, s: (typeof MAY)[number]): Slip {
  return {
    id,
    tenantId: TENANT,
    teamId: TEAM.id,
    month,
    conversationId: CHANNEL.id,
    createdAt: `${month}-${String(day).padStart(2, '0')}T10:${String(day).padStart(2, '0')}:00.000Z`,
    sender: ref(s.from),
    recipients: s.to.map(ref),
    message: s.message,
    values: s.values,
    visibility: s.private ? 'private' : 'team',
    cosigners: (s.cosigners ?? []).map(ref),
    notified: {},
  };
}

beforeAll(async () => {
  h = await startHarness({ LINK_SECRET }, { now: () => new Date(NOW) });
  expect((await h.post(message('help', { serviceUrl: h.serviceUrl, where: 'channel', from: lead, mentionBot: true }))).status).toBe(200);
  await h.valued.repos.teamSettings.update(TEAM.id, (s) => ({ ...s, leadIds: [lead.aadObjectId] }));
  const repos = h.valued.repos;
  for (const [i, s] of MAY.entries()) await repos.slips.create(slip(`may-${i}`, MONTH, 2 + i * 3, s));
  // Earlier months, for the 12-month trend.
  for (const [m, count] of TREND.entries()) {
    const month = `${m < 7 ? 2024 : 2025}-${String(((m + 5) % 12) + 1).padStart(2, '0')}`;
    for (let i = 0; i < count; i++) await repos.slips.create(slip(`old-${month}-${i}`, month, 1 + i * 2, MAY[i % MAY.length]));
  }
  for (const p of everyone) {
    const profile: Profile = {
      personId: p.aadObjectId,
      updatedAt: NOW.toISOString(),
      ...(GROUPS[p.aadObjectId] ? { staffGroup: GROUPS[p.aadObjectId] } : {}),
    };
    if (p === amara) profile.preferredTitle = 'Associate practitioner';
    if (p === priya) profile.preferredTitle = 'Physiotherapist';
    if (p === ola) profile.noReadOut = true;
    await repos.profiles.put(profile);
  }
  await repos.nominations.put({
    teamId: TEAM.id,
    month: MONTH,
    nominee: ref(amara),
    nominator: ref(sam),
    reason: 'Amara set up the ward exercise class and now runs it with confidence.',
    values: ['Trusted with responsibility'],
    anonymous: false,
    slipIds: [],
    createdAt: '2025-05-20T10:00:00Z',
    updatedAt: '2025-05-20T10:00:00Z',
  });
  await repos.awards.put({
    teamId: TEAM.id,
    month: MONTH,
    winners: [ref(amara)],
    highlyCommended: [ref(priya)],
    citation: 'For the calm and kindness she brings to every patient, every day.',
    values: ['Above and beyond for patients'],
    announcedAt: '2025-05-30T15:00:00Z',
  });

  // What the meeting reads: team slips, per recipient who did not opt out, names in order.
  const readable = MAY.filter((s) => !s.private);
  const names = [...new Set(readable.flatMap((s) => s.to))].filter((p) => p !== ola).sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  for (const p of names) for (const s of readable.filter((x) => x.to.includes(p))) readOutOrder.push(`${p.name}|${s.message}`);

  link = encodeURIComponent(new LinkSigner(LINK_SECRET).signBox(lead.aadObjectId, 'digest', { teamId: TEAM.id, month: MONTH }, NOW));
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await h?.stop();
});

async function openPage(pathname: string, width = 1280, height = 720): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'en-GB' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${h.valued.http.url}${pathname}`, { waitUntil: 'load' });
  return { page, problems };
}

const counter = (page: Page) => page.locator('#counter').textContent();

/** The one slide showing: its heading (name and title) and message. */
async function visibleSlip(page: Page): Promise<string> {
  const slides = page.locator('.slip-slide:visible');
  expect(await slides.count()).toBe(1);
  const name = (await slides.locator('.recipient').evaluate((h2) => h2.firstChild?.textContent ?? '')).trim();
  return `${name}|${await slides.locator('.message').textContent()}`;
}

test('the read-out steps through the slips with the keyboard and the buttons', async () => {
  const { page, problems } = await openPage(`/digest/readout?link=${link}`);
  await page.locator('.controls').waitFor({ state: 'visible' });
  const total = readOutOrder.length;
  expect(total).toBe(7);

  // The summary first; no slip showing yet.
  await expect(counter(page)).resolves.toBe('Summary');
  expect(await page.locator('.summary-slide').isVisible()).toBe(true);
  await expect(page.locator('.summary-slide .winners').textContent()).resolves.toBe('Amara Okafor');
  expect(await page.locator('.slip-slide:visible, .charts-slide:visible').count()).toBe(0);

  // Then the values and the 12-month trend, side by side.
  await page.keyboard.press('ArrowRight');
  await expect(counter(page)).resolves.toBe('Values and the last 12 months');
  expect(await page.locator('.summary-slide').isVisible()).toBe(false);
  expect(await page.locator('svg.chart[role=img]:visible').count()).toBe(2);
  expect(await page.locator('#trend-chart rect').count()).toBe(12);
  await page.screenshot({ path: path.join(DOCS_DIR, 'digest-charts.png') });

  const expectAt = async (n: number) => {
    await expect(counter(page)).resolves.toBe(`${n} of ${total}`);
    await expect(visibleSlip(page)).resolves.toBe(readOutOrder[n - 1]);
  };
  await page.keyboard.press('ArrowRight');
  await expectAt(1);
  await page.keyboard.press('Space');
  await expectAt(2);
  await page.keyboard.press('PageDown');
  await expectAt(3);
  await page.keyboard.press('ArrowLeft');
  await expectAt(2);
  await page.keyboard.press('PageUp');
  await expectAt(1);
  await page.keyboard.press('End');
  await expectAt(total);
  // At the end, Next stays on the last slip and its button is off.
  await page.keyboard.press('ArrowRight');
  await expectAt(total);
  expect(await page.locator('#next').isDisabled()).toBe(true);
  await page.keyboard.press('Home');
  await expect(counter(page)).resolves.toBe('Summary');
  expect(await page.locator('#previous').isDisabled()).toBe(true);

  // The on-screen buttons, for a mouse or a touch screen.
  await page.getByRole('button', { name: 'Next →' }).click();
  await expect(counter(page)).resolves.toBe('Values and the last 12 months');
  await page.getByRole('button', { name: 'Next →' }).click();
  await expectAt(1);
  await page.getByRole('button', { name: 'Next →' }).click();
  await expectAt(2);
  await page.getByRole('button', { name: '← Previous' }).click();
  await expectAt(1);
  // Space on a focused button presses it once, not twice.
  await page.getByRole('button', { name: 'Next →' }).focus();
  await page.keyboard.press('Space');
  await expectAt(2);

  // The address keeps the place, so a reload comes back to the same slip.
  expect(new URL(page.url()).hash).toBe('#slip-2');
  await page.reload({ waitUntil: 'load' });
  await page.locator('.controls').waitFor({ state: 'visible' });
  await expectAt(2);

  // Nothing private or opted out is on the page at all.
  const text = (await page.locator('body').textContent()) ?? '';
  expect(text).not.toContain('A private note');
  expect(text).not.toContain('running the falls group');

  // The slip with a title, for the README: Amara's first.
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(visibleSlip(page)).resolves.toContain('Amara Okafor|Thank you for staying with Mrs Jones');
  await expect(page.locator('.slip-slide:visible .recipient-title').textContent()).resolves.toBe('Associate practitioner');
  await page.screenshot({ path: path.join(DOCS_DIR, 'digest-readout.png') });
  expect(problems).toEqual([]);
  await page.context().close();
});

test('without its script the read-out still shows every slip in turn', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 }, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${h.valued.http.url}/digest/readout?link=${link}`);
  expect(await page.locator('.slip-slide:visible').count()).toBe(readOutOrder.length);
  expect(await page.locator('.controls').isVisible()).toBe(false);
  await expect(page.locator('.slip-slide .slide-number').first().textContent()).resolves.toBe(`1 of ${readOutOrder.length}`);
  await context.close();
});

test('the printable digest: summary and fairness panel, each recipient on a new page, controls hidden in print', async () => {
  const { page, problems } = await openPage(`/digest/print?link=${link}`, 1000, 1400);
  await expect(page.locator('h1').textContent()).resolves.toBe('Therapies Team · May 2025');
  const groups = page.locator('.recipient-group');
  expect(await groups.count()).toBe(new Set(readOutOrder.map((r) => r.split('|')[0])).size);
  expect(await page.getByRole('button', { name: 'Print or save as PDF' }).isVisible()).toBe(true);
  await expect(page.locator('#fairness-heading').textContent()).resolves.toBe('Does recognition reach everyone?');

  await page.screenshot({ path: path.join(DOCS_DIR, 'digest-printable.png') });

  await page.emulateMedia({ media: 'print' });
  expect(await page.getByRole('button', { name: 'Print or save as PDF' }).isVisible()).toBe(false);
  expect(await groups.first().evaluate((el) => getComputedStyle(el).breakBefore)).toBe('page');
  expect(
    await page
      .locator('.print-slip')
      .first()
      .evaluate((el) => getComputedStyle(el).breakInside),
  ).toBe('avoid');
  // A real print to PDF works and has a page per recipient at least.
  const pdf = await page.pdf({ format: 'A4' });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
  expect(pages).toBeGreaterThanOrEqual((await groups.count()) + 1);
  expect(problems).toEqual([]);
  await page.context().close();
});

test('a changed link is refused kindly in the browser too', async () => {
  const { page } = await openPage(`/digest/readout?link=${link.slice(0, -3)}abc`);
  await expect(page.locator('h1').textContent()).resolves.toBe('This link can’t be opened');
  await page.context().close();
});

test('every digest page and read-out slide passes axe-core at WCAG 2.2 AA', async () => {
  const { page, problems } = await openPage(`/digest/readout?link=${link}`);
  await page.locator('.controls').waitFor({ state: 'visible' });
  // The summary, the charts (with their tables opened), and a slip with a title.
  expect(await axeViolations(page)).toEqual([]);
  await page.keyboard.press('ArrowRight');
  await expect(counter(page)).resolves.toBe('Values and the last 12 months');
  for (const summary of await page.locator('.charts-slide summary').all()) await summary.click();
  expect(await axeViolations(page)).toEqual([]);
  await page.keyboard.press('ArrowRight');
  await expect(counter(page)).resolves.toBe(`1 of ${readOutOrder.length}`);
  expect(await axeViolations(page)).toEqual([]);

  await page.goto(`${h.valued.http.url}/digest/print?link=${link}`, { waitUntil: 'load' });
  expect(await axeViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
  // The refusal is a 403, which the console reports; its page must still be accessible.
  await page.goto(`${h.valued.http.url}/digest/readout?link=${link.slice(0, -3)}abc`, { waitUntil: 'load' });
  await expect(page.locator('h1').textContent()).resolves.toBe('This link can’t be opened');
  expect(await axeViolations(page)).toEqual([]);

  // The scan does find faults: a page without a language or a title, and an image without a text alternative.
  await page.setContent('<html><body><img src="data:,"></body></html>');
  const faults = await axeViolations(page);
  expect(faults.map((f) => f.split(' ')[0]).sort()).toEqual(['document-title', 'html-has-lang', 'image-alt']);
  await page.context().close();
});
