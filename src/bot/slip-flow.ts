// What every way of sending a slip shares: where it goes, the form, the checks, and sending
// (saving, posting the card, notifying each recipient). Entry points only adapt the protocol.
import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { TurnContext as TC } from 'botbuilder';
import type { SlipDraft, Slip } from '../domain/slip';
import { titlesOf, type SharedReads, type SlipPlace, type SlipService } from '../services/slip-service';
import type { BoxChooser } from '../services/box-chooser';
import { SlipNotifier } from '../services/slip-notifier';
import type { ConversationDirectory } from '../services/conversation-directory';
import type { ILogger } from '../logger';
import { draftData, slipFormCard, type FormMode, type SlipFormFields } from '../cards/slip-form-card';
import { slipNudgeCard } from '../cards/slip-nudge-card';
import { slipCard, slipNotificationCard } from '../cards/slip-card';
import type { CardAttachment } from '../cards/render';
import { listOf, safeName } from '../cards/safe-text';
import { actorOf, scopeOf, teamOf, tenantOf } from './activity-info';
import { PeopleDirectory } from './people-directory';
import type { ReadForm } from './slip-form-data';
import type { TeamsSender } from './outbound/teams-sender';
import type { CardUpdater } from './outbound/card-updater';
import type { PersonalMessenger } from './outbound/personal-messenger';
import { turnLog } from './turn-log';

export interface SlipFlowDeps {
  slips: SlipService;
  boxes: BoxChooser;
  directory: ConversationDirectory;
  sender: TeamsSender;
  /** Personal messages, through a 1:1 chat Valued starts when the person never wrote first. */
  personal: PersonalMessenger;
  cardUpdater: CardUpdater;
  timeZone: string;
  logger: ILogger;
}

export const MALFORMED_MESSAGE = 'Some of the form didn’t come through properly, so nothing was sent. Please check it and try again.';

export type Checked =
  { kind: 'card'; card: CardAttachment } | { kind: 'ready'; draft: SlipDraft; place: SlipPlace; fields: SlipFormFields };

interface Where {
  place: SlipPlace;
  teams: Array<{ id: string; name: string }>;
}

export const newDraftId = (): string => randomUUID();

export class SlipFlow {
  private readonly notifier: SlipNotifier;

  constructor(private readonly deps: SlipFlowDeps) {
    this.notifier = new SlipNotifier(deps.slips, {
      tellRecipient: (personId, slip, teamName) =>
        deps.personal.tell(personId, { attachments: [slipNotificationCard(slip, deps.timeZone, teamName)] }, 'slip notification'),
    });
  }

  get logger(): ILogger {
    return this.deps.logger;
  }

  private log(context: TurnContext): ILogger {
    return turnLog(context, this.deps.logger);
  }

  /** The box: this channel's team, else the chosen team if it is one of theirs, else their last or only one. */
  async where(context: TurnContext, requestedTeamId: string): Promise<Where> {
    const a = context.activity;
    const base = { tenantId: tenantOf(a), conversationId: a.conversation?.id ?? '' };
    const team = teamOf(a);
    if (team) return { place: { ...base, teamId: team.id, teamName: team.name }, teams: [] };
    const actor = actorOf(a);
    const choice = actor
      ? await this.deps.boxes.choicesFor(actor.id)
      : { teams: [] as Array<{ id: string; name: string }>, defaultTeamId: undefined };
    const chosen = choice.teams.find((t) => t.id === requestedTeamId) ?? choice.teams.find((t) => t.id === choice.defaultTeamId);
    return { place: { ...base, teamId: chosen?.id ?? '', teamName: chosen?.name }, teams: choice.teams };
  }

  /** One per turn and team, so checking a slip and choosing who sees its card share one members look-up. */
  people(context: TurnContext, teamId: string): PeopleDirectory {
    const key = `valued.people|${teamId}`;
    let directory = context.turnState.get(key) as PeopleDirectory | undefined;
    if (!directory) {
      directory = new PeopleDirectory(context, teamId, this.log(context), this.deps.directory);
      context.turnState.set(key, directory);
    }
    return directory;
  }

  /** The team settings read in this turn: checking and sending a slip share one read. Never kept across turns. */
  private sharedReads(context: TurnContext): SharedReads {
    const key = 'valued.teamSettings';
    let shared = context.turnState.get(key) as SharedReads | undefined;
    if (!shared) {
      shared = new Map();
      context.turnState.set(key, shared);
    }
    return shared;
  }

  async formCard(
    context: TurnContext,
    mode: FormMode,
    fields: Partial<SlipFormFields>,
    errors: string[] = [],
    extraPeople: Array<{ id: string; name: string }> = [],
  ): Promise<CardAttachment> {
    const { place, teams } = await this.where(context, fields.teamId ?? '');
    const actor = actorOf(context.activity);
    const people = await this.people(context, place.teamId).choices(actor?.id ?? '');
    for (const p of extraPeople) if (!people.some((q) => q.id === p.id)) people.unshift(p);
    return slipFormCard({
      mode,
      draftId: fields.draftId ?? newDraftId(),
      recipients: fields.recipients ?? [],
      message: fields.message ?? '',
      values: fields.values ?? [],
      visibility: fields.visibility ?? 'team',
      teamId: place.teamId,
      quote: fields.quote ?? '',
      people,
      valueChoices: await this.deps.slips.valuesFor(place.teamId, this.sharedReads(context)),
      teams,
      errors,
    });
  }

  /** Validates a submitted form; answers with the form (errors), the nudge, or a ready draft. */
  async check(context: TurnContext, mode: FormMode, read: ReadForm, options: { valuesRequired?: boolean } = {}): Promise<Checked> {
    const log = this.log(context);
    const actor = actorOf(context.activity);
    if (read.malformed || !actor) {
      log.warn('malformed slip form', { problem: read.malformed ?? 'no sender' });
      return { kind: 'card', card: await this.formCard(context, mode, read.fields, [MALFORMED_MESSAGE]) };
    }
    const { place } = await this.where(context, read.fields.teamId);
    const fields = { ...read.fields, teamId: place.teamId };
    const recipients = await this.people(context, place.teamId).resolve(fields.recipients);
    const draft: SlipDraft = {
      sender: actor,
      recipients,
      message: fields.message,
      values: fields.values,
      visibility: fields.visibility,
      ...(fields.quote ? { quote: fields.quote } : {}),
    };
    const result = await this.deps.slips.check(draft, place.teamId, {
      postAnyway: read.postAnyway,
      valuesRequired: options.valuesRequired,
      shared: this.sharedReads(context),
    });
    if (result.kind === 'problems') {
      log.info('slip refused', { reasons: result.problems.map((p) => p.field) });
      return {
        kind: 'card',
        card: await this.formCard(
          context,
          mode,
          fields,
          result.problems.map((p) => p.userMessage),
        ),
      };
    }
    if (result.kind === 'nudges')
      return {
        kind: 'card',
        card: slipNudgeCard(mode, fields, result.nudges, options.valuesRequired === false ? { source: 'quick' } : {}),
      };
    return { kind: 'ready', draft, place, fields };
  }

  /** The slip as it will look, before it is saved: for the message extension's preview. */
  previewCard(ready: Extract<Checked, { kind: 'ready' }>): CardAttachment {
    const now = new Date().toISOString();
    const slip: Slip = {
      ...ready.draft,
      id: 'preview',
      tenantId: ready.place.tenantId,
      teamId: ready.place.teamId,
      month: '',
      conversationId: ready.place.conversationId,
      createdAt: now,
      cosigners: [],
      notified: {},
    };
    const card = slipCard({ slip, titles: {}, refreshUserIds: [], timeZone: this.deps.timeZone, teamName: ready.place.teamName });
    // Teams hands the preview back on Send; the draft rides in the button's data so nothing is kept between the two requests.
    const actions = card.content.actions as Array<Record<string, unknown>>;
    for (const action of actions) action.data = { preview: true, ...draftData(ready.fields) };
    return card;
  }

  /**
   * Saves the slip (idempotent on requestKey), posts its card here when it is a team slip,
   * and notifies each recipient personally in the background.
   */
  async send(
    context: TurnContext,
    ready: Extract<Checked, { kind: 'ready' }>,
    requestKey: string,
    options: { postHere: boolean },
  ): Promise<Slip> {
    const log = this.log(context);
    const { slip, created, shouldPost, profiles } = await this.deps.slips.send(
      ready.draft,
      ready.place,
      requestKey,
      this.sharedReads(context),
    );
    let current = slip;
    if (shouldPost && options.postHere && slip.visibility === 'team') {
      const refreshUserIds = await this.audience(context, slip, ready.place.teamId);
      const card = slipCard({
        slip,
        titles: titlesOf(profiles),
        refreshUserIds,
        timeZone: this.deps.timeZone,
        teamName: ready.place.teamName,
      });
      const posted = await context.sendActivity({ attachments: [card], summary: `${safeName(slip.sender.name)} sent a thank-you` });
      if (posted?.id) current = await this.deps.slips.recordPosted(slip, posted.id, refreshUserIds, created);
    }
    // The creator holds the claim to tell the recipients (see SlipService.startNotifying); posting lengthened it.
    if (created && current.postedActivityId === undefined) await this.deps.slips.holdNotifying(slip);
    log.info('slip sent', { slipId: slip.id, created, recipients: slip.recipients.length, visibility: slip.visibility });
    // Also on a retry: it tells whoever the first attempt never reached (storage failed first).
    void this.deps.sender
      .background(this.notifier.notify(current, created, ready.place.teamName, profiles))
      .catch((e) => log.error('notifying recipients failed', { slipId: slip.id, err: (e as Error).message }));
    return current;
  }

  // In chats of up to 60 people every member's client fetches their own view of the card.
  private async audience(context: TurnContext, slip: Slip, teamId: string): Promise<string[]> {
    const core = [slip.sender.teamsId, ...slip.recipients.map((r) => r.teamsId)];
    if (scopeOf(context.activity) === 'personal') return [slip.sender.teamsId];
    const members = await this.people(context, teamId).list();
    if (members.length > 0 && members.length <= 60) return members.map((m) => m.id);
    return [...new Set(core)].slice(0, 60);
  }

  /** The sender's confirmation, in plain words. */
  confirmation(slip: Slip): { heading: string; text: string } {
    const names = listOf(slip.recipients.map((r) => safeName(r.name)));
    if (slip.visibility === 'private')
      return { heading: 'Sent privately', text: `Your thanks has gone to ${names}. Only you and they can see it.` };
    return { heading: 'Your thanks is on its way', text: `${names} will be told. Thank you for taking the time to say it.` };
  }

  /** The conversation reference of the card an action was pressed on. */
  static referenceOf(context: TurnContext) {
    return TC.getConversationReference(context.activity);
  }
}
