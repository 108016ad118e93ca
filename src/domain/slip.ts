// A thank-you slip and the rules a new one must meet.
import { CodedError } from './errors';
import type { PersonRef } from './person';
import type { FairnessGroup } from './digest';

export type Visibility = 'team' | 'private';

export const SLIP_LIMITS = {
  minRecipients: 1,
  maxRecipients: 10,
  maxMessage: 1000,
  minValues: 1,
  maxValues: 3,
  /** Co-signers named on the card; the rest are counted. */
  namedCosigners: 5,
} as const;

export interface SlipDraft {
  sender: PersonRef;
  recipients: PersonRef[];
  message: string;
  values: string[];
  visibility: Visibility;
  quote?: string;
}

export interface Slip extends SlipDraft {
  id: string;
  tenantId: string;
  /** The box: team ('' when sent where no team is known) and month. */
  teamId: string;
  month: string;
  conversationId: string;
  createdAt: string;
  cosigners: PersonRef[];
  /** Id of the card message in the conversation, once posted. */
  postedActivityId?: string;
  /** Teams ids whose client refreshes the card to their own view (at most 60). */
  refreshUserIds?: string[];
  /** Per recipient id: whether the personal notification reached them. */
  notified: Record<string, 'sent' | 'not notified'>;
  /**
   * Until when an attempt holds the telling of the recipients (the slip is created holding it).
   * Null or past: no one is telling them now, so a retry may take it over with the slip's ETag.
   */
  notifyingUntil?: string | null;
  /** Each recipient's staff group when the slip was sent: the box summary counts these, so a rebuild agrees. */
  recipientGroups?: Record<string, FairnessGroup>;
}

// Teams bot accounts have ids starting "28:"; people are "29:" (or "8:" for some guests).
export const isBotId = (teamsId: string): boolean => teamsId.startsWith('28:');

/** Every problem with a draft, so the form can show them all at once. */
export function checkSlipDraft(draft: SlipDraft, allowedValues: readonly string[]): CodedError[] {
  const problems: CodedError[] = [];
  const { recipients, sender } = draft;
  if (recipients.length < SLIP_LIMITS.minRecipients) {
    problems.push(new CodedError('invalid_input', 'Please choose at least one person to thank.', 'recipients'));
  } else if (recipients.length > SLIP_LIMITS.maxRecipients) {
    problems.push(
      new CodedError(
        'invalid_input',
        `You can thank up to ${SLIP_LIMITS.maxRecipients} people in one slip. Please choose fewer, or send another slip.`,
        'recipients',
      ),
    );
  }
  if (recipients.some((r) => r.id === sender.id || r.teamsId === sender.teamsId)) {
    problems.push(
      new CodedError(
        'not_allowed',
        "You can't thank yourself, though we're sure you deserve it! Please choose someone else.",
        'recipients',
      ),
    );
  }
  if (recipients.some((r) => isBotId(r.teamsId))) {
    problems.push(
      new CodedError('not_allowed', 'Slips are for people, so a bot can’t be thanked. Please remove it from the list.', 'recipients'),
    );
  }
  const message = draft.message.trim();
  if (message.length === 0) {
    problems.push(new CodedError('invalid_input', 'Please say what you are thanking them for.', 'message'));
  } else if (message.length > SLIP_LIMITS.maxMessage) {
    problems.push(
      new CodedError(
        'invalid_input',
        `Please keep your message to ${SLIP_LIMITS.maxMessage} characters (it is ${message.length} now).`,
        'message',
      ),
    );
  }
  if (draft.values.length < SLIP_LIMITS.minValues || draft.values.length > SLIP_LIMITS.maxValues) {
    problems.push(new CodedError('invalid_input', 'Please choose one, two or three values.', 'values'));
  } else if (draft.values.some((v) => !allowedValues.includes(v))) {
    problems.push(new CodedError('invalid_input', 'One of the values isn’t one this team uses. Please choose from the list.', 'values'));
  }
  if (draft.visibility !== 'team' && draft.visibility !== 'private') {
    problems.push(new CodedError('invalid_input', 'Please choose who can see this slip.', 'visibility'));
  }
  return problems;
}

export type CosignOutcome = 'added' | 'already' | 'not_allowed';

/** Whether a person may add their thanks: once each, and not the sender or a recipient. */
export function cosignOutcome(slip: Pick<Slip, 'sender' | 'recipients' | 'cosigners'>, person: PersonRef): CosignOutcome {
  if (slip.sender.id === person.id || slip.recipients.some((r) => r.id === person.id)) return 'not_allowed';
  if (slip.cosigners.some((c) => c.id === person.id)) return 'already';
  return 'added';
}
