// The digest's sums, on a seeded box whose expected figures are worked out by hand below, plus
// the privacy rules: private slips and opted-out people never read out, small groups hidden.
import { buildDigest, fairnessPanel, readOut } from '../../src/domain/digest-rules';
import { FEWER_THAN_5, type FairnessRow } from '../../src/domain/digest';
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
  np2: person('np2', 'Sam Taylor')
};

const profile = (id: string, staffGroup?: StaffGroup, extra: Partial<Profile> = {}): Profile => ({ personId: id, staffGroup, updatedAt: '2026-01-01T00:00:00Z', ...extra });
const profilesOf = (list: Profile[]) => new Map(list.map((p) => [p.personId, p]));

let n = 0;
function slip(month: string, day: number, sender: PersonRef, recipients: PersonRef[], values: string[], visibility: Visibility = 'team', cosigners = 0, id?: string): Slip {
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
    notified: {}
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
const may = (day: number, from: PersonRef, to: PersonRef[], values: string[], vis: Visibility, cos: number, id: string) => slip('2026-05', day, from, to, values, vis, cos, id);
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
  may(16, P.m4, [P.sw3, P.sw6], [TRUST], 'team', 0, 's15')
];
const april: Slip[] = [
  slip('2026-04', 3, P.rp1, [P.sw1], [SKILL], 'team', 1, 'p1'),
  slip('2026-04', 4, P.sw1, [P.rp1, P.rp2], [TEAM], 'private', 0, 'p2'),
  slip('2026-04', 5, P.m1, [P.sw2, P.sw3], [TRUST], 'team', 2, 'p3')
];
const profiles = profilesOf([
  profile('sw1', 'support worker', { preferredTitle: 'Associate practitioner' }),
  ...['sw2', 'sw3', 'sw4', 'sw5'].map((id) => profile(id, 'support worker')),
  profile('sw6', 'support worker', { noReadOut: true }),
  ...['rp1', 'rp2', 'rp3', 'rp4', 'rp5'].map((id) => profile(id, 'registered professional')),
  ...['m1', 'm2', 'm3', 'm4'].map((id) => profile(id, 'manager')),
  profile('o1', 'other')
]);
const nomination = (nominator: PersonRef, nominee: PersonRef, anonymous = false): Nomination => ({ teamId: 'team-1', month: '2026-05', nominator, nominee, reason: 'A steady hand all month long', values: [], anonymous, slipIds: [], createdAt: '2026-05-20T10:00:00Z', updatedAt: '2026-05-20T10:00:00Z' });
const nominations = [nomination(P.rp1, P.sw1), nomination(P.rp2, P.sw1), nomination(P.m1, P.sw2, true), nomination(P.rp1, P.sw3)];
const round = { ...newAwardRound('team-1', '2026-05', new Date('2026-05-01T00:00:00Z')), shortlist: ['sw1', 'sw2'] };
const award: Award = { teamId: 'team-1', month: '2026-05', winners: [P.sw1], highlyCommended: [P.sw2], citation: 'For calm, skilled care every day.', values: [SKILL], announcedAt: '2026-05-29T15:00:00.000Z' };

const digest = buildDigest({ teamId: 'team-1', teamName: 'Therapy Team', month: '2026-05', timeZone: 'Europe/London', slips: box, previousSlips: april, profiles, nominations, round, award });

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
    { value: LEARN, slips: 1 }
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
    ['Sam Taylor', undefined, ['s14']]
  ]);
  expect(digest.readOutSlips).toBe(12);
  const s01 = digest.readOut[0].slips[0];
  expect(s01).toEqual({ slipId: 's01', createdAt: '2026-05-02T10:00:00.000Z', sender: P.rp1, recipients: [P.sw1], message: 'Thanks message of s01', values: [SKILL], cosigners: 2 });
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

test('fairness panel of the seeded box: every group a row, figures about fewer than 5 people hidden', () => {
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
    { group: 'other', peopleReceiving: H, slipsReceived: H, peopleGiving: H, slipsGiven: H },
    { group: 'prefer not to say', peopleReceiving: H, slipsReceived: H, peopleGiving: H, slipsGiven: H },
    { group: 'not stated', peopleReceiving: H, slipsReceived: H, peopleGiving: H, slipsGiven: H }
  ]);
  // To support workers: 8 slips in all; from registered s01–s05 = 5 slips by 5 people (shown);
  // from managers s06 s07 s15 by m1 m2 m4 = 3 people (hidden).
  expect(digest.fairness.toSupportWorkers).toEqual({ fromRegistered: 5, fromManagers: H, total: 8 });
});

test('nominations and the announced award', () => {
  // 4 nominations; nominees sw1 sw2 sw3 = 3; nominators rp1 rp2 m1 = 3; shortlist sw1 sw2 = 2.
  expect(digest.nominations).toEqual({ nominations: 4, nominees: 3, nominators: 3, shortlisted: 2 });
  expect(digest.award).toEqual({ winners: [P.sw1], highlyCommended: [P.sw2], citation: 'For calm, skilled care every day.', announcedAt: '2026-05-29T15:00:00.000Z' });
  const quiet = buildDigest({ teamId: 't', teamName: 'T', month: '2026-05', timeZone: 'Europe/London', slips: [], previousSlips: [], profiles: new Map(), nominations: [] });
  expect(quiet.award).toBeUndefined();
  expect(quiet.nominations).toEqual({ nominations: 0, nominees: 0, nominators: 0, shortlisted: 0 });
  expect(quiet.totals).toEqual({ slips: 0, peopleThanked: 0, peopleThanking: 0, cosigns: 0, privateSlips: 0 });
  expect(quiet.readOut).toEqual([]);
  expect(quiet.fairness.rows.every((r) => r.peopleReceiving === FEWER_THAN_5 && r.slipsGiven === FEWER_THAN_5)).toBe(true);
});

// Small builders for the boundary tests: `count` people of a group each thanking/thanked once.
const people = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => person(`${prefix}${i + 1}`, `${prefix} ${i + 1}`));
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
    slip('2026-05', 10, sender, [one[0]], [TEAM])
  ];
  const prof = profilesOf([...grouped(five, 'support worker'), ...grouped(four, 'manager'), ...grouped(many, 'registered professional'), ...grouped(one, 'other')]);
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
  const slips = [...five.map((p, i) => slip('2026-05', 1 + i, p, [to], [TEAM])), ...four.flatMap((p, i) => [slip('2026-05', 1 + i, p, [to], [TEAM]), slip('2026-05', 2 + i, p, [to], [TEAM])]), slip('2026-05', 9, one[0], [to], [TEAM])];
  const panel = fairnessPanel(slips, profilesOf([...grouped(five, 'other'), ...grouped(four, 'registered professional'), ...grouped(one, 'manager')]));
  expect(row(panel, 'other')).toMatchObject({ peopleGiving: 5, slipsGiven: 5 });
  expect(row(panel, 'registered professional')).toMatchObject({ peopleGiving: FEWER_THAN_5, slipsGiven: FEWER_THAN_5 });
});

test('when only one row would be hidden, the smallest shown row is hidden too, so nothing can be worked out by subtraction', () => {
  // Receivers in every group: 5 support workers, 6 registered, 7 managers, 8 other, 9 prefer not to say, 2 not stated.
  const sizes: Array<[StaffGroup | undefined, number, string]> = [['support worker', 5, 'a'], ['registered professional', 6, 'b'], ['manager', 7, 'c'], ['other', 8, 'd'], ['prefer not to say', 9, 'e'], [undefined, 2, 'f']];
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
  const prof = profilesOf([...grouped(sw, 'support worker'), ...grouped(rp, 'registered professional'), ...grouped(mg, 'manager'), ...grouped(peers, 'other')]);
  const slips = [
    ...rp.map((p, i) => slip('2026-05', 1, p, [sw[i]], [TEAM])),
    ...mg.map((p, i) => slip('2026-05', 2, p, [sw[i], sw[(i + 1) % 5]], [TEAM])),
    ...peers.map((p, i) => slip('2026-05', 3, p, [sw[i]], [TEAM]))
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
  expect(panel.rows.map((r) => r.group)).toEqual(['support worker', 'registered professional', 'manager', 'other', 'prefer not to say', 'not stated']);
  // Read-out titles: nobody has one; everyone is read (no opt-outs).
  expect(readOut(slips, prof).groups.every((g) => g.title === undefined)).toBe(true);
  expect(readOut(slips, prof).slips).toBe(5);
});

test('hidden rows that hold fewer than 5 people between them hide the smallest shown row too, even when other hidden rows are empty', () => {
  // 3 support workers and 6 registered professionals thanked; every other group empty. Hiding only
  // the support workers would leave 9 thanked − 6 shown = 3, so registered professionals are hidden too.
  const sender = person('s', 'S');
  const sw = people('a', 3);
  const rp = people('b', 6);
  const slips = [...sw, ...rp].map((p, i) => slip('2026-05', 1 + i, sender, [p], [TEAM]));
  const panel = fairnessPanel(slips, profilesOf([...grouped(sw, 'support worker'), ...grouped(rp, 'registered professional')]));
  expect(panel.rows.map((r) => r.peopleReceiving)).toEqual(Array(6).fill(FEWER_THAN_5));
});
