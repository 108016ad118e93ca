// A thank-you as a person's history holds it, for the pages' render tests: `i` varies its id,
// day, sender id and message; anything else can be given.
import type { SlipHistoryEntry } from '../../src/domain/history';

export const slipEntry = (i: number, over: Partial<SlipHistoryEntry> = {}): SlipHistoryEntry => ({
  kind: 'slip',
  slipId: `s${i}`,
  teamId: 't',
  month: '2025-03',
  createdAt: `2025-03-${String(10 + i).padStart(2, '0')}T09:30:00Z`,
  sender: { id: `p${i}`, teamsId: `29:${i}`, name: 'Sam Patel' },
  message: `Thanks for covering my clinic (${i})`,
  values: ['Team player'],
  visibility: 'team',
  ...over,
});
