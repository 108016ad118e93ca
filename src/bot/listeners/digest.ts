// The monthly governance digest in Teams: a lead types "digest [month]" in their personal
// chat and gets the card with signed links to the read-out, printable page and CSV. The card
// the scheduler posts in the team channel carries no links; its "Open read-out (leads)" button
// answers a lead with the links (Universal Actions show that answer to the presser only) and
// anyone else with a kind word, leaving their card as it was.
import type { Application, AdaptiveCard } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { guarded } from '../guarded';
import { actorOf, scopeOf } from '../activity-info';
import { turnLog } from '../turn-log';
import { isCodedError } from '../../domain/errors';
import { isMonth, monthLabel, type BoxId } from '../../domain/box';
import type { PersonRef } from '../../domain/person';
import type { AccessPolicy } from '../../services/access-policy';
import type { BoxChooser } from '../../services/box-chooser';
import type { DigestService } from '../../services/digest-service';

export { BAD_MONTH } from '../../services/digest-service';
import type { LinkSigner } from '../../services/link-signer';
import type { ILogger } from '../../logger';
import { digestCard, type DigestLinks } from '../../cards/digest-card';
import { teamChoiceCard } from '../../cards/team-choice-card';
import { asRecord, readBoxRef, readTeamId } from '../star-of-the-month/invoke-data';

export interface DigestDeps {
  digests: DigestService;
  policy: AccessPolicy;
  boxes: BoxChooser;
  links: LinkSigner;
  /** Base address for the digest pages. */
  publicUrl: () => string;
  timeZone: string;
  now: () => Date;
  logger: ILogger;
}

export const DIGEST = /^\s*digest\b\s*(.*?)\s*$/i;
/** Long enough to open the read-out at a meeting later the same day. */
export const DIGEST_LINK_HOURS = 12;
export const DIGEST_ONLY_PERSONAL =
  'The digest is only shown in your personal chat with Valued, so its links stay yours. Open a chat with Valued and type digest there.';
export const NOT_A_LEAD_OF_ANY_TEAM =
  'Only governance leads can see the monthly digest. If you lead a team, please use Valued once in one of its channels first (for example, type @Valued help there), then try again.';
export const LEADS_ONLY_READ_OUT = 'Only your team’s governance leads can open the read-out.';
export const DIGEST_BUTTON_FAILED = 'Sorry, that button didn’t work. Please type digest in your personal chat with Valued.';

export function register(app: Application, deps: DigestDeps): void {
  const logger = deps.logger;
  const defaultMonth = () => deps.digests.defaultMonth();

  const linksFor = (personId: string, box: BoxId): DigestLinks => {
    const link = encodeURIComponent(deps.links.signBox(personId, 'digest', box, deps.now(), DIGEST_LINK_HOURS * 60));
    const base = deps.publicUrl();
    return {
      readOut: `${base}/digest/readout?link=${link}`,
      print: `${base}/digest/print?link=${link}`,
      csv: `${base}/digest/export.csv?link=${link}`,
    };
  };

  /** The lead's own card, with their links; refuses (CodedError) anyone who is not a lead of the team. */
  async function leadCard(context: TurnContext, actor: PersonRef, box: BoxId) {
    await deps.policy.requireLead(actor.id, box.teamId, 'digest');
    const digest = await deps.digests.card(box.teamId, box.month);
    turnLog(context, logger).info('digest shown', { teamId: box.teamId, month: box.month });
    return digestCard({ digest, links: linksFor(actor.id, box), linkHours: DIGEST_LINK_HOURS });
  }

  app.message(DIGEST, async (context) => {
    const actor = actorOf(context.activity);
    if (!actor) return;
    if (scopeOf(context.activity) !== 'personal') {
      await context.sendActivity(DIGEST_ONLY_PERSONAL);
      return;
    }
    // Which month, and which months are refused, is the digest service's rule.
    const chosen = deps.digests.chooseMonth((DIGEST.exec(context.activity.text ?? '')?.[1] ?? '').trim() || undefined);
    if ('refusal' in chosen) {
      await context.sendActivity(chosen.refusal);
      return;
    }
    const { month } = chosen;
    const { teams } = await deps.boxes.choicesFor(actor.id);
    const led = await deps.policy.teamsLedBy(actor.id, teams);
    if (led.length === 0) {
      // Someone who uses Valued in a team hears the team's own refusal; anyone else how to start.
      const refusal = teams.length
        ? await deps.policy.requireLead(actor.id, teams[0].id, 'digest').then(
            () => NOT_A_LEAD_OF_ANY_TEAM,
            (e) => (isCodedError(e) ? e.userMessage : NOT_A_LEAD_OF_ANY_TEAM),
          )
        : NOT_A_LEAD_OF_ANY_TEAM;
      await context.sendActivity(refusal);
      return;
    }
    if (led.length > 1) {
      await context.sendActivity({
        attachments: [
          teamChoiceCard({
            heading: `Which team’s digest for ${monthLabel(month)}?`,
            text: 'You are a governance lead of more than one team.',
            button: 'Show the digest',
            verb: 'digest.show',
            teams: led,
            data: { month },
          }),
        ],
      });
      return;
    }
    try {
      await context.sendActivity({ attachments: [await leadCard(context, actor, { teamId: led[0].id, month })] });
    } catch (e) {
      if (!isCodedError(e)) throw e;
      await context.sendActivity(e.userMessage);
    }
  });

  // The team chosen on the team choice card.
  app.adaptiveCards.actionExecute(
    'digest.show',
    guarded(logger, async (context, _state, data) => {
      const actor = actorOf(context.activity);
      if (scopeOf(context.activity) !== 'personal') return DIGEST_ONLY_PERSONAL;
      const teamId = readTeamId(data);
      const month = asRecord(data).month;
      if (!actor || !teamId) return DIGEST_BUTTON_FAILED;
      const box = { teamId, month: typeof month === 'string' && isMonth(month) ? month : defaultMonth() };
      return (await leadCard(context, actor, box)).content as AdaptiveCard;
    }),
  );

  // "Open read-out (leads)" on the card in the team channel.
  app.adaptiveCards.actionExecute(
    'digest.links',
    guarded(logger, async (context, _state, data) => {
      const actor = actorOf(context.activity);
      const box = readBoxRef(data);
      if (!actor || !box) {
        turnLog(context, logger).warn('malformed digest action');
        return DIGEST_BUTTON_FAILED;
      }
      try {
        return (await leadCard(context, actor, box)).content as AdaptiveCard;
      } catch (e) {
        if (!isCodedError(e) || e.code !== 'not_allowed') throw e;
        turnLog(context, logger).info('digest links refused', { teamId: box.teamId, month: box.month });
        // Only words: the digest of whatever month the data names is for leads alone.
        return LEADS_ONLY_READ_OUT;
      }
    }),
  );
}
