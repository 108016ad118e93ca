// Starting and stopping one Azurite Table service as a child process, with in-memory data.
// It must be a separate process from the bot: restify patches Node's shared request prototype,
// and an Azurite inside the same process then loses the query string (and with it $filter).
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';

// Resolved as a package, so it is found from dist/ too (the bench runs compiled).
const MAIN = require.resolve('azurite/dist/src/table/main.js');

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

/** `env`: extra environment for Azurite, such as AZURITE_ACCOUNTS. */
export async function spawnAzurite(port: number, env: Record<string, string> = {}): Promise<ChildProcess> {
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
    { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } },
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

export function killAzurite(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}
