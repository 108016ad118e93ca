// ALLOWED_TENANTS over the real protocol: activities from any other organisation are ignored
// (no reply, nothing saved) and logged with their tenant id; our own tenant is served as usual.
import { startHarness, type Harness } from '../support/harness';
import { textOf } from '../support/connector';
import { TENANT, TEAM, cardAction, installationUpdate, message, people, member } from '../support/teams';
import { monthOf } from '../../src/domain/box';
import { TABLES } from '../../src/storage/table/keys';

const STRANGER = '0badc0de-0000-4000-8000-00000000beef';
let h: Harness;

/** The same activity as if it came from another organisation's Teams. */
function fromTenant<T extends { channelData?: any; conversation?: any }>(activity: T, tenantId: string): T {
  return {
    ...activity,
    channelData: { ...activity.channelData, tenant: { id: tenantId } },
    conversation: { ...activity.conversation, tenantId },
  };
}

async function rowCount(): Promise<number> {
  let n = 0;
  for (const t of TABLES) for await (const _row of h.valued.store.table(t).listEntities()) n++;
  return n;
}

beforeAll(async () => {
  h = await startHarness({ ALLOWED_TENANTS: ` ${TENANT.toUpperCase()} ` });
  h.connector.members = Object.values(people).map(member);
});
afterAll(() => h.stop());
beforeEach(() => h.connector.clear());

test('a message, an install and a card action from another tenant get no reply, save nothing and are logged with the tenant id', async () => {
  const before = await rowCount();
  const thanks = fromTenant(
    message('thanks @Sam for covering my clinic', {
      serviceUrl: h.serviceUrl,
      where: 'channel',
      from: people.amara,
      mentions: [people.sam],
      mentionBot: true,
    }),
    STRANGER,
  );
  expect((await h.post(thanks)).status).toBe(200);
  expect((await h.post(fromTenant(installationUpdate({ serviceUrl: h.serviceUrl, from: people.jo }), STRANGER))).status).toBe(200);

  // An invoke gets an empty 200: nothing that tells a stranger what this bot is or does.
  const submit = fromTenant(
    cardAction(
      'slip.submit',
      {
        draftId: 'draft-stranger-1',
        recipients: people.sam.aadObjectId,
        message: 'Thanks from afar',
        values: 'Team player',
        visibility: 'team',
      },
      { serviceUrl: h.serviceUrl, where: 'channel', from: people.amara },
    ),
    STRANGER,
  );
  const res = await h.post(submit);
  expect(res.status).toBe(200);
  expect(res.body ?? '').toBe('');

  await h.valued.bot.sender.idle();
  expect(h.connector.requests).toHaveLength(0);
  expect(await h.valued.repos.slips.listBox(TEAM.id, monthOf(new Date()))).toEqual([]);
  expect(await rowCount()).toBe(before);
  const warnings = h.logs.entries.filter((e) => e.level === 'warn' && e.data?.tenantId === STRANGER);
  expect(warnings).toHaveLength(3);
});

test('an activity without any tenant is ignored too', async () => {
  const a: any = message('help', { serviceUrl: h.serviceUrl, from: people.amara });
  delete a.channelData.tenant;
  delete a.conversation.tenantId;
  expect((await h.post(a)).status).toBe(200);
  expect(h.connector.requests).toHaveLength(0);
});

test('our own tenant is served as usual', async () => {
  const help = message('help', { serviceUrl: h.serviceUrl, from: people.amara });
  expect((await h.post(help)).status).toBe(200);
  const replies = h.connector.sent(help.conversation.id);
  expect(replies.length).toBeGreaterThan(0);
  expect(replies.map((r) => textOf(r.body)).join(' ').length).toBeGreaterThan(0);
});
