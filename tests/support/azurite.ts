// A real Azurite Table service inside the test process: free port, in-memory data, ~10 ms to
// start. Deep imports because the package root wants VS Code (see STACK-NOTES).
/* eslint-disable @typescript-eslint/no-var-requires */
import type { AddressInfo } from 'node:net';

const { default: TableServer } = require('azurite/dist/src/table/TableServer');
const { default: TableConfiguration } = require('azurite/dist/src/table/TableConfiguration');

export const DEV_ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export const connectionStringFor = (port: number): string =>
  `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${DEV_ACCOUNT_KEY};TableEndpoint=http://127.0.0.1:${port}/devstoreaccount1;`;

export interface TestAzurite {
  port: number;
  connectionString: string;
  /** Stops serving (storage "goes down"); data is lost, as after a real outage of this emulator. */
  stop(): Promise<void>;
  /** Serves again on the same port. */
  restart(): Promise<void>;
}

async function startServer(port: number): Promise<{ server: { close(): Promise<void>; clean(): Promise<void> }; port: number }> {
  // Positional: host, port, keepAlive, dbPath, debugLog, accessLog, stream, debugPath, loose, skipApiVersionCheck, cert, key, pwd, oauth, productStyle, inMemory
  const config = new TableConfiguration('127.0.0.1', port, undefined, undefined, false, false, undefined, undefined, false, true, '', '', '', undefined, false, true);
  const server = new TableServer(config);
  await server.start();
  const address = server.getHttpServerAddress() as string;
  const actual = Number(new URL(address).port) || (server.httpServer.address() as AddressInfo).port;
  return { server, port: actual };
}

export async function startAzurite(): Promise<TestAzurite> {
  let { server, port } = await startServer(0);
  let stopped = false;
  return {
    port,
    connectionString: connectionStringFor(port),
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.close();
      await server.clean();
    },
    async restart() {
      ({ server } = await startServer(port));
      stopped = false;
    }
  };
}
