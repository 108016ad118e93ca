// The sender's own policy, on a stand-in adapter whose sends fail as Teams' do (statusCode on
// the error, Retry-After in the response headers): retries 429/5xx, honours Retry-After,
// gives up on other 4xx at once, and spaces sends to one conversation.
import { TeamsSender } from '../../src/bot/outbound/teams-sender';
import { MemoryLogger } from '../../src/logger';

function adapterFailing(statuses: number[], retryAfter?: string) {
  const calls: number[] = [];
  const adapter = {
    async continueConversationAsync(_id: string, _ref: unknown, logic: (ctx: any) => Promise<void>) {
      calls.push(Date.now());
      const status = statuses.shift();
      await logic({
        sendActivity: async () => {
          if (status)
            throw Object.assign(new Error(`status ${status}`), {
              statusCode: status,
              response: { headers: { get: (n: string) => (n === 'retry-after' ? retryAfter : undefined) } },
            });
          return { id: 'sent-1' };
        },
      });
    },
  };
  return { adapter: adapter as any, calls };
}
const ref = { conversation: { id: 'c1' } } as any;

test('429 then success: waits for Retry-After, then delivers', async () => {
  const { adapter, calls } = adapterFailing([429], '0.3');
  const sender = new TeamsSender(adapter, '', new MemoryLogger(), { baseDelayMs: 10 });
  expect(await sender.send(ref, { text: 'hi' })).toBe('sent-1');
  expect(calls).toHaveLength(2);
  expect(calls[1] - calls[0]).toBeGreaterThanOrEqual(290);
});

test('502, 504 and 412 are retried with backoff; the last attempt delivers', async () => {
  const { adapter, calls } = adapterFailing([502, 504, 412]);
  const logs = new MemoryLogger();
  const sender = new TeamsSender(adapter, '', logs, { baseDelayMs: 5 });
  expect(await sender.send(ref, { text: 'hi' })).toBe('sent-1');
  expect(calls).toHaveLength(4);
  expect(logs.entries.filter((e) => e.msg.startsWith('Teams asked us')).map((e) => e.data?.status)).toEqual([502, 504, 412]);
});

test('another 4xx is not retried', async () => {
  const { adapter, calls } = adapterFailing([403, 403]);
  const sender = new TeamsSender(adapter, '', new MemoryLogger(), { baseDelayMs: 5 });
  await expect(sender.send(ref, { text: 'hi' })).rejects.toMatchObject({ statusCode: 403 });
  expect(calls).toHaveLength(1);
});

test('it gives up after the last attempt', async () => {
  const { adapter, calls } = adapterFailing([429, 429, 429, 429]);
  const sender = new TeamsSender(adapter, '', new MemoryLogger(), { baseDelayMs: 1, maxAttempts: 3 });
  await expect(sender.send(ref, { text: 'hi' })).rejects.toMatchObject({ statusCode: 429 });
  expect(calls).toHaveLength(3);
});

test('sends to one conversation are spaced to the per-second limit', async () => {
  const { adapter, calls } = adapterFailing([]);
  const sender = new TeamsSender(adapter, '', new MemoryLogger(), { perSecond: 7 });
  await Promise.all(Array.from({ length: 8 }, () => sender.send(ref, { text: 'hi' })));
  expect(calls[7] - calls[0]).toBeGreaterThanOrEqual(950); // 7 gaps of ~143 ms
});

test('personal sends to many people of one tenant are paced per tenant, so a big team never bursts', async () => {
  const { adapter, calls } = adapterFailing([]);
  const sender = new TeamsSender(adapter, '', new MemoryLogger(), { perTenantPerSecond: 25 });
  const personal = (i: number) => ({ conversation: { id: `a:person-${i}`, tenantId: 'tenant-a' } }) as any;
  const other = { conversation: { id: 'a:elsewhere', tenantId: 'tenant-b' } } as any;
  const started = Date.now();
  await Promise.all([
    ...Array.from({ length: 51 }, (_, i) => sender.send(personal(i), { text: 'hi' })),
    sender.send(other, { text: 'hi' }),
  ]);
  // 51 sends at 25 a second: 50 gaps of 40 ms. In no second were there more than 25 (+1 for the edge).
  const a = calls.slice().sort((x, y) => x - y);
  expect(a.at(-1)! - started).toBeGreaterThanOrEqual(1950);
  const busiest = Math.max(...a.map((t) => a.filter((u) => u >= t && u < t + 1000).length));
  expect(busiest).toBeLessThanOrEqual(26);
  // Another tenant is not held up behind the first.
  expect(calls.filter((t) => t - started < 100).length).toBeGreaterThanOrEqual(2);
});
