// Start options for protocol tests that are not about Teams' pacing. Valued spaces its sends to
// Teams (7 a second per conversation, 25 a second per tenant); tests/unit/teams-sender.test.ts
// proves that spacing. A test about races or rosters passes these instead, so 50 slips into one
// channel are not 7 s of waiting on the pace: what is sent, and how often, is unchanged.
import type { StartOptions } from '../../src/app';

export const unpaced: Pick<StartOptions, 'senderOptions'> = {
  senderOptions: { perSecond: 1000, perTenantPerSecond: 1000 },
};
