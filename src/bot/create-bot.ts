// Builds the Teams AI application and registers every listener group, catch-all last.
import { Application, TeamsAdapter } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { Config } from '../config';
import type { BotDeps } from './bot-deps';
import { attachTurnLog } from './turn-log';
import { TeamNames } from './team-names';
import { onTurnError } from './turn-error';
import { TeamsSender } from './outbound/teams-sender';
import { CardUpdater } from './outbound/card-updater';
import { SlipFlow } from './slip-flow';
import * as welcome from './listeners/welcome';
import { rememberConversation } from './listeners/welcome';
import * as slipsChat from './listeners/slips-chat';
import * as slipsCompose from './listeners/slips-compose';
import * as slipCardActions from './listeners/slip-card-actions';
import * as myRecognition from './listeners/my-recognition';
import * as starOfTheMonth from './listeners/star-of-the-month';
import * as fallback from './listeners/fallback';

export interface Bot {
  adapter: TeamsAdapter;
  app: Application;
  /** Sends outside a turn (notifications, card updates); shutdown waits for it. */
  sender: TeamsSender;
  /** Runs one turn: logging, redelivery check, then the application's routes. */
  handle(context: TurnContext): Promise<void>;
}

export function createBot(config: Config, deps: BotDeps): Bot {
  const adapter = new TeamsAdapter({
    MicrosoftAppId: config.bot.appId,
    MicrosoftAppPassword: config.bot.appPassword,
    MicrosoftAppType: config.bot.appType,
    MicrosoftAppTenantId: config.bot.tenantId
  });
  const app = new Application({
    adapter,
    botAppId: config.bot.appId,
    removeRecipientMention: true,
    startTypingTimer: false,
    longRunningMessages: false
  });
  app.error(onTurnError(deps.logger));

  const sender = new TeamsSender(adapter, config.bot.appId, deps.logger.child('sender'), deps.senderOptions);
  const cardUpdater = new CardUpdater(sender);
  const flow = new SlipFlow({ slips: deps.slips, boxes: deps.boxes, directory: deps.directory, sender, cardUpdater, timeZone: deps.timeZone, logger: deps.logger });

  welcome.register(app, deps);
  slipsChat.register(app, flow);
  slipsCompose.register(app, flow);
  slipCardActions.register(app, { slips: deps.slips, cardUpdater, timeZone: deps.timeZone, logger: deps.logger });
  myRecognition.register(app, { history: deps.history, profiles: deps.profiles, dataRights: deps.dataRights, links: deps.links, publicUrl: deps.publicUrl, timeZone: deps.timeZone, now: deps.now, logger: deps.logger });
  starOfTheMonth.register(app, { ...deps, ...deps.star, sender });
  fallback.register(app);

  const teamNames = new TeamNames(deps.teamSettings, deps.logger);

  async function handle(context: TurnContext): Promise<void> {
    const log = attachTurnLog(context, deps.logger);
    const a = context.activity;
    // Teams redelivers messages it thinks failed; answer each one once. Invokes are made
    // idempotent by their records instead, since they must always get a response.
    const dedupeKey = a.type === 'message' && a.id ? `msg|${a.conversation?.id}|${a.id}` : undefined;
    if (dedupeKey && !(await deps.processed.claim(dedupeKey, deps.now(), deps.dedupeHours))) {
      log.info('redelivered activity ignored');
      return;
    }
    try {
      // Where people can be reached is saved on install and on their first message or action.
      await teamNames.fillIn(context);
      if (a.type === 'message' || a.type === 'invoke') await rememberConversation(context, deps);
      await app.run(context);
    } catch (e) {
      if (dedupeKey) await deps.processed.release(dedupeKey).catch(() => undefined);
      throw e;
    }
  }

  return { adapter, app, sender, handle };
}
