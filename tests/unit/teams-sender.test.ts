// The sender's own policy, on a stand-in adapter whose sends fail as Teams' do (statusCode on
// the error, Retry-After in the response headers): retries 429/5xx, honours Retry-After,
// gives up on other 4xx at once, and spaces sends to one conversation.
import { TeamsSender } from '../../src/bot/outbound/teams-sender';
import { MemoryLogger } from '../../src/logger';

function adapterFailing(statuses: number[], retryAfter?: string) {
  const calls: number[] = [];
  /** Which conversation each call was for, in the same order. */
  const to: string[] = [];
  const adapter = {
    async continueConversationAsync(_id: string, ref: any, logic: (ctx: any) => Promise<void>) {
      calls.push(Date.now());
      to.push(ref.conversation.id);
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
  return { adapter: adapter as any, calls, to };
}
const ref = { conversation: { id: 'c1' } } as any;
// For the tests that are not about pacing: a retry need not wait out a seventh of a second.
const unpaced = { perSecond: 1000 };

test('429 then success: waits for Retry-After, then delivers', async () => {
  // 0.1 s, ten times the longest backoff here and with no pacing gap, so only Retry-After explains the wait.
  const { adapter, calls } = adapterFailing([429], '0.1');
  const sender = new TeamsSender(adapter, '', new MemoryLogger(), { baseDelayMs: 10, ...unpaced });
  expect(await sender.send(ref, { text: 'hi' })).toBe('sent-1');
  expect(calls).toHaveLength(2);
  expect(calls[1] - calls[0]).toBeGreaterThanOrEqual(95);
});

test('502, 504 and 412 are retried with backoff; the last attempt delivers', async () => {
  const { adapter, calls } = adapterFailing([502, 504, 412]);
  const logs = new MemoryLogger();
  const sender = new TeamsSender(adapter, '', logs, { baseDelayMs: 5, ...unpaced });
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
  const sender = new TeamsSender(adapter, '', new MemoryLogger(), { baseDelayMs: 1, maxAttempts: 3, ...unpaced });
  await expect(sender.send(ref, { text: 'hi' })).rejects.toMatchObject({ statusCode: 429 });
  expect(calls).toHaveLength(3);
});

test('sends to one conversation are spaced to the per-second limit', async () => {
  const { adapter, calls } = adapterFailing([]);
  // 40 a second rather than the production 7, so the eight sends take 0.2 s, not a whole second.
  const sender = new TeamsSender(adapter, '', new MemoryLogger(), { perSecond: 40 });
  await Promise.all(Array.from({ length: 8 }, () => sender.send(ref, { text: 'hi' })));
  expect(calls[7] - calls[0]).toBeGreaterThanOrEqual(165); // 7 gaps of 25 ms
});

test('personal sends to many people of one tenant are paced per tenant, so a big team never bursts', async () => {
  const { adapter, calls, to } = adapterFailing([]);
  // 100 a second rather than the production 25: the same limit checked over a quarter second.
  const sender = new TeamsSender(adapter, '', new MemoryLogger(), { perTenantPerSecond: 100 });
  const personal = (i: number) => ({ conversation: { id: `a:person-${i}`, tenantId: 'tenant-a' } }) as any;
  const other = { conversation: { id: 'a:elsewhere', tenantId: 'tenant-b' } } as any;
  const started = Date.now();
  await Promise.all([
    ...Array.from({ length: 51 }, (_, i) => sender.send(personal(i), { text: 'hi' })),
    sender.send(other, { text: 'hi' }),
  ]);
  // 51 sends at 100 a second: 50 gaps of 10 ms. In no quarter second were there more than 25 (+1 for the edge).
  const a = calls.slice().sort((x, y) => x - y);
  expect(a.at(-1)! - started).toBeGreaterThanOrEqual(490);
  const busiest = Math.max(...a.map((t) => a.filter((u) => u >= t && u < t + 250).length));
  expect(busiest).toBeLessThanOrEqual(26);
  // Another tenant is not held up behind the first: its send goes before most of tenant A's.
  const otherAt = calls[to.indexOf('a:elsewhere')];
  expect(calls.filter((t, i) => to[i] !== 'a:elsewhere' && t <= otherAt).length).toBeLessThan(5);
});
