// Process entry point: read config (failing fast and plainly), start, and stop gracefully.
import { ConfigError, readEnvOptions } from './config';
import { createLogger } from './logger';
import { startValued } from './app';

async function main(): Promise<void> {
  let config;
  try {
    config = readEnvOptions(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`Valued cannot start: ${e.message}. See env.example for every setting.`);
      process.exit(2);
    }
    throw e;
  }
  const logger = createLogger(config.log);
  if (config.localMode && !config.bot.appId) {
    logger.warn('Local mode: inbound authentication is off. Never run this way where others can reach the port.');
  }
  const valued = await startValued(config, { logger });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('stopping', { signal });
    await valued.stop();
    logger.info('stopped');
    // pino-pretty runs in a worker; give it a moment to flush.
    setTimeout(() => process.exit(0), 100);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  // A malformed request must never take the process down; log and carry on.
  process.on('unhandledRejection', (reason) => logger.error('unhandled rejection', { err: String(reason) }));
}

main().catch((e) => {
  console.error('Valued failed to start:', (e as Error).message);
  process.exit(1);
});
