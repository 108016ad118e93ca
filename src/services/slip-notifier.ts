// Who is told about a slip, once: each recipient who has not turned notifications off, by the
// attempt that holds the slip's claim (see SlipService.startNotifying); the outcome is recorded
// on the slip. How a person is told (a card in their personal chat) is the port's business.
import type { Profile } from '../domain/person';
import type { Slip } from '../domain/slip';
import type { SlipService } from './slip-service';

export type NoticeOutcome = 'sent' | 'not notified';

/** Tells one recipient about a slip, however the adapter does that. */
export interface SlipNoticePort {
  tellRecipient(personId: string, slip: Slip, teamName: string | undefined): Promise<NoticeOutcome>;
}

export class SlipNotifier {
  constructor(
    private readonly slips: Pick<SlipService, 'startNotifying' | 'recordNotified'>,
    private readonly port: SlipNoticePort,
  ) {}

  /** `profiles`: the recipients' profiles the slip was saved with, so they are not read again. */
  async notify(sent: Slip, created: boolean, teamName: string | undefined, profiles: Map<string, Profile>): Promise<void> {
    const pending = await this.slips.startNotifying(sent, created);
    if (!pending) return;
    const { slip } = pending;
    const outcome: Record<string, NoticeOutcome> = {};
    await Promise.all(
      pending.recipients.map(async (r) => {
        outcome[r.id] = profiles.get(r.id)?.noNotifications ? 'not notified' : await this.port.tellRecipient(r.id, slip, teamName);
      }),
    );
    await this.slips.recordNotified(slip, outcome);
  }
}
