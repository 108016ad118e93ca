// Thank-you slips in the browser: Amara Okafor (support worker) thanks Sam Patel
// (physiotherapist) from a team channel, the group chat and her personal chat with Valued, meets
// the inclusive-language nudge, and adds her thanks to a colleague's slip; Sam, in a second
// Playground of his own, gets a personal card for each thank-you.
//
// The steps share one stack and run in order: each builds on what the one before left behind.
import type { Locator, Page } from 'playwright-core';
import {
  cardFirstText,
  chooseCardOption,
  choosePeople,
  clickCardButton,
  fillCardInput,
  openConversation,
  readPretendTenant,
  saveScreenshot,
  sendCustomActivity,
  sendMessage,
  settle,
  startE2EStack,
  teamsMessage,
  waitForCardNote,
  waitForCardText,
  type E2EStack,
} from './support';

const RECIPIENTS = 'Who would you like to thank? (up to 10 people)';
const MESSAGE = 'What are you thanking them for?';
const VALUES = 'Which values did they show? Choose one to three.';
const VISIBILITY = 'Who can see it?';
const TEAM_CAN_SEE = 'My team: it can be read out at the monthly governance meeting';

const CHANNEL_THANKS = 'for covering my clinic';
const GROUP_THANKS = 'for the lift home';
const FORM_THANKS = 'for staying late to settle Mrs Jones on the ward. She felt so safe with you.';
const NUDGED_THANKS = 'brilliant for just a support worker';

let e2e: E2EStack;
let amara: Page;
let sam: Page;

/** The card's lines of text, whitespace tidied. */
async function lines(card: Locator): Promise<string[]> {
  return (await card.innerText())
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

async function expectSlip(card: Locator, slip: { from: string; to: string; message: string; values?: string[] }): Promise<void> {
  const text = await lines(card);
  expect(text[0]).toBe('Thank you');
  expect(text).toContain(`From ${slip.from} to ${slip.to}`);
  expect(text).toContain(slip.message);
  for (const value of slip.values ?? []) expect(text).toContain(value);
  expect(text.some((l) => l.includes('this can be read out at the monthly governance meeting'))).toBe(true);
}

beforeAll(async () => {
  e2e = await startE2EStack();
  // Sam's Playground tells the bot about his personal chat as it loads, so the bot can reach him
  // when Amara thanks him: it must be open before she sends anything. Both load at once, as
  // loading the Playground takes a few seconds of CPU.
  [sam, amara] = await Promise.all([e2e.openPlaygroundAs(), e2e.openPlayground()]);
  await openConversation(sam, 'personal');
  await waitForCardText(sam, 'Welcome to Valued');
}, 150_000);

afterAll(async () => {
  await e2e?.close();
});

test('in a team channel, "thanks @Sam for …" posts a slip card straight away', async () => {
  await openConversation(amara, 'channel');
  const hello = await sendMessage(amara, `@{Valued} help`);
  await waitForCardText(amara, 'Welcome to Valued', { since: hello });

  const sent = await sendMessage(amara, `thanks @{Sam Patel} ${CHANNEL_THANKS}`);
  const card = await waitForCardText(amara, 'From Amara Okafor to Sam Patel', { since: sent });

  await expectSlip(card, { from: 'Amara Okafor', to: 'Sam Patel', message: CHANNEL_THANKS });
  expect(await card.getByRole('button', { name: 'Add my thanks', exact: true }).isVisible()).toBe(true);
  await saveScreenshot(amara, 'slip-card-channel', { show: card });
});

test('in the group chat, "thanks @Sam for …" posts a slip card', async () => {
  await openConversation(amara, 'group');
  const sent = await sendMessage(amara, `thanks @{Sam Patel} ${GROUP_THANKS}`);
  const card = await waitForCardText(amara, 'From Amara Okafor to Sam Patel', { since: sent });

  await expectSlip(card, { from: 'Amara Okafor', to: 'Sam Patel', message: GROUP_THANKS });
  await saveScreenshot(amara, 'slip-card-group', { show: card });
});

test('in the personal chat, the thank-you form checks what is missing, refuses self-thanks, then sends', async () => {
  await openConversation(amara, 'personal');

  // Nothing filled in: the card's own required-field checks stop it before it is sent.
  const first = await waitForCardText(amara, 'Send a thank-you', { since: await sendMessage(amara, 'thanks') });
  expect(await cardFirstText(first)).toBe('Send a thank-you');
  await clickCardButton(first, 'Send thanks');
  for (const error of [
    'Please choose at least one person to thank.',
    'Please say what you are thanking them for (up to 1,000 characters).',
    'Please choose one, two or three values.',
  ]) {
    await first.getByText(error, { exact: true }).waitFor();
  }

  // Amara picks herself: the bot answers inside the form, keeping what she wrote.
  await choosePeople(first, 'Amara Okafor');
  await fillCardInput(first, MESSAGE, 'for all my hard work this week');
  await chooseCardOption(first, VALUES, 'Team player');
  await clickCardButton(first, 'Send thanks');
  const refused = await waitForCardText(amara, 'Just a couple of things to check:');
  const refusal = await lines(refused);
  expect(refusal[0]).toBe('Send a thank-you');
  expect(refusal.some((l) => /^You can.t thank yourself/.test(l))).toBe(true);
  expect(await refused.getByLabel(MESSAGE).inputValue()).toBe('for all my hard work this week');

  // A fresh form, filled in properly.
  const form = await waitForCardText(amara, 'Send a thank-you', { since: await sendMessage(amara, 'thanks') });
  expect(await lines(form)).not.toContain('Just a couple of things to check:');
  await choosePeople(form, 'Sam Patel');
  await fillCardInput(form, MESSAGE, FORM_THANKS);
  await chooseCardOption(form, VALUES, ['Skill and expertise', 'Above and beyond for patients']);
  expect(await form.getByRole('radiogroup', { name: VISIBILITY }).getByRole('radio', { name: TEAM_CAN_SEE }).isChecked()).toBe(true);
  expect(await form.getByText(RECIPIENTS, { exact: true }).isVisible()).toBe(true);
  await saveScreenshot(amara, 'slip-form', { show: form });

  const sent = await clickCardButton(form, 'Send thanks');
  const confirmation = await waitForCardText(amara, 'Your thanks is on its way');
  expect(await lines(confirmation)).toEqual([
    'Your thanks is on its way',
    'Sam Patel will be told. Thank you for taking the time to say it.',
  ]);
  const card = await waitForCardText(amara, FORM_THANKS, { since: sent });
  await expectSlip(card, {
    from: 'Amara Okafor',
    to: 'Sam Patel',
    message: FORM_THANKS,
    values: ['Skill and expertise', 'Above and beyond for patients'],
  });
  await saveScreenshot(amara, 'slip-card-personal', { show: card });
});

test('"just a support worker" gets a gentle nudge, and "Post anyway" posts the words as written', async () => {
  await openConversation(amara, 'group');
  const sent = await sendMessage(amara, `thanks @{Sam Patel}, ${NUDGED_THANKS}`);
  const nudge = await waitForCardText(amara, 'A gentle thought before you post', { since: sent });

  const text = await lines(nudge);
  expect(text[0]).toBe('A gentle thought before you post');
  expect(text.some((l) => l.startsWith('You wrote “just a support worker”.'))).toBe(true);
  expect(text).toContain(NUDGED_THANKS);
  expect(text).toContain('Nothing has been changed or sent. You can edit it, or post it as it is.');
  expect(await nudge.getByRole('button', { name: 'Edit', exact: true }).isVisible()).toBe(true);
  await saveScreenshot(amara, 'slip-nudge', { show: nudge });

  const posted = await clickCardButton(nudge, 'Post anyway');
  const card = await waitForCardText(amara, 'From Amara Okafor to Sam Patel', { since: posted });
  await expectSlip(card, { from: 'Amara Okafor', to: 'Sam Patel', message: NUDGED_THANKS });
});

test('Sam gets a personal card for each thank-you', async () => {
  await openConversation(sam, 'personal');
  for (const message of [CHANNEL_THANKS, GROUP_THANKS, FORM_THANKS, NUDGED_THANKS]) {
    const card = await waitForCardText(sam, message);
    expect(await cardFirstText(card)).toBe('Amara Okafor thanked you');
  }
  const notifications = sam.locator('.ac-adaptiveCard').filter({ hasText: 'Amara Okafor thanked you' });
  expect(await notifications.count()).toBe(4);

  const fromForm = await waitForCardText(sam, FORM_THANKS);
  expect(await lines(fromForm)).toContain('Values: Skill and expertise · Above and beyond for patients');
  await saveScreenshot(sam, 'slip-notification', { show: fromForm });
});

test('a colleague who is neither sender nor recipient can add their thanks, once', async () => {
  await openConversation(amara, 'channel');

  // The Playground shows everyone the same card, so Amara sees the button on her own slip
  // too (Teams would give her a view without it); pressing it gets a kind no.
  const own = await waitForCardText(amara, CHANNEL_THANKS);
  await clickCardButton(own, 'Add my thanks');
  await waitForCardNote(own, 'This thank-you is from you, so you can’t add to it, but thank you for sending it!');

  // Jo Williams thanks Priya Shah in the same channel. The Playground acts as Amara only, so Jo's
  // message goes in through its "Mock an Activity" > "Custom activity", as Teams would send it.
  const tenant = readPretendTenant();
  const jo = teamsMessage(tenant, {
    from: 'Jo Williams',
    text: 'thanks @{Priya Shah} for the clear handover notes',
    where: 'channel',
    serviceUrl: `${new URL(e2e.stack.playgroundUrl).origin}/_connector`,
  });
  const mocked = await sendCustomActivity(amara, jo);
  const card = await waitForCardText(amara, 'From Jo Williams to Priya Shah', { since: mocked });
  await expectSlip(card, { from: 'Jo Williams', to: 'Priya Shah', message: 'for the clear handover notes' });
  expect(await lines(card)).not.toContain('Amara Okafor adds their thanks too.');

  // The bot updates the card everyone sees ("… adds their thanks too."), then answers the
  // press with Amara's own view of it, which the Playground shows in its place.
  await clickCardButton(card, 'Add my thanks');
  const updated = await waitForCardText(amara, 'You’ve added your thanks.');
  await settle(amara);
  const text = await lines(updated);
  expect(text).toContain('From Jo Williams to Priya Shah');
  expect(text).toContain('Amara Okafor adds their thanks too.');
  expect(text).toContain('You’ve added your thanks.');
  // Once only: her view of the card no longer offers the button.
  expect(await updated.getByRole('button', { name: 'Add my thanks', exact: true }).count()).toBe(0);
  await saveScreenshot(amara, 'slip-add-my-thanks', { show: updated });
});
