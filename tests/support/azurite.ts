// A real Azurite Table service for tests. Under `npm test` every call gets its own account in
// the one Azurite the global setup started (shared-azurite.ts); stop() empties that account
// only. Without the global setup (browser tests, the bench), or when asked with
// { private: true }, it starts an Azurite process of its own, which stop() really stops.
import { TableServiceClient } from '@azure/data-tables';
import { findFreePort } from '../../src/local/free-ports';
import { killAzurite, listening, spawnAzurite } from './azurite-process';
import { claimAccount, sharedAzurite, type SharedAzurite } from './shared-azurite';

export { listening };

export const DEV_ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export const connectionStringFor = (port: number, account = 'devstoreaccount1'): string =>
  `DefaultEndpointsProtocol=http;AccountName=${account};AccountKey=${DEV_ACCOUNT_KEY};TableEndpoint=http://127.0.0.1:${port}/${account};`;

export interface TestAzurite {
  port: number;
  connectionString: string;
  /** The data is lost; a private Azurite also stops serving (storage "goes down"). */
  stop(): Promise<void>;
  /** A private Azurite serves again on the same port, empty; shared storage never stopped. */
  restart(): Promise<void>;
  /**
   * The test file is done with it: a private Azurite stops; a shared account is left as it is,
   * since the shared Azurite ends with the run (emptying it would cost a request per table).
   */
  release(): Promise<void>;
}

export interface AzuriteOptions {
  /** A whole Azurite process for this test alone, rather than an account in the shared one: for tests of storage going down. */
  private?: boolean;
}

/** A free port below the ephemeral range, so no outgoing connection takes it before Azurite listens. */
export const freePort = findFreePort;

async function privateAzurite(): Promise<TestAzurite> {
  const port = await freePort();
  let child = await spawnAzurite(port);
  const cleanup = () => child.kill('SIGKILL');
  process.once('exit', cleanup);
  // Reads `child` when called, so it stops the Azurite that restart() started.
  const stop = () => killAzurite(child);
  return {
    port,
    connectionString: connectionStringFor(port),
    stop,
    async restart() {
      child = await spawnAzurite(port);
    },
    release: stop,
  };
}

/**
 * Drops every table of the account, as a stopped in-memory Azurite would lose them. Never
 * retried: after a file's last test the shared Azurite may already be gone, and a retry's
 * back-off timer would hold jest open for seconds.
 */
async function dropTables(connectionString: string): Promise<void> {
  const service = TableServiceClient.fromConnectionString(connectionString, {
    allowInsecureConnection: true,
    retryOptions: { maxRetries: 0 },
  });
  const names: string[] = [];
  for await (const table of service.listTables()) if (table.name) names.push(table.name);
  await Promise.all(names.map((name) => service.deleteTable(name)));
}

/**
 * An account in the shared Azurite, reached directly: a relay in between cost every request a
 * quarter of a millisecond of the worker's time. So stop() cannot make this storage refuse
 * connections; it empties it, as a stopped in-memory Azurite would. Tests of storage going down
 * ask for a private Azurite.
 */
function sharedAccount(shared: SharedAzurite, account: string): TestAzurite {
  const connectionString = connectionStringFor(shared.port, account);
  return {
    port: shared.port,
    connectionString,
    stop: () => dropTables(connectionString).catch(() => undefined),
    restart: () => Promise.resolve(),
    release: () => Promise.resolve(),
  };
}

export async function startAzurite(options: AzuriteOptions = {}): Promise<TestAzurite> {
  const shared = options.private ? undefined : sharedAzurite();
  const account = shared && claimAccount(shared);
  return shared && account ? sharedAccount(shared, account) : privateAzurite();
}
