// Jest global teardown: stops the shared Azurite started by global-setup.ts.
import fs from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { killAzurite } from './azurite-process';

export default async function globalTeardown(): Promise<void> {
  const started = (globalThis as Record<string, unknown>).__valuedAzurite as { child: ChildProcess; claims: string } | undefined;
  if (!started) return;
  await killAzurite(started.child);
  fs.rmSync(started.claims, { recursive: true, force: true });
}
