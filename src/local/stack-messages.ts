// The words `npm start` uses about its children and the person trying Valued.
import fs from 'node:fs';

/** Plain names for messages people will read. */
export function displayName(name: string): string {
  if (name === 'azurite') return 'Azurite (table storage)';
  if (name === 'bot') return 'the Valued bot';
  if (name.startsWith('playground')) return 'Agents Playground';
  return name;
}

export const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Reads the current user's name from a Playground config, for a friendlier welcome line. */
export function currentUserName(configPath: string): string | undefined {
  try {
    const text = fs.readFileSync(configPath, 'utf8');
    const block = /^currentUser:\s*\n((?:[ \t]+.*\n?)+)/m.exec(text);
    const name = block && /^\s+name:\s*["']?(.+?)["']?\s*$/m.exec(block[1]);
    return name ? name[1] : undefined;
  } catch {
    return undefined;
  }
}
