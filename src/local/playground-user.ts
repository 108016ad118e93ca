// Who the Playground says you are (its currentUser), so that locally the "My recognition" tab,
// opened in an ordinary browser, shows the same person's recognition (DEV_USER_ID).
import fs from 'node:fs';

export interface PlaygroundUser {
  aadObjectId: string;
  name: string;
}

/** Reads `currentUser:`'s aadObjectId and name from the Playground's YAML; undefined if absent. */
export function parsePlaygroundUser(yaml: string): PlaygroundUser | undefined {
  const lines = yaml.split(/\r?\n/);
  const start = lines.findIndex((l) => /^currentUser:\s*$/.test(l));
  if (start < 0) return undefined;
  const fields: Record<string, string> = {};
  for (const line of lines.slice(start + 1)) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    const m = /^\s+([A-Za-z]+):\s*(.*?)\s*$/.exec(line);
    if (!m) break;
    fields[m[1]] = m[2].replace(/^["']|["']$/g, '');
  }
  return fields.aadObjectId ? { aadObjectId: fields.aadObjectId, name: fields.name ?? '' } : undefined;
}

export function readPlaygroundUser(configPath: string): PlaygroundUser | undefined {
  try {
    return parsePlaygroundUser(fs.readFileSync(configPath, 'utf8'));
  } catch {
    return undefined;
  }
}
