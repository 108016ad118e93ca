// Starts Valued exactly as index.ts does (same composition), on a free port, against fresh,
// empty storage (an account of its own in the shared Azurite, see azurite.ts) and a local
// connector, and posts Teams activities to it over real HTTP.
import { readEnvOptions } from '../../src/config';
import { MemoryLogger } from '../../src/logger';
import { startValued, type StartOptions, type Valued } from '../../src/app';
import { startAzurite, type AzuriteOptions, type TestAzurite } from './azurite';
import { LocalConnector } from './connector';

export interface Harness {
  valued: Valued;
  azurite: TestAzurite;
  connector: LocalConnector;
  logs: MemoryLogger;
  serviceUrl: string;
  /** POSTs an activity to /api/messages; returns status and parsed body (invoke responses). */
  post(activity: unknown): Promise<{ status: number; body: any }>;
  stop(): Promise<void>;
}

/**
 * For tests that take storage away: the SDK still retries each call three times, but from 5 ms
 * rather than 100 ms, so a refused call fails in tens of ms instead of most of a second.
 */
export const QUICK_STORAGE_RETRY = { maxRetries: 3, retryDelayInMs: 5, maxRetryDelayInMs: 20 };

/** A second Valued on the harness's storage account, as another instance would be; `env` and `options` as for startHarness. */
export function startAnotherInstance(
  h: Harness,
  env: Record<string, string> = {},
  options: Partial<Omit<StartOptions, 'logger'>> = {},
): Promise<Valued> {
  const config = readEnvOptions({
    LOCAL_MODE: 'true',
    PORT: '0',
    HOST: '127.0.0.1',
    STORAGE_CONNECTION_STRING: h.azurite.connectionString,
    LOG_LEVEL: 'debug',
    ...env,
  });
  return startValued(config, { logger: new MemoryLogger(), ...options });
}

/**
 * `options`: extra start options, such as storage pipeline policies for fault tests.
 * `storage`: `{ private: true }` for an Azurite process of this harness's own.
 */
export async function startHarness(
  env: Record<string, string> = {},
  options: Partial<Omit<StartOptions, 'logger'>> = {},
  storage: AzuriteOptions = {},
): Promise<Harness> {
  const azurite = await startAzurite(storage);
  const connector = await new LocalConnector().start();
  const logs = new MemoryLogger();
  const config = readEnvOptions({
    LOCAL_MODE: 'true',
    PORT: '0',
    HOST: '127.0.0.1',
    STORAGE_CONNECTION_STRING: azurite.connectionString,
    LOG_LEVEL: 'debug',
    ...env,
  });
  const valued = await startValued(config, { ...options, logger: logs });
  return {
    valued,
    azurite,
    connector,
    logs,
    serviceUrl: connector.url,
    async post(activity) {
      const res = await fetch(`${valued.http.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
      const text = await res.text();
      let body: any = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        /* not JSON: keep the text */
      }
      return { status: res.status, body };
    },
    async stop() {
      await valued.stop();
      await connector.stop();
      await azurite.release();
    },
  };
}
