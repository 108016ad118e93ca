// The digest's sums, on a seeded box whose expected figures are worked out by hand below, plus
// the privacy rules: private slips and opted-out people never read out, small groups hidden.
import { buildDigest, fairnessPanel, reach, readOut, type ReachMonth } from '../../src/domain/digest-rules';
import { FEWER_THAN_5, reachRowSentence, reachSentences, type FairnessRow, type ReachRow } from '../../src/domain/digest';
import type { PersonRef, Profile, StaffGroup } from '../../src/domain/person';
import type { Slip, Visibility } from '../../src/domain/slip';
import type { Award, Nomination } from '../../src/domain/star-of-the-month';
import { newAwardRound } from '../../src/domain/award-round';

const person = (id: string, name: string): PersonRef => ({ id, teamsId: `29:${id}`, name });
const P = {
  sw1: person('sw1', 'Amara Okafor'),
  sw2: person('sw2', 'Ben Shaw'),
  sw3: person('sw3', 'Chloe Price'),
  sw4: person('sw4', 'Dev Patel'),
  sw5: person('sw5', 'Ellie Ward'),
  sw6: person('sw6', 'Finn Hale'),
  rp1: person('rp1', 'Grace Lee'),
  rp2: person('rp2', 'Hassan Ali'),
  rp3: person('rp3', 'Isla Reid'),
  rp4: person('rp4', 'Jamal Khan'),
  rp5: person('rp5', 'Kate Byrne'),
  m1: person('m1', 'Laura Dean'),
  m2: person('m2', 'Mike Stone'),
  m3: person('m3', 'Nina Cole'),
  m4: person('m4', 'Omar Said'),
  o1: person('o1', 'Pat Quinn'),
  np1: person('np1', 'Rosa Diaz'),
  np2: person('np2', 'Sam Taylor'),
  // Team members who appear in no slip this month.
  sw7: person('sw7', 'Tess Moore'),
  sw8: person('sw8', 'Uma Bell'),
  rp6: person('rp6', 'Vic Grant'),
};

const profile = (id: string, staffGroup?: StaffGroup, extra: Partial<Profile> = {}): Profile => ({
  personId: id,
  staffGroup,
  updatedAt: '2026-01-01T00:00:00Z',
  ...extra,
});
const profilesOf = (list: Profile[]) => new Map(list.map((p) => [p.personId, p]));

let n = 0;
function slip(
  month: string,
  day: number,
  sender: PersonRef,
  recipients: PersonRef[],
  values: string[],
  visibility: Visibility = 'team',
  cosigners = 0,
  id?: string,
): Slip {
  const slipId = id ?? `slip-${++n}`;
  return {
    id: slipId,
    tenantId: 'tenant',
    teamId: 'team-1',
    month,
    conversationId: 'conv',
    createdAt: `${month}-${String(day).padStart(2, '0')}T10:00:00.000Z`,
    sender,
    recipients,
    message: `${visibility === 'private' ? 'PRIVATE' : 'Thanks'} message of ${slipId}`,
    values,
    visibility,
    cosigners: Array.from({ length: cosigners }, (_, i) => person(`c${slipId}-${i}`, `Cosigner ${i}`)),
    notified: {},
  };
}

const SKILL = 'Skill and expertise';
const TRUST = 'Trusted with responsibility';
const TEAM = 'Team player';
const INCL = 'Including others';
const LEARN = 'Learning and growing';
const ABOVE = 'Above and beyond for patients';

// The seeded May 2026 box. Groups: sw1–6 support workers, rp1–5 registered professionals,
// m1–4 managers, o1 other, np1 and np2 have no profile ('not stated'). sw6 opted out of read-out.
const may = (day: number, from: PersonRef, to: PersonRef[], values: string[], vis: Visibility, cos: number, id: string) =>
  slip('2026-05', day, from, to, values, vis, cos, id);
const box: Slip[] = [
  may(2, P.rp1, [P.sw1], [SKILL], 'team', 2, 's01'),
  may(3, P.rp2, [P.sw2, P.sw3], [TEAM, SKILL], 'team', 0, 's02'),
  may(4, P.rp3, [P.sw4], [INCL], 'private', 0, 's03'),
  may(5, P.rp4, [P.sw5], [TEAM], 'team', 1, 's04'),
  may(6, P.rp5, [P.sw6], [LEARN], 'team', 0, 's05'),
  may(7, P.m1, [P.sw1], [TRUST], 'team', 3, 's06'),
  may(8, P.m2, [P.sw2], [TEAM], 'team', 0, 's07'),
  may(9, P.m3, [P.rp1], [SKILL], 'team', 0, 's08'),
  may(10, P.sw1, [P.rp1, P.rp2], [TEAM], 'team', 0, 's09'),
  may(11, P.sw2, [P.rp3], [ABOVE], 'team', 0, 's10'),
  may(12, P.sw3, [P.rp4], [TEAM], 'private', 0, 's11'),
  may(13, P.np1, [P.rp5], [SKILL], 'team', 0, 's12'),
  may(14, P.o1, [P.m1], [INCL], 'team', 0, 's13'),
  may(15, P.sw4, [P.np2], [TEAM], 'team', 0, 's14'),
  may(16, P.m4, [P.sw3, P.sw6], [TRUST], 'team', 0, 's15'),
];
const april: Slip[] = [
  slip('2026-04', 3, P.rp1, [P.sw1], [SKILL], 'team', 1, 'p1'),
  slip('2026-04', 4, P.sw1, [P.rp1, P.rp2], [TEAM], 'private', 0, 'p2'),
  slip('2026-04', 5, P.m1, [P.sw2, P.sw3], [TRUST], 'team', 2, 'p3'),
];
const profiles = profilesOf([
  profile('sw1', 'support worker', { preferredTitle: 'Associate practitioner' }),
  ...['sw2', 'sw3', 'sw4', 'sw5'].map((id) => profile(id, 'support worker')),
  profile('sw6', 'support worker', { noReadOut: true }),
  ...['rp1', 'rp2', 'rp3', 'rp4', 'rp5'].map((id) => profile(id, 'registered professional')),
  ...['m1', 'm2', 'm3', 'm4'].map((id) => profile(id, 'manager')),
  profile('o1', 'other'),
  ...['sw7', 'sw8'].map((id) => profile(id, 'support worker')),
  profile('rp6', 'registered professional'),
]);
const nomination = (nominator: PersonRef, nominee: PersonRef, anonymous = false, month = '2026-05'): Nomination => ({
  teamId: 'team-1',
  month,
  nominator,
  nominee,
  reason: 'A steady hand all month long',
  values: [],
  anonymous,
  slipIds: [],
  createdAt: `${month}-20T10:00:00Z`,
  updatedAt: `${month}-20T10:00:00Z`,
});
const nominations = [nomination(P.rp1, P.sw1), nomination(P.rp2, P.sw1), nomination(P.m1, P.sw2, true), nomination(P.rp1, P.sw3)];
const round = { ...newAwardRound('team-1', '2026-05', new Date('2026-05-01T00:00:00Z')), shortlist: ['sw1', 'sw2'] };
const award: Award = {
  teamId: 'team-1',
  month: '2026-05',
  winners: [P.sw1],
  highlyCommended: [P.sw2],
  citation: 'For calm, skilled care every day.',
  values: [SKILL],
  announcedAt: '2026-05-29T15:00:00.000Z',
};

// For Reach. The team's members: sw1–sw8 (8 support workers), rp1–rp6 (6 registered
// professionals), m1–m4 (4 managers): 18. o1, np1 and np2 are in the box but not members.
const members = ['sw1', 'sw2', 'sw3', 'sw4', 'sw5', 'sw6', 'sw7', 'sw8', 'rp1', 'rp2', 'rp3', 'rp4', 'rp5', 'rp6', 'm1', 'm2', 'm3', 'm4'];
// April: sw4 nominated (anonymously). March: m1 thanked sw7; rp2 thanked rp4 privately (doesn't
// count); m2 nominated.
const aprilNominations = [nomination(P.rp3, P.sw4, true, '2026-04')];
const march: Slip[] = [
  slip('2026-03', 9, P.m1, [P.sw7], [TEAM], 'team', 0, 'q1'),
  slip('2026-03', 10, P.rp2, [P.rp4], [SKILL], 'private', 0, 'q2'),
];
const marchNominations = [nomination(P.m1, P.m2, false, '2026-03')];

const digest = buildDigest({
  teamId: 'team-1',
  teamName: 'Therapy Team',
  month: '2026-05',
  timeZone: 'Europe/London',
  slips: box,
  previousSlips: april,
  profiles,
  nominations,
  round,
  award,
  members,
  previousNominations: aprilNominations,
  monthBeforeLastSlips: march,
  monthBeforeLastNominations: marchNominations,
});
const noReach = { members: [], previousNominations: [], monthBeforeLastSlips: [], monthBeforeLastNominations: [] };

test('totals count every slip, private ones too, this month and last', () => {
  // May: 15 slips (2 private: s03, s11).
  // Thanked: sw1–sw6 (6) + rp1–rp5 (5) + m1 + np2 = 13.
  // Thanking: rp1–rp5 (5) + m1–m4 (4) + sw1–sw4 (4) + np1 + o1 = 15.
  // Co-signs: s01 2 + s04 1 + s06 3 = 6.
  expect(digest.totals).toEqual({ slips: 15, peopleThanked: 13, peopleThanking: 15, cosigns: 6, privateSlips: 2 });
  // April: 3 slips (p2 private); thanked sw1, rp1, rp2, sw2, sw3 = 5; thanking rp1, sw1, m1 = 3; co-signs 1 + 2 = 3.
  expect(digest.previous).toEqual({ slips: 3, peopleThanked: 5, peopleThanking: 3, cosigns: 3, privateSlips: 1 });
  expect(digest).toMatchObject({ teamId: 'team-1', teamName: 'Therapy Team', month: '2026-05', timeZone: 'Europe/London' });
});

test('values of team-visible slips, most used first, ties alphabetical', () => {
  // Team slips only (s03 Including others and s11 Team player are private and not counted):
  // Team player s02 s04 s07 s09 s14 = 5; Skill s01 s02 s08 s12 = 4; Trusted s06 s15 = 2;
  // then 1 each, alphabetical: Above and beyond (s10), Including others (s13), Learning (s05).
  expect(digest.values).toEqual([
    { value: TEAM, slips: 5 },
    { value: SKILL, slips: 4 },
    { value: TRUST, slips: 2 },
    { value: ABOVE, slips: 1 },
    { value: INCL, slips: 1 },
    { value: LEARN, slips: 1 },
  ]);
});

test('read-out: team slips grouped by recipient by name, oldest first, titles from profiles, opted-out people left out', () => {
  // Dev (sw4) and Jamal (rp4) only had private slips; Finn (sw6) opted out, so s05 (to Finn only)
  // is not read at all and s15 is read for Chloe only. 13 team slips − s05 = 12 read.
  expect(digest.readOut.map((g) => [g.recipient.name, g.title, g.slips.map((s) => s.slipId)])).toEqual([
    ['Amara Okafor', 'Associate practitioner', ['s01', 's06']],
    ['Ben Shaw', undefined, ['s02', 's07']],
    ['Chloe Price', undefined, ['s02', 's15']],
    ['Ellie Ward', undefined, ['s04']],
    ['Grace Lee', undefined, ['s08', 's09']],
    ['Hassan Ali', undefined, ['s09']],
    ['Isla Reid', undefined, ['s10']],
    ['Kate Byrne', undefined, ['s12']],
    ['Laura Dean', undefined, ['s13']],
    ['Sam Taylor', undefined, ['s14']],
  ]);
  expect(digest.readOutSlips).toBe(12);
  const s01 = digest.readOut[0].slips[0];
  expect(s01).toEqual({
    slipId: 's01',
    createdAt: '2026-05-02T10:00:00.000Z',
    sender: P.rp1,
    recipients: [P.sw1],
    message: 'Thanks message of s01',
    values: [SKILL],
    cosigners: 2,
  });
  const s15 = digest.readOut[2].slips[1];
  expect(s15.recipients).toEqual([P.sw3]);
});

test('a private slip’s content appears nowhere in the digest', () => {
  const json = JSON.stringify(digest);
  expect(json).not.toContain('PRIVATE');
  expect(json).not.toContain('"s03"');
  expect(json).not.toContain('"s11"');
  // Dev and Jamal were thanked only privately: they are never shown as thanked.
  const thanked = digest.readOut.flatMap((g) => [g.recipient.id, ...g.slips.flatMap((s) => s.recipients.map((r) => r.id))]);
  expect(thanked).not.toContain('sw4');
  expect(thanked).not.toContain('rp4');
});

test('an opted-out recipient appears nowhere in the read-out, not even beside someone else', () => {
  const json = JSON.stringify(digest.readOut);
  expect(json).not.toContain('sw6');
  expect(json).not.toContain('Finn Hale');
  expect(json).not.toContain('"s05"');
});

test('fairness panel of the seeded box: every group a row, figures about 1 to 4 people hidden, no one shown as 0', () => {
  // Receiving: support workers sw1–6 = 6 people, slips s01–s07 and s15 = 8;
  //            registered rp1–5 = 5 people, slips s08–s12 = 5; manager m1 (1), other 0,
  //            prefer not to say 0, not stated np2 (1): hidden. Those hidden rows hold only 2
  //            people, which 13 thanked − 11 shown would give away, so the smallest shown row,
  //            registered (5), is hidden too: 7 people across three groups.
  // Giving:    registered rp1–5 = 5 people, s01–s05 = 5 slips; managers m1–m4 = 4 people: hidden;
  //            support workers sw1–4 = 4: hidden; other o1, not stated np1, prefer not to say 0: hidden.
  const H = FEWER_THAN_5;
  expect(digest.fairness.rows).toEqual<FairnessRow[]>([
    { group: 'support worker', peopleReceiving: 6, slipsReceived: 8, peopleGiving: H, slipsGiven: H },
    { group: 'registered professional', peopleReceiving: H, slipsReceived: H, peopleGiving: 5, slipsGiven: 5 },
    { group: 'manager', peopleReceiving: H, slipsReceived: H, peopleGiving: H, slipsGiven: H },
    { group: 'other', peopleReceiving: 0, slipsReceived: 0, peopleGiving: H, slipsGiven: H },
    { group: 'prefer not to say', peopleReceiving: 0, slipsReceived: 0, peopleGiving: 0, slipsGiven: 0 },
    { group: 'not stated', peopleReceiving: H, slipsReceived: H, peopleGiving: H, slipsGiven: H },
  ]);
  // To support workers: 8 slips in all; from registered s01–s05 = 5 slips by 5 people (shown);
  // from managers s06 s07 s15 by m1 m2 m4 = 3 people (hidden).
  expect(digest.fairness.toSupportWorkers).toEqual({ fromRegistered: 5, fromManagers: H, total: 8 });
});

test('nominations and the announced award', () => {
  // 4 nominations; nominees sw1 sw2 sw3 = 3; nominators rp1 rp2 m1 = 3; shortlist sw1 sw2 = 2.
  expect(digest.nominations).toEqual({ nominations: 4, nominees: 3, nominators: 3, shortlisted: 2 });
  expect(digest.award).toEqual({
    winners: [P.sw1],
    highlyCommended: [P.sw2],
    citation: 'For calm, skilled care every day.',
    announcedAt: '2026-05-29T15:00:00.000Z',
  });
  const quiet = buildDigest({
    teamId: 't',
    teamName: 'T',
    month: '2026-05',
    timeZone: 'Europe/London',
    slips: [],
    previousSlips: [],
    profiles: new Map(),
    nominations: [],
    ...noReach,
  });
  expect(quiet.award).toBeUndefined();
  expect(quiet.nominations).toEqual({ nominations: 0, nominees: 0, nominators: 0, shortlisted: 0 });
  expect(quiet.totals).toEqual({ slips: 0, peopleThanked: 0, peopleThanking: 0, cosigns: 0, privateSlips: 0 });
  expect(quiet.readOut).toEqual([]);
  // A month with no slips: every group has no one in it, and says so (there is nothing to hide).
  expect(quiet.fairness.rows.every((r) => r.peopleReceiving === 0 && r.slipsGiven === 0)).toBe(true);
});

// Small builders for the boundary tests: `count` people of a group each thanking/thanked once.
const people = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => person(`${prefix}${i + 1}`, `${prefix} ${i + 1}`));
const grouped = (list: PersonRef[], group: StaffGroup) => list.map((p) => profile(p.id, group));
const row = (panel: ReturnType<typeof fairnessPanel>, group: string) => panel.rows.find((r) => r.group === group)!;

test('receiving: a group of 5 people is shown, a group of 4 is hidden (both its figures)', () => {
  const sender = person('sender', 'Sender');
  const five = people('a', 5);
  const four = people('b', 4);
  const many = people('c', 6);
  const one = people('d', 1);
  const slips = [
    ...five.map((p, i) => slip('2026-05', 1 + i, sender, [p], [TEAM])),
    ...four.map((p, i) => slip('2026-05', 1 + i, sender, [p], [TEAM])),
    slip('2026-05', 9, sender, [four[0]], [TEAM]),
    ...many.map((p, i) => slip('2026-05', 1 + i, sender, [p], [TEAM])),
    // One more hidden person elsewhere, so the hidden rows hold 5 and no remainder gives them away.
    slip('2026-05', 10, sender, [one[0]], [TEAM]),
  ];
  const prof = profilesOf([
    ...grouped(five, 'support worker'),
    ...grouped(four, 'manager'),
    ...grouped(many, 'registered professional'),
    ...grouped(one, 'other'),
  ]);
  const panel = fairnessPanel(slips, prof);
  expect(row(panel, 'support worker')).toMatchObject({ peopleReceiving: 5, slipsReceived: 5 });
  expect(row(panel, 'manager')).toMatchObject({ peopleReceiving: FEWER_THAN_5, slipsReceived: FEWER_THAN_5 });
  expect(row(panel, 'registered professional')).toMatchObject({ peopleReceiving: 6, slipsReceived: 6 });
  // The sender has no profile: 'not stated', one person, hidden.
  expect(row(panel, 'not stated')).toMatchObject({ peopleGiving: FEWER_THAN_5, slipsGiven: FEWER_THAN_5 });
});

test('giving: 5 senders shown, 4 hidden, even though the 4 sent many slips', () => {
  const to = person('to', 'To');
  const five = people('g', 5);
  const four = people('h', 4);
  const one = people('m', 1);
  // The one manager makes the hidden rows 5 people, so no remainder gives the 4 away.
  const slips = [
    ...five.map((p, i) => slip('2026-05', 1 + i, p, [to], [TEAM])),
    ...four.flatMap((p, i) => [slip('2026-05', 1 + i, p, [to], [TEAM]), slip('2026-05', 2 + i, p, [to], [TEAM])]),
    slip('2026-05', 9, one[0], [to], [TEAM]),
  ];
  const panel = fairnessPanel(
    slips,
    profilesOf([...grouped(five, 'other'), ...grouped(four, 'registered professional'), ...grouped(one, 'manager')]),
  );
  expect(row(panel, 'other')).toMatchObject({ peopleGiving: 5, slipsGiven: 5 });
  expect(row(panel, 'registered professional')).toMatchObject({ peopleGiving: FEWER_THAN_5, slipsGiven: FEWER_THAN_5 });
});

test('when only one row would be hidden, the smallest shown row is hidden too, so nothing can be worked out by subtraction', () => {
  // Receivers in every group: 5 support workers, 6 registered, 7 managers, 8 other, 9 prefer not to say, 2 not stated.
  const sizes: Array<[StaffGroup | undefined, number, string]> = [
    ['support worker', 5, 'a'],
    ['registered professional', 6, 'b'],
    ['manager', 7, 'c'],
    ['other', 8, 'd'],
    ['prefer not to say', 9, 'e'],
    [undefined, 2, 'f'],
  ];
  const sender = person('s', 'S');
  const slips: Slip[] = [];
  const prof: Profile[] = [profile('s', 'manager')];
  for (const [group, size, prefix] of sizes) {
    for (const p of people(prefix, size)) {
      slips.push(slip('2026-05', 3, sender, [p], [TEAM]));
      if (group) prof.push(profile(p.id, group));
    }
  }
  const panel = fairnessPanel(slips, profilesOf(prof));
  // 'not stated' (2 people) is hidden; without more, 37 thanked − 35 shown would give it away,
  // so the smallest shown group, support workers (5), is hidden as well.
  expect(panel.rows.map((r) => r.peopleReceiving)).toEqual([FEWER_THAN_5, 6, 7, 8, 9, FEWER_THAN_5]);
  // ... and the support-worker figures follow their hidden row.
  expect(panel.toSupportWorkers).toEqual({ fromRegistered: FEWER_THAN_5, fromManagers: FEWER_THAN_5, total: FEWER_THAN_5 });
});

test('support workers: hidden under 5 receiving; each "from" figure hidden under 5 senders', () => {
  const sw = people('sw', 5);
  const rp = people('rp', 5);
  const mg = people('mg', 4);
  const peers = people('pe', 5);
  const prof = profilesOf([
    ...grouped(sw, 'support worker'),
    ...grouped(rp, 'registered professional'),
    ...grouped(mg, 'manager'),
    ...grouped(peers, 'other'),
  ]);
  const slips = [
    ...rp.map((p, i) => slip('2026-05', 1, p, [sw[i]], [TEAM])),
    ...mg.map((p, i) => slip('2026-05', 2, p, [sw[i], sw[(i + 1) % 5]], [TEAM])),
    ...peers.map((p, i) => slip('2026-05', 3, p, [sw[i]], [TEAM])),
  ];
  // 5 support workers received 5 + 4 + 5 = 14 slips; 5 registered senders (shown); 4 managers (hidden).
  expect(fairnessPanel(slips, prof).toSupportWorkers).toEqual({ fromRegistered: 5, fromManagers: FEWER_THAN_5, total: 14 });

  // One more manager makes 5: both shown. 5 others sent too, so the remainder (5) may show.
  const fifth = person('mg5', 'mg 5');
  const withFive = [...slips, slip('2026-05', 4, fifth, [sw[4]], [TEAM])];
  const prof5 = new Map(prof).set('mg5', profile('mg5', 'manager'));
  expect(fairnessPanel(withFive, prof5).toSupportWorkers).toEqual({ fromRegistered: 5, fromManagers: 5, total: 15 });

  // With only 4 others sending to support workers, total − registered − managers would show what
  // those 4 sent, so the smaller "from" figure is hidden (a tie hides registered).
  const fewerPeers = withFive.filter((s) => s.sender.id !== 'pe5');
  expect(fairnessPanel(fewerPeers, prof5).toSupportWorkers).toEqual({ fromRegistered: FEWER_THAN_5, fromManagers: 5, total: 14 });

  // Only 4 support workers thanked: every support-worker figure is hidden.
  const toFour = withFive.filter((s) => !s.recipients.some((r) => r.id === 'sw5'));
  const panel = fairnessPanel(toFour, prof5);
  expect(row(panel, 'support worker')).toMatchObject({ peopleReceiving: FEWER_THAN_5, slipsReceived: FEWER_THAN_5 });
  expect(panel.toSupportWorkers).toEqual({ fromRegistered: FEWER_THAN_5, fromManagers: FEWER_THAN_5, total: FEWER_THAN_5 });
});

test('people without a profile, or with no staff group, count as not stated', () => {
  const noProfile = people('np', 3);
  const noGroup = people('ng', 2);
  const sender = person('boss', 'Boss');
  const slips = [...noProfile, ...noGroup].map((p) => slip('2026-05', 5, sender, [p], [TEAM]));
  const prof = profilesOf([...noGroup.map((p) => profile(p.id)), profile('boss', 'manager')]);
  const panel = fairnessPanel(slips, prof);
  // 3 without a profile + 2 with no group = 5 'not stated' people, 5 slips; shown (every other receiving row is 0, hidden).
  expect(row(panel, 'not stated')).toMatchObject({ peopleReceiving: 5, slipsReceived: 5 });
  expect(panel.rows.map((r) => r.group)).toEqual([
    'support worker',
    'registered professional',
    'manager',
    'other',
    'prefer not to say',
    'not stated',
  ]);
  // Read-out titles: nobody has one; everyone is read (no opt-outs).
  expect(readOut(slips, prof).groups.every((g) => g.title === undefined)).toBe(true);
  expect(readOut(slips, prof).slips).toBe(5);
});

test('hidden rows that hold fewer than 5 people between them hide the smallest shown row too; empty rows say no one', () => {
  // 3 support workers and 6 registered professionals thanked; every other group empty. Hiding only
  // the support workers would leave 9 thanked − 6 shown = 3, so registered professionals are hidden too.
  const sender = person('s', 'S');
  const sw = people('a', 3);
  const rp = people('b', 6);
  const slips = [...sw, ...rp].map((p, i) => slip('2026-05', 1 + i, sender, [p], [TEAM]));
  const panel = fairnessPanel(slips, profilesOf([...grouped(sw, 'support worker'), ...grouped(rp, 'registered professional')]));
  expect(panel.rows.map((r) => r.peopleReceiving)).toEqual([FEWER_THAN_5, FEWER_THAN_5, 0, 0, 0, 0]);
  // Saying a group is empty gives nothing away: the hidden rows still hold 9 people across two groups.
  expect(panel.rows.map((r) => r.slipsReceived)).toEqual([FEWER_THAN_5, FEWER_THAN_5, 0, 0, 0, 0]);
});

// ---- Reach ------------------------------------------------------------------------------------

const H = FEWER_THAN_5;
const reachRow = (group: ReachRow['group'], members: ReachRow['members'], reached: ReachRow['reached']): ReachRow => ({
  group,
  members,
  reached,
});

test('reach of the seeded box, worked out by hand: a small group hidden, and the next smallest too', () => {
  // Recognised in May (a team-visible slip received, or nominated):
  //   slips s01 sw1; s02 sw2 sw3; s04 sw5; s05 sw6; s06 sw1; s07 sw2; s08 rp1; s09 rp1 rp2;
  //   s10 rp3; s12 rp5; s13 m1; s14 np2; s15 sw3 sw6. s03 (to sw4) and s11 (to rp4) are private
  //   and don't count. Nominees: sw1, sw2, sw3.
  //   → sw1 sw2 sw3 sw5 sw6, rp1 rp2 rp3 rp5, m1, np2 (np2 is not a member, so not counted).
  // By group: support workers 8 members (sw1–sw8), reached sw1 sw2 sw3 sw5 sw6 = 5;
  //           registered 6 members (rp1–rp6), reached rp1 rp2 rp3 rp5 = 4;
  //           managers 4 members (m1–m4), reached m1 = 1; other, prefer not to say, not stated: 0.
  // Overall: 18 members, 5 + 4 + 1 = 10 reached.
  // Suppression: managers (4) are hidden. The hidden rows would then hold 4 people, which
  // 18 − 8 − 6 = 4 gives away, so the smallest shown row, registered professionals (6), is hidden
  // too: 10 people across two groups. Their reached, 10 − 5 = 5 of those 10, is neither none nor
  // all of them, so nothing more is hidden. Empty groups show 0.
  const r = digest.fairness.reach;
  expect(r.rows).toEqual([
    reachRow('support worker', 8, 5),
    reachRow('registered professional', H, H),
    reachRow('manager', H, H),
    reachRow('other', 0, 0),
    reachRow('prefer not to say', 0, 0),
    reachRow('not stated', 0, 0),
  ]);
  expect(r.members).toBe(18);
  expect(r.reached).toBe(10);
  // Nothing for three months (March, April, May): not reached in May are sw4 sw7 sw8 rp4 rp6
  // m2 m3 m4 (8). April: sw4 was nominated (the private p2 reached rp1 rp2, who don't count
  // anyway). March: sw7 thanked (q1); m2 nominated; rp4's only slip, q2, was private. That
  // leaves sw8, rp4, rp6, m3, m4 = 5: shown.
  expect(r.quietThreeMonths).toBe(5);
  expect(r.quietSince).toBe('2026-03');
  expect(reachSentences(r, '2026-05')).toEqual({
    reached: 'Of 18 team members, 10 received a thank-you or a nomination this month.',
    quiet: '5 members have received nothing for three months (March to May 2026).',
  });
  expect(r.rows.map(reachRowSentence)).toEqual([
    'Of 8, 5 received a thank-you or a nomination this month.',
    'Fewer than 5 members, so not shown.',
    'Fewer than 5 members, so not shown.',
    'No team members in this group.',
    'No team members in this group.',
    'No team members in this group.',
  ]);
  // Counts only: no one's id or name.
  const json = JSON.stringify(r);
  for (const p of Object.values(P)) {
    expect(json).not.toContain(`"${p.id}"`);
    expect(json).not.toContain(p.name);
  }
});

test('reach: 1–4 members with nothing for three months show as "fewer than 5"; none says everyone', () => {
  const months = (extra: Slip[]): ReachMonth[] => [
    { month: '2026-05', slips: box, nominations },
    { month: '2026-04', slips: april, nominations: aprilNominations },
    { month: '2026-03', slips: [...march, ...extra], nominations: marchNominations },
  ];
  // One more March slip, to m3: quiet are sw8, rp4, rp6, m4 = 4, hidden.
  const four = reach(members, profiles, months([slip('2026-03', 12, P.m1, [P.m3], [TEAM], 'team', 0, 'q3')]));
  expect(four.quietThreeMonths).toBe(H);
  expect(reachSentences(four, '2026-05').quiet).toBe('Fewer than 5 members have received nothing for three months (March to May 2026).');
  // Everyone left thanked in March: none.
  const all = reach(members, profiles, months([slip('2026-03', 12, P.m1, [P.m3, P.m4, P.sw8, P.rp4, P.rp6], [TEAM], 'team', 0, 'q4')]));
  expect(all.quietThreeMonths).toBe(0);
  expect(reachSentences(all, '2026-05').quiet).toBe(
    'Everyone has received a thank-you or a nomination in the last three months (March to May 2026).',
  );
  // A three-month window across the new year.
  const january = reach(members, profiles, [
    { month: '2026-01', slips: [], nominations: [] },
    { month: '2025-12', slips: [], nominations: [] },
    { month: '2025-11', slips: [], nominations: [] },
  ]);
  expect(january).toMatchObject({ members: 18, reached: 0, quietThreeMonths: 18 });
  expect(reachSentences(january, '2026-01')).toEqual({
    reached: 'Of 18 team members, no one received a thank-you or a nomination this month.',
    quiet: '18 members have received nothing for three months (November 2025 to January 2026).',
  });
});

// `count` members of a group, the first `reached` of them thanked this month.
function team(spec: Array<[StaffGroup | undefined, string, number, number]>) {
  const ids: string[] = [];
  const prof: Profile[] = [];
  const thanked: PersonRef[] = [];
  for (const [group, prefix, count, reachedCount] of spec) {
    people(prefix, count).forEach((p, i) => {
      ids.push(p.id);
      if (group) prof.push(profile(p.id, group));
      if (i < reachedCount) thanked.push(p);
    });
  }
  const sender = person('lead', 'Lead');
  const slips = thanked.map((p, i) => slip('2026-05', 1 + (i % 28), sender, [p], [TEAM]));
  return reach(ids, profilesOf(prof), [
    { month: '2026-05', slips, nominations: [] },
    { month: '2026-04', slips: [], nominations: [] },
    { month: '2026-03', slips: [], nominations: [] },
  ]);
}

test('reach: a group of 5 members is shown, a group of 4 hidden', () => {
  // 5 support workers (2 reached), 6 registered (6), 4 managers (1), 1 other (0): hidden rows
  // hold 4 + 1 = 5 across two groups, and their reached (1 of 5) is neither none nor all.
  const r = team([
    ['support worker', 'a', 5, 2],
    ['registered professional', 'b', 6, 6],
    ['manager', 'c', 4, 1],
    ['other', 'd', 1, 0],
  ]);
  expect(r.rows.map((x) => [x.members, x.reached])).toEqual([
    [5, 2],
    [6, 6],
    [H, H],
    [H, H],
    [0, 0],
    [0, 0],
  ]);
  expect(r).toMatchObject({ members: 16, reached: 9 });
});

test('reach: when the hidden rows were reached by none (or all) of their members, the next smallest row is hidden too', () => {
  // 10 support workers (6 reached), 7 registered (3), 3 managers (0), 2 other (0). Managers and
  // other are hidden (5 people, two groups). Shown alone, 9 overall − 6 − 3 = 0 would tell that
  // no manager and no one in "other" was reached, so registered professionals are hidden too:
  // hidden now 3 of 12.
  const none = team([
    ['support worker', 'a', 10, 6],
    ['registered professional', 'b', 7, 3],
    ['manager', 'c', 3, 0],
    ['other', 'd', 2, 0],
  ]);
  expect(none.rows.map((x) => [x.members, x.reached])).toEqual([
    [10, 6],
    [H, H],
    [H, H],
    [H, H],
    [0, 0],
    [0, 0],
  ]);
  expect(none).toMatchObject({ members: 22, reached: 9 });
  // The same with everyone in the small groups reached: 14 − 6 − 3 = 5 of 5 would tell as much.
  const all = team([
    ['support worker', 'a', 10, 6],
    ['registered professional', 'b', 7, 3],
    ['manager', 'c', 3, 3],
    ['other', 'd', 2, 2],
  ]);
  expect(all.rows.map((x) => [x.members, x.reached])).toEqual([
    [10, 6],
    [H, H],
    [H, H],
    [H, H],
    [0, 0],
    [0, 0],
  ]);
  // When no one at all was reached the overall figure says so for every group already: nothing more is hidden.
  const nobody = team([
    ['support worker', 'a', 10, 0],
    ['registered professional', 'b', 7, 0],
    ['manager', 'c', 3, 0],
    ['other', 'd', 2, 0],
  ]);
  expect(nobody.rows.map((x) => [x.members, x.reached])).toEqual([
    [10, 0],
    [7, 0],
    [H, H],
    [H, H],
    [0, 0],
    [0, 0],
  ]);
});

test('reach: members without a profile are "not stated"; a team of fewer than 5 shows no figures; an unknown team says so', () => {
  const r = team([
    [undefined, 'n', 5, 5],
    ['support worker', 'a', 5, 1],
  ]);
  // Both groups of 5 shown; every other group is empty.
  expect(r.rows.find((x) => x.group === 'not stated')).toEqual(reachRow('not stated', 5, 5));
  expect(r.rows.find((x) => x.group === 'support worker')).toEqual(reachRow('support worker', 5, 1));

  const tiny = team([
    ['support worker', 'a', 3, 2],
    ['manager', 'b', 1, 0],
  ]);
  expect(tiny).toMatchObject({ members: H, reached: H, quietThreeMonths: H });
  expect(tiny.rows.map((x) => [x.members, x.reached])).toEqual([
    [H, H],
    [0, 0],
    [H, H],
    [0, 0],
    [0, 0],
    [0, 0],
  ]);
  expect(reachSentences(tiny, '2026-05')).toEqual({
    reached: 'This team has fewer than 5 members, so Reach shows no figures: no one should be singled out.',
    quiet: '',
  });
  // A team of 4 all thanked: still no figures.
  expect(team([['support worker', 'a', 4, 4]])).toMatchObject({ members: H, reached: H, quietThreeMonths: H });

  const unknown = reach([], new Map(), [{ month: '2026-05', slips: box, nominations }]);
  expect(unknown).toMatchObject({ members: 0, reached: 0, quietThreeMonths: 0 });
  expect(reachSentences(unknown, '2026-05').reached).toMatch(/^Valued doesn’t know who is in this team yet/);
  expect(reachSentences(unknown, '2026-05').quiet).toBe('');
});
