// The use cases of a thank-you slip: check a draft, send it (idempotently), co-sign it.
import { CodedError } from '../domain/errors';
import { monthOf } from '../domain/box';
import { checkSlipDraft, cosignOutcome, type CosignOutcome, type Slip, type SlipDraft } from '../domain/slip';
import { findNudges, type Nudge, type NudgePhrase } from '../domain/language-nudge';
import type { PersonRef, Profile } from '../domain/person';
import type { SentHistoryEntry, SlipHistoryEntry } from '../domain/history';
import type { FairnessGroup } from '../domain/digest';
import { addCosignToBox } from '../domain/summaries';
import type { TeamSettings } from '../domain/team-settings';
import type { Repositories } from '../storage/repositories';
import type { ILogger } from '../logger';
import { DEFAULT_VALUES } from '../domain/values';
import { slipIdFor } from './slip-id';
import type { SendRateLimit } from './send-rate-limit';

export interface SlipPlace {
  tenantId: string;
  /** '' when no team is known: the slip still counts in the person's history. */
  teamId: string;
  teamName?: string;
  conversationId: string;
}

export type CheckResult = { kind: 'problems'; problems: CodedError[] } | { kind: 'nudges'; nudges: Nudge[] } | { kind: 'ok' };

export interface SendResult {
  slip: Slip;
  /** False when this request was already handled (a retry or a double click). */
  created: boolean;
  /** True when this caller should post the card (the creator, or a retry after a lost post). */
  shouldPost: boolean;
  /** The sender's and recipients' profiles (read through the cache), for the card and notifications. */
  profiles: Map<string, Profile>;
}

// A retry may take over posting when the first attempt saved the slip but never posted it.
const POST_TAKEOVER_MS = 15_000;
// Whoever notifies a slip's recipients holds this claim; one that crashed is taken over after it.
const NOTIFY_CLAIM_MS = 15 * 60_000;

/** Team settings already read in this request, by team id (see SlipService.settingsOf). */
export type SharedReads = Map<string, Promise<TeamSettings | undefined>>;

/** Recipients still to be told of a slip; whoever holds this has the claim to tell them. */
export interface PendingNotifications {
  slip: Slip;
  recipients: PersonRef[];
}

export class SlipService {
  constructor(
    private readonly repos: Pick<Repositories, 'slips' | 'history' | 'teamSettings' | 'memberships' | 'profiles'>,
    private readonly phrases: readonly NudgePhrase[],
    private readonly logger: ILogger,
    private readonly now: () => Date,
    private readonly defaultTimeZone: string,
    /** The hourly sending limit; none in unit tests of the service itself. */
    private readonly rateLimit?: SendRateLimit,
  ) {}

  /**
   * A team's settings. `shared` holds the reads of one request (a turn), so checking and
   * sending a slip in the same turn read them once; it is never kept beyond the request.
   */
  private settingsOf(teamId: string, shared?: SharedReads): Promise<TeamSettings | undefined> {
    if (!teamId) return Promise.resolve(undefined);
    let read = shared?.get(teamId);
    if (!read) {
      read = this.repos.teamSettings.get(teamId);
      shared?.set(teamId, read);
    }
    return read;
  }

  async valuesFor(teamId: string, shared?: SharedReads): Promise<string[]> {
    return (await this.settingsOf(teamId, shared))?.values ?? [...DEFAULT_VALUES];
  }

  /** Rules first, then the language nudge (unless the sender chose to post anyway). */
  async check(
    draft: SlipDraft,
    teamId: string,
    options: { postAnyway?: boolean; valuesRequired?: boolean; shared?: SharedReads } = {},
  ): Promise<CheckResult> {
    const allowed = await this.valuesFor(teamId, options.shared);
    let problems = checkSlipDraft(draft, allowed);
    // A quick "thanks @Sam for ..." message carries no values; the form always asks for them.
    if (options.valuesRequired === false && draft.values.length === 0) problems = problems.filter((p) => p.field !== 'values');
    if (problems.length > 0) return { kind: 'problems', problems };
    const nudges = options.postAnyway ? [] : findNudges(`${draft.message}`, this.phrases);
    return nudges.length > 0 ? { kind: 'nudges', nudges } : { kind: 'ok' };
  }

  /**
   * Saves a checked draft as a slip with one history entry per recipient. In storage requests:
   * the sender's window and sent entry (one batch), then the slip with its box summary (one
   * batch) beside the sender's membership, then each recipient's entry with their summary (one
   * batch each). Profiles and settings come through the read cache; see docs/storage-design.md.
   */
  async send(draft: SlipDraft, place: SlipPlace, requestKey: string, shared?: SharedReads): Promise<SendResult> {
    const now = this.now();
    const [settings, profiles] = await Promise.all([
      this.settingsOf(place.teamId, shared),
      this.profilesOf([draft.sender.id, ...draft.recipients.map((r) => r.id)]),
    ]);
    const recipientGroups: Record<string, FairnessGroup> = {};
    for (const r of draft.recipients) recipientGroups[r.id] = profiles.get(r.id)?.staffGroup ?? 'not stated';
    const slip: Slip = {
      ...draft,
      message: draft.message.trim(),
      id: slipIdFor(place.tenantId, draft.sender.id, requestKey),
      tenantId: place.tenantId,
      teamId: place.teamId,
      month: monthOf(now, settings?.timeZone ?? this.defaultTimeZone),
      conversationId: place.conversationId,
      createdAt: now.toISOString(),
      cosigners: [],
      notified: {},
      // Created holding the claim to tell its recipients for as long as a retry waits to take
      // over posting; the attempt lengthens it as it starts telling them (recordPosted or
      // holdNotifying), so an attempt that died before that is taken over by a retry soon after.
      notifyingUntil: new Date(now.getTime() + POST_TAKEOVER_MS).toISOString(),
      recipientGroups,
    };
    const sent: SentHistoryEntry = {
      kind: 'sent',
      slipId: slip.id,
      teamId: slip.teamId,
      month: slip.month,
      createdAt: slip.createdAt,
      recipientIds: slip.recipients.map((r) => r.id),
    };
    // Counted by slip id before saving, so a retry of a slip already counted is never refused.
    if (this.rateLimit) await this.rateLimit.countSent(slip.sender.id, `slip|${slip.id}`, sent);
    else await this.repos.history.addSent(slip.sender.id, sent);
    const [{ slip: saved, created }] = await Promise.all([
      this.repos.slips.create(slip),
      place.teamId
        ? this.repos.memberships.record({
            personId: slip.sender.id,
            teamId: place.teamId,
            teamName: place.teamName ?? settings?.teamName ?? 'your team',
            lastUsedAt: now.toISOString(),
            teamsId: slip.sender.teamsId,
            name: slip.sender.name,
            tenantId: place.tenantId,
          })
        : undefined,
    ]);
    // Written on every attempt (idempotent), so a retry repairs a slip whose history write failed.
    await Promise.all(saved.recipients.map((r) => this.repos.history.addSlips(r.id, [historyEntry(saved)])));
    const stale = now.getTime() - new Date(saved.createdAt).getTime() > POST_TAKEOVER_MS;
    const shouldPost = created || (!saved.postedActivityId && stale);
    if (!created) this.logger.info('slip submitted again; kept the first', { slipId: saved.id, shouldPost });
    return { slip: saved, created, shouldPost, profiles };
  }

  get(teamId: string, month: string, slipId: string): Promise<Slip | undefined> {
    return this.repos.slips.get(teamId, month, slipId);
  }

  /**
   * One merge, no read: only the poster (the first attempt, or one that took over) writes these.
   * `notifying`: this attempt created the slip and is about to tell its recipients, so its claim
   * is lengthened in the same write.
   */
  async recordPosted(slip: Slip, activityId: string, refreshUserIds: string[], notifying: boolean): Promise<Slip> {
    const fields = { postedActivityId: activityId, refreshUserIds, ...(notifying ? { notifyingUntil: this.claimUntil() } : {}) };
    await this.repos.slips.note(slip.teamId, slip.month, slip.id, fields);
    return { ...slip, ...fields };
  }

  /** The creator of a slip it did not post lengthens its claim before telling the recipients. */
  async holdNotifying(slip: Slip): Promise<void> {
    await this.repos.slips.note(slip.teamId, slip.month, slip.id, { notifyingUntil: this.claimUntil() });
  }

  private claimUntil(): string {
    return new Date(this.now().getTime() + NOTIFY_CLAIM_MS).toISOString();
  }

  /** Preferred job titles by person id, for those who have set one. */
  async titlesFor(personIds: string[]): Promise<Record<string, string>> {
    return titlesOf(await this.profilesOf(personIds));
  }

  /** Profiles by person id, for those who have one: a new slip's card and its notifications share one read. */
  profilesOf(personIds: string[]): Promise<Map<string, Profile>> {
    return this.repos.profiles.getMany(personIds);
  }

  /** Whether a person has asked not to get personal notifications. */
  async wantsNotifications(personId: string): Promise<boolean> {
    return !(await this.repos.profiles.get(personId))?.noNotifications;
  }

  /**
   * Claims the telling of a slip's recipients and returns who has not been told yet; undefined
   * when another attempt is telling them right now or everyone has been told. The claim is a
   * field of the slip: a new slip is created holding it (no request), and a retry or
   * redelivery takes it over with the slip's ETag only once it has expired, so what the first
   * attempt finished is never repeated and what it never did is done once by a retry.
   */
  async startNotifying(slip: Slip, created: boolean): Promise<PendingNotifications | undefined> {
    if (created) return slip.recipients.length ? { slip, recipients: slip.recipients } : undefined;
    const now = this.now();
    let pending: PersonRef[] = [];
    const r = await this.repos.slips.update(slip.teamId, slip.month, slip.id, (s) => {
      pending = [];
      if (s.notifyingUntil && s.notifyingUntil > now.toISOString()) return undefined;
      pending = s.recipients.filter((p) => s.notified[p.id] !== 'sent');
      return pending.length ? { ...s, notifyingUntil: this.claimUntil() } : undefined;
    });
    return r?.changed && pending.length ? { slip: r.slip, recipients: pending } : undefined;
  }

  /**
   * Records who was told and lets the claim go, in one merge with no read (only the claim's
   * holder writes these fields). If it fails the claim is kept until it expires, so a quick
   * retry cannot tell the same people twice.
   */
  async recordNotified(slip: Slip, outcome: Record<string, 'sent' | 'not notified'>): Promise<void> {
    await this.repos.slips.note(slip.teamId, slip.month, slip.id, { notified: { ...slip.notified, ...outcome }, notifyingUntil: null });
  }

  /**
   * Adds a colleague's thanks once; concurrent presses all count (ETag-guarded). `mayTouch`
   * (the access check) sees the slip the write is based on and throws to refuse, so the slip is
   * read once for both.
   */
  async cosign(
    teamId: string,
    month: string,
    slipId: string,
    person: PersonRef,
    mayTouch?: (slip: Slip) => void,
  ): Promise<{ outcome: CosignOutcome; slip: Slip }> {
    let outcome: CosignOutcome = 'added';
    // The slip and its box summary: one read and one atomic write (retried if either changed).
    const result = await this.repos.slips.updateCounted(teamId, month, slipId, (s, summary) => {
      mayTouch?.(s);
      outcome = cosignOutcome(s, person);
      return outcome === 'added' ? { slip: { ...s, cosigners: [...s.cosigners, person] }, summary: addCosignToBox(summary) } : undefined;
    });
    if (!result) throw new CodedError('not_found', 'Sorry, I couldn’t find that slip. It may have been removed.');
    return { outcome, slip: result.slip };
  }
}

/** Preferred job titles by person id, from profiles already read. */
export function titlesOf(profiles: Map<string, Profile>): Record<string, string> {
  const titles: Record<string, string> = {};
  for (const [id, p] of profiles) if (p.preferredTitle) titles[id] = p.preferredTitle;
  return titles;
}

export function historyEntry(slip: Slip): SlipHistoryEntry {
  return {
    kind: 'slip',
    slipId: slip.id,
    teamId: slip.teamId,
    month: slip.month,
    createdAt: slip.createdAt,
    sender: slip.sender,
    message: slip.message,
    values: slip.values,
    visibility: slip.visibility,
    ...(slip.quote ? { quote: slip.quote } : {}),
  };
}
