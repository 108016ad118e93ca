// Who is told about a slip: the recipients the claim hands over, except those who turned
// notifications off; every outcome is recorded, and without the claim no one is told.
import type { Profile } from '../../src/domain/person';
import type { Slip } from '../../src/domain/slip';
import type { PendingNotifications } from '../../src/services/slip-service';
import { SlipNotifier, type NoticeOutcome } from '../../src/services/slip-notifier';

const person = (n: number) => ({ id: `aad-${n}`, teamsId: `29:${n}`, name: `Person ${n}` });
const slip = { id: 'slip-1', recipients: [person(1), person(2), person(3)] } as unknown as Slip;

function world(pending: PendingNotifications | undefined, answer: NoticeOutcome = 'sent') {
  const told: string[] = [];
  const recorded: Array<Record<string, NoticeOutcome>> = [];
  const notifier = new SlipNotifier(
    { startNotifying: async () => pending, recordNotified: async (_s, outcome) => void recorded.push(outcome) },
    { tellRecipient: async (id) => (told.push(id), answer) },
  );
  return { notifier, told, recorded };
}

test('each recipient the claim hands over is told, except one who turned notifications off', async () => {
  const w = world({ slip, recipients: [person(1), person(2)] });
  const profiles = new Map<string, Profile>([['aad-2', { personId: 'aad-2', noNotifications: true } as unknown as Profile]]);
  await w.notifier.notify(slip, true, 'Therapies', profiles);
  expect(w.told).toEqual(['aad-1']);
  expect(w.recorded).toEqual([{ 'aad-1': 'sent', 'aad-2': 'not notified' }]);
});

test('a refusal from Teams is recorded as not notified', async () => {
  const w = world({ slip, recipients: [person(3)] }, 'not notified');
  await w.notifier.notify(slip, false, undefined, new Map());
  expect(w.recorded).toEqual([{ 'aad-3': 'not notified' }]);
});

test('without the claim (another attempt is telling them), no one is told and nothing is recorded', async () => {
  const w = world(undefined);
  await w.notifier.notify(slip, false, 'Therapies', new Map());
  expect(w.told).toEqual([]);
  expect(w.recorded).toEqual([]);
});
