// A real Azurite Table service for tests: a child process on a free port with in-memory data.
// It must be a separate process from the bot: restify patches Node's shared request prototype,
// and an Azurite inside the same process then loses the query string (and with it $filter).
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { findFreePort } from '../../src/local/free-ports';

export const DEV_ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export const connectionStringFor = (port: number): string =>
  `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${DEV_ACCOUNT_KEY};TableEndpoint=http://127.0.0.1:${port}/devstoreaccount1;`;

export interface TestAzurite {
  port: number;
  connectionString: string;
  /** Stops serving (storage "goes down"); in-memory data is lost. */
  stop(): Promise<void>;
  /** Serves again on the same port. */
  restart(): Promise<void>;
}

const MAIN = path.resolve(__dirname, '../../node_modules/azurite/dist/src/table/main.js');

/** A free port below the ephemeral range, so no outgoing connection takes it before Azurite listens. */
export const freePort = findFreePort;

export function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function spawnAzurite(port: number): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      MAIN,
      '--tableHost',
      '127.0.0.1',
      '--tablePort',
      String(port),
      '--inMemoryPersistence',
      '--skipApiVersionCheck',
      '--disableTelemetry',
      '--silent',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += d));
  const deadline = Date.now() + 15_000;
  while (!(await listening(port))) {
    if (child.exitCode !== null) throw new Error(`Azurite exited (${child.exitCode}): ${stderr}`);
    if (Date.now() > deadline) throw new Error(`Azurite did not start on ${port}: ${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return child;
}

function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

export async function startAzurite(): Promise<TestAzurite> {
  const port = await freePort();
  let child = await spawnAzurite(port);
  const cleanup = () => child.kill('SIGKILL');
  process.once('exit', cleanup);
  return {
    port,
    connectionString: connectionStringFor(port),
    async stop() {
      await kill(child);
    },
    async restart() {
      child = await spawnAzurite(port);
    },
  };
}
