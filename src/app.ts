// Wires config → logger → repositories → services → bot → server. Used by index.ts and by
// the tests, so both run exactly the same composition.
import type { Config } from './config';
import type { ILogger } from './logger';
import { TableStore, type PipelinePolicy, type StorageRetryOptions } from './storage/table/table-store';
import { createTableRepositories } from './storage/table/create-table-repositories';
import type { Repositories } from './storage/repositories';
import { withReadCaches } from './storage/cached/cached-repositories';
import { ConversationDirectory } from './services/conversation-directory';
import { SlipService } from './services/slip-service';
import { BoxChooser } from './services/box-chooser';
import { starOfTheMonthServices } from './services/star-of-the-month-services';
import { MyRecognitionService } from './services/my-recognition-service';
import { ReflectionService } from './services/reflection-service';
import { LinkSigner } from './services/link-signer';
import { ProfileService } from './services/profile-service';
import { DataRightsService } from './services/data-rights-service';
import { RetentionService } from './services/retention-service';
import { SendRateLimit } from './services/send-rate-limit';
import { DigestService } from './services/digest-service';
import { DigestScheduler, instanceId } from './services/digest-scheduler';
import { RosterService } from './services/roster-service';
import { PersonalReach } from './services/personal-reach';
import { ReminderService } from './services/reminder-service';
import { TeamJobs } from './services/team-jobs';
import nudgePhrases from './domain/language-nudge-phrases.json';
import type { SenderOptions } from './bot/outbound/teams-sender';
import { createBot, type Bot } from './bot/create-bot';
import { startHttpServer, type HttpServer } from './http/server';

export interface Valued {
  http: HttpServer;
  bot: Bot;
  repos: Repositories;
  store: TableStore;
  retention: RetentionService;
  dataRights: DataRightsService;
  digests: DigestService;
  /** Posts each team's monthly digest once it is due (its own timer, and POST /api/jobs/digest). */
  digestScheduler: DigestScheduler;
  /** Closes votes on time and sends the reminders that are due (its own timer, and POST /api/jobs/digest). */
  teamJobs: TeamJobs;
  stop(): Promise<void>;
}

export interface StartOptions {
  logger: ILogger;
  now?: () => Date;
  storagePolicies?: PipelinePolicy[];
  /** The storage SDK's retries (DEFAULT_STORAGE_RETRY when not given). */
  storageRetry?: StorageRetryOptions;
  senderOptions?: SenderOptions;
}

export async function startValued(config: Config, options: StartOptions): Promise<Valued> {
  const { logger } = options;
  const now = options.now ?? (() => new Date());
  const store = new TableStore(config.storage, options.storagePolicies, options.storageRetry);
  await store.ensureTables();
  // Profiles, team settings and personal chat references through a short per-process cache (see cached-repositories.ts).
  const repos = withReadCaches(createTableRepositories(store));

  const directory = new ConversationDirectory(repos.conversations, repos.memberships, repos.teamSettings, now, config.firstLeadIds);
  // Known once the server listens, when it is this server's own address (local runs and tests).
  let publicUrl = config.publicUrl;
  const myRecognition = new MyRecognitionService(repos.history, repos.profiles, config.timeZone);
  // Every team uses the default framework for now; a team setting may choose another later.
  const reflections = new ReflectionService(repos.history, repos.reflections, now);
  const links = new LinkSigner(config.linkSecret);
  const dataRights = new DataRightsService(repos, now, config.timeZone);
  const retention = new RetentionService(repos, now, config.timeZone, logger.child('retention'));
  const rateLimit = new SendRateLimit(repos.rateLimits, config.slipRateLimitPerHour, now, logger.child('rate-limit'));
  const slips = new SlipService(repos, nudgePhrases.phrases, logger.child('slips'), now, config.timeZone, rateLimit);
  const star = starOfTheMonthServices(repos, { firstLeadIds: config.firstLeadIds, timeZone: config.timeZone, logger, now, rateLimit });
  const digests = new DigestService(repos, config.timeZone, now);
  const me = instanceId();
  const bot = createBot(config, {
    logger: logger.child('bot'),
    star,
    directory,
    processed: repos.processed,
    teamSettings: repos.teamSettings,
    slips,
    boxes: new BoxChooser(repos.memberships),
    dedupeHours: config.dedupeHours,
    timeZone: config.timeZone,
    now,
    senderOptions: options.senderOptions,
    myRecognition,
    reflections,
    links,
    publicUrl: () => publicUrl,
    profiles: new ProfileService(repos.profiles, now),
    dataRights,
    digests,
    makeRoster: (source) => new RosterService({ repos, directory, source, now, instanceId: me, logger: logger.child('roster') }),
    makeReach: (starter) => new PersonalReach(directory, repos.memberships, starter, logger.child('reach')),
    makeReminders: (notices) => new ReminderService({ repos, notices, policy: star.policy, now, logger: logger.child('reminders') }),
  });
  const teamJobs = new TeamJobs({
    repos,
    votes: star.votes,
    reminders: bot.reminders,
    notices: bot.notices,
    policy: star.policy,
    now,
    logger: logger.child('team-jobs'),
  });
  const digestScheduler = new DigestScheduler({
    repos,
    digests,
    poster: bot.digestPoster,
    now,
    instanceId: me,
    logger: logger.child('digest'),
    afterPost: (settings, month) => bot.reminders.digestReady(settings, month),
  });
  const pages = {
    myRecognition,
    reflections,
    links,
    profiles: repos.profiles,
    now,
    config,
    dataRights,
    conversations: repos.conversations,
    digests,
    policy: star.policy,
    digestScheduler,
    teamJobs,
  };
  const http = await startHttpServer({ host: config.host, port: config.port, bot, health: store, logger: logger.child('http'), pages });
  if (!publicUrl) publicUrl = http.url;
  logger.info('Valued is listening', { url: http.url, localMode: config.localMode });

  // Each job runs on every instance; a storage claim lets one instance do each piece of work once.
  const every = (ms: number, what: string, job: () => Promise<unknown>) => {
    const timer = setInterval(() => void job().catch((e) => logger.error(`${what} failed`, { err: (e as Error).message })), ms);
    timer.unref();
    return timer;
  };
  const timers = [
    every(3600_000, 'retention', () => retention.runDaily()), // storage lets one run a day
    every(15 * 60_000, 'digest run', () => digestScheduler.runDue()), // one post per box
    every(15 * 60_000, 'roster reconciliation', () => bot.roster.reconcileDue()), // one read per due team
    // A late vote is refused at its closing time whatever the timer; one close per vote, one send per reminder.
    every(5 * 60_000, 'team jobs', () => teamJobs.runDue()),
  ];

  return {
    http,
    bot,
    repos,
    store,
    retention,
    dataRights,
    digests,
    digestScheduler,
    teamJobs,
    async stop() {
      timers.forEach(clearInterval);
      await http.stop();
      await bot.sender.idle();
    },
  };
}
