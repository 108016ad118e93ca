// Jest global setup: builds the pages' assets (as `npm run build` does) and starts the one
// Azurite that every test file shares (see shared-azurite.ts).
// The workers start after this runs, so they inherit the environment variable set here.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findFreePort } from '../../src/local/free-ports';
import { buildViews } from '../../src/tools/build-views';
import { DEV_ACCOUNT_KEY } from './azurite';
import { spawnAzurite } from './azurite-process';
import { SHARED_AZURITE_ENV, accountsSetting, type SharedAzurite } from './shared-azurite';

export default async function globalSetup(): Promise<void> {
  await buildViews();
  const port = await findFreePort();
  const child = await spawnAzurite(port, { AZURITE_ACCOUNTS: accountsSetting(DEV_ACCOUNT_KEY) });
  const claims = fs.mkdtempSync(path.join(os.tmpdir(), 'valued-azurite-'));
  const shared: SharedAzurite = { port, claims };
  process.env[SHARED_AZURITE_ENV] = JSON.stringify(shared);
  // Read by global-teardown.ts, which jest runs in this same context.
  (globalThis as Record<string, unknown>).__valuedAzurite = { child, claims };
  // If jest dies without its teardown, Azurite must not live on holding memory and a port.
  process.once('exit', () => child.kill('SIGKILL'));
}
