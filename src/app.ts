// Wires config → logger → repositories → services → bot → server. Used by index.ts and by
// the tests, so both run exactly the same composition.
import type { Config } from './config';
import type { ILogger } from './logger';
import { TableStore, type PipelinePolicy } from './storage/table/table-store';
import { createTableRepositories } from './storage/table/create-table-repositories';
import type { Repositories } from './storage/repositories';
import { ConversationDirectory } from './services/conversation-directory';
import { SlipService } from './services/slip-service';
import { BoxChooser } from './services/box-chooser';
import nudgePhrases from './domain/language-nudge-phrases.json';
import type { SenderOptions } from './bot/outbound/teams-sender';
import { createBot, type Bot } from './bot/create-bot';
import { startHttpServer, type HttpServer } from './http/server';

export interface Valued {
  http: HttpServer;
  bot: Bot;
  repos: Repositories;
  store: TableStore;
  stop(): Promise<void>;
}

export interface StartOptions {
  logger: ILogger;
  now?: () => Date;
  storagePolicies?: PipelinePolicy[];
  senderOptions?: SenderOptions;
}

export async function startValued(config: Config, options: StartOptions): Promise<Valued> {
  const { logger } = options;
  const now = options.now ?? (() => new Date());
  const store = new TableStore(config.storage, options.storagePolicies);
  await store.ensureTables();
  const repos = createTableRepositories(store);

  const directory = new ConversationDirectory(repos.conversations, repos.memberships, repos.teamSettings, now);
  const slips = new SlipService(repos, nudgePhrases.phrases, logger.child('slips'), now, config.timeZone);
  const bot = createBot(config, {
    logger: logger.child('bot'),
    directory,
    processed: repos.processed,
    slips,
    boxes: new BoxChooser(repos.memberships),
    dedupeHours: config.dedupeHours,
    timeZone: config.timeZone,
    now,
    senderOptions: options.senderOptions
  });
  const http = await startHttpServer({ host: config.host, port: config.port, bot, health: store, logger: logger.child('http') });
  logger.info('Valued is listening', { url: http.url, localMode: config.localMode });

  return {
    http,
    bot,
    repos,
    store,
    async stop() {
      await http.stop();
      await bot.sender.idle();
    }
  };
}
