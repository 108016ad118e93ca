// Star of the month in the Playground: Amara thanks Sam in the team channel, nominates Sam in
// her personal chat, then (as the team's governance lead, set by FIRST_LEAD_IDS) reviews the
// month, shortlists Sam and announces; the award card appears in the team channel.
import {
  chooseCardOption,
  choosePeople,
  clickCardButton,
  fillCardInput,
  openConversation,
  readPretendTenant,
  saveScreenshot,
  sendMessage,
  startE2EStack,
  waitForCardText,
  type E2EStack,
} from './support';

// Amara Okafor is the Playground's current user; she is made the team's first lead.
const AMARA_AAD_OBJECT_ID = readPretendTenant().currentUser.aadObjectId;

let e2e: E2EStack;

beforeAll(async () => {
  e2e = await startE2EStack({ botEnv: { FIRST_LEAD_IDS: AMARA_AAD_OBJECT_ID } });
}, 150_000);

afterAll(async () => {
  await e2e?.close();
});

test('Amara nominates Sam, reviews the month as lead and announces the star of the month', async () => {
  const page = await e2e.openPlayground();

  // The team's channel: Valued learns the team (Amara is its first lead) and Sam gets a slip.
  await openConversation(page, 'channel');
  let sent = await sendMessage(page, 'thanks @{Sam Patel} for covering my clinic');
  await waitForCardText(page, 'for covering my clinic', { since: sent });

  // Nominating, in the personal chat.
  await openConversation(page, 'personal');
  sent = await sendMessage(page, 'nominate');
  const form = await waitForCardText(page, 'Nominate a colleague for star of the month', { since: sent });
  // Screenshots hide the log panel, which re-draws the cards and empties their inputs: do it first.
  await saveScreenshot(page, 'nomination-form', { show: form });
  await choosePeople(form, 'Sam Patel');
  await fillCardInput(
    form,
    'Why do they deserve it? (at least 20 characters)',
    'Sam covered my clinic at no notice and still made every patient feel unhurried.',
  );
  await chooseCardOption(form, 'Which values did they show? (optional, up to three)', ['Team player', 'Above and beyond for patients']);
  await chooseCardOption(form, 'Add thank-you slips they received this month (optional)', [
    'To Sam Patel: “for covering my clinic” from Amara Okafor',
  ]);
  await saveScreenshot(page, 'nomination-form', { show: form });
  await clickCardButton(form, 'Nominate');
  await waitForCardText(page, 'Thank you for your nomination');
  await waitForCardText(page, 'Sam Patel is nominated for star of the month');

  // Reviewing the month as its lead.
  sent = await sendMessage(page, 'nominations');
  let review = await waitForCardText(page, 'Star of the month: Therapies Team', { since: sent });
  await waitForCardText(page, '1 nomination · 1 slip this month · last won: never');
  await chooseCardOption(review, 'Shortlist', ['Sam Patel']);
  await clickCardButton(review, 'Save shortlist');
  review = await waitForCardText(page, 'Shortlist saved.');
  await chooseCardOption(review, 'Star of the month (choose two or more for joint winners)', ['Sam Patel']);
  await fillCardInput(
    review,
    'Citation: a few words on why, read out with the award',
    'For covering clinics at no notice, and never letting a patient feel rushed.',
  );
  await saveScreenshot(page, 'nomination-review', { show: review });
  await clickCardButton(review, 'Announce');
  await waitForCardText(page, 'Announced in the team channel');

  // The announcement in the team channel.
  await openConversation(page, 'channel');
  const announcement = await waitForCardText(page, 'our star of the month!');
  expect(await announcement.innerText()).toContain('For covering clinics at no notice');
  await saveScreenshot(page, 'star-of-the-month-announcement', { show: announcement });
});
