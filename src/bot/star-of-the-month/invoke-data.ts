// Reads what the star of the month cards send back. Invoke data comes from outside, so every
// field is checked for type and size before anything uses it.
import { isMonth } from '../../domain/box';
import type { AwardChoice } from '../../domain/award-round';
import type { NominationFormFields } from '../../cards/nomination-form-card';

const ID = /^[\w:.@;=\-]{1,200}$/;
type Raw = Record<string, unknown>;

export const asRecord = (raw: unknown): Raw => (raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Raw) : {});

function text(d: Raw, key: string, max: number, problems: string[]): string {
  const v = d[key];
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') {
    problems.push(`${key} is not text`);
    return '';
  }
  if (v.length > max) problems.push(`${key} is too long`);
  return v.slice(0, max);
}

function ids(d: Raw, key: string, problems: string[], max = 50): string[] {
  const list = [
    ...new Set(
      text(d, key, 20_000, problems)
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  if (list.length > max || list.some((id) => !ID.test(id))) problems.push(`${key} is not a list of ids`);
  return list.filter((id) => ID.test(id)).slice(0, max);
}

export interface BoxRef {
  teamId: string;
  month: string;
}

/** The team and month a review, vote or settings button is about. */
export function readBoxRef(raw: unknown): BoxRef | undefined {
  const d = asRecord(raw);
  if (typeof d.teamId !== 'string' || !ID.test(d.teamId) || typeof d.month !== 'string' || !isMonth(d.month)) return undefined;
  return { teamId: d.teamId, month: d.month };
}

export function readTeamId(raw: unknown): string | undefined {
  const d = asRecord(raw);
  return typeof d.teamId === 'string' && ID.test(d.teamId) ? d.teamId : undefined;
}

/**
 * `chosen`: how many people were picked. The picker allows several (Teams' people picker works
 * best that way), but a nomination is for one person.
 */
export function readNominationForm(raw: unknown): { fields: NominationFormFields; chosen: number; malformed?: string } {
  const d = asRecord(raw);
  const problems: string[] = [];
  const picked = ids(d, 'nominee', problems, 10);
  const nominee = picked[0] ?? '';
  const month = text(d, 'month', 7, problems);
  const fields: NominationFormFields = {
    nominee,
    reason: text(d, 'reason', 5000, problems),
    values: [
      ...new Set(
        text(d, 'values', 2000, problems)
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ].slice(0, 20),
    anonymous: d.anonymous === true || d.anonymous === 'true',
    slipIds: ids(d, 'slipIds', problems),
    teamId: text(d, 'teamId', 200, problems),
    month: isMonth(month) ? month : '',
  };
  return { fields, chosen: picked.length, malformed: problems.length ? problems.join('; ') : undefined };
}

export function readAwardChoice(raw: unknown): AwardChoice {
  const d = asRecord(raw);
  const ignored: string[] = [];
  return {
    winners: ids(d, 'winners', ignored),
    highlyCommended: ids(d, 'highlyCommended', ignored),
    citation: text(d, 'citation', 5000, ignored),
  };
}

export function readShortlist(raw: unknown): string[] {
  return ids(asRecord(raw), 'shortlist', []);
}

/** How many working days the lead chose for the vote; undefined when the card sent none. */
export function readVoteDays(raw: unknown): number | undefined {
  const v = asRecord(raw).voteDays;
  if (v === undefined || v === null || v === '') return undefined;
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : NaN;
}
