// The pure rules behind star of the month: counting votes, the repeat-winner window, the
// nomination and settings checks, and FIRST_LEAD_IDS in configuration.
import { tallyVotes } from '../../src/domain/vote-tally';
import { lastWin, monthsBetween, recentWin } from '../../src/domain/repeat-winner';
import { checkNomination } from '../../src/domain/nomination-rules';
import { checkTeamSettingsChange } from '../../src/domain/team-settings-rules';
import { checkAwardChoice } from '../../src/domain/award-round';
import { monthLabel, nextMonth } from '../../src/domain/box';
import { readEnvOptions } from '../../src/config';
import type { Award, Vote } from '../../src/domain/star-of-the-month';

const vote = (voterId: string, nomineeId: string): Vote => ({ teamId: 't', month: '2026-05', voterId, nomineeId, castAt: '' });
const award = (month: string, winnerId: string): Award => ({
  teamId: 't',
  month,
  winners: [{ id: winnerId, teamsId: winnerId, name: winnerId }],
  highlyCommended: [],
  citation: '',
  values: [],
  announcedAt: '',
});

test('a tally counts only shortlisted nominees and reports every leader in a tie', () => {
  const t = tallyVotes([vote('1', 'a'), vote('2', 'b'), vote('3', 'a'), vote('4', 'b'), vote('5', 'x')], ['a', 'b', 'c']);
  expect(t.total).toBe(4);
  expect(t.leaders).toEqual(['a', 'b']);
  expect(t.counts.find((c) => c.nomineeId === 'c')!.votes).toBe(0);
  expect(tallyVotes([], ['a']).leaders).toEqual([]);
});

test('the repeat-winner window counts whole months back, across years; 0 turns it off', () => {
  expect(monthsBetween('2025-11', '2026-05')).toBe(6);
  const awards = [award('2025-11', 'sam'), award('2025-01', 'sam'), award('2026-05', 'sam')];
  expect(lastWin(awards, 'sam', '2026-05')!.month).toBe('2025-11');
  expect(recentWin(awards, 'sam', '2026-05', 6)!.month).toBe('2025-11');
  expect(recentWin([award('2025-11', 'sam')], 'sam', '2026-06', 6)).toBeUndefined();
  expect(recentWin(awards, 'sam', '2026-05', 0)).toBeUndefined();
  expect(recentWin(awards, 'ola', '2026-05', 6)).toBeUndefined();
});

test('month helpers roll over the year and read kindly', () => {
  expect(nextMonth('2026-12')).toBe('2027-01');
  expect(monthLabel('2026-05')).toBe('May 2026');
});

test('a nomination needs a nominee who is not you or a bot, a 20–2,000 character reason, the team’s values and the nominee’s slips', () => {
  const me = { id: 'me', teamsId: '29:me', name: 'Me' };
  const sam = { id: 'sam', teamsId: '29:sam', name: 'Sam' };
  const ok = { nominator: me, nominee: sam, reason: 'x'.repeat(20), values: ['Team player'], anonymous: false, slipIds: ['s1'] };
  expect(checkNomination(ok, ['Team player'], new Set(['s1']))).toEqual([]);
  const fields = (d: Partial<typeof ok>, slips = new Set(['s1'])) =>
    checkNomination({ ...ok, ...d } as typeof ok, ['Team player'], slips).map((p) => p.field);
  expect(fields({ nominee: undefined })).toEqual(['nominee']);
  expect(fields({ nominee: { ...me } })).toEqual(['nominee']);
  expect(fields({ nominee: { id: 'b', teamsId: '28:bot', name: 'Bot' } })).toEqual(['nominee']);
  expect(fields({ reason: ` ${'x'.repeat(19)} ` })).toEqual(['reason']);
  expect(fields({ reason: 'x'.repeat(2001) })).toEqual(['reason']);
  expect(fields({ values: [] })).toEqual([]);
  expect(fields({ values: ['Made up'] })).toEqual(['values']);
  expect(fields({}, new Set())).toEqual(['slipIds']);
});

test('team settings keep at least one lead (unless configured) and sensible numbers', () => {
  const ok = {
    leadIds: ['a'],
    values: ['Team player'],
    digestDay: 0,
    prizeText: '',
    voteEnabled: false,
    repeatWinnerMonths: 6,
    retentionMonths: 24,
  };
  expect(checkTeamSettingsChange(ok, [])).toEqual([]);
  expect(checkTeamSettingsChange({ ...ok, leadIds: [] }, []).map((p) => p.field)).toEqual(['leadIds']);
  expect(checkTeamSettingsChange({ ...ok, leadIds: [] }, ['first'])).toEqual([]);
  expect(
    checkTeamSettingsChange({ ...ok, digestDay: NaN, repeatWinnerMonths: 25, retentionMonths: 0, values: [] }, []).map((p) => p.field),
  ).toEqual(['values', 'digestDay', 'repeatWinnerMonths', 'retentionMonths']);
});

test('an award choice: winners from the nominees, not also highly commended, a citation to announce', () => {
  expect(checkAwardChoice({ winners: ['a', 'b'], highlyCommended: ['c'], citation: 'Well done' }, ['a', 'b', 'c'], true)).toEqual([]);
  expect(checkAwardChoice({ winners: [], highlyCommended: [], citation: '' }, ['a'], false)).toEqual([]);
  expect(checkAwardChoice({ winners: ['a'], highlyCommended: ['a'], citation: '' }, ['a'], true).map((p) => p.field)).toEqual([
    'highlyCommended',
    'citation',
  ]);
  expect(checkAwardChoice({ winners: ['z'], highlyCommended: [], citation: 'x' }, ['a'], true).map((p) => p.field)).toEqual(['winners']);
});

describe('FIRST_LEAD_IDS', () => {
  const base = { LOCAL_MODE: 'true', STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' };
  test('is optional, and reads a comma-separated list of Entra object ids', () => {
    expect(readEnvOptions(base).firstLeadIds).toEqual([]);
    expect(
      readEnvOptions({ ...base, FIRST_LEAD_IDS: ' 8948D2EC-5a7e-4a13-a211-1d4406320a2b, 6523c05a-2099-4ab9-a8a4-324d281000b9 ,' })
        .firstLeadIds,
    ).toEqual(['8948d2ec-5a7e-4a13-a211-1d4406320a2b', '6523c05a-2099-4ab9-a8a4-324d281000b9']);
  });
  test('anything that is not an object id stops start-up, naming the variable', () => {
    expect(() => readEnvOptions({ ...base, FIRST_LEAD_IDS: 'jo.williams@example.nhs.uk' })).toThrow(
      /FIRST_LEAD_IDS.*jo.williams@example.nhs.uk/,
    );
  });
});
