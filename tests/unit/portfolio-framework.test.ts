// The framework data, the reflection rules, the grouping by domain the printable page will use,
// and counts that read naturally.
import { FRAMEWORKS, frameworkById, domainNames, DEFAULT_FRAMEWORK_ID } from '../../src/domain/framework';
import { checkReflection, choicesFrom } from '../../src/domain/reflection';
import { groupByDomain, EMPTY_DOMAIN_PROMPT } from '../../src/domain/portfolio-by-domain';
import { allOf, countOf } from '../../src/domain/counting';
import { monthLabel } from '../../src/domain/box';
import { readMonth } from '../../src/domain/month-words';
import { isCodedError } from '../../src/domain/errors';
import type { SlipHistoryEntry } from '../../src/domain/history';
import type { SlipReflection } from '../../src/domain/reflection';

const ahp = frameworkById(DEFAULT_FRAMEWORK_ID);

test('the default framework is HEE’s AHP support worker framework of 2021: eight domains, numbered, with its source', () => {
  expect(ahp).toMatchObject({ publisher: 'Health Education England', year: 2021 });
  expect(ahp.url).toMatch(/^https:\/\/www\.hee\.nhs\.uk\//);
  expect(ahp.domains.map((d) => d.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  expect(new Set(ahp.domains.map((d) => d.id)).size).toBe(8);
  // Checked against the source: domains 1 to 5; 6 to 8 are marked as still to confirm.
  expect(ahp.domains.filter((d) => d.checked).map((d) => d.number)).toEqual([1, 2, 3, 4, 5]);
  expect(ahp.sourceNotes.join(' ')).toContain('must be confirmed');
  for (const f of FRAMEWORKS) expect(f.domains.every((d) => d.id && d.name)).toBe(true);
  expect(frameworkById('no-such-framework')).toBe(ahp);
  expect(domainNames(ahp, ['communication-information', 'formal-knowledge', 'nonsense'])).toEqual([
    'Formal knowledge and experience',
    'Communication and information',
  ]);
});

describe('a reflection', () => {
  const refused = (input: { domains?: unknown; reflection?: unknown }) => {
    try {
      checkReflection(input, ahp);
      return undefined;
    } catch (e) {
      if (!isCodedError(e)) throw e;
      return e.userMessage;
    }
  };

  test('keeps only offered domains, in the framework’s order, and up to 500 characters', () => {
    expect(checkReflection({ domains: ['education-development', 'formal-knowledge'], reflection: '  I led the huddle.  ' }, ahp)).toEqual({
      domains: ['formal-knowledge', 'education-development'],
      reflection: 'I led the huddle.',
    });
    expect(checkReflection({}, ahp)).toEqual({ domains: [], reflection: '' });
    expect(checkReflection({ domains: [], reflection: 'x'.repeat(500) }, ahp).reflection).toHaveLength(500);
  });

  test('anything not offered, or too long, is refused with a kind message', () => {
    expect(refused({ domains: ['made-up'] })).toMatch(/isn’t one from the list/);
    expect(refused({ domains: 'formal-knowledge' })).toMatch(/choose the domains from the list/);
    expect(refused({ domains: [1] })).toMatch(/choose the domains from the list/);
    expect(refused({ reflection: 'x'.repeat(501) })).toMatch(/500 characters \(it is 501 now\)/);
    expect(refused({ reflection: 42 })).toMatch(/as text/);
  });

  test('a card’s multi-select arrives as one comma-separated string', () => {
    expect(choicesFrom('a,b, c')).toEqual(['a', 'b', 'c']);
    expect(choicesFrom('')).toEqual([]);
    expect(choicesFrom(['a'])).toEqual(['a']);
  });
});

test('grouping by domain: each domain with its slips and reflections, a kind prompt where there are none yet', () => {
  const slip = (id: string): SlipHistoryEntry => ({
    kind: 'slip',
    slipId: id,
    teamId: 't',
    month: '2026-11',
    createdAt: '2026-11-02T10:00:00.000Z',
    sender: { id: 's', teamsId: '29:s', name: 'Jo' },
    message: `message ${id}`,
    values: ['Team player'],
    visibility: 'team',
  });
  const note = (slipId: string, domains: string[], reflection: string): SlipReflection => ({
    personId: 'p',
    slipId,
    createdAt: '2026-11-02T10:00:00.000Z',
    teamId: 't',
    month: '2026-11',
    frameworkId: ahp.id,
    domains,
    reflection,
    updatedAt: '2026-11-03T10:00:00.000Z',
  });
  const grouped = groupByDomain(
    [slip('a'), slip('b'), slip('c')],
    [note('a', ['supporting-service-users', 'communication-information'], 'I listened.'), note('b', [], 'Reflection only')],
    ahp,
  );
  expect(grouped.groups).toHaveLength(8);
  const by = (id: string) => grouped.groups.find((g) => g.domain.id === id)!;
  expect(by('supporting-service-users').evidence).toEqual([{ slip: slip('a'), reflection: 'I listened.' }]);
  expect(by('communication-information').evidence.map((e) => e.slip.slipId)).toEqual(['a']);
  expect(by('supporting-service-users').prompt).toBeUndefined();
  expect(by('formal-knowledge')).toMatchObject({ evidence: [], prompt: EMPTY_DOMAIN_PROMPT });
  expect(EMPTY_DOMAIN_PROMPT).not.toMatch(/gap|missing|lack|fail/i);
  expect(grouped.untagged.map((e) => [e.slip.slipId, e.reflection])).toEqual([
    ['b', 'Reflection only'],
    ['c', ''],
  ]);
  // No guessing: values never put a slip under a domain.
  expect(groupByDomain([slip('d')], [], ahp).groups.every((g) => g.evidence.length === 0)).toBe(true);
});

test('counts and months read as people say them', () => {
  expect(allOf(1, 'nominee', 'nominees')).toBe('the nominee');
  expect(allOf(2, 'nominee', 'nominees')).toBe('both nominees');
  expect(allOf(3, 'nominee', 'nominees')).toBe('all three nominees');
  expect(allOf(14, 'nominee', 'nominees')).toBe('all 14 nominees');
  expect(countOf(1, 'slip', 'slips')).toBe('one slip');
  expect(monthLabel('2026-12')).toBe('December 2026');
});

test('a month typed in words is understood, as it is shown', () => {
  expect(readMonth('December 2026', '2026-12')).toBe('2026-12');
  expect(readMonth('dec 2025', '2026-12')).toBe('2025-12');
  expect(readMonth('  November  ', '2026-12')).toBe('2026-11');
  // Without a year: the latest such month so far.
  expect(readMonth('December', '2026-01')).toBe('2025-12');
  expect(readMonth('2026-05', '2026-12')).toBe('2026-05');
  for (const bad of ['Maybe', 'Decembre 2026', '2026-13', 'May twenty', '']) expect(readMonth(bad, '2026-12')).toBeUndefined();
});
