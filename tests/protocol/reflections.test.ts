// Tags and reflections over the real protocol and the tab's API: a person tags a thank-you
// they received with framework domains and reflects on it from "My recognition"; it is shown
// back to them, exported, erased, kept out of the digest, and refused for anyone else.
import { startHarness, type Harness } from '../support/harness';
import { textOf } from '../support/connector';
import { TEAM, cardAction, conversationFor, message, people, type TestPerson, member } from '../support/teams';
import { APP_ID_URI, CLIENT_ID, TENANT as SSO_TENANT, startTestSso, type TestSso } from '../support/test-sso';
import { parseCsv } from '../support/parse-csv';
import { monthOf } from '../../src/domain/box';
import { NOT_RECEIVED } from '../../src/services/reflection-service';
import { PRIVATE_ONLY } from '../../src/services/access-policy';

let h: Harness;
let sso: TestSso;
const { sam, jo, ola } = people;
const personal = (p: TestPerson) => conversationFor('personal', p).id;
const lastCard = (p: TestPerson) => h.connector.lastCard(personal(p));
const press = (verb: string, data: Record<string, unknown>, from: TestPerson, where: 'personal' | 'groupChat' = 'personal') =>
  h.post(cardAction(verb, data, { serviceUrl: h.serviceUrl, from, where })).then((r) => r.body.value);
/** Every element of a card, however deeply nested. */
const elements = (node: any): any[] =>
  node && typeof node === 'object'
    ? [node, ...Object.values(node).flatMap((v) => (Array.isArray(v) ? v.flatMap(elements) : elements(v)))]
    : [];
const reflectButtons = (card: any) => elements(card).filter((e) => e.type === 'Action.Execute' && e.verb === 'portfolio.open');

let ref: { slipId: string; createdAt: string };
const REFLECTION = 'I slowed down, explained each exercise and checked Mrs K understood. I learned to ask before I assume.';

beforeAll(async () => {
  sso = await startTestSso();
  h = await startHarness({
    SSO_CLIENT_ID: CLIENT_ID,
    SSO_AUDIENCE: APP_ID_URI,
    SSO_KEYS_URL: sso.keysUrl,
    SSO_ALLOWED_TENANTS: SSO_TENANT,
  });
  h.connector.members = Object.values(people).map(member);
  await h.post(
    message('thanks @Sam for the falls audit', { serviceUrl: h.serviceUrl, from: jo, mentions: [sam], mentionBot: true, where: 'channel' }),
  );
  await h.valued.bot.sender.idle();
  const [received] = await h.valued.repos.history.allSlips(sam.aadObjectId);
  ref = { slipId: received.slipId, createdAt: received.createdAt };
}, 60_000);
afterAll(async () => {
  await h?.stop();
  await sso?.stop();
});

describe('in the personal chat', () => {
  test('"Tag and reflect" opens a card with the eight domains to choose from and a 500-character reflection', async () => {
    await h.post(message('my recognition', { serviceUrl: h.serviceUrl, from: sam }));
    const [button] = reflectButtons(lastCard(sam));
    expect(button.title).toBe('Tag and reflect');
    expect(button.data).toEqual(ref);
    const card = await press('portfolio.open', button.data, sam);
    const choices = elements(card).find((e) => e.id === 'domains');
    expect(choices).toMatchObject({ type: 'Input.ChoiceSet', isMultiSelect: true });
    expect(choices.choices.map((c: any) => c.title)).toEqual([
      '1. Formal knowledge and experience',
      '2. Supporting service users',
      '3. Clinical, technical and scientific roles and responsibilities',
      '4. Communication and information',
      '5. Safe and inclusive environments',
      '6. Leadership and team working',
      '7. Education and development',
      '8. Research, evaluation and service improvement',
    ]);
    expect(elements(card).find((e) => e.id === 'reflection')).toMatchObject({ type: 'Input.Text', maxLength: 500, isMultiline: true });
    expect(JSON.stringify(card)).toContain('for the falls audit');
  });

  test('saving keeps the tags and reflection, and My recognition shows them to the person', async () => {
    const saved = await press(
      'portfolio.save',
      { ...ref, domains: 'leadership-team-working,communication-information', reflection: REFLECTION },
      sam,
    );
    expect(JSON.stringify(saved)).toContain('Saved. Only you can see this.');
    expect(await h.valued.repos.reflections.get(sam.aadObjectId, ref.slipId)).toMatchObject({
      domains: ['communication-information', 'leadership-team-working'],
      reflection: REFLECTION,
      teamId: TEAM.id,
      frameworkId: 'ahp-support-worker-2021',
    });
    await h.post(message('my recognition', { serviceUrl: h.serviceUrl, from: sam }));
    const text = JSON.stringify(lastCard(sam));
    expect(text).toContain('Shows: Communication and information · Leadership and team working');
    expect(text).toContain('Your reflection: ');
    expect(text).toContain('I slowed down, explained each exercise');
    expect(reflectButtons(lastCard(sam))[0].title).toBe('Change tags and reflection');
    // Opening it again shows what they chose, ready to change.
    const again = await press('portfolio.open', ref, sam);
    expect(elements(again).find((e) => e.id === 'domains').value).toBe('communication-information,leadership-team-working');
  });

  test('a domain that was not offered, or a reflection over 500 characters, is refused kindly and nothing is saved', async () => {
    const before = await h.valued.repos.reflections.get(sam.aadObjectId, ref.slipId);
    const made = await press('portfolio.save', { ...ref, domains: 'made-up-domain', reflection: 'x' }, sam);
    expect(JSON.stringify(made)).toContain('isn’t one from the list');
    const long = await press('portfolio.save', { ...ref, domains: '', reflection: 'y'.repeat(501) }, sam);
    expect(JSON.stringify(long)).toContain('Please keep your reflection to 500 characters (it is 501 now)');
    // What they typed is shown back to them, not lost.
    expect(elements(long).find((e) => e.id === 'reflection').value).toBe('y'.repeat(501));
    expect(await h.valued.repos.reflections.get(sam.aadObjectId, ref.slipId)).toEqual(before);
  });

  test('the sender, anyone naming Sam, and Sam outside his personal chat are all refused; nothing changes', async () => {
    const before = await h.valued.repos.reflections.get(sam.aadObjectId, ref.slipId);
    // Jo sent the slip: it is not in Jo's recognition, so Jo cannot tag it (for Jo or for Sam).
    expect(await press('portfolio.save', { ...ref, domains: 'formal-knowledge', reflection: 'mine now' }, jo)).toBe(NOT_RECEIVED);
    expect(await press('portfolio.open', ref, jo)).toBe(NOT_RECEIVED);
    const naming = await press('portfolio.save', { ...ref, personId: sam.aadObjectId, domains: '', reflection: 'by Ola' }, ola);
    expect(naming).toMatch(/only the person who received a thank-you can tag it/);
    expect(await press('portfolio.open', { ...ref, personId: sam.aadObjectId }, ola)).toMatch(/only the person who received/);
    expect(await press('portfolio.open', ref, sam, 'groupChat')).toBe(PRIVATE_ONLY);
    expect(await press('portfolio.save', { ...ref, domains: '', reflection: 'in a group' }, sam, 'groupChat')).toBe(PRIVATE_ONLY);
    expect(await h.valued.repos.reflections.get(sam.aadObjectId, ref.slipId)).toEqual(before);
    expect(await h.valued.repos.reflections.list(jo.aadObjectId)).toEqual([]);
    expect(await h.valued.repos.reflections.list(ola.aadObjectId)).toEqual([]);
  });

  test('reflections are private: not in the team’s digest', async () => {
    const digest = await h.valued.digests.build(TEAM.id, monthOf(new Date(), 'Europe/London'));
    expect(JSON.stringify(digest)).toContain('for the falls audit');
    expect(JSON.stringify(digest)).not.toContain('I slowed down');
    expect(JSON.stringify(digest)).not.toContain('leadership-team-working');
  });
});

describe('the tab’s API', () => {
  const api = async (method: string, path: string, oid: string | undefined, body?: unknown) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (oid) headers.authorization = `Bearer ${await sso.mint(oid)}`;
    const res = await fetch(`${h.valued.http.url}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  };
  const path = () => `/api/me/slips/${encodeURIComponent(ref.slipId)}/reflection`;

  test('the person reads and changes their own note', async () => {
    const got = await api('GET', `${path()}?createdAt=${encodeURIComponent(ref.createdAt)}`, sam.aadObjectId);
    expect(got.status).toBe(200);
    expect(got.body.reflection).toMatchObject({ reflection: REFLECTION });
    expect(got.body.framework.domains).toHaveLength(8);
    expect(got.body.framework.publisher).toBe('Health Education England');
    const put = await api('PUT', path(), sam.aadObjectId, {
      createdAt: ref.createdAt,
      domains: ['supporting-service-users'],
      reflection: 'Changed in the tab',
    });
    expect(put.status).toBe(200);
    expect(put.body.reflection).toMatchObject({ domains: ['supporting-service-users'], reflection: 'Changed in the tab' });
    const all = await api('GET', '/api/me/reflections', sam.aadObjectId);
    expect(all.body.items).toEqual([expect.objectContaining({ slipId: ref.slipId, reflection: 'Changed in the tab' })]);
  });

  test('the tab’s list shows the note under the thank-you, with the form to change it, only to the person', async () => {
    const html = async (oid: string) =>
      (await fetch(`${h.valued.http.url}/api/me/view/slips`, { headers: { authorization: `Bearer ${await sso.mint(oid)}` } })).text();
    const put = await api('PUT', path(), sam.aadObjectId, {
      createdAt: ref.createdAt,
      domains: ['supporting-service-users', 'communication-information'],
      reflection: 'Changed in the <tab> & kept',
    });
    expect(put.status).toBe(200);
    const mine = await html(sam.aadObjectId);
    expect(mine).toContain('<strong>Shows:</strong> <span data-shows>Supporting service users; Communication and information</span>');
    expect(mine).toContain('<span data-reflection>Changed in the &lt;tab> &amp; kept</span>');
    expect(mine).toContain(`data-slip-id="${ref.slipId}" data-created-at="${ref.createdAt}"`);
    expect(mine).toContain('>Change tags and reflection</button>');
    // Jo sent it: his list is of what he received, and never shows Sam's note.
    expect(await html(jo.aadObjectId)).not.toContain('Changed in the');
    // The browser marks the field at fault from the refusal.
    const tooLong = await api('PUT', path(), sam.aadObjectId, { createdAt: ref.createdAt, domains: [], reflection: 'z'.repeat(501) });
    expect(tooLong).toMatchObject({ status: 400, body: { field: 'reflection' } });
    await api('PUT', path(), sam.aadObjectId, {
      createdAt: ref.createdAt,
      domains: ['supporting-service-users'],
      reflection: 'Changed in the tab',
    });
  });

  test('bad input is a 400 with a kind message and saves nothing', async () => {
    for (const body of [
      { createdAt: ref.createdAt, domains: ['not-a-domain'], reflection: '' },
      { createdAt: ref.createdAt, domains: 'supporting-service-users', reflection: '' },
      { createdAt: ref.createdAt, domains: [], reflection: 'z'.repeat(501) },
      { createdAt: ref.createdAt, domains: [], reflection: { text: 'not text' } },
    ]) {
      const res = await api('PUT', path(), sam.aadObjectId, body);
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/Nothing was saved/);
    }
    expect(await h.valued.repos.reflections.get(sam.aadObjectId, ref.slipId)).toMatchObject({ reflection: 'Changed in the tab' });
  });

  test('anyone else is refused: no token, another person, or naming the person', async () => {
    expect((await api('GET', '/api/me/reflections', undefined)).status).toBe(401);
    expect((await api('PUT', path(), undefined, { createdAt: ref.createdAt, domains: [], reflection: 'x' })).status).toBe(401);
    // Jo (the sender) sees only Jo's own notes, none, and cannot read or write Sam's.
    expect((await api('GET', '/api/me/reflections', jo.aadObjectId)).body.items).toEqual([]);
    const read = await api('GET', `${path()}?createdAt=${encodeURIComponent(ref.createdAt)}`, jo.aadObjectId);
    expect(read.status).toBe(404);
    expect(JSON.stringify(read.body)).not.toContain('Changed in the tab');
    const write = await api('PUT', path(), jo.aadObjectId, { createdAt: ref.createdAt, domains: [], reflection: 'by Jo' });
    expect(write).toEqual({ status: 404, body: { message: NOT_RECEIVED } });
    const naming = await api('GET', `/api/me/reflections?personId=${sam.aadObjectId}`, ola.aadObjectId);
    expect(naming.status).toBe(403);
    expect(JSON.stringify(naming.body)).not.toContain('Changed in the tab');
    expect(await h.valued.repos.reflections.get(sam.aadObjectId, ref.slipId)).toMatchObject({ reflection: 'Changed in the tab' });
  });
});

describe('portfolio, export and erase', () => {
  const csvUrl = async (by: string) => {
    await h.post(message('my recognition', { serviceUrl: h.serviceUrl, from: sam }));
    const link = new URL(lastCard(sam).actions.find((a: any) => a.title === 'Download as CSV').url).searchParams.get('link')!;
    return `${h.valued.http.url}/me/portfolio.csv?by=${by}&link=${encodeURIComponent(link)}`;
  };

  test('the CSV groups by domain with the reflection, and says kindly where there is nothing yet', async () => {
    const rows = parseCsv(await (await fetch(await csvUrl('domain'))).text());
    expect(rows[0]).toEqual(['Domain', 'Date', 'Time', 'From', 'Message', 'Values', 'Your reflection']);
    expect(rows.find((r) => r[0] === '2. Supporting service users')).toEqual(
      expect.arrayContaining(['Jo Williams', 'for the falls audit', 'Changed in the tab']),
    );
    const empty = rows.find((r) => r[0] === '1. Formal knowledge and experience')!;
    expect(empty[4]).toMatch(/^Nothing tagged here yet\. When a thank-you shows this part of your work/);
    expect(rows.filter((r) => r[0].match(/^\d\. /)).length).toBe(8);
    const byValue = parseCsv(await (await fetch(await csvUrl('value'))).text());
    expect(byValue[0][0]).toBe('Value');
    expect(byValue.slice(1).every((r) => r[6] === 'Changed in the tab')).toBe(true);
    const forged = (await csvUrl('domain')).replace(/link=[^&]+/, 'link=nonsense');
    expect((await fetch(forged)).status).toBe(403);
  });

  test('export includes them; erase removes them', async () => {
    await h.post(message('export my data', { serviceUrl: h.serviceUrl, from: sam }));
    const data = await (await fetch(lastCard(sam).actions[0].url)).json();
    expect(data.reflections).toEqual([
      expect.objectContaining({ slipId: ref.slipId, domains: ['supporting-service-users'], reflection: 'Changed in the tab' }),
    ]);
    await h.post(message('erase my data', { serviceUrl: h.serviceUrl, from: sam }));
    const confirm = lastCard(sam).actions[0];
    const erased = await press(confirm.verb, confirm.data, sam);
    expect(JSON.stringify(erased)).toContain('Your data has been erased');
    expect(await h.valued.repos.reflections.list(sam.aadObjectId)).toEqual([]);
    await h.post(message('my recognition', { serviceUrl: h.serviceUrl, from: sam }));
    expect(textOf(h.connector.sent(personal(sam)).at(-1)!.body) + JSON.stringify(lastCard(sam))).not.toContain('Changed in the tab');
  });
});
