// Builds the Teams AI application and registers every listener group, catch-all last.
// The package index also loads its AI stack (model clients, tokenisers), which Valued never
// uses: importing the two classes from their own files starts about a second faster.
import { Application } from '@microsoft/teams-ai/lib/Application';
import { TeamsAdapter } from '@microsoft/teams-ai/lib/TeamsAdapter';
import { ActivityTypes, CallerIdConstants, INVOKE_RESPONSE_KEY, type TurnContext } from 'botbuilder';
import type { Config } from '../config';
import type { BotDeps } from './bot-deps';
import type { DigestPoster } from '../services/digest-scheduler';
import { attachTurnLog } from './turn-log';
import { teamOf, tenantOf } from './activity-info';
import { isCodedError } from '../domain/errors';
import { TeamNames } from './team-names';
import { onTurnError } from './turn-error';
import { TeamsSender } from './outbound/teams-sender';
import { CardUpdater } from './outbound/card-updater';
import { TeamsDigestPoster } from './outbound/digest-poster';
import { TeamsNotices } from './outbound/team-notices';
import { AwardTelling } from '../services/award-telling';
import type { Notices } from '../services/notices';
import type { ReminderService } from '../services/reminder-service';
import { SlipFlow } from './slip-flow';
import * as welcome from './listeners/welcome';
import * as teamMembership from './listeners/team-membership';
import { TeamsRosterSource } from './outbound/teams-roster-source';
import { PersonalMessenger, TeamsConversationStarter } from './outbound/personal-messenger';
import type { RosterService } from '../services/roster-service';
import { rememberConversation } from './listeners/welcome';
import * as slipsChat from './listeners/slips-chat';
import * as slipsCompose from './listeners/slips-compose';
import * as slipCardActions from './listeners/slip-card-actions';
import * as myRecognition from './listeners/my-recognition';
import * as portfolioNotes from './listeners/portfolio-notes';
import * as starOfTheMonth from './listeners/star-of-the-month';
import * as digest from './listeners/digest';
import * as fallback from './listeners/fallback';

export interface Bot {
  adapter: TeamsAdapter;
  app: Application;
  /** Sends outside a turn (notifications, card updates); shutdown waits for it. */
  sender: TeamsSender;
  /** Each team's roster, read through Teams (for the reconciliation timer). */
  roster: RosterService;
  /** Personal messages, to a 1:1 chat Valued starts itself when need be. */
  personal: PersonalMessenger;
  /** Posts a month's digest card in a team's governance channel (for the scheduler). */
  digestPoster: DigestPoster;
  /** Reminders and vote results, said in Teams (for the scheduled jobs). */
  notices: Notices;
  reminders: ReminderService;
  /** Runs one turn: logging, redelivery check, then the application's routes. */
  handle(context: TurnContext): Promise<void>;
}

export function createBot(config: Config, deps: BotDeps): Bot {
  const adapter = new TeamsAdapter({
    MicrosoftAppId: config.bot.appId,
    MicrosoftAppPassword: config.bot.appPassword,
    MicrosoftAppType: config.bot.appType,
    MicrosoftAppTenantId: config.bot.tenantId,
    ...(config.bot.openIdMetadataUrl ? publicCloudWithMetadata(config.bot.openIdMetadataUrl) : {}),
  });
  const app = new Application({
    adapter,
    botAppId: config.bot.appId,
    removeRecipientMention: true,
    startTypingTimer: false,
    longRunningMessages: false,
  });
  app.error(onTurnError(deps.logger));

  const sender = new TeamsSender(adapter, config.bot.appId, deps.logger.child('sender'), deps.senderOptions);
  const cardUpdater = new CardUpdater(sender);
  const roster = deps.makeRoster(new TeamsRosterSource(sender));
  const personal = new PersonalMessenger(deps.makeReach(new TeamsConversationStarter(sender)), sender, deps.logger.child('personal'));
  const notices = new TeamsNotices({ directory: deps.directory, sender, personal, logger: deps.logger.child('notices') });
  const reminders = deps.makeReminders(notices);
  const flow = new SlipFlow({
    slips: deps.slips,
    boxes: deps.boxes,
    directory: deps.directory,
    sender,
    personal,
    cardUpdater,
    timeZone: deps.timeZone,
    logger: deps.logger,
  });

  teamMembership.register(app, { bot: deps, roster, sender });
  welcome.register(app, deps);
  slipsChat.register(app, flow);
  slipsCompose.register(app, flow);
  slipCardActions.register(app, { slips: deps.slips, cardUpdater, timeZone: deps.timeZone, logger: deps.logger, policy: deps.star.policy });
  myRecognition.register(app, {
    myRecognition: deps.myRecognition,
    reflections: deps.reflections,
    profiles: deps.profiles,
    dataRights: deps.dataRights,
    links: deps.links,
    publicUrl: deps.publicUrl,
    timeZone: deps.timeZone,
    now: deps.now,
    logger: deps.logger,
    policy: deps.star.policy,
  });
  const awardTelling = new AwardTelling(notices, (id) => deps.slips.wantsNotifications(id), deps.logger.child('award'));
  starOfTheMonth.register(app, { ...deps, ...deps.star, sender, personal, notices, reminders, awardTelling });
  digest.register(app, {
    digests: deps.digests,
    policy: deps.star.policy,
    boxes: deps.boxes,
    links: deps.links,
    publicUrl: deps.publicUrl,
    timeZone: deps.timeZone,
    now: deps.now,
    logger: deps.logger,
  });
  portfolioNotes.register(app, {
    reflections: deps.reflections,
    timeZone: deps.timeZone,
    logger: deps.logger,
    policy: deps.star.policy,
  });
  fallback.register(app);

  const teamNames = new TeamNames(deps.teamSettings, deps.logger);

  const allowedTenants = new Set(config.allowedTenants);

  async function handle(context: TurnContext): Promise<void> {
    const log = attachTurnLog(context, deps.logger);
    const a = context.activity;
    // Before anything else: an organisation that isn't ours gets no reply and leaves no record.
    // Invokes are answered 200 with an empty body: a refusal card would tell a stranger's tenant
    // that this bot exists and what it does, and Teams shows nothing rather than an error.
    if (allowedTenants.size > 0) {
      const tenant = tenantOf(a).toLowerCase();
      if (!allowedTenants.has(tenant)) {
        log.warn('activity from a tenant that is not allowed ignored', { tenantId: tenant || '(none)', type: a.type });
        if (a.type === ActivityTypes.Invoke) await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200 } });
        return;
      }
    }
    // Teams redelivers messages it thinks failed; answer each one once. Invokes are made
    // idempotent by their records instead, since they must always get a response.
    const dedupeKey = a.type === 'message' && a.id ? `msg|${a.conversation?.id}|${a.id}` : undefined;
    if (dedupeKey && !(await deps.processed.claim(dedupeKey, deps.now(), deps.dedupeHours))) {
      log.info('redelivered activity ignored');
      return;
    }
    try {
      // Where people can be reached is saved on install and on their first message or action.
      // If that fails (storage down), an invoke still reaches its handler, which answers it
      // kindly (an invoke left unanswered becomes a 501); it is remembered next time instead.
      try {
        await teamNames.fillIn(context);
        if (a.type === 'message' || a.type === 'invoke') {
          await rememberConversation(context, deps);
          // A team in use whose roster is more than a day old is read again, after this turn.
          const team = teamOf(a);
          if (team)
            void sender
              .background(roster.syncIfStale(team.id))
              .catch((e) => log.warn('roster check failed', { err: (e as Error).message }));
        }
      } catch (e) {
        if (a.type !== 'invoke') throw e;
        if (isCodedError(e) && e.code === 'storage_unavailable') log.warn('storage unavailable; conversation not remembered this time');
        else log.error('conversation not remembered', { err: (e as Error).message });
      }
      try {
        await app.run(context);
      } catch (e) {
        // Handlers answer their own failures (guarded); what escapes to here is an invoke too
        // malformed for teams-ai to read. It is logged and refused below, not answered 5xx.
        if (a.type !== 'invoke') throw e;
        log.error('invoke could not be handled', {
          err: (e as Error).message,
          stack: (e as Error).stack?.split('\n').slice(0, 5).join(' | '),
        });
      }
      // An invoke nothing answered (an unknown name, or data no route accepts) is the caller's
      // error: 400, where the adapter would otherwise reply 501.
      if (a.type === 'invoke' && !context.turnState.get(INVOKE_RESPONSE_KEY)) {
        await context.sendActivity({
          type: ActivityTypes.InvokeResponse,
          value: { status: 400, body: { error: 'unsupported or malformed invoke' } },
        });
      }
    } catch (e) {
      if (dedupeKey) await deps.processed.release(dedupeKey).catch(() => undefined);
      throw e;
    }
  }

  const digestPoster = new TeamsDigestPoster({ directory: deps.directory, sender, logger: deps.logger.child('digest-poster') });

  return { adapter, app, sender, roster, personal, digestPoster, notices, reminders, handle };
}

// Setting any one endpoint makes botframework-connector use only the values given, so the rest
// of the public cloud's settings (its own defaults) are passed alongside the metadata address.
function publicCloudWithMetadata(openIdMetadataUrl: string): Record<string, string> {
  return {
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
    ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
    ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
    ToChannelFromBotOAuthScope: 'https://api.botframework.com',
    OAuthUrl: 'https://api.botframework.com',
    ToBotFromEmulatorOpenIdMetadataUrl: 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
    CallerId: CallerIdConstants.PublicAzureChannel,
    ValidateAuthority: 'true',
  };
}
