// Thanking from a conversation with the bot: "thanks @Sam @Ola for covering my clinic" posts
// straight away; "thanks" alone (or the welcome card's button) opens the form, which updates
// in place as it is submitted (Universal Actions).
import type { Application } from '@microsoft/teams-ai';
import { guarded } from '../guarded';
import type { TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '@microsoft/teams-ai';
import type { SlipFlow } from '../slip-flow';
import { newDraftId } from '../slip-flow';
import { readSlipForm } from '../slip-form-data';
import { noticeCard } from '../../cards/notice-card';
import { actorOf } from '../activity-info';

export const THANKS = /^\s*(thanks|thank\s+you|thank-you|thankyou|ta|cheers|kudos)\b/i;

interface Mentioned {
  id: string;
  name: string;
}

/** The people @mentioned (never the bot) and what the sender said, without the leading "thanks @A and @B". */
export function readThanksMessage(context: TurnContext): { mentioned: Mentioned[]; message: string } {
  const a = context.activity;
  const botId = a.recipient?.id;
  const mentioned: Mentioned[] = [];
  for (const e of a.entities ?? []) {
    const m = (e as { type?: string; mentioned?: { id?: unknown; name?: unknown } }).mentioned;
    if (e.type !== 'mention' || typeof m?.id !== 'string' || m.id === botId) continue;
    if (!mentioned.some((x) => x.id === m.id)) mentioned.push({ id: m.id, name: typeof m.name === 'string' ? m.name : 'A colleague' });
  }
  const text = (a.text ?? '')
    .replace(THANKS, '')
    .replace(/^(\s*(<at>[^<]*<\/at>|,|&|\band\b)\s*)+/i, '')
    .replace(/<at>([^<]*)<\/at>/g, '$1')
    .replace(/^\s*[,:;.!-]\s*/, '')
    .trim();
  return { mentioned, message: text };
}

export function register(app: Application, flow: SlipFlow): void {
  app.message(THANKS, async (context) => {
    const { mentioned, message } = readThanksMessage(context);
    const where = await flow.where(context, '');
    const people = flow.people(context, where.place.teamId);
    const recipients = await people.resolve(
      mentioned.map((m) => m.id),
      mentioned.map((m) => ({ id: m.id, teamsId: m.id, name: m.name })),
    );
    if (recipients.length === 0 || message.length === 0) {
      const card = await flow.formCard(
        context,
        'chat',
        { message, recipients: recipients.map((r) => r.id) },
        [],
        recipients.map((r) => ({ id: r.id, name: r.name })),
      );
      await context.sendActivity({ attachments: [card] });
      return;
    }
    const read = {
      fields: {
        draftId: newDraftId(),
        recipients: recipients.map((r) => r.id),
        message,
        values: [],
        visibility: 'team' as const,
        teamId: where.place.teamId,
        quote: '',
      },
      postAnyway: false,
    };
    const checked = await flow.check(context, 'chat', read, { valuesRequired: false });
    if (checked.kind === 'card') {
      await context.sendActivity({ attachments: [checked.card] });
      return;
    }
    // The message's own id keys the slip, so a redelivered message makes no second slip.
    await flow.send(context, checked, `msg|${context.activity.id}`, { postHere: true });
  });

  app.adaptiveCards.actionSubmit('openSlipForm', async (context) => {
    await context.sendActivity({ attachments: [await flow.formCard(context, 'chat', {})] });
  });

  app.adaptiveCards.actionExecute(
    'slip.edit',
    guarded(flow.logger, async (context, _state, data) => {
      const read = readSlipForm(data, newDraftId());
      return (await flow.formCard(context, 'chat', read.fields)).content as AdaptiveCard;
    }),
  );

  app.adaptiveCards.actionExecute(
    'slip.submit',
    guarded(flow.logger, async (context, _state, data) => {
      const read = readSlipForm(data, newDraftId());
      // The quick message path has no values; its nudge card says so.
      const quick = (data as Record<string, unknown>)?.source === 'quick';
      const checked = await flow.check(context, 'chat', read, { valuesRequired: !quick });
      if (checked.kind === 'card') return checked.card.content as AdaptiveCard;
      const actor = actorOf(context.activity);
      const slip = await flow.send(context, checked, `form|${actor?.id}|${checked.fields.draftId}`, { postHere: true });
      const { heading, text } = flow.confirmation(slip);
      return noticeCard(heading, text, 'good').content as AdaptiveCard;
    }),
  );
}
