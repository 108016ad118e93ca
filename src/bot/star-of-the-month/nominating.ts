// Nominating a colleague: "nominate" in a chat with Valued (the form, updating in place),
// "@Valued nominate @Sam …" in a channel or group chat (a button that opens the form in a
// dialog), and the "Nominate" message-extension action (compose box or "…" on a message).
import type { Application, AdaptiveCard } from '@microsoft/teams-ai';
import type { TaskModuleTaskInfo, TurnContext } from 'botbuilder';
import { guarded } from '../guarded';
import { actorOf, personOf, scopeOf } from '../activity-info';
import { PeopleDirectory } from '../people-directory';
import { turnLog } from '../turn-log';
import { MESSAGE_EXTENSION_COMMANDS as C } from '../commands';
import { monthLabel } from '../../domain/box';
import { nominationFormCard, type NominationFormFields } from '../../cards/nomination-form-card';
import { nominatePromptCard } from '../../cards/nominate-prompt-card';
import { noticeCard } from '../../cards/notice-card';
import type { CardAttachment } from '../../cards/render';
import type { FormMode } from '../../cards/slip-form-card';
import { safeName } from '../../cards/safe-text';
import { readNominationForm } from './invoke-data';
import { NO_TEAM_YET, chosenTeam } from './chosen-team';
import type { StarDeps } from './star-deps';

export const NOMINATE = /^\s*nominate\b/i;
const ONE_AT_A_TIME = 'A nomination is for one colleague. Please choose just one; you can nominate others separately.';
const MALFORMED = 'Some of the form didn’t come through properly, so nothing was saved. Please check it and try again.';

const task = (card: CardAttachment): TaskModuleTaskInfo => ({
  title: 'Nominate for star of the month',
  width: 'medium',
  height: 'large',
  card,
});

/** The first person @mentioned (never the bot), and the words after the mentions. */
function readNominateMessage(context: TurnContext): { nominee?: { id: string; name: string }; reason: string } {
  const a = context.activity;
  const mention = (a.entities ?? [])
    .map((e) => ({ type: e.type, m: (e as { mentioned?: { id?: unknown; name?: unknown } }).mentioned }))
    .find((e) => e.type === 'mention' && typeof e.m?.id === 'string' && e.m.id !== a.recipient?.id);
  const reason = (a.text ?? '')
    .replace(/<at>[^<]*<\/at>/g, ' ')
    .replace(NOMINATE, '')
    .replace(/^\s*(for\b|because\b|[,:;.!-])\s*/i, '')
    .replace(/\s+/g, ' ')
    .trim();
  return {
    nominee: mention
      ? { id: String(mention.m!.id), name: typeof mention.m!.name === 'string' ? mention.m!.name : 'A colleague' }
      : undefined,
    reason,
  };
}

export class Nominating {
  constructor(private readonly deps: StarDeps) {}

  /** The form, or a kind sentence when we don't know the person's team yet. */
  async form(
    context: TurnContext,
    mode: FormMode,
    fields: Partial<NominationFormFields>,
    errors: string[] = [],
    extraPeople: Array<{ id: string; name: string }> = [],
  ): Promise<CardAttachment> {
    const place = await chosenTeam(context, this.deps.boxes, fields.teamId);
    if (!place) return noticeCard('Star of the month', NO_TEAM_YET, 'attention');
    const actor = actorOf(context.activity);
    const people = await new PeopleDirectory(context, place.teamId, turnLog(context, this.deps.logger), this.deps.directory).choices(
      actor?.id ?? '',
    );
    for (const p of extraPeople) if (!people.some((q) => q.id === p.id)) people.unshift(p);
    const month = fields.month || (await this.deps.nominations.currentMonth(place.teamId));
    return nominationFormCard({
      mode,
      nominee: fields.nominee ?? '',
      reason: fields.reason ?? '',
      values: fields.values ?? [],
      anonymous: fields.anonymous ?? false,
      slipIds: fields.slipIds ?? [],
      teamId: place.teamId,
      month,
      teamName: place.teamName,
      monthLabel: monthLabel(month),
      people,
      valueChoices: await this.deps.nominations.valuesFor(place.teamId),
      slips: await this.deps.nominations.slipChoices(place.teamId, month, fields.nominee || undefined),
      teams: place.teams,
      errors,
    });
  }

  /** Checks and saves a submitted form: the form again with problems, or a confirmation. */
  async submit(
    context: TurnContext,
    mode: FormMode,
    data: unknown,
  ): Promise<{ saved: false; card: CardAttachment } | { saved: true; heading: string; text: string }> {
    const log = turnLog(context, this.deps.logger);
    const read = readNominationForm(data);
    const actor = actorOf(context.activity);
    if (read.malformed || !actor) {
      log.warn('malformed nomination form', { problem: read.malformed ?? 'no nominator' });
      return { saved: false, card: await this.form(context, mode, read.fields, [MALFORMED]) };
    }
    if (read.chosen > 1) return { saved: false, card: await this.form(context, mode, read.fields, [ONE_AT_A_TIME]) };
    const place = await chosenTeam(context, this.deps.boxes, read.fields.teamId);
    if (!place) return { saved: false, card: noticeCard('Star of the month', NO_TEAM_YET, 'attention') };
    const people = new PeopleDirectory(context, place.teamId, log, this.deps.directory);
    const [nominee] = read.fields.nominee ? await people.resolve([read.fields.nominee]) : [];
    const result = await this.deps.nominations.nominate(
      {
        nominator: actor,
        nominee,
        reason: read.fields.reason,
        values: read.fields.values,
        anonymous: read.fields.anonymous,
        slipIds: read.fields.slipIds,
      },
      place.teamId,
      read.fields.month || undefined,
    );
    if (result.kind === 'problems') {
      log.info('nomination refused', { reasons: result.problems.map((p) => p.field) });
      return {
        saved: false,
        card: await this.form(
          context,
          mode,
          { ...read.fields, teamId: place.teamId },
          result.problems.map((p) => p.userMessage),
        ),
      };
    }
    const n = result.nomination;
    const name = safeName(n.nominee.name);
    const moved = result.movedFrom
      ? ` Nominations for ${monthLabel(result.movedFrom)} have closed, so it is in the box for ${monthLabel(n.month)}.`
      : '';
    const kept = n.anonymous ? ' Your name is kept from the team; your governance leads can see it.' : '';
    return result.created
      ? {
          saved: true,
          heading: 'Thank you for your nomination',
          text: `${name} is nominated for star of the month for ${monthLabel(n.month)}.${kept}${moved}`,
        }
      : {
          saved: true,
          heading: 'Your nomination is updated',
          text: `You had already nominated ${name} for ${monthLabel(n.month)}, so your earlier nomination now says this instead.${kept}${moved}`,
        };
  }

  register(app: Application): void {
    const logger = this.deps.logger;

    app.message(NOMINATE, async (context) => {
      const { nominee, reason } = readNominateMessage(context);
      const people = nominee
        ? await new PeopleDirectory(context, '', turnLog(context, logger), this.deps.directory).resolve(
            [nominee.id],
            [{ id: nominee.id, teamsId: nominee.id, name: nominee.name }],
          )
        : [];
      const fields = { nominee: people[0]?.id ?? '', reason };
      if (scopeOf(context.activity) === 'personal') {
        await context.sendActivity({
          attachments: [
            await this.form(
              context,
              'chat',
              fields,
              [],
              people.map((p) => ({ id: p.id, name: p.name })),
            ),
          ],
        });
        return;
      }
      // In a shared conversation the form opens in a dialog, so nobody else sees it being filled in.
      await context.sendActivity({
        attachments: [
          nominatePromptCard({
            nomineeName: people[0]?.name,
            data: { nominee: fields.nominee, nomineeName: people[0]?.name ?? '', reason },
          }),
        ],
      });
    });

    app.adaptiveCards.actionExecute(
      'nomination.submit',
      guarded(logger, async (context, _state, data) => {
        const r = await this.submit(context, 'chat', data);
        return (r.saved ? noticeCard(r.heading, r.text, 'good') : r.card).content as AdaptiveCard;
      }),
    );

    app.taskModules.fetch(
      'nomination.open',
      guarded(logger, async (context, _state, data: Record<string, unknown>) => {
        const nominee = typeof data?.nominee === 'string' ? data.nominee : '';
        const name = typeof data?.nomineeName === 'string' && data.nomineeName ? data.nomineeName : 'A colleague';
        const reason = typeof data?.reason === 'string' ? data.reason.slice(0, 2000) : '';
        return task(await this.form(context, 'task', { nominee, reason }, [], nominee ? [{ id: nominee, name }] : []));
      }),
    );

    app.taskModules.submit(
      'nomination.submit',
      guarded(logger, async (context, _state, data) => {
        const r = await this.submit(context, 'task', data);
        return r.saved ? `${r.heading}. ${r.text}` : task(r.card);
      }),
    );

    app.messageExtensions.fetchTask(
      C.nominate.id,
      guarded(logger, async (context) => {
        // On "…" of a message, the message's author is the nominee to start with.
        const from = (
          context.activity.value as { messagePayload?: { from?: { user?: { id?: string; displayName?: string; aadObjectId?: string } } } }
        )?.messagePayload?.from?.user;
        const author = personOf(from && { id: from.id, name: from.displayName, aadObjectId: from.aadObjectId });
        const actor = actorOf(context.activity);
        const nominee = author && author.id !== actor?.id ? author : undefined;
        return task(
          await this.form(context, 'task', { nominee: nominee?.id ?? '' }, [], nominee ? [{ id: nominee.id, name: nominee.name }] : []),
        );
      }),
    );

    app.messageExtensions.submitAction(
      C.nominate.id,
      guarded(logger, async (context, _state, data) => {
        const r = await this.submit(context, 'task', data);
        return r.saved ? `${r.heading}. ${r.text}` : task(r.card);
      }),
    );
  }
}
