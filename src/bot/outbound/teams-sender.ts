// Every message the bot sends outside a turn goes through here: at most ~7 a second per
// conversation and ~25 a second per tenant (Teams allows about 30 per app per tenant, so a
// reminder to a 1,000-member team is spread over some 40 seconds, not burst), retried with backoff and jitter on 429/412/502/504 (honouring
// Retry-After), never retried on other 4xx. Sends are tracked so shutdown can wait for them.
import type { Activity, ConversationParameters, ConversationReference, TurnContext } from 'botbuilder';
import type { CloudAdapter } from 'botbuilder';
import type { ILogger } from '../../logger';

const RETRYABLE = new Set([412, 429, 502, 503, 504]);

export interface SenderOptions {
  perSecond?: number;
  /** Requests a second to one tenant, from this instance. */
  perTenantPerSecond?: number;
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
}

export function statusOf(e: unknown): number | undefined {
  const err = e as { statusCode?: number; response?: { status?: number } };
  return err?.statusCode ?? err?.response?.status;
}

function retryAfterMs(e: unknown): number | undefined {
  const headers = (e as { response?: { headers?: { get?: (n: string) => string | undefined } } })?.response?.headers;
  const raw = headers?.get?.('retry-after');
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(raw);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined;
}

/** The tenant a stored reference belongs to ('' when it doesn't say). */
const tenantOfRef = (ref: Partial<ConversationReference>): string =>
  String((ref.conversation as { tenantId?: unknown } | undefined)?.tenantId ?? '');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class TeamsSender {
  /** Per key, when its last send went (as a promise, so sends queue in order). */
  private readonly lastSent = new Map<string, Promise<number>>();
  private readonly lastTenantSent = new Map<string, Promise<number>>();
  private readonly pending = new Set<Promise<unknown>>();
  private readonly o: Required<SenderOptions>;

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly logger: ILogger,
    options: SenderOptions = {},
  ) {
    this.o = { perSecond: 7, perTenantPerSecond: 25, maxAttempts: 6, baseDelayMs: 200, maxDelayMs: 10_000, ...options };
  }

  /** Waits for the next free slot of a conversation (or tenant), so bursts are spread out rather than refused. */
  // Each send waits until the one before it actually went, plus the gap: spacing by when sends
  // really happened (not by planned slots) keeps a late timer from letting a burst through.
  private async slot(sent: Map<string, Promise<number>>, key: string, perSecond: number): Promise<void> {
    const before = sent.get(key) ?? Promise.resolve(0);
    const mine = before.then(async (last) => {
      const wait = last + 1000 / perSecond - Date.now();
      if (wait > 0) await sleep(wait);
      return Date.now();
    });
    if (sent.size > 10_000) sent.clear();
    sent.set(key, mine);
    await mine;
  }

  private async withRetry<T>(conversationId: string, what: string, op: () => Promise<T>, tenantId = ''): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      await this.slot(this.lastSent, conversationId, this.o.perSecond);
      if (tenantId) await this.slot(this.lastTenantSent, tenantId, this.o.perTenantPerSecond);
      try {
        return await op();
      } catch (e) {
        const status = statusOf(e);
        if (!status || !RETRYABLE.has(status) || attempt >= this.o.maxAttempts) throw e;
        const backoff = Math.min(this.o.maxDelayMs, this.o.baseDelayMs * 2 ** (attempt - 1));
        const wait = retryAfterMs(e) ?? backoff / 2 + Math.random() * (backoff / 2);
        this.logger.warn('Teams asked us to slow down or failed; retrying', { what, status, attempt, waitMs: Math.round(wait) });
        await sleep(wait);
      }
    }
  }

  /** Work that continues after the turn (such as notifying recipients); shutdown and tests wait for it. */
  background<T>(p: Promise<T>): Promise<T> {
    return this.track(p);
  }

  private track<T>(p: Promise<T>): Promise<T> {
    this.pending.add(p);
    p.finally(() => this.pending.delete(p)).catch(() => undefined);
    return p;
  }

  // The adapter hands errors thrown in here to onTurnError and carries on, so the failure is
  // caught inside and rethrown outside: retries and "not notified" depend on seeing it.
  private async run(ref: Partial<ConversationReference>, logic: (ctx: TurnContext) => Promise<void>): Promise<void> {
    let failure: unknown;
    await this.adapter.continueConversationAsync(this.appId, ref, async (ctx) => {
      try {
        await logic(ctx);
      } catch (e) {
        failure = e;
      }
    });
    if (failure) throw failure;
  }

  /** Sends one activity into a stored conversation; resolves to the new message's id. */
  async send(ref: Partial<ConversationReference>, activity: Partial<Activity>, what = 'message'): Promise<string | undefined> {
    return (await this.call(ref, ref.conversation?.id ?? '', what, (ctx) => ctx.sendActivity(activity)))?.id;
  }

  /**
   * Any other call to Teams made with a stored reference (listing a team's members), under
   * the same pacing and retries. `key`: what is paced, such as the team being listed.
   */
  call<T>(ref: Partial<ConversationReference>, key: string, what: string, op: (ctx: TurnContext) => Promise<T>): Promise<T> {
    return this.track(
      this.withRetry(
        key,
        what,
        async () => {
          let result: T | undefined;
          await this.run(ref, async (ctx) => {
            result = await op(ctx);
          });
          return result as T;
        },
        tenantOfRef(ref),
      ),
    );
  }

  /**
   * Starts a 1:1 chat with someone who has never written to Valued, through the service
   * address of a team they are in (Teams allows it because Valued is installed there).
   * Resolves to the new chat's reference; throws with Teams' status when refused.
   */
  startPersonal(
    via: Partial<ConversationReference>,
    person: { id: string; teamsId: string; tenantId: string },
  ): Promise<ConversationReference> {
    const serviceUrl = via.serviceUrl ?? '';
    const channelId = via.channelId ?? 'msteams';
    const bot = via.bot ?? { id: this.appId, name: 'Valued' };
    const parameters = {
      isGroup: false,
      bot,
      members: [{ id: person.teamsId }],
      tenantId: person.tenantId,
      channelData: { tenant: { id: person.tenantId } },
    } as ConversationParameters;
    return this.track(
      this.withRetry(
        `start|${person.teamsId}`,
        'start personal chat',
        async () => {
          let conversationId = '';
          await this.adapter.createConversationAsync(
            this.appId,
            channelId,
            serviceUrl,
            undefined as unknown as string,
            parameters,
            async (ctx) => {
              conversationId = ctx.activity.conversation?.id ?? '';
            },
          );
          if (!conversationId) throw Object.assign(new Error('Teams gave no conversation id for the new chat'), { statusCode: 502 });
          return {
            channelId,
            serviceUrl,
            bot,
            user: { id: person.teamsId, name: '', aadObjectId: person.id },
            conversation: { id: conversationId, conversationType: 'personal', isGroup: false, tenantId: person.tenantId, name: '' },
          } as ConversationReference;
        },
        person.tenantId,
      ),
    );
  }

  /** Replaces a message the bot sent earlier (a card update). */
  update(ref: Partial<ConversationReference>, activityId: string, activity: Partial<Activity>, what = 'card update'): Promise<void> {
    const conversationId = ref.conversation?.id ?? '';
    return this.track(
      this.withRetry(
        conversationId,
        what,
        () =>
          this.run(ref, async (ctx) => {
            await ctx.updateActivity({ ...activity, id: activityId, type: 'message' });
          }),
        tenantOfRef(ref),
      ),
    );
  }

  /** Resolves when every send started so far has finished (for a graceful stop and for tests). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }
}
