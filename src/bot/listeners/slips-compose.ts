// The message extension: "Send thanks" from the compose box and "Thank for this" on a
// message. Form in a task module → checks → preview (Teams' own Edit / Send) → posted.
import type { Application } from '@microsoft/teams-ai';
import { guarded } from '../guarded';
import type { TurnContext } from 'botbuilder';
import { MessageFactory, type Activity, type TaskModuleTaskInfo } from 'botbuilder';
import { MESSAGE_EXTENSION_COMMANDS as C } from '../commands';
import type { SlipFlow } from '../slip-flow';
import { newDraftId } from '../slip-flow';
import { readSlipForm } from '../slip-form-data';
import { personOf } from '../activity-info';
import type { CardAttachment } from '../../cards/render';

const COMMANDS = [C.sendThanks.id, C.thankForThis.id];
const QUOTE_LENGTH = 200;

const task = (card: CardAttachment): TaskModuleTaskInfo => ({ title: 'Send thanks', width: 'medium', height: 'large', card });

/** The message a "Thank for this" was started on: its author and a short, plain quote. */
function messageOrigin(context: TurnContext) {
  const payload = (
    context.activity.value as {
      messagePayload?: { from?: { user?: { id?: string; displayName?: string; aadObjectId?: string } }; body?: { content?: unknown } };
    }
  )?.messagePayload;
  const user = payload?.from?.user;
  const author = personOf(user && { id: user.id, name: user.displayName, aadObjectId: user.aadObjectId });
  const html = typeof payload?.body?.content === 'string' ? payload.body.content : '';
  const plain = html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
  const quote = plain.length > QUOTE_LENGTH ? `${plain.slice(0, QUOTE_LENGTH - 1)}…` : plain;
  return { author, quote };
}

/** The draft a preview card carries in its button data (see SlipFlow.previewCard). */
function draftFromPreview(preview: unknown): Record<string, unknown> | undefined {
  const content = (preview as { attachments?: Array<{ content?: { actions?: Array<{ data?: unknown }> } }> })?.attachments?.[0]?.content;
  const data = content?.actions?.[0]?.data;
  return data && typeof data === 'object' ? (data as Record<string, unknown>) : undefined;
}

export function register(app: Application, flow: SlipFlow): void {
  app.messageExtensions.fetchTask(
    COMMANDS,
    guarded(flow.logger, async (context) => {
      const { author, quote } =
        context.activity.value?.commandId === C.thankForThis.id ? messageOrigin(context) : { author: undefined, quote: '' };
      const card = await flow.formCard(
        context,
        'task',
        { draftId: newDraftId(), recipients: author ? [author.id] : [], quote },
        [],
        author ? [{ id: author.id, name: author.name }] : [],
      );
      return task(card);
    }),
  );

  app.messageExtensions.submitAction(
    COMMANDS,
    guarded(flow.logger, async (context, _state, data: Record<string, unknown>) => {
      const read = readSlipForm(data, newDraftId());
      if (data?.verb === 'slip.edit') return task(await flow.formCard(context, 'task', read.fields));
      const checked = await flow.check(context, 'task', read);
      if (checked.kind === 'card') return task(checked.card);
      if (checked.draft.visibility === 'private') {
        // A private slip is never posted where others can read it: straight to the recipients.
        const slip = await flow.send(context, checked, `form|${checked.draft.sender.id}|${checked.fields.draftId}`, { postHere: false });
        return flow.confirmation(slip).text;
      }
      return { type: 'botMessagePreview', activityPreview: MessageFactory.attachment(flow.previewCard(checked)) as Activity };
    }),
  );

  app.messageExtensions.botMessagePreviewEdit(
    COMMANDS,
    guarded(flow.logger, async (context, _state, preview) => {
      const read = readSlipForm(draftFromPreview(preview), newDraftId());
      return task(await flow.formCard(context, 'task', read.fields));
    }),
  );

  app.messageExtensions.botMessagePreviewSend(COMMANDS, async (context, _state, preview) => {
    // The sender already saw any nudge and chose to go on, so it is not shown again.
    const read = { ...readSlipForm(draftFromPreview(preview), newDraftId()), postAnyway: true };
    const checked = await flow.check(context, 'task', read);
    if (checked.kind === 'card') {
      await context.sendActivity({ attachments: [checked.card] });
      return;
    }
    await flow.send(context, checked, `form|${checked.draft.sender.id}|${checked.fields.draftId}`, { postHere: true });
  });
}
