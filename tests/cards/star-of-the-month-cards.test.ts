// Every star of the month card, rendered from its template, passes the parser and our own
// checks, including at the largest sizes the product allows.
import { nominationFormCard } from '../../src/cards/nomination-form-card';
import { nominationReviewCard } from '../../src/cards/nomination-review-card';
import { teamChoiceCard } from '../../src/cards/team-choice-card';
import { voteCard } from '../../src/cards/vote-card';
import { awardAnnouncementCard, nomineeCard, winnerCard } from '../../src/cards/award-cards';
import { teamSettingsCard } from '../../src/cards/team-settings-card';
import { defaultTeamSettings } from '../../src/domain/team-settings';
import { newAwardRound } from '../../src/domain/award-round';
import { DEFAULT_VALUES } from '../../src/domain/values';
import type { Award, Nomination } from '../../src/domain/star-of-the-month';
import type { PersonRef } from '../../src/domain/person';
import type { Slip } from '../../src/domain/slip';
import type { BoxReview } from '../../src/services/award-service';
import { cardProblems } from '../support/card-checks';
import { textOf } from '../support/connector';

const person = (i: number): PersonRef => ({ id: `aad-${i}`, teamsId: `29:user-${i}`, name: `Colleague Number ${i} With A Longish Name` });
const sam: PersonRef = { id: 'aad-s', teamsId: '29:s', name: 'Sam Patel' };
const jo: PersonRef = { id: 'aad-j', teamsId: '29:j', name: 'Jo Williams' };
const settings = {
  ...defaultTeamSettings('19:team', 'Therapies Team', 't', new Date('2026-05-01T00:00:00Z'), ['aad-j']),
  prizeText: 'A voucher for the café',
  voteEnabled: true,
};
const text = (card: { content: Record<string, unknown> }) => textOf({ attachments: [card] });

const nomination = (nominee: PersonRef, nominator: PersonRef, over: Partial<Nomination> = {}): Nomination => ({
  teamId: '19:team',
  month: '2026-05',
  nominee,
  nominator,
  reason: 'Stayed calm and kind with every patient during a very short-staffed week',
  values: ['Team player'],
  anonymous: false,
  slipIds: [],
  createdAt: '2026-05-10T10:00:00Z',
  updatedAt: '2026-05-10T10:00:00Z',
  ...over,
});

const slip = (i: number, to: PersonRef): Slip => ({
  id: `slip-${i}`,
  tenantId: 't',
  teamId: '19:team',
  month: '2026-05',
  conversationId: 'c',
  createdAt: '2026-05-02T10:00:00Z',
  sender: jo,
  recipients: [to],
  message: `Thank you for all your help on the ward, day ${i}. `.repeat(10),
  values: ['Team player'],
  visibility: 'team',
  cosigners: [],
  notified: {},
});

const form = (over = {}) =>
  nominationFormCard({
    mode: 'chat',
    nominee: '',
    reason: '',
    values: [],
    anonymous: false,
    slipIds: [],
    teamId: '19:team',
    month: '2026-05',
    teamName: 'Therapies Team',
    monthLabel: 'May 2026',
    people: [{ id: sam.id, name: sam.name }],
    valueChoices: [...DEFAULT_VALUES],
    slips: [],
    teams: [],
    errors: [],
    ...over,
  });

describe('the nomination form', () => {
  test.each(['task', 'chat'] as const)('(%s) passes the checks, with a people picker and the "keep my name" choice', (mode) => {
    const { content } = form({ mode });
    expect(cardProblems(content)).toEqual([]);
    const body = content.body as any[];
    expect(body.find((b) => b.id === 'nominee')['choices.data']).toEqual({ type: 'Data.Query', dataset: 'graph.microsoft.com/users' });
    expect(body.find((b) => b.id === 'anonymous').title).toContain('Keep my name from the team');
    expect(body.find((b) => b.id === 'reason').maxLength).toBe(2000);
    const action = (content.actions as any[])[0];
    expect(action.type).toBe(mode === 'task' ? 'Action.Submit' : 'Action.Execute');
    expect(action.data).toMatchObject({ verb: 'nomination.submit', month: '2026-05', teamId: '19:team' });
  });

  test('at its largest (100 people, 25 slips, 2,000-character reason, errors) it stays under 28 KB', () => {
    const { content } = form({
      people: Array.from({ length: 100 }, (_, i) => ({ id: person(i).id, name: person(i).name })),
      slips: Array.from({ length: 25 }, (_, i) => slip(i, sam)),
      reason: 'x'.repeat(2000),
      errors: ['one', 'two', 'three'],
      teams: [
        { id: 'a', name: 'Team A' },
        { id: 'b', name: 'Team B' },
      ],
    });
    expect(cardProblems(content)).toEqual([]);
    const slips = (content.body as any[]).find((b) => b.id === 'slipIds');
    expect(slips.choices).toHaveLength(25);
    expect(slips.choices[0].title.length).toBeLessThanOrEqual(90);
  });
});

const review = (over: Partial<BoxReview> = {}, round = {}): BoxReview => ({
  settings,
  month: '2026-05',
  round: { ...newAwardRound('19:team', '2026-05', new Date('2026-05-01T00:00:00Z')), ...round },
  nominees: [
    {
      nominee: sam,
      nominations: [nomination(sam, jo), nomination(sam, person(1), { anonymous: true, slipIds: ['slip-1'] })],
      slipCount: 3,
      lastWonMonth: '2026-03',
      recentWinMonth: '2026-03',
    },
    { nominee: person(2), nominations: [nomination(person(2), jo)], slipCount: 0 },
  ],
  ...over,
});

describe('the review card', () => {
  test('shows each nominee with reasons, nominators (name kept marked), slips and last win, with every action', () => {
    const card = nominationReviewCard({ review: review(), timeZone: 'Europe/London' });
    expect(cardProblems(card.content)).toEqual([]);
    const t = text(card);
    expect(t).toContain('Star of the month: Therapies Team, May 2026');
    expect(t).toContain('From Jo Williams');
    expect(t).toContain('(name kept from the team)');
    expect(t).toContain('3 slips this month');
    expect(t).toContain('last won: March 2026');
    expect(t).toContain('last won: never');
    const verbs = JSON.stringify(card.content).match(/"verb":"[^"]+"/g);
    expect(verbs).toEqual(['"verb":"som.shortlist"', '"verb":"som.saveAward"', '"verb":"som.announce"', '"verb":"som.closeBox"']);
  });

  test('warns about a recent winner only once they are shortlisted, and offers the vote', () => {
    expect(text(nominationReviewCard({ review: review(), timeZone: 'Europe/London' }))).not.toContain('within the last 6 months');
    const card = nominationReviewCard({ review: review({}, { shortlist: [sam.id, person(2).id] }), timeZone: 'Europe/London' });
    expect(text(card)).toContain('Sam Patel was star of the month in March 2026, within the last 6 months');
    expect(JSON.stringify(card.content)).toContain('som.openVote');
    expect(cardProblems(card.content)).toEqual([]);
  });

  test('after a tied vote it says it is the lead’s call; once announced it offers nothing more', () => {
    const tally = {
      counts: [
        { nomineeId: sam.id, votes: 4 },
        { nomineeId: person(2).id, votes: 4 },
      ],
      total: 8,
      leaders: [sam.id, person(2).id],
    };
    const tied = nominationReviewCard({
      review: review({ tally }, { shortlist: [sam.id, person(2).id], vote: 'closed' }),
      timeZone: 'Europe/London',
    });
    expect(text(tied)).toContain('It’s a tie between Sam Patel and Colleague Number 2 With A Longish Name, with 4 votes each');
    expect(cardProblems(tied.content)).toEqual([]);
    const done = nominationReviewCard({
      review: review({}, { winners: [sam.id], announcedAt: '2026-05-30T10:00:00Z', nominationsClosed: true }),
      timeZone: 'Europe/London',
    });
    expect(JSON.stringify(done.content)).not.toContain('"verb"');
    expect(text(done)).toContain('Star of the month: Sam Patel.');
    expect(cardProblems(done.content)).toEqual([]);
  });

  test('an empty box says how colleagues can nominate', () => {
    const card = nominationReviewCard({ review: review({ nominees: [] }), timeZone: 'Europe/London' });
    expect(cardProblems(card.content)).toEqual([]);
    expect(text(card)).toContain('No nominations yet for May 2026');
  });

  test('a full box (40 nominees, 2,000-character reasons) still fits: reasons are shortened, nobody is left out', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({
      nominee: person(i),
      nominations: [nomination(person(i), jo, { reason: `${i} `.padEnd(2000, 'r') })],
      slipCount: i,
    }));
    const card = nominationReviewCard({ review: review({ nominees: many }), timeZone: 'Europe/London' });
    expect(cardProblems(card.content)).toEqual([]);
    const t = text(card);
    for (let i = 0; i < 40; i++) expect(t).toContain(person(i).name);
    expect(t).toContain('…');
    // A normal month keeps every word.
    expect(text(nominationReviewCard({ review: review(), timeZone: 'Europe/London' }))).toContain(nomination(sam, jo).reason);
  });
});

describe('the vote, the announcement and the personal messages', () => {
  const award: Award = {
    teamId: '19:team',
    month: '2026-05',
    winners: [sam, person(2)],
    highlyCommended: [person(3)],
    citation: 'For kindness under pressure',
    values: ['Team player'],
    announcedAt: '2026-05-30T10:00:00Z',
  };
  const ctx = { award, teamName: 'Therapies Team', prizeText: 'A voucher for the café', nominationCount: 4 };

  test('the vote card is secret (no counts) and closes without inputs', () => {
    const open = voteCard({ teamId: '19:team', teamName: 'Therapies Team', month: '2026-05', shortlist: [sam, person(2)], open: true });
    expect(cardProblems(open.content)).toEqual([]);
    expect(text(open)).toContain('Your vote is secret');
    const closed = voteCard({ teamId: '19:team', teamName: 'Therapies Team', month: '2026-05', shortlist: [sam], open: false });
    expect(cardProblems(closed.content)).toEqual([]);
    expect(JSON.stringify(closed.content)).not.toContain('Input.');
  });

  test('the channel announcement @mentions joint winners, with citation, values, prize and highly commended', () => {
    const card = awardAnnouncementCard(ctx);
    expect(cardProblems(card.content)).toEqual([]);
    expect((card.content.msteams as any).entities.map((e: any) => e.mentioned.id)).toEqual(['29:s', '29:user-2']);
    const t = text(card);
    expect(t).toContain('our joint stars of the month');
    expect(t).toContain('For kindness under pressure');
    expect(t).toContain('Prize: A voucher for the café');
    expect(t).toContain('Highly commended: Colleague Number 3 With A Longish Name');
  });

  test('the winner’s card and each nominee’s card (nominator names only where not kept from the team)', () => {
    expect(cardProblems(winnerCard(ctx).content)).toEqual([]);
    const forSam = nomineeCard(ctx, [nomination(sam, jo), nomination(sam, person(1), { anonymous: true })]);
    expect(cardProblems(forSam.content)).toEqual([]);
    const t = text(forSam);
    expect(t).toContain('From Jo Williams');
    expect(t).toContain('From a colleague (they kept their name from the team)');
    expect(t).not.toContain(person(1).name);
    expect(t).toContain('you were chosen as star of the month');
    const other = nomineeCard(ctx, [nomination(person(5), jo)]);
    expect(text(other)).toContain('The star of the month is Sam Patel and Colleague Number 2 With A Longish Name');
  });
});

test('the settings card edits every team setting and passes the checks', () => {
  const card = teamSettingsCard({
    settings,
    people: [
      { id: jo.id, name: jo.name },
      { id: sam.id, name: sam.name },
    ],
    channels: [{ id: '19:gov', name: 'Governance' }],
    alwaysLeads: ['Jo Williams'],
  });
  expect(cardProblems(card.content)).toEqual([]);
  const ids = (card.content.body as any[]).filter((b) => typeof b.id === 'string').map((b) => b.id);
  expect(ids).toEqual([
    'leadIds',
    'governanceChannelId',
    'values',
    'digestDay',
    'prizeText',
    'voteEnabled',
    'repeatWinnerMonths',
    'retentionMonths',
    'voteDays',
    'voteCloseHour',
    'nominationsReminderDays',
    'remindVoteOpen',
    'remindVoteClosing',
    'remindDigestReady',
    'monthlyPrompt',
  ]);
  const body = card.content.body as any[];
  // A team with no reminder settings yet is shown the defaults; the monthly prompt starts off.
  expect(body.find((b) => b.id === 'voteDays').value).toBe('3');
  expect(body.find((b) => b.id === 'monthlyPrompt').value).toBe('false');
  expect(body.find((b) => b.id === 'digestDay').value).toBe(0);
  expect(body.find((b) => b.id === 'values').value).toBe(DEFAULT_VALUES.join('\n'));
  expect(body.find((b) => b.id === 'voteEnabled').value).toBe('true');
});

test('the team choice card passes the checks', () => {
  const card = teamChoiceCard({
    heading: 'Which team?',
    text: 'You lead more than one team.',
    button: 'Show nominations',
    verb: 'som.review',
    teams: [
      { id: 'a', name: 'Team A' },
      { id: 'b', name: 'Team B' },
    ],
  });
  expect(cardProblems(card.content)).toEqual([]);
});
