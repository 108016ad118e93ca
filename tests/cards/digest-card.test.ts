// The digest card: what a governance lead reads at the meeting, and what a team channel sees.
// It shows only what the Digest holds, stays under 28 KB for the fullest box the product
// allows, and carries the lead's signed links only when it is given them.
import { digestCard, DIGEST_CARD_BUDGET, type DigestCardView } from '../../src/cards/digest-card';
import { FEWER_THAN_5, type Digest, type DigestSlip, type Reach, type ReadOutGroup } from '../../src/domain/digest';
import type { PersonRef } from '../../src/domain/person';
import { cardProblems, MAX_CARD_BYTES } from '../support/card-checks';
import { textOf } from '../support/connector';

const person = (i: number, name = `Colleague ${i}`): PersonRef => ({ id: `aad-${i}`, teamsId: `29:user-${i}`, name });
const sam = person(1, 'Sam Patel');
const jo = person(2, 'Jo Williams');
const amara = person(3, 'Amara Okafor');
const priya = person(4, 'Priya Shah');

const slip = (id: string, sender: PersonRef, recipients: PersonRef[], message: string, over: Partial<DigestSlip> = {}): DigestSlip => ({
  slipId: id,
  createdAt: '2026-05-12T09:30:00Z',
  sender,
  recipients,
  message,
  values: ['Team player'],
  cosigners: 0,
  ...over,
});

const both = slip('s-both', amara, [sam, jo], 'Thank you both for staying late so Mrs K could go home before the weekend', {
  cosigners: 3,
  values: ['Team player', 'Above and beyond for patients'],
});
const READ_OUT: ReadOutGroup[] = [
  { recipient: jo, slips: [both] },
  {
    recipient: sam,
    title: 'Associate practitioner',
    slips: [
      slip('s-1', amara, [sam], 'For covering my clinic at short notice', {
        createdAt: '2026-05-02T08:00:00Z',
        values: ['Skill and expertise'],
      }),
      both,
      slip('s-3', priya, [sam], 'Thank you for this', { quote: 'I can stay late tonight' }),
    ],
  },
];

// 42 members: 12 + 10 + 14 shown, managers and other (6 between them) hidden, nobody said "prefer not to say".
const REACH: Reach = {
  members: 42,
  reached: 30,
  quietThreeMonths: 8,
  quietSince: '2026-03',
  rows: [
    { group: 'support worker', members: 12, reached: 9 },
    { group: 'registered professional', members: 10, reached: 8 },
    { group: 'manager', members: FEWER_THAN_5, reached: FEWER_THAN_5 },
    { group: 'other', members: FEWER_THAN_5, reached: FEWER_THAN_5 },
    { group: 'prefer not to say', members: 0, reached: 0 },
    { group: 'not stated', members: 14, reached: 10 },
  ],
};
const NO_MEMBERS: Reach = {
  members: 0,
  reached: 0,
  quietThreeMonths: 0,
  quietSince: '2026-03',
  rows: REACH.rows.map((r) => ({ group: r.group, members: 0, reached: 0 })),
};

function digest(over: Partial<Digest> = {}): Digest {
  return {
    teamId: '19:team',
    teamName: 'Therapies Team',
    month: '2026-05',
    timeZone: 'Europe/London',
    totals: { slips: 42, peopleThanked: 12, peopleThanking: 9, cosigns: 30, privateSlips: 5 },
    previous: { slips: 37, peopleThanked: 14, peopleThanking: 9, cosigns: 11 },
    award: {
      winners: [sam],
      highlyCommended: [priya],
      citation: 'For kindness under pressure, every single day',
      announcedAt: '2026-05-29T15:00:00Z',
    },
    nominations: { nominations: 7, nominees: 4, nominators: 6, shortlisted: 3 },
    values: [
      { value: 'Team player', slips: 20 },
      { value: 'Skill and expertise', slips: 12 },
      { value: 'Including others', slips: 1 },
    ],
    readOut: READ_OUT,
    readOutSlips: 3,
    fairness: {
      rows: [
        { group: 'support worker', peopleReceiving: 6, slipsReceived: 11, peopleGiving: FEWER_THAN_5, slipsGiven: FEWER_THAN_5 },
        { group: 'registered professional', peopleReceiving: FEWER_THAN_5, slipsReceived: FEWER_THAN_5, peopleGiving: 7, slipsGiven: 25 },
        {
          group: 'manager',
          peopleReceiving: FEWER_THAN_5,
          slipsReceived: FEWER_THAN_5,
          peopleGiving: FEWER_THAN_5,
          slipsGiven: FEWER_THAN_5,
        },
        {
          group: 'other',
          peopleReceiving: FEWER_THAN_5,
          slipsReceived: FEWER_THAN_5,
          peopleGiving: FEWER_THAN_5,
          slipsGiven: FEWER_THAN_5,
        },
        { group: 'not stated', peopleReceiving: 5, slipsReceived: 9, peopleGiving: 5, slipsGiven: 6 },
      ],
      toSupportWorkers: { fromRegistered: 8, fromManagers: FEWER_THAN_5, total: 11 },
      reach: REACH,
    },
    ...over,
  };
}

const LINKS = {
  readOut: 'https://valued.example/digest/readout?link=abc',
  print: 'https://valued.example/digest/print?link=abc',
  csv: 'https://valued.example/digest/export.csv?link=abc',
};
const card = (v: Partial<DigestCardView> = {}) => digestCard({ digest: digest(), ...v });
const text = (c: { content: Record<string, unknown> }) => textOf({ attachments: [c] });
const bytes = (c: { content: Record<string, unknown> }) => Buffer.byteLength(JSON.stringify(c.content));

/** Every TextRun on the card: where people's own words go. */
function textRuns(content: unknown): string[] {
  const found: string[] = [];
  const walk = (n: unknown) => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) return n.forEach(walk);
    const o = n as Record<string, unknown>;
    if (o.type === 'TextRun') found.push(String(o.text));
    Object.values(o).forEach(walk);
  };
  walk(content);
  return found;
}

/** Each Table on the card as rows of cell texts. */
function tables(content: Record<string, unknown>): string[][][] {
  return (content.body as any[])
    .filter((b) => b.type === 'Table')
    .map((t) => t.rows.map((r: any) => r.cells.map((cell: any) => cell.items[0].text)));
}
const fairnessTable = (content: Record<string, unknown>) => tables(content).find((t) => t[0][1] === 'People thanked');
const reachTable = (content: Record<string, unknown>) => tables(content).find((t) => t[0][1] === 'Team members');

/** The read-out entries on the card, as "recipient heading: message". */
function shownEntries(content: Record<string, unknown>): string[] {
  return (content.body as any[])
    .filter((b) => b.type === 'Container' && b.items?.[0]?.text?.startsWith('For '))
    .flatMap((g) => g.items.slice(1).map((s: any) => `${g.items[0].text}: ${s.items[0].inlines[0].text}`));
}

describe('the digest card', () => {
  test('shows the month: totals and their change, the award with its citation, nominations, values', () => {
    const c = card({ links: LINKS });
    expect(cardProblems(c.content)).toEqual([]);
    const t = text(c);
    expect(t).toContain('Therapies Team — digest for May 2026');
    expect(t).toContain('42 slips, 5 more than April');
    expect(t).toContain('12 (2 fewer than April)');
    expect(t).toContain('9 (the same as April)');
    expect(t).toContain('5 (counted, never read out)');
    expect(t).toContain('Star of the month');
    expect(t).toContain('Sam Patel');
    expect(t).toContain('Highly commended: Priya Shah');
    expect(textRuns(c.content)).toContain('For kindness under pressure, every single day');
    expect(t).toContain('7 nominations for 4 colleagues, made by 6 people; 3 shortlisted.');
    const values = (c.content.body as any[]).find((b) => b.type === 'FactSet' && b.facts.some((f: any) => f.title === 'Team player'));
    expect(values.facts).toEqual([
      { title: 'Team player', value: '20 slips' },
      { title: 'Skill and expertise', value: '12 slips' },
      { title: 'Including others', value: '1 slip' },
    ]);
    expect(c.content.speak).toBe('Therapies Team — digest for May 2026. 42 slips, 5 more than April. Star of the month: Sam Patel.');
  });

  test('the fairness panel is a small table; a group of fewer than 5 shows those words, never a number', () => {
    const c = card();
    expect(fairnessTable(c.content)).toEqual([
      ['Staff group', 'People thanked', 'Slips received', 'People thanking', 'Slips sent'],
      ['Support workers', '6', '11', 'fewer than 5', 'fewer than 5'],
      ['Registered professionals', 'fewer than 5', 'fewer than 5', '7', '25'],
      ['Not stated', '5', '9', '5', '6'],
    ]);
    expect(text(c)).toContain('Hidden, as they have 1 to 4 people: Managers and Other staff groups.');
    expect(text(c)).toContain('Slips to support workers: 11 in all, 8 from registered professionals and fewer than 5 from managers.');
    expect(cardProblems(c.content)).toEqual([]);
  });

  test('a group with no one in it says so, and why small groups are hidden is explained once', () => {
    const d = digest();
    const none = { peopleReceiving: 0, slipsReceived: 0, peopleGiving: 0, slipsGiven: 0 };
    const c = digestCard({
      digest: {
        ...d,
        fairness: {
          ...d.fairness,
          // Managers and other keep their 1 to 4 people; no one said "prefer not to say".
          rows: [...d.fairness.rows, { group: 'prefer not to say' as const, ...none }],
        },
      },
    });
    const t = text(c);
    expect(t).toContain('Prefer not to say: no one in this group this month.');
    expect(t).not.toMatch(/Prefer not to say.{0,40}fewer than 5/i);
    expect(fairnessTable(c.content)!.map((r: string[]) => r[0])).not.toContain('Prefer not to say');
    // Still hidden: the 1 to 4 people of Managers and Other staff groups.
    expect(t).toContain('Hidden, as they have 1 to 4 people: Managers and Other staff groups.');
    const why = 'because with so few it would be easy to tell who they are';
    expect(t.split(why)).toHaveLength(2);
    expect(t).not.toContain('so no one can be singled out');
    expect(cardProblems(c.content)).toEqual([]);
  });

  test('Reach: the whole team in words, a row per staff group with members, small groups named but never counted', () => {
    const c = card();
    expect(cardProblems(c.content)).toEqual([]);
    const t = text(c);
    expect(t).toContain('Reach: does recognition reach the whole team?');
    expect(t).toContain('Of 42 team members, 30 received a thank-you or a nomination this month.');
    expect(t).toContain('8 members have received nothing for three months (March to May 2026).');
    // "Prefer not to say" has no members: no row. Managers and other are under 5: named, not counted.
    expect(reachTable(c.content)).toEqual([
      ['Staff group', 'Team members', 'Received a thank-you or a nomination this month'],
      ['Support workers', '12', '9'],
      ['Registered professionals', '10', '8'],
      ['Not stated', '14', '10'],
    ]);
    expect(t).toContain('Not shown, as they have 1 to 4 members: Managers and Other staff groups.');
    expect(t).toContain('Counts only, never names.');
    // Reach comes after the rest of the fairness panel and before the slips.
    expect(t.indexOf('Slips to support workers')).toBeLessThan(t.indexOf('Reach: does'));
    expect(t.indexOf('Reach: does')).toBeLessThan(t.indexOf('slips to read out'));

    // 1–4 quiet members: "fewer than 5", never the number.
    const few = text(card({ digest: digest({ fairness: { ...digest().fairness, reach: { ...REACH, quietThreeMonths: FEWER_THAN_5 } } }) }));
    expect(few).toContain('Fewer than 5 members have received nothing for three months (March to May 2026).');
    const none = text(card({ digest: digest({ fairness: { ...digest().fairness, reach: { ...REACH, quietThreeMonths: 0 } } }) }));
    expect(none).toContain('Everyone has received a thank-you or a nomination in the last three months (March to May 2026).');
  });

  test('Reach for a team of fewer than 5 members, or one Valued knows no members of, shows no figures', () => {
    const hidden: Reach['rows'][number] = { group: 'support worker', members: FEWER_THAN_5, reached: FEWER_THAN_5 };
    const tiny: Reach = {
      members: FEWER_THAN_5,
      reached: FEWER_THAN_5,
      quietThreeMonths: FEWER_THAN_5,
      quietSince: '2026-03',
      rows: [hidden, ...NO_MEMBERS.rows.slice(1)],
    };
    const small = card({ digest: digest({ fairness: { ...digest().fairness, reach: tiny } }) });
    expect(cardProblems(small.content)).toEqual([]);
    expect(text(small)).toContain('This team has fewer than 5 members, so Reach shows no figures: no one should be singled out.');
    expect(text(small)).not.toContain('nothing for three months');
    expect(text(small)).not.toContain('so not shown: Support workers');
    expect(reachTable(small.content)).toBeUndefined();
    const unknown = card({ digest: digest({ fairness: { ...digest().fairness, reach: NO_MEMBERS } }) });
    expect(cardProblems(unknown.content)).toEqual([]);
    expect(text(unknown)).toContain('Valued doesn’t know who is in this team yet');
    expect(reachTable(unknown.content)).toBeUndefined();
  });

  test('the slips to read out, grouped by the person thanked, with their title, sender, values and date', () => {
    const c = card();
    expect(shownEntries(c.content)).toEqual([
      `For Jo Williams: ${both.message}`,
      'For Sam Patel, Associate practitioner: For covering my clinic at short notice',
      `For Sam Patel, Associate practitioner: ${both.message}`,
      'For Sam Patel, Associate practitioner: Thank you for this',
    ]);
    const t = text(c);
    expect(t).toContain('3 slips to read out, by the person thanked.');
    expect(t).toContain(
      'From Amara Okafor · Team player, Above and beyond for patients · also for Sam Patel · 3 colleagues added their thanks · 12 May',
    );
    expect(t).toContain(
      'From Amara Okafor · Team player, Above and beyond for patients · also for Jo Williams · 3 colleagues added their thanks · 12 May',
    );
    expect(t).toContain('From Amara Okafor · Skill and expertise · 2 May');
    expect(textRuns(c.content)).toContain('“I can stay late tonight”');
    expect(t).not.toContain('more in the read-out');
  });

  test('the card shows only digest.readOut: no slip, name or word from anywhere else', () => {
    // A digest as DigestService builds it: no private slip, nobody who opted out. Whatever
    // the card shows in people's own words must be one of these, in this order.
    const c = card({ links: LINKS });
    const allowed = new Set([...READ_OUT.flatMap((g) => g.slips.flatMap((s) => [s.message, `“${s.quote}”`])), digest().award!.citation]);
    const runs = textRuns(c.content);
    expect(runs.length).toBeGreaterThan(0);
    for (const r of runs) expect(allowed).toContain(r);
    expect(shownEntries(c.content)).toHaveLength(READ_OUT.reduce((n, g) => n + g.slips.length, 0));
    // Names on the card: the read-out's people and the award's, nobody else.
    const t = text(c);
    const known = [sam, jo, amara, priya].map((p) => p.name);
    for (const stranger of ['Colleague ', 'Ola Nowak']) expect(t).not.toContain(stranger);
    for (const name of known) expect(t).toContain(name);
  });

  test('a lead’s card carries the three signed links; a channel card only the leads-only button', () => {
    const lead = card({ links: LINKS, linkHours: 12 });
    expect(lead.content.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Open read-out', url: LINKS.readOut },
      { type: 'Action.OpenUrl', title: 'Printable page', url: LINKS.print },
      { type: 'Action.OpenUrl', title: 'Download CSV', url: LINKS.csv },
    ]);
    expect(text(lead)).toContain('These links are just for you, so please don’t forward them. They work for 12 hours.');
    expect(cardProblems(lead.content)).toEqual([]);

    const channel = card();
    expect(channel.content.actions).toEqual([
      { type: 'Action.Execute', title: 'Open read-out (leads)', verb: 'digest.links', data: { teamId: '19:team', month: '2026-05' } },
    ]);
    expect(JSON.stringify(channel.content)).not.toMatch(/link=|\/digest\/|These links/);
    expect(cardProblems(channel.content)).toEqual([]);
  });

  test('a notice or an error is shown at the top', () => {
    const refused = card({ notice: 'Only your team’s governance leads can open the read-out.' });
    expect((refused.content.body as any[])[1]).toMatchObject({
      type: 'Container',
      style: 'accent',
      items: [{ text: 'Only your team’s governance leads can open the read-out.' }],
    });
    const failed = card({ error: 'Sorry, something went wrong.' });
    expect((failed.content.body as any[])[1]).toMatchObject({ style: 'attention', items: [{ text: 'Sorry, something went wrong.' }] });
    expect(JSON.stringify(card().content)).not.toContain('"style":"accent"');
  });

  test('no award yet, fewer or the same as last month, and January compared with December', () => {
    const none = card({
      digest: digest({ award: undefined, nominations: { nominations: 0, nominees: 0, nominators: 0, shortlisted: 0 } }),
    });
    expect(text(none)).toContain('Not announced yet');
    expect(text(none)).toContain('No nominations this month.');
    expect(cardProblems(none.content)).toEqual([]);
    expect(text(card({ digest: digest({ totals: { slips: 1, peopleThanked: 1, peopleThanking: 1, cosigns: 0 } }) }))).toContain(
      '1 slip, 36 fewer than April',
    );
    expect(text(card({ digest: digest({ totals: { slips: 37, peopleThanked: 1, peopleThanking: 1, cosigns: 0 } }) }))).toContain(
      '37 slips, the same as April',
    );
    expect(text(card({ digest: digest({ month: '2026-01' }) }))).toContain('42 slips, 5 more than December 2025');
    const joint = card({
      digest: digest({ award: { winners: [sam, jo], highlyCommended: [], citation: '', announcedAt: '2026-05-29T15:00:00Z' } }),
    });
    expect(text(joint)).toContain('Joint winners: Sam Patel and Jo Williams');
    expect(text(joint)).not.toContain('Highly commended');
    expect(cardProblems(joint.content)).toEqual([]);
  });

  test('an empty month says so plainly, and a month whose slips are all private reads out nothing', () => {
    const zero = { slips: 0, peopleThanked: 0, peopleThanking: 0, cosigns: 0 };
    const empty = card({
      digest: digest({
        totals: zero,
        previous: zero,
        award: undefined,
        values: [],
        readOut: [],
        readOutSlips: 0,
        fairness: { rows: [], toSupportWorkers: { fromRegistered: 0, fromManagers: 0, total: 0 }, reach: REACH },
      }),
    });
    expect(cardProblems(empty.content)).toEqual([]);
    const t = text(empty);
    expect(t).toContain('0 slips, the same as April');
    expect(t).toContain('No slips this month.');
    expect(t).toContain('No values this month.');
    expect(t).toContain('Nothing to show yet');
    expect(fairnessTable(empty.content)).toBeUndefined();
    // Reach still has something to say in a month without slips.
    expect(reachTable(empty.content)).toHaveLength(4);
    // Every group's row is there (all hidden) but a month without slips shows no table at all.
    const hidden = {
      peopleReceiving: FEWER_THAN_5,
      slipsReceived: FEWER_THAN_5,
      peopleGiving: FEWER_THAN_5,
      slipsGiven: FEWER_THAN_5,
    } as const;
    const allRows = card({
      digest: digest({
        totals: zero,
        readOut: [],
        readOutSlips: 0,
        fairness: {
          rows: (['support worker', 'manager', 'not stated'] as const).map((group) => ({ group, ...hidden })),
          toSupportWorkers: { fromRegistered: FEWER_THAN_5, fromManagers: FEWER_THAN_5, total: FEWER_THAN_5 },
          reach: NO_MEMBERS,
        },
      }),
    });
    expect((allRows.content.body as any[]).some((b) => b.type === 'Table')).toBe(false);
    expect(text(allRows)).toContain('Nothing to show yet');
    expect(text(allRows)).not.toContain('so not shown');
    const allPrivate = card({ digest: digest({ readOut: [], readOutSlips: 0 }) });
    expect(text(allPrivate)).toContain('None of this month’s slips are for reading out');
    expect(textRuns(allPrivate.content)).toEqual([digest().award!.citation]);
  });

  test('people’s words stay literal: markdown is not formatting and addresses are not links', () => {
    const sly = person(9, '**Boss** [click](https://evil.example)');
    const d = digest({
      teamName: 'Team <b>X</b>',
      readOut: [
        {
          recipient: sly,
          title: '_Lead_ practitioner',
          slips: [slip('x', sly, [sly], 'See **this** [link](https://evil.example) and www.evil.example', { values: ['# Heading'] })],
        },
      ],
      readOutSlips: 1,
      award: { winners: [sly], highlyCommended: [], citation: 'Visit https://evil.example now', announcedAt: '2026-05-29T15:00:00Z' },
    });
    const c = digestCard({ digest: d });
    expect(cardProblems(c.content)).toEqual([]);
    const t = text(c);
    expect(t).toContain('Team bX/b — digest for May 2026');
    expect(t).toContain('For Boss click(https:\u200B//evil.\u200Bexample), Lead practitioner');
    expect(t).toContain('From Boss click(https:\u200B//evil.\u200Bexample) · Heading');
    const runs = textRuns(c.content);
    expect(runs).toContain('See **this** [link](https:\u200B//evil.\u200Bexample) and www\u200B.evil.\u200Bexample');
    expect(runs).toContain('Visit https:\u200B//evil.\u200Bexample now');
    // Outside TextRuns (where Teams reads markdown and links addresses) nothing is formatting or a link.
    const formatted: string[] = [];
    const walk = (n: unknown) => {
      if (!n || typeof n !== 'object') return;
      if (Array.isArray(n)) return n.forEach(walk);
      const o = n as Record<string, unknown>;
      if (o.type === 'TextBlock') formatted.push(String(o.text));
      if (typeof o.title === 'string' && typeof o.value === 'string') formatted.push(o.title, o.value);
      Object.values(o).forEach(walk);
    };
    walk(c.content.body);
    expect(formatted.filter((f) => /\*\*|\[|<|#|_|:\/\/|www\./.test(f))).toEqual([]);
  });

  test('a 2,000-slip box with 1,000-character messages: the card fits in 28 KB and says how many more', () => {
    const long = (i: number) =>
      `${i} ${'Thank you for the way you looked after every patient on the ward this week. '.repeat(20)}`.slice(0, 1000);
    const groups: ReadOutGroup[] = Array.from({ length: 200 }, (_, g) => ({
      recipient: person(100 + g, `Colleague ${100 + g} With A Fairly Long Name`),
      title: 'Associate practitioner in the community rehabilitation team',
      slips: Array.from({ length: 10 }, (_, i) =>
        slip(`s-${g}-${i}`, person(500 + i), [person(100 + g)], long(g * 10 + i), {
          values: ['Team player', 'Skill and expertise', 'Above and beyond for patients'],
          cosigners: 12,
        }),
      ),
    }));
    const big = digest({
      readOut: groups,
      readOutSlips: 2000,
      totals: { slips: 2000, peopleThanked: 200, peopleThanking: 10, cosigns: 24_000 },
      award: { ...digest().award!, citation: 'c'.repeat(1000) },
    });
    const started = Date.now();
    const c = digestCard({ digest: big, links: LINKS });
    const elapsed = Date.now() - started;
    expect(cardProblems(c.content)).toEqual([]);
    expect(bytes(c)).toBeLessThanOrEqual(DIGEST_CARD_BUDGET);
    expect(bytes(c)).toBeLessThan(MAX_CARD_BYTES);
    const shown = shownEntries(c.content);
    expect(shown.length).toBeGreaterThan(5);
    // As many as fit: one more would not.
    expect(shown).toEqual(
      groups.flatMap((g) => g.slips.map((s) => `For ${g.recipient.name}, ${g.title}: ${s.message}`)).slice(0, shown.length),
    );
    expect(text(c)).toContain(`and ${2000 - shown.length} more in the read-out`);
    expect(text(c)).toContain('2000 slips to read out, by the person thanked. The first are below');
    expect(elapsed).toBeLessThan(3000);
  });

  test('it still fits when the words are the costliest to send: quotes, new lines, emoji, long names and citation', () => {
    const costly = '"\\\n💙é'.repeat(200).slice(0, 1000);
    const groups: ReadOutGroup[] = Array.from({ length: 100 }, (_, g) => ({
      recipient: person(g, 'N'.repeat(100)),
      title: 'T'.repeat(100),
      slips: Array.from({ length: 20 }, (_, i) =>
        slip(
          `c-${g}-${i}`,
          person(1000 + i, 'S'.repeat(100)),
          [person(g), ...Array.from({ length: 9 }, (_, k) => person(2000 + k, 'R'.repeat(100)))],
          costly,
          { quote: costly, values: ['V'.repeat(100), 'W'.repeat(100), 'X'.repeat(100)], cosigners: 99 },
        ),
      ),
    }));
    const values = Array.from({ length: 40 }, (_, i) => ({ value: `${i} ${'v'.repeat(98)}`, slips: 100 - i }));
    const big = digest({
      readOut: groups,
      readOutSlips: 2000,
      values,
      award: {
        winners: Array.from({ length: 10 }, (_, i) => person(i, 'W'.repeat(100))),
        highlyCommended: Array.from({ length: 10 }, (_, i) => person(i, 'H'.repeat(100))),
        citation: costly.repeat(5),
        announcedAt: '2026-05-29T15:00:00Z',
      },
    });
    const c = digestCard({ digest: big, links: LINKS, notice: 'n'.repeat(300) });
    expect(cardProblems(c.content)).toEqual([]);
    expect(bytes(c)).toBeLessThanOrEqual(DIGEST_CARD_BUDGET);
    expect(text(c)).toContain('and 25 other values');
    expect(text(c)).toMatch(/and \d+ more in the read-out/);
  });

  test('the lead’s card for a normal month is stable', () => {
    expect(card({ links: LINKS, linkHours: 12 })).toMatchSnapshot();
  });
});
