// The rules a nomination for star of the month must meet, checked all at once so the form can
// show every problem together.
import { CodedError } from './errors';
import type { PersonRef } from './person';
import { isBotId } from './slip';

export const NOMINATION_LIMITS = {
  minReason: 20,
  maxReason: 2000,
  maxValues: 3,
  /** Slips a nomination can point to. */
  maxSlips: 10,
} as const;

export interface NominationDraft {
  nominator: PersonRef;
  nominee?: PersonRef;
  reason: string;
  values: string[];
  anonymous: boolean;
  slipIds: string[];
}

/** Every problem with a draft. `nomineeSlipIds`: the box's slips that thank the nominee. */
export function checkNomination(
  draft: NominationDraft,
  allowedValues: readonly string[],
  nomineeSlipIds: ReadonlySet<string>,
): CodedError[] {
  const problems: CodedError[] = [];
  const { nominee, nominator } = draft;
  if (!nominee) {
    problems.push(new CodedError('invalid_input', 'Please choose the colleague you would like to nominate.', 'nominee'));
  } else if (nominee.id === nominator.id || nominee.teamsId === nominator.teamsId) {
    problems.push(
      new CodedError('not_allowed', 'You can’t nominate yourself, though we’re sure you shine too! Please choose a colleague.', 'nominee'),
    );
  } else if (isBotId(nominee.teamsId)) {
    problems.push(
      new CodedError('not_allowed', 'Star of the month is for people, so a bot can’t be nominated. Please choose a colleague.', 'nominee'),
    );
  }
  const reason = draft.reason.trim();
  if (reason.length < NOMINATION_LIMITS.minReason) {
    problems.push(
      new CodedError(
        'invalid_input',
        `Please say a little more about why (at least ${NOMINATION_LIMITS.minReason} characters), so the lead can read it out.`,
        'reason',
      ),
    );
  } else if (reason.length > NOMINATION_LIMITS.maxReason) {
    problems.push(
      new CodedError(
        'invalid_input',
        `Please keep the reason to ${NOMINATION_LIMITS.maxReason.toLocaleString('en-GB')} characters (it is ${reason.length.toLocaleString('en-GB')} now).`,
        'reason',
      ),
    );
  }
  if (draft.values.length > NOMINATION_LIMITS.maxValues) {
    problems.push(new CodedError('invalid_input', 'Please choose up to three values, or none.', 'values'));
  } else if (draft.values.some((v) => !allowedValues.includes(v))) {
    problems.push(new CodedError('invalid_input', 'One of the values isn’t one this team uses. Please choose from the list.', 'values'));
  }
  if (draft.slipIds.length > NOMINATION_LIMITS.maxSlips) {
    problems.push(new CodedError('invalid_input', `Please choose up to ${NOMINATION_LIMITS.maxSlips} slips.`, 'slipIds'));
  } else if (nominee && draft.slipIds.some((id) => !nomineeSlipIds.has(id))) {
    problems.push(
      new CodedError(
        'invalid_input',
        'One of the slips you chose isn’t a thank-you to this colleague this month. Please choose from their slips only.',
        'slipIds',
      ),
    );
  }
  return problems;
}
