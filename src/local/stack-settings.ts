// Where the local stack finds things and which ports it uses: the repository, the Playground
// config, the ports from the environment, and the Azurite development account.
import fs from 'node:fs';
import path from 'node:path';
import { LocalStackError } from './stack-types';

/** The Azurite development account. Its key is public and documented: not a secret. */
const AZURITE_ACCOUNT = 'devstoreaccount1';
const AZURITE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export const DEFAULT_BOT_PORT = 3978;
export const DEFAULT_PLAYGROUND_PORT = 56150;
export const DEFAULT_AZURITE_TABLE_PORT = 10002;

export function azuriteConnectionString(tablePort: number): string {
  return (
    `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT};AccountKey=${AZURITE_KEY};` +
    `TableEndpoint=http://127.0.0.1:${tablePort}/${AZURITE_ACCOUNT};`
  );
}

/** Walks up from this file to the folder holding Valued's package.json (works from src/ and dist/). */
export function findRepoRoot(start: string = __dirname): string {
  let dir = start;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) {
      try {
        if ((JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string }).name === 'valued') return dir;
      } catch {
        // not ours; keep walking
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new LocalStackError(`Could not find Valued's package.json above ${start}.`);
    dir = parent;
  }
}

export function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 65535) {
    throw new LocalStackError(`${name} should be a port number from 1 to 65535, not "${raw}".`);
  }
  return n;
}

/**
 * The Playground's own variable picks another config (e.g. to be Sam rather than Amara);
 * otherwise the one at the repository root.
 */
export function defaultPlaygroundConfig(rootDir: string): string {
  const fromEnv = process.env.M365_AGENTS_PLAYGROUND_CONFIG_PATH?.trim();
  return fromEnv ? path.resolve(fromEnv) : path.join(rootDir, '.m365agentsplayground.yml');
}
