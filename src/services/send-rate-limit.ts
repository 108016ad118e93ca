// The per-person limit on sending slips and nominations, held in storage so it is the same on
// every instance. A request counted once (same slip id, same nomination) is never counted again.
import { CodedError } from '../domain/errors';
import { countRequest, rateHourOf, RATE_LIMIT_MESSAGE } from '../domain/rate-limit';
import type { RateLimitRepository } from '../storage/rate-limit-repository';
import type { ILogger } from '../logger';
import type { SentHistoryEntry } from '../domain/history';

export class SendRateLimit {
  constructor(
    private readonly repo: RateLimitRepository,
    private readonly perHour: number,
    private readonly now: () => Date,
    private readonly logger: ILogger,
  ) {}

  /** Counts the request, or throws a kind `rate_limited` refusal when the hour's limit is reached. */
  async count(personId: string, requestId: string): Promise<void> {
    const hour = rateHourOf(this.now());
    this.allowedOrThrow(await this.repo.count(personId, (current) => countRequest(current, hour, requestId, this.perHour)));
  }

  /** The same for a slip, writing the sender's entry of it in the same atomic write. */
  async countSent(personId: string, requestId: string, sent: SentHistoryEntry): Promise<void> {
    const hour = rateHourOf(this.now());
    this.allowedOrThrow(await this.repo.countSent(personId, (current) => countRequest(current, hour, requestId, this.perHour), sent));
  }

  private allowedOrThrow(allowed: boolean): void {
    if (!allowed) {
      this.logger.warn('send refused: hourly limit reached', { limit: this.perHour });
      throw new CodedError('rate_limited', RATE_LIMIT_MESSAGE);
    }
  }
}
