// Buttons on a posted slip: "Add my thanks" and the per-person refresh (Universal Actions).
// Each person sees their own view; the shared card is updated for everyone separately, so
// one person's view never becomes everyone's. A private slip is shown to, and can be touched
// by, its sender and recipients only (AccessPolicy); to anyone else it does not exist.
import type { Application } from '@microsoft/teams-ai';
import { guarded } from '../guarded';
import type { TurnContext } from 'botbuilder';
import { ActivityTypes } from 'botbuilder';
import { isMonth } from '../../domain/box';
import { slipCard } from '../../cards/slip-card';
import type { CardAttachment } from '../../cards/render';
import type { Slip } from '../../domain/slip';
import type { SlipService } from '../../services/slip-service';
import type { AccessPolicy } from '../../services/access-policy';
import type { CardUpdater } from '../outbound/card-updater';
import { SlipFlow } from '../slip-flow';
import { actorOf, teamOf } from '../activity-info';
import { turnLog } from '../turn-log';
import type { ILogger } from '../../logger';

interface SlipRef {
  slipId: string;
  teamId: string;
  month: string;
}

function readSlipRef(data: unknown): SlipRef | undefined {
  const d = data as Record<string, unknown> | undefined;
  const ok = (v: unknown, max: number) => typeof v === 'string' && v.length <= max;
  if (!d || !ok(d.slipId, 64) || !ok(d.teamId, 200) || typeof d.month !== 'string' || !isMonth(d.month)) return undefined;
  return { slipId: d.slipId as string, teamId: d.teamId as string, month: d.month };
}

/** Answers an Action.Execute with a card for the presser only. */
async function respondWithCard(context: TurnContext, card: CardAttachment): Promise<void> {
  await context.sendActivity({
    type: ActivityTypes.InvokeResponse,
    value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card.content } },
  });
}

export const BUTTON_FAILED = 'Sorry, that button didn’t work. Please try again, or send a new thank-you.';

export function register(
  app: Application,
  deps: { slips: SlipService; cardUpdater: CardUpdater; timeZone: string; logger: ILogger; policy: AccessPolicy },
): void {
  const titlesOf = (slip: Slip) => deps.slips.titlesFor([slip.sender.id, ...slip.recipients.map((r) => r.id)]);
  const draw = (slip: Slip, titles: Record<string, string>, teamName: string | undefined, viewerId?: string) => {
    const viewer = viewerId ? { id: viewerId, teamsId: '', name: '' } : undefined;
    return slipCard({ slip, titles, viewer, refreshUserIds: slip.refreshUserIds ?? [], timeZone: deps.timeZone, teamName });
  };
  const render = async (ref: SlipRef, teamName: string | undefined, viewerId?: string) => {
    const slip = await deps.slips.get(ref.teamId, ref.month, ref.slipId);
    if (!slip || (viewerId && !deps.policy.canSeeSlip(viewerId, slip))) return undefined;
    return draw(slip, await titlesOf(slip), teamName, viewerId);
  };
  app.adaptiveCards.actionExecute(
    'slip.cosign',
    guarded(deps.logger, async (context, _state, data) => {
      const log = turnLog(context, deps.logger);
      const ref = readSlipRef(data);
      const person = actorOf(context.activity);
      if (!ref || !person) {
        log.warn('malformed slip action', { data: JSON.stringify(data ?? null).slice(0, 200) });
        return BUTTON_FAILED;
      }
      // The access check runs on the slip the co-sign reads, so it is read once.
      const { outcome, slip } = await deps.slips.cosign(
        ref.teamId,
        ref.month,
        ref.slipId,
        person,
        (s) => void deps.policy.requireSlipViewer(person.id, s),
      );
      const teamName = teamOf(context.activity)?.name;
      if (outcome === 'not_allowed') {
        return slip.sender.id === person.id
          ? 'This thank-you is from you, so you can’t add to it, but thank you for sending it!'
          : 'This thank-you is for you, so you can’t add to it. Well done!';
      }
      if (outcome === 'already') return 'You’ve already added your thanks to this one. Thank you!';
      log.info('thanks added', { slipId: slip.id, cosigners: slip.cosigners.length });
      // The shared card is always redrawn from storage: another instance may have drawn a newer
      // slip meanwhile, and only storage knows every press. The presser's own card is theirs
      // alone and current for their press, so it is drawn from the slip the co-sign returned.
      const titles = await titlesOf(slip);
      const messageId = context.activity.replyToId ?? slip.postedActivityId;
      if (messageId) {
        await deps.cardUpdater.update(`${ref.teamId}|${ref.month}|${ref.slipId}`, SlipFlow.referenceOf(context), messageId, async () => {
          const card = await render(ref, teamName);
          return card && { attachments: [card] };
        });
      }
      await respondWithCard(context, draw(slip, titles, teamName, person.id));
      return BUTTON_FAILED; // not shown: the invoke response above has already been sent
    }),
  );

  app.adaptiveCards.actionExecute(
    'slip.refresh',
    guarded(deps.logger, async (context, _state, data) => {
      const ref = readSlipRef(data);
      const person = actorOf(context.activity);
      const mine = ref && person ? await render(ref, teamOf(context.activity)?.name, person.id) : undefined;
      if (!mine) return BUTTON_FAILED;
      await respondWithCard(context, mine);
      return BUTTON_FAILED; // not shown: answered above
    }),
  );
}
