// Every command the Teams manifest offers really has a handler behind it.
import manifest from '../../manifest/manifest.json';
import { startHarness, type Harness } from '../support/harness';
import { textOf } from '../support/connector';
import { composeExtension, message, people } from '../support/teams';
import { FALLBACK_TEXT } from '../../src/bot/listeners/fallback';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  h.connector.members = [people.amara, people.sam].map((p) => ({ id: p.id, name: p.name, aadObjectId: p.aadObjectId }));
});
afterAll(() => h.stop());

const meCommands = (manifest.composeExtensions ?? []).flatMap((e: any) => e.commands.map((c: any) => c.id as string));
const botCommands = [
  ...new Set(
    (manifest.bots ?? []).flatMap((b: any) => (b.commandLists ?? []).flatMap((l: any) => l.commands.map((c: any) => c.title as string))),
  ),
];

test('the manifest offers commands at all', () => {
  expect(meCommands.length).toBeGreaterThan(0);
  expect(botCommands.length).toBeGreaterThan(0);
});

test.each(meCommands)('message-extension command %s opens a dialog', async (id) => {
  const res = await h.post(composeExtension.fetchTask(id, { serviceUrl: h.serviceUrl, where: 'channel', from: people.amara }));
  expect(res.status).toBe(200);
  expect(res.body.task.type).toBe('continue');
  expect(res.body.task.value.card.contentType).toBe('application/vnd.microsoft.card.adaptive');
});

test.each(botCommands)('bot command "%s" is understood (not the fallback)', async (title) => {
  h.connector.clear();
  const a = message(title, { serviceUrl: h.serviceUrl, from: people.amara });
  await h.post(a);
  await h.connector.waitFor(() => h.connector.sent(a.conversation.id).length > 0);
  expect(textOf(h.connector.sent(a.conversation.id)[0].body)).not.toBe(FALLBACK_TEXT);
});
