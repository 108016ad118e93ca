// AccessPolicy, the one module that decides who may do what, against real Table storage for the
// team settings it reads: leads (configured and per team), "the person only" for a person's own
// data, and private slips for their sender and recipients only.
import { TableStore } from '../../src/storage/table/table-store';
import { createTableRepositories } from '../../src/storage/table/create-table-repositories';
import { AccessPolicy, PRIVATE_ONLY, SLIP_NOT_FOUND, type LeadAction, type SelfAction } from '../../src/services/access-policy';
import { defaultTeamSettings } from '../../src/domain/team-settings';
import { CodedError } from '../../src/domain/errors';
import type { PersonRef } from '../../src/domain/person';
import { startAzurite, type TestAzurite } from '../support/azurite';

const FIRST_LEAD = '8948d2ec-5a7e-4a13-a211-1d4406320a2b';
const TEAM_LEAD = 'aaaaaaaa-0000-4000-8000-000000000001';
const MEMBER = 'bbbbbbbb-0000-4000-8000-000000000002';
const OTHER = 'cccccccc-0000-4000-8000-000000000003';
const TEAM = '19:ward-7@thread.tacv2';
const OTHER_TEAM = '19:ward-9@thread.tacv2';

let azurite: TestAzurite;
let policy: AccessPolicy;

beforeAll(async () => {
  azurite = await startAzurite();
  const store = new TableStore({ kind: 'connectionString', connectionString: azurite.connectionString, tablePrefix: 'ap' });
  await store.ensureTables();
  const repos = createTableRepositories(store);
  await repos.teamSettings.ensure({
    ...defaultTeamSettings(TEAM, 'Ward 7', 'tenant', new Date(), [FIRST_LEAD]),
    leadIds: [FIRST_LEAD, TEAM_LEAD.toUpperCase()],
  });
  await repos.teamSettings.ensure(defaultTeamSettings(OTHER_TEAM, 'Ward 9', 'tenant', new Date(), [FIRST_LEAD]));
  // Configured ids arrive in any case; the policy compares without regard to case.
  policy = new AccessPolicy(repos.teamSettings, [FIRST_LEAD.toUpperCase()]);
});
afterAll(() => azurite.release());

/** The refusal a call throws, or undefined when it is allowed. */
async function refusal(call: () => unknown): Promise<CodedError | undefined> {
  try {
    await call();
    return undefined;
  } catch (e) {
    if (e instanceof CodedError) return e;
    throw e;
  }
}

describe('leads', () => {
  const actions: LeadAction[] = ['settings', 'review', 'shortlist', 'vote', 'award', 'close', 'digest'];

  test.each(actions)('%s: the team’s own leads and the configured leads are allowed, in any case of id', async (action) => {
    expect((await policy.requireLead(TEAM_LEAD, TEAM, action)).teamId).toBe(TEAM);
    expect((await policy.requireLead(FIRST_LEAD, TEAM, action)).teamId).toBe(TEAM);
    expect((await policy.requireLead(FIRST_LEAD, OTHER_TEAM, action)).teamId).toBe(OTHER_TEAM);
  });

  test.each(actions)('%s: a member, or the lead of another team, is refused with the reason and how to ask', async (action) => {
    for (const [person, team] of [
      [MEMBER, TEAM],
      [TEAM_LEAD, OTHER_TEAM],
    ]) {
      const e = await refusal(() => policy.requireLead(person, team, action));
      expect(e?.code).toBe('not_allowed');
      expect(e?.userMessage).toMatch(/^Only your team’s governance leads can .+ a lead can add you in the settings card\.$/);
    }
  });

  test('a team Valued has never seen, or no team at all, is "not found" for everyone, even a configured lead', async () => {
    for (const team of ['19:unknown@thread.tacv2', '']) {
      expect((await refusal(() => policy.requireLead(FIRST_LEAD, team, 'review')))?.code).toBe('not_found');
    }
  });

  test('isLead, teamsLedBy and alwaysLeads agree with requireLead', async () => {
    expect(policy.alwaysLeads).toEqual([FIRST_LEAD]);
    expect(policy.isLead(MEMBER, undefined)).toBe(false);
    expect(policy.isLead(FIRST_LEAD, undefined)).toBe(true);
    expect(policy.isLead(TEAM_LEAD, { leadIds: [TEAM_LEAD] })).toBe(true);
    const teams = [
      { id: TEAM, name: 'Ward 7' },
      { id: OTHER_TEAM, name: 'Ward 9' },
      { id: '19:unknown@thread.tacv2', name: '?' },
    ];
    expect(await policy.teamsLedBy(TEAM_LEAD, teams)).toEqual([teams[0]]);
    expect(await policy.teamsLedBy(MEMBER, teams)).toEqual([]);
    expect(await policy.teamsLedBy(FIRST_LEAD, teams)).toEqual(teams);
  });
});

describe('the person only', () => {
  const whats: SelfAction[] = ['history', 'profile', 'export', 'erase', 'portfolio', 'history-csv'];

  test.each(whats)('%s: the asker’s own data, named or not, in any case of id', (what) => {
    expect(policy.requireSelf(MEMBER, undefined, what)).toBe(MEMBER);
    expect(policy.requireSelf(MEMBER, MEMBER.toUpperCase(), what)).toBe(MEMBER);
  });

  test.each(whats)('%s: someone else’s data is refused, even for a lead', async (what) => {
    for (const actor of [MEMBER, TEAM_LEAD, FIRST_LEAD]) {
      const e = await refusal(() => policy.requireSelf(actor, OTHER, what));
      expect(e?.code).toBe('not_allowed');
      expect(e?.userMessage).toMatch(/^Sorry, /);
    }
  });

  test('nobody identified, or an answer others would read (a group chat or channel), is refused kindly', async () => {
    expect((await refusal(() => policy.requireSelf(undefined, undefined, 'history')))?.userMessage).toBe(PRIVATE_ONLY);
    expect((await refusal(() => policy.requireSelf(MEMBER, MEMBER, 'history', 'others too')))?.userMessage).toBe(PRIVATE_ONLY);
    expect((await refusal(() => policy.requireSelf(MEMBER, undefined, 'erase', 'others too')))?.code).toBe('not_allowed');
  });
});

describe('private slips', () => {
  const person = (id: string): PersonRef => ({ id, teamsId: `29:${id}`, name: id });
  const slip = (visibility: 'team' | 'private') => ({
    visibility,
    sender: person(MEMBER),
    recipients: [person(OTHER), person('dddddddd-0000-4000-8000-000000000004')],
  });

  test('a team slip can be seen by anyone; a private one only by its sender and recipients', () => {
    expect(policy.canSeeSlip(TEAM_LEAD, slip('team'))).toBe(true);
    expect(policy.canSeeSlip(MEMBER, slip('private'))).toBe(true);
    expect(policy.canSeeSlip(OTHER.toUpperCase(), slip('private'))).toBe(true);
    expect(policy.canSeeSlip(TEAM_LEAD, slip('private'))).toBe(false);
    expect(policy.canSeeSlip(FIRST_LEAD, slip('private'))).toBe(false);
  });

  test('to anyone else a private slip is "not found", exactly as a slip that does not exist', async () => {
    const s = slip('private');
    expect(policy.requireSlipViewer(OTHER, s)).toBe(s);
    const hidden = await refusal(() => policy.requireSlipViewer(TEAM_LEAD, s));
    const missing = await refusal(() => policy.requireSlipViewer(TEAM_LEAD, undefined));
    expect(hidden?.code).toBe('not_found');
    expect(hidden?.userMessage).toBe(SLIP_NOT_FOUND);
    expect(missing?.userMessage).toBe(hidden?.userMessage);
    expect((await refusal(() => policy.requireSlipViewer(undefined, slip('team'))))?.code).toBe('not_found');
  });
});
