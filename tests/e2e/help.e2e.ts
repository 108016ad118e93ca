// First walk-through: a new person opens Valued in the personal chat and asks for help.
import { cardFirstText, openConversation, saveScreenshot, sendMessage, startE2EStack, waitForCardText, type E2EStack } from './support';

let e2e: E2EStack;

beforeAll(async () => {
  e2e = await startE2EStack();
}, 150_000);

afterAll(async () => {
  await e2e?.close();
});

test('typing "help" in the personal chat shows the welcome card', async () => {
  const page = await e2e.openPlayground();
  await openConversation(page, 'personal');

  const sent = await sendMessage(page, 'help');
  const card = await waitForCardText(page, 'Welcome to Valued', { since: sent });

  expect(await cardFirstText(card)).toBe('Welcome to Valued');
  await saveScreenshot(page, 'help-card');
});
