// A real Azurite Table service for tests. Under `npm test` every call gets its own account in
// the one Azurite the global setup started (shared-azurite.ts), behind a plug of its own
// (storage-plug.ts), so stop() and restart() take storage away from this test only. Without the
// global setup (browser tests, the bench), or when asked with { private: true }, it starts an
// Azurite process of its own, as every test file used to.
import { TableServiceClient } from '@azure/data-tables';
import { findFreePort } from '../../src/local/free-ports';
import { killAzurite, listening, spawnAzurite } from './azurite-process';
import { claimAccount, sharedAzurite, type SharedAzurite } from './shared-azurite';
import { StoragePlug } from './storage-plug';

export { listening };

export const DEV_ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export const connectionStringFor = (port: number, account = 'devstoreaccount1'): string =>
  `DefaultEndpointsProtocol=http;AccountName=${account};AccountKey=${DEV_ACCOUNT_KEY};TableEndpoint=http://127.0.0.1:${port}/${account};`;

export interface TestAzurite {
  port: number;
  connectionString: string;
  /** Stops serving (storage "goes down"); the data is lost. */
  stop(): Promise<void>;
  /** Serves again on the same port. */
  restart(): Promise<void>;
}

export interface AzuriteOptions {
  /** A whole Azurite process for this test alone, rather than an account in the shared one. */
  private?: boolean;
}

/** A free port below the ephemeral range, so no outgoing connection takes it before Azurite listens. */
export const freePort = findFreePort;

async function privateAzurite(): Promise<TestAzurite> {
  const port = await freePort();
  let child = await spawnAzurite(port);
  const cleanup = () => child.kill('SIGKILL');
  process.once('exit', cleanup);
  return {
    port,
    connectionString: connectionStringFor(port),
    async stop() {
      await killAzurite(child);
    },
    async restart() {
      child = await spawnAzurite(port);
    },
  };
}

/** Drops every table of the account, as a stopped in-memory Azurite would lose them. */
async function dropTables(connectionString: string): Promise<void> {
  const service = TableServiceClient.fromConnectionString(connectionString, { allowInsecureConnection: true });
  const names: string[] = [];
  for await (const table of service.listTables()) if (table.name) names.push(table.name);
  await Promise.all(names.map((name) => service.deleteTable(name)));
}

async function plugged(plug: StoragePlug): Promise<number> {
  for (let tries = 0; ; tries++) {
    const port = await freePort();
    try {
      await plug.plugIn(port);
      return port;
    } catch (err) {
      if (tries >= 5) throw err; // taken between the check and the listen: try another
    }
  }
}

async function sharedAccount(shared: SharedAzurite, account: string): Promise<TestAzurite> {
  const plug = new StoragePlug(shared.port);
  const port = await plugged(plug);
  // The tables are dropped in the background, so a test's last stop() does not wait on it;
  // a restart() waits, so storage always comes back empty.
  let dropping: Promise<void> = Promise.resolve();
  return {
    port,
    connectionString: connectionStringFor(port, account),
    async stop() {
      await plug.pull();
      dropping = dropTables(connectionStringFor(shared.port, account)).catch(() => undefined);
    },
    async restart() {
      await dropping;
      await plug.plugIn(port);
    },
  };
}

export async function startAzurite(options: AzuriteOptions = {}): Promise<TestAzurite> {
  const shared = options.private ? undefined : sharedAzurite();
  const account = shared && claimAccount(shared);
  return shared && account ? sharedAccount(shared, account) : privateAzurite();
}
